"""How the danger check does on the held-out sets, in every context, through the real core.

    python scripts/danger_report.py [--out results] [--heldout PATH ...]      (make evaluate runs it)

Each file (by default every set in tests/danger/ but dev.yml, newest first: SETS below, each written by other
hands apart from the training sentences in knowledge/danger_sentences.yml; a file not there yet is skipped and said
so) is typed, and the report says which were tuned on. All are development sets now: dev.yml, heldout.yml and
people.yml were looked at while choosing the check's guards, concepts and thresholds; every set from final.yml on
was measured once as held out (the first on 2026-12-03; README, "How the danger check was measured") and its misses
were then fixed as kinds. Each such file's header keeps its one honest measurement (neither reply, urgent reply
first, the check on reflective sentences, the urgent reply on them), and the README's table lists them all.
A new held-out set, written by other hands, is needed for an honest figure: name it with --heldout and it is
reported as held out.

Each sentence is typed in every context:
- outside a session (what components/danger.py does before the rules route it);
- as the first answer of a session (the practitioner's name is asked first);
- as the answer to a free-text question mid-session, and to a theme question;
- inside a yes/no answer ("no - <sentence>") and a number answer ("3, <sentence>");
- at the stuck pathway's history prompt;
and the reply is read: the urgent reply (clear danger), the short check
"Is a child in danger right now?" (possible danger), or neither.

For each file and context, overall and for each kind of danger: urgent
messages that got neither (target 0), urgent help first (at least 95%), checks
on reflective sentences (at most 5%) and urgent replies on them (at most 1 in 14).
Written to results/danger.json and results/danger.md.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from functools import partial
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

import yaml
from sqlalchemy import delete, update

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.modes.supervision.supervision import SupervisionEngine  # noqa: E402
from bot.safety.danger import CLEAR, POSSIBLE, danger_check  # noqa: E402
from bot.content.knowledge import Knowledge, load_knowledge  # noqa: E402
from bot.storage.store import Answer, SessionNote, Store, SupervisionSession, make_engine  # noqa: E402
from bot.reading.text_input import Incoming  # noqa: E402

HELDOUT = ROOT / "tests" / "danger" / "heldout.yml"
FINAL = ROOT / "tests" / "danger" / "final.yml"
# Every set written by other hands, in the order they were written: add a new one at the end. make evaluate reads
# them newest first; all are development sets now (tuned on), and a file named with --heldout that is not here is
# reported as held out.
SETS = ("heldout.yml", "people.yml", "final.yml", "second.yml", "third.yml", "fourth.yml", "fifth.yml", "sixth.yml",
        "seventh.yml", "eighth.yml", "ninth.yml", "tenth.yml", "eleventh.yml", "twelfth.yml", "thirteenth.yml",
        "fourteenth.yml", "fifteenth.yml", "sixteenth.yml", "seventeenth.yml", "eighteenth.yml", "nineteenth.yml",
        "twentieth.yml", "twentyfirst.yml", "twentysecond.yml", "twentythird.yml", "twentyfourth.yml",
        "twentyfifth.yml", "twentysixth.yml", "twentyseventh.yml", "twentyeighth.yml", "twentyninth.yml",
        "thirtieth.yml", "thirtyfirst.yml", "thirtysecond.yml", "thirtythird.yml", "thirtyfourth.yml",
        "thirtyfifth.yml", "thirtysixth.yml", "thirtyseventh.yml", "thirtyeighth.yml",
        "thirtyninth.yml", "fortieth.yml", "fortyfirst.yml", "fortysecond.yml", "fortythird.yml", "fortyfourth.yml",
        "fortyfifth.yml", "fortysixth.yml", "fortyseventh.yml", "fortyeighth.yml",
        "fortyninth.yml", "fiftieth.yml", "fiftyfirst.yml", "fiftysecond.yml", "fiftythird.yml", "fiftyfourth.yml",
        "fiftyfifth.yml", "fiftysixth.yml", "fiftyseventh.yml", "fiftyeighth.yml",
        "fiftyninth.yml", "sixtieth.yml", "sixtyfirst.yml", "sixtysecond.yml", "sixtythird.yml", "sixtyfourth.yml",
        "sixtyfifth.yml", "sixtysixth.yml", "sixtyseventh.yml", "sixtyeighth.yml",
        "sixtyninth.yml", "seventieth.yml", "seventyfirst.yml", "seventysecond.yml", "seventythird.yml",
        "seventyfourth.yml", "seventyfifth.yml", "seventysixth.yml", "seventyseventh.yml",
        "seventyeighth.yml", "seventyninth.yml", "eightieth.yml", "eightyfirst.yml", "eightysecond.yml",
        "eightythird.yml", "eightyfourth.yml", "eightyfifth.yml", "eightysixth.yml",
        "eightyseventh.yml", "eightyeighth.yml", "eightyninth.yml", "ninetieth.yml", "ninetyfirst.yml",
        "ninetysecond.yml", "ninetythird.yml", "ninetyfourth.yml", "ninetyfifth.yml", "ninetysixth.yml",
        "ninetyseventh.yml", "ninetyeighth.yml")
DEFAULT_FILES = tuple(ROOT / "tests" / "danger" / name for name in reversed(SETS))
# Files the check was tuned on (looked at while choosing its guards, concepts and thresholds): not held out.
DEVELOPMENT_SETS = ("dev.yml",) + SETS


def role(name: str) -> str:
    """How a file was used: a development set (tuned on) or held out (never looked at while tuning)."""
    return "development set (tuned on)" if name in DEVELOPMENT_SETS else "held out (never tuned on)"
MISSED_TARGET = 0  # urgent messages that got neither the urgent reply nor the check
URGENT_FIRST_TARGET = 0.95  # urgent messages that got the urgent reply first
CHECK_ON_CALM_LIMIT = 0.05  # reflective (not_urgent) sentences that got the check
URGENT_ON_CALM_LIMIT = 1 / 14  # reflective sentences that got the urgent reply
# Kept for the older gate in tests/test_danger.py: any reply on an urgent sentence, urgent reply on a calm one.
RECALL_TARGET = 1.0
CLEAR_FALSE_ALARM_LIMIT = URGENT_ON_CALM_LIMIT

# context -> (how the sentence is typed, the step it is typed at, or None outside a session)
CONTEXTS: Dict[str, Tuple[str, Optional[str]]] = {
    "outside_session": ("{}", None),
    "first_answer": ("{}", "details.worker"),
    "free_text_answer": ("{}", "mapping.worried"),
    "theme_answer": ("{}", "theme."),  # the first question of the first theme chosen
    "yes_no_answer": ("no - {}", "case.father_involved"),
    "number_answer": ("3, {}", "case.age"),
    "history_prompt": ("{}", "chronology.entries"),
}
# Answers that take a session to each step above (invented).
LEAD_IN = {
    "details.worker": "Sam Example", "details.supervisor": "Alex Sample", "case.reference": "TEST-0009",
    "case.age": "6", "case.previous_plans": "0", "case.category": "Neglect", "case.concerns": "neglect",
    "case.agencies": "school", "themes.choice": "1",
}


def heldout(path: Path = HELDOUT) -> Dict[str, Dict[str, List[str]]]:
    """One held-out file: {"urgent": {kind: [sentences]}, "not_urgent": {kind: [sentences]}}."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return {side: dict(data.get(side) or {}) for side in ("urgent", "not_urgent")}


