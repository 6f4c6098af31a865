"""Saving a Word document as a file: owner-only, never half-written, never over another.

Shared by the supervision record (record_docx.py) and the workshop pack: the
document is written to a temporary owner-only file, synced, then renamed onto
a name claimed with O_EXCL, and the folder synced so the rename lasts.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable


def reserve_name(directory: Path, stem: str) -> Path:
    """Claim a free name with O_EXCL, so two saves never overwrite each other."""
    n = 1
    while True:
        path = directory / (f"{stem}.docx" if n == 1 else f"{stem}-{n}.docx")
        try:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            return path
        except FileExistsError:
            n += 1


def save_document_as(document, final: Path, temp_prefix: str = ".document-") -> Path:
    """Replace the claimed (empty) file at `final` with the document, never half-written."""
    return write_private(final, document.save, temp_prefix)


def write_private(final: Path, write: Callable[[BinaryIO], object], temp_prefix: str = ".document-") -> Path:
    """Write a file owner-only (0600) and never half-written: `write` fills a temporary file in the same
    folder, which is then renamed over `final`. Records, packs and the learning report's files all come here."""
    fd, tmp = tempfile.mkstemp(dir=final.parent, prefix=temp_prefix, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, final)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    _fsync_directory(final.parent)
    return final


def private_folder(directory: Path) -> None:
    """Create the folder, readable only by the owner, if it is not there yet."""
    directory = Path(directory)
    if not directory.exists():
        directory.mkdir(mode=0o700, parents=True)
        os.chmod(directory, 0o700)  # mkdir's mode is reduced by the umask


def save_document(document, directory: Path, stem: str, temp_prefix: str = ".document-") -> Path:
    """Save a Word document as <stem>.docx (or <stem>-2.docx...), owner-only, never half-written.

    Shared by the supervision record and the workshop pack.
    """
    directory = Path(directory)
    private_folder(directory)
    # Write to an owner-only temp file first so a crash never leaves half a file.
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=temp_prefix, suffix=".tmp")
    final = None
    try:
        with os.fdopen(fd, "wb") as handle:
            document.save(handle)
            handle.flush()
            os.fsync(handle.fileno())
        final = reserve_name(directory, stem)
        os.replace(tmp, final)
    except BaseException:
        for leftover in (tmp, final):
            if leftover is not None and os.path.exists(leftover):
                os.unlink(leftover)
        raise
    _fsync_directory(directory)
    return final


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable; not every platform lets a folder be fsynced."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
