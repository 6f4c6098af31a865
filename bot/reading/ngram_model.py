"""Word and character n-grams with logistic regression, read by hand.

Two classifiers in the assistant are small linear models over the words and
letters of a message: the danger check (bot.safety.danger: urgent or not) and the
intent classifier (components/intent_classifier.py: which of the intents in
data/nlu). Both train in seconds, give the same answer on every run, and need
nothing downloaded. scikit-learn fits them. Reading a message then uses the
learnt weights directly: scikit-learn's own predict_proba checks its input at
length on every call (about 5 ms), and the same arithmetic here costs a
fraction of a millisecond.
"""
from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np

WORDS, LETTERS = "words", "letters"


@dataclass(frozen=True)
class NgramSettings:
    """How a model reads text and how hard it fits: TF-IDF of words and of letters within words."""

    word_ngrams: Tuple[int, int] = (1, 2)
    char_ngrams: Tuple[int, int] = (1, 4)
    char_min_df: int = 1
    C: float = 1.0
    class_weight: Optional[str] = None
    solver: str = "lbfgs"
    preprocessor: Optional[Callable[[str], str]] = None

    def vectoriser(self, kind: str):
        """scikit-learn's TF-IDF vectoriser for words or letters, as these settings say."""
        from sklearn.feature_extraction.text import TfidfVectorizer

        if kind == WORDS:
            return TfidfVectorizer(ngram_range=self.word_ngrams, sublinear_tf=True, min_df=1,
                                   preprocessor=self.preprocessor, token_pattern=r"(?u)\b\w+\b")
        return TfidfVectorizer(analyzer="char_wb", ngram_range=self.char_ngrams, sublinear_tf=True,
                               min_df=self.char_min_df, preprocessor=self.preprocessor)


@dataclass
class _Vocabulary:
    grams: List[str]  # in column order
    idf: np.ndarray
    analyse: Callable[[str], List[str]]

    def __post_init__(self):
        self.index = {gram: column for column, gram in enumerate(self.grams)}


