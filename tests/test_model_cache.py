"""bot/reading/model_cache.py: a trained model kept on disk, loaded by the next process instead of trained."""
import os
import stat
from pathlib import Path

import pytest

from bot.config import Settings
from bot.reading import model_cache
from bot.reading.ngram_model import NgramModel, NgramSettings

TEXTS = ["hello there", "hi", "good morning", "bye for now", "see you later", "goodbye"]
LABELS = [1, 1, 1, 0, 0, 0]
SETTINGS = NgramSettings(C=4.0)


def trainings(monkeypatch) -> list:
    """Counts the models actually trained (not loaded)."""
    trained = []
    real = NgramModel.train.__func__

    def counting(cls, *args, **kwargs):
        trained.append(1)
        return real(cls, *args, **kwargs)

    monkeypatch.setattr(NgramModel, "train", classmethod(counting))
    return trained


def test_the_second_process_loads_the_same_model_instead_of_training(tmp_path, monkeypatch):
    trained = trainings(monkeypatch)
    first = model_cache.trained(TEXTS, LABELS, SETTINGS, tmp_path / "models")
    second = model_cache.trained(TEXTS, LABELS, SETTINGS, tmp_path / "models")
    assert len(trained) == 1
    for text in TEXTS + ["hello and goodbye", ""]:
        assert second.probabilities(text) == pytest.approx(first.probabilities(text), abs=1e-12)
    kept = list((tmp_path / "models").iterdir())
    assert len(kept) == 1 and kept[0].name.startswith("ngram-")
    assert stat.S_IMODE((tmp_path / "models").stat().st_mode) == 0o700
    assert not any(p.name.startswith(".partial") for p in (tmp_path / "models").iterdir())


@pytest.mark.parametrize("change", ["a text", "a label", "a setting"])
def test_any_change_in_what_decides_the_model_trains_a_new_one(tmp_path, monkeypatch, change):
    trained = trainings(monkeypatch)
    model_cache.trained(TEXTS, LABELS, SETTINGS, tmp_path)
    texts, labels, settings = list(TEXTS), list(LABELS), SETTINGS
    if change == "a text":
        texts[0] = "hello there!"
    elif change == "a label":
        labels[0] = 0
    else:
        settings = NgramSettings(C=5.0)
    changed = model_cache.trained(texts, labels, settings, tmp_path)
    assert len(trained) == 2
    assert changed.probabilities(texts[0]) == pytest.approx(NgramModel.train(texts, labels, settings)
                                                            .probabilities(texts[0]), abs=1e-12)


def test_a_damaged_kept_model_is_trained_again_and_replaced(tmp_path, monkeypatch):
    model_cache.trained(TEXTS, LABELS, SETTINGS, tmp_path)
    (kept,) = tmp_path.iterdir()
    (kept / "ngram_model.npz").write_bytes(b"not a model")
    trained = trainings(monkeypatch)
    model = model_cache.trained(TEXTS, LABELS, SETTINGS, tmp_path)
    assert len(trained) == 1
    assert model.probabilities("hello")[1] > 0.5
    model_cache.trained(TEXTS, LABELS, SETTINGS, tmp_path)
    assert len(trained) == 1  # the replacement is read


def test_a_folder_others_can_write_to_is_not_used(tmp_path, monkeypatch):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    trained = trainings(monkeypatch)
    model_cache.trained(TEXTS, LABELS, SETTINGS, shared)
    model_cache.trained(TEXTS, LABELS, SETTINGS, shared)
    assert len(trained) == 2 and not list(shared.iterdir())


def test_only_the_most_recently_used_models_are_kept(tmp_path):
    for n in range(model_cache.KEEP + 3):
        model_cache.trained(TEXTS, LABELS, NgramSettings(C=1.0 + n), tmp_path)
    assert len(list(tmp_path.glob("ngram-*"))) == model_cache.KEEP


def test_the_folder_is_read_from_the_settings_and_can_be_turned_off(tmp_path):
    assert Settings.from_env({}).model_cache_dir == Path(model_cache.__file__).parents[2] / ".cache" / "models"
    assert Settings.from_env({"MODEL_CACHE_DIR": str(tmp_path)}).model_cache_dir == tmp_path
    assert Settings.from_env({"MODEL_CACHE_DIR": "off"}).model_cache_dir is None


def test_the_danger_check_keeps_its_model_and_a_new_process_reads_the_same(tmp_path):
    """Run as a user's process would: two fresh interpreters, the second loads what the first kept."""
    import subprocess
    import sys
    script = ("import time; from bot.content.knowledge import cached_knowledge; from bot.config import Settings;"
              "from bot.safety.danger import danger_check;"
              "check = danger_check(cached_knowledge(str(Settings.from_env().knowledge_dir)));"
              "import sys; print(round(check.scores(['my baby is floppy and grey and wont wake'])[0], 9),"
              "'trained' if 'sklearn.linear_model' in sys.modules else 'loaded')")
    env = {**os.environ, "MODEL_CACHE_DIR": str(tmp_path)}
    root = Path(model_cache.__file__).parents[2]
    def run() -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", script], env=env, cwd=root, capture_output=True, text=True,
                              check=True)

    first = run()
    kept = list(tmp_path.glob("ngram-*"))
    assert len(kept) == 1
    stamp = kept[0].stat().st_mtime_ns
    second = run()
    score, how = first.stdout.split()
    assert float(score) > 0.7 and how == "trained"
    assert second.stdout.split() == [score, "loaded"]
    assert list(tmp_path.glob("ngram-*")) == kept and kept[0].stat().st_mtime_ns >= stamp
