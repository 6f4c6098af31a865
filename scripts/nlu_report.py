"""Summarise `make evaluate`: held-out and cross-validation F1 side by side, against their aims.

    python scripts/nlu_report.py results/nlu-paraphrases results/nlu-cross-validation

The held-out paraphrases (tests/nlu/paraphrases.yml) are written unlike the
training data, so they show how the model copes with new wording. 5-fold
cross-validation over data/nlu shows whether the training data is consistent:
a low figure there means examples of one intent read like another's. Both are
needed: adding look-alike examples can raise one while lowering the other.

Entity values as ids: DIET's F1 scores where an entity's words are, not what they
mean. The session acts on a theme's or toolkit's id, so each held-out example that
names one is parsed with the trained model (the whole pipeline: synonyms and
components/named_topic.py) and counted as right only when the value is the id
("father's voice" must come back as voice_of_father). Skipped when the model or the
paraphrases file is missing.
Writes results/nlu-summary.md (and results/nlu-entity-ids.json) and prints the summary.
"""
from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

MODEL = Path("models/assistant.tar.gz")
PARAPHRASES = Path("tests/nlu/paraphrases.yml")

AIMS = {"held-out paraphrases": 0.95, "5-fold cross-validation": 0.92}
WEAKEST = 8  # intents listed, weakest first


def report(folder: Path) -> Dict:
    return json.loads((folder / "intent_report.json").read_text())


ENTITY_REPORTS = ("QuickLoadingDIET_report.json", "DIETClassifier_report.json")  # components/entities.py, or DIET


def entity_f1(folder: Path) -> Optional[float]:
    """DIET's weighted entity F1, when the run wrote DIET's report."""
    for name in ENTITY_REPORTS:
        path = folder / name
        if path.exists():
            return json.loads(path.read_text())["weighted avg"]["f1-score"]
    return None


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


def named_examples(nlu_file: Path) -> List[Tuple[str, List[Tuple[str, str]]]]:
    """(text, [(entity, id)]) for each held-out example that names a theme or toolkit."""
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader
    data = RasaYAMLReader().read(str(nlu_file))
    return [(m.get("text"), sorted({(e["entity"], e["value"]) for e in m.get("entities")}))
            for m in data.training_examples if m.get("entities")]


def model_parser(model: Path) -> Callable[[str], List[Tuple[str, str]]]:
    from rasa.core.agent import Agent
    agent = Agent.load(str(model))
    return lambda text: sorted({(e["entity"], e["value"]) for e in asyncio.run(agent.parse_message(text))["entities"]})


def entity_ids(examples, parse: Callable[[str], List[Tuple[str, str]]]) -> Dict:
    """How many examples came back with exactly the expected ids (each once), and the misses (expected, got)."""
    misses = []
    for text, expected in examples:
        got = parse(text)
        if got != expected:
            misses.append({"expected": expected, "got": got})
    right = len(examples) - len(misses)
    return {"examples": len(examples), "as_ids": right, "share": right / len(examples) if examples else None,
            "misses": misses}


def entity_lines(result: Dict) -> List[str]:
    lines = ["", f"Entity values as ids (held-out examples naming a theme or toolkit): {result['as_ids']} of "
             f"{result['examples']} came back as the id ({result['share']:.3f})."]
    for miss in result["misses"]:
        lines.append(f"- expected {miss['expected']}, got {miss['got']}")
    return lines


def write_private(path: Path, text: str) -> None:
    """Results quote held-out sentences: owner-only, like the other reports."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
    os.chmod(path, 0o600)


def main(folders, parse: Optional[Callable] = None, model: Path = MODEL, nlu_file: Path = PARAPHRASES) -> int:
    text = summary(folders)
    Path("results").mkdir(exist_ok=True)
    if nlu_file.exists() and (parse is not None or model.exists()):
        result = entity_ids(named_examples(nlu_file), parse or model_parser(model))
        write_private(Path("results/nlu-entity-ids.json"), json.dumps(result, indent=2))
        text += "\n".join(entity_lines(result)) + "\n"
    Path("results/nlu-summary.md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
