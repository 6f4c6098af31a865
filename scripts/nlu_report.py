"""Summarise `make evaluate`: weighted intent F1 per report, against the 0.95 aim.

    python scripts/nlu_report.py results/nlu-paraphrases results/nlu-cross-validation
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

AIM = 0.95


def weighted_f1(folder: Path) -> float:
    report = json.loads((folder / "intent_report.json").read_text())
    return report["weighted avg"]["f1-score"]


def main(folders) -> int:
    lines = ["# NLU evaluation", ""]
    for folder in map(Path, folders):
        f1 = weighted_f1(folder)
        lines.append(f"- {folder.name}: weighted intent F1 {f1:.3f} ({'meets' if f1 >= AIM else 'below'} the {AIM} aim)")
    summary = "\n".join(lines) + "\n"
    Path("results/nlu-summary.md").write_text(summary)
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
