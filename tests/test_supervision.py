"""The supervision session through bot.modes.supervision.supervision, with a real database and real Word files."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.modes.supervision.supervision import SupervisionEngine
from bot.storage.store import COMPLETE, PAUSED, Answer, SessionNote, Store, SupervisionSession, make_engine
from bot.reading.text_input import Incoming
from tests.session_driver import answer_for, docx_text, run_whole_session
from tests.content import KNOWLEDGE

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def db_url(tmp_path):
    return f"sqlite:///{tmp_path / 'assistant.db'}"


@pytest.fixture
def core(db_url, tmp_path):
    return SupervisionEngine(KNOWLEDGE, Store(make_engine(db_url)), tmp_path / "records")


def talk(core, sender="worker-1"):
    """A `say` function: what the practitioner types -> all the text the assistant sends back."""
    def say(text, intent=None, confidence=0.0, entities=None):
        if core.current_step(sender) is None and ("reflect on a case" in text or "stuck" in text):
            replies = core.start(sender, "stuck" if "stuck" in text else "supervision")  # with the first question
        else:  # what it did, then the next question
            replies = core.handle(sender, Incoming(text, intent, confidence, entities or [])).replies
        return "\n".join(r.text for r in replies)
    return say


def step_key(core, sender="worker-1"):
    return lambda reply: core.current_step(sender).key


def saved_record(core, sender="worker-1") -> Path:
    with core.store.transaction() as db:
        session = db.execute(select(SupervisionSession).where(SupervisionSession.sender_id == sender)
                             ).scalars().one()
        return Path(session.record_path)


def test_a_whole_session_reaches_a_record_holding_every_answer(core):
    sent = run_whole_session(talk(core), step_key(core))
    record = saved_record(core)
    assert record.name in sent["__final__"]
    text = docx_text(record)
    for key, answer in sent.items():
        if key != "__final__":
            assert answer in text, f"{key} missing from the record"
    for heading in ("Case context", "Themes discussed", "The child's lived experience", "Actions",
                    "Decisions and rationale", "Safety scale", "Escalation and professional dissent",
                    "Toolkits considered", "Patterns noticed", "Sign-off"):
        assert heading in text
    # repeat plans, a short gap, DA and closure were noticed and said in the record
    for pattern in ("Repeat child protection plans", "A short gap between plans",
                    "Closing the plan is being considered"):
        assert pattern in text


def test_answers_are_stored_as_they_arrive(core, db_url):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    say("Sam Example")
    say("skip")
    reread = Store(make_engine(db_url))  # a second connection, as after a crash
    with reread.transaction() as db:
        rows = {a.step_key: a for a in db.execute(select(Answer)).scalars()}
    assert rows["details.worker"].text == "Sam Example"
    assert rows["details.supervisor"].skipped is True


def test_a_restarted_process_carries_on_where_the_practitioner_was(core, db_url, tmp_path):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    say("Sam Example")
    say("Alex Sample")
    restarted = SupervisionEngine(KNOWLEDGE, Store(make_engine(db_url)), tmp_path / "records")
    assert restarted.current_step("worker-1").key == "case.reference"
    assert "case reference" in restarted.prompt("worker-1")[0].text


@pytest.mark.parametrize("answer", [
    "stop", "skip", "Pause", "save",
])
def test_single_command_words_are_commands(core, answer):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    reply = say(answer)
    if answer in ("stop", "Pause"):
        assert "Paused" in reply
    elif answer == "skip":
        assert "Skipped" in reply
    else:
        assert "saved as" in reply.lower() or "Saved what you have" in reply


def test_a_classifier_guess_never_turns_an_answer_into_a_command(core):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    answer = "I think we should pause the contact and skip the family meeting until dad stops drinking"
    say(answer, intent="pause_session", confidence=0.99)
    with core.store.transaction() as db:
        stored = db.execute(select(Answer)).scalars().one()
    assert stored.text == answer and stored.step_key == "details.worker"


def test_a_button_payload_is_a_command(core):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    assert "Skipped" in say("/skip_question", intent="skip_question", confidence=1.0)


def test_numbers_are_checked_kindly_and_nothing_moves_on(core):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    for text in ("Sam Example", "skip", "TEST-0002"):
        say(text)
    reply = say("Friday")
    assert "Please give a number" in reply
    assert core.current_step("worker-1").key == "case.age"
    say("seven")
    assert core.current_step("worker-1").key == "case.previous_plans"


def test_empty_message_gets_a_kind_reply(core):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    assert "didn't get any text" in say("   ")
    assert core.current_step("worker-1").key == "details.worker"


def test_immediate_danger_gets_urgent_help_first_then_the_answer_is_kept(core):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    reply = say("a child is in immediate danger right now")
    assert reply.index("999") < reply.index("saved what you wrote")
    assert "check this number with your team" in reply  # the local numbers are not confirmed yet
    assert core.current_step("worker-1").key == "details.supervisor"
    with core.store.transaction() as db:
        note = db.execute(select(SessionNote)).scalars().one()
        answer = db.execute(select(Answer)).scalars().one()
    assert note.text == answer.text == "a child is in immediate danger right now"


def test_a_long_answer_describing_danger_is_saved_and_gets_urgent_help(core):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    answer = ("When I visited today dad has a knife and is threatening to kill mum, the children are "
              "in immediate danger and I have called the police from outside the house")
    reply = say(answer)
    assert "999" in reply
    with core.store.transaction() as db:
        stored = db.execute(select(Answer)).scalars().one()
    assert stored.text == answer


def test_a_side_question_is_answered_and_the_question_comes_back(core):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    reply = say("what is the neglect toolkit?", intent="ask_toolkit", confidence=0.97,
                entities=[{"entity": "toolkit", "value": "neglect"}])
    assert "Graded Care Profile 2" in reply
    assert "what name should go on the record" in reply
    assert core.current_step("worker-1").key == "details.worker"


def test_structured_answer_is_not_taken_for_danger_by_the_classifier(core):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    for text in ("Sam Example", "skip", "TEST-0003", "7", "0", "Neglect", "neglect"):
        say(text)
    assert core.current_step("worker-1").key == "case.agencies"
    reply = say("school and police", intent="immediate_risk", confidence=0.8)
    assert "999" not in reply
    assert core.current_step("worker-1").key == "case.father_involved"


def test_pause_then_resume_loses_nothing(core):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    say("Sam Example")
    assert "Paused" in say("pause")
    assert not core.has_active_session("worker-1")
    found, replies = core.resume("worker-1")
    assert found and "Welcome back" in replies[0].text
    assert core.current_step("worker-1").key == "details.supervisor"


def test_changing_an_answer_from_the_summary(core):
    sent = {}
    say = talk(core)

    def until_summary(reply):
        for _ in range(100):
            if "Say save to write the record" in reply:
                return reply
            key = core.current_step("worker-1").key
            sent[key] = answer_for(key)
            reply = say(sent[key])
        raise AssertionError("no summary")

    until_summary(say("I want to reflect on a case before supervision"))
    listing = say("change")
    assert "1. Your name: Sam Example" in listing
    say("1")
    assert core.current_step("worker-1").key == "details.worker"
    assert "Say save to write the record" in say("Samira Example")
    assert "saved as" in say("save")
    assert "Samira Example" in docx_text(saved_record(core))


def test_saving_early_keeps_the_session_to_resume(core):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    say("Sam Example")
    reply = say("save")
    assert "Saved what you have so far" in reply
    text = docx_text(saved_record(core))
    assert "Sam Example" in text and "Saved before every question was answered." in text
    with core.store.transaction() as db:
        assert db.execute(select(SupervisionSession)).scalars().one().status == PAUSED


def test_two_practitioners_never_see_each_others_answers(core):
    one, two = talk(core, "worker-1"), talk(core, "worker-2")
    one("I want to reflect on a case before supervision")
    two("I want to reflect on a case before supervision")
    one("First Worker")
    two("Second Worker")
    with core.store.transaction() as db:
        rows = db.execute(select(SupervisionSession)).scalars().all()
        by_sender = {s.sender_id: [a.text for a in s.answers] for s in rows}
    assert by_sender == {"worker-1": ["First Worker"], "worker-2": ["Second Worker"]}


def test_a_finished_session_is_complete(core):
    run_whole_session(talk(core), step_key(core))
    with core.store.transaction() as db:
        assert db.execute(select(SupervisionSession)).scalars().one().status == COMPLETE


def test_a_theme_with_a_toolkit_shows_it_with_its_first_question(core):
    say = talk(core)
    reply = say("I want to reflect on a case before supervision")
    while core.current_step("worker-1").key != "themes.choice":
        reply = say(answer_for(core.current_step("worker-1").key))
    reply = say("domestic abuse")
    while not core.current_step("worker-1").key.startswith("theme."):
        reply = say(answer_for(core.current_step("worker-1").key))
    assert "Domestic abuse toolkit can help here" in reply and "safelives.org.uk" in reply


def test_resume_days_later_lists_unfinished_sessions_by_case_reference_and_date(core):
    from datetime import timedelta
    from bot.storage.store import utcnow
    say = talk(core)
    for reference in ("CASE-A", "CASE-B"):
        say("I want to reflect on a case before supervision")
        say("Sam Example")
        say("skip")
        say(reference)
        say("pause")
    with core.store.transaction() as db:
        for session in db.execute(select(SupervisionSession)).scalars():
            session.updated_at = utcnow() - timedelta(days=9)  # long past any Rasa session expiry
    found, replies = core.resume("worker-1")
    assert not found
    titles = [title for title, _ in replies[0].buttons]
    assert any(t.startswith("CASE-A, ") for t in titles) and any(t.startswith("CASE-B, ") for t in titles)
    payload = next(p for t, p in replies[0].buttons if t.startswith("CASE-A"))
    chosen = payload.split('"session_ref":"')[1].split('"')[0]
    found, replies = core.resume("worker-1", chosen)
    assert found and "CASE-A" in replies[0].text
    assert core.current_step("worker-1").key == "case.age"


def test_answers_to_questions_dropped_later_still_reach_the_record(core):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    while core.current_step("worker-1").key != "themes.choice":
        say(answer_for(core.current_step("worker-1").key))
    say("neglect")
    while not core.current_step("worker-1").key.startswith("theme."):
        say(answer_for(core.current_step("worker-1").key))
    say("An answer about neglect that must not be lost")
    assert "stuck case" in say("stuck")  # the themes are no longer part of the session
    say("save")
    text = docx_text(saved_record(core))
    assert "Other answers given during the session" in text
    assert "An answer about neglect that must not be lost" in text


def test_an_answer_sent_for_an_earlier_question_is_not_stored_against_the_next(core):
    """A double send or a second tab: the client says which question it answers."""
    say = talk(core)
    say("I want to reflect on a case before supervision")
    [question] = core.prompt("worker-1")
    assert question.question == "details.worker"
    core.handle("worker-1", Incoming("Sam Example", question="details.worker"))
    turn = core.handle("worker-1", Incoming("Sam Example", question="details.worker"))  # sent twice
    assert "earlier question" in turn.replies[0].text
    turn = core.handle("worker-1", Incoming("Alex Sample", question="details.supervisor"))
    assert "earlier question" not in " ".join(r.text for r in turn.replies)
    with core.store.transaction() as db:
        stored = {a.step_key: a.text for a in db.execute(select(Answer)).scalars()}
    assert stored == {"details.worker": "Sam Example", "details.supervisor": "Alex Sample"}


def test_a_number_question_asks_again_for_a_sentence_around_a_number(core):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    for text in ("Sam Example", "skip", "TEST-0003"):
        say(text)
    assert core.current_step("worker-1").key == "case.age"
    reply = say("not sure, 2 siblings")
    assert core.current_step("worker-1").key == "case.age" and "number" in reply
    say("about 7")
    assert core.current_step("worker-1").key == "case.previous_plans"


# ----- content a partnership can sign off (issue 13) ----------------------------------------

CAUTION = "(check this link with your team before relying on it)"


def reach(core, say, key, reply="", sender="worker-1", answers=None):
    """Answer every question with the driver's answers (or `answers`) until `key` is asked."""
    answers = answers or {}
    for _ in range(120):
        step = core.current_step(sender)
        if step.key == key:
            return reply
        reply = say(answers.get(step.key) or answer_for(step.key))
        if step.key == "chronology.entries":
            reply = say("done")
    raise AssertionError(f"{key} was never asked")


