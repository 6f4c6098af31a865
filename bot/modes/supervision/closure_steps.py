"""The closure check's questions, and where in a session they go (issue 25).

Asked when closing the plan or stepping down is considered (a noticed pattern says so) or when the
practitioner types "closure check": why closure now, how the earlier plans ended beside what was typed
about them, each involved agency's view (and who will ask one not yet asked), the potential for future
harm, the child's view, lasting change, and dissent with the route for it. The words are in
knowledge/closure.yml; reading the answers is closure.py's.
"""
from __future__ import annotations

from typing import Dict, List

from bot.content.knowledge import Knowledge
from bot.modes.supervision import closure as C
from bot.modes.supervision.step import TEXT, Step
from bot.modes.supervision.suggestions import noticed_patterns
from bot.responses import escalation_route, toolkit_links

# What each closure check question asks about: a pattern or theme question on the same topic is not asked again.
CLOSURE_TOPICS = {"reasons": "closure_reasons", "history": "last_plan_ending", "agencies_unknown": "agencies_involved",
                  "future_harm": "da_future_harm", "child": "closure_child", "lasting": "lasting_change",
                  "dissent": "closure_dissent"}
WORKER_AGENCIES = ("other",)  # not an agency to ask: "Other" is whatever was typed


def closure_wanted(k: Knowledge, answers: Dict, kind: str) -> bool:
    """Closing or stepping down is being considered (a noticed pattern says so), or the check was asked for."""
    return C.REQUEST_KEY in answers or any(p.closure_check for p in noticed_patterns(k, answers, kind))


def closure_where_asked(k: Knowledge, answers: Dict, kind: str, steps: List[Step]) -> List[Step]:
    """A closure check asked for by name runs from the question open then; otherwise where planned."""
    request = answers.get(C.REQUEST_KEY)
    if request is None:
        return steps
    check = [s for s in steps if s.section == "closure"] or closure_steps(k, answers, kind)
    rest = [s for s in steps if s.section != "closure"]
    before = (request.value or {}).get("before")
    keys = [s.key for s in rest]
    at = keys.index(before) if before in keys else keys.index("review") if "review" in keys else len(rest)
    return rest[:at] + check + rest[at:]


def closure_steps(k: Knowledge, answers: Dict, kind: str) -> List[Step]:
    """The closure check (knowledge/closure.yml): reasons, earlier plans, each agency, harm, child, dissent."""
    q, label = k.closure.questions, k.closure.labels
    steps = [Step("closure.reasons", TEXT, q.reasons, "closure", label.reasons, topic=CLOSURE_TOPICS["reasons"])]
    earlier = C.earlier_plans(k, answers)
    previous = answers.get("case.previous_plans")
    no_earlier = previous is not None and not previous.skipped and previous.value == 0
    if C.typed_history(k, answers) is not None and earlier:
        steps.append(Step("closure.history", TEXT, q.history_typed, "closure", label.history,
                          topic=CLOSURE_TOPICS["history"], extra=C.beside(k, answers, earlier)))
    elif not no_earlier:
        steps.append(Step("closure.history", TEXT, q.history_asked, "closure", label.history,
                          topic=CLOSURE_TOPICS["history"], extra=C.beside(k, answers, earlier)))
    steps += _agency_view_steps(k, answers)
    concerns = answers.get("case.concerns")
    abuse = concerns is not None and not concerns.skipped and "domestic_abuse" in (concerns.value or [])
    steps += [
        Step("closure.future_harm", TEXT, q.future_harm, "closure", label.future_harm,
             topic=CLOSURE_TOPICS["future_harm"], extra=toolkit_links(k, ["domestic_abuse"]) if abuse else ""),
        Step("closure.child", TEXT, q.child, "closure", label.child, topic=CLOSURE_TOPICS["child"]),
        Step("closure.lasting", TEXT, q.lasting, "closure", label.lasting, topic=CLOSURE_TOPICS["lasting"]),
        Step("closure.dissent", TEXT, q.dissent, "closure", label.dissent, topic=CLOSURE_TOPICS["dissent"],
             extra="\n".join([escalation_route(k)] + C.conference_route(k))),
    ]
    return steps


def involved_agencies(k: Knowledge, answers: Dict):
    """The agencies chosen at "Which agencies are involved?" (not "Other"), in the list's order."""
    answer = answers.get("case.agencies")
    chosen = [] if answer is None or answer.skipped else (answer.value or [])
    return [o for o in k.case_options.agencies if o.id in chosen and o.id not in WORKER_AGENCIES]


def _agency_view_steps(k: Knowledge, answers: Dict) -> List[Step]:
    """Each involved agency's view; "not yet asked" leads to who will ask, and by when."""
    q = k.closure.questions
    steps: List[Step] = []
    agencies = involved_agencies(k, answers)
    for option in agencies:
        key = f"closure.agency.{option.id}"
        steps.append(Step(key, TEXT, q.agency.format(agency=option.label), "closure",
                          f"{option.label}: view on closing"))
        answer = answers.get(key)
        if answer is not None and not answer.skipped and C.stance(k, answer.text) == C.NOT_ASKED:
            steps.append(Step(f"{key}.who", TEXT, q.agency_who.format(agency=option.label), "closure",
                              f"{option.label}: who will ask, and by when"))
    if all(o.id == "social_care" for o in agencies):  # none named, or social care alone
        steps.append(Step("closure.agency.others", TEXT, q.agencies_unknown, "closure",
                          "Other agencies that know the child: view on closing",
                          topic=CLOSURE_TOPICS["agencies_unknown"]))
        answer = answers.get("closure.agency.others")
        if answer is not None and not answer.skipped and C.stance(k, answer.text) == C.NOT_ASKED:
            steps.append(Step("closure.agency.others.who", TEXT,
                              q.agency_who.format(agency="each agency not yet asked"), "closure",
                              "Other agencies: who will ask, and by when"))
    return steps
