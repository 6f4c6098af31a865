"""The danger check's safety margin: a child, a harm, and nothing to say it is over, gets at least the check.

Measured on sentences nobody had tuned on (tests/danger/people.yml), the
misses were not odd wordings of known phrases but whole kinds the phrases and
the classifier had never met in that form: a 13-year-old posting pills with
"goodnight forever", a girl in a car with men she does not know, a baby who
has not fed and is very sleepy. A missed check is far worse than an extra
one, so this rule asks "Is a child in danger right now?" whenever a clause,
or two neighbouring clauses, name

- someone vulnerable (a child by word or age) and a harm, medical sign,
  hazard, exploitation or absence of care; or
- a harm grave enough on its own (pills swallowed, suicide words, a weapon,
  someone unconscious, cutting or a forced marriage); or
- someone arriving now ("moving back in tonight") in a sentence that says
  they are dangerous (released, bail, domestic abuse, an offender),

and none of those clauses says it is past, hypothetical, denied, over or a
question about practice (bot/safety/danger_guards.py). It never gives the urgent
reply by itself: that still needs a phrase or the classifier's confidence.
The word lists are concepts, not sentences: they were written from the kinds
of failure, and checked against reflective sentences of all three development
sets (checks on them stay at or under about 3%).
"""
from __future__ import annotations

import re
from typing import List

import regex

from . import danger_guards as G

_UNIT = r"(yo|y/o|yrs?|years?|months?|mths?|mo|weeks?|wks?)"
_AGE = r"\(\s*((both|all|aged?) )?\d{1,2}((, ?| and )\d{1,2})*( ?" + _UNIT + r")?( old)?\s*\)|" \
    r"\d{1,2} ?(yo|y/o|yr|" + _UNIT + r" old)(?!\w)|\d{1,2}(mo|mths?|wks?|m/o|w/o)(?!\w)|" \
    r"(is|aged) ([1-9]|1[0-7])(?= *(and|,|\.|$))|(she|he)('s| is) ([1-9]|1[0-7])(?= *(and|,|\.|$|yo|years))|" \
    r"(i'?m|i am|im) ([1-9]|1[0-7])\b(?! ?(am|pm|mins?|minutes|hours?|%|:))|" \
    r"(i'?m|i am|im|aged|is|she'?s|he'?s) (nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b|" \
    r"(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|" \
    r"eighteen)[- ](year|month|week)[- ]olds?\b|" \
    r"\(\s*(?-i:[A-Z][a-z]+),? ([1-9]|1[0-7])\s*\)"
# ("11mo", "6wk": a baby's age typed short; "(both 10)": two children's; "Zainab is 15 and ...": an age, not "is 10
# minutes away"; "I'm 14": a young person's own age, not "I'm 5 mins away"; "(Zara 10)": a name and an age in brackets)
VULNERABLE = re.compile(
    r"\b(child|children|kids?|baby|babies|new ?borns?|infant|toddlers?|little ones?|twins|girls?|boys?|"
    r"sons?|daughters?|"
    r"teen(ager)?s?|young (person|people)|yp|pupil|sibling|siblings|brothers?|sisters?|y ?[1-9]|y1[0-3]|year [1-9]|"
    r"year 1[0-3]|niece|nephew|grand(son|daughter)|"
    r"lad|lass|lassie|laddie|weans?|bairns?|babby|bubba|kiddies|kiddos?|wee (one|ones|lad|lass|boy|girl|man)|"
    r"(my|the) (young|little) \w+|cot|pram|buggy|moses basket)\b|(^|\s)(" + _AGE + r")", re.IGNORECASE)

