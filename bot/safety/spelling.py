"""People's spelling of the words the danger check reads, put back into standard spelling before it reads them.

Practitioners typing in a hurry, young people and parents quoted word for word, voice-to-text and regional English
spell the words that matter most as they sound ("she tuk tablits", "the babby's been fittin", "to nite"). The
phrases and guards are written in standard spelling, and the classifier's letter n-grams only half-recognise a
misspelt word, so such a message got the short check at best. Two kinds of respelling, both read from
knowledge/urgent_help.yml so a partnership can add the ways people type without code:

- ``spellings``: a standard word (or words) and the ways it is typed ("tablets: [tablits, tablats]");
- a dropped g: a word ending in "in" or "in'" is read with "ing" when that word is one the check was trained on
  ("screamin" as "screaming", "fittin" as "fitting"; not "cousin" or "begin", which have no such word), except
  the words people swear with (``dropped_g_kept``: "bleedin", "flippin").

Only whole words are respelled, capitals are kept as typed where they do not matter (the check reads lower case),
and a message with nothing to respell comes back unchanged, so it costs one search.
"""
from __future__ import annotations

import re
from typing import Iterable, Mapping, Sequence

import regex

_WORD = re.compile(r"[a-z]+")
# "screamin", "watchin'", "hidin’": three letters or more before the "in"
_DROPPED_G = r"[a-z]{3,}in(?=['’]|\b)['’]?"
# An age told in words, as voice-to-text and careful writers give it ("the sixteen month old", "a nine-year-old"):
# read in figures, as the phrases and the training sentences mostly give ages.
_NUMBERS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
            "seventeen eighteen nineteen twenty").split()
_AGE_IN_WORDS = re.compile(rf"\b({'|'.join(_NUMBERS)})(?=[- ](years?|yrs?|months?|mths?|weeks?|wks?|days?)[- ]olds?\b)",
                           re.IGNORECASE)


class Spelling:
    """Respells a message's words as the check's phrases and guards spell them."""

    def __init__(self, typed_as: Mapping[str, Sequence[str]], vocabulary: Iterable[str],
                 kept: Sequence[str] = ()):
        self._standard = {variant.lower(): standard.lower()
                          for standard, variants in typed_as.items() for variant in variants}
        self._known = set(vocabulary)
        self._kept = {word.lower() for word in kept}
        # the longest first, so "to nite" is read before a shorter entry could take part of it
        variants = sorted(self._standard, key=len, reverse=True)
        alternatives = [re.escape(v).replace(r"\ ", r"\s+") for v in variants] + [_DROPPED_G]
        self._pattern = regex.compile(rf"(?<![\w'’])(?:{'|'.join(alternatives)})(?![\w])", regex.IGNORECASE)

    def standard(self, text: str) -> str:
        """The text with each word typed as it sounds respelled, and each age in words in figures; the same text
        when there is none."""
        text = _AGE_IN_WORDS.sub(lambda m: str(_NUMBERS.index(m.group(1).lower()) + 1), text)
        return self._pattern.sub(self._respelled, text)

    def _respelled(self, match: "regex.Match[str]") -> str:
        typed = match.group(0)
        key = re.sub(r"\s+", " ", typed.lower())
        if key in self._standard:
            return self._standard[key]
        stem = key.rstrip("'’")
        if stem.endswith("in") and stem not in self._known and stem not in self._kept and stem + "g" in self._known:
            return stem + "g"
        return typed


def vocabulary(texts: Iterable[str]) -> set:
    """Every word of the given sentences, in lower case: the words a dropped g may be put back onto."""
    return {word for text in texts for word in _WORD.findall(text.lower())}
