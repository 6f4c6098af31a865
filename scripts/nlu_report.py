"""Summarise `make evaluate`: held-out and cross-validation F1 side by side, against their aims.

    python scripts/nlu_report.py results/nlu-paraphrases results/nlu-cross-validation

The held-out paraphrases (tests/nlu/paraphrases.yml) are written unlike the
training data, so they show how the model copes with new wording. 5-fold
cross-validation over data/nlu shows whether the training data is consistent:
a low figure there means examples of one intent read like another's. Both are
needed: adding look-alike examples can raise one while lowering the other.
Writes results/nlu-summary.md and prints it.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Dict, Optional

AIMS = {"held-out paraphrases": 0.95, "5-fold cross-validation": 0.92}
WEAKEST = 8  # intents listed, weakest first


def report(folder: Path) -> Dict:
    return json.loads((folder / "intent_report.json").read_text())


def entity_f1(folder: Path) -> Optional[float]:
    """DIET's weighted entity F1, when the run wrote DIET's report."""
    path = folder / "DIETClassifier_report.json"
    return json.loads(path.read_text())["weighted avg"]["f1-score"] if path.exists() else None


def describe(folder: Path) -> str:
    return "5-fold cross-validation" if "cross" in folder.name else "held-out paraphrases"


def per_intent(data: Dict) -> Dict[str, float]:
    return {name: row["f1-score"] for name, row in data.items()
            if isinstance(row, dict) and "f1-score" in row and not name.endswith(" avg")}


def summary(folders) -> str:
    reports = {describe(Path(f)): report(Path(f)) for f in folders}
    names = list(reports)
    lines = ["# NLU evaluation", "", "| | " + " | ".join(names) + " |", "| --- |" + " --- |" * len(names)]
    cells = []
    for name in names:
        f1 = reports[name]["weighted avg"]["f1-score"]
        aim = AIMS[name]
        cells.append(f"{f1:.3f} ({'meets' if f1 >= aim else 'below'} the {aim} aim)")
    lines.append("| weighted intent F1 | " + " | ".join(cells) + " |")
    lines.append("| examples | " + " | ".join(str(reports[n]["weighted avg"]["support"]) for n in names) + " |")
    entities = {describe(Path(f)): entity_f1(Path(f)) for f in folders}
    lines.append("| entity F1 (theme, toolkit; DIET) | " + " | ".join(
        "-" if entities[n] is None else f"{entities[n]:.3f}" for n in names) + " |")
    scores = {n: per_intent(reports[n]) for n in names}
    intents = sorted(set().union(*scores.values()), key=lambda i: min(s.get(i, 1.0) for s in scores.values()))
    lines += ["", "Weakest intents (F1):", "", "| intent | " + " | ".join(names) + " |",
              "| --- |" + " --- |" * len(names)]
    for intent in intents[:WEAKEST]:
        lines.append(f"| {intent} | " + " | ".join(
            f"{scores[n][intent]:.3f}" if intent in scores[n] else "-" for n in names) + " |")
    return "\n".join(lines) + "\n"


def main(folders) -> int:
    text = summary(folders)
    Path("results").mkdir(exist_ok=True)
    Path("results/nlu-summary.md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
