"""Supervision as a cycle: the next session on a case starts from the last one's actions, scale and worries.

When a practitioner answers the case reference with one they have used before
(the same sender: never across practitioners), `Cycle.recognise` keeps what
their last saved session on that case held as a marker answer
(`since.previous`) in the new session: its date, case facts, actions, safety
scale, noticed patterns and themes, and the date and scale of every earlier
session on the case. Everything after reads that copy: the offer to start from
it, the facts confirmed or changed in one step, each action's follow-up, the
scale and patterns then and now, the stuck pathway offer, and the record's
"Since the last supervision". So a session stands on its own: deleting an
earlier one leaves it whole, and retention applies per session as before.

What is asked when is decided here (`opening_steps` after the case reference,
`review_steps` after the case questions; steps.py puts them in the plan); the
words are in knowledge/conversation.yml (the `since_` prompts), and reading
what was typed in bot/reading/follow_up.py.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Dict, List, Optional, Sequence, Tuple

from bot.content.knowledge import Knowledge
from bot.reading.months import in_england, long_date, short_date, today_in_england
from bot.reading.follow_up import NOT_DONE, PARTLY, STATUS_LABELS, due_date
from bot.reading.text_input import Choice

PREVIOUS_KEY = "since.previous"  # the marker answer: what the last session on this case held
START_KEY = "since.start"
FACTS_KEY = "since.facts"
STUCK_OFFER_KEY = "since.stuck_offer"
ACTION_PREFIX = "since.action."
CARRIED_FACTS = ("case.age", "case.previous_plans", "case.months_since_last_plan", "case.category",
                 "case.concerns", "case.agencies", "case.father_involved", "case.several_parental_adults",
                 "case.closure_considered")
FROM_LAST, AFRESH = "from_last", "afresh"
START_CHOICES = (
    Choice(FROM_LAST, "Start from last time", ("yes", "from last time", "start from it", "carry on from it",
                                               "last time", "from it", "yes please")),
    Choice(AFRESH, "Start afresh", ("no", "afresh", "fresh", "new", "start again", "no thanks", "from scratch")),
)
SWITCH, STAY = "switch", "stay"
# Not "carry on" or "continue": those words resume a paused session (bot/reading/text_input.py).
STUCK_CHOICES = (
    Choice(SWITCH, "Switch to the stuck pathway", ("yes", "switch", "stuck pathway", "yes please")),
    Choice(STAY, "Stay with this session", ("no", "stay", "no thanks", "not now", "keep going", "this session")),
)
STATUS_BUTTONS = tuple((label, label) for label in STATUS_LABELS.values())
FLAT_SCALE = 1  # earlier scales within one point of each other are "about the same"


# ----- the last session, kept in this one ----------------------------------------------------------

def ago(day: date, today: date) -> str:
    days = (today - day).days
    if days <= 0:
        return "earlier today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return f"{days // 7} weeks ago"
    return f"{days // 30} months ago"


@dataclass(frozen=True)
class Previous:
    """The marker answer's value, read: what the last saved session on this case held."""

    value: Dict

    @property
    def day(self) -> date:
        return date.fromisoformat(self.value["date"])

    @property
    def facts(self) -> List[Dict]:
        return list(self.value.get("facts", []))

    @property
    def actions(self) -> List[Dict]:
        return list(self.value.get("actions", []))

    @property
    def scale(self) -> Optional[int]:
        return self.value.get("scale")

    @property
    def patterns(self) -> List[str]:
        return list(self.value.get("patterns", []))

    @property
    def themes(self) -> List[str]:
        return list(self.value.get("themes", []))

    @property
    def earlier(self) -> List[Dict]:
        """Every saved session on the case before this one, oldest first: {"date", "scale", "plans"}."""
        return list(self.value.get("earlier", []))


def previous(answers: Dict, started: bool = True) -> Optional[Previous]:
    """The last session on this case, if there was one (and, when `started`, the practitioner chose to start
    from it)."""
    marker = answers.get(PREVIOUS_KEY)
    if marker is None or not marker.value:
        return None
    if started:
        start = answers.get(START_KEY)
        if start is None or start.skipped or FROM_LAST not in (start.value or []):
            return None
    return Previous(marker.value)


def _shown(answer, step) -> str:
    if answer.skipped:
        return "skipped"
    text = " ".join((answer.text or "").split())
    if step is not None and step.choices and answer.value and isinstance(answer.value, list):
        labels = "; ".join(c.label for c in step.choices if c.id in answer.value)
        return labels or text
    return text