# Harms, medical signs, hazards, exploitation and absence of care: each means danger only beside a child.
HARM_BESIDE_A_CHILD = regex.compile(
    r"\b(hit(s|ting)?|hurt(s|ing)?|beat(ing|en)?|punch\w*|kick(ed|ing)|slap\w*|shook|"
    # (not a worker's feeling: "a bit shaken still", "it left me shaken")
    r"(?<!bit )(?<!still )(?<!really )(?<!quite )(?<!very )(?<!so )(?<!felt )(?<!feel )(?<!feeling )(?<!me )"
    r"(?<!all )shaken|shaking (him|her|the)|"
    r"throw\w* (him|her)|thrown|grab\w*|dragg\w*|bruis\w*|burn(t|ed|s)?|scald\w*|bleed\w*|blood|injur\w*|"
    r"broken (arm|leg|bone)|head injury|struck|strikes|striking|fractur\w*|haemorrhag\w*|hemorrhag\w*|skull|"
    r"unconscious|unresponsive|floppy|limp|fitting|seizure|vomit\w*|being sick|"
    # a child's words for abuse at night: "the new boyfriend comes into her room at night"
    r"comes? (in|into) (her|his|my|their) (room|bed)( at night)?|"
    r"(very |really |so |too |this |that |ever so |dead |ice |icy |freezing )(sleepy|drowsy|quiet|still|cold|pale)|"
    r"sleepy|"
    r"(barely|hardly|not|isn'?t|stopped) (moving|responding|waking|crying)|"
    r"(won'?t|not|doesn'?t|didn'?t|hasn'?t|isn'?t) (want(ed|ing)?|tak(e|en|ing)|took|had|have|drink(ing)?|drunk|"
    r"finish\w*) (any |his |her |a |the |its )?(bottles?|feeds?|milk|breast|formula)|drowsy|lethargic|"
    r"not (fed|feeding)|"
    r"breathing (funny|fast|strange\w*|odd\w*|weird\w*|heavy|noisy|badly)|struggling to breathe|"
    r"(can'?t|cannot) breathe|"
    r"grunting|sucking in|blue (lips|round)|grey (lips|round)|special cleaning|circumcis\w*|sunna|"
    r"hasn'?t (fed|eaten|fed)|pills?|tablets|meds|paracetamol|overdos\w*|swallow\w*|drank|bleach|chemicals?|"
    r"chew(ing|ed) (on )?(\w+'?s )?(\w+ )?(meds|medication|tablets|pills|methadone|clozapine|olanzapine|quetiapine|"
    r"lithium|diazepam|tramadol|codeine|sertraline)|"
    r"gas|fire|smoke|flames|lighters?|lighter fluid|on fire|alight|ablaze|"
    r"(playing|playin'?|messing|mucking) (about |around )?(with|wi'?) (a |the |some |\w+'?s )?(matches|candles?|"
    r"sockets?|plugs?)|"
    r"(curtains?|bedding|bed|sofa|settee|house|kitchen|flat|room|bin)( are| is|'s)? (goin'?|going|gone) up|"
    r"(mum|mam|ma|mom|dad|da|parents?)('s| is| are|'re)? not (in|home|there|back)|balcony|ledge|window|road|"
    r"motorway|river|water|bath|drown\w*|flooded|flooding|"
    r"extension (lead|cable)s?|electrics?|sparking|(crack|meth) pipes?|needles|syringes?|"
    r"(?<!lives )(?<!living )(?<!live )alone|on (his|her|their|there) own|by (himself|herself|themselves)|"
    r"live wir\w*|exposed wir\w*|intoxicated|"
    r"(?<!\bi )(?<!\bwe )left (with|looking after|in charge)|"
    r"(nobody|no ?one)( else)? (home|in|there|with)|(nobody|no one)('?s| is) (with|in)|no adults?|"
    r"(nobody|no ?one)('s| has) been (to|round to|near|with)|bare wir\w*|"
    # an adult's age beside a child ("a 14yo staying at her 'boyfriend's' flat. he's 26"), begging for help
    r"(he|who)('s| is) (19|[2-9]\d)\b(?! ?(now|these days|nowadays|mins?|minutes|hours?|hrs?|secs?|seconds|%|miles|km|"
    r"days?|weeks?|"
    r"quid|pounds|grand|k\b))|husband[- ]to[- ]be|swollen|swelling|makes? (him|her|them|me) do (things|stuff)|"
    r"(he|who)('s| is) in his (twenties|thirties|forties|fifties|[2-6]0s)|(boyfriend|bf|fella|friend|mate|man)"
    r"['’\"]? \(\s*(19|[2-9]\d)\s*\)|(booked|booking|paid for) a (hotel|room|airbnb)|(staying|"
    r"sleeping|stopping) (overnight|over|the night) (at|with) (an? |her |"
    r"his )?\W?"
    r"(boyfriend|girlfriend|bf|older)|(begging|pleading with) (me|us|you|him|her|them) to|"
    r"wander\w*|door (open|wide open)|"
    r"locked(?! (box|cabinet|cupboard|drawer|safe|tin|medicine))|trapped|shut in|"
    r"(?<!voice is )(?<!voices are )(?<!voice )(?<!views are )"
    r"missing(?! (that|the point|something|what|how|signs?|out|it|things|voices?))|"
    r"run away|ran away|not (come|came|been) (back|home)|still not back|(not|wasn'?t|never) (collected|picked up)|"
    r"car with|(older|adult|unknown|strange|grown) (men|man|males?|lads|guys|blokes|fellas)|"
    r"plied (\w+ )?(with|wi'?) (drink|drugs|alcohol|booze|vodka|weed)|"
    r"(took|taken|driven|went) (off|aff) (in|with|wi'?)|burning (up|hot)|whimpering|untreated|"
    r"hanging (funny|limp|loose|wrong|oddly)|screams (if|when)|"
    r"(no|without( any)?|not had( any)?|hasn'?t had( any)?|never had( any)?) (medical )?(treatment|attention)|"
    r"men (she|he|they) (doesn'?t|don'?t) know|"
    r"dealers?|county lines|trap ?house|"
    r"(going|gone|go|sent|sending \w+) (['\"‘]?out )?['\"‘]?country|"
    r"groom\w*|exploit(ing|s)? (her|him|them)|sexual\w*|rap(e|ed)|touch(ed|ing) (her|him)|private parts|willy|"
    r"(booked|booking|bringing|fetching|sent for|getting) the (lady|woman|aunty|auntie|old woman|cutter)|"
    r"(they'?re|they are|theyre|they'?ll|they will|gonna|going to) (be )?(do|doing) (me|us|her|them|the girls) "
    r"(at|when|in|over|during|after)\b|"
    r"cut|cutting|ceremony|marry|married|marriage|wedding|nikk?ah|nikaah|flights?|airport|heathrow|gatwick|plane|"
    r"drugs to (deliver|drop|carry|run|take)|(do|doing|on) (a|the) run (tonight|later)|(bag|rucksack|package|parcel|"
    r"box) of (drugs|gear|weed)|"
    r"(do(es)?n'?t|does not|did not|not) (consent|agree) to (it|the \w+|marry\w*)|(do(es)?n'?t|does not) consent|"
    r"(make|making|get|getting) (her|them|the girls?|\w+) clean|"
    r"(become|becoming|make (her|them)|made (her|them)|be) (a )?(proper|real|big|grown|full|true) (woman|women|lady)|"
    r"(taxi|cab|uber|car)s? (booked|sent|ordered)|stranger'?s?|"
    r"moving (back )?in|moved (back )?in|released|turned up|turning up|coming (round|over)|at the door|"
    r"drunk|high|off (his|her|their) face|passed out|out cold|kill\w*|die|dead|knife|knives|weapon|gun|strangl\w*|"
    r"(dv|da|domestic|violence|fight|assault)\w* (is )?(in progress|happening|going on|kicking off)|"
    r"choke?d?|choking|(hands?|arms?|belt|rope|cord) (round|around|on) (her|his|their|my) (neck|throat)|threat\w*|"
    r"scared|terrified|screaming|hiding|laying into|battering|going for (him|her|them))\b",
    re.IGNORECASE)

