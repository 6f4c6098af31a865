"""Keeping conversation text, case references, names and secrets out of every log.

Rasa, rasa-sdk, Sanic and SQLAlchemy log what they are handed: trackers in
error bodies, event data in SQL parameters, sender ids (a browser's secret)
in warnings, and at debug level the text of every message. Nothing here can
tell an answer from any other string, so the rules are blunt on purpose:

- every record is cleaned when it is made (a log record factory), so no
  handler, however it was set up, ever sees the raw text: quoted strings
  become '…' unless they look like code names (action_x, rasa.core.y,
  dictionary keys), SQL "[parameters: ...]" and rasa-sdk "request_body" are
  cut, and a traceback is cleaned the same way;
- debug records from libraries (anything outside this project's packages)
  are withheld altogether: they are made of tracker states and slot values.

No Rasa imports: both servers call `install()` once their logging is set up.
"""
from __future__ import annotations

import logging
import re
import traceback
from typing import Optional

OWN_PACKAGES = ("bot", "actions", "channels", "webchat", "scripts", "__main__")
WITHHELD = "(library debug detail withheld: it may hold conversation text)"

# A quote that opens after a letter ("can't") or closes before one ("Sam's") is not a quote.
_QUOTED = re.compile(r"""(?<![A-Za-z0-9])(?P<q>['"])(?P<body>(?:\\.|[^\\])*?)(?P=q)(?![A-Za-z0-9])(?P<key>\s*:)?""",
                     re.DOTALL)
_CODE_NAME = re.compile(r"[a-z][a-z0-9]*(?:[_.][a-z0-9]+)+")  # action_resume_session, rasa.core.processor
_KEY = re.compile(r"[a-z_][a-z0-9_]*")
_SOURCE_FILE = re.compile(r"[\w./-]+\.py|<frozen [\w.]+>")  # traceback lines: File "/…/processor.py"
_PARAMETERS = re.compile(r"\[parameters:.*?(?=\n\(Background on this error|\Z)", re.DOTALL)
_REQUEST_BODY = re.compile(r"""(['"]?request_body['"]?\s*[:=]).*""", re.DOTALL)
_EVENT_REPR = re.compile(r"\b(UserUttered|BotUttered|SlotSet|UserMessage|DialogueStateTracker|Tracker)\(.*")
_BYTES = re.compile(r"""\bb(['"]).*?\1(?=[,)\s]|$)""", re.DOTALL)


def redact(text: str) -> str:
    """The text with anything that could be typed content replaced by '…'."""
    text = _PARAMETERS.sub("[parameters: hidden]", text)
    text = _REQUEST_BODY.sub(r"\1 …", text)
    text = _BYTES.sub("b'…'", text)  # an HTTP error body quoted as bytes
    text = _EVENT_REPR.sub(r"\1(…)", text)  # Rasa prints events unquoted: UserUttered(text: ..., ...)
    return _QUOTED.sub(_keep_or_hide, text)


def _keep_or_hide(match: "re.Match[str]") -> str:
    quote, body, key = match.group("q"), match.group("body"), match.group("key") or ""
    if _CODE_NAME.fullmatch(body) or _SOURCE_FILE.fullmatch(body) or (key and _KEY.fullmatch(body)):
        return match.group(0)
    return f"{quote}…{quote}{key}"


def _is_own(name: str) -> bool:
    return name.split(".", 1)[0] in OWN_PACKAGES


def clean(record: logging.LogRecord) -> logging.LogRecord:
    """Rewrite a record in place so that whatever formats it sees only cleaned text."""
    if record.levelno <= logging.DEBUG and not _is_own(record.name):
        record.msg, record.args, record.exc_info, record.exc_text = WITHHELD, (), None, None
        record.withheld = True
        return record
    try:
        message = record.getMessage()
    except Exception:  # a library's bad format string: keep only its template
        message = str(record.msg)
    record.msg, record.args = redact(message), ()
    if record.exc_info:
        record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
        record.exc_info = None  # formatters print exc_text, never the raw exception again
    elif record.exc_text:
        record.exc_text = redact(record.exc_text)
    if record.stack_info:
        record.stack_info = redact(record.stack_info)
    return record


class SafeLogFilter(logging.Filter):
    """Cleans a record (if the factory has not) and drops withheld library debug records."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "cleaned", False):
            clean(record)
            record.cleaned = True
        return not getattr(record, "withheld", False)


_FILTER = SafeLogFilter()
_installed_factory: Optional[object] = None


def install() -> None:
    """Clean every record from now on, and drop withheld ones at every handler there is.

    Safe to call more than once: call it again after a library has set up
    more handlers (Sanic does when its app is made).
    """
    global _installed_factory
    current = logging.getLogRecordFactory()
    if current is not _installed_factory:
        def factory(*args, **kwargs):
            record = current(*args, **kwargs)
            clean(record)
            record.cleaned = True
            return record
        logging.setLogRecordFactory(factory)
        _installed_factory = factory
    loggers = [logging.getLogger()] + [logger for logger in logging.root.manager.loggerDict.values()
                                       if isinstance(logger, logging.Logger)]
    for logger in loggers:
        for handler in logger.handlers:
            if _FILTER not in handler.filters:
                handler.addFilter(_FILTER)