def test_a_short_session_is_offered_first_and_reaches_a_record(core):
    first = core.start("worker-0")
    assert ("Short session (about 15 minutes)", "short session") in first[-1].buttons
    say = talk(core)
    sent = run_whole_session(say, step_key(core), short=True)
    keys = [k for k in sent if k != "__final__"]
    assert [k for k in keys if k.startswith("theme.")] == ["theme.voice_of_child.0", "theme.voice_of_child.1",
                                                           "theme.voice_of_child.2", "theme.voice_of_child.4"]
    assert not any(k.startswith(("case.age", "mapping.", "safety.", "child.")) for k in keys)
    text = docx_text(saved_record(core))
    for key in keys:
        assert sent[key] in text, key
    assert "Voice and lived experience of the child" in text
    with core.store.transaction() as db:
        assert db.execute(select(SupervisionSession).where(SupervisionSession.sender_id == "worker-1")
                          ).scalars().one().kind == "short"


def test_short_session_words_later_are_an_answer(core):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    say("Sam Example")
    say("short session")  # the supervisor's name question: kept as typed
    with core.store.transaction() as db:
        assert db.execute(select(SupervisionSession)).scalars().one().kind == "supervision"


def test_unconfirmed_links_carry_the_caution_in_chat_and_record_and_notes_never_show(core, knowledge):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    reach(core, say, "themes.choice")
    reply = say("domestic abuse")
    reply = reach(core, say, "theme.domestic_abuse.0", reply)
    da_toolkit = "South Gloucestershire Domestic Abuse Toolkit: https://edocs.southglos.gov.uk/domesticabusetoolkit/pages/introduction/"
    assert f"{da_toolkit} {CAUTION}" in reply
    assert "Safe & Together model: https://safeandtogetherinstitute.com" in reply  # every link, not two
    side = say("what is the DA toolkit?", intent="ask_toolkit", confidence=0.95,
               entities=[{"entity": "toolkit", "value": "domestic_abuse"}])
    assert f"{da_toolkit} {CAUTION}" in side
    assert '"No evidence of use of DA or neglect tools"' in side
    notes = [link.note for t in knowledge.toolkits for link in t.links if link.note]
    assert notes and not any(note in side or note in reply for note in notes)
    say("save")
    text = docx_text(saved_record(core))
    assert f"{da_toolkit} {CAUTION}" in text
    assert not any(note in text for note in notes)