class CoreProbe:
    """One session held at a step: each sentence is answered there, read, then undone.

    `reader`, if given, is the danger level of a typed text, handed to the core with the message as Rasa's NLU
    hands it in the running assistant (components/danger.py reads each message once and the core uses that level);
    without it the core reads the message itself (bot/reading/reading.py), with the same result.
    """

    def __init__(self, knowledge: Knowledge, folder: Path, step_key: str,
                 reader: Optional[Callable[[str], Optional[str]]] = None):
        self.reader = reader
        self.core = SupervisionEngine(knowledge, Store(make_engine(f"sqlite:///{folder / 'probe.db'}")), folder)
        self.sender = f"probe-{step_key}"
        self.core.start(self.sender, "stuck" if step_key.startswith("chronology") else "supervision")
        for _ in range(60):
            step = self.core.current_step(self.sender)
            if step.key == step_key or (step_key.endswith(".") and step.key.startswith(step_key)):
                step_key = step.key
                break
            self.core.handle(self.sender, Incoming(LEAD_IN.get(step.key, "yes")))
        else:
            raise RuntimeError(f"could not reach {step_key}")
        self.step_key = step_key
        self.session_id: Optional[str] = None

    def level(self, text: str) -> Optional[str]:
        message = Incoming(text) if self.reader is None else \
            Incoming(text, danger_level=self.reader(text), danger_read=True)
        replies = self.core.handle(self.sender, message).replies  # with the next question
        said = "\n".join(r.text for r in replies)
        knowledge = self.core.knowledge
        level = CLEAR if knowledge.urgent.heading in said else POSSIBLE if knowledge.urgent.check_question in said \
            else None
        self._undo()
        return level

    def _undo(self) -> None:
        """The session as it was before the sentence: its answer and notes gone, back to the plan."""
        with self.core.store.transaction() as db:
            if self.session_id is None:
                self.session_id = self.core.store.current(db, self.sender).id
            db.execute(delete(SessionNote).where(SessionNote.session_id == self.session_id))
            db.execute(delete(Answer).where(Answer.session_id == self.session_id, Answer.step_key == self.step_key))
            db.execute(update(SupervisionSession).where(SupervisionSession.id == self.session_id)
                       .values(choosing_change=False, changing_step=None))  # as stop_changing() does


