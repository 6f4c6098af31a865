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


def test_entity_values_are_reported_as_ids(tmp_path, monkeypatch):
    """An example counts only when the parse gives the theme's or toolkit's id, not the words typed."""
    held_out = fake_report(tmp_path / "nlu-paraphrases", 0.97, {"explain_theme": 0.97})
    nlu = tmp_path / "paraphrases.yml"
    nlu.write_text('version: "3.1"\nnlu:\n- intent: explain_theme\n  examples: |\n'
                   '    - tell me about the [father\'s voice]{"entity": "theme", "value": "voice_of_father"}\n'
                   '    - which [domestic abuse tools]{"entity": "toolkit", "value": "domestic_abuse"} should I use\n'
                   '    - hello there\n')
    parsed = {"tell me about the father's voice": [("theme", "father's voice")],
              "which domestic abuse tools should I use": [("toolkit", "domestic_abuse")]}
    monkeypatch.chdir(tmp_path)
    nlu_report.main([str(held_out)], parse=parsed.__getitem__, nlu_file=nlu)
    text = (tmp_path / "results" / "nlu-summary.md").read_text()
    assert "1 of 2 came back as the id (0.500)" in text
    assert "expected [('theme', 'voice_of_father')], got [('theme', \"father's voice\")]" in text
    saved = json.loads((tmp_path / "results" / "nlu-entity-ids.json").read_text())
    assert saved["as_ids"] == 1 and saved["examples"] == 2
    assert (tmp_path / "results" / "nlu-entity-ids.json").stat().st_mode & 0o077 == 0