# Harms grave enough on their own, whoever they are about.
GRAVE_ALONE = re.compile(
    r"\b(overdos\w*|(swallowed|took|taken|necked|downed) (a |an |some |all |loads |lots )?(load |lot |handful |bunch |"
    r"packet |box )?(of )?(pills|tablets|paracetamol|meds|medication)|pills? (on|in) (snap|insta\w*|a pic|a photo)|"
    r"(written|wrote|writing|left) (my|his|her|their) (goodbye |last )?(letters|notes?)|goodbye (letters?|notes?)|"
    r"suicide note|(it'?s|all|everything'?s?) sorted for (after|tonight|later|when)|"
    r"(been|being|getting) sent (out )?to \w+\s*,?\s*(\d{1,2} ?(am|pm) |tonight'?s? |the )?(train|coach)|"
    r"(going|gone|go|sent) (['\"‘]?out )?['\"‘]?country|(gotta|got to|going|gone|go|sent) ot\b|"
    r"cut (really |very |so |too )?deep|cuts? (to|on|across) (both |her |his |their )?(wrists?|throat|neck)|(cut|slit|"
    r"slashed) (his|her|their|both) "
    r"(wrists?|throat)|still bleeding|bleeding heavily|(won'?t|will not|can'?t) stop bleeding|"
    r"goodnight forever|good ?bye forever|bye forever|last time (you|u|ya|any)\w* (will )?(hear|see)|"
    r"(can'?t|cannot) (do|take|go on with) (this|it) any ?more|end (it|it all|my life|his life|her life)|"
    r"(kill|hang) (him|her|them|my)sel(f|ves)|suicid\w*|noose|ligature|jump(ing)? (off|from|in front)|"
    r"unconscious|unresponsive|not breathing|stopped breathing|knife|machete|gun|shotgun|rifle|firearm|strangl\w*|"
    r"fgm|cut (her|them|the girls)|get cut|be cut|(women'?s?|woman'?s?|ladies'?|girls'?) (operation|procedure|cut|"
    r"circumcision)|(operation|procedure|cut|cutting) (of|for) (the )?(women|woman|girls|ladies)|"
    r"forced (to )?marr\w*|married off)\b", re.IGNORECASE)

# Someone dangerous arriving: an arrival now in the clause, and a sign of danger about them in the sentence.
ARRIVING = re.compile(
    r"\b(moving (back )?in(to)?|moving (his|her|their|the) (\w+ ){0,2}in|moves (back )?in|move (back )?in|"
    r"coming (round|over|back|home|to stay)|turning up|on (his|her|their) way|(?<=['‘\"])on my way|"
    r"(?<=['‘\"“])(nearly|almost) there|"
    # asking where a child will be today, to be there: "a call from a man asking what time Ellie's appt is today"
    r"asking (what time|when|where|which) [^.]{0,40}\b(appt|appointment|pick[- ]?up|finishes|gets out|comes out|club|"
    r"lesson|session)|"
    # let in at a door, walking towards the house: "has just been buzzed in by mum", "seen walking towards the carer's"
    r"buzzed (him |her |them )?in|been buzzed in|walking (towards|up to) (the|her|his|their|\w+'s)|"
    # waiting near to meet them: "'see u at 4, I'll wait round the corner for you and the boys'"
    r"(i'?ll|i will|ill|he'?ll|he will) (be )?wait(ing)? (for (you|u|her|him|them) )?(round|around|outside|at|by|near) "
    r"(the )?(corner|end of|back|gate|school|car park|centre|shop)|"
    r"popping (round|over|in|by)|(coming|going) (round|over) for|come (round |over )?for (tea|dinner)|sleep ?over|"
    r"(tag|bail|licence|release) address|"
    r"(staying|stopping) (over|the night|at|with|(for )?the (weekend|week|night))|moved (back )?in(to)?|collect\b|"
    r"let (him|her|them) in|babysit\w*|minding (them|the (kids|children|baby))|pick(s|ing)? (?!it\b)(\w+ ){0,2}up|"
    r"collect(s|ing)|pick(s|ing)? (him|her|them) (up )?from|due (at|by) \d|"
    # back soon, or a discharge ahead: "mum back in 40 mins", "due d/c this aft"
    r"back in \d+ ?(mins?|minutes|hours?|hrs?)|due (for )?discharge)\b|"
    r"\b(arriv(ing|es)|coming (for|to get|to collect|to the (house|home|flat))|due (round|over|to visit|at the)|"
    # the child going back to where the harm is: "due to return home at the end of the school day"
    r"(go(ing|es)?|return(ing|s)?|sent|heading|due to (go|return)) (back )?home|(bus|minibus|taxi|coach|lift) home|"
    r"school (finishes|ends|is out|lets out)|(have to|got to|gotta|need to) go (back|home)|"
    r"pick-?ups?|(already |waiting )*in (the )?car ?park|"
    r"(bus|minibus|taxi|coach) (home )?at \d{1,2}([.:]\d\d)? ?(am|pm)?|"
    r"home (tonight|today|later|time)|drop(s|ped|ping)? (him|her|them) (back|home|off home|(off )?at)|"
    # driven home, signed out of school, waiting at the gate
    r"(drives|driving|drive|taking|takes) (him|her|them) home|signed (him|her|them) out|"
    r"waiting (at|outside|by) the (gate|school|door|doors|front|car)|"
    r"(comes|arrives|gets here) at \d{1,2}([.:]\d\d)? ?(am|pm)?|"
    r"(?<!officer is )(?<!officers are )(?<!police are )(?<!car is )parked (up )?(outside|at|by)|"
    r"send(ing|s)? (me|him|her|them) (back )?home|"
    # home from hospital or prison, walking onto the ward, signed in at the desk, on the late train
    r"^\W*home (at|by|tonight|today|later)\b|"
    r"discharged (back )?(to|into) (his|her|their|the) (house|home|flat|care|address)|"
    r"home from (hospital|prison|jail|custody|rehab)|(is|be|'s|will be) home (at|by|tonight|today|later)|"
    r"walking (to|into|in|towards|up to|onto)|signed in|(just )?left (together|with (him|her|them|mum|dad))|"
    r"(about to|going to|getting ready to|ready to) (leave|go home|go) (together|with (him|her|them))|"
    r"(dropping|taking|driving) (him|her|them) (back )?home|gets? there|(is|'s|are) (now |already )?outside in the "
    r"(car|van|taxi)|"
    r"on the (late|last|next|night) (train|bus|coach)|on (a|the) (train|bus|coach)|en route|eta \d+|"
    r"(heading|making (his|her|their) way) (to|for|towards|over to|round to)|(is|'s|are|'re) back "
    r"(from|tonight|today|home)|"
    # a child left with the person who threatened them: "she's at home with him now"
    r"(at home|home|in the (house|flat)) (alone )?with (him|her|them|dad|mum|stepdad|stepmum) "
    r"(now|today|tonight|all day))\b",
    re.IGNORECASE)
