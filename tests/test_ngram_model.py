"""bot/reading/ngram_model.py: the linear n-gram model behind the danger check and the intent classifier."""
import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from scipy.sparse import hstack

from bot.reading.ngram_model import LETTERS, WORDS, NgramModel, NgramSettings

TEXTS = ["hello there", "hi", "good morning", "hiya everyone",
         "bye for now", "see you later", "goodbye", "i'm off now",
         "what is neglect", "tell me about neglect", "explain cumulative harm", "what does minimisation mean"]
LABELS = ["greet"] * 4 + ["goodbye"] * 4 + ["explain"] * 4
UNSEEN = ["hello everyone", "see ya", "what is disguised compliance", "", "zzzz", "neglect neglect neglect bye"]


def sklearn_probabilities(settings, texts, labels, new):
    """What scikit-learn's own predict_proba says, for the same settings."""
    vectorisers = [settings.vectoriser(WORDS), settings.vectoriser(LETTERS)]
    train = hstack([v.fit_transform(texts) for v in vectorisers]).tocsr()
    regression = LogisticRegression(C=settings.C, class_weight=settings.class_weight, solver=settings.solver,
                                     max_iter=2000).fit(train, labels)
    return regression.classes_.tolist(), regression.predict_proba(hstack([v.transform(new) for v in vectorisers]))


@pytest.mark.parametrize("settings, labels", [
    (NgramSettings(C=100.0), LABELS),  # as the intent classifier: several labels
    (NgramSettings(char_ngrams=(2, 5), char_min_df=2, C=8.0, class_weight="balanced", solver="liblinear"),
     [int(label == "explain") for label in LABELS]),  # as the danger check: two labels
])
def test_reading_by_hand_gives_what_scikit_learn_gives(settings, labels):
    model = NgramModel.train(TEXTS, labels, settings)
    classes, expected = sklearn_probabilities(settings, TEXTS, labels, UNSEEN)
    for text, row in zip(UNSEEN, expected):
        got = model.probabilities(text)
        assert list(got) == classes
        assert np.allclose([got[c] for c in classes], row, atol=1e-9), text


def test_a_trained_model_places_what_it_was_taught():
    model = NgramModel.train(TEXTS, LABELS, NgramSettings(C=100.0))
    for text, label in zip(TEXTS, LABELS):
        probabilities = model.probabilities(text)
        assert max(probabilities, key=probabilities.get) == label
        assert sum(probabilities.values()) == pytest.approx(1.0)


def test_saved_as_plain_data_and_loaded_back_it_reads_the_same(tmp_path):
    model = NgramModel.train(TEXTS, LABELS, NgramSettings(C=100.0))
    model.save(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ngram_model.json", "ngram_model.npz"]
    np.load(tmp_path / "ngram_model.npz", allow_pickle=False).close()  # arrays only: nothing to unpickle
    loaded = NgramModel.load(tmp_path)
    assert loaded.settings == model.settings
    for text in TEXTS + UNSEEN:
        assert loaded.probabilities(text) == pytest.approx(model.probabilities(text), abs=1e-12)


def lower(text: str) -> str:
    return text.lower()


def test_a_model_with_a_preprocessing_function_is_loaded_only_with_that_function_given_back(tmp_path):
    model = NgramModel.train(TEXTS, LABELS, NgramSettings(C=1.0, preprocessor=lower))
    model.save(tmp_path)
    with pytest.raises(ValueError):
        NgramModel.load(tmp_path)  # code is never saved: the caller gives the function back
    with pytest.raises(ValueError):
        NgramModel.load(tmp_path, str.upper)
    loaded = NgramModel.load(tmp_path, lower)
    assert loaded.settings == model.settings
    for text in TEXTS + UNSEEN + ["HELLO THERE"]:
        assert loaded.probabilities(text) == pytest.approx(model.probabilities(text), abs=1e-12)