def snapshot(k: Knowledge, sessions: Sequence) -> Optional[Dict]:
    """What the latest of these saved sessions (oldest first) held, for the next session to start from."""
    from bot.modes.supervision import steps as S
    from bot.modes.supervision.suggestions import noticed_patterns

    if not sessions:
        return None
    last = sessions[-1]
    answers = {a.step_key: a for a in last.answers}
    plan = {s.key: s for s in S.question_plan(k, answers, last.kind)}

    def given(key: str) -> Optional[str]:
        answer = answers.get(key)
        return None if answer is None or answer.skipped else answer.text

    def scale_of(session) -> Optional[int]:
        answer = next((a for a in session.answers if a.step_key == "safety.scale"), None)
        return answer.value if answer is not None and isinstance(answer.value, int) else None

    def plans_of(session) -> Optional[int]:
        answer = next((a for a in session.answers if a.step_key == "case.previous_plans"), None)
        return answer.value if answer is not None and isinstance(answer.value, int) else None

    facts = [{"key": key, "question": answers[key].question, "text": answers[key].text,
              "value": answers[key].value, "skipped": answers[key].skipped,
              "label": plan[key].label if key in plan else key, "shown": _shown(answers[key], plan.get(key))}
             for key in CARRIED_FACTS if key in answers]
    actions, number = [], 0
    while f"actions.{number}.what" in answers:
        if given(f"actions.{number}.what"):
            actions.append({"what": given(f"actions.{number}.what"), "owner": given(f"actions.{number}.owner"),
                            "by_when": given(f"actions.{number}.by_when")})
        number += 1
    return {
        "date": in_england(last.created_at).date().isoformat(),
        "kind": last.kind,
        "facts": facts,
        "actions": actions,
        "scale": scale_of(last),
        "patterns": [p.id for p in noticed_patterns(k, answers, last.kind)],
        "themes": S.chosen_themes(k, answers, last.kind),
        "earlier": [{"date": in_england(s.created_at).date().isoformat(), "scale": scale_of(s), "plans": plans_of(s)}
                    for s in sessions],
    }


# ----- what moved ------------------------------------------------------------------------------------

def compare(then: Sequence[str], now: Sequence[str]) -> Tuple[List[str], List[str], List[str]]:
    """(still there, new, gone), each in the order first seen."""
    still = [x for x in now if x in then]
    new = [x for x in now if x not in then]
    gone = [x for x in then if x not in now]
    return still, new, gone


def movement(then: Optional[int], now: Optional[int]) -> str:
    if then is None or now is None:
        return "not comparable"
    if now == then:
        return "no change"
    return f"up {now - then}" if now > then else f"down {then - now}"


def stuck_reason(k: Knowledge, last: Previous) -> Optional[str]:
    """Why the stuck pathway is offered: three or more sessions on the case (this one included) with the
    scale about the same, or plans that keep repeating. None when neither."""
    earlier = last.earlier
    if len(earlier) < 2:
        return None
    scales = [e["scale"] for e in earlier if isinstance(e.get("scale"), int)]
    if len(scales) >= 2 and max(scales) - min(scales) <= FLAT_SCALE:
        return k.prompt("since_flat_scale", count=len(earlier) + 1, scales=", ".join(map(str, scales)))
    plans = [e["plans"] for e in earlier if isinstance(e.get("plans"), int)]
    at_least = k.stuck.lasting_change.previous_plans_at_least
    if plans and (plans[-1] > plans[0] or plans[-1] >= at_least):
        return k.prompt("since_repeating_plans", count=len(earlier) + 1, plans=plans[-1])
    return None


def moved_lines(k: Knowledge, answers: Dict, kind: str) -> List[str]:
    """Before the themes: the audit's patterns then and now, and the themes reflected on last time."""
    from bot.modes.supervision.suggestions import noticed_patterns

    last = previous(answers)
    if last is None:
        return []
    titles = {p.id: p.title for p in k.patterns}
    now = [p.id for p in noticed_patterns(k, answers, kind)]
    still, new, gone = compare(last.patterns, now)

    def named(ids: List[str]) -> str:
        return "; ".join(titles[i] for i in ids if i in titles) or "none"

    themes = "; ".join(k.theme(t).title for t in last.themes if any(x.id == t for x in k.themes)) or "none"
    return [k.prompt("since_moved", date=short_date(last.day), still=named(still), new=named(new),
                     gone=named(gone), themes=themes)]


def scale_then(k: Knowledge, answers: Dict) -> str:
    """Shown with the safety scale question: last time's number."""
    last = previous(answers)
    if last is None or last.scale is None:
        return ""
    return k.prompt("since_scale_then", date=short_date(last.day), scale=last.scale)


def scale_moved(k: Knowledge, answers: Dict, now: Optional[int]) -> Optional[str]:
    """Said when the scale is given: then and now, side by side."""
    last = previous(answers)
    if last is None or last.scale is None or now is None:
        return None
    return k.prompt("since_scale_moved", then=last.scale, now=now, movement=movement(last.scale, now))


def overdue(action: Dict, set_on: date, today: date) -> Optional[date]:
    """The date an action was due by, when that date has passed."""
    due = due_date(action.get("by_when"), set_on)
    return due if due is not None and due < today else None


# ----- the steps (steps.py puts them in the plan) ------------------------------------------------------

