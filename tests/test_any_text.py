"""Property: whatever a practitioner types into a free-text question reaches the record."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings, strategies as st

from bot.modes.supervision.supervision import SupervisionEngine
from bot.records.document_writer import xml_safe
from bot.modes.supervision.steps import DANGER_CHECK, TEXT
from bot.storage.store import Store, make_engine
from bot.reading.text_input import Incoming, detect_command
from tests.session_driver import STRUCTURED_ANSWERS, docx_text
from tests.content import KNOWLEDGE



def as_word_keeps_it(text: str) -> str:
    """What the record can hold: illegal XML characters replaced, line endings unified."""
    return xml_safe(text)[0].replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])  # a whole session each
@given(st.text(min_size=1, max_size=400))
def test_any_text_in_every_free_text_question_reaches_the_record(text):
    assume(text.strip() and detect_command(Incoming(text)) is None)
    with tempfile.TemporaryDirectory() as folder:
        core = SupervisionEngine(KNOWLEDGE, Store(make_engine(f"sqlite:///{folder}/a.db")), Path(folder))
        core.start("someone")
        free_text_steps = 0
        for _ in range(150):
            step = core.current_step("someone")
            if step.kind == "review":
                break
            if step.kind == DANGER_CHECK:  # the text read as possible danger: "no" carries on
                core.handle("someone", Incoming("no"))
                continue
            answer = text if step.kind == TEXT else STRUCTURED_ANSWERS.get(step.key, "yes")
            free_text_steps += step.kind == TEXT
            core.handle("someone", Incoming(answer))
        turn = core.handle("someone", Incoming("save"))
        assert turn.closed and ".docx" in turn.replies[0].text
        record = next(Path(folder).glob("*.docx"))
        assert docx_text(record).count(as_word_keeps_it(text)) >= free_text_steps > 20
