"""How the danger check reads time, doubt and comfort in a message: clauses and guards.

bot/safety/danger.py decides; this module only says where a message's clauses are
and what each stretch of text signals, so the patterns can be read (and
changed) in one place:

- clauses: people type urgent facts in the middle of long reflective messages
  joined by commas, "and", "then", "but", "so". Each clause is read on its
  own, and so are short runs of two or three neighbouring clauses, because a
  fact can span them ("gas on, mum passed out, 2 little ones inside");
- guards: a danger phrase is undone by a negation just before it in its own
  clause, or by the past or a "what if" in the clauses it spans, unless those
  same clauses say now. A "last week" in one clause never cancels "tonight"
  in another;
- comfort: "all safe now", "sorted", "an order is already in place" lower a
  reading one level (the urgent reply becomes the check; the check, nothing);
- idioms: "nearly died laughing", "killing me" are read as what they mean.
"""
from __future__ import annotations

import re
from typing import Callable, List, Tuple

import regex

_WEEKDAY = r"(mon|tues?|wed(nes)?|weds|thu(rs)?|thurs|fri|sat(ur)?|sun)(day)?"

# Where one clause ends and the next begins inside a sentence.
CLAUSE_BREAK = re.compile(
    # not "she and the children", "mum and dad": a pair of people, not two clauses
    # (nor "safe and well", the name of a police check)
    r"\s*[,;]\s*|\s*\(\s*|\s*\)\s*|(?<!\bshe)(?<!\bhe)(?<!\bme)(?<!\bmum)(?<!\bdad)(?<!\bmam)(?!(?<=\bsafe)\s+and well)"
    r"\s+(?:and then|and|"
    r"then|but|so|cos|coz|because|while|whilst|although|though|"
    r"plus|&|\+|also|anyway|as well as|meanwhile|now that|in case)\s+", re.IGNORECASE)

NOW = regex.compile(
    # not an age reached since ("(now 19)", "she's now 22", "Eldest (now 17)"): an age, not a time; nor where a young
    # person is ("he's at college now")
    # (nor the time since something long ago: "years ago now")
    r"\b((?<!for )(?<!safe )(?<!fine )(?<!ago )(?<!college )(?<!uni )(?<!university )(?<!\b1[89] )(?<![2-9]\d )(?<!\()"
    # (nor an age told after it: "now he is 3", not "now he's 10 minutes away")
    # (and an age told beside "he's" or "she's": "she's 12 now", "he's now 17", not "he's now 5 minutes away")
    r"(?<!\b(?:he|she|who|they)(?:'?s| is|'re| are) \d{1,2} )"
    r"now(?! (at|in) (uni|university|college|sixth form)\b)(?! (i|we) (do|work|volunteer|mentor|run|teach|train)\b)"
    r"(?! (aged? )?(1[89]|[2-9]\d)\b)(?! (he|she)('s| is) (aged? )?\d{1,2}\b(?! ?(mins?|minutes|hours?|hrs?|"
    r"secs?|seconds|miles|km|%)))(?!(?<=\b(?:he|she|who|they)(?:'?s| is|'re| are) now) (aged? )?\d{1,2}\b"
    r"(?! ?(mins?|minutes|hours?|hrs?|secs?|seconds|miles|km|%)))|right now|"
    # ("two years ago tonight": an anniversary, not tonight)
    r"rn|(?<!ago )(tonight|tonite|tnight|2nite|today)|"
    r"this (morning|afternoon|evening|minute|second)|as we speak|"
    r"at the moment|atm|currently|just (now|happened)|on (his|her|their|my) way|outside|"
    # news just in: "DSL just rang", "my worker just got a text"
    r"just (rang|called|phoned|texted|messaged|got|said|told|sent|emailed|disclosed|rung|typed|posted|wrote)|"
    r"still (there|here|in there|at the house|in the house|inside|(in|at) (the|her|his|their|my|nan'?s|gran'?s) "
    r"(house|flat|home|room|car))|(asleep|unconscious|unresponsive|out cold) since|"
    r"tomorrow|tmrw|tmr|in (an|one|two|three|five|ten|fifteen|twenty|thirty|forty|\d+) (hours?|hrs?|mins?|minutes)\b|"
    r"in half an hour|in (the )?last (hour|half hour|\d+ ?(mins?|minutes))|"
    # an arrangement made for this weekend: "im moving my new partner in this weekend"
    r"(('re|'m|'s|\bis|\bare|\bam|\bim) \w+ing\b[^.;]{0,40}?\bthis weekend)|"
    # back where the harm is, now: "Police already dropped him back there and left"
    r"(dropped|took|taken|sent|returned) (him|her|them) (straight )?back (there|home|to (him|her|them))|"
    r"(she|he|they)('s| has| have|'ve) (just )?gone (back )?home\b|"
    # hunger now: "she's eaten the last of the cereal"
    r"(eaten|eating|ate) the last of|no food left|(the )?food('?s)? (has |have )?(ran|run) out|"
    r"(run|ran) out of food|"
    # a parent who did not come home last night is still gone: "daddy didn't come home last night, we're hungry"
    r"(didn'?t|did not|never) (come|came) (home|back) (last night|yesterday)|"
    # (and nobody back since: "the kids were alone when we called last night, nobody has been back since")
    r"(nobody|no one|noone|no-one)('s| has) (been|come) (back|round|home)( since)?(?! (19|20)\d\d)|"
    r"(went out|left|went off|went) (yesterday|last night|on \w+day)( \w+){0,3} (never|didn'?t|did not|hasn'?t|"
    r"has not|not) (come|came|been) (home|back)|"
    r"at (half|quarter) (past |to )?\w+|at \d{1,2}([.:]\d\d| ?(am|pm|o'?clock))|"
    # a time on the 24-hour clock, as the forces and the emergency services write it: "collecting him from here 1700",
    # "Its 1930", "at 2300", "0630hrs" (not a year: "in 2019", "on licence till 2027")
    r"(at|@|it'?s|its|it is|from here|(collect\w*|picks?|picking|pick ?up)( (?!(in|since|of|from|until|till|by)\b)\w+)"
    r"{0,2}) ([01]\d|2[0-3])[0-5]\d(?![/\d-])|"
    r"(?<![/\d-])([01]\d|2[0-3])[0-5]\d ?(hrs|hours)\b|"
    # the time told now: "It's ten to three"
    r"it'?s (ten|five|twenty|twenty-five|quarter|half) (to|past) (one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|\d{1,2})|"
    r"at \d{1,2}(?= *([.!?,;'’\"]|$|today|tonight|as usual|for (another|the|a|tea|dinner)\b))|"
    r"home time|end of (the )?(school )?day|"
    # still missing since a time ("missing since 6pm"), and a child's present state ("is very sleepy", "has been sick")
    r"(missing|not (been )?seen|not heard from) since|since \d{1,2}( ?(am|pm|o'?clock))?|"
    # (still alone since: "the children have been alone in the flat since she was admitted to hospital on Thursday")
    r"(?<!(had|'d) been )(alone|on (their|his|her) own|by (them|him|her)sel(f|ves))( in the (house|flat|home))? since|"
    r"(is|are|'s|'re) (now |still )?(very |really |so |too |quite )?(sleepy|drowsy|floppy|limp|grey|blue|pale|"
    r"unresponsive|hard to wake|not waking|not feeding|fitting)|(has|have|'s|'ve) been (sick|vomiting|fitting)|"
    r"since (last night|yesterday|this morning)|since (mum|dad|mam|she|he|they|their (mum|dad|mother|father)|the "
    r"parents?) (left|went)|all (day|night)|overnight|minutes? ago|(an|one|two|\d+) hours? ago|"
    r"earlier( today| on)?|(?<!back )inside(?! (til|till|until|for \d))|"
    # news ("she's just left"), not "is just" and a state ("Mum says he's just tired")
    r"(has|have|'s|'ve) just(?! (tired|sleepy|hungry|teething|grumpy|upset|being|a|an|the|so|very|really|too|how|"
    r"what|like|not|fine|ok|okay|normal|quiet|shy|cheeky|naughty|playing|messing|attention|his|her|their|my|one|that|"
    r"this)\b)|(hasn'?t|has not|haven'?t|not) (come|came|been) (back|home)|"
    r"before (the )?morning|by (the )?morning|any (minute|second|moment)|"
    # a clock time typed bare ("pickup 3.15", "flight 9pm"; not "it's 3am", which sets a scene, nor "3.45kg")
    r"(?<![£$\d.:/])(?<!it's )(?<!its )(?<!it was )\d{1,2}([.:]\d\d)? ?(am|pm)\b|"
    r"(?<![£$\d.:/])\d{1,2}[.:][0-5]\d(?![.:/]?\d| ?(kg|g|ml|l|m|cm|km|mm|lbs?|oz|%)\b)|\d+ ?hrs? ago|"
    r"(collecting|collects|here|home|back) in \d{1,2}(?= *($|[.!?,]))|"
    r"already (here|there|outside|in (the )?car ?park|at the (gate|door|school))|"
    # someone at the school or the door now: "the man who attacked mum ... is in the car park saying he's taking her"
    r"(is|'s|are|'re) (still )?(in|at) the (school )?(car ?park|gates?|front door)(?! (at|on|every|most|each)\b)|"
    # not "the night it happened", "the night before", "the night of the fire": a night gone by
    r"(?<!in )the night(?! before\b| of\b| (it|this|that|he|she|they|we|i|police|mum|dad) "
    r"(happened|was|were|came|went|\w+ed)\b)|"
    r"in the (house|flat|home) (with|alone)|"
    r"flights? (are |is |'s |all )?(booked|sat|sun|tomorrow)|eta \d+|en route|in the next (hour|\d+ (mins?|minutes|"
    r"hours?))|"
    # a time the day at school ends, typed without "at": "school finish 3pm, boyfriend collect him"
    r"(by|before) (teatime|tea time|tea|bedtime|bed time)|first thing|"
    r"at (one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)( o'?clock| thirty| fifteen| forty-?five)?"
    r"(?= *([.!?,;]|$|tonight|today|this|am|pm))|(half|quarter) (past|to) (one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve)|"
    r"before the bell|after school(?! (clubs?|activit\w*|provision|care|sessions?|groups?))|as i type|"
    # after today's club, and someone waiting now: "going home with him after football", "dad's waiting at the gate"
    r"after (football|club|swimming|practice|training|dance|cubs|brownies|scouts|beavers|gymnastics|the match|tea)\b"
    r"(?! (sessions?|on \w+days?))|(is|'s|are|'re) (already |still )?waiting (at|outside|by|in)|"
    r"(finish(es|ing)?|ends?|closes?|out) (at )?\d{1,2}([.:]\d\d)? ?(am|pm)\b|after work|"
    r"when (training|school|club|football|practice|swimming|the match|nursery|cubs|scouts|brownies) (finishes|ends|"
    r"is over|lets out|closes)|"
    r"(shuts|closes|finishes|ends|lets out) (at \d{1,2}([.:]\d\d)?|\d{1,2}[.:]\d\d)\b|"
    r"(staying|stopping|sleeping) (over )?(the|this) "
    r"(weekend|night)|(has|have) not yet (ended|finished|stopped|left)|"
    r"remains? (in the room )?with (him|her)|"
    r"(after|before|at) lights out|(after|once|when) (mum|dad|everyone|they|he|she|the others) (goes|go|has gone|"
    r"'s gone|have gone) to (bed|sleep)|"
    r"on the (late|last|next|night|early|\d+(:\d\d)?(am|pm)?) (train|bus|coach|flight|ferry))\b",
    regex.IGNORECASE)
# "an hour ago", "earlier today", "since last night": recent or still going on, not history.
_RECENT = re.compile(
    r"\b((an?|one|two|three|five|ten|fifteen|twenty|thirty|few|couple of|\d+|half( an?)?) (hours?|hrs?|mins?|"
    r"minutes?) ago|since (last night|yesterday|this morning|" + _WEEKDAY + r")|"
    r"earlier today|"
    # "at the weekend" after a verb of what is coming ("is taking her for the operation at the weekend")
    # (or a quote opening before it: "she's 'getting cut at uncle's house at the weekend'")
    r"((is|are|'re)\b|'s ['‘\"]?\w+ing\b|will\b|'ll\b|going to|gonna|booked|"
    r"due)[^.;]{0,60}?\bat the weekend)\b", re.IGNORECASE)
PAST = re.compile(
    # a case named by what happened, as a label ("half term home alone case - ..."), not "in this case"
    r"(?<!this )(?<!that )(?<!any )(?<!each )(?<!which )\bcase$|"
    r"\b(ago|last (week|month|year|summer|winter|spring|autumn|christmas|easter|time(?! (you|u|ya|any))|night|term|"
    r"half term|"
    + _WEEKDAY + r")|"
    r"in (19|20)\d\d|in (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|yesterday|the case (where|when)|"
    # ("mum told me about the time she locked the kids in")
    r"about the time (when )?(she|he|they|i|we|mum|dad)|"
    r"back then|(in|from|during) my (first|second|third|asye|nqsw|student) (year|placement)|from (19|20)\d\d\b|"
    r"when i was (a |an |still a |in my )?(\w+ )?(student|trainee|nqsw|asye|newly qualified|on placement|first year)|"
    r"when i was (practising|practicing|working|training|based) (in|at|abroad|overseas)|"
    r"last (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\bage \d{1,2}(-\d{1,2})?(?=:)|"
    r"old (\w+ )?(burns|scars|injur\w*|fractures|marks)|"
    r"^\W*(from|in|per) the (chronology|file|records?|case notes)\b|"
    r"\bwhen (he|she|i|they|we) (was|were) (\d{1,2}|little|a baby|younger|small|in year \d{1,2})\b|"
    r"\bback in (primary|juniors|infants|reception|secondary|year \d{1,2})\b|"
    r"\bhistoric(al)? (callout|call out|referral|incident|record|call|entry)\b|"
    # a record named by its year ("2016 referral text: ...")
    r"\b(19|20)\d\d (referral|report|record|entry|incident|case note|chronology|strategy|conference)s?\b|"
    # a date written in full ("12/02/2022: child found ..."), and a weekday after a verb in the past ("they left him
    # alone for an hour on Saturday")
    r"(?<!dob: )(?<!dob )(?<!born )\d{1,2}[/.]\d{1,2}[/.](19|20)?\d\d(?!\d)|"
    r"\d{1,2}(st|nd|rd|th)? (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* ('?\d\d|(19|20)\d\d)(?!\d)|"
    r"(left|was|were|went|took|had|did|happened|came|found)\b"
    r"((?!\b(going|will|gonna|due|booked|flying|leaving|is|are|'s|'re)\b)[^.,;]){0,40}\bon " + _WEEKDAY + r"|"
    r"back in(?= (19|20)\d\d| the (day|past)| (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
    r" (spring|summer|autumn|winter)| year)|"
    r"previous(ly)?(?! (convictions?|offences?|offending|case|partner|relationship|boyfriend|girlfriend|husband|child|"
    r"children|baby|babies|son|daughter|"
    r"wife|address))|"
    r"historic(al(ly)?)?|in the past|used to|years? before|during (the )?(lockdowns?|covid|pandemic)|"
    r"(on|at) (my|our|the|her|his) (first|last|initial|previous) (visit|meeting|session|medical|appointment|review|"
    r"check|conference)|"
    r"when (\w+ ){1,2}(was|were) (little|younger|a baby|a toddler|a child|a girl|a boy|small|\d+|in year \d+|one|two|"
    r"three|four|five|six|seven|eight|nine|ten)\b|"
    r"as a (child|girl|boy|baby|toddler|teenager|teen|kid)|"
    r"\b(the|that|this|last) (\w+ )?(incident|episode|fire|fight|assault|attack|overdose|call ?out|call-out) "
    r"(\w+ ){0,4}on " + _WEEKDAY + r"|during the (last|previous|first) plan|"
    r"before the (last |previous )?plan|at the time|had been|(she|he|they|i|we)'d been|were called|was called|"
    r"(?<!who )(?<!that )was arrested|was convicted|conviction|"
    r"(was|were) (found(?! (wandering|alone|on (his|her|their) own|"
    r"unresponsive|unconscious|collapsed|outside|chewing|eating|sucking|drinking|swallowing|licking))|reported|"
    r"recorded)|"
    r"(was|were|got|told|said|disclosed|happened|started|began)\b((?!\b(is|are|'s|'re)\b)[^.,;]){0,50}\bin (year|yr) "
    r"\d{1,2}\b|"
    r"(years|months|weeks) back|(jumped|was|were|happened|did|took|tried|attempted)\b[^.,;]{0,40}\baged \d{1,2}\b|"
    r"(that|the) (19|20)\d\d (case|incident|review|plan)|(was|were|happened) in (year|yr|reception|primary|"
    r"nursery)( \d+)?|at \d+ (months|"
    r"weeks|years|yrs|mths)( old)?|a while back|at the weekend|"
    r"over the weekend|the other (day|week|night)|"
    r"often|usually|sometimes|regularly|tends? to|most (nights|days|weekends|mornings)|in the mornings|"
    r"every (morning|school day))\b",
    re.IGNORECASE)
# A drug taken, or something swallowed: "might have got hold of his methadone" is no "what if" but a doubt about what
# has happened
_SWALLOWED = r"(got hold of|swallowed|eaten|drunk|drank|taken|had some|got into)"
HYPOTHETICAL = re.compile(
    # "before I could say anything" is what happened, not a "what if"
    # ("she would not stop crying" is what happened: a refusal, not a "what if")
    r"(^|\b)(if|what if|what would|what should (i|we) do if|"
    r"would(?!(n'?t| not) (stop|let|settle|wake|feed|eat|leave|listen|answer|open|go)\b)|(?<!before i )(?<!before we )"
    r"(?<!before he )"
    r"(?<!before she )(?<!before they )(?<!before anyone )(could|might)(?! have ['‘]?" + _SWALLOWED + r")|in future|"
    r"in theory|hypothetically|"
    r"suppose|imagine|(?:^|(?<=[,;:(.] )|(?<=\bjust )|(?<=\bso )|(?<=\blike )|(?<=\bnow ))say (a|the|your|ur)|one day|"
    r"worst case|you (find|discover|smell|notice|walk in and|arrive and)|"
    r"worried that|worry that|"
    r"worr(y|ied) (that )?(i|we) (\w+ed|did|didn'?t|should|have|haven'?t|was|were)\b|in case|"
    r"how (do|should|would) (we|i|you)|"
    r"role[- ]?play|scenario|vignette|training|workshop|safety plan says|the plan is|thinking about|reflecting on|"
    r"reflect on|wondering (about|whether|if|how)|i wonder|(like|want|need|going) to think about|"
    r"think(ing)? about how|(writes?|wrote|writing|reads?|reading) (stories|a story|books?|poems?) about|"
    r"(piece|project|presentation|assembly|lesson|drama|play|film|essay) (on|about))\b", re.IGNORECASE)
# A threat's own condition ("saying he'll drive into the river if she leaves") is the threat, not a "what if".
THREAT_CONDITION = re.compile(
    r"(\b(threat\w*|saying|says|said|told|tell|tells|texted|messag\w*|shouting|screaming|swearing|swore)\b[^,.;]{0,60}?"
    r"\b(he'?ll|hell|she'?ll|they'?ll|i'?ll|will|going to|gonna|gunna|would)\b[^,.;]{0,60}?|"
    r"\bthreat(en|ened|ening|ens)\b[^,.;]{0,60}?)\b(if|unless)\b[^,.;]*|"
    r"()\bif (i|you|he|she|we) (don'?t|dont|do not|doesn'?t|doesnt|does not|won'?t|wont|"
    r"refuse\w*)\b[^,.;]{0,60}?(?=,? ?(then )?(they|he|she)"
    r"( said| say| says)? ?(they|he|she)?('?ll|ll| will| would|'d) )|"
    # going home as a threat's condition: "if i go home mum will actually kill me"
    r"()\bif (i|you|u) go (back )?(home|there)?( after school| tonight| later)?\b(?=[^.;]{0,20}\b(will|'ll|"
    r"is going to|gonna)\b)|"
    # a threat to self on a condition ("if they take her off me on monday i'm not gonna be here for it"), and a
    # debt cleared on a condition ("if i film it he'll clear my debt"): the threat, or the offer, is now
    r"()\bif (they|the social|social services|social|ss|you|u|the court) (take|takes|remove|removes) (her|him|them|"
    r"the baby|my baby|the kids|my kids|my (son|daughter|boy|girl|little one)) (off|from|away from) me\b|"
    r"()\bif (i|you|u|she|he) (film|send|do|make|sleep with|go to)\b(?=[^.;]{0,40}\b(he|she|they)('?ll| will| "
    r"would|'d) (clear|wipe|pay|cancel|forget|sort|let))|"
    # a child's words for the threat: "they said if i dont my mum gets hurt"
    r"()\b(said|says|told (me|him|her|us)|texted|messaged|warned)\b[^,.;]{0,20}?\bif (i|you|u|he|she|we) "
    r"(don'?t|dont|do not|didn'?t)\b(?= (my|me|ur|your|his|her) (mum|mam|nan|family|sister|brother|little \w+) "
    r"(gets|will get|get|is getting) (hurt|stabbed|done|it))",
    re.IGNORECASE)


