"""A message's danger level is read once (bot/reading/reading.py) and answered the same in every mode.

Rasa's NLU component reads every typed message for danger; the actions copy
its level onto the message, the router fills it in if it came another way,
and the modes reuse it. So a possible-danger message can be made here by
giving the level, as Rasa would, without depending on the check's wording.
All text is invented.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from rasa_sdk import Tracker

from actions.services import incoming
from bot.assistant import Assistant
from bot.config import Settings
from bot.safety.danger import CLEAR, POSSIBLE, DangerReading
from bot.modes.registry import MODES
from bot.reading import reading
from bot.reading.reading import danger_of, read_once
from bot.reading.text_input import Incoming
from bot.responses import urgent_help
from bot.storage.store import Store, make_engine
from tests.content import KNOWLEDGE

ROOT = Path(__file__).resolve().parent.parent


class CountingCheck:
    """Stands in for the danger check: says `level` for every text, and counts how often it was asked."""

    def __init__(self, level=None):
        self.level, self.calls = level, 0

    def read(self, text):
        self.calls += 1
        return DangerReading(self.level, text) if self.level else DangerReading()


@pytest.fixture
def check(monkeypatch):
    fake = CountingCheck()
    monkeypatch.setattr(reading, "danger_check", lambda knowledge: fake)
    return fake


def test_a_level_rasa_already_read_is_used_without_reading_again(check):
    check.level = CLEAR  # what the check would say now: ignored, the NLU's level stands
    assert danger_of(Incoming("words", danger_level=POSSIBLE, danger_read=True), KNOWLEDGE).possible
    assert not danger_of(Incoming("words", danger_level=None, danger_read=True), KNOWLEDGE)
    assert check.calls == 0


def test_a_message_not_yet_read_is_read_once_and_carries_its_level(check):
    check.level = POSSIBLE
    message = read_once(Incoming("words"), KNOWLEDGE)
    assert message.danger_read and message.danger_level == POSSIBLE and check.calls == 1
    assert danger_of(message, KNOWLEDGE).possible and read_once(message, KNOWLEDGE) is message
    assert check.calls == 1


def test_buttons_are_not_read_and_the_urgent_button_is_clear_danger(check):
    assert danger_of(Incoming("/immediate_risk", "immediate_risk"), KNOWLEDGE).clear
    assert not danger_of(Incoming("/skip_question", "skip_question"), KNOWLEDGE)
    assert check.calls == 0


def test_the_actions_take_the_level_from_rasas_parse_data():
    def tracker(parse):
        return Tracker("p-1", {}, parse, [{"event": "user", "text": "We talked it through"}], False, None, {}, "")
    read = incoming(tracker({"text": "We talked it through", "intent": {"name": "inform", "confidence": 0.9},
                             "danger": {"level": None}}))
    assert read.danger_read and read.danger_level is None
    read = incoming(tracker({"text": "We talked it through", "danger": {"level": "possible"}}))
    assert read.danger_read and read.danger_level == "possible"
    assert not incoming(tracker({"text": "We talked it through"})).danger_read  # an older model: read later


@pytest.fixture
def assistant(tmp_path):
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'assistant.db'}", records_dir=tmp_path / "records",
                        knowledge_dir=ROOT / "knowledge", retention_days=0, state_dir=tmp_path)
    return Assistant.build(KNOWLEDGE, Store(make_engine(settings.database_url)), settings)


def test_the_router_reads_each_message_once_whatever_the_mode(assistant, check):
    for spec in MODES:
        sender = f"reader-{spec.name}"
        assistant.start(sender, next(iter(spec.starts)))
        check.calls = 0
        assistant.handle(sender, Incoming("Team Alpha met on Tuesday"))
        assert check.calls == 1, spec.name


@pytest.mark.parametrize("answer", ["yes", "Yes", "not sure"])
@pytest.mark.parametrize("mode", [spec.name for spec in MODES])
def test_a_typed_yes_to_the_danger_check_gives_urgent_help_in_every_mode(assistant, check, mode, answer):
    """The issue's drift: in a workshop a typed yes was once stored as a group point. Every mode now answers it."""
    spec = next(s for s in MODES if s.name == mode)
    sender = f"worker-{mode}"
    assistant.start(sender, next(iter(spec.starts)))
    asked = assistant.handle(sender, Incoming("Someone may be at risk", danger_level=POSSIBLE, danger_read=True))
    assert KNOWLEDGE.urgent.check_question in "\n".join(r.text for r in asked.replies) or \
        KNOWLEDGE.urgent.check_question in "\n".join(r.text for r in assistant.prompt(sender))
    said = "\n".join(r.text for r in assistant.handle(sender, Incoming(answer)).replies)
    assert urgent_help(KNOWLEDGE).text in said
