"""Spotting identifying details in an answer, so the practitioner can be reminded once.

The answer is always kept: this only decides whether to say why a case
reference is safer in a supervision record.
"""
from __future__ import annotations

import re
from typing import Callable, List, Optional

_NHS = re.compile(r"(?<!\d)(\d{3})[\s-]?(\d{3})[\s-]?(\d{4})(?!\d)")
_POSTCODE = re.compile(r"\b(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b", re.IGNORECASE)
_PHONE = re.compile(r"(?<!\d)(?:\+44\s?7\d{3}|\(?07\d{3}\)?|\(?01\d{2,3}\)?|\(?02\d\)?|\+44\s?[12]\d{2,3})"
                    r"[\s-]?\d{3}[\s-]?\d{3,4}(?!\d)")
_DATE = (r"(\d{1,2}[/.-]\d{1,2}[/.-](\d{2}|\d{4})|\d{1,2}(?i:st|nd|rd|th)?\s+"
         r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4})")
_FULL_NAME = r"\b[A-Z][a-z]+(?:[- ][A-Z][a-z]+)+\b"
_NAME_WITH_BIRTH_DATE = re.compile(
    rf"({_FULL_NAME}[^.\n]{{0,40}}?(?i:\bdob\b|\bd\.o\.b\b|date of birth|\bborn\b|\bb\.)[:\s]*(?i:on\s+)?{_DATE})"
    rf"|({_FULL_NAME},?\s*\(?\s*{_DATE})"
)


def _valid_nhs_number(digits: str) -> bool:
    """NHS numbers carry a modulus 11 check digit: this keeps other 10-digit numbers out."""
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def identifying_details(text: str) -> List[str]:
    """What kinds of identifying detail the text seems to hold, in plain words."""
    found: List[str] = []
    if _NAME_WITH_BIRTH_DATE.search(text or ""):
        found.append("a full name with a date of birth")
    if any(_valid_nhs_number("".join(m.groups())) for m in _NHS.finditer(text or "")):
        found.append("an NHS number")
    if _POSTCODE.search(text or ""):
        found.append("a postcode")
    if _PHONE.search(text or ""):
        found.append("a phone number")
    return found


def privacy_reminder(session, text: str, prompt: Callable[..., str]) -> Optional[str]:
    """The privacy reminder for `text`, said once per session in any mode, or None.

    `session` is any mode's session row (it has `privacy_reminded`, which this
    sets); `prompt` is the mode's wording lookup, given `what` was found.
    """
    found = identifying_details(text)
    if not found or session.privacy_reminded:
        return None
    session.privacy_reminded = True
    return prompt("privacy_prompt", what=" and ".join(found))


_REFERENCE = r"(?=[A-Z0-9/_-]*\d)[A-Z0-9]+(?:[-/_][A-Z0-9]+)*"  # letters and digits, at least one digit
_LABEL = r"(?:the\s+)?(?:case|ref|reference)(?:\s+(?:ref(?:erence)?|no|number|id))?\.?\s*[:#]?\s*"
_LABELLED_REFERENCE = re.compile(rf"\s*{_LABEL}{_REFERENCE}\s*[.!?]?\s*", re.IGNORECASE)
_BARE_REFERENCE = re.compile(rf"\s*(?=.*[A-Z])(?=.*\d){_REFERENCE}\s*[.!?]?\s*|\s*\d{{4,}}\s*", re.IGNORECASE)
_DATE_ONLY = re.compile(r"\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\s*")


def looks_like_case_reference(text: str) -> bool:
    """Whether a whole message is only a case reference ("RO-REF-77", "AB-12345", "case 4471").

    Outside a session such a message is asked about rather than taken as a
    request to start one.
    """
    text = text or ""
    if _DATE_ONLY.fullmatch(text):
        return False
    return bool(_LABELLED_REFERENCE.fullmatch(text) or _BARE_REFERENCE.fullmatch(text))