def without_threat_conditions(text: str) -> str:
    """The text without the conditions of threats ("... he'll crash it if she doesn't come out": the "if" part)."""
    return THREAT_CONDITION.sub(lambda m: m.group(1), text)


# A sentence that opens as a "what if" or a practice question: its later clauses are inside it.
WHAT_IF_OPENING = re.compile(
    r"^\W*([\w &'/.-]{2,40}:\s*)?(dear \w+( \w+)?,\s*)?(just wondering,? )?"
    # (after an apology: "sorry if this is silly, but what would I actually do if ...")
    r"((sorry|apologies)( if this is (a )?(silly|stupid|daft|basic|dumb)( question)?)?,? (but )?)?(what if|"
    r"what (would|do|should|could) (i|we|you) (actually |really |even )?(do|say) (if|when)|suppose|supposing|"
    r"if the worst (happened|happens|were to happen)|let'?s (role[- ]?play|pretend|practi[cs]e)|"
    r"imagine|picture (it|this|the scene)|worst case|let'?s (say|imagine|pretend)|in theory|"
    r"hypothetical(ly)?\b|if (ever|a|an|someone|somebody|you|i|we|they|there (was|were|is)) |"
    r"say (a|an|someone|somebody|you|we|there (was|were|is)) |in the (unlikely |rare )?event (that |of )?|"
    r"(would|should|could) it be (\w+ ){0,4}(if|to)\b|"
    r"(guidance|advice|procedure|protocol) (on what to do )?(if|when) )",
    re.IGNORECASE)


# A "what if" told as a counterfactual and asked as a question ("If a child was being exploited and I knew older
# men were collecting them tonight would it be police or EDT first?"): its "tonight" is the scenario's, not news.
# So is one set up by "say" or "imagine" and told in the past tense ("Say a sex offender was moving in tonight").
COUNTERFACTUAL = re.compile(
    r"^\W*if\b(?:[^.?!]|\.(?=\d)){0,120}\b(was|were|knew|had|found|saw|got|\w{3,}ed)\b(?:[^.?!]|\.(?=\d)){0,120}"
    r"\b(would|could) "
    r"(it|i|we|you|he|she|that|they|this|good|the|our)\b|"
    r"^\W*what if\b[^.?!]{0,80}\b(was|were|had|\w{3,}ed|got|went|ran|took|came|left|said|told)\b|"
    r"^\W*(say|suppose|supposing|imagine|let'?s say)\b[^.?!]{0,40}\b(was|were|had)\b|"
    # asked as a question of judgement: "Would it be disproportionate to use EDT if a kid rang me at 8pm saying ..."
    # (a scenario: someone unnamed, told in the simple past; not "if a 14 year old has just rang me")
    r"^\W*(would|should|could) it be (\w+ ){0,4}(to|if)\b[^.?!]{0,80}\bif (a|an|someone|somebody|any)\b[^.?!]{0,40}"
    r"(?<!has )(?<!have )(?<!just )(?<!'s )\b(rang|called|phoned|texted|said|told|was|were)\b(?! just)|"
    r"^\W*(imagine|picture (this|the scene|it)|thought experiment|discussion (prompt|point|question))\b|"
    # a practice question about anyone's child: "If a baby is floppy and blue on a visit do I call 999 before my
    # manager?" (not one that says it is now: "if a child is alone right now do I ring 999")
    r"^\W*if (a|an|any|someone|somebody) (?![^.?!]*\b(right now|as we speak|rn)\b)[^.?!]{0,100}\b(do|should|shall|"
    r"would|can|must) (i|we|you) (\w+ ){0,2}(call|ring|phone|tell|contact|escalate|refer|wait|speak|go)\b|"
    # what anyone might report, as a practice question: "If an anon caller says a girl is being flown out for FGM
    # tomorrow, is that a strategy discussion?", "Suppose a yp says she's going to a party tonight with older men"
    r"^\W*(if|suppose|supposing|say|let'?s say|imagine) (a|an|any|some) (\w+ ){0,3}(says?|tells? (us|you|me)|"
    r"rings?( up)?|calls?( in)?|phones?|reports?|discloses?|texts?)\b(?![^.?!]*\b(right now|as we speak|rn)\b)|"
    # whether anyone's child in a state is a matter for us: "is a child being locked in their room at night a
    # safeguarding issue in itself?"
    r"^\W*(is|are|would|does|should) (it|a|an|any|being) [^.?!]{0,100}\b(a safeguarding (issue|concern|matter)|"
    r"in itself|(a )?(cp|child protection|s47|section 47) (threshold|issue|matter))\b",
    re.IGNORECASE)


# The sentence after a scene that places it in the past or the record: "that was the incident in May", "That's what
# she described at the ICPC", "I read that in the chronology today", "that's the HV's account from 2022".
# Not "that's what the neighbour said" or "that's the Jones family": news passed on, or who it is, is no sign of
# the past.
_RECOUNTS = re.compile(
    r"^\W*((that|this)( was| were)\b|(that|this)('s| is) (the|her|his|their) [\w']+ (account|version|description)\b|"
    r"(that|this)('s| is) from (the|her|his|their|my) |i (read|saw|found|came across) (that|this|it) (in|on)\b|"
    r"(as|that'?s what|which is what) (she|he|they|mum|dad|the \w+|\w+'?s \w+) (described|wrote|recorded)\b|"
    r"(that|this)('s| is) the (everyday|daily|usual|typical) |"
    r"(we|i|police|they|the (la|local authority|police)) used (it|that|this|them) (in|as) evidence)", re.IGNORECASE)
_ON_RECORD = re.compile(
    r"\b(record(s|ed)?|chronology|file|case notes|icpc|rcpc|conference|panel|court|statement|history|led to|evidence|"
    r"started|triggered|the (last|previous|first) plan|(everyday|daily|usual|typical) \w+|(19|20)\d\d)\b",
    re.IGNORECASE)
# "exercise" as a practice task, not where a serving parent is away: "Cpl on exercise, no signal", "back off exercise"
_EXERCISE_NOUN = r"(?<!\bon )(?<!\boff )(?<!\bfrom )exercise"
# Words that set a whole exercise: a sentence beside one of these is part of it ("For the training day: scenario -
# a 4 year old found alone ..."; "Tabletop exercise next month - a toddler swallows ..."). Not "training day" alone:
# "Training day tomorrow. Mum just rang, he's here with a knife" is news.
_EXERCISE = re.compile(
    r"\b(scenarios?|vignettes?|case stud(y|ies)|role[- ]?plays?|table[- ]?top|war-?gaming|" + _EXERCISE_NOUN +
    r"|simulation|quiz|true or false|exam (revision|question|prep)|revision notes|seminar( debate| question)?|"
    r"(uni|university|college|course) (assignment|essay)|hypothetical|inject \d+|"
    r"just curious|out of curiosity|asking for my (own )?(knowledge|learning|practice)|"
    r"no (real |actual )?case (now|at the moment)|purely theoretical|hypothetically)\b",
    re.IGNORECASE)
# An exercise named before a colon at the start: what follows the colon is its material, not news.
EXERCISE_LABEL = re.compile(
    r"^\W*[^:]{0,60}\b(scenarios?|vignettes?|case stud(y|ies)|role[- ]?plays?|table[- ]?top|" + _EXERCISE_NOUN +
    r"|quiz|simulation|"
    r"thought experiment|discussion (prompt|point|question)|hypothetical|inject( \d+)?|exam (revision|question|prep)|"
    r"seminar( debate| question)?|(uni|university|college|course) assignment)"
    r"\b[^:]{0,40}:|"
    r"^\W*(in|for) (the |our |my |next week'?s |tomorrow'?s |this week'?s |today'?s )?(\w+ )?(role[- ]?play|"
    r"scenario|exercise|simulation|vignette|case study)\b", re.IGNORECASE)
_STILL_NOW = re.compile(r"\b(just now|right now|as we speak|still (there|here|going on|happening)|"
                        r"(minutes?|mins?) ago)\b", re.IGNORECASE)


# An exercise's label as the sentence just before its material: a quiz's ("Quiz q: true or false - you should
# always wait ..."), whose material's "tonight" is the quiz's, and a case study's or a guidance note's ("case study
# for the NQSW group - baby of eight weeks ..."), which news can interrupt ("sorry to derail the case study - ... has
# just ...")
# (a quiz's label, not one told of: "I won a pen in the quiz")
_QUIZ_BEFORE = re.compile(r"\b(true or false|(?<!in the )(?<!at the )quiz( q| question| time| for (the )?(\w+ )?"
                          r"(newbies|new starters|students|team|group))?|multiple choice|spot the (error|mistake)|"
                          r"not a real (case|child|family)|training exercise|example only|"
                          r"role[- ]?play( for (\w+ ){0,2}\w+)?|(policy|practice|training) (q|question)|"
                          r"hypothetical(ly)?)\W*$",
                          re.IGNORECASE)
# A label that places what follows in the past ("Historic - mum told me today her own mum used to lock her in"), and
# a sentence after that says no real case is meant ("... ? no specific case, just thinking")
_HISTORIC_LABEL = re.compile(r"\W*(historic(al)?|history|background|in the past|previously)\W*", re.IGNORECASE)
_NOT_A_CASE = re.compile(r"\b(no (specific|real|actual|particular|current|live) case|not an? (real|current|specific|"
                         r"live|particular|actual) case|not about an? (real|specific|particular) (case|child|family)|"
                         r"(purely|just) hypothetical|"
                         # ("Asking so I get it right if it ever happens")
                         r"if (it|this|that) ever (happens|happened|comes up)|in case (it|this|that) ever (happens|"
                         r"comes up))\b", re.IGNORECASE)
# A quiz's question before its answer: "quiz question from our leaders training: you smell gas ..., what first? I said
# get out and ring the gas line"
_QUIZ_OPENING = re.compile(r"^\W*(\w+\W+){0,3}(quiz|exam|test) (q|question)\b", re.IGNORECASE)
# News breaking into an exercise: "sorry to derail the case study - Jaden has just gone live from the bridge"
_INTERRUPTED = re.compile(r"\b(derail\w*|interrupt\w*|break (off|into)|sorry to)\b", re.IGNORECASE)
# or told as news by someone in it ("The boy from my case study actually texted me earlier saying 'im at the river'")
_NEWS_TOLD = re.compile(r"\b((has|have|'s|'ve) just|just (now|happened)|actually|texted|text me|rang|rung|called|"
                        r"phoned|messaged|emailed|dm'?d|told me|disclosed|said to me)\b", re.IGNORECASE)
_EXERCISE_BEFORE = re.compile(r"^\W*(\w+\W+){0,5}(case study|scenario|vignette|role[- ]?play|exam question|"
                              r"guidance note)\b(\W+\w+){0,6}\W*$", re.IGNORECASE)


# A short sentence that opens a reflection, before what it reflects on ("reflecting on today's visit - ...", "that
# serious case review training hit hard - ..."): not an agenda ("for supervision - ..."), where news can follow
_REFLECTION_BEFORE = re.compile(
    r"^\W*(\w+\W+){0,3}(reflecting (back )?on|reflection on|looking back( on)?|(still|i keep) thinking about|"
    r"(serious case|learning|practice|rapid) reviews?|(training|review|case|visit|it|that) (really )?"
    r"(hit|got to) (me )?(hard|home))\b(?!.*\bsupervision\b)(\W+\w+){0,8}\W*$", re.IGNORECASE)


REFLECTED_WORDS = 20
HEADLINE_WORDS = 8  # a sentence this short can head a message, as a note's first line does (framed)
# Words said, explained (often by an interpreter) as a figure of speech, not what happened
_EXPLAINED = re.compile(
    r"\b((it'?s|is|that'?s) (just )?(an? )?(expression|idiom|figure of speech|turn of phrase)|"
    r"(it'?s|is|that'?s) (just )?an? saying|not (a )?literal\w*|literally means|"
    r"meaning (that )?(the|she|he|they|her|his|their) |it'?s affectionate|"
    r"(it'?s )?how (her|his|their) (friends|mates) talk|"
    r"(the )?literal (translation|meaning)|(it'?s|is) (just )?(like|the same as) (in|we say in) english|"
    r"(it'?s|is) what (you|people|they|we) say when|"
    r"means (she|he|they)('s|'re| is| are| was| were)? (very |really |so )?(worried|upset|tired|exhausted|angry|"
    r"annoyed|fed up|stressed|sad|disappointed|hurt|not slept)|means (he|she|they) (wouldn'?t|won'?t|didn'?t) stop)\b",
    re.IGNORECASE)
RECOUNTED, EXERCISE = 2, 1  # how many levels a frame takes off the sentence's readings


# A time gone by today, in a sentence told in the past tense ("The girl disclosed the plan this morning", "the 5 year
# old was alone in the flat this afternoon"): the next sentence can still settle it.
_EARLIER_TODAY = re.compile(r"(this (morning|afternoon)|earlier( today| on)?)", re.IGNORECASE)
_TOLD_PAST = re.compile(r"\b(was|were|had|went|took|got|did|fell|came|disclosed|told|said|rang|found|left)\b",
                        re.IGNORECASE)


# A time by the clock, the one pattern for every guard that sets a time aside (a "what if"'s own time, the time news
# came in at, a sequence told by the clock): "at 3", "at 3:15pm", "at half three", "22:00", "at 1700", "0630hrs"
# (a year is none: "in 2019")
CLOCK = re.compile(r"\b(at|@) (\d{1,2}([.:]\d\d)?( ?(am|pm|o'?clock))?|(half|quarter) (past |to )?\w+|"
                   r"([01]\d|2[0-3])[0-5]\d( ?(hrs|hours))?)(?!\w)|\b\d{1,2}[.:]\d\d( ?(am|pm))?(?!\w)|"
                   r"(?<![/\d-])\b([01]\d|2[0-3])[0-5]\d ?(hrs|hours)\b", re.IGNORECASE)
# News that came in at a clock time ("Ellie's goodbye post came through at 4", "Snap of the kids came in at 6"): the
# time is when it arrived, and the next sentence can settle it.
_ARRIVED_AT = re.compile(r"\b(came( in| through)?|arrived|(was|were|got) (sent|posted|made|reported)|went up) at \d",
                         re.IGNORECASE)


def earlier_today(sentence: str) -> bool:
    """Every sign of now in the sentence is a time earlier today, or the clock time news came in at, and it is told
    in the past tense."""
    found = [m.group(0).strip() for m in NOW.finditer(sentence)]
    arrived = bool(_ARRIVED_AT.search(sentence))
    return bool(found) and all(_EARLIER_TODAY.fullmatch(f) or (arrived and CLOCK.fullmatch(f)) for f in found) and \
        bool(_TOLD_PAST.search(sentence))


def framed(sentence: str, following: str, context: str, settled_after: Callable[[], bool] = lambda: False,
           previous: str = "") -> int:
    """The sentences either side frame this one as no account of now: the next places it in the past or the
    record, or settles it (help in hand: `settled_after`, asked only when needed, since reading a sentence for it
    is dear), or the one before labels it an exercise or the past ("true or false - ...", "Historic - ..."): two
    levels down, nothing. Or either sets it in an exercise, or the next says no real case is meant (one level: at
    most the check). Not when the sentence says now (but for a quiz's, a case study's or the past's label before
    it), or its neighbours say it is still going on."""
    if _STILL_NOW.search(sentence) or _STILL_NOW.search(context):
        return 0
    case_study = _EXERCISE_BEFORE.search(previous) and not _INTERRUPTED.search(previous) and \
        not (NEWS.search(sentence) or _NEWS_TOLD.search(sentence))
    if _QUIZ_BEFORE.search(previous) or _QUIZ_OPENING.search(previous) or case_study or \
            (_HISTORIC_LABEL.fullmatch(previous) and not NEWS.search(sentence)):
        # the quiz's material says "tonight" as the quiz's ("quiz for the team - ... tonight"), and so does a case
        # study's ("Agreed to use case study in team training - girl on a bridge, police en route"), unless news
        # interrupts it ("sorry to derail the case study - ... has just rang")
        return RECOUNTED
    if _EXPLAINED.search(sentence) or _EXPLAINED.search(following):
        # words said, explained as a figure of speech, whose "all day" is the saying's: "'my liver is burning' - it's
        # an expression", "her little brother 'ate her head' all day - interp says it's an idiom"
        return RECOUNTED
    if _NOT_A_CASE.search(following):
        return EXERCISE  # no real case meant, said next: at most the check (it may still be a real worry)
    if NOW.search(sentence) and not earlier_today(sentence) and \
            not ((_clock_only(sentence) or UPDATE_ON.search(sentence) or len(sentence.split()) <= HEADLINE_WORDS)
                 and settled_after()):
        # (a log's time of what happened, settled next, is no sign of now: "took 8 paracetamol at 22:00"; nor is an
        # update's on who it is about: "Update on the girl who cut herself tonight - she's in A&E now with her aunt";
        # nor a headline's, what was feared, settled by what was done: "Girl due to meet the 27yo tonight - police
        # intercepted at the station, she's home with mum, man arrested")
        return 0
    if (_RECOUNTS.search(following) and
                                             (_ON_RECORD.search(following) or
                                              PAST.search(_RECENT.sub(" ", following)))) or settled_after():
        return RECOUNTED
    if previous and _ASKS_WHAT_TO_DO.search(sentence) and (WHAT_IF_OPENING.search(previous) or
                                                           COUNTERFACTUAL.search(previous)):
        return EXERCISE  # "What if a baby went floppy ...? - do I tell her to ring 999 or do I ring?"
    if previous and _ANSWERS_WHAT_IF.search(sentence) and _ASKED_WHAT_IF.search(previous) and \
            not NEWS.search(sentence):
        return RECOUNTED  # "you asked me what I'd do if a mum ... said she was going to kill herself. I said ring 999"
    if _REFLECTION_BEFORE.search(previous) and len(sentence.split()) <= REFLECTED_WORDS:
        # what a short reflection's opening reflects on, told briefly: "reflecting on today's visit - kids home ..."
        # (a long message after it can carry news: "so reflecting on the X family for supervision - ..., anyway the
        # 7yo rang me while I was writing this ...")
        return EXERCISE
    return EXERCISE if _EXERCISE.search(context) else 0


UPDATE_ON = re.compile(r"^\W*(\w+\W+){0,2}(update|follow(ing)?[- ]up|news) (on|re|about) (the|that|our|my|your) "
                       r"[\w ]{1,40}\bwho\b", re.IGNORECASE)


def _clock_only(sentence: str) -> bool:
    """Every sign of now in the sentence is a clock time ("at 22:00", "02:30")."""
    return all(CLOCK.fullmatch(m.group(0).strip()) for m in NOW.finditer(sentence))


# A "what would you do if" someone asked, and the worker's answer to it in the next sentence.
_ASKED_WHAT_IF = re.compile(r"\b(asked|asks|asking) (me|us|you|him|her) what (i|we|you|he|she)('d| would) (do|say) "
                            r"(if|when)\b|"
                            # a workbook's or a course's question: "one question says 'a child tells you ..., what
                            # do you do'"
                            r"\b(question|workbook|quiz|course)\b[^.]{0,20}\b(says|asks|asked)\b[^.]{0,120}\bwhat "
                            r"(do|would|should) (you|i|we) do\b", re.IGNORECASE)
_ANSWERS_WHAT_IF = re.compile(r"^\W*(i (said|answered|replied|put|wrote|would|'d|have put|'ve put)|i'd|"
                              r"my answer was)\b", re.IGNORECASE)
# The worker asking what to do, as the question after a "what if".
_ASKS_WHAT_TO_DO = re.compile(r"^\W*(do|should|shall|would|could|can|who|what|how|is it|am i|which) (i|we|you|do|"
                              r"should|would)\b", re.IGNORECASE)