def test_escalation_route_at_the_step_and_in_the_record_actions(core, knowledge):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    reply = reach(core, say, "escalation.needed")
    reply = say("not sure")
    resource = knowledge.resource("escalation_procedures")
    assert core.current_step("worker-1").key == "escalation.detail"
    assert f"{resource.title}: {resource.url} {CAUTION}" in reply
    assert all(stage in reply for stage in resource.stages)
    say("Challenge the closure with the police lead by Friday")
    say("save")
    text = docx_text(saved_record(core))
    actions = text[text.index("Actions"):text.index("Decisions and rationale")]
    assert "Escalation: the procedure to follow" in actions
    assert f"{resource.title}: {resource.url} {CAUTION}" in actions
    assert resource.stages[0] in actions


def test_no_escalation_route_when_none_is_needed(core, knowledge):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    reach(core, say, "escalation.needed")
    say("no")
    say("save")
    assert "Escalation: the procedure to follow" not in docx_text(saved_record(core))


def test_the_escalation_theme_shows_the_procedure(core, knowledge):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    reach(core, say, "themes.choice")
    reply = say("escalation")
    for _ in range(40):  # the closure check came first and asked about dissent, so the theme starts at its reflection
        if core.current_step("worker-1").theme_id == "escalation":
            break
        reply = say(answer_for(core.current_step("worker-1").key))
    assert core.current_step("worker-1").key == "theme.escalation.1"
    assert "Resolving professional differences (escalation)" in reply and CAUTION in reply
    side = say("what is professional dissent?", intent="explain_theme", confidence=0.95,
               entities=[{"entity": "theme", "value": "escalation"}])
    assert knowledge.resource("escalation_procedures").stages[1] in side