def levels(knowledge: Knowledge, folder: Path, contexts: Dict[str, Tuple[str, Optional[str]]] = CONTEXTS,
           clear_through_core: bool = True) -> Dict[str, Callable[[str], Optional[str]]]:
    """For each context, a function from a sentence to what the practitioner was shown there.

    Each typed text is read for danger once and the level shared between contexts that type the same text (five
    of the seven type the sentence as it is), as the running assistant reads each message once.

    With `clear_through_core` False, a typed text read as clear danger is taken as shown the urgent reply without
    its turn through the core: the core gives clear danger the urgent reply first in every mode, whatever the mode
    made of the message (bot/modes/common.py, `_urgent_first`), and that rule is itself tested through the real core
    in every context on whole sets (tests/test_danger.py). Everything else still goes through the core, where a
    mode decides whether to ask "Is a child in danger right now?". make evaluate sends every text through the core.
    """
    check = danger_check(knowledge)
    read: Dict[str, Optional[str]] = {}

    def level_of(text: str) -> Optional[str]:
        if text not in read:
            read[text] = check.read(text).level
        return read[text]

    found: Dict[str, Callable[[str], Optional[str]]] = {}
    for name, (typed, step_key) in contexts.items():
        if step_key is None:
            found[name] = lambda text, typed=typed: level_of(typed.format(text))
        else:
            probe_dir = Path(folder) / name
            probe_dir.mkdir(parents=True, exist_ok=True)
            probe = CoreProbe(knowledge, probe_dir, step_key, reader=level_of)
            found[name] = partial(_shown_at, probe, typed, level_of, clear_through_core)
    return found


def _shown_at(probe: CoreProbe, typed: str, level_of: Callable[[str], Optional[str]], clear_through_core: bool,
              text: str) -> Optional[str]:
    """What the practitioner was shown for `text` typed as `typed` at the probe's step."""
    if not clear_through_core and level_of(typed.format(text)) == CLEAR:
        return CLEAR
    return probe.level(typed.format(text))


def evaluate(knowledge: Knowledge, sentences: Dict[str, Dict[str, List[str]]],
             contexts: Dict[str, Tuple[str, Optional[str]]] = CONTEXTS) -> Dict:
    """One held-out set in every context: the figures and whether each target is met."""
    report: Dict = {"contexts": {}}
    with tempfile.TemporaryDirectory() as folder:
        for name, level in levels(knowledge, Path(folder), contexts).items():
            report["contexts"][name] = _score(sentences, level)
    report["passes"] = all(meets_targets(c) for c in report["contexts"].values())
    return report


def meets_targets(c: Dict) -> bool:
    return (c["missed_count"] <= MISSED_TARGET and c["urgent_first"] >= URGENT_FIRST_TARGET
            and c["check_on_calm"] <= CHECK_ON_CALM_LIMIT and c["urgent_on_calm"] <= URGENT_ON_CALM_LIMIT)


def _score(sentences: Dict[str, Dict[str, List[str]]], level: Callable[[str], Optional[str]]) -> Dict:
    groups: Dict[str, Dict] = defaultdict(lambda: {"n": 0, "clear": 0, "possible": 0, "neither": 0})
    missed: List[str] = []
    alarms: List[Tuple[str, str]] = []
    for side in ("urgent", "not_urgent"):
        for group, texts in (sentences.get(side) or {}).items():
            for text in texts:
                found = level(text)
                tally = groups[f"{side}.{group}"]
                tally["n"] += 1
                tally["clear"] += found == CLEAR
                tally["possible"] += found == POSSIBLE
                tally["neither"] += found is None
                if side == "urgent" and found is None:
                    missed.append(text)
                if side == "not_urgent" and found is not None:
                    alarms.append((found, text))
    urgent = [g for k, g in groups.items() if k.startswith("urgent.")]
    calm = [g for k, g in groups.items() if k.startswith("not_urgent.")]
    n_urgent, n_calm = sum(g["n"] for g in urgent), sum(g["n"] for g in calm)

    def rate(count: int, n: int) -> float:
        return round(count / n, 4) if n else 0.0
    return {
        "urgent_sentences": n_urgent,
        "non_urgent_sentences": n_calm,
        "missed_count": len(missed),
        "recall": rate(n_urgent - len(missed), n_urgent),  # the urgent reply or the check
        "urgent_first": rate(sum(g["clear"] for g in urgent), n_urgent),
        "check_on_calm": rate(sum(g["possible"] for g in calm), n_calm),
        "urgent_on_calm": rate(sum(g["clear"] for g in calm), n_calm),
        "clear_recall": rate(sum(g["clear"] for g in urgent), n_urgent),  # older names, same figures
        "clear_false_alarm_rate": rate(sum(g["clear"] for g in calm), n_calm),
        "check_false_alarm_rate": rate(sum(g["possible"] for g in calm), n_calm),
        "kinds": {k: dict(g) for k, g in sorted(groups.items())},
        "missed": missed,
        "false_alarms": [{"level": lvl, "text": t} for lvl, t in alarms],
    }