# A sentence that is the worker's own reflection or a contingency: it governs every clause, as a "what if" does
# ("in supervision i want to look at why i avoid the stepdad, since he said he'd slit my throat ..."), when
# nothing in it says now. Not an agenda ("supervision prep: ..., oh and Leon texted saying he's at the bridge"):
# people list an emergency among the things they meant to bring.
REFLECTING = re.compile(
    r"\b((in|to|into) (my |our |next )?supervision|student reflection|reflective (log|account|piece|essay)|"
    r"disguised compliance|serious case reviews?|(lcspr|cspr|scr)s?|supervision (notes?|record|session)|"
    r"(jump|jumping|jumped) to (assumptions|conclusions)|making assumptions|"
    r"reflected on|reflecting (back )?on|(too|to) quick to judge|learning reviews?|"
    # ("caught myself rolling my eyes and im not proud of it")
    r"caught myself|(i'?m|i am) not proud of (it|myself|that|how)|"
    r"get(s)? under my skin|that gets (to )?me|felt (really |so |very )?(on my own|alone|isolated|unsupported)|"
    r"(case|visit|night|shift) (showed|taught) me|(so many |all the |the )?missed (chances|opportunities)|"
    r"(i )?keep (going over|replaying)|did i do enough|(it )?shook me( up)?|felt (so |really )?guilty|"
    # (a worker's fear of getting it wrong, and families' fear of "them taking the kids")
    r"(scared|worried|afraid|nervous|terrified|frightened) (of|about) (getting it wrong|saying the wrong thing|"
    r"messing (it|this) up|making it worse)|(scared|afraid|frightened|terrified) of ['‘\"]?(them|us|you|social "
    r"services|children'?s services|social workers?) taking (the|their|my|her|his) (kids|children|baby)|"
    r"proud of how i|how i handled|was (that|it|i) (right|wrong)\b|"
    r"(child )?safeguarding practice reviews?|rapid reviews?|"
    r"burn(ing|t)[ -]out|vicarious trauma|secondary trauma|compassion fatigue|(child'?s|children'?s|"
    r"young person'?s) (voice|lived experience)|voice of the child|"
    r"(it |that |this )?(really )?(bothered|troubled) me|am i being (too|over)|over-?optimis\w*|looking back|"
    r"found it (so |really |very |quite )?(hard|difficult|tough|uncomfortable) to (sit|be in the (same )?room|"
    r"look at|listen to|talk to|work with|stay (calm|professional)|hear)|"
    r"(had|have) (a |these )?(dream|nightmare)s? about|i think we (treated|missed|should|didn'?t|got|left)|"
    r"trying to (make sense of|understand)|"
    r"is it normal to (still )?(feel|be (worried|worrying|anxious|upset|shaky|shaking)|worry|cry)|"
    r"(still )?worrying about|i wonder what i missed|was i wrong|should i have|contingency|cumulative harm|"
    r"(i|we) worr(y|ied) (that )?(i|we) (\w+ed|did|didn'?t|should|have|haven'?t)\b|"
    r"left me (feeling )?(angry|sad|upset|shaken|drained|numb|guilty|helpless|anxious|tearful|furious)|"
    r"i felt (so |really |completely )?(helpless|angry|sad|sick|useless|guilty|numb|powerless|out of my depth)|"
    r"(is|are) the hardest for me|hard to sit with|"
    r"if\b[^.;]{0,60}\bever)\b", re.IGNORECASE)


# A question reported ("asked her teacher if it hurts a lot when they cut you"): what was asked, not a "what if".
# (with its modal: "kept asking if I could stop her being taken")
_ASKED_IF = re.compile(r"\bask(ed|s|ing)?( \w+){0,3} (if|whether)( (i|we|you|they|someone|anyone|somebody|a \w+|the "
                       r"\w+) "
                       r"(could|would|can|will|might))?\b|"
                       # a second question asked: "asked me how high the multi storey is and if you'd die from the top"
                       r"\bask(ed|s|ing)( me| us| him| her)? (how|what|where|when|why)\b[^.?]{0,60}\band "
                       r"(if|whether)\b|"
                       # a favour asked, reported: "dad texted asking could I pop round at 8 to sit for Willow"
                       r"\bask(ed|s|ing)( (me|us|him|her))? (could|can|would|will) (i|we|you|he|she|they|someone)\b|"
                       # a worried question about someone real: "is it bad if ur friend sends ..."
                       r"\b(is it (bad|normal|ok|okay|weird|serious|a big deal)|should i (be worried|worry)) if "
                       r"(ur|your|my|a) (friend|mate|best friend|bestie|sister|brother|bf|gf|cousin)\b|"
                       r"\b(idk|i dunno|not sure|i don'?t know) if (this|it)('?s| is) (dramatic|a big deal|serious|bad|"
                       r"normal|ok|okay|anything)\b|"
                       # a question about the means, asked for real: "how many of these would it take", "if u put a
                       # spoon in ur knickers at the airport does it work"
                       r"\bhow many (of (these|them|those)|tablets|pills|paracetamol)\b[^.]{0,20}\bwould|"
                       r"\bif (u|you|i|she) (put|hide|wear) (a )?spoon", re.IGNORECASE)
# Pain told as what happens when a child is touched ("he screams if you touch it"): a state now, not a "what if".
_PAIN_IF = re.compile(r"\b(scream\w*|cr(y|ies|ying)|flinch\w*|winc\w*|yelp\w*|hurts?) (if|when) (you|anyone|i|we|"
                      r"she|he|mum|dad|someone) (touch|move|lift|pick|hold)", re.IGNORECASE)


def hypothetical(text: str) -> bool:
    """A "what if" in the text, unless it is the condition of a threat made now, a question reported or pain told
    as what happens when a child is touched."""
    text = _PAIN_IF.sub(" hurts ", _ASKED_IF.sub(" asked ", without_threat_conditions(text)))
    return bool(HYPOTHETICAL.search(text))
NEGATION_BEFORE = re.compile(
    # ("it doesn't matter, i've got ..." and "it's not a cry for help, ..." negate nothing after them)
    r"\b(not(?! (a |an |just )?(cry for help|joke|joking|kidding|drill|wind ?up|attention[- ]seek\w*))|"
    r"no(?! time| joke| sorry| wait| hang on| i mean| ?\d)|none|nobody|no one|nothing|never|nor|"
    # (nor the condition of a threat: "'if I don't go tonight they'll put it on everyone's phones'")
    r"isn'?t(?! (a |an |just )?(cry for help|joke|drill|wind ?up))|aren'?t|wasn'?t|weren'?t|"
    # (nor a doubt that anyone safe is there, the phrase's own "there's": "I don't think there's a sober adult there
    # at all tonight")
    r"(?<!if i )(?<!if you )(?<!if he )(?<!if she )(?<!if we )(?<!unless i )don'?t(?! matter| bother| think\s*$)|"
    r"(?<!if he )(?<!if she )doesn'?t(?! matter)|didn'?t|hasn'?t|haven'?t|won'?t|wont|no longer|denies|denied|"
    r"nothing to suggest|no sign|"
    r"no evidence|no indication|"
    # not across a colon: "what isn't written down: the cutter's coming"; nor across a reason given: "Mum told me not
    # to come Monday as they fly early to Guinea for 'the girls celebration'"
    r"ruled out)\b((?!\b(because|cos|coz|as (they|she|he|we)) )[^.:]){0,40}$", re.IGNORECASE)

# A worry with no fact in it ("i have a bad feeling about the baby tonight"): the margin and a leaning classifier do
# not make it clear danger; the short check asks.
WORRY_ONLY = re.compile(
    r"\b((bad|funny|horrible|awful|sick|uneasy|odd|strange|weird) feeling about|gut (feeling|instinct) (says|is|tells)|"
    r"something (doesn'?t|does not|didn'?t) (feel|sit) right)\b", re.IGNORECASE)

# "things are calm", "the kids are safe": with no danger phrase, the classifier alone can ask, not alarm.
REASSURANCE = re.compile(
    r"\b(calm(?! about (it|this|that))|settled|uncut|(are|is|'re|'s|feel|feels|kept) safe|"
    # a parent's own word, and the one it happened to grown up: "says she'd never let it happen to her girls", "gran
    # told me when she was little she was locked in the shed, she's 72 now"
    r"(she|he|they)('d| would|d) never let (it|that|this|anything) happen|"
    r"(she'?s|he'?s|i'?m|im) (now )?(aged? )?(1[89]|[2-9]\d) now|(she'?s|he'?s) now (aged? )?(1[89]|[2-9]\d)\b|"
    r"(were|was) both laughing|(we|they) (both )?laughed (about|at) it|"
    r"fine(?! with (it|that|this|him|her|them))|thriving|"
    r"safe and well|(nobody|no one|no-one) (was |got )?(hurt|injured)|no injuries|(child|children|kids|baby) safe\b|"
    r"nothing (bad|untoward|awful|terrible|serious|worrying) (has )?happened|"
    r"just (grazes|a graze|scratches|a scratch|a bump|bumps and bruises)\b|"
    # ("mum got help from ur lot and the kids are back with her now, shes a different person")
    r"(she'?s|he'?s|shes|hes|mum'?s|dad'?s) a (different|changed) (person|woman|man)|happy ending|"
    r"got (help|support) from (ur|your|you|the)\b|"
    r"(an absolute|a real|a) gem\b|(brilliant|great|lovely|amazing|so good|fab) with (the |her |his |their )?"
    r"(baby|kids|children|boys|girls)|"
    r"(she|he|they) (chose|picked)\b|(her|his|their) (own )?choice|"
    r"doing (great|well|brilliantly|really well|so well|ok|okay|alright|all right)|holding (it|things) together|"
    r"(he|she) is now (nineteen|twenty|twenty-\w+|thirty|1[89]|[2-9]\d)\b|"
    r"(he|she|they|mum|dad|parents?)('?s| is| are|'re) (actually |really )?trying (really |so |very )?hard(?! to)|"
    r"all normal|(checked|came back) normal|(it'?s|it is|it was) a joke|"
    r"(she'?s|he'?s|they'?re) just (anxious|nervous|worried)|"
    r"no (immediate |current )?(concerns?|risk|danger)|"
    # said as a joke: "he'll be the death of her, she said it laughing"
    r"said (it |that |this )?(laughing|with a (big )?(laugh|smile|grin|wink)|jokingly|as a joke)|"
    r"(only|just|was|were) joking|"
    r"joked|(was|were) laughing (about|at) it|"
    r"(with an?|an?) (\w+ )?eye ?roll)\b",
    re.IGNORECASE)