def test_working_well_offers_the_audits_good_practice_to_pick_or_ignore(core, knowledge):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    reply = reach(core, say, "mapping.working_well")
    for n, item in enumerate(knowledge.audit.good_practice, 1):
        assert f"{n}. {item}" in reply
    say("2, 5")
    say("save")
    text = docx_text(saved_record(core))
    assert "2, 5 (recorded as: Continuity of social worker; Effective multi-agency working evident)" in text


def test_the_familys_strengths_are_asked_on_their_own_and_recorded_apart(core, knowledge):
    """Signs of Safety's strengths are the family's: the audit's good practice is never offered for them."""
    say = talk(core)
    say("I want to reflect on a case before supervision")
    reply = reach(core, say, "mapping.family_strengths")
    assert knowledge.prompt("ask_family_strengths") in reply
    assert not any(item in reply for item in knowledge.audit.good_practice)
    say("Grandmother collects the children from school every day.")
    assert core.current_step("worker-1").key == "mapping.working_well"
    say("save")
    text = docx_text(saved_record(core))
    assert "The family's strengths and existing safety" in text
    assert "Grandmother collects the children from school every day." in text


def test_lists_show_the_audits_own_items_and_additions_apart(core):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    reply = reach(core, say, "case.agencies")
    assert "The audit's own list: GP; Social Care;" in reply
    assert "Added here (not on the audit's list): Adult social care;" in reply
    say("the hospital and school")
    with core.store.transaction() as db:
        stored = next(a for a in db.execute(select(Answer)).scalars() if a.step_key == "case.agencies")
    assert stored.value == ["hospital", "education"] or set(stored.value) == {"hospital", "education"}