class Cycle:
    """What a supervision engine does with the cycle's answers: it recognises the case, copies the facts
    kept, switches to the stuck pathway when asked, and says the scale then and now."""

    def __init__(self, knowledge: Knowledge, store):
        self.knowledge, self.store = knowledge, store

    def recognise(self, db, session) -> None:
        """The case reference was (re)answered: keep a copy of the last saved session on it, or none."""
        marker = session.answer(PREVIOUS_KEY)
        held = snapshot(self.knowledge, self.store.earlier_on_case(db, session))
        if held is None:
            if marker is not None:
                session.answers.remove(marker)
                db.flush()
            return
        day = long_date(date.fromisoformat(held["date"]))
        self.store.save_answer(db, session, PREVIOUS_KEY, "Last supervision on this case",
                               f"Saved on {day}", value=held)

    def answered(self, db, session, key: str, value, answers: Dict) -> List[str]:
        """What follows an answer of the cycle's: facts copied, the pathway switched, the scale compared."""
        k = self.knowledge
        if key == FACTS_KEY:
            last = previous(answers)
            if last is None:
                return []
            changed = set(value or [])
            for number, fact in enumerate(last.facts, 1):
                if number not in changed:
                    self.store.save_answer(db, session, fact["key"], fact["question"], fact["text"],
                                           value=fact["value"], skipped=bool(fact["skipped"]))
            if not changed:
                return [k.prompt("since_facts_kept")]
            items = "; ".join(last.facts[n - 1]["label"] for n in sorted(changed))
            return [k.prompt("since_facts_to_ask", items=items)]
        if key == STUCK_OFFER_KEY and SWITCH in (value or []) and session.kind == "supervision":
            session.kind = "stuck"
            return [k.prompt("switched_to_stuck")]
        if key == "safety.scale":
            moved = scale_moved(k, answers, value if isinstance(value, int) else None)
            return [moved] if moved else []
        return []


def today() -> date:
    """Today in England: what "past its date" is measured against."""
    return today_in_england()


def opening_steps(k: Knowledge, answers: Dict, kind: str) -> list:
    """Straight after the case reference: the offer to start from last time, then its facts to confirm."""
    from bot.modes.supervision import steps as S

    last = previous(answers, started=False)
    if last is None:
        return []
    reference = answers["case.reference"].text if "case.reference" in answers else ""
    count = len(last.actions)
    actions = k.prompt("since_actions_one") if count == 1 else \
        k.prompt("since_actions_many", count=count) if count else k.prompt("since_actions_none")
    then = k.prompt("since_then_short" if kind == S.SHORT else "since_then_full", actions=actions)
    offer = k.prompt("since_offer", case=reference, date=long_date(last.day), ago=ago(last.day, today()), then=then)
    steps = [S.Step(START_KEY, S.CHOICE, offer, "since", "Start from the last supervision",
                    choices=START_CHOICES)]
    if previous(answers) is not None and last.facts and kind != S.SHORT:
        listed = "\n".join(f"{n}. {fact['label']}: {fact['shown']}" for n, fact in enumerate(last.facts, 1))
        steps.append(S.Step(FACTS_KEY, S.FACTS, k.prompt("since_facts", date=short_date(last.day), facts=listed),
                            "since", "Case facts carried over"))
    return steps


def review_steps(k: Knowledge, answers: Dict, kind: str) -> list:
    """Before the themes: each of last time's actions, what got in the way of those not done, and the
    stuck pathway offered when the scale has stayed flat or the plans keep repeating."""
    from bot.modes.supervision import steps as S

    last = previous(answers)
    if last is None:
        return []
    steps = []
    total = len(last.actions)
    for number, action in enumerate(last.actions):
        key = f"{ACTION_PREFIX}{number}"
        what, owner, by_when = (action.get(x) or "not recorded" for x in ("what", "owner", "by_when"))
        prompt = k.prompt("since_action", number=number + 1, total=total, what=what, owner=owner, by_when=by_when)
        if number == 0:
            prompt += " " + k.prompt("since_action_example")
        steps.append(S.Step(key, S.ACTION_REVIEW, prompt, "since", f"Last time's action {number + 1}: what happened"))
        answer = answers.get(key)
        status = None if answer is None or answer.skipped else answer.value
        late = overdue(action, last.day, today())
        if status == NOT_DONE or (status == PARTLY and late is not None):
            prompt = k.prompt("since_in_the_way_late", what=what, by_when=by_when) if late is not None \
                else k.prompt("since_in_the_way", what=what)
            steps.append(S.Step(f"{key}.in_the_way", S.TEXT, prompt, "since",
                                f"Last time's action {number + 1}: what got in the way"))
    reason = stuck_reason(k, last) if kind == "supervision" else None
    if reason is not None or STUCK_OFFER_KEY in answers:
        steps.append(S.Step(STUCK_OFFER_KEY, S.CHOICE, k.prompt("since_stuck_offer", why=reason or ""), "since",
                            "Stuck pathway offered", choices=STUCK_CHOICES))
    return steps