# Signs the danger is over or already met: a reading in the same stretch of text goes one level down.
RESOLVED = regex.compile(
    r"\b((all |now |kids |children |everyone |they'?re |she'?s |he'?s )safe( now)?|safe now|all ok now|"
    # not "it's sorted for after tea": a plan made ready, not a danger met
    # (and a matter named as sorted: "RSO collection issue sorted, school removed him from the list")
    r"(got |been |all |now |was |were |is |are |it'?s |issue |problem |concern |matter )(sorted|fixed|repaired)"
    r"(?! for)|(sorted|fixed|repaired) now|"
    r"resolved|made safe|(made a )?(full |good )?(?<!\bin )recovery"
    r"(?! (worker|service|team|cafe|group|meeting|coach|capital))|"
    r"recovered|healed( well)?|"
    # help already in hand: a child admitted or with carers or the crisis team, an offender sent elsewhere
    # (not kept in at home: "being kept in at home til the nikah on Sunday")
    r"(been|being|was|is|got) (admitted|kept in(?! (at home|the house|the flat|(her|his|their) room|indoors|til|"
    r"till|until)))|admitted (to|onto) (hospital|the ward|a&e)|kept in overnight|"
    r"monitoring (him|her|them)|(is|he'?s|she'?s|they'?re) stable|place of safety|"
    # watched on a ward, gone into care, admitted, seen by the school nurse, cuts dressed
    r"(being |kept )?(watched|observed|monitored) (all night|overnight|closely|by (staff|nurses|the nurses|doctors))|"
    r"under observation|for observation|on (close )?obs\b|"
    r"(we|i|she|he|they)'?(re|m|s) (now )?(in|at|on) (paeds|the children'?s (hospital|ward))\b|"
    r"(gone|went|taken|placed|moved|go) (in)?to (emergency |short[- ]term )?(foster|residential|kinship) care|"
    r"(she|he|they)'?(s|re) (now )?admitted|"
    r"(in|at) the (medical room|first aid room|sick bay|nurse'?s office) with (the |a )?(school )?(nurse|"
    r"first aider|staff|teacher|dsl|member of staff|mum|dad)|"
    r"(cuts?|wounds?|injur(y|ies)|burns?) (are |were |was |is )?(superficial|dressed|cleaned( up)?|glued|stitched)|"
    r"with (a |an |the |her |his |their )?(emergency )?foster carers?|with the crisis team|"
    r"(in|to|at) (a |an )?(foster|emergency|residential|kinship) placement|"
    r"(paramedics|ambulance( crew)?|crisis team|police) (took over|brought (her|him|them) in)|"
    r"(gone|moved|sent) to approved premises|strat(egy)?('?s| has| meeting| discussion)? (been )?held|"
    r"appropriate adult|on the ([\w']+ )?ward|on (a )?1 ?(to|-|:) ?1|in resus\w*|"
    r"(cut|took|taken|removed) the ligature|ligature (was |has been )?(cut|removed)|"
    r"(paramedics|ambulance( crew)?) (have |has )?taken ([\w'()]+ ){0,8}to (a&e|hospital|the hospital|"
    r"the [\w']+ hospital|the ([\w']+ )?ward)|"
    # the worker's own emergency call, made ("so I called an ambulance"; "waiting for the ambulance" is not over)
    r"(he'?s|she'?s|hes|shes|they'?re) (ok|okay|fine|alright|all right) now|(in|at) a (safe house|refuge)|"
    # (a man caught, not a child caught by a parent: "she got caught sneaking out and he's ...")
    r"(he|she|they|the man|the men) (got|has been|have been|was|were) caught\b(?! (by (his|her|their|my) |"
    r"sneaking|out|with|on|trying))|"
    r"(she'?s|he'?s|shes|hes|they'?re) (now )?with the police|social workers? (have|has|'ve got) (her|him|them)\b|"
    r"(the )?doctors? (says?|said) (he'?s|she'?s|hes|shes|they'?re) (ok|okay|fine|alright)|"
    r"(observing|monitoring|watching) (him |her |them )?overnight|sent in by ambulance|"
    r"(now )?with the (paeds|paediatric|medical) (reg|registrar|team|doctors?|consultant)|"
    r"(i|we|my (foster )?carers?|staff|the school|nan|mum|dad) (called|rang|phoned|dialled) (for )?(an ambulance|"
    r"999|111|the crisis (team|line))|(police|officers|border force) (met|stopped|intercepted) (them|him|her)\b|"
    r"(police|officers) (have|has|'ve got|have got) (her|him|them|\w+) (at|in) (the )?(police )?station|"
    r"(at|in) (a&e|hospital|the hospital|resus) with (staff|carers?|(her|his|their) (mum|dad|carers?|foster carers?|"
    r"nan)|"
    r"mum|dad|nan)|stitched( up)?|(getting|having|had|got|needed) stitches|(foster )?carers?('s| is| are)? with "
    r"(her|him|them)|"
    # a young person happy again, a neighbour's children taken in for the night, someone unwelcome walked out
    r"(actually |really |much |so |a lot )?(happy|happier) now|(staying|sleeping|stopping) (with|at) (me|us|ours)"
    r"( and (my|her|his) \w+)? (tonight|for the night|overnight)|(walked|escorted|showed) (him|her|them) (out|off)|"
    # someone in prison or sentenced: "now he is in the jail", "is convicted now, 9 years"; help in hand as a message
    # run through a translator tells it ("in the hospital ward since yesterday", "the doctors watch him all the time",
    # "the police has take the uncle", "put him in the hostel", "the children stay with me")
    r"in the (hospital |children'?s )?ward|(doctors|nurses|staff) (watch|are watching|watching) (him|her|them)|"
    r"in the foster (home|family|placement)|(police|officers) (has|have|'ve|had) "
    r"(take|taken|took|arrest|arrested) (him|her|them|the \w+)|(put|placed) (him|her) in (the |a )?(hostel|approved "
    r"premises)|(cannot|can'?t|not allowed to) come (to|in|into|near) (our|the|this) (city|town|area)|(is|'s) arrested|"
    r"(the children|the kids|they) (stay|are staying|staying) with (me|us)|"
    r"(now (he|she|they) (is|are)|(he|she)('s| is) (now|still)) in (the )?(jail|prison)|in (the )?(jail|prison) now|"
    r"(is|was|been|got|now) (convicted|sentenced|"
    r"jailed)(?! (of|for))|sentenced to|"
    # safety fitted and checked, children with a safe carer or a grandparent now, a young parent's baby with their mum
    r"my (mum|mam|nan|gran|grandma|grandad)('s| has)( got)? (got )?(the baby|my (baby|son|daughter|little one))|"
    r"(locks?|gates?|restrictors?|smoke alarms?|fire ?guards?|guards?) (have |has )?(now )?been (fitted|installed|put "
    r"in|put up)|(a |the )?safe carer|(are|is|'re|'s) (now )?with (their|her|his|there) (grandad|grandma|nan|nanna|"
    r"gran|grandparents?|aunt\w*|uncle)( \w+)? now|"
    r"passport('?s| has| was)? (been )?surrendered|"
    # the police holding him, someone safe holding the children, a unit watching her, a doctor saying she'll be ok
    r"(police|officers|they) (have|'ve|have got|'ve got|got) (got )?(him|her|them) (in|now|at)|"
    r"(police|officers) (picked|took) (him|her|them) (up|away|in)|"
    r"(police|officers) (have got|'ve got|are dealing with|are on) it|"
    r"blocked (him|her|them) on (snap\w*|insta\w*|facebook|whatsapp|tiktok|(her|his) phone|everything|social media)|"
    r"in a different (borough|area|town|county)|bailed to an address (in|out of)|"
    r"(police|officers|security) (are |is )?outside (his|her|their|the) (room|ward|door)|"
    r"(neighbour|nan|gran|aunt\w*|uncle|carers?|staff|school)( \w+)? (took|has taken|collected) (her|him|them)|"
    r"(police|officers) (is|are) with (them|her|him)|"
    r"(had|given|been given) naloxone|(is|'s|are|'re) (now )?(alert|responsive|conscious)\b(?! (to|of))|"
    r"in the back of the (police )?van|in the police van|"
    r"(neighbour|nan|gran|grandma|grandad|grandparents?|aunt\w*|uncle|(foster |kinship )?carers?|staff|school|nursery|"
    r"police|teachers?|sw|social worker)( \w+)?( (has|have|'s got|has got|'ve got|is with)|'s (got|with)) "
    r"(them|him|her|"
    r"the (kids|children|baby|boys|girls)) (now|"
    r"safe)|"
    r"(gone|going|taken|moved|went|go|placed) (in)?to (an? |the )?(emergency |temporary )?(foster|kinship) (placement|"
    r"carers?|home)|"
    r"emergency (foster )?placement|(on|under) (close |constant |level \d |1:1 )?obs\b|tier ?4|"
    r"(in|on) (a|the) (psych\w*|mental health|adolescent|inpatient|tier ?4|secure) (unit|ward|bed)|"
    r"(?<!feel )(?<!feels )(?<!feeling )safe (there|here)|"
    r"(now|being (seen|treated)) in (a&e|the hospital|hospital)|"
    r"in (a&e|hospital|resus)( now)? with (\w+ ){0,3}(staff|carers?|mum|dad|nurses?|foster|paramedics|doctors?)|"
    r"(baby|child|toddler|young person|yp|teenager|the (boy|girl|kid|yp)) (is|'s) (now |still )?"
    r"in (a&e|hospital)|on (picu|nicu|scbu|hdu)|being treated(?! (badly|like|as|worse|roughly|unfairly|differently))|"
    r"on (a|the) drip|"
    r"doctors? (say|says|said) (she|he|they|it|baby)( will|'ll| is going to|'s going to) be (ok|okay|fine|"
    r"alright|all right)|got everyone out|(gas|leak|supply)( was| has been)? capped|capped (it|the \w+)|"
    r"officers were (already )?(inside|there|with)|(with|to) (the )?(emergency|foster) carers|all been handled|"
    r"with the police now|999 call was made|(is|are|'s|now|being (held|kept)|safe) (at|in) (the |a )?police station|"
    r"in police custody|custody suite|(police|officers) (broke|kicked) the door in and took|"
    r"(took|taken) (\w+ ){0,3}(away|to the station)|(found|located|traced)( by (the )?police)? and (is|are|was|were) "
    r"(home|back|safe)|"
    r"(already |now )?in place|(order|protection order|fgmpo|fmpo|injunction|non[- ]?mol) (was |were |has been )?"
    r"(granted|made|obtained|in place)|(?<!windows )(?<!window )(?<!doors )(?<!door )(?<!eyes )(?<!eye )"
    r"(?<!windows is )(?<!windows are )(?<!window is )"
    r"closed(?! (fist|garage|door|doors|room|curtains|window|windows|car|gate))|"
    r"nfa'?d?|no further action|discharged|back home safe|"
    # (a mother home again, after her children were left, and advice given on what was not danger: "mum's home now,
    # SW visited at 4", "m back within the hr", "Shouting only, nothing physical, no ongoing concern. Advice given.")
    r"(mum|mother|mam|mom|m)('s| is| has come| came| got)? ((back )?home|back) now|"
    r"(mum|mother|mam|mom|m) (was |came )?back within|no ongoing (safeguarding )?(concerns?|risk)|advice given|"
    r"arrests? (made|was made|has been made)|"
    # (police protection as a chronology writes it: "yp now with aunt under PP", "PP used")
    r"under (pp|an? epo)|(pp|epo) (used|taken|invoked|granted)|"
    # (an inquiry closed, a mark explained: "strat stood down", "confirmed by paeds as birthmarks")
    r"(strat|strategy( meeting| discussion)?|s47|section 47|investigation|enquiry) (was |has been |now )?stood down|"
    # (alarms fitted, the means taken already, staff awake: "the house has a police alarm, a panic button", "carers
    # already removed it last night", "staff awake overnight")
    r"(police|panic|trigger|tecsos) (alarm|button)|already (removed|locked away|confiscated)|"
    r"(staff|carers?|nurses?) (awake|up|watching (him|her|them)) (all night|overnight)|waking (night )?staff|"
    r"confirmed (by (the )?\w+ )?as (a |an )?(birthmarks?|accidental|eczema|mongolian (blue )?spots?|a rash|"
    r"impetigo)|"
    # (the means taken away: "he's removed the tablets", "knives locked away")
    r"(removed|took away|taken away|locked away|locked up|confiscated|handed in) (the |all the |her |his |their )?"
    r"(tablets|pills|meds|medication|knives|knife|blades?|ligatures?|rope|cord|belts?)|"
    r"(tablets|pills|meds|medication|knives|blades|ligatures?) (have been |were |are |now )?(removed|taken away|"
    r"locked away|locked up|confiscated)|"
    # (collected by police or social workers: "police & SW collected her from school, ABE done")
    r"(police|sw|social workers?|duty( sw| social worker)?)( (and|&) (police|sw|social workers?|duty))? "
    r"(collected|picked up|took|removed) (her|him|them|the (kids|children|girls?|boys?|baby))\b|"
    # (a volunteer refused: "the man on the register who tried to join as a coach has been refused")
    r"(has|have) been (refused|turned down|rejected)(?! (entry|access|help|treatment|a place|a bed|food|medical))|"
    # (kept in a lock box: "meds now in a lockbox")
    r"(tablets|pills|meds|medication|methadone|knives|blades) (are |is |now |kept |stored )*(in|inside) (a |the )?"
    r"(lock ?box|locked (box|cabinet|cupboard|tin|drawer)|lockable (box|cabinet|cupboard|tin|drawer)|safe)\b|"
    # (not a parent's say-so: "mum says she is fine")
    r"(?<!says she )(?<!says he )(?<!said she )(?<!said he )(?<!says it )(?<!said it )(is|are|was|were) fine|"
    r"all clear|(has|have) been (seen|checked) (by|at(?! the (end|top|bottom|corner|back|front) "
    r"of\b))|(was|were|got|been) checked (over )?by|"
    # the emergency services have them out, a crisis team is with her: "Fire brigade got them all out"
    r"(fire (brigade|service|crew)s?|firefighters|firemen|paramedics|police|officers) (have |'ve )?(got|pulled|"
    r"brought) (them|him|her|everyone|the (kids|children|family|baby)) (all )?out|"
    r"(crisis|home treatment|camhs) team (is|are|'s) with (her|him|them)|"
    r"(crisis team|camhs|the gp|a doctor|paramedics|mental health team|home treatment team|psychiatrist|amhp) (saw|"
    r"assessed|have seen|has seen) (her|him|them)|"
    r"(paramedics|ambulance( crew)?|police) (are|is|'s) here|(police|paramedics|ambulance) "
    r"(are|were|have been|was) (there|with|on scene|already)|(now )?in (foster|emergency) care|"
    r"(home|found|back|returned) safe|safe and (sound|well)|(under |in )?police protection|"
    r"(police|officers|they) (found|located|traced) (him|her|them)|"
    r"placed (with|in) (foster|family|a refuge|emergency)|with (emergency )?foster carers|"
    r"placed with (his|her|their) (aunt|auntie|uncle|nan|gran|grandparents|dad|mum|father|mother|family|relatives)|"
    r"in (a|the) refuge|"
    r"(doesn'?t|does not|don'?t|do not) know (their|her|our|the new|the family'?s) (new )?address|"
    r"(doesn'?t|does not|don'?t|do not) know where (they|she|the family) (live|lives|are living|have moved|moved)|"
    r"(doesn'?t|does not|don'?t|do not) know where (it is|i am|we are)|"
    r"moved (away|out)|new boiler|"
    # a medical all-clear: "CT was clear", "the CP medical found nothing non-accidental", "the injury was minor"
    r"(ct|scan|x-?rays?|bloods|skeletal survey|(cp |child protection )?medical)( was| were| came back| has come back)? "
    r"(clear|normal|fine)|found nothing|nothing (non-accidental|concerning|untoward|broken)|(was|were) (only )?minor|"
    r"went home the same (day|night|evening)|"
    r"(police|officers) (are |is |were )?(at|in) the (house|flat|address|property|home|trailer|caravan|site|"
    r"farm)( now)?|"
    r"they arrested (him|her|them)|(kids|children|baby|they|the \w+) (are|is|'re) (now )?in my car|"
    r"(heading|going|on (our|the|my) way) to (the |a )?refuge|"
    # help in hand told literally: "The police are here now.", "we are in A&E now", "I phoned the police at 16:00 and
    # they came at 16:45", "the police found him at 22:10", "They have taken my dad to the car"
    r"(the )?(police|officers|paramedics|ambulance crew)( are|'re| is|'s) (here|there)( now)?\b"
    r"(?! (but|and (he|she|they)))|"
    r"(we|i)('re| are|'m| am) (now )?(in|at) (the )?(a&e|hospital|resus|children'?s ward)\b|"
    r"(phoned|called|rang) the police\b[^.]{0,30}\b(they|police|officers) (came|arrived|attended)|"
    r"(police|officers) (found|located|traced) (him|her|them)\b|"
    r"(have|has) taken (my |her |his |their )?(dad|mum|stepdad|him|her|the man) (to the (car|van|station)|away)|"
    # night duty's words for help in hand: "missing YP back 23:20", "police took him home", "bloods clear", "everyone
    # out by 23:30", "disarmed by staff", "talked down by police", "at the 136 suite", "keeping him in for obs"
    r"(missing|missing yp|missing young person|he|she|they)( was| is| came| got)? back (home |at the \w+ )?(at |by )?"
    r"\d{1,2}[:.]\d\d|(police|officers) (took|brought|returned|drove) (him|her|them) (home|back)|"
    r"bloods (came back |were |are )?(clear|normal|fine|ok)|discharged (home )?(with|to) (mum|dad|nan|gran|"
    r"(her|his|their) (mum|dad|carers?|parents?)|carers?|parents?)|everyone (was |got )?out (by|at|safely)|"
    r"(disarmed|restrained) by (staff|police|officers)|talked (him |her |them )?down|(at|in) the (s\.? ?)?136 suite|"
    r"for obs\b|keeping (him|her|them) in (for (obs|observation|the night)|overnight|hospital)|"
    r"(found|located|traced) (\w+ ){0,5}by (the )?police|(rang|called|phoned) the ambulance|"
    r"(they|paramedics|the ambulance|the crew|police) (took|have taken|brought) (the baby|him|her|them) in\b|"
    r"(doctors?|nurses?|staff) (watch|watches|are watching|is watching|watching) (him|her|them)|on a ([\w']+ )?ward|"
    r"(?<!before )(?<!before the )(?<!before a )(?<!until )(?<!until the )(?<!till the )(?<!without )"
    r"(?<!without the )(?<!without a )(paramedics|doctors?|the gp|a&e|111) (checked|examined|saw|"
    r"assessed) (him|her|them|the baby)|"
    r"(they|doctors?|the hospital|paramedics|a&e) treated (her|him|them)|under an? (fmpo|fgmpo|protection order)|"
    r"(tablets|pills|meds|medication|medicines?|knives|chemicals|bleach)( are| is)? (now )?(in a locked \w+|locked "
    r"away|out of reach|stored safely|put away)|"
    # police with a missing young person, and a forced marriage unit on it
    r"(a unit|units|officers?|police|the police|a patrol)( is| are|'s|'re) (now )?with (him|her|them)\b|"
    r"bringing (him|her|them) (back|home)\b|(forced marriage unit|fmu)( are| is|'s|'re| have been| has been)? "
    r"(now )?(involved|informed|notified|on it)|(forced marriage unit|fmu)( are| is|'s|'re| have been| has been) "
    r"(now )?aware|"
    # (not what is asked for: "we need police there now")
    r"(?<!need )(?<!needs )(?<!want )(?<!get )(?<!send )(?<!call )(police|paramedics|ambulance)"
    r"( and (police|paramedics|ambulance))? (are |were )?(there|here|on scene) now|"
    r"(he'?s|she'?s|they'?re|he is|she is|they are) (down|back inside|off the (roof|bridge|ledge|railings?))"
    r"( now| safely)?(?! (the|to|at|by|from|on|in|with|there))|"
    r"(has|have) no contact( with (them|her|him|the (kids|children)))?|made (it|the (flat|house|property|place)) safe|"
    r"(paramedics|ambulance crew|doctors|the hospital|a&e|triage) (have|has|'ve) (got )?(him|her|them|the \w+)|"
    # taken home by family, police protection used, stopped at once: "picked up by grandma the same night", "police
    # 46'd the baby", "the contact worker stopped it straight away and contact's suspended"
    r"(were|was|got|been) (picked up|collected|fetched|taken home|rescued) by (\w+ ){0,2}(grandma|grandmother|nan|"
    r"nana|gran|grandad|grandparents|aunt\w*|uncle|dad|father|mum|mother|police|officers|foster carers?|relatives?|"
    r"family|neighbours?)|"
    r"46'?d|(took|taken|placed) (\w+ ){0,3}(into|under|in) police protection|"
    r"(stopped|ended) (it|the fight|things) (straight away|immediately|at once|there and then)|"
    # (not what he has been told: "dad's been told contact is suspended but says he's coming at 2 anyway")
    r"(?<!told )(?<!told that )(?<!says )(?<!said )(contact|visits?|family time)( has been|'s| is| was) (suspended|"
    r"stopped|cancelled|halted)|ligature\b[^.]{0,40}\bremoved|"
    r"(return (home )?interview|rhi)( was| has been)? (done|completed|held)|"
    r"(police|officers)( \w+){0,6} (and )?arrested (him|her|them)|(police|officers) (stopped|pulled over|intercepted) "
    r"(the|his|her|their) (car|van|vehicle)|(safe and )?back with (the |her |his |their )?(foster )?carers?|"
    r"pulled out of the \w+ by (the )?police|(police|officers) picked (\w+ ){1,2}up (at|from)|"
    r"(walked|came|turned up) (back )?in at \d{1,2}([.:]\d\d)? ?(am|pm)?(?! ?(degrees|°|%))|"
    # adopted, talked down, under a 136, the court holding her passport, an order against the marriage
    r"(since |been |was )adopted|deregistered|talked (her|him|them) down|"
    # (the young person's own 136, not a parent's: "dad was detained under s136 on the bridge" leaves the children)
    r"((at|in) (the )?hospital|on (a|the) ward) (under|on) (a )?(section |s\.? ?)?136\b|"
    r"(is|'s) on (a )?(section |s\.? ?)?136\b|"
    r"(court|police|solicitor) (has|have|holds?|took|kept) (my|her|his|their) passports?|forced marriage (protection )?"
    r"order|"
    # no further action, a strategy held, at the SARC, with paramedics, in paeds A&E, supply isolated, recovered by BTP
    r"\bnfa\b|no further action|(strat|strategy( meeting| discussion)?) (was |has been )?(held|done|completed)|"
    # (and one bailed away, a girl staying with a grandmother or an aunt tonight, a child kept overnight, a knife dealt
    # with: "Strategy discussion was held at 2pm today re Ava's disclosure, she's staying with grandma tonight and dad's
    # bailed not to contact", "taken in by ambulance, kept overnight and is fine", "handed in, school and police dealt
    # with it and there's been nothing since")
    r"bailed not to (contact|see|go)|bailed away from|(staying|sleeping|stopping) with (her |his |their )?(maternal "
    r"|paternal )?(nan|nana|nanna|gran|granny|grandma|grandmother|aunt|auntie|aunty)( \w+)? (tonight|now)|"
    r"kept (in )?overnight|dealt with (it|that|this)|((there'?s|there has) been )?(?<!heard )nothing since (then|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|last (year|month|term|"
    r"summer|winter|spring|autumn))\b|"
    # (and a parent's careful words of it being over: "fully investigated by the police and the father has had no
    # contact with him since", "no contact with those people for three years", "the girls' names are now on the port
    # alert list", "treated at A&E, monitored overnight and discharged to his grandparents", "taken by ambulance to
    # the hospital this morning", "police picked him up ... and she's at home with her mum now")
    r"fully investigated|no contact (with (\w+ ){1,3})?(since|for (\w+ ){0,2}(years?|months?))\b|"
    r"(fgm ?(protection order|po)|fgmpo)('s| has been| was| is| are)? (now )?(served|granted|made|in place|in force|"
    r"in)\b|port alert|monitored overnight|treated (at|in) (a&e|hospital)|"
    r"discharged (home )?to (his|her|their) (grandparents|nan|gran|grandma|aunt\w*|foster carers?)|"
    r"(daughter|son|child|baby|toddler|boy|girl|yp) (was|has been|got) taken by ambulance|"
    r"(at|back) home with ((her|his|their) )?(mum|mam|mother|nan|gran|grandma|"
    r"parents) now|"
    # (and help come and gone, as a youth worker or a venue's log tells it: "EDT came out for Tyler, he's with an
    # emergency carer tonight", "all young people accounted for, injured lad got patched up", "police have got the gun
    # from the park", "paramedics assessed, parents collected, all reviewed at the time", "Child with the knife is
    # with police and his dad")
    r"(edt|police|duty|the duty team) came out|with an? (emergency|respite) (foster )?carer|"
    r"all (the )?(young people|kids|children|girls|boys) accounted for|(got|been) patched up|"
    r"(police|officers) have (got|taken|seized) the (gun|knife|weapon|blade|machete|drugs)|"
    r"(paramedics|ambulance crew|the doctor|gp) (assessed|checked) (him|her|them)?|parents? collected|"
    r"reviewed at the time|(is|are|'s|'re) with (the )?police and|"
    # (a move that is off: "The man from the sex offenders register won't be moving in after all")
    r"(won'?t|will not|isn'?t|is not|not|no longer) (be )?(moving in|coming|going|happening|staying)\b[^.,]{0,20}"
    r"\bafter all|"
    r"closing (our|the) (log|case|file)|(with|at) (the )?sarc\b|(is|are|'s|'re) with (the )?paramedics|"
    r"(ambulance|paramedics|ambulance crew) (has|have) taken (?!ages|forever|too long|hours)\w+|"
    r"taking (him|her|them) (in )?to (a&e|hospital|the hospital)|in (paeds |paediatric |children'?s )a&e|"
    r"(isolated|capped|turned off|shut off) the (gas|supply|electrics?|meter)|(supply|gas|electrics?) (was |has been )?"
    r"(isolated|capped)|(been |was )?recovered (from \w+ )?by (btp|police|officers)|(border force|police|officers) "
    r"(had )?(already )?(stopped|intercepted) (her|him|them)|(is|are|'s|'re) with (the )?police now|"
    r"((are|is|'re|'s) (now )?(out and )?|and )with (the )?(edt|emergency duty team)|with (the )?(emergency )?fcs?\b|"
    r"safe (at|with) (their|her|his) (nan|gran|grandma|grandmother|grandparents|aunt\w*|uncle|dad|mum)('?s)?|"
    r"(probation|police|we|the court|mappa|officers) (stopped|prevented|blocked) (it|him|her|them|the move)|"
    r"(partner|mum|dad|nan|gran|another adult|an adult|carer) (was |is )?(sober|in charge)|sober (adult|carer|parent)|"
    r"placed with (a |the |her |his |their )?(maternal |paternal )?(aunt|auntie|uncle|nan|gran|grandparents?|"
    r"grandmother|grandfather|relatives?|family|foster carers?)|ppo (taken|in place|used)|"
    r"(have |has )?taken over|(gone|went|going) (with (them|him|her) )?to (the )?(hospital|a&e)|"
    r"(police|officers) (have|has) (now )?(found|located|traced)|"
    r"(carer|foster carer|nan|gran|grandma|grandad|aunt|auntie|staff|police|officers?)( is|'s| are)? on (her|his|their|"
    r"the) way to (collect|pick up|fetch|get) (her|him|them)|"
    r"(grandmother|grandma|nan|gran|grandad|grandparents|aunt|auntie|uncle|(foster |kinship )?carers?) (is|are) "
    r"(now )?(looking after|caring for)|"
    r"one[- ]to[- ]one (staff|obs|observation|supervision)|(been )?(found|located|traced) (safe |safe and well )?by "
    r"(the )?police|(with|alongside) (a|an|the|two) (\w+ )?(officers?|police officers?|pc|detective)|"
    r"(he|she|they|the \w+) (is|are|'s|'re) (now )?in (a&e|hospital|the hospital)|"
    # (a young person in hospital with a parent beside them: "hes in A&E now, his mum is with him")
    r"(he|she|they)('s|s| is|'re| are) (now )?in (a&e|hospital|the hospital)( now)?,? (and )?(his|her|their) "
    r"(mum|mother|dad|father|carers?|foster carers?|nan|gran|grandma|grandad|aunt\w*|auntie|uncle)( is| are|'s) with "
    r"(him|her|them)|"
    # (or told with the one beside her: "she's in A&E now with her aunt")
    r"(he|she|they)('s|s| is|'re| are) (now )?in (a&e|hospital|the hospital)( now)? with (his|her|their) (mum|dad|"
    r"aunt\w*|auntie|uncle|nan|gran|grandma|grandad|grandparents|carers?|foster carers?|sister|brother)\b|"
    r"(ambulance|paramedics|police|crew|officers)( \w+)? (arrived|came|attended)|"
    r"(served|issued) (with )?(an? )?(\w+ )?(protection order|order|fgmpo|fmpo|injunction|non[- ]?mol\w*)|"
    r"(unit|police|court|team|we|they|solicitors?|la|local authority|fmu) (got|obtained|secured) (an? )?(\w+ )?"
    r"(protection order|fgmpo|fmpo|injunction|non[- ]?mol\w*)|(got|obtained|secured) (an? |the )?(forced marriage |"
    r"fgm )?(protection order|fmpo|fgmpo|epo)\b(?! (against|on) (him|her|them|dad|mum))|"
    # (a mental health team seeing her: "she's in A&E now with her aunt and the mental health team are seeing her")
    r"(mental health|camhs|crisis|liaison|psych\w*) (team|nurse|worker)s? (are|is|have been|has been|were|was) "
    r"(seeing|assessing|with|visiting) (her|him|them)|(crisis|mental health|camhs) team (are|is) visiting|"
    # (the fire brigade there and the gas off: "the fire brigade are at the house with the gas smell, gas is off")
    r"(fire (brigade|service|crew|engines?)|firefighters|firemen)( is| are|'s|'re) (now )?(at|in|on|outside) (the )?"
    r"(house|flat|property|scene|block|building)|gas (is|'s|has been|was) (now )?(off|turned off|capped|isolated)|"
    # (the fire service or the gas people there or done: "fire service sorted it", "National Grid there now", "family
    # evacuated to the neighbours"; a young person with police and the crisis team; a baby admitted for tests or to
    # PICU, staying in hospital)
    r"(fire (brigade|service|crew)|gas (board|man|engineer)|national grid|cadent|transco) (have |has )?(sorted|dealt "
    r"with|made safe)|(fire (brigade|service|crew)|gas (board|engineer)|national grid|cadent)( are| is)? (there|on "
    r"(scene|site))|(family|everyone|the (kids|children)) (were |was |have been |has been |got )?evacuated|"
    r"with (the )?police and the crisis team|(is|are|'s|'re) (now )?with (the )?police and (the |a )?(social worker|sw|"
    r"duty( sw)?)|strat(egy)? (disc(ussion)?|meeting) (done|held|completed)|"
    r"checks (done|completed),? (and )?(all )?(safe|clear|fine|ok)\b|"
    r"(w|with) (an? |the )?(emergency )?fc\b|"
    r"admitted (for|to) (a |the )?(skeletal survey|ct|scan|obs|observation|tests|picu|nicu|scbu|hdu|paeds|the "
    r"children'?s ward)|(staying|kept) in hospital|"
    # (the gas board out and it fixed: "gas board came, faulty heater, all fixed")
    r"(gas (board|man|engineer)|cadent|national grid|transco|fire (brigade|service|crew)) (came|attended|"
    r"has been|have been|were out|was out|capped|fixed|made (it )?safe)|"
    r"(was |were |been |got )?stopped at (the )?(airport|border|gate|station|heathrow|gatwick|stansted|luton|"
    r"manchester airport|birmingham airport)|(flight|travel|trip) (was |were |has been |had been )?stopped|"
    r"(with|alongside) (our |the |a )?(dsl|police officers?|officers)|"
    r"(dad|mum|he|she|stepdad|stepmum|father|mother|uncle|\w+) (won'?t|will not|isn'?t|is not) (be )?(collecting|"
    r"picking (her|him|them) up)|(is|are|'s|'re) (\w+ ){0,6}at the police station|"
    r"(gone|taken|went|been taken|brought) (in)?to (a&e|hospital|the hospital|resus)|"
    r"(triage|doctors|nurses|paramedics|the ward) (have|has|'ve got|have got) (him|her|them)|"
    r"(seen|assessed) by (the )?(\w+ )?(liaison|crisis|camhs|psychiatr\w*|mental health)|staying in overnight|"
    r"(meds|medication|tablets|locks?|alarms?|heating|boiler|wiring|electrics?) (now |all |got |been )?"
    # (not "medically fit": on a ward it says a child is ready to go home, "mum back in 40 mins, child medically fit")
    r"(sorted|fixed|repaired)|medically (stable|cleared)|turned away (and|by)|"
    r"arrested at the (gate|door|scene|school|house|property)|(ceop|police|mash) report (made|done|submitted)|(is|are|"
    r"'s|he'?s|she'?s|they'?re|now|remains?|still) in custody|"
    r"(knife|weapon|blade|gun) (was |got |been )?taken (off|from) (him|her|them)|"
    r"(within|in line with|allowed (by|under|in)) the (placement|safety|care) plan|"
    r"(going|gone|went|taken|staying) to (her|his|their) (nan|gran|nana|grandma|aunt|auntie|uncle|grandparents)('?s)?"
    r"(?! (house )?(where|with (him|her|them|dad|mum)))|"
    r"(staying|stopping|sleeping) (with|at) (her|his|their|my) (nan|gran|nana|grandma|aunt|auntie|aunty|uncle|"
    r"grandparents)('?s)?(?! (house )?(where|with (him|her|them|dad|mum)))|"
    # an order kept, travel stopped, first aid given and a child checked, police watching the house
    r"(non[- ]?mol\w*|order|injunction|bail conditions?) (has been|have been|is being|are being) (respected|kept|"
    r"adhered to|complied with)|no contact (at all )?(for|since) (over |more than |nearly |almost )?(a|an|one|two|"
    r"three|four|five|six|\d+|last) (weeks?|months?|years?)|"
    r"(is|are|'s|'re|both|all|now) (on|under) (an? )?(\w+ ){0,2}protection order|refused (a |her |his |their )?visa|"
    r"passports?( are| is|'re|'s| has been| have been)?( now)? (with|held by|surrendered to|lodged with) (the )?"
    r"(court|police|solicitors?)|"
    r"(did|gave|given) first aid|(?<!before )(?<!until )(?<!till )(paramedics|the doctor|the gp|a nurse|the nurse|"
    r"a&e|the hospital) (checked|saw|assessed|treated) (her|him|them)|"
    r"(police|an officer|officers|a police car) (is |are )?((parked|stationed|posted) outside|(sitting|parked) on the "
    r"(address|house|property|flat))|"
    r"(head|school|staff|nursery|reception|teacher|dsl) (\w+ )?refused (him|her|them)\b|"
    r"(she|he|they)('s| has|'ve| have) stopped (cutting|self[- ]harm\w*|using|drinking)|"
    r"says (she|he)('s| has) stopped|"
    r"(warning )?marker on the (address|house|property)|"
    # a hazard made safe, a family housed for the night by the council, a young person long out of exploitation
    r"(gas|electric\w*|supply|power|water)( was| has been| got|'s been)? (turned|switched|shut|cut) off|"
    r"(paid|funded|booked|put up) (for )?by (housing|the council|the la|children'?s services|social care|us|edt)|"
    r"out of (it|that life|county lines|the gang|exploitation) (for|since) (over |more than |nearly |almost )?"
    r"(a|an|one|two|three|six|\d+|last) (years?|months?|summer|spring|autumn|winter)|"
    r"(wasn'?t|isn'?t|not) (real|serious|true)|false alarm|turned out|remanded|recalled( to prison)?|"
    r"(?<!who )(?<!that )(was|were|been|got) arrested|on tag|on remand|in (a )?secure (unit|children'?s home)|"
    # help with them now: "police are here now and have put dad in the car", "ambulance crew are with Isla now"
    r"(police|officers|paramedics|ambulance( crew)?|crisis team) (are|is|'re) (here|there|with (her|him|them|\w+)) "
    r"now|(police|officers) (have )?put (him|her|dad|the dad|stepdad|\w+) in the (car|van|police car)|"
    r"(police|officers|paramedics) (are|is|'re) with the (kids|children|baby|boys|girls|little ones)|"
    # the worker's own support coming: "My PE is on her way"
    r"(my|our) (pe|practice educator|supervisor|onsite supervisor|manager|team manager|senior|consultant) (is|'s) "
    r"(on (her|his|their) way|coming( over| out)?|meeting (me|us|them))|"
    r"(ambulance|paramedics)( crew)? (has|have|'s|'ve) (just )?taken (him|her|them|the (baby|child|toddler|boy|girl))|"
    r"(being )?checked (over )?(in|by) the (ambulance|paramedics)|"
    # the means put out of reach: "knives and meds locked in the car"
    r"(knives|meds|medication|medicines?|pills|tablets|drugs|blades|razors|guns?|weapons?|ligatures?)( and (\w+ )?"
    r"(knives|meds|medication|medicines?|pills|tablets|drugs|blades|razors))? (are |were |all |now )*(locked|put) "
    r"(away )?(in|inside) (the |a |my )?(car|safe|cabinet|lock ?box|boot|cupboard)|"
    r"(paramedics|ambulance( crew)?|police|officers|fire (crew|brigade|service)|firefighters|crisis team) (were |are "
    r"|was |is |'re )?already (there|here|on scene|at the (house|flat|scene|address|property))|"
    # told as a note, without its verb: "PoP arrested", "man arrested", "in custody pending recall", "seized by
    # police", "police intercepted at the station", "barred from the ward", "he's back at his own address"
    # (not a parent's or carer's arrest: "Dad arrested at 3pm, nobody knows who's with his 4 and 6 year old")
    r"(pop|man|male|suspect|perpetrator|offender|rso|ex) (now )?"
    r"(arrested|in custody|in cells|in the cells|recalled)|(^|, ?)in custody|seized by (the )?police|"
    r"(police|officers) intercepted|barred from the (ward|house|property|address|hospital|unit)|"
    r"(placed|put) (him|her|them) with (his|her|their) (aunt|auntie|uncle|nan|gran|grandparents?|dad|mum|father|"
    r"mother|family|relatives)|(he'?s|he is|she'?s|she is) (back |staying )?at (his|her) own (address|flat|house|"
    r"place)|(staying|placed|housed) (at|in) (the )?(ap|approved premises|hostel|bail hostel)|"
    r"agreed (he'?d|he would|he will|he'?ll|she'?d|she would) (leave|go|not come|stay away)|"
    # a weapon taken by the police, not a child who "seized" (fitted)
    r"(police|officers|they)( have|'ve| had)? seized|(knife|weapon|gun|drugs|it) (was |were |has been )?seized|"
    r"removed by (the )?police|security got (him|her|them) out|police are dealing|"
    r"(police|officers) (forced|gained|got) (entry|in)|(not|no longer) a current (concern|risk|issue|worry)|"
    r"(fire service|firefighters|fire brigade|fire crew|firemen) (got|have got|brought|pulled|rescued) "
    r"(them|him|her|the \w+|everyone) out|"
    r"no (further |more |new )?(missing (episodes?|incidents?)|incidents?|episodes?|concerns?) since\b|"
    r"no (self[- ]?harm\w*|incidents?|episodes?|concerns?|reports?) (for|in|since) (over |more than |the (last|past) )?"
    r"(a|an|one|two|three|four|five|six|\d+) (years?|months?|weeks?)|"
    r"(?<!who )(?<!that )(been|was|were|got|being) charged(?! (\w+ )?(at|towards|into|with))|, charged,|"
    r"(they'?ve|police have|officers have|police) arrested (him|her|them)|in (hand)?cuffs|in (picu|intensive care)|"
    r"in emergency foster care|(has|have|got) (a|an) (forced marriage |fgm )?protection order|"
    r"passports?('s| has| have)? been (taken|seized|held) by (the )?(court|police)|"
    r"kept (\w+ ){1,2}in (overnight|for (obs|observation))|"
    # (as a neighbour or a carer tells what was done: "was seen at hospital that day, had an infection, got treated",
    # "seen at a&e and kept in", "out of danger", "theres a care order on the kids", "only sees the kids at a contact
    # centre", "his father has been told by the police")
    r"(got|was|were|been) treated\b(?! (badly|like|as|worse|differently|unfairly|roughly))|"
    r"(was|were|been|got) kept in(?=\s*([,;.]|$| overnight| hospital))|out of danger|"
    r"(there'?s|there is|under|on) a care order|"
    r"(only )?(sees|seeing|see) (the kids|the children|them|her|him) at (a|the) contact cent(re|er)|"
    r"(has been|have been|was|were|been) told by (the )?police(?=\s*([,;.]|$)| (not to|to (stay|keep) away))|"
    # (a lost child found by those searching: "was lost for an hour but the lifeguards found him")
    r"(lifeguards?|coastguard|police|security|staff|searchers|neighbours?) found (him|her|them)(?=\W*([,;]|$)| (safe|"
    r"fine|ok|okay|well|straight away|quickly|within))|"
    r"in a secure (placement|unit|home)|(ambulance|paramedics) took (him|her|them)|"
    r"under (s20|s\.? ?20|section 20)|bailed (to (an?|the) (address|hostel)|away|out of)|"
    r"handed over to (the )?(police|officers|carers?|foster carers?|paramedics|ambulance|staff)|fire'?s out|"
    r"(fire (service|brigade)|firefighters|police|officers|neighbours?) got (all )?(the |\d |three |two )?"
    r"(kids|children) out|nothing current|"
    r"bail (was |has been )?refused|locks (have been |were )?"
    r"changed|(police|officers|btp|staff|carers?) brought (\w+ )?back|brought back (to|by)|return home interview|"
    r"agreed to (leave|move out)|"
    r"police (have|had) spoken to (him|her|them)|(on|in) the ward|under observation|"
    r"(?<!during )(?<!in )(?<!at )(?<!on )supervised|"
    # (not who a child who harms is: "her brother who's on the AIM safety plan has been coming in her room")
    r"(?<!aim )(?<!hsb )(?<!his )safety plan|locked away|"
    # (not "not allowed to come back": a girl taken abroad to be married)
    r"(not|isn'?t|aren'?t) allowed(?! (back|out|contact|to (go|leave|see|tell|talk|speak|return|come (back|home))|"
    r"(her|his|their|a) "
    r"(own )?(passport|phone|documents|id)))|"
    r"can'?t (enter|come|go) (in|near|within)|"
    # (not a child who fitted: "Harley (14 months) fitted on the floor for about 3 minutes")
    r"restrictors?|(?<!being )(?<!getting )(?<!be )fitted(?! (on|for|again|twice|in (the|his|her)|at)\b)|"
    r"(hasn'?t|haven'?t|not) (had|happened)( \w+)? since|"
    r"home and well|well now|"
    # not a guest who "has checked out" of a B&B, leaving the children in the room
    r"checked over|(?<!has )(?<!she's )(?<!he's )(?<!shes )(?<!hes )(?<!have )(?<!'ve )checked out|"
    # (a form taken round to be signed is admin: "when I called round to get it signed her mum said ...")
    # (nor a child's signing: "Noor, 16, signed to me that the 'engagement' is next week")
    r"(?<!get it )(?<!got it )(?<!get them )(?<!get the form )signed(?! (in|on|out|off|up|at|that)\b)"
    r"(?! to (me|us|her|him|them|the|my|our|mum|dad)\b)(?! ['‘\"])|written agreement|"
    r"clare'?s law|dvds|granted|"
    # "it is being managed", not "managed under MAPPA", which says who he is
    r"managed(?! (under|by) (mappa|probation|the police))|"
    r"in (the|a) refuge|disruption plan|(been|were|was|got) removed|"
    r"on (\d+ ?(min(ute)?s? |hourly )?)?(obs|observations)|"
    r"bail conditions (say|says|mean|are|of|not to)|(on|under) bail (conditions )?not to|(been )?deported|"
    r"settled since|"
    r"(lives|living|moved|moving|staying|is|now|he'?s|she'?s) (in|to|at|into) approved (premises|accommodation)|"
    r"back at (the )?(placement|unit|children'?s home|foster \w+)|(at|staying at|staying with|with) (her|his|their) "
    r"(nan|nans|gran|grans|grandma|grandmas|grandmothers?|grandad|grandfathers?|grandparents|aunt|aunts|auntie|aunties)"
    r"('?s)?( house)? "
    r"(tonight|now|for the night)|protective (parent|mum|dad|mother|father)|(mum|dad|mother|father) (is|was) "
    r"(being )?protective|abe booked|\d+ ?min(ute)?s? checks)\b", re.IGNORECASE)