DANGEROUS_PERSON = re.compile(
    r"\b(da|dv|sex offenders?|offenders? register|domestic (abuse|violence)|violen\w*|abus\w*|perp(etrator)?s?|"
    r"offenders?|rso|schedule (1|one)|sch(ed)?\.? ?(1|one)|shpo|sopo|barred|released|on licen[cs]e|breached|"
    r"subject of an? (\w+ ){0,2}order|(court )?order against \w+|"
    r"prison|jail|bail|non[- ]?mol\w*|injunction|restraining order|convict\w*|assault\w*|"
    # a disclosure of harm by someone at home, when the child is going back there
    r"disclos\w*|chok(e|ed|es|ing)|(did|done|caused) the (bruises|marks|burns?|injur\w*)|(told|telling|showed|tells|"
    r"tell) (her|his|their|a|the|my) (teacher|tutor|dsl|"
    r"nurse|key ?worker|worker|youth worker|sw|"
    r"social worker|tutor|coach|ta|teaching assistant|lsa|mentor)|told (miss|sir)|sex(ual)? (things|stuff)|"
    r"the one (the|she|he|they|both|\w+) (\w+ )?(named|disclosed about|accused|made allegations about)|does sex|"
    r"what (my|his|her|their) (step ?dad|dad|mum|uncle|grandad|brother) "
    r"(does|did|is doing|has done)|strangl\w*|beat(s)? (him|her|them)|hit(s)? (him|her|them)|bad things|"
    r"held (his|her|their|my) (head|face) (under|in|down)|stabb\w*|knifed|throttl\w*|suffocat\w*|smother\w*|"
    r"touch(es|ed)? (him|her|them)|"
    # a young child's own words for sexual abuse
    r"(private|privates|willy|winkle|bum|fanny|front bottom|down there)|made (her|him|them) do (things|stuff)|"
    r"on tag|under investigation|mappa|offences? against|prohibited from|"
    r"(own )?(father|dad|stepdad|uncle|brother|grandad) is the (baby'?s )?(father|dad)|"
    r"bailed|not to approach|not allowed (any )?(contact|near|to see)|banned from|"
    r"no[- ]contact|whether (you|u|they|we|anyone) likes? it or not|"
    r"whatever (the |you |they |anyone |social services |the court )?(\w+ ){0,2}(says?|thinks?)|"
    # a child's marks and their words for who makes them: "belt marks ... daddy does it when he's naughty"
    r"(belt|strap|slap|hand|finger|bite|burn|cigarette) marks?|marks (on|from|across)|bruis\w*|"
    r"(smacks?|belts?|whacks?|slaps?|kicks?|hurts?) (him|her|them|me)|does (it|that) (to (him|her|me) )?when|"
    # a threat to the child, told in the person's words
    r"threat\w*|said (he|she)('?d|'?ll| would| will) (kill|hurt|batter|get)|(won'?t|will never) be (going|coming) "
    r"(\w+ ){0,2}again)\b", re.IGNORECASE)


# Who a person is, told in a sentence of its own ("Mark Leyton is barred from contact with under-18s", "Checks came
# back with two convictions for sexual offences against children"): read with the arrival told just before it.
OFFENDER_NAMED = re.compile(
    r"\b(sex offender|child sex(ual)? offen\w*|(convictions?|offences?|convicted) (for|against|of) (\w+ ){0,3}(child|"
    r"children|minors|under[- ]?1[68]s)|barred from (\w+ ){0,3}(children|minors|under[- ]?1[68]s)|schedule (1|one)|"
    r"sch(ed(ule)?)?\.? ?(1|one)|on the (sex offenders'? )?register|mappa|rso|shpo|sopo|sexual harm prevention order|"
    r"(man|guy|bloke) from (the )?court( thing| case| stuff)?|(he'?s|he has|dad'?s|dad has) (just )?been released|"
    # named in an investigation, an order broken: "The stepfather named in last month's s47", "non-mol breached"
    r"named in (the |a |last \w+'s |this \w+'s )?(\w+ )?(s47|section 47|strategy|investigation|allegation|referral)|"
    # the one responsible in a child's death: "he was the perpetrator in a baby death case on my old caseload"
    r"perpetrator in a\b[^.]{0,20}\b(death|murder|manslaughter|abuse|injury) case|"
    r"(non[- ]?mol\w*|injunction|restraining order|dvp[no]|bail( conditions)?|order) (has been |was |is )?"
    r"(breached|broken)|"
    # what he did to a child before: "He's the one who fractured the last baby's ribs."
    r"who (killed|murdered|shook|fractured|broke|seriously injured|raped|abused|sexually abused) (a|the|her|his|their|"
    r"\w+'s) (previous |last |first |other |older )?(child|baby|son|daughter|sister|brother)|"
    r"who (broke|fractured|burnt|burned|scalded) (\w+'s|her|his|their|my|the baby's|a baby's) (arm|leg|ribs|skull|"
    r"wrist|jaw|collarbone|femur|hand)|"
    # who he is in a child's or a carer's words: "he's the one i told u about", "the one you're not to go near"
    r"(he|she)'?s the one (i|we) told (u|you) about|the one (you'?re|she'?s|you are|she is|they'?re) not (to go near|"
    r"allowed near|supposed to (see|go near|be near))|(he|she)'?s the one who (does|did) (the |that |those )?"
    r"(stuff|things)|"
    # and the order that keeps him away, said next: "He's parked outside the birth centre. The injunction says 100
    # metres."
    r"(injunction|non[- ]?mol\w*|restraining order|bail conditions?)\b[^.]{0,30}\b(says?|bars|stops|means|within|"
    r"metres|not to)|bail\b[^.]{0,20}\bno[- ]contact|no[- ]contact (condition|order))\b", re.IGNORECASE)


