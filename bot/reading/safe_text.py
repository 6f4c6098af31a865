"""Text someone typed, made harmless to show: no control characters, no hidden change of direction.

A case reference (or any answer) is shown in places that obey invisible
characters: a maintainer's terminal runs ANSI escape sequences (colours,
cursor moves, a changed window title, text hidden by moving back over it), and
a Word header or File > Info shows a right-to-left override as reversed text,
so "AB-1234" can be made to read as something else. Everything here removes
such characters and keeps every visible one; the answer stored in the
database is never changed.
"""
from __future__ import annotations

import re
from typing import Optional

# Escape sequences as a whole, so no "[31m" is left behind: CSI (ESC [ or 8-bit 0x9B, then parameters
# and one final byte), OSC / DCS / PM / APC / SOS strings after ESC (ended by BEL or ST, or by the end),
# and the other two-character ESC sequences.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]?"
)
# C0 and C1 control characters and DEL (line breaks and tabs are handled by the callers' choice).
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Bidirectional controls: embeddings and overrides, isolates, and the invisible direction marks.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_SPACES = re.compile(r"\s+")

REFERENCE_IN_PROPERTIES = 200  # Word's core properties hold at most 255 characters each


def strip_controls(text: Optional[str], keep_lines: bool = False) -> str:
    """`text` without escape sequences, control characters or bidirectional controls.

    With `keep_lines`, line breaks stay (as "\\n") so a long answer stays readable;
    otherwise every line break and tab becomes a space.
    """
    text = _ESCAPES.sub("", text or "")
    text = _BIDI.sub("", text)
    if keep_lines:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
        return _CONTROLS.sub(lambda m: m.group() if m.group() == "\n" else "", text)
    return _CONTROLS.sub(lambda m: " " if m.group() in "\t\n\r\x0b\x0c" else "", text)


def one_line(text: Optional[str], limit: Optional[int] = None) -> str:
    """A single clean line (runs of spaces made one), shortened to `limit` characters with "…"."""
    line = _SPACES.sub(" ", strip_controls(text)).strip()
    if limit is not None and len(line) > limit:
        line = line[:max(limit - 1, 0)].rstrip() + "…"
    return line


def clean_reference(text: Optional[str]) -> Optional[str]:
    """A case reference as it may be shown in a record or a terminal; None when nothing visible is left."""
    return one_line(text) or None