# Words that make a whole message a question about practice, never a report of now.
TEACHING = re.compile(
    r"\b(hypothetically|hypothetical (for|question|scenario)|inject \d+|in theory|"
    r"(?<!from my )(?<!in my )case stud(y|ies)|practice question|quiz( question)?|"
    r"scenarios?|vignette|role[- ]?plays?|"
    # a call or case made up for practice, and a question labelled as one ("Policy q: when a landlord reports ...")
    r"made[- ]up (call|case|scenario|referral|family|example|record|contact)|pretend (case|scenario|family|call|"
    r"referral)|exercise for (the )?(students?|team|group|nqsws?|asyes?)|(policy|training|practice) (q|qs|question)|"
    # a note of practice being written ("Practice note draft: signs a baby may have swallowed methadone"), and a
    # student's coursework ("Seminar debate: 'A 16yo has a plan ...'", "Exam revision: signs of ...")
    r"(practice|guidance|briefing|learning) note( draft)?(?=:)|seminar( debate| question)?|exam (revision|question|"
    r"prep)|revision notes|(uni|university|college|course) (assignment|essay)|"
    r"(writing|drafting) (the |some |a |our )?(\w+ )?guidance|"
    r"table[- ]?top|go on (the|a|some) (\w+ ){0,2}(training|course)|"
    r"drafting (the|an?) (\w+ ){0,2}(update|letter|report|referral|email)|need the right template|"
    # (not a therapy or contact session: "On home visit now for SALT session, dad ... has just thrown a mug at mum")
    r"for (the |a |an |our |my |next week'?s )?(?!(salt|slt|ot|physio\w*|portage|therapy|speech|feeding|play|contact|"
    r"family time|supervised|home)\b)(\w+ ){0,2}(training|induction|session|course|teaching|workshop)|"
    r"on (my|our) (\w+ ){0,2}(course|training)\b|(asked|asks|asking) (us |me |them )?what (we|you|i|they)('d| "
    r"would| should) do (if|when)|"
    r"for (the |our |my )?(practice|team|away|development|training|learning) (\w+ )?day|induction pack|"
    r"(purely |just )?thinking ahead|in case it (ever )?comes up|(want|like|need) to be (ready|prepared)|"
    r"what'?s the (number|contact|email|phone number|address) for (the )?(\w+ ){0,3}(unit|team|line|service|helpline)|"
    r"what are (the )?(red flags|warning signs|signs|indicators)|"
    # (not a threat: "he will 'teach the boy respect tonight'")
    r"teach(ing)? (the|new|our|my) "
    r"(?!(boy|girl|lad|kids?|child|children|baby|little \w+|\d[\w-]*|under[- ]?\d+s?|juniors|u\d+s?)\b)"
    r"(?!\w+ (a lesson|respect))|"
    r"(writing|building|prepping|planning|preparing) an? (\w+ ){0,4}(session|training|course|case study|scenario)|"
    # the worker's own recording: "tonight i am just writing up my notes"
    r"(writing|typing|doing) up (my|the|our|her|his|today'?s) (\w+ )?(notes|case notes|records?|recording|chronology)|"
    r"let'?s say|supposing|what would (i|we|you) (actually |really )?(say|do) (if|when)|simulation|simulated|"
    r"(training|practice|desktop) exercise|"
    # (not a worker's next step, nor news told after it: "just wondering who to tell, Chloe (14) showed me ...",
    # "just wondering, mum (Chantelle) told me at group that ...")
    r"just (curious|wondering)( like)?(?!,? (who to|what (i|we) (do|should do|need to do)|where (i|we) (stand|go)|"
    r"if (i|we) (need|should|have) to (ring|call|tell|refer|do)))(?!,? \w+ (\(\w+\) )?(told|said|rang|called|texted|"
    r"disclosed|showed))|out of (curiosity|interest)|"
    r"in (the )?training|"
    r"for (the|my) (asye|exam|essay|assignment|course|dissertation|thesis|portfolio)|"
    # a course being booked: "knife crime awareness course next week"
    r"awareness (course|session|training|day|week|module)|"
    r"what'?s the (process|procedure|guidance|threshold|law|policy|protocol|rules?)|what to do (if|when)|"
    # ("what age can a kid legally be left home alone", "is there a legal age")
    r"legal age|what age (can|should|do) [^.?]{0,40}\blegally\b|"
    # a workbook's or a course's question quoted: "the workbook question asks 'a baby is floppy and grey, what do you
    # do'"
    r"(workbook|quiz|exam|handbook|course|training)( question)? (says|asks|asked)\b|"
    # a session asked for, and the records written for a child in care long after ("the later life letter")
    r"(do|run|have|book|plan) (a|an|the|some) (\w+ )?(session|workshop|training|course) on|"
    r"(writing|write|drafting|finishing) (the |a |her |his |their )?(later[- ]life letters?|life[- ]story (book|work))|"
    # a record added to, the minutes typed up, an agency missing from the plan ("who's missing is the GP"), a
    # workshop on a subject
    r"(add|put|log|record)\b[^.]{0,60}\bto the chronology|(write|writing|type|typing|do|doing) (up )?the minutes|"
    r"who'?s missing (is|from (the|this))|"
    r"(workshop|webinar|briefing|training|course)('s)? on\b(?! (mon|tues|wednes|thurs|fri|satur|sun)day)|"
    r"at what point|examples? of questions|questions to ask|how (do|should|would) (i|we) word|scaling question|"
    # where a form or record goes: admin about a harm, not news of one
    r"(where|how) (on the system |in the system )?(do|should|would|can) (i|we) (record|log|upload|file|find)|"
    r"mandatory report(ing)?|uploaded as|(form|template|document|code|field|tab|box) (on|in) the system|"
    r"consent to share|separate chronology|(update|add to|updating|adding to) the chronology|^\W*reminder\b|"
    r"within (24|48|72|\d+) (hours|working days) of|(which|what) (form|code)|placement plan doing|separate tab|"
    r"contact screen|(exam|essay|assignment|interview)([- ]style)? questions?|mark my answer|"
    r"for (my|our|the) practi[cs]e educator|(get it right|be ready|know what to do) (before|if|"
    r"in case) it (ever )?happens|"
    r"befor(e)? it ever happens|(drafting|writing|updating) (a|the|our) (\w+ ){0,2}(guidance|policy|procedure|"
    r"protocol)( note)?|guidance note|decision points|walk (the|my|our) (group|team|students|learners) "
    r"through|what would (the|our) (threshold|guidance|procedure|policy|protocol)( document)? say|threshold document|"
    r"thought experiment|discussion (prompt|point)|training exercise|not a real (case|child|family)|"
    r"(lockdown|fire|evacuation|invacuation) drill|"
    # the law asked about, a form's tick box: "Is leaving a 12yo home alone overnight illegal in England?"
    r"^\W*(is|are) (it |they )?(\w+ ){0,8}(illegal|legal|against the law)\b|tick ?box|what(['’]?s| is) the law\b|"
    r"^\W*legally\b|legally (be|leave|left|stay|babysit|look after)\b|is there an age|"
    # the law asked about in other words: "What counts as FGM under UK law", "Is forced marriage actually a crime in
    # England?"; the way somewhere ("What's the postcode for the family hub? The satnav keeps sending me to a car park")
    r"what counts as|what'?s the difference between|under (uk |english |british |the )?law|is it (illegal|legal|"
    r"against the law|a crime)\b|(actually |even )?(a )?(crime|criminal offence) in (england|the uk|uk|wales|britain|"
    r"law)|is there a law|is it allowed (to|for)\b|doing the course for|"
    r"the exercise (ask|asks|says)|"
    r"sat ?nav|"
    r"(what'?s|what is) the postcode|postcode for|"
    # (a club's policy being written: "For our dance school policy, how should we handle it if ...")
    r"for (our|the|a|my) (\w+ ){0,3}(policy|policies|procedures?|handbook)\b|"
    r"(signs|indicators) of\b|indicators\b(?! (are |were )?(all )?present)(?<!\ball indicators)|"
    # the minutes of a meeting held (not a case note of what was seen: "help me word the case note - baby grey")
    r"word the minutes|what age (can|should|is)|what happens (if|when)|talk (it )?through what|"
    r"(policy|practice|procedure|legal|training|guidance) question|how (does|do|would) (our|the) (policy|procedure|"
    r"guidance|protocol)|how (does|do) (\w+ ){1,3}apply|"
    # a question asked to learn, with no case behind it: "Just asking for my knowledge, no case now."
    # (not a bare "just asking", which people also say of a real worry)
    r"asking for my (own )?(knowledge|learning|practice)|no (real |actual )?case (now|at the moment)|"
    r"^\W*annual leave\b|"
    r"(my |a |the )?(student|learner|asye|nqsw|trainee)s? (asked|asks|wants to know)|password|it (desk|helpdesk)|"
    r"(?-i:IT) says|"
    r"locked out of (the system|my account|my laptop|the laptop)|key (to|for) the (family|contact|meeting|interview|"
    r"play) room|"
    r"mock (mash|referral|form|case|conference|strategy|call|drill|exercise)|example only|model answer|"
    r"(flag|catch|pick up|detect|recognise|spot) (something|a message|messages|a phrase|phrases) like|"
    r"(new )?starters?'? pack|(treat|treated) (this |it )?as an exercise|exercise only|test cases?|"
    r"(example|sample) (text|wording|answer|sentence)s?|quiz for (the )?(\w+ )?(newbies|new starters|students|"
    r"team|group|nqsws?|asyes?)|sampled \d+ (cases|files|records|families)|(\d+|all|the) cases (where|in which)|"
    r"needs? (a|the) form\b|where (does|do|can) (she|he|i|we|they) get (it|the form|a form)\b|"
    r"(new |the |a )?(box|section|field|tab|template) (for|on|about)\b|filling (it|this|them) in|^\W*rota\b|"
    r"(emergency|out of hours|ooh) (duty )?(cover|rota|shifts?)|duty rota|"
    r"(edt|ooh|on-?call) (rota|shift)|e-?learning|"
    r"quarterly return|'[^']{3,40}' (training|course|session|e-?learning|workshop)|"
    r"(training|course|session|workshop)( on \w+day)? (has )?(moved|is moved|cancelled|postponed)|"
    # cover asked for a session: "off sick today with a migraine, my 2pm FT needs covering or rescheduling please"
    r"needs? (covering|cover|rescheduling|rearranging|re-?booking)|off sick (today|this week|with)|"
    # (a question of principle or study, and training done: "the authority's position, in principle, on the use of
    # police protection", "writing a dissertation on county lines", "That Gillard training nearly finished me off")
    r"in principle|(the )?(authority|council|department)'?s (position|policy|guidance)|dissertation|"
    r"^\W*(that|the|this|our) (\w+ ){0,2}training\b|"
    # a question of policy: "In the unlikely event a parent snatched a child at handover, is our guidance still call
    # 999?"
    r"(is|what'?s|what is) (our|the) (guidance|policy|procedure|protocol)( still)?)\b",
    re.IGNORECASE)