# A marriage arranged, and travel (read together when the travel is soon, as for a disclosure and home time).
MARRIAGE = re.compile(r"\b((arranged|sorted|planned|organised|booked) (a |the |her |his )?(marriage|wedding|nikah)|"
                      r"(have|having) a (wedding|nikah)|"
                      r"(she|he)('ll| will) be (wed|married)|to (get|be) wed|"
                      # a girl's "big day", a husband waiting: "'for your big day at auntie's in Guinea'", "'getting
                      # settled' with a husband in Yemen"
                      r"(your|her) (big|special) day|with (a|her) (new )?husband)\b", re.IGNORECASE)
# A wedding named, and a young person under 18 saying so ("im 16", "not 18 til march").
WEDDING = re.compile(r"\b(wedding|nikk?ah|getting married|get married|marriage)\b", re.IGNORECASE)
UNDER_18 = re.compile(r"\b((i'?m|im|i am|she'?s|he'?s|she is|he is) (only |just )?(1[0-7]|not 18|under ?18|"
                      r"underage)|not 18 (til|till|until))\b", re.IGNORECASE)
TRAVEL = re.compile(r"\b(fly|flying|flies|flight|flights|leav(e|es|ing)|travel\w*|airport)\b", re.IGNORECASE)
# Cutting named, or a wedding: what travel soon is for, told in the next sentence ("leaving tonight. older sister was
# cut out there last year")
CUTTING = re.compile(r"\b(fgm|cut|cutting|circumcis\w*|khatna|sunna|had it done|little operation|nikk?ah|wedding|"
                     r"married)\b", re.IGNORECASE)
# A collection by the one a child told of, or a return home, said as what happens today: "boyfriend collects him",
# "dad does pick up", "i have to go back there after football"
HOME_TODAY = re.compile(r"\b((is |are )?due (back )?home|collects|picks (him|her|them) up|does (the )?pick[- ]?ups?|"
                        r"does (the )?collections?|"
                        # the one she told of still with her, living with her, or waiting to take her: "dad still
                        # there with him", "Uncle lives with them", "Father waiting in the foyer to collect her"
                        r"still (there|here|at home|in the house|in the flat) with (him|her|them)|"
                        r"(lives|living) with (them|her|him|the family)|lives (at the (house|flat|address|home)|there)|"
                        # ("Leaving with mum now, mum lives with dad", "We are dropping him back home at 5")
                        r"drop(ping|s)? (him|her|them) (back )?home|"
                        r"(leaving|left|going home|gone home) with (mum|mummy|mam|dad|daddy|(his|her) (mum|dad)|them|"
                        r"him|her) (now|today|just now)|"
                        r"picking ((him|her|them) )?up|(is|'s) collecting|"
                        # a drop there soon, or due back: "I'm due to drop her there at 3.45", "Drop is in 20 minutes",
                        # "dad due back at 5"
                        r"due to drop (him|her|them)|drop(s|ping)? (him|her|them) (off )?there|"
                        r"drop[- ]?(off )?is in \d+|"
                        r"due back (at \d{1,2}([.:]\d\d)? ?(am|pm)?|today|tonight|later|soon)|"
                        r"stay(s|ing)? there (today|tonight)|"
                        # school out soon, a night at his, discharged home with her: "She's at school til 3", "school
                        # finishes in 40 mins", "She stays at grandad's today", "being discharged home today and girl
                        # goes with her"
                        r"at (school|nursery) (til|till|until) \d|(school|nursery) (finishes|ends|is out|shuts|closes) "
                        r"(at \d{1,2}([.:]\d\d)? ?(am|pm)?|in \d+)|stay(s|ing)? (at|with) \w+('s)? (today|tonight)|"
                        r"(discharged|going|goes|sent) home (today|tonight)|goes (home )?with (her|him|them)|"
                        r"(going|goes|go) back to (mum|mam|dad|her mum|his mum|her dad|his dad)'?s\b|"
                        r"goes home (at )?\d|due (for )?discharge|"
                        r"waiting\b[^.]{0,30}\bto (collect|pick (\w+ )?up|take (him|her|them)( home)?)|"
                        r"(have to|has to|got to|gotta|needs to|"
                        r"don'?t want to|do not want to) go (back|home)|(on|working) nights tonight|"
                        # contact with the one she told of today: "contact's today 11am at nana's"
                        r"contact('s| is)? (today|tonight|tomorrow|this (morning|afternoon|evening)|"
                        r"at \d{1,2}([.:]\d\d)? ?(am|pm)?))\b",
                        re.IGNORECASE)
# A threat to kill the children told on, and a collection today: the second of two sentences DangerCheck._told_then
# reads together ("mum has agreed the children's father can collect them at 4pm today. Last week he said he'd 'finish
# the lot of them'.")
THREAT_TO_KILL = re.compile(
    r"\b(said|says|threatened|told \w+|texted|messaged) (he'?d|he would|he will|he'?ll|she'?d|she would|she will|"
    r"she'?ll|to) ['‘\"]?(finish|kill|murder|end|do in|get rid of) (the lot of (them|us|you)|them all|all of them|"
    r"the (kids|children|boys|girls)|us all|all of us)\b", re.IGNORECASE)
COLLECTS_NOW = re.compile(
    r"\b(collect|collecting|pick (them|him|her) up|picking (them|him|her) up|have (them|the kids|the children)|"
    r"take (them|him|her))\b[^.]{0,30}\b(at \d{1,2}([.:]\d\d)? ?(am|pm)?|today|tonight|"
    r"this (afternoon|evening))", re.IGNORECASE)
