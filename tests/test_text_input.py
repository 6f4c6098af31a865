"""Tests for reading what practitioners type: commands, yes/no, numbers and choices.

All messages are invented.
"""
import pytest

from bot.reading.text_input import (
    Choice,
    ChoiceMatcher,
    Incoming,
    detect_command,
    near_command,
    typed_button,
    normalise,
    parse_number,
    parse_yes_no,
)


def options(option_list):
    return ChoiceMatcher([Choice(o.id, o.label, tuple(o.also_known_as)) for o in option_list])


@pytest.fixture(scope="module")
def concerns(knowledge):
    return options(knowledge.case_options.concerns)


@pytest.fixture(scope="module")
def agencies(knowledge):
    return options(knowledge.case_options.agencies)


@pytest.fixture(scope="module")
def plan_categories(knowledge):
    return options(knowledge.case_options.plan_categories)


# ----- normalise ------------------------------------------------------------------


def test_normalise_lowers_collapses_spaces_and_trims_punctuation():
    assert normalise("  Save   THE record. ") == "save the record"


def test_normalise_makes_curly_apostrophes_plain():
    assert normalise("Don\u2019t know") == "don't know"


def test_normalise_keeps_a_message_that_is_only_punctuation():
    assert normalise("?") == "?"


# ----- commands -------------------------------------------------------------------


@pytest.mark.parametrize("text, command", [
    ("skip", "skip"),
    ("Skip.", "skip"),
    ("  PAUSE ", "pause"),
    ("save the record", "save"),
    ("Save the record!", "save"),
    ("help", "help"),
    ("?", "help"),
    ("stop", "pause"),
    ("carry on", "resume"),
    ("change an answer", "change"),
])
def test_whole_message_commands_are_recognised(text, command):
    assert detect_command(Incoming(text)) == command


def test_button_payload_command_uses_its_intent():
    assert detect_command(Incoming("/skip_question", intent="skip_question")) == "skip"


def test_payload_command_comes_from_intent_when_its_words_are_not_a_phrase():
    # "resume session" is not a typed command phrase, so only the intent can make this a command.
    assert detect_command(Incoming("/resume_session", intent="resume_session")) == "resume"


def test_payload_without_intent_falls_back_to_its_words():
    assert detect_command(Incoming("/save_record")) == "save"


def test_payload_for_an_unrelated_intent_is_not_a_command():
    assert detect_command(Incoming("/greet", intent="greet")) is None


@pytest.mark.parametrize("text", [
    "we need to stop the drinking",
    "dad said he would skip the meeting",
    "I want to save the placement",
    "help from the school was good",
    "mum wants to pause contact",
    "skipping school is a worry",
])
def test_answers_mentioning_command_words_are_not_commands(text):
    assert detect_command(Incoming(text)) is None


def test_answer_is_not_a_command_even_if_the_classifier_guessed_one():
    # Typed text (not a payload) is judged by its words, not by the NLU intent.
    assert detect_command(Incoming("we need to stop the drinking", intent="pause_session", confidence=0.99)) is None


# ----- yes / no / unsure ------------------------------------------------------------


@pytest.mark.parametrize("text", ["yes", "Yes.", "YEAH", "yep", "y", "ok", "Yes please",
                                  "yeah, I think so", "Yes he comes to the meetings"])
def test_yes_variants(text):
    assert parse_yes_no(text) == "yes"


@pytest.mark.parametrize("text", ["no", "No.", "nope", "nah", "n", "not really",
                                  "No, he has refused", "no thanks"])
def test_no_variants(text):
    assert parse_yes_no(text) == "no"


@pytest.mark.parametrize("text", [
    "not sure", "Unsure", "don't know", "Don\u2019t know", "dont know", "maybe", "possibly",
    "idk", "not sure, it depends on the review",
    "I'm not sure",
    "I don't know",
])
def test_unsure_variants(text):
    assert parse_yes_no(text) == "unsure"


@pytest.mark.parametrize("text", ["the father is in prison", "Friday", "", "   "])
def test_not_a_yes_or_no(text):
    assert parse_yes_no(text) is None


def test_no_idea_is_unsure_not_no():
    assert parse_yes_no("no idea") == "unsure"


# ----- numbers --------------------------------------------------------------------