# The worker asking about their own next step ("Do I need to do anything tonight?", "what should I bring?"): with no
# harm named in it, the sentence is about the worker's work, whatever its "tonight".
OWN_STEP = re.compile(
    r"^\W*((do|should|shall|must|can) (i|we)|what (do|should|shall) (i|we)|is there anything (i|we) (need to|should))"
    r"( \w+)? (need to |have to )?(do|bring|take|write|record|send|prepare|update|fill in|read|know)\b",
    re.IGNORECASE)


# Everyday idioms that borrow danger's words; read as a plain word before anything else.
IDIOMS = regex.compile(
    r"\b(((nearly|almost|literally|practically) )?(died|dying|die|dead) (laughing|of (shame|embarrassment|boredom))|"
    # (a service's name: "the interpreter for the forced marriage unit call tomorrow")
    r"forced marriage unit|"
    r"(killing|kills|killed) (me|it|myself laughing)|(would|could|'d) (kill|murder) (for )?(a|an|some) \w+|"
    r"(choking|choked|choke) on (my|his|her|their|a|the) (tea|coffee|drink|water|food|lunch|dinner|sandwich|biscuit|"
    r"crisps?)|kill(ed|ing)? (my|him|her|them)sel(f|ves) laughing|beat (me|him|her|them|us|the \w+|his \w+|her \w+) "
    r"at (football|fifa|cards|chess|uno|monopoly|the game|(\w+ ){1,3}on the (playstation|xbox|switch))|"
    r"(trying|tryna|out|determined) to (end|finish( off)?) me|"
    r"(die|dying|be dead) if (she|he|i|they|we) (doesn'?t|don'?t|can'?t|cannot|does not|do not) (get|have|go)\b|"
    r"walking disaster|(my )?(liver|heart) (is )?burn(ing|s) for|"
    # a worker's temper with a machine, and good food: "I'm going to kill my laptop", "could have thrown the iPad out
    # the window", "a killer lasagne"
    r"(going to|gonna|could|'ll|will) (kill|murder|strangle) (my|the|this) (laptop|computer|pc|printer|phone|ipad|"
    r"system|tablet|vending machine|photocopier|copier|coffee machine|kettle|toaster|microwave|wi-?fi)|"
    # a hazard said as people say it: "car park is a death trap in this ice, someone's going to break their neck"
    r"(someone|somebody|some ?one)('s| is) (going to|gonna) "
    r"(break|snap) (their|his|her|a) (neck|leg|ankle)|"
    r"thrown (my|the|this) (laptop|computer|phone|ipad|tablet|printer) out (of )?the window|"
    r"killer (lasagne|cake|brownies?|curry|chilli|pudding|recipe|playlist)|"
    # a game's kills, and the cold said as people say it: "her big brother 'kills' her at fortnite every night",
    # "we're going to have icicles on the babies by lunchtime"
    r"['‘\"]?(kills?|killed|destroys?|destroyed|murders?|murdered|thrash(es|ed)?|batters?|battered)['’\"]? "
    r"(me|him|her|them|us) (at|on|in) (fortnite|fifa|minecraft|roblox|mario ?kart|call of duty|cod|the game|xbox|"
    r"playstation|the switch|cards|chess|uno|monopoly)(\b[^.]{0,80}['‘\"]?(destroy|smash|thrash|batter|kill|murder)\w*"
    r"['’\"]? (him|her|them|me|us)( (tomorrow|tonight|later|next time|at the weekend))?\b)?|"
    r"icicles (on|hanging off)|(it|the (call|line|phone|voicemail|message|signal))( \w+)? cut (off|out)\b|"
    # ("screaming their heads off on the trampoline", "at war all week over the xbox", "ready to throw them out the
    # window lol", "she'd kill for the patience", "Tyler's going to kill me, I booked his dentist ...")
    r"scream(ing|ed|s)? (their|there|his|her|our) heads? off|at war (all|over|about)|"
    r"(throw|chuck|lob) (them|him|her) out (of )?the window\b[^.]{0,20}\b(lol|haha|joke|joking)|"
    r"('d|would) kill for (the|her|his|your|a|an|some)\b|"
    r"(going to|gonna|will) (kill|murder) me,? (i|cos|because|as) (booked|forgot|lost|broke|missed|double[- ]booked|"
    r"signed|ate|sold)\b|"
    # eagerness, a toy and play-acting, sugar: "dying to get his licence varied", "'shot' me with a nerf gun and I
    # died dramatically", "bouncing off the walls, high as kites on the sweets"
    r"dying to (get|go|see|have|know|meet|try|hear|tell|show|start)|(nerf|water|toy|pretend|cap|foam) (guns?|pistols?|"
    r"blasters?|rifles?|swords?)|died (dramatically|on the spot|a dramatic death)|bouncing off the walls|"
    r"high as (a )?kites? on (the )?(sugar|sweets|haribo|fizzy (drinks?|pop)|cake|chocolate|e-?numbers)|"
    # a worker's strain and a child's good day: "my caseload is through the roof", "hanging on by a thread", the
    # toddler was "'on fire' today, did all the painting"
    r"(caseload|workload|stress|referrals|numbers|demand)( is| are|'s)? (\w+ )?through the roof|"
    r"['‘\"“](is )?killing (me|him|her|us)['’\"”]|"
    r"can'?t feel my (toes|fingers|feet|hands|face|nose)|felt (really |so |very )?(on my own|alone|isolated)|"
    r"(i'?m )?freezing (in|at) the (car park|office|van|car)|"
    r"(printer|laptop|computer|system|paperwork|it) (has )?(beaten|beat) me|throw (it|the \w+|my \w+) out (of )?the "
    r"window|drowning in (paperwork|work|emails|admin|referrals|cases|assessments)|throw me a lifeline|"
    r"(she|he|nani|nan|gran|mum|ammi|mama)( says| said)? if (i|you) (don'?t|dont) eat (she'?ll|he'?ll) (strangle|kill|"
    r"murder) (me|you)|"
    r"hanging on by a (thread|fingernail)|(?<=['‘\"])on fire(?=['’\"])|on fire (today )?(in|at) (maths|class|football|"
    r"training|the match|reading|nursery|school|sports day)|"
    r"dying (for|to) \w+|to die for|bored to death|(we|i) (were|was|are|am|'re|'m) (\w+ )?"
    r"(dying|melting|roasting|boiling) in (the|this) (heat|sun|cold)|knock (the|his|her|their) blocks? off|"
    r"(i|we) could (kill|murder|strangle|throttle) (the|my|our|that|this) (\w+ ){0,3}(manager|boss|team|services?|"
    r"office|department|council|receptionist|admin|printer|system|laptop|computer|panel)|"
    # a fitting for equipment, not a fit: "they've cancelled Milo's fitting", "the wheelchair fitting"
    r"(wheelchair|splint|brace|orthotics?|hearing aid|seating|mould|cast|helmet|glasses) fitting|"
    r"(cancelled|booked|missed|rearranged|postponed|moved|rescheduled) (\w+['’]s |his |her |their |the |a )fitting|"
    r"(a |like a )(ticking )?(time ?bomb|bomb (waiting|about|ready) to go off)|"
    r"scared (me )?to death|the death of (me|her|him|us|them)|"
    r"drop dead \w+|(a |such a |proper |right )live wire|out for blood|"
    r"driv(e|es|ing) (me|him|her|us|them) (up the wall|round the bend|mad|crazy|nuts|bonkers)|"
    r"(face|eyes|baby|she|he|they) lit up|what (am|are|have|did) (i|we) (been )?miss(ing|ed)\b|"
    # stabbing at a report: "been stabbing at this sodding report for 3 hours"
    r"stab(bing|bed|s)? (away )?at (this|the|my|a|an|that|our) (\w+ ){0,2}(report|assessment|form|essay|paperwork|"
    r"spreadsheet|chronology|emails?|keyboard|notes?|write[- ]?up|minutes|template|draft)|"
    r"dead (tired|chuffed|good|nice|keen|busy|proud|funny|easy|on time)|(big |hairy |little |scary )+monsters?|"
    r"(manager|boss|team ?leader|supervisor|iro|teacher|practice manager|the court|the judge|coach|mum|mam|dad|nan|"
    r"it|finance|payroll|legal|admin|hr|the office|(the|my) team)"
    r"(?: is|'s|s| are|'re)? (?:going to |gonna |will |would )?(kill|murder|strangle|throttle) (me|him|her|them|us)"
    r"( if)?|"
    r"(literally|actually|just) (die|dying|died)|does (his|her|my|their) head in|"
    r"over my dead body|fighting fit|(bring|bringing|brought|take|taking) a \w+ to a (knife|gun) ?fight|"
    r"(gas|fire|bomb)(ing)? (it|through)|(on|with) fire (at|in) (work|school)|"
    r"blew me away|blew up at (me|us|the \w+)|a nightmare|knackered|bombarded|killer (question|point)|"
    r"['‘]?chok(ed|es|ing)['’]? (in|at|under) (the |his |her |their )?(\w+ )?(final|match|game|exam|test|interview|"
    r"penalty|shoot-?out|big moment|pressure)|"
    r"shot myself in the foot|(needs?|need) a (lie[- ]down|lie-in|sit down)|threw a (massive |huge |proper )?(tantrum|"
    r"wobbly|strop)|whoever (nicked|took|ate|stole|moved|borrowed|finished)\b[^.]{0,60}\b(strangle|kill|murder|"
    r"throttle) (you|them)|(it )?(might|may|could) (well )?be nothing( but)?|prob(ably)? nothing( but)?|"
    r"not sure (if|whether) (this|it)('s| is) anything( but)?|(i'?m|i am) (going to|gonna) (strangle|kill|murder|"
    r"throttle) (whoever|the person who)|(literally )?(going to|gonna|gunna|will|'ll) kill (him|her|me|them)['’]? for "
    r"(losing|breaking|forgetting|eating|taking|using|wearing|borrowing|nicking|getting|missing)\b[^,.;!?]*|"
    r"locked (up )?in a (dungeon|tower)( forever)?|(receptionist|school office|(office|"
    r"admin) (team|staff|manager)|my colleagues?|"
    r"(the )?(team|duty) manager)(?: is|'s| are|'re)? (?:going to |gonna |will )?(kill|murder|strangle) (me|us)|"
    r"(will|'ll|is going to|gonna) (literally )?kill (her|him|me|them) when (she|he|they|i) (sees?|finds? out|hears?)|"
    r"(absolute|little|total|proper|right) (terror|nightmare|monkey|horror)|wrapped (round|around) (her|his) "
    r"little finger|lock (myself|herself|himself|themselves) (in|away)( in)? (the \w+ )?with (a|the) (bottle|glass)|"
    # (a booking system, a rota or a day as a car crash; a telling-off; toast burnt: "the room booking system is a car
    # crash", "mum tore strips off me", "the fire alarm drama ... burnt toast")
    r"(system|rota|diary|meeting|panel|case|file|spreadsheet|day|week|morning|it|this|that|everything|thing)( \w+)? "
    r"(is|was|'s|has been) (a|an) (absolute |total |complete |bit of a |right |proper )?car ?crash|"
    r"(tore|tear|tearing|tears|torn) (strips|a strip) off( (me|him|her|them|us))?( at the (front )?door(step)?)?|"
    r"burnt (toast|food|dinner|tea|pizza|popcorn|the toast)|"
    # (transport's own words and a vehicle's faults: "route 14 is running 20 mins late", "the morning run", "the
    # heating on bus 3 is dead, kids were freezing", "his harness is strangling him"; news as a bombshell, a clinic as
    # carnage, a system down)
    r"routes? \d+( and \d+)?|(the )?(morning|afternoon|evening) run|running \d+ (mins?|minutes) late|"
    # (a vehicle's heating, not a home's: cold children at home can be neglect)
    r"((heating|radio|engine|tail lift|lift) on (the )?(bus|minibus|van|car|taxi|coach)( \d+)?|battery|phone|laptop|"
    r"tablet|printer|wifi|system) (is|'s|was|went|has gone) dead|(kids|children|we|i|everyone) (were|was) freezing "
    r"(this morning|this afternoon|on the (way|bus|minibus|journey)|in the (bus|van|car|taxi))|"
    r"(harness|tie|collar|seat ?belt|belt|strap|lanyard|hood)( is| was|'s)? strangling (him|her|me)|"
    r"(bit of a |a |real |total |absolute )?bombshell|(was|is|been|absolute|total|utter) carnage|"
    r"(system|wifi|server|network|email|laptop)('s| has| is| was)?( been)? down|"
    r"(off|joins?|joined|leaves?|left) (our|my) (run|route)( from (today|tomorrow|\w+day|next week))?|"
    r"took (\d+|ten|five|twenty|fifteen) (mins?|minutes|hours?) to (get|do|load|sort|fit|strap)|"
    r"(are|is|'re|'s) cutting (\w+'s |the )?([\w:/-]+ ){0,2}(hours|budgets?|funding|staff|posts|services|costs|corners|"
    r"back|down|drop-ins|sessions|clinics|provision)|"
    r"every (baby|child|kid|toddler|one) (was )?(screaming|crying|yelling)( at once| (their|her|his) heads? off)?|"
    r"put(ting|s)? (my|her|his|their|your) foot in it|"
    # (a head count, a threat over a lost card said grinning, tired after a gala: "only 3 kids turned up to the park",
    # "his dad 'will kill him' if he loses another library card", "she was 'dead' after the swim gala")
    r"(only )?\d+ (kids|children|young people|girls|boys) (turned|showed|came) (up|in)|"
    r"kill (him|her|me|them)['’]? if (he|she|i|they) (loses?|breaks?|forgets?)( another| his| her| my)?|"
    r"['‘]?dead['’]? after the (swim|gala|swimming gala|race|match|game|training|session|run)|"
    r"(nearly|almost|practically) finished me off|(at|reached) the end of my (rope|tether)|"
    r"(slow[- ]motion )?train ?wreck|hung out to dry|"
    r"(ground|floor|earth) to swallow (me|her|him|them|us)( up)?|"
    r"(thought|think) (they|he|she)('d| would| were going to| was going to) (kill|strangle|murder|throttle) (me|us)|"
    r"dead on my feet|(going to|gonna|gunna|might|will) crash (out )?(the minute|as soon as|"
    r"when|early|out)[^,.;!?]*|knife[- ]edge|(noose|millstone|albatross) (round|around) (my|our|his|her|their) neck|"
    r"out of house and home|break(ing|s)? the bank|(career|political) suicide|"
    r"(strangl\w*|starv\w*|kill\w*|gutt\w*|cripp\w*) (early help|the service|services|the budget|funding|our team|"
    r"the department|youth services|the voluntary sector)|(slay\w*|smash\w*|nail\w*|kill\w*) it\b|"
    r"(ticking )?time ?bomb|little terror|loose cannon|(i was|i've been|i'm|we were) locked in (a |the )?"
    r"(room|meetings?|court|office)|scream(ed|ing|s)? blue murder|(car|battery|van) died|done a runner|"
    r"(like|as if|as though) it (was|were|is|'s) nothing|"
    r"(printer|laptop|computer|phone|system|wi-?fi|photocopier|copier)( is| was|'s)? (dying|dead|died)"
    r"( a slow death)?|(about to|going to|gonna|could|want to|wanna) "
    r"(strangle|throttle|kill|murder) (it|this thing|the (printer|laptop|computer|phone|system|photocopier|copier))|"
    r"drowning (me|us|him|her) in|overdose of|locked in a (battle|dispute|row|fight|stalemate)|"
    r"swing for (anyone|anybody|whoever|someone)|(i'?m|i am|we'?re|we are) at breaking point|"
    r"(test|exams?|homework|revision|school|college|shoes|feet|back|"
    r"legs|head|tooth|teeth|hay ?fever|the heat|this heat|training) (is|was|'s|are|were) killing (him|her|me|them|us)|"
    r"(caseload|workload|job|work|paperwork|admin|deadlines?|inbox|e-?mails?|this week|"
    r"court prep|reports?|the audit|ofsted|recording) (is |are |'s |'re )?(choking|killing|drowning|suffocating|"
    r"strangling|crushing|burying) (me|us)|drowning in (work|paperwork|cases|e-?mails|admin|reports)|"
    r"(could|would) have (killed|strangled) (him|her|them|me)\b[^.]{0,20}\b(laugh|joke|lol)\w*|lol|haha+)\b",
    re.IGNORECASE)


# Real news said to be real beside exercise words: "Not a role-play, this is real: ...", "It's like Scenario 2 but
# real: ...", "Real, not a vignette: ...". The exercise is named only to say this is not one.
_SAID_TO_BE_REAL = re.compile(
    r"\b((this is |it'?s |this |that )?(not|isn'?t|is not) (a|an|the|part of the|one of the|from the|in the) (\w+ )?"
    r"(role[- ]?plays?|scenarios?|vignettes?|exercises?|quiz|drills?|case stud(y|ies)|simulation|inject)( \d+)?|"
    r"(it'?s |this is )?(just )?like (the )?(scenario|vignette|case study|exercise|role[- ]?play)( \d+)? but (it'?s )?"
    r"real|(this is )?real,? not (a|an|the) (\w+ )?(role[- ]?play|scenario|vignette|exercise|quiz|drill|case study|"
    r"simulation)|"
    # the reflection put off for news: "reflective log can wait: the 3yo got hold of a lighter ..."
    r"(my |the |this |our )?(reflective (log|account|essay|piece)|reflection|log|essay|supervision|assignment) can "
    r"wait)\b", re.IGNORECASE)


# A quotation mark that opens or closes a quote, not an apostrophe inside a word ("he's").
_QUOTE_MARK = re.compile(r"(?<![A-Za-z])['‘\"“]|['’\"”](?![A-Za-z])")


def labelled_quotes(sentences: List[str]) -> List[str]:
    """Each sentence, with an exercise's label put before the sentences of a quote it opened ("Scenario 3 for the
    DA workshop: 'Dad has just rung. He says he's coming round tonight.'"): the quote's later sentences are the
    exercise's material as much as its first."""
    found, label = [], ""
    for sentence in sentences:
        if label:
            found.append(f"{label} {sentence}")
            if len(_QUOTE_MARK.findall(sentence)) % 2:
                label = ""  # the quote closes here
            continue
        found.append(sentence)
        opened = EXERCISE_LABEL.match(sentence)
        if opened and len(_QUOTE_MARK.findall(sentence)) % 2:
            label = opened.group(0).rstrip()
    return found


