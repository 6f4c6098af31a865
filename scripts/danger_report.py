"""Danger recall and false alarms on the held-out set, in every context, through the real core.

    python scripts/danger_report.py [--out results]      (make evaluate runs it)

Each held-out sentence (tests/danger/heldout.yml, written apart from the
training sentences in knowledge/danger_sentences.yml) is typed:
- outside a session (what components/danger.py does before the rules route it);
- as the answer to a free-text question;
- inside a yes/no answer ("no - <sentence>");
- inside a number answer ("3, <sentence>");
- at the stuck pathway's history prompt;
and the reply is read: the urgent reply (clear danger), the short check
"Is a child in danger right now?" (possible danger), or neither.

Recall counts an urgent sentence that got either; a false alarm is a
non-urgent sentence that got the urgent reply (clear level) or the check.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

import yaml
from sqlalchemy import delete

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.supervision import SupervisionEngine  # noqa: E402
from bot.danger import CLEAR, POSSIBLE, danger_check  # noqa: E402
from bot.knowledge import Knowledge, load_knowledge  # noqa: E402
from bot.storage import Answer, SessionNote, Store, make_engine  # noqa: E402
from bot.text_input import Incoming  # noqa: E402

HELDOUT = ROOT / "tests" / "danger" / "heldout.yml"
RECALL_TARGET = 0.98
CLEAR_FALSE_ALARM_LIMIT = 0.05

# context -> (how the sentence is typed, the step it is typed at, or None outside a session)
CONTEXTS: Dict[str, Tuple[str, Optional[str]]] = {
    "outside_session": ("{}", None),
    "free_text_answer": ("{}", "details.worker"),
    "yes_no_answer": ("no - {}", "case.father_involved"),
    "number_answer": ("3, {}", "case.age"),
    "history_prompt": ("{}", "chronology.entries"),
}
# Answers that take a session to each step above (invented).
LEAD_IN = {
    "details.worker": "Sam Example", "details.supervisor": "Alex Sample", "case.reference": "TEST-0009",
    "case.age": "6", "case.previous_plans": "0", "case.category": "Neglect", "case.concerns": "neglect",
    "case.agencies": "school",
}


def heldout(path: Path = HELDOUT) -> Dict[str, Dict[str, List[str]]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


class CoreProbe:
    """One session held at a step: each sentence is answered there, read, then undone."""

    def __init__(self, knowledge: Knowledge, folder: Path, step_key: str):
        self.core = SupervisionEngine(knowledge, Store(make_engine(f"sqlite:///{folder / 'probe.db'}")), folder)
        self.sender = f"probe-{step_key}"
        self.core.start(self.sender, "stuck" if step_key.startswith("chronology") else "supervision")
        for _ in range(40):
            step = self.core.current_step(self.sender)
            if step.key == step_key:
                break
            self.core.handle(self.sender, Incoming(LEAD_IN.get(step.key, "yes")))
        else:
            raise RuntimeError(f"could not reach {step_key}")
        self.step_key = step_key

    def level(self, text: str) -> Optional[str]:
        replies = self.core.handle(self.sender, Incoming(text)).replies  # with the next question
        said = "\n".join(r.text for r in replies)
        knowledge = self.core.knowledge
        level = CLEAR if knowledge.urgent.heading in said else POSSIBLE if knowledge.urgent.check_question in said \
            else None
        self._undo()
        return level

    def _undo(self) -> None:
        with self.core.store.transaction() as db:
            session = self.core.store.current(db, self.sender)
            db.execute(delete(SessionNote).where(SessionNote.session_id == session.id))
            db.execute(delete(Answer).where(Answer.session_id == session.id, Answer.step_key == self.step_key))
            session.stop_changing()


def evaluate(knowledge: Knowledge, sentences: Dict[str, Dict[str, List[str]]],
             contexts: Dict[str, Tuple[str, Optional[str]]] = CONTEXTS) -> Dict:
    check = danger_check(knowledge)
    report: Dict = {"contexts": {}, "targets": {"recall_at_least": RECALL_TARGET,
                                                "clear_false_alarms_at_most": CLEAR_FALSE_ALARM_LIMIT}}
    with tempfile.TemporaryDirectory() as folder:
        for name, (typed, step_key) in contexts.items():
            if step_key is None:
                level: Callable[[str], Optional[str]] = lambda text: check.read(text).level  # noqa: E731
            else:
                probe_dir = Path(folder) / name
                probe_dir.mkdir()
                level = CoreProbe(knowledge, probe_dir, step_key).level
            report["contexts"][name] = _score(sentences, lambda s: level(typed.format(s)))
    report["passes"] = all(c["recall"] >= RECALL_TARGET and c["clear_false_alarm_rate"] <= CLEAR_FALSE_ALARM_LIMIT
                           for c in report["contexts"].values())
    return report


def _score(sentences: Dict[str, Dict[str, List[str]]], level: Callable[[str], Optional[str]]) -> Dict:
    groups: Dict[str, Dict] = defaultdict(lambda: {"n": 0, "hit": 0, "clear": 0, "possible": 0})
    missed: List[str] = []
    alarms: List[Tuple[str, str]] = []
    for side in ("urgent", "not_urgent"):
        for group, texts in sentences[side].items():
            for text in texts:
                found = level(text)
                tally = groups[f"{side}.{group}"]
                tally["n"] += 1
                tally["clear"] += found == CLEAR
                tally["possible"] += found == POSSIBLE
                tally["hit"] += found is not None
                if side == "urgent" and found is None:
                    missed.append(text)
                if side == "not_urgent" and found is not None:
                    alarms.append((found, text))
    urgent = [g for k, g in groups.items() if k.startswith("urgent.")]
    calm = [g for k, g in groups.items() if k.startswith("not_urgent.")]
    n_urgent, n_calm = sum(g["n"] for g in urgent), sum(g["n"] for g in calm)
    return {
        "urgent_sentences": n_urgent,
        "non_urgent_sentences": n_calm,
        "recall": round(sum(g["hit"] for g in urgent) / n_urgent, 4),
        "clear_recall": round(sum(g["clear"] for g in urgent) / n_urgent, 4),
        "clear_false_alarm_rate": round(sum(g["clear"] for g in calm) / n_calm, 4),
        "check_false_alarm_rate": round(sum(g["possible"] for g in calm) / n_calm, 4),
        "groups": {k: {"n": g["n"], "rate": round(g["hit"] / g["n"], 4), "clear": g["clear"],
                       "possible": g["possible"]} for k, g in sorted(groups.items())},
        "missed": missed,
        "false_alarms": [{"level": lvl, "text": t} for lvl, t in alarms],
    }


def per_message_cost(knowledge: Knowledge, rounds: int = 300) -> float:
    """Milliseconds for one reading of a typical long answer."""
    check = danger_check(knowledge)
    text = ("We have had three plans now and I keep wondering whether we are drifting. Mum says things are "
            "better but school are still worried about attendance and the children look tired on Mondays.")
    check.read(text)
    start = time.perf_counter()
    for _ in range(rounds):
        check.read(text)
    return round((time.perf_counter() - start) * 1000 / rounds, 2)


def summary(report: Dict) -> str:
    lines = ["context              recall  (clear)  urgent-reply false alarms  check false alarms"]
    for name, c in report["contexts"].items():
        lines.append(f"{name:<20} {c['recall']:.3f}   ({c['clear_recall']:.3f})  "
                     f"{c['clear_false_alarm_rate']:.3f}                      {c['check_false_alarm_rate']:.3f}")
    lines.append(f"targets: recall >= {RECALL_TARGET} in every context; urgent-reply false alarms <= "
                 f"{CLEAR_FALSE_ALARM_LIMIT}. {'Met.' if report['passes'] else 'NOT MET.'}")
    if "ms_per_message" in report:
        lines.append(f"cost: {report['ms_per_message']} ms per message")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(ROOT / "results"))
    args = parser.parse_args()
    knowledge = load_knowledge(ROOT / "knowledge")
    report = evaluate(knowledge, heldout())
    report["ms_per_message"] = per_message_cost(knowledge)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "danger.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    (out / "danger.txt").write_text(summary(report) + "\n", encoding="utf-8")
    print(summary(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