def test_more_links_gives_every_link_and_the_question_comes_back(core, knowledge):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    reply = say("more links")
    for toolkit in knowledge.toolkits:
        for link in toolkit.links:
            assert link.url in reply
    assert f"{knowledge.resource('escalation_procedures').url} {CAUTION}" in reply
    assert "what name should go on the record" in reply
    assert core.current_step("worker-1").key == "details.worker"


def test_a_toolkit_from_the_plan_category_is_asked_about_with_its_links(core):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    answers = {"case.concerns": "mental health", "case.category": "Neglect", "themes.choice": "voice of the child"}
    reply = reach(core, say, "toolkit.neglect", answers=answers)
    assert "What has the Neglect toolkit shown on this case, if it has been used?" in reply
    assert "graded-care-profile-2" in reply and "why not" not in reply.lower()


def test_typing_a_buttons_title_does_what_the_button_does(core):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    say("Sam Example")
    assert "Skipped" in say("Skip")  # the Skip button's title, typed
    assert core.current_step("worker-1").key == "case.reference"
    listing = say("Change an answer")
    assert "Which answer would you like to change?" in listing
    back = say("Back to the summary")  # the button's title, not a wrong number
    assert "Please type a number" not in back
    assert core.current_step("worker-1").key == "case.reference"
    say("Save the record")  # typed, as on the button
    assert saved_record(core).is_file()


def test_all_that_apply_questions_offer_every_choice_as_a_tick_box(core):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    for _ in range(10):
        step = core.current_step("worker-1")
        if step.key == "case.concerns":
            break
        say(answer_for(step.key))
    reply = core.prompt("worker-1")[0]
    assert reply.multi
    assert [title for title, _ in reply.buttons] == [c.label for c in step.choices] + ["Skip"]
    assert all(c.label in reply.text for c in step.choices)  # still listed, to type
    say("Domestic abuse; Neglect")  # what the page sends for two ticked boxes
    with core.store.transaction() as db:
        assert core.store.current(db, "worker-1").answer("case.concerns").value == ["domestic_abuse", "neglect"]
    assert core.current_step("worker-1").key == "case.agencies"


def test_a_saved_record_carries_the_marking_and_the_name_given(core, monkeypatch):
    import docx
    monkeypatch.setenv("RECORD_MARKING", "OFFICIAL")  # e.g. a training server
    say = talk(core)
    say("I want to reflect on a case before supervision")
    say("Sam Example")
    say("skip")
    say("TEST-0099")
    say("save")
    document = docx.Document(str(saved_record(core)))
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert header[0] == "OFFICIAL" and header[1].startswith("Case reference: TEST-0099")
    assert document.core_properties.author == "Sam Example"
    assert "At a glance" in [p.text for p in document.paragraphs if p.style.name == "Heading 1"]


def test_a_slip_of_a_command_is_asked_about_and_nothing_is_saved_until_answered(core):
    say = talk(core)
    say("I want to reflect on a case before supervision")
    assert say("skp").startswith("Did you mean skip?")
    with core.store.transaction() as db:
        assert db.execute(select(Answer)).scalars().all() == []
    say("yes")
    assert core.current_step("worker-1").key == "details.supervisor"
    assert say("sve").startswith("Did you mean save?")
    say("no")  # it was an answer after all
    with core.store.transaction() as db:
        stored = {a.step_key: (a.text, a.skipped) for a in db.execute(select(Answer)).scalars()}
    assert stored == {"details.worker": (None, True), "details.supervisor": ("sve", False)}