@pytest.mark.parametrize("text, low, high, expected", [
    ("7", 0, 25, 7),
    ("seven", 0, 25, 7),
    ("Seven.", 0, 25, 7),
    ("7 years old", 0, 25, 7),
    ("she's 12", 0, 25, 12),
    ("she\u2019s twelve", 0, 25, 12),
    ("4/10", 0, 10, 4),
    ("none", 0, 30, 0),
    ("0", 0, 30, 0),
    ("twice", 0, 30, 2),
    ("about 2 months", 0, 240, 2),
    ("10", 0, 10, 10),
])
def test_numbers_are_read(text, low, high, expected):
    assert parse_number(text, low, high) == expected


@pytest.mark.parametrize("text, low, high", [
    ("11", 0, 10),
    ("eleven", 0, 10),
    ("26", 0, 25),
    ("0", 1, 5),
])
def test_numbers_outside_the_range_are_rejected(text, low, high):
    assert parse_number(text, low, high) is None


@pytest.mark.parametrize("text", ["no", "Friday", "not known", "", "2.5"])
def test_non_numbers_give_none(text):
    assert parse_number(text, 0, 30) is None


def test_number_inside_text_is_found_with_range_check_on_it():
    assert parse_number("about 3 previous plans", 0, 30) == 3
    assert parse_number("about 31 previous plans", 0, 30) is None


def test_negative_number_is_rejected():
    assert parse_number("-1", 0, 30) is None


@pytest.mark.parametrize("text", [
    "not sure, 2 siblings",  # the outside test's example: a reflection is not a number
    "three or 4",
    "2 or 3 I think?",
    "mum had her first baby at 17 and this is the second plan",
    "maybe 3",
    "I would need to check the file but I think it was 3",
])
def test_a_number_question_takes_only_a_message_that_is_a_number(text):
    assert parse_number(text, 0, 30) is None


# ----- choices (the real concerns, agencies and categories) ---------------------------


@pytest.mark.parametrize("text, expected", [
    ("DA and neglect", ["domestic_abuse", "neglect"]),
    ("mum's MH, drugs", ["parental_mental_health", "parental_substance_misuse"]),
    ("mum\u2019s mental health and drinking", ["parental_mental_health", "parental_substance_misuse"]),
    ("DV", ["domestic_abuse"]),
    ("coercive control", ["domestic_abuse"]),
    ("Neglect.", ["neglect"]),
    ("dad is in prison", ["parental_criminal_activity"]),
])
def test_concerns_found_by_label_or_alias_in_order_typed(concerns, text, expected):
    assert concerns.find(text) == expected


def test_concerns_unrelated_text_finds_nothing(concerns):
    assert concerns.find("the family moved house in the summer") == []


def test_concerns_picked_by_menu_number(concerns, knowledge):
    ids = [c.id for c in knowledge.case_options.concerns]
    assert concerns.find_numbers("1, 3") == [ids[0], ids[2]]
    assert concerns.find_numbers("1, 3") == ["domestic_abuse", "parental_substance_misuse"]


def test_menu_numbers_out_of_range_are_ignored(concerns):
    assert concerns.find_numbers("0, 8, 99") == []
    assert concerns.find_numbers("2 and 2") == ["parental_mental_health"]


@pytest.mark.parametrize("text", ["parent", "the parents separated", "mum's partner", "dad paid rent",
                                  "grandpa"])
def test_short_alias_pa_does_not_match_inside_words(concerns, plan_categories, text):
    assert "physical_abuse" not in concerns.find(text)
    assert "physical_abuse" not in plan_categories.find(text)


@pytest.mark.parametrize("text", ["safety", "the safety plan", "same as before", "usage", "visa"])
def test_short_alias_sa_does_not_match_inside_words(plan_categories, text):
    assert "sexual_abuse" not in plan_categories.find(text)


def test_short_aliases_match_as_whole_words(plan_categories):
    assert plan_categories.find("PA") == ["physical_abuse"]
    assert plan_categories.find("sa") == ["sexual_abuse"]


@pytest.mark.parametrize("text", ["update from the school", "advice given", "mhm", "a small flat",
                                  "on the agenda"])
def test_short_concern_aliases_da_dv_mh_sm_do_not_match_inside_words(concerns, text):
    assert concerns.find(text) == []


def test_short_concern_aliases_match_as_whole_words(concerns):
    assert concerns.find("mh is a worry, also sm") == ["parental_mental_health", "parental_substance_misuse"]


def test_agencies_found(agencies):
    assert agencies.find("school, police and the health visitor") == ["education", "police", "sirona"]
    assert agencies.find("Sirona health visitor") == ["sirona"]  # Sirona provides health visiting locally


