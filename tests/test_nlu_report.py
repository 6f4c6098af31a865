"""scripts/nlu_report.py: held-out and cross-validation F1 side by side, from Rasa's reports."""
import json

from scripts import nlu_report


def fake_report(folder, weighted, intents):
    folder.mkdir(parents=True)
    data = {name: {"f1-score": f1, "support": 10} for name, f1 in intents.items()}
    data["weighted avg"] = {"f1-score": weighted, "support": 10 * len(intents)}
    data["macro avg"] = {"f1-score": weighted, "support": 10 * len(intents)}
    (folder / "intent_report.json").write_text(json.dumps(data))
    return folder


def test_both_figures_side_by_side_against_their_aims(tmp_path, monkeypatch):
    held_out = fake_report(tmp_path / "nlu-paraphrases", 0.978, {"greet": 1.0, "affirm": 0.9})
    cross = fake_report(tmp_path / "nlu-cross-validation", 0.91, {"greet": 0.95, "affirm": 0.8})
    (cross / "DIETClassifier_report.json").write_text(json.dumps({"weighted avg": {"f1-score": 0.97}}))
    monkeypatch.chdir(tmp_path)
    nlu_report.main([str(held_out), str(cross)])
    text = (tmp_path / "results" / "nlu-summary.md").read_text()
    assert "| | held-out paraphrases | 5-fold cross-validation |" in text
    assert "| weighted intent F1 | 0.978 (meets the 0.95 aim) | 0.910 (below the 0.92 aim) |" in text
    assert "| entity F1 (theme, toolkit; DIET) | - | 0.970 |" in text  # only the run that wrote DIET's report
    rows = [line for line in text.splitlines() if line.startswith("| affirm") or line.startswith("| greet")]
    assert rows == ["| affirm | 0.900 | 0.800 |", "| greet | 1.000 | 0.950 |"]  # weakest first
