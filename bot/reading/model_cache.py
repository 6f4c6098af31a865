"""Trained n-gram models kept on disk, so each process loads the model instead of training it.

The danger check trains on about 13,700 texts (some 6 s of processor time).
Every process that reads danger needs it: each Rasa and action server start,
each test worker. Training gives the same model every time for the same
texts, labels and settings, so the first process keeps it, under a name made
from a hash of exactly those, and the others load it in a fraction of that
time. An edited training sentence or setting, an edit of the module that
holds the preprocessing function, or another scikit-learn version makes a
new name, so a kept model is never stale.

Kept as plain data (`NgramModel.save`: JSON and arrays, no pickle) in a
folder only this user can write to; a folder others could write to is not
used (a planted model would change what counts as danger), and neither is
one that cannot be written (a read-only install): the model is then trained
in memory, as before. Writes go to a temporary folder renamed into place, so
two processes starting at once never read half a model.
"""
from __future__ import annotations

import hashlib
import inspect
import json
import logging
import os
import shutil
import stat
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Optional, Sequence

from .ngram_model import NgramModel, NgramSettings, function_name

logger = logging.getLogger(__name__)

FORMAT = 1  # raise when what is saved, or how it is read, changes
KEEP = 6  # models kept; more are only older content


def model_key(texts: Sequence[str], labels: Sequence, settings: NgramSettings) -> str:
    """A hash of everything that decides the trained model."""
    import sklearn

    preprocessor = settings.preprocessor
    try:  # the whole module's source: the function may read its tables (danger's apostrophes)
        code = inspect.getsource(inspect.getmodule(preprocessor)) if preprocessor is not None else ""  # type: ignore[arg-type]
    except (OSError, TypeError):  # no source to read: a name alone could hide a change, so never match
        code = os.urandom(16).hex()
    described = {
        "format": FORMAT, "sklearn": sklearn.__version__,
        "settings": {k: v for k, v in asdict(settings).items() if k != "preprocessor"},
        "preprocessor": [function_name(preprocessor), code],
        "texts": list(texts), "labels": [label if isinstance(label, str) else int(label) for label in labels],
    }
    return hashlib.sha256(json.dumps(described, ensure_ascii=False).encode("utf-8")).hexdigest()


def usable(directory: Path) -> bool:
    """Whether `directory` can keep models: made if missing, owned by this user, writable by nobody else."""
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = directory.stat()
    except OSError:
        return False
    if info.st_uid != os.getuid() or stat.S_IMODE(info.st_mode) & 0o022 or not os.access(directory, os.W_OK):
        logger.warning("Not keeping trained models in %s: it is not this user's alone to write", directory)
        return False
    return True


def trained(texts: Sequence[str], labels: Sequence, settings: NgramSettings,
            directory: Optional[Path]) -> NgramModel:
    """The model for these texts, labels and settings: loaded if kept in `directory`, else trained and kept.

    With no directory, or one that cannot be used, the model is trained in memory.
    """
    if directory is None or not usable(Path(directory)):
        return NgramModel.train(texts, labels, settings=settings)
    directory = Path(directory)
    kept = directory / f"ngram-{model_key(texts, labels, settings)}"
    if kept.is_dir():
        try:
            model = NgramModel.load(kept, settings.preprocessor)
            os.utime(kept)  # in use: not among the oldest, which are cleared
            return model
        except Exception as error:  # damaged (a hand edit, a disk fault): train it again
            logger.warning("A kept model could not be read (%s); training it again", type(error).__name__)
            shutil.rmtree(kept, ignore_errors=True)
    model = NgramModel.train(texts, labels, settings=settings)
    try:
        partial = Path(tempfile.mkdtemp(prefix=".partial-", dir=directory))
        try:
            model.save(partial)
            os.rename(partial, kept)  # atomic; fails if another process kept the same model first
        finally:
            shutil.rmtree(partial, ignore_errors=True)
    except OSError:
        pass  # another process kept it first, or the disk is full: this process has its model either way
    clear_oldest(directory)
    return model


def clear_oldest(directory: Path, keep: int = KEEP) -> None:
    """Removes all but the `keep` most recently used models (each edit of the content makes another)."""
    def used(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:  # another process cleared it
            return 0.0

    models = sorted(directory.glob("ngram-*"), key=used, reverse=True)
    for old in models[keep:]:
        shutil.rmtree(old, ignore_errors=True)
