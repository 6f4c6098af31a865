"""Issue 28's acceptance test: the next session on a case, over REST with the real Rasa and action servers.

A first session on a case with three actions; a second on the same reference by the same sender asks
about each action by name, shows the scale then and now, and its record has "Since the last
supervision" with all three and what happened to each. Another sender with the same reference sees
nothing of the first. Every answer is invented.
"""
from __future__ import annotations

import time
import urllib.error
from pathlib import Path

import docx
import pytest
from sqlalchemy import select

from bot.storage.store import SupervisionSession
from tests.session_driver import docx_text
from tests.test_cycle import CASE, play
from tests.servers import core_reading, rest

pytestmark = pytest.mark.servers
OPENING = "I want to reflect on a case before supervision"


def patient(servers, sender: str):
    """`rest`, sending again after a 429: two whole sessions from one sender in a minute or two are more
    than the per-sender limit allows (a person types far slower), and a refused message was not taken."""
    say = rest(servers, sender)

    def send(text: str) -> str:
        for _ in range(30):
            try:
                return say(text)
            except urllib.error.HTTPError as error:
                if error.code != 429:
                    raise
                time.sleep(float(error.headers.get("Retry-After") or 2))
        raise AssertionError("still refused after 30 tries")
    return send


def test_the_next_session_on_a_case_starts_from_the_last_over_rest(servers):
    sender, other = "e2e-cycle-1", "e2e-cycle-2"
    core = core_reading(servers)
    first = play(patient(servers, sender), lambda: core.current_step(sender).key, CASE, OPENING)
    assert "saved as" in first["__final__"]
    second = play(patient(servers, sender), lambda: core.current_step(sender).key,
                  dict(CASE, **{"case.reference": "cp 2026 0042", "safety.scale": "6"}), OPENING)
    assert "saved as" in second["__final__"]

    assert "Shall we start from it?" in second["since.start"]
    assert "case.age" not in second and "case.agencies" not in second  # the facts were kept in one step
    for number in range(3):
        assert f'"{CASE[f"actions.{number}.what"]}"' in second[f"since.action.{number}"]
    assert "that date has passed" in second["since.action.0.in_the_way"]
    assert "you put it at 4." in second["safety.scale"]
    assert "Safety scale: then 4, now 6 (up 2)." in second["safety.reason"]

    with core.store.transaction() as db:
        sessions = db.execute(select(SupervisionSession).where(SupervisionSession.sender_id == sender)
                              .order_by(SupervisionSession.created_at)).scalars().all()
        stored = {a.step_key: a.text for a in sessions[1].answers}
        record = Path(sessions[1].record_path)
    for number in range(3):
        assert stored[f"since.action.{number}"] == CASE[f"since.action.{number}"]  # read back, as typed
    document = docx.Document(str(record))
    assert "Since the last supervision" in [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    text = docx_text(record)
    for number in range(3):
        assert CASE[f"actions.{number}.what"] in text and CASE[f"since.action.{number}"] in text
    assert CASE["since.action.0.in_the_way"] in text

    third = play(patient(servers, other), lambda: core.current_step(other).key, CASE, OPENING)
    assert "saved as" in third["__final__"]
    assert not any(key.startswith("since.") for key in third)
    assert "Since last time" not in third["themes.choice"]