_TODAY_NAMED = re.compile(r"\b(it'?s|today is|today'?s) (mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def today_named(text: str) -> str:
    """The text with a weekday said to be today read as today where it comes before ("Grandad drives him home on
    Fridays. It's Friday." is "... home today.")."""
    named = _TODAY_NAMED.search(text)
    if named is None:
        return text
    day = re.compile(rf"\b(on |every )?{named.group(2)}days?\b(?! (morning|afternoon|evening|night))", re.IGNORECASE)
    return day.sub("today", text[:named.start()]) + text[named.start():]


def said_to_be_real(text: str) -> str:
    """The text with an exercise named only to say this is not one put as "this is real", so that no word of it
    frames real news as practice."""
    return _SAID_TO_BE_REAL.sub("this is real", text)


def without_idioms(text: str) -> str:
    """The text with everyday idioms made plain ("nearly died laughing" is laughter, not death)."""
    return IDIOMS.sub(" ok ", text)


# An age or a number in brackets ("Mo (3)", "baby (10 months)") belongs to the words around it, not a clause.
_BRACKETED_NUMBER = re.compile(r"\(\s*[^()]{0,15}?\d[^()]{0,15}\)")


def clause_spans(sentence: str) -> List[Tuple[int, int]]:
    """Where each clause of a sentence starts and ends (character offsets)."""
    spans, start = [], 0
    masked = _BRACKETED_NUMBER.sub(lambda m: "x" * len(m.group()), sentence)  # the same offsets, no breaks
    for match in CLAUSE_BREAK.finditer(masked):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.start()  # the joining word ("and", "then") stays with the clause it leads
    if start < len(sentence):
        spans.append((start, len(sentence)))
    # a clause with no letters ("3", "10:30") is an answer to a question, not an account of anything
    return [(a, b) for a, b in spans if re.search(r"[^\W\d_]", sentence[a:b])] or [(0, len(sentence))]


WIDEST = 2  # runs of up to this many neighbouring clauses are read together (3 measured the same, 20% dearer)


def windows(sentence: str, widest: int = WIDEST) -> List[str]:
    """Each clause, each run of up to `widest` neighbouring clauses, and the sentence itself if longer."""
    spans = clause_spans(sentence)
    found: List[str] = []
    for width in range(1, min(widest, len(spans)) + 1):
        for first in range(len(spans) - width + 1):
            found.append(sentence[spans[first][0]:spans[first + width - 1][1]].strip(" ,"))
    if len(spans) > widest:
        found.append(sentence.strip(" ,"))
    return found


def span_of(sentence: str, start: int, end: int) -> str:
    """The clauses that a match from start to end touches, whole."""
    spans = clause_spans(sentence)
    first = max((a for a, b in spans if a <= start), default=0)
    last = min((b for a, b in spans if b >= end), default=len(sentence))
    return sentence[first:last]


# A verb in the past tense: what it tells happened before now (a phrase's own words, not the sentence's).
# ("she's got", "i've got" say has; "she did say she's got the tablets saved up for tonight" tells what is said now)
PAST_TENSE = re.compile(r"\b(was|were|had|went|took|(?<!['’]s )(?<!['’]ve )(?<!\bhas )(?<!\bhave )(?<!\bive )"
                        r"(?<!\bshes )(?<!\bhes )(got|threatened)|did(?! say\b)|fell|came|swallowed|drank|wanted)\b",
                        re.IGNORECASE)


def around(sentence: str, part: str, reach: int, before: int = -1) -> str:
    """The clauses of a sentence from `before` clauses before `part` (a stretch of it; `reach` when not
    given) to `reach` after."""
    start = sentence.find(part)
    if start < 0:
        return sentence
    spans = clause_spans(sentence)
    inside = [i for i, (a, b) in enumerate(spans) if a < start + len(part) and b > start] or [0]
    before = reach if before < 0 else before
    first, last = max(inside[0] - before, 0), min(inside[-1] + reach, len(spans) - 1)
    return sentence[spans[first][0]:spans[last][1]]


# A negation inside a match ("the baby isn't floppy"), unless it is the danger itself ("isn't breathing").
NEGATION_INSIDE = re.compile(
    r"\b(isn'?t|aren'?t|wasn'?t|weren'?t|hasn'?t|haven'?t|didn'?t|doesn'?t|don'?t|is not|are not|was not|were not|"
    r"has not|have not|did not|does not|no longer|denies|denied|nobody (has|is)|no one (has|is)|"
    r"not (going|being sent|sent|to go|returning) (back )?home)\b"
    r"(?! (breathing|waking|wake|respond\w*|answer\w*|feeding|come (back|home)|been (back|home)|came|safe|"
    r"had (a |any )?(wet nappy|wet nappies|feed|bottle|drink|food|milk)|eaten|fed|"
    r"let|make me|send me|allow\w*|stop\w*|feel safe|blame|extend\w*|renew\w*|agreed|consented|said yes|"
    r"fade|fading|go away|go (with|under|when)|disappear\w*|"
    r"covered|fenced|gated|back\b|home\b|"
    # (one not meant to be there is there: "the stepdad who isn't meant to have contact is in the front room")
    r"(meant|supposed) to\b|bother\b|"
    # (a child's absence said at the end of a clause: "beats her if she comes to school, that's why she doesn't come")
    r"come(?= *([,;]|$))|"
    r"want(ed)? to (get married|be married|marry|go (back )?home|go back|be (saved|rescued|found|alive|here)|"
    r"live|wake up|exist)|"
    r"want(ed)?\b(?! to)|"
    # "from an 'army lad' she doesnt know arranging to meet tonight" is a stranger
    r"know\b(?! (if|whether))|"
    # (a child's plea, quoted: "'mum hits me with the wooden spoon please dont tell'")
    r"tell (my|me|mum|dad)|tell\b(?=\W{0,2}(['’‘\"]|[,;]|$))|"
    # "a woman he hasn't met" is a stranger; "I'm not coming back for him" leaves a child; "you don't need to worry
    # about me after tonight" is a goodbye; an 'uncle' who "isn't related" is a stranger
    r"met\b|coming back for|(have|need) to worry about me|related\b|claimed\b|"
    # (silence since is the danger: "... saying she's taking all her pills ..., I haven't heard since")
    r"heard (since|from|back|anything)\b|"
    # ("chokes him when he does not memorise": the harm's condition, not its denial)
    r"(memori[sz]e|listen|behave|obey|learn|finish|stop crying|do (his|her) (homework|prayers))\b|"
    # "police didn't know there was a child" is the danger, not its denial
    r"(know|realise|realize) there (was|were|is|are)|(know|realise|realize) (that )?the (baby|toddler|kids|children|"
    r"little ones?|twins) (was|were|is|are)|"
    r"come (for|to get|to collect|round for)|(come )?(look|looking|search) for me|be late|been told|"
    r"(been )?(found|located|traced|seen|heard from)))",
    re.IGNORECASE)


def clause_before(sentence: str, start: int) -> str:
    """The words of the match's own clause that come before it (for negation)."""
    spans = clause_spans(sentence)
    first = max((a for a, b in spans if a <= start), default=0)
    return sentence[first:start]


# "Now" words that only say how long or where ("overnight", "all day", "in the flat alone"): beside a date gone by
# ("back in january") they tell the past ("left alone overnight back in january", "were locked in the flat alone
# back in 2019"), not tonight.
_HOW_LONG = re.compile(r"(overnight|all (day|night)|the night|outside|inside|in the (house|flat|home) alone)",
                       re.IGNORECASE)


def now_in(text: str, past: bool = False) -> bool:
    """A sign of now in the text; when `past` (a date gone by is there too), a how-long word is not one."""
    return any(not (past and _HOW_LONG.fullmatch(m.group(0).strip())) for m in NOW.finditer(text))


def undone(sentence: str, start: int, end: int) -> bool:
    """A phrase match that does not count: negated in its clause, or past or 'if' with no sign of now."""
    if NEGATION_BEFORE.search(clause_before(sentence, start)) or NEGATION_INSIDE.search(sentence[start:end]):
        return True
    if near(TEACHING, sentence, start, end) and not news_near(sentence, start, end):
        return True
    if COUNTERFACTUAL.search(sentence):
        return True  # "say a sex offender was moving in tonight": the scenario's "tonight", not news
    around = span_of(sentence, start, end)
    if (PAST_TENSE.search(around) or says_when(sentence)) and opens_in_the_past(sentence) and \
            not _now_unmet(sentence):
        return True  # "Last year there was a fire at the flat while the kids were home alone"
    past = PAST.search(_RECENT.sub(" ", around))
    # a clock time inside a "what if" is the scenario's: "If a child discloses at 3pm and is due home at 3:30 ..."
    said_now = CLOCK.sub(" ", around) if WHAT_IF_OPENING.search(sentence) else around
    return not now_in(said_now, bool(past)) and bool(past or hypothetical(_REFLECTIVE_LABEL.sub("", around)))


# A worker's own label before a colon ("Thinking about what nobody has recorded: the cutting lady is coming round on
# Saturday"): it frames the answer, and is no "what if" over what follows it.
_REFLECTIVE_LABEL = re.compile(
    r"^\W*[^:.]{0,60}\b(thinking about|reflecting on|reflect on|wondering about|worried about|what (nobody|no one)|"
    r"what (isn'?t|is not|hasn'?t been|has not been))\b[^:.]{0,40}:\s*", re.IGNORECASE)


def _now_unmet(sentence: str) -> bool:
    """A sign of now in a clause that is not itself help in hand ("now grandmother is looking after" is the safe
    present of a sentence told as the past)."""
    return any(now_in(sentence[a:b], True) and not resolved(sentence[a:b]) for a, b in clause_spans(sentence))


def told_as_then(sentence: str) -> bool:
    """The sentence opens in the past or says when it was in a clause of its own, and no clause of it that is not
    help in hand says now."""
    return opens_in_the_past(sentence) and not _now_unmet(sentence)


def says_when(sentence: str) -> bool:
    """The sentence says in a clause of its own when it was ("..., this was 2021", "... was the incident that led to
    proceedings back in 2018")."""
    return bool(_THIS_WAS.search(sentence))


def opens_in_the_past(sentence: str) -> bool:
    """The sentence opens with a time gone by ("Last year ...", "Back in 2022 ..."), or says in a clause of its own
    that it was then ("..., this was 2021, ..."), or opens by recalling a time gone by ("omg remember that fire at
    the flats last christmas ..."): any governs all of it."""
    if says_when(sentence):
        return True
    if _RECALLED.search(sentence) and PAST.search(_RECENT.sub(" ", sentence)):
        return True
    # an arrest or a conviction is an event, not a time the sentence opens with ("Dad was arrested at 2pm and nobody
    # told anyone his twins were at home")
    found = next((m for m in PAST.finditer(_RECENT.sub(lambda m: " " * len(m.group(0)), sentence))
                  if not _EVENT.fullmatch(m.group(0))), None)
    # ("Two Christmases ago he ...": "ago" ends the time it opens with)
    words = 3 if found is not None and found.group(0).lower() == "ago" else 1
    return found is not None and len(re.findall(r"\w+", sentence[:found.start()])) <= words


# "remember that/the/when" at the start, recalling what the reader knows ("omg remember that fire ...")
_RECALLED = re.compile(r"^\W*((omg|oh|hi|hiya|also|and|so)\W+)*((do |you |u )*remember) (that|the|when)\b",
                       re.IGNORECASE)


_EVENT = re.compile(r"(was|were) (arrested|convicted)|conviction", re.IGNORECASE)


_THIS_WAS = re.compile(r"\b(was|is) what started (all )?(this|it)\b|"
                       r"(^|[,;(]\s*(but |and )?)(this|that|it|all this|all that) (was|were|happened|"
                       r"all happened) (in |back in |"
                       r"around |during )?((19|20)\d\d|last (year|summer|winter|spring|autumn)|years ago|"
                       r"(two|three|four|five|\d+) (years|yrs) ago)\b|"
                       r"\b(was|were) the (incident|episode|event|time|reason|case|night|day)\b[^.]{0,60}\b(back )?in "
                       r"(19|20)\d\d\b", re.IGNORECASE)


# News just in, told beside the harm ("anyway Jess (15) just texted she's at the bridge"): words of admin or teaching
# nearby (a password, a template, the rota) do not make it practice. Not in an exercise's own frame (a role play, a
# scenario, a quiz), whose "just rang" is the exercise's.
NEWS = re.compile(r"\b(just (rang|called|phoned|texted|messaged|rung|emailed|told me|disclosed)|as we speak)\b",
                  re.IGNORECASE)
_EXERCISE_WORDS = re.compile(r"\b(role[- ]?play|scenario|vignette|case stud(y|ies)|quiz|" + _EXERCISE_NOUN +
                             r"|simulation|mock|"
                             r"pretend|imagine|what if|example only|not a real)\b", re.IGNORECASE)


def news_near(sentence: str, start: int, end: int) -> bool:
    """News just in within the clauses of text[start:end], in a sentence that sets no exercise."""
    return bool(NEWS.search(span_of(sentence, start, end))) and not _EXERCISE_WORDS.search(sentence)


WORDS_REACH = 20  # words of teaching, admin or a worker's reflection govern what is fewer than this many words away


def near(pattern: "re.Pattern[str]", text: str, start: int, end: int) -> bool:
    """Words of `pattern` (teaching or admin, a worker's reflection) in text[start:end] or fewer than WORDS_REACH
    words from it. Counted in words, not clauses: a run-on message typed with no commas is one long clause ("...
    the duty rota got changed and my laptop keeps crashing ... and Jess (15) messaged an hour ago, she's got the
    pills lined up ...")."""
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’"):
        start -= 1  # from the start of the word ("baby's floppy", matched from "'s floppy")
    for found in pattern.finditer(text):
        if found.start() < end and found.end() > start:
            return True
        gap = text[found.end():start] if found.end() <= start else text[end:found.start()]
        if len(re.findall(r"\w+", gap)) < WORDS_REACH:
            return True
    return False


# Nobody who could help knows a child is there ("mum was arrested ... the police don't know she's in the flat"): the
# danger, not a denial of it (NEGATED_DANGER), and nothing over (_NOT_OVER).
NOBODY_KNOWS_THERE = (r"((police|they) (don'?t|doesn'?t|do not|does not) know|(nobody|no ?one) knows) "
                      r"(she|he|they)('s| is|'re| are) (there|in)\b")


# A negation that is itself the danger: a baby "not feeding", "nobody home", "mum's not worried", "doesn't know
# where they're taking her". Read as comfort, these lowered the very readings that mattered most.
NEGATED_DANGER = re.compile(
    r"\b(nobody|no one|no-one)('?s| is) (with|in with|looking after) (the \w+|\w+)\b|"
    # ("the police don't know she's in the flat")
    r"\b" + NOBODY_KNOWS_THERE + r"|"
    r"\bno (bail )?(conditions?|order|restrictions?|injunction)( \w+)? (stopping|preventing|to stop)\b|"
    r"\bnothing (stopping|to stop) (him|her|them|it)\b|"
    r"\b(nobody|no ?one|no-one) else (in|home|there|about|around|with (them|him|her|it))\b|"
    r"\b(nobody|no ?one|no-one)('?s| is) (awake|up|around|about|home|in)\b|"
    r"\b(aren'?t|isn'?t|not|haven'?t|hasn'?t) (there|here|arrived|turned up|got (there|here))( yet)?\b|"
    r"\b(not|isn'?t|aren'?t) (about|around)\b|\b(doesn'?t|does not|won'?t|not|isn'?t) (fade|fading)\b|"
    r"\b(men|man|males?|people|adults?|lads|guys|someone|somebody|flat|house|place|address|area|car) (she|he|they) "
    r"(doesn'?t|don'?t|didn'?t) know\b|"
    r"\b(not|no|isn'?t|aren'?t|wasn'?t|weren'?t|hasn'?t|haven'?t|hadn'?t|won'?t|wont|wouldn'?t|can'?t|cannot|"
    r"couldn'?t|doesn'?t|"
    r"don'?t|didn'?t|never|nobody|no one|no-one)( (really|properly|even|at all|been|had|got|any|been able to|"
    r"able to|has|have|a|let|being))? (feeding|fed|feed|eating|eaten|drinking|drunk anything|breathing|breathe|"
    r"waking|wake|woken|"
    r"rousing|moving|responding|responsive|answering|answered|back|home|worried|bothered|concerned|know where|"
    r"consent\w*|agree to (it|marry\w*|the (marriage|wedding|nikah))|"
    r"knows where|know who|knows who|want (us|me|anyone|anybody|her \w+|his \w+) to (tell|know|find out)|"
    r"tell anyone|tell (him|her|them|mum|dad|my \w+)|want to go (back )?home|stop(ping)? (crying|screaming|bleeding|"
    r"fitting|being sick|vomiting|shaking)|"
    r"safe|adults?|grown ?ups?|"
    r"parents?|food|heating|electric\w*|seen|heard from|(come|came|been) (back|home)|collected|picked up|"
    r"with (them|him|her)|in the (house|flat|property|home|building)|(been )?(found|located|traced)|want to go|"
    r"let (\w+ ){0,3}(in|near|out|go|leave|help)|"
    r"answer|reply|response|"
    # ("i dont want to marry him", "he's not in his bed this morning", "said don't open the door", "no milk left", "not
    # allowed her passport", "I haven't agreed to anything")
    r"want to (marry|get married|be married|be engaged)|in (his|her|their) (bed|room)|open the door|milk|formula|"
    r"nappies|allowed (her|his|their|a) (own )?(passport|phone|documents|id)|agreed? to (anything|it|this)|"
    r"(phone|ring|call|get|take (him|her|them) to) (an ambulance|999|help|the police|a doctor|a&e|hospital))\b",
    re.IGNORECASE)


def negated(text: str) -> bool:
    """A negation anywhere in a stretch of text (for the classifier's reading of it), unless it is the danger."""
    text = NEGATED_DANGER.sub(" ", without_threat_conditions(text))
    return bool(NEGATION_BEFORE.search(text) or NEGATION_INSIDE.search(text))


# "no restrictor", "even though his bail says": the sign of it being over is itself denied or broken.
# Set aside ("even though"), or the danger told as still going on, which no arrest or order elsewhere ends
# ("the kids are locked in and no one has a key, mum's been arrested").
_NOT_OVER = regex.compile(
    # (a safety device broken or missing: "fell from 2nd floor window, restrictor broken")
    r"\b(restrictors?|locks?|gates?|fire ?guards?|smoke alarms?|stair ?gates?) (is |are |was |were )?(broken|missing|"
    r"not working|removed|off|bust|snapped|faulty|disabled)\b|"
    # (released to the one she told of, and one barred let near: "custody say she's being released to dad at 8am as
    # appropriate adult", "has been bailed and mum's letting him pick the kids up")
    r"\breleas(ed|ing) (back )?(home )?to (her |his )?(dad|father|mum|mother|stepdad|step ?dad|uncle)\b|"
    r"\b(letting|lets|allowing|allows) (him|her|them) (pick|collect|take|have|see|look after|babysit|stay)\b|"
    # (a wedding ahead: "14yo in foster placement ..., says uncle collecting her at 8am to take her 'back home' for her
    # wedding")
    r"\b(?<!due to )(?<!going to )(collect\w*|tak(e|es|ing)|fly(ing)?|pick(s|ing)? (her|him) up)\b[^.]{0,20}\b"
    r"(at \d{1,2}([.:]\d\d)? ?(am|pm)?|today|tonight|tomorrow|this (morning|afternoon|evening)|now)\b[^.]{0,60}\b"
    r"(for|to) (her|his|the|a) "
    r"(wedding|nikk?ah|marriage)\b|"
    # (one convicted collecting today, whatever check came back: "a convicted child abuser (just came back from the
    # Clare's law check) and he's collecting the 5yo from school at 3 today"; discharged to one on bail for offences
    # against children; a child visiting a ward is no patient; a child who goes home with a parent discharged today)
    r"\b(convicted|charged|registered sex offender|rso)\b[^.]{0,100}\b(collecting|picking up|collects|picks up|"
    r"looking after|babysitting)\b[^.]{0,40}\b(today|tonight|at \d{1,2}([.:]\d\d)? ?(am|pm)?)|"
    r"\b(discharg\w*|released)\b[^.]{0,60}\bto (her|his|the) \w+('s)?( address| house| flat)?\b[^.]{0,60}\b(on bail|"
    r"bailed|convicted|charged|registered sex offender|rso|sex(ual)? offen\w*)|"
    r"\bvisit(ing|or) (on|at|to) (the )?ward\b|"
    # (a ward is help only while the child stays: a discharge ahead, a family that wants to leave, help called that
    # has not come, one barred seen near or on the ward: "she's discharged tomorrow morning", "mum demanding d/c",
    # "on 1:1 but family want to leave", "security called but not here yet", "bail conditions not to approach ...
    # seen in car park", "he's on the ward with flowers ..., our notes say ... no contact")
    r"\b((being|be|is|'s|are|'re|getting|get) discharged|discharg(e|ing))\b[^.]{0,40}\b(today|tonight|tomorrow|"
    r"tmrw|this (afternoon|aft|evening)|later today|at \d{1,2}([.:]\d\d)? ?(am|pm)?|in \d+ (mins?|minutes|hours?|"
    r"hrs?))\b|"
    r"\b(fit for|ready for|due|planned for|demanding( a)?|wants?( a)?|pushing for|insisting on) (discharge|home)\b|"
    r"\b(family|parents?|mum|dad|mother|father|they)( (really|now|still|all))? (want|wants|wanting|"
    r"(is |are )?demanding|insist\w*|(is |are )?trying|threaten\w*|(is |are )?determined) to (leave|go home|"
    r"self[- ]discharge)\b|"
    r"\b(security|police|ambulance|paramedics|help)\b[^.]{0,20}\b(called|rung|phoned|requested|on (their|the) way),? "
    r"but (not|isn'?t|aren'?t|haven'?t|hasn'?t)( (here|there|arrived|come|turned up|got here))?( yet)?\b|"
    r"\b(bail|order|non[- ]?mol\w*|injunction|conditions|no contact)\b[^.]{0,80}\b(seen|spotted|hanging (around|about)|"
    r"lurking)\b[^.]{0,15}\b(in|at|outside|near|by|round) (the )?(car ?park|entrance|reception|grounds|corridor|ward|"
    r"hospital|main (door|entrance)|front door|lobby|foyer|gates?)\b|"
    r"\b(on|onto|to) the ward\b[^.]{0,80}\b(no contact|not allowed (to see|contact|near)|abuse allegation|"
    r"allegations? of)\b|"
    # (one barred on his way now: "the man who hurt the kids ... is walking up the road now ..., mum said hes not
    # allowed")
    r"\b(walking (up|down|towards|to|round)|coming (up|down|round|over)|heading (to|towards|over|round)|on (his|her) "
    r"way)\b[^.]{0,60}\b(not allowed|isn'?t allowed|banned|barred)\b|"
    # (nobody knows a child is there: "mum was arrested ... the police don't know she's there")
    r"\b" + NOBODY_KNOWS_THERE + r"|"
    # (a plan told for after: "she's going to 'try again at home where nobody watches'")
    r"\b(going to|gonna|will|'ll) ['‘]?(try (it )?again|finish (it|the job|myself|herself|himself))\b|"
    r"\bdischarg\w* home (today|tonight)\b[^.]{0,40}\b(goes|going|go) (home )?with (her|him|them)\b|"
    # (the one taken away for hurting her coming back: "mum's bf (the one police took away last month for touching
    # her) coming back tonight")
    r"\bfor (touching|hitting|hurting|abusing|assaulting|raping) (her|him|them|me)\b[^.]{0,30}\b(coming back|moving "
    r"back|back|coming round|coming home) (tonight|today|tomorrow|this weekend)\b|"
    # (one kept out by the plan or bail coming back: "dad, excluded by the written agreement, is moving back this
    # weekend", "the stepdad, who police bailed away from the kids, is moving back in tonight")
    r"\b(excluded|barred|bailed away from|bail(ed)? (conditions? )?(not to|away from))\b[^.]{0,80}\b(moving back|"
    r"moves back|coming back|moving in|moves in|back in)\b|"
    # (one kept from children booked to be in charge of them today: "a dad ... isnt allowed unsupervised contact is
    # booked to drive the minibus to camp today")
    r"\b(isn'?t|is not|not|aren'?t|are not) allowed\b[^.]{0,60}\b(booked|driving|drive|taking|in charge|running|"
    r"coaching|teaching|supervising|alone with|looking after|babysitting)\b[^.]{0,60}\b(today|tonight|tomorrow|tmrw|"
    r"in \d+ (hours?|hrs?|mins?|minutes))\b|"
    # (a question about an order asks for help, it is none: "Is a Forced Marriage Protection Order something a student
    # can even mention?"; a case closed with no action does not stop him coming: "the man who abused her (case went
    # NFA) ... driving down tonight to stay over")
    r"^\W*(is|are) (a|an|the)\b[^.]{0,60}\b(orders?|fmpo|epo|protection|injunction|non[- ]?mol\w*)\b[^.]{0,40}\b"
    r"(something|an option|worth|possible|needed|appropriate|relevant)\b|"
    r"\b(nfa|no further action)\b[^.]{0,120}\b(driving|coming|moving|staying|stay over|on his way|arriving)\b[^.]{0,30}"
    r"\b(tonight|today|tomorrow|this weekend)\b|"
    # (a collection today that the licence or bail forbids: "dad's collecting the 5yo at 4 today, but his bail
    # conditions say no contact")
    r"\b(collect\w*|picking|picks|taking)\b[^.]{0,80}\b(today|tonight|at \d{1,2}([.:]\d\d)? ?(am|pm)?)\b"
    r"[^.]{0,60}\b(licence|bail|order|"
    r"conditions?)\b[^.]{0,20}\b(say|says|said|states?) (no|not)\b|"
    # (one on bail or an order not to, who says he will come for them: "dad, who's on bail not to contact the girls,
    # just messaged saying he'll pick them up from school at 3:15")
    r"\b(bail|order|non[- ]?mol\w*|injunction|conditions)\b[^.]{0,60}\b(he'?ll|he will|he'?s going to|he is going to|"
    r"he'?s gonna|gonna|coming to|on his way to) (pick|collect|come|take|get|grab|snatch)\b|"
    # (one under bail or an order outside now, or an order dropped: "dad (DV, bail conditions not to attend) ... he's
    # parked outside and coming in", "she's dropped the non-mol")
    r"\b(bail|order|non[- ]?mol\w*|injunction|conditions)\b[^.]{0,80}\b(parked outside|outside now|coming in|at the "
    r"door)\b|\bdropped (the |her |his )?(non[- ]?mol\w*|injunction|order|charges|complaint)\b|"
    # (bailed, and on the list to collect her today: "uncle (charged ..., bailed out of county) has been added to the
    # collection list and is picking her up at 3.15 today")
    r"\bbail\w*\b[^.]{0,80}\b(collection list|(is |['’]s )?(picking (her|him|them) up|collecting (her|him|them|"
    r"the (kids|children|boys|girls|baby|twins))))\b|"
    # (the one she fled heading to the refuge: "police rang, he's been bailed and is heading to the refuge")
    r"\b(he'?s|he is|he has|bailed|released)\b[^.]{0,30}\b(heading|going|on his way|driving|making his way|coming)"
    r" (to|towards|for|round to) (the |her )?refuge|"
    # (an offender's curfew address next to the one he hurt: "released early on tag, curfew address 200m from her")
    r"\b(curfew address\b[^,.;]{0,30}\b(\d+ ?m|\d+ ?metres|\d+ ?yards|round the corner|next door|same street) from|"
    # (someone coming to take a child from school against an order: "he is coming to pick up Tomas from the school today
    # at 3 o clock ..., but the court say he is not allowed")
    r"(is |are |'s )?coming to (pick (\w+ )?up|take|collect|get) (\w+ )?from (the )?(school|nursery|contact)|"
    # (an agreement broken: "invited the man who caused the baby's fractures to stay ... from tonight, contrary to the
    # written agreement")
    r"\bcontrary to (the |a |her |his |their )?(written agreement|safety plan|agreement|order|plan|bail conditions|"
    r"conditions)\b|\b(in breach of|breaching) (the |a )?(written agreement|safety plan|agreement)\b|"
    r"even (tho|though)|despite|in spite of|(?<!were )(?<!was )(?<!been )(?<!about being )locked (in|inside)|trapped|"
    r"(is|are|'s|'re) (still )?(home alone|alone (at|in the) (home|house|flat))|"
    r"(?<!was )(?<!were )(?<!been )(?<!found )(alone|on (her|his|their|there) own) in the (home|house|flat)|"
    r"in the (home|house|flat) (alone|on (their|his|her|there) own|by (themselves|himself|herself))|"
    r"(are|is|'re|'s) (still )?((at )?home |in the (house|flat) )?(alone|on (their|his|her) own|"
    r"by (themselves|himself|herself))|"
    r"no ?(body|one) (has|with|is with) (a key|them|him|her)|(nobody|no ?one)('s| has)( been)? (to|round to|"
    r"near|with|checked on) (the )?(kids|children|them|baby|him|her)|"
    r"(with )?no (adults?|grown ?ups?) (there|with them|in|at home|about|around)|with no (adults?|grown ?ups?)|"
    # a case named by its closing says who, not that it is over: "the girl from the FGM case we closed is being taken
    # to the airport after school today"
    r"\b(case|plan|file)s? (that )?(we|they|you|i|the team) closed (is|are|was|were|has|have|'s)\b|"
    # his own word that he is coming: "he's just messaged 'on my way'"
    r"\b(messaged|texted|text|said|says|rang|called)\b[^.]{0,15}['‘\"]on my way|"
    # a reaction to news: "after hearing the placement order was made Kai walked out saying ..."
    r"\b(after|on|since) (hearing|being told|learning|finding out)\b|"
    # a marriage "all sorted" is arranged, not over: "'she'll be wed before the fair, it's all sorted'"
    r"\b(wed|married|wedding|marriage|nikk?ah)\b[^.]{0,40}\b(all sorted|it's sorted|been sorted)|"
    # someone an order keeps away, turned up: "Dad (non-mol in place) has turned up at school to collect Freya"
    r"(has|have|'s) (just )?turned up (at|to)|"
    # nobody told of the children left behind: "Dad was arrested at 2pm and nobody told anyone his twins were at
    # home"
    r"(nobody|no ?one) (told|knew|realised|mentioned)( anyone| anybody| us| the police| police)?\b[^.]{0,40}\b"
    r"(were|was|are|is) (at home|home alone|in the (flat|house)|asleep)|"
    r"(at home|in (the|her|his|their|nan'?s|gran'?s) (house|flat|home)) with (nobody|no ?one|no-one)|"
    r"(not|hasn'?t been|haven'?t been) (called|rung|told|informed) yet|"
    r"(isn'?t|is not|not) answering( (the door|the phone|(her|his|their|my) phone|calls|texts|messages))?\b|"
    r"waiting for (the |an )?(ambulance|paramedics|police)|(ambulance|paramedics|police)( is| are|'s)? (not|isn'?t|"
    r"aren'?t|hasn'?t|haven'?t) (here|there|arrived|come)|"
    # treatment refused or a child taken from it: a ward is no help in hand
    r"won'?t (go|take (him|her|them)) to (a&e|hospital)|"
    r"refus\w* (treatment|to let (them|the doctors|staff))|(trying to|going to) (take|carry) (him|her|them) (out|home)|"
    # a plan still to be carried out: a ward or an order does not end "she's doing it after lights out"
    r"(doing|do) it (tonight|after|later|when|once)|(going to|gonna|gunna) do it|"
    # someone an order keeps away, arriving: the order is being broken, not protecting anyone
    r"(he|she|they)( will|'?ll) be (at|there|round)|on (a|the) train|(tag|bail|licence) address is|eta \d+|en route|"
    r"whether (you|u|they|we|anyone) likes? it or not|self[- ]discharg\w*|discharged (himself|herself|themselves)|"
    # a discharge from the forces, or for what he did, is no ward's: "ex-Cpl, discharged after he strangled her"; and a
    # parent's own word that a time left alone is fine: "he says 'an hour is fine'"
    r"discharged (from (the )?(army|forces|navy|raf|marines|military|regiment)|after (he|she) (strangled|hit|"
    r"assaulted|attacked|beat|stabbed|hurt|choked))|['‘\"]?(an hour|half an hour|a few (minutes|mins|hours)|"
    r"\d+ (mins?|minutes|hours?)) (is|will be|'s) (fine|ok|okay|alright)|"
    # a discharge still to come, and a young person not allowed to refuse: "going back to his once discharged"
    r"(once|when|as soon as) (she|he|they)?('s|'re| is| are)? ?(being )?discharged|"
    r"(not|isn'?t|is not|wasn'?t) allowed to (say no|refuse|leave|tell|eat|drink)|"
    r"whatever (the |you |they |anyone |social services |the court )?(\w+ ){0,2}(says?|thinks?)|"
    r"refus\w* to (hand|give) (her|him|them) (over|back)|"
    # ("my uncle who isnt allowed near children ... is coming to stay at ours this weekend")
    r"(is|'s|are|'re) coming to stay|(is|'s|are|'re) (moving in|staying) (with us|at ours|at our (house|flat))|"
    r"(is|'s|are|'re) coming (back|round|over) (today|tonight|tomorrow|later|at \d{1,2}([.:]\d\d)? ?(am|pm)?|"
    r"this (afternoon|evening))|"
    r"(he|she|they)( is|'s| are|'re) coming (to the (house|home|flat|school|placement)|round|over|"
    r"for (her|him|them|the (kids|children|boys|girls|baby)))|"
    r"coming to (get|collect|fetch|take|grab|pick up) (her|him|them|the (kids|children|boys|girls|baby))|"
    r"(is|'s|are|'re) ['‘\"]?(popping|nipping|dropping) (round|over|in|by)\b|"
    r"coming to (pick|take|fetch) (her|him|them|the (kids|children|boys|girls|baby)) (up|home|away)|"
    r"(heading|driving|making (his|her|their) way) (straight )?(back )?(to|for|round to|over to) "
    r"(the |her |his |their )?([\w-]+'?s )?(\w+ )?(house|home|flat|address|school|place)|"
    r"packing up the (pram|buggy|car seat)|(just )?(walked|come|barged|burst|let (himself|herself)) in\b|"
    r"(he'?s|has|she'?s) come to (fetch|get|collect|take) (her|him|them)|"
    r"(is|'s|are|'re) (now |currently |still |already )?(in|at|inside) the (property|house|flat|home|address) with "
    r"(the )?(children|kids|her|him|them|mum|baby|girls|boys)|"
    r"discharged (back )?(home )?(to|into) (his|him|the (father|dad|uncle|stepdad|grandad|abuser|perpetrator))|"
    r"(discharged|released)\b[^.]{0,80}\b(sex offender|shpo|rso|schedule (1|one)|sch\.? ?(1|one))|"
    r"(asking|wants?|wanting|demanding|insisting) to take (him|her|"
    r"them|"
    r"the (baby|child|kids|children|boy|girl)) (home|out|away)|"
    r"pulling up (outside|at the)|(going to|gonna|will|'ll) let (him|her) (back )?in|"
    r"(sat|sitting|waiting|parked)( in (a|the|his|her) (car|van))? outside( right now| now)? waiting|(is|'s|are|"
    r"'re) (now |already )?(on the doorstep|at the (front |back )?door|"
    r"outside the (house|flat|home|school))|"
    # (not help on its way: "the CAMHS liaison nurse is on her way")
    r"(?<!carer )(?<!carers )(?<!staff )(?<!police )(?<!officer )(?<!nan )(?<!gran )(?<!aunt )(?<!auntie )"
    r"(?<!nurse )(?<!doctor )(?<!worker )(?<!ambulance )(?<!paramedic )(?<!paramedics )(?<!team )(?<!camhs )"
    r"(?<!manager )(?<!sw )(?<!idva )(?<!pe )(?<!supervisor )(?<!educator )"
    r"(is|'s|are) ['‘\"]?on (his|her|their) way(?! (to|into) (the )?(hospital|a&e|ward|station|foster|carers?|"
    r"refuge)))\b",
    re.IGNORECASE)
_DENIED = re.compile(r"\b(no|not|without|isn'?t|hasn'?t been|never|(n'?t|not) think there'?s( (a|any))?)\s+$",
                     re.IGNORECASE)


# ("actually", or "then ... later", takes back what was said: "'it's sorted' then a minute later 'actually he's just
# hit her'")
_BUT_NOW = re.compile(r"\b(but|yet|only|actually|then (\w+ ){0,3}later)\b", re.IGNORECASE)


# Who is writing, before a colon at the start, when it names a ward ("Midwife on the postnatal ward: ...", "Paeds
# reg, ward 4: ..."): where the writer works, not where the child is. Other labels are read ("Safety plan: ...").
_WRITER = re.compile(r"^\W*[\w ,&'/.()-]{0,40}\b(ward|unit)\b[\w ,&'/.()-]{0,20}:\s", re.IGNORECASE)


def resolved(text: str) -> bool:
    """A sign that the danger is over or already met, not denied ("no restrictor") or set aside ("even though",
    or "but" with now after it: "bail conditions say no contact but he's in the living room now"). The writer's
    own label, when it names a ward ("Midwife on the postnatal ward: ..."), is not read for it. Beside a child left
    on their own, a parent held or taken to hospital is why, not help ("mum's been arrested in town, the kids are at
    the chalet on their own")."""
    text = _WRITER.sub(" ", text)
    if LEFT_ALONE.search(text):
        text = PARENT_HELD.sub(" ", text)
    if _NOT_OVER.search(text):
        return False
    return any(not _DENIED.search(text[max(0, m.start() - 20):m.start()]) and not _overtaken(text[m.end():])
               for m in RESOLVED.finditer(text))


def _overtaken(after: str) -> bool:
    """After a sign that it is over: "but" and then a sign of now, or someone coming at a time ("non-mol in place
    but ... he's coming at 6")."""
    but = _BUT_NOW.search(after)
    return bool(but and (NOW.search(after[but.end():]) or _COMING_AT.search(after[but.end():])))


# Someone coming at a time today: "non-mol in place but ... he's coming at 6 to 'see the kids'"
_COMING_AT = re.compile(r"\b(coming|due|arriving|turning up|popping (round|over)|on (his|her) way)\b[^.]{0,20}\bat \d",
                        re.IGNORECASE)


# A child left on their own, and a parent held or taken away: beside each other the second is why the child is alone,
# not help (resolved, and danger._settles for the sentence after a child left alone).
LEFT_ALONE = re.compile(r"\b(on (her|his|their) own|alone|by (herself|himself|themselves)|no (adult|one|grown ?up)s?"
                        r"( (there|with (him|her|them)))?|nobody (there|with \w+|else)|no ?one else|"
                        r"with (nobody|no ?one|no adults?)|"
                        # not collected, locked out, still in the car: "his 2 kids are apparently still in his car"
                        r"(wasn'?t|weren'?t|not|hasn'?t been|haven'?t been|never) (been )?collected|locked out|"
                        r"sat on the (door)?step|still (in|at) (the|his|her|their) (car|van|house|flat|home)|"
                        # forgotten when the family went out: "got left at the house ..., nobody noticed"
                        r"(got|been|was) left (at|in) (the )?(house|home|flat)|nobody noticed|"
                        # a child nobody knew about: "mum's in custody ..., police didn't know there was a child"
                        r"(didn'?t|did not) know (about|there (was|were|is|are)) (a |the |any )?(child|baby|kids|"
                        r"children|toddler))\b", re.IGNORECASE)
PARENT_HELD = re.compile(
    r"\b((has|have|'s|'ve) )?(been |was |were |got )?(arrested|remanded|sectioned)|in (police )?custody|in a cell\b|"
    r"in the cells\b|"
    r"\b(mum|mam|mom|mother|dad|father|parents?|carers?|nan|gran|grandma|grandad|we( all)?|everyone)"
    r"('s|s| has| have| is| was)? (been |just been |now |still )?((taken|rushed|blue[- ]?lighted|gone|went) (in)?to|"
    r"(in|at|on)) (a&e|hospital|the hospital|resus|the ward)\b|"
    # (with who they are between: "the kids' grandma who looks after them (2 and 5) was taken to A&E")
    r"\b(mum|mam|mom|mother|dad|father|parents?|carers?|nan|gran|grandma|grandad)\b[^.;]{0,60}?\b(was|were|has been|"
    r"have been|got) (taken|rushed|blue[- ]?lighted) (in)?to (a&e|hospital|the hospital|resus)\b|"
    # (the mother herself, told as "she": "the children have been alone in the flat since she was admitted to
    # hospital on Thursday")
    r"\b(she|he) (was|has been|had been|got) (admitted|taken|rushed) (in)?to (a&e|hospital|the hospital)\b",
    re.IGNORECASE)


# A parent's or carer's own say-so ("mum says she's fine") is what the audit calls minimisation, not comfort.
CLAIMED = re.compile(
    r"\b(mum|dad|mother|father|parents?|carers?|he|she|they|partner|step ?(dad|mum)|nan|gran|grandad|grandma|"
    r"family)\s+(says|said|insists|insisted|claims|claimed|reckons|swears|swore|keeps (saying|telling)|thinks|tells|"
    r"(rang|called|phoned|"
    r"texted|messaged) (\w+ )?to say|told (us|me|them|the \w+)|agreed)\b[^,.;]*|"
    # and a comfort in someone's quoted words ("the kids are 'fine at home'"), a writer's own hedge ("probably fine
    # but ...", "so it's probably ok?"), or feeling fine after tablets taken, which is no sign of it over
    r"['‘\"]\s*(fine|ok|okay|alright|all right|safe)\b[^'’\"]{0,30}['’\"]|"
    r"\b(probably|prob|hopefully|maybe|i'?m sure (it'?s|she'?s|he'?s|they'?re)) (fine|ok|okay|alright|nothing)\b|"
    r"\b(taken|took|swallowed|had)\b[^.]{0,40}\b(paracetamol|tablets|pills|overdose)\b[^.]{0,60}\b(feels?|seems?|"
    r"looks?) (fine|ok|okay|alright|normal)\b",
    re.IGNORECASE)


def reassured(text: str) -> bool:
    return bool(REASSURANCE.search(CLAIMED.sub(" ", text)))


def stale(text: str) -> bool:
    """Past or 'what if' with no sign of now (recent times such as 'an hour ago' are now)."""
    if TEACHING.search(text):
        return True
    past = PAST.search(_RECENT.sub(" ", text))
    return not now_in(text, bool(past)) and bool(past or hypothetical(text))