def per_message_cost(knowledge: Knowledge, rounds: int = 300, text: str = "") -> float:
    """Milliseconds for one reading of a message (by default a typical long answer)."""
    check = danger_check(knowledge)
    text = text or ("We have had three plans now and I keep wondering whether we are drifting. Mum says things are "
                    "better but school are still worried about attendance and the children look tired on Mondays.")
    check.read(text)
    start = time.process_time()  # this process's own time: others' work on a shared machine does not count
    for _ in range(rounds):
        check.read(text)
    return round((time.process_time() - start) * 1000 / rounds, 2)


def summary(reports: Dict[str, Dict], ms: Optional[Dict[str, float]] = None) -> str:
    """A short markdown report: each file, each context, then each kind (over all contexts)."""
    lines = ["# Danger check on the development and held-out sets", "",
             f"Targets: urgent messages with neither the urgent reply nor the check: {MISSED_TARGET}; urgent reply "
             f"first on at least {URGENT_FIRST_TARGET:.0%} of urgent messages; the check on at most "
             f"{CHECK_ON_CALM_LIMIT:.0%} of reflective sentences; the urgent reply on at most 1 in 14 of them.", ""]
    for name, report in reports.items():
        lines += [f"## {name}: {role(name)}", "",
                  "| context | neither | urgent first | check on reflective | urgent on reflective | met |",
                  "|---|---|---|---|---|---|"]
        for context, c in report["contexts"].items():
            lines.append(f"| {context} | {c['missed_count']} of {c['urgent_sentences']} | {c['urgent_first']:.1%} | "
                         f"{c['check_on_calm']:.1%} | {c['urgent_on_calm']:.1%} | "
                         f"{'yes' if meets_targets(c) else 'NO'} |")
        lines += ["", "| kind | n | urgent reply | check | neither |", "|---|---|---|---|---|"]
        kinds: Dict[str, Dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for c in report["contexts"].values():
            for kind, g in c["kinds"].items():
                for key, value in g.items():
                    kinds[kind][key] += value
        for kind, g in kinds.items():
            lines.append(f"| {kind} | {g['n']} | {g['clear']} | {g['possible']} | {g['neither']} |")
        lines.append("")
    if ms:
        lines.append("Processor time to read one message: " + ", ".join(f"{k} {v} ms" for k, v in ms.items()) + ".")
    return "\n".join(lines) + "\n"


def reading_costs(knowledge: Knowledge) -> Dict[str, float]:
    """Milliseconds to read a typical answer, a 1,000-character message and a 20,000-character one."""
    reflective = ("We have had three plans now and I keep wondering whether we are drifting, mum says things are "
                  "better but school are still worried about attendance and the children look tired on Mondays. ")
    return {"typical": per_message_cost(knowledge),
            "1,000 characters": per_message_cost(knowledge, 50, (reflective * 6)[:1000]),
            "20,000 characters": per_message_cost(knowledge, 3, (reflective * 110)[:20_000])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(ROOT / "results"))
    parser.add_argument("--heldout", action="append", type=Path,
                        help="a file to measure (repeat for more); default: every set in tests/danger/ but "
                             "dev.yml, newest first (about seven minutes)")
    args = parser.parse_args()
    knowledge = load_knowledge(ROOT / "knowledge")
    reports: Dict[str, Dict] = {}
    for path in args.heldout or DEFAULT_FILES:
        if not path.exists():
            print(f"{path.name}: not there, skipped")
            continue
        reports[path.name] = evaluate(knowledge, heldout(path))
        reports[path.name]["role"] = role(path.name)
    ms = reading_costs(knowledge)
    result = {"files": reports, "ms_per_message": ms, "passes": all(r["passes"] for r in reports.values()),
              "targets": {"missed": MISSED_TARGET, "urgent_first_at_least": URGENT_FIRST_TARGET,
                          "check_on_reflective_at_most": CHECK_ON_CALM_LIMIT,
                          "urgent_on_reflective_at_most": round(URGENT_ON_CALM_LIMIT, 4)}}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    text = summary(reports, ms)
    for name, content in (("danger.json", json.dumps(result, indent=2)), ("danger.md", text)):
        (out / name).write_text(content, encoding="utf-8")
        (out / name).chmod(0o600)  # the held-out sentences are in it: owner-only, as every file made here
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