def test_labels_for_ids(concerns):
    assert concerns.labels(["neglect", "not_an_id", "domestic_abuse"]) == ["Neglect", "Domestic abuse"]


def test_parent_self_neglect_is_not_child_neglect(concerns):
    assert concerns.find("mum's self-neglect") == ["parental_self_neglect"]


def test_adult_social_care_is_not_childrens_social_care(agencies):
    assert agencies.find("adult social care") == ["adult_social_care"]


# ----- near misses of a command -------------------------------------------------------


@pytest.mark.parametrize("typed, meant", [
    ("skp", "skip"), ("sikp", "skip"), ("skipp", "skip"), ("SKP", "skip"), ("skp.", "skip"),
    ("sve", "save"), ("svae", "save"), ("sav", "save"), ("saev", "save"),
    ("pasue", "pause"), ("puase", "pause"), ("paus", "pause"), ("pausee", "pause"),
    ("chnage", "change"), ("chnge", "change"), ("chaneg", "change"),
    ("hlep", "help"), ("hepl", "help"), ("hlp", "help"),
    ("resme", "resume"), ("rseume", "resume"),
    ("stuk", "stuck"), ("sutck", "stuck"),
])
def test_a_one_letter_slip_of_a_command_word_is_a_near_miss(typed, meant):
    assert near_command(typed) == meant


@pytest.mark.parametrize("typed", [
    # the commands themselves are commands, not near misses
    "skip", "save", "pause", "help", "change", "resume", "stuck", "pass", "stop",
    # real words one letter from a command: they may well be answers
    "same", "safe", "sane", "sale", "have", "wave", "cause", "parse", "held", "hell", "chance",
    "charge", "changed", "stick", "stock", "struck", "ship", "slip", "skin", "presume", "Dave",
    # yes, no, unsure and numbers
    "sure", "yes", "no", "nope", "maybe", "none", "seven", "six",
    # more than one word, or a command word inside a sentence
    "save it", "sve it", "skp this", "please save the chronology", "we made the same plan",
    "I will skip the meeting", "sve the record",
    # too short, too long, not letters, or two edits away
    "s", "sk", "sv", "skippppp", "saaaave", "s4ve", "12", "?", "", "   ", "sa ve", "svee", "chng",
])
def test_real_words_and_sentences_are_never_near_misses(typed):
    assert near_command(typed) is None


def test_a_slip_equally_near_two_commands_is_not_guessed(monkeypatch):
    from bot.reading import text_input
    assert near_command("sabe") == "save"
    monkeypatch.setitem(text_input.NEAR_COMMAND_WORDS, "sane", "skip")  # "sabe" is one from "save" and "sane"
    assert near_command("sabe") is None


def test_near_misses_of_every_command_word_are_found_and_none_is_a_real_word():
    from bot.reading.text_input import NEAR_COMMAND_WORDS, REAL_WORDS
    for word, command in NEAR_COMMAND_WORDS.items():
        dropped = word[:1] + word[2:]  # the second letter missed out
        if dropped not in REAL_WORDS:
            assert near_command(dropped) == command, dropped
    assert not REAL_WORDS & set(NEAR_COMMAND_WORDS)


# ----- a button's title, typed ------------------------------------------------------------


BUTTONS = [("Start the workshop", "start"), ("Change", "change"), ("Save the pack", "save"),
           ("Save the record", "/save_record"), ("Child in need", "Child in need")]


@pytest.mark.parametrize("typed, text, intent", [
    ("Save the pack", "save", None),
    ("  save THE pack. ", "save", None),
    ("Start the workshop", "start", None),
    ("save the record", "/save_record", "save_record"),
])
def test_a_typed_button_title_becomes_its_payload(typed, text, intent):
    message = typed_button(Incoming(typed), BUTTONS)
    assert message.text == text
    if intent:
        assert message.intent == intent and message.is_payload
        assert detect_command(message) == "save"


@pytest.mark.parametrize("typed", [
    "Save the pack please, and the notes",  # more than the title: an answer or a point
    "the pack", "Child in need", "change of school", "something else entirely",
])
def test_other_messages_are_left_as_typed(typed):
    message = Incoming(typed, intent="affirm", confidence=0.5)
    assert typed_button(message, BUTTONS) is message


def test_a_pressed_button_is_left_alone():
    message = Incoming("/save_record", intent="save_record")
    assert typed_button(message, [("/save_record", "/other")]) is message