class NgramModel:
    """A trained model: `probabilities(text)` gives each label's probability, as predict_proba would."""

    def __init__(self, settings: NgramSettings, labels: Sequence[str], vocabularies: List[_Vocabulary],
                 coefficients: List[np.ndarray], intercepts: np.ndarray):
        self.settings = settings
        self.labels = list(labels)
        self._vocabularies = vocabularies
        self._coefficients = coefficients  # one (n-grams x scores) matrix per vocabulary
        self._intercepts = intercepts

    @classmethod
    def train(cls, texts: Sequence[str], labels: Sequence, settings: NgramSettings = NgramSettings()) -> "NgramModel":
        from scipy.sparse import hstack
        from sklearn.linear_model import LogisticRegression

        vectorisers = [settings.vectoriser(WORDS), settings.vectoriser(LETTERS)]
        columns = [vectoriser.fit_transform(list(texts)) for vectoriser in vectorisers]
        regression = LogisticRegression(C=settings.C, class_weight=settings.class_weight,
                                        solver=settings.solver, max_iter=2000)
        regression.fit(hstack(columns).tocsr(), list(labels))
        vocabularies, coefficients, offset = [], [], 0
        for vectoriser in vectorisers:
            grams = sorted(vectoriser.vocabulary_, key=vectoriser.vocabulary_.get)
            vocabularies.append(_Vocabulary(grams, np.asarray(vectoriser.idf_, dtype=float),
                                            vectoriser.build_analyzer()))
            coefficients.append(np.asarray(regression.coef_[:, offset:offset + len(grams)].T, dtype=float))
            offset += len(grams)
        return cls(settings, regression.classes_.tolist(), vocabularies, coefficients,
                   np.asarray(regression.intercept_, dtype=float))

    def counts(self, text: str) -> List[Dict[int, int]]:
        """How often each known n-gram occurs in the text, one table per vocabulary.

        Tables of neighbouring pieces of text add up (see `add_counts`), so the danger check
        scores runs of clauses without reading their letters again.
        """
        tables: List[Dict[int, int]] = []
        for vocabulary in self._vocabularies:
            counts: Dict[int, int] = {}
            for gram in vocabulary.analyse(text):
                column = vocabulary.index.get(gram)
                if column is not None:
                    counts[column] = counts.get(column, 0) + 1
            tables.append(counts)
        return tables

    @staticmethod
    def add_counts(tables: Sequence[List[Dict[int, int]]]) -> List[Dict[int, int]]:
        total: List[Dict[int, int]] = [dict(t) for t in tables[0]]
        for more in tables[1:]:
            for counts, extra in zip(total, more):
                for column, n in extra.items():
                    counts[column] = counts.get(column, 0) + n
        return total

    def decision(self, text: str) -> np.ndarray:
        """The linear scores: one for a model of two labels (the second's), else one per label."""
        return self.decision_from_counts(self.counts(text))

    def decision_from_counts(self, tables: List[Dict[int, int]]) -> np.ndarray:
        total = self._intercepts.copy()
        for vocabulary, coefficients, counts in zip(self._vocabularies, self._coefficients, tables):
            if not counts:
                continue
            columns = np.fromiter(counts, dtype=int, count=len(counts))
            values = (1.0 + np.log(np.fromiter(counts.values(), dtype=float, count=len(counts)))) \
                * vocabulary.idf[columns]
            total += values @ coefficients[columns] / math.sqrt(float(values @ values))
        return total

    def probabilities(self, text: str) -> Dict:
        return self.probabilities_from_counts(self.counts(text))

    def probabilities_from_counts(self, tables: List[Dict[int, int]]) -> Dict:
        scores = self.decision_from_counts(tables)
        if len(self.labels) == 2:  # scikit-learn's binary case: one score, for the second label
            second = 1.0 / (1.0 + math.exp(-max(min(float(scores[0]), 700.0), -700.0)))
            return {self.labels[0]: 1.0 - second, self.labels[1]: second}
        exp = np.exp(scores - scores.max())
        exp /= exp.sum()
        return dict(zip(self.labels, exp.tolist()))

    def save(self, directory: Path) -> None:
        """Plain data only (JSON and arrays, no pickle), so loading a model runs no code from it.

        A preprocessing function is code, so it is not saved: only its name, and
        `load` must be given the same function back.
        """
        directory = Path(directory)
        settings = {k: v for k, v in asdict(self.settings).items() if k != "preprocessor"}
        settings["preprocessor"] = function_name(self.settings.preprocessor)
        (directory / "ngram_model.json").write_text(json.dumps(
            {"settings": settings, "labels": self.labels, "grams": [v.grams for v in self._vocabularies]}))
        arrays = {"intercepts": self._intercepts}
        for number, (vocabulary, coefficients) in enumerate(zip(self._vocabularies, self._coefficients)):
            arrays[f"idf{number}"], arrays[f"coefficients{number}"] = vocabulary.idf, coefficients
        np.savez(directory / "ngram_model.npz", **arrays)

    @classmethod
    def load(cls, directory: Path, preprocessor: Optional[Callable[[str], str]] = None) -> "NgramModel":
        """A saved model; `preprocessor` is the function it was trained with, if any (ValueError otherwise)."""
        directory = Path(directory)
        data = json.loads((directory / "ngram_model.json").read_text())
        saved = dict(data["settings"])
        if saved.pop("preprocessor", None) != function_name(preprocessor):
            raise ValueError("this model was saved with a different preprocessing function")
        settings = NgramSettings(preprocessor=preprocessor,
                                 **{k: tuple(v) if isinstance(v, list) else v for k, v in saved.items()})
        with np.load(directory / "ngram_model.npz", allow_pickle=False) as arrays:
            vocabularies, coefficients = [], []
            for number, (kind, grams) in enumerate(zip((WORDS, LETTERS), data["grams"])):
                vocabularies.append(_Vocabulary(grams, arrays[f"idf{number}"],
                                                settings.vectoriser(kind).build_analyzer()))
                coefficients.append(arrays[f"coefficients{number}"])
            intercepts = arrays["intercepts"]
        return cls(settings, data["labels"], vocabularies, coefficients, intercepts)


def function_name(function: Optional[Callable]) -> Optional[str]:
    """A function's module and name, as a saved model names its preprocessor (None for none)."""
    if function is None:
        return None
    return f"{getattr(function, '__module__', None)}.{getattr(function, '__qualname__', repr(function))}"