# Soon enough for a wedding arranged: "fair is this weekend"
SOON = re.compile(r"\b(this (weekend|week)|next week|tomorrow|tmrw|on (mon|tues|wednes|thurs|fri|satur|sun)day|"
                  r"(is|are|it'?s) (mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.IGNORECASE)


# A child telling someone: the first of the two sentences DangerCheck._told_then reads together ("Y5 pupil disclosed
# to TA that stepdad touches her. Stepdad collecting today at 15:15.")
DISCLOSED = re.compile(r"\b(disclos\w*|(told|tells?|said to) (me|us|(the|her|his|a|class|their|our|my) \w+)|"
                       # a child's words told on: "boy says his brother (17) 'does sex on him'"
                       r"(says|said) (that )?(his |her |my )?(father|step ?father|mother|step ?mum|step ?mother) |"
                       r"(says|said) (that )?(his|her|my) (brother|sister|cousin|uncle|dad|daddy|step ?dad|grandad|"
                       r"mum'?s (new )?(boyfriend|partner|fella|bloke))\b|"
                       r"(says|said) (that )?(his |her |my )?mum'?s (new )?(boyfriend|partner|fella|bloke)\b|"
                       # a child who signs or points, not only one who speaks: "Archie signed that grandad ..."
                       r"(signed|signs|typed|wrote|whispered) (that|to (me|us|(the|her|his|a) \w+))|pointed to|"
                       # (a child's words quoted, signed or said on a journey: "Zain (9) signed 'uncle touches my
                       # private'", "Grace said in the taxi 'mummy's boyfriend comes in my bed'")
                       r"(signed|signs) ['‘\"]|(said|says|told me) (in|on) the (taxi|bus|minibus|car|journey|way)\b|"
                       # ("the 8yo took me aside and said PoP touches her")
                       r"took (me|us|(the|her|his|a) \w+) aside|"
                       r"whispered (that )?(his|her|my) |"
                       # a child's plea not to tell the one who hurts them: "Please don't tell my mum, she'll kill me"
                       r"(please )?don'?t tell (my |me )?(mum|dad|mam|nan|step ?dad|mum'?s boyfriend)|"
                       # a child's own words: "he burned me with the lighter", "my brother does stuff to me"
                       r"(he|she|dad|daddy|mum|mummy|step ?dad|my (brother|dad|mum|step ?dad|uncle|cousin|grandad|"
                       r"mum'?s (boyfriend|partner))) (\w+ ){0,2}(burned|burnt|hit|punched|kicked|hurt|strangled|"
                       r"choked|raped|touched|abused|beat|battered|(does|did) (stuff|things) to|hits|bites|bit|burns|"
                       r"kicks|punches|hurts|touches|strangles|chokes|smacks|slaps|slapped|smacked) me\b|"
                       r"(makes?|made) me (touch|suck|do)\b|"
                       # ("'daddy squeezes my neck till i go sleepy'")
                       r"(he|she|dad|daddy|mum|mummy|step ?dad|uncle|grandad) (squeezes|squeezed|grabs|grabbed|presses|"
                       r"pressed|holds|held) my (neck|throat)\b|"
                       # ("Y3 girl said daddy 'does sex stuff' to her at bedtime")
                       r"(says|said) (that )?(daddy|mummy|dad|mum|grandad|uncle|step ?dad) ['‘\"]?(does|did|puts|makes|"
                       r"touches|hurts|hits)\b|"
                       # what a child put in the house of worries (Signs of Safety's three houses)
                       r"house of worries|worries house|worry house|"
                       # a child's words for abuse at night: "make u sleep in his bed", "has been coming in her room"
                       r"(dad|daddy|step ?dad|uncle|brother|grandad|mum'?s (boyfriend|partner)) (\w+ ){0,2}"
                       r"(make|makes|made) (me|u|you) sleep in (his|her) bed|"
                       r"(says|said|told \w+) (that )?(her|his|my) ([\w']+ ){0,8}(has been |keeps |is )?"
                       r"(coming|comes|came) (in|into) (her|his|my) (room|bed)|"
                       # said in an interview: "Tyler said in his RHI that his foster carer's husband hit him"
                       r"(said|says|told \w+) in (his|her|their|the|a) \w+ that|"
                       r"(said|says|states|stated) (that )?['‘\"]?(his |her |their |my )?(dad|daddy|mum|mummy|"
                       r"step ?dad|grandad|"
                       r"uncle|mum'?s (partner|boyfriend)|(mum|mummy|mam)'?s (friend|mate)|(new )?boyfriend) ['‘\"]?"
                       r"(\w+ ){0,2}(hit|hits|hurt|hurts|"
                       r"burn\w*|punch\w*|kick\w*|"
                       r"touch\w*|beat\w*|strangl\w*|chok\w*|smack\w*|ties|tied|locks|locked|squeez\w*|pinch\w*|"
                       r"raped|rapes|abused|abuses|molest\w*|assaulted|did (it|this|that)|does things|does stuff|"
                       r"puts? (his|her) (willy|finger|private\w*)|"
                       # ("mummy's friend makes me take my clothes off and takes pictures")
                       r"(makes?|made) (me|her|him) (take|get) (my|her|his) (clothes|pants|knickers) off|"
                       r"takes? (pictures|photos|pics|videos) of me))\b", re.IGNORECASE)


# A worker's fear for a child tonight ("a bad feeling about the baby tonight"): no harm named, but asked about.
FEAR_FOR = re.compile(
    r"\b((bad|horrible|awful|sick|gut|uneasy) feeling|(really |very |so )?(scared|frightened|terrified|worried sick) "
    r"for|fear for)\b", re.IGNORECASE)


# Long ago, said anywhere in the sentence ("dad beat him in the old country, many years ago"): the margin, which has
# no score to weigh, does not ask about a sentence that places its harm years back and says nothing of now.
LONG_AGO = re.compile(
    r"\b((many|several|some|a few|\d+|two|three|four|five|six|ten) (years?|summers|winters|christmases) "
    r"(ago|back|before)|years ago|in the war|"
    r"in (19|20)\d\d|when (he|she|they|i) (was|were) (little|small|younger|\d{1,2}|a (baby|child|toddler|teenager))|"
    r"last (year|winter|summer|spring|autumn|christmas|easter|term)|"
    # a school year gone by: "She went missing a few times in Y9"
    r"(in|back in|during) (y|yr|year) ?([1-9]|1[0-3])\b|"
    r"as a (child|girl|boy|teenager)|in the old country|"
    # a year named, the file looked back on, the case's history: "the bull incident was 2019", "the case history is"
    r"(was|were|back in|from) (19|20)\d\d|looking back|(case|family) history|history of)\b", re.IGNORECASE)


# A contingency or safety plan being written: every clause after it is what would be done if.
PLANNING = re.compile(r"^\W*(for (the )?)?(contingency( planning| plan)?|safety plan(ning)?|the plan is|actions?:)\b|"
                      r"\b(fire|home) safety (visit|check|advice)\b",
                      re.IGNORECASE)


# Laughter ("lol", "haha", a laughing face): the sentence is a joke or a figure of speech, not a report of harm.
LAUGHTER = re.compile(r"(\b(lol|lmao|haha\w*|hehe\w*|jk|only joking|both (of them )?laughing)\b|\U0001F602|\U0001F923)",
                      re.IGNORECASE)
# Laughter shared between the people told of (not a "lol" in a child's quoted words: "she's sent 'help lol jk'")
SHARED_LAUGHTER = re.compile(r"\b(both (of (them|us) )?laughing|(we|they) (were )?(all |both )?laughing|"
                             r"(we|they) (all |both )?laughed (about|at) it)\b", re.IGNORECASE)


def margin(sentence: str, context: str = "", message: str = "") -> bool:
    """A child in the sentence, a harm (or a grave harm) in a clause or two, and nothing there saying it is over.

    `context` is the sentences either side of it, read only for which child is meant and who the arriving
    person is (or what the child going home disclosed), as in "Ali disclosed that his father strangled him
    last night; he goes home at 3" or "Darren's popping round tonight. He's the one convicted over ...".
    `message`, the whole message (which holds the sentence and those either side), is read, when given, for who
    the arriving person is, since the sentences either side may not say: a numbered list ("1. RSO prohibited
    from contact with under-18s 2. ... 4. he's staying the weekend") names him three sentences before he arrives.
    """
    if LAUGHTER.search(sentence):
        return False  # the phrases and the classifier still read it; the margin does not guess at a joke
    plain = G.without_idioms(sentence)
    if FEAR_FOR.search(plain) and VULNERABLE.search(plain) and G.NOW.search(plain) and \
            not (G.PAST.search(plain) or G.hypothetical(plain) or G.TEACHING.search(plain)):
        return True
    if not (GRAVE_ALONE.search(plain) or HARM_BESIDE_A_CHILD.search(plain) or ARRIVING.search(plain)):
        return False  # no concept at all: the common case, decided without reading clauses (it keeps reading cheap)
    # (a clock time inside a "what if" is the scenario's: "say a child told me at 3pm and was due home at 3.15")
    if G.TEACHING.search(plain) or settled(plain) or ((LONG_AGO.search(plain) or PLANNING.search(plain) or
                                                       G.opens_in_the_past(plain)) and not G.NOW.search(plain)) or \
            (G.WHAT_IF_OPENING.search(plain) and not G.NOW.search(_WHEN_TODAY.sub(" ", plain))):
        return False
    spans = G.clause_spans(plain)
    clauses = [plain[a:b] for a, b in spans]
    # The child is often named in one clause and meant in the next ("dad shook the baby last night, she's now very
    # quiet"), or in brackets, which are a clause of their own ("Leah (15) messaged ..."): anywhere in the sentence.
    child = bool(VULNERABLE.search(plain) or VULNERABLE.search(context))
    doubt = [bool(_doubtful(c)) if _concept(c) else False for c in clauses]  # a clause with no concept raises nothing
    # a name in brackets is told with the clause before it: "a girl told me she'd been cut (FGM) as a baby"
    doubt = [d or (0 < i and c.lstrip().startswith("(") and _concept(c) and _doubtful(clauses[i - 1]))
             for i, (c, d) in enumerate(zip(clauses, doubt))]
    for first in range(len(clauses)):
        for width in (1, 2):
            if first + width > len(clauses) or any(doubt[first:first + width]):
                continue
            text = " ".join(clauses[first:first + width])
            if GRAVE_ALONE.search(text) or (child and HARM_BESIDE_A_CHILD.search(text)) or \
                    (ARRIVING.search(text) and G.NOW.search(plain) and
                     DANGEROUS_PERSON.search(message or f"{context} {plain}")):
                return True
    return False



# Stricter than the classifier's guards, because this rule has no score to weigh: any sign of the past
# (even beside "now"), of habit, of talk about something rather than the thing, of practice or of planning.
DOUBT = re.compile(
    r"\b((19|20)\d\d|talk(s|ed|ing)? about|spoke about|mention\w*|history of|"
    r"before(?! (they|he|she|we|you|the (family|kids|children|girls?|boys?)) "
    r"(travel|go|fly|leave|come|get|move|head)s?\b|"
    r" the (\w+ )?(wedding|ceremony|celebration|party|trip|holiday|flight|journey)\b)|"
    r"ever|keeps?|always|"
    r"every (day|night|week|weekend|time)|worried|worry|concerns?|wonder\w*|procedure|policy|guidance|protocol|"
    r"process|threshold|training|referral|strategy|assessment|seen alone|"
    r"(see|saw|seen|seeing|spok(e|en) (to|with)|speak (to|with)|talk(ed)? (to|with)|visit(ed)?) \w+( \w+)? alone|"
    # a case closing, a history, a topic named as "the ... thing", the worker's own feeling then, years gone by
    r"clos(ing|ure)|case history|family history|history is|the (\w+ ){1,3}(thing|stuff|business|saga|episode)|"
    r"(i|we) felt|\d+ (years|yrs)\b(?! old)|looking back|remember|close the loop|am i being|in this country|"
    r"template|audit|refresher|icpc|rcpc|core group|"
    r"found it (really |so |very )?(hard|difficult|tough)|confirmed by|fact[- ]finding|concluded|findings|haunted|"
    r"happened|on my caseload|(my|a) (last|previous|old) job|"
    r"completed|placed with|away from|serving|sentence|closed(?! (fist|garage|door|doors|room|curtains|window|windows|"
    r"car|gate))|referred|for (weeks|months|years)|"
    # a season or holiday gone by, and the worker's own fear about the work ("i'm scared we're drifting")
    r"(in|over|during) the (summer|spring|autumn|winter|easter|christmas|holidays)|in (spring|summer|autumn|winter)|"
    r"reflect(ed|ing|s)? on|"
    r"(i'?m|i am|i feel|i get|we'?re|we are) (\w+ )?(scared|frightened|anxious|nervous)(?! for))\b",
    re.IGNORECASE)


_BUT = re.compile(r"\b(but|though|tho|however|except)\b", re.IGNORECASE)


def settled(plain: str) -> bool:
    """Over or comforted, unless a "but" after it names a harm that is not ("the twins are fine but the baby is
    wheezing")."""
    if not (G.resolved(plain) or G.reassured(plain)):
        return False
    turns = list(_BUT.finditer(plain))
    after = plain[turns[-1].end():] if turns else ""
    return not (after and _concept(after) and not (G.resolved(after) or G.reassured(after)))


def now_unresolved(plain: str) -> bool:
    """A sign of now in a clause that is not itself a sign of it being over: "he was arrested, he's back at the
    house now" says now; "the kids are with the police now" and "she's stable now" do not, unless the same clause
    names a harm ("alone since mum got arrested this morning") other than to say who it is about (`told_of`). A harm
    told with the time it happened, followed by help told as done, is a sequence that has ended (`_timed`)."""
    spans = G.clause_spans(plain)
    over = [G.resolved(plain[a:b]) for a, b in spans]
    helped = [over[i] and (not G.NOW.search(plain[a:b]) or bool(_DONE.search(plain[a:b])))
              for i, (a, b) in enumerate(spans)]
    return any(G.NOW.search(plain[a:b]) and (not over[i] or _concept(told_of(plain[a:b]))) and
               not (not over[i] and any(helped[i + 1:]) and _timed(plain[a:b])) and
               not (_BOOKED.search(plain[a:b]) and not names_harm(plain[a:b]))
               for i, (a, b) in enumerate(spans))


# A meeting or a visit of the work's, booked or done, with its time ("strategy meeting 9am tomorrow", "ICPC at 10",
# "SW visited at 4"): the time is the work's, not the harm's (a clause that names a harm as well still says now)
_BOOKED = re.compile(r"\b(strat(egy)? (meeting|discussion)|strat (meeting |discussion )?(at|on|is|booked|set|\d)|"
                     r"icpc|rcpc|core group|case conference|professionals'? meeting|review meeting|"
                     r"(welfare|home|joint) visits?|safe and well( checks?| visits?)?|welfare checks?|abe (interview)?|"
                     r"court hearing|"
                     r"(sw|social worker|duty|i|we|police|hv|camhs( crisis)?|crisis team|gp|doctor|paramedics) "
                     r"(visited|saw (them|her|him|the (kids|children))))\b",
                     re.IGNORECASE)


# Who a clause is about, named by what happened to them ("the baby who was fitting", "the man who was trying to move
# in", "the young person with the ligature"), before what is true of them now ("is in PICU now", "has been recalled")
_DESCRIBED = re.compile(
    # (or told by who found them: "the boy we found locked out this morning is with his nan now")
    r"^\W*(\w+\W+){0,5}?(who|that|being|with the|(?:we|i|they|police) (?:found|saw|met|picked up|collected))\b"
    r".{0,80}?\b(is|are|'s|'re|has been|have been|has gone|"
    r"was taken|has been taken|was found|were found|has been found|have been found)\s+(now\s+)?",
    re.IGNORECASE)


# What brought the help about, told after it: "in emergency foster care tonight after being found alone"
_CAUSE = re.compile(r"\b(after|following) (being |having been |they were |he was |she was )?\w+.*$", re.IGNORECASE)


def told_of(clause: str) -> str:
    """The clause without the description of who it is about, or of what brought help about, when what is left is
    help in hand: the harm in "the baby who was fitting is in PICU now" names who, and in "the kids are in foster
    care tonight after being found alone" what happened, not what is happening now."""
    found = _DESCRIBED.search(clause)
    if found and G.resolved(clause[found.start(3):]):  # with its verb: "is at the police station"
        return clause[found.start(3):]
    cause = _CAUSE.search(clause)
    if cause and G.resolved(clause[:cause.start()]):
        return clause[:cause.start()]
    return clause


# Help told as done ("police found her at 9:30"), not help still to come ("she's back at the placement at 4")
_DONE = re.compile(r"\b(\w+ed|found|took|taken|brought|got|went|came|held|made|spoke|caught|stepped in)\b",
                   re.IGNORECASE)


# When it happened: a time by the clock, or earlier today
_WHEN_TODAY = re.compile(G.CLOCK.pattern + r"|\b(this morning|earlier( today| on)?|today)\b", re.IGNORECASE)


def _timed(clause: str) -> bool:
    """A clause whose only sign of now is when it happened ("reported missing at 7", "took an overdose this
    morning"): with help told as done after it ("police found her at 9:30, she's back at the unit"), it is a
    sequence that has ended. Not "after school" or "tonight", which are still to come."""
    return all(_WHEN_TODAY.fullmatch(m.group(0)) for m in G.NOW.finditer(clause))


def _concept(clause: str) -> bool:
    return bool(GRAVE_ALONE.search(clause) or HARM_BESIDE_A_CHILD.search(clause) or ARRIVING.search(clause))


def names_harm(text: str) -> bool:
    """A harm, a grave harm or someone arriving is named in the text (any of the margin's concepts)."""
    return _concept(text)


def _doubtful(clause: str) -> bool:
    """The clause is past (even beside 'now'), 'what if', habit, talk about it, denied, over or comforting."""
    plain = G.NEGATED_DANGER.sub(" ", clause)
    if DOUBT.search(plain) or G.PAST.search(G._RECENT.sub(" ", plain)) or G.hypothetical(plain):
        return True
    return G.stale(clause) or G.negated(clause) or G.resolved(clause) or G.reassured(clause)


def concepts_in(sentence: str) -> List[str]:
    """The concept words found (for reading a decision by hand; not used to decide)."""
    return [m.group(0) for pattern in (VULNERABLE, HARM_BESIDE_A_CHILD, GRAVE_ALONE)
            for m in pattern.finditer(sentence)]
