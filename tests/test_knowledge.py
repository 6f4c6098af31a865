"""Tests for knowledge/: the real files load, match the audit poster, and a broken
file stops start-up with a message naming the file and the field.

Broken files are made in tmp_path from a copy of the real folder; the real
folder is never touched.
"""
import re
import shutil
from pathlib import Path

import pytest

from bot.content import provenance
from bot.__main__ import main as bot_command
from bot.content.knowledge import KnowledgeError, load_knowledge
from bot.content.provenance import (
    AUDIT_CLAIM, STAGES_IN_ORDER, collapse, is_https as _is_https, paraphrases, poster_bullets,
    strings as _strings,
)

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE_DIR = ROOT / "knowledge"
# The poster is a public document kept in the repository beside the knowledge.
POSTER = KNOWLEDGE_DIR / "sources" / "audit-repeat-cp-plans-2025.txt"
THEME_IDS = {
    "disguised_compliance", "over_optimism", "cumulative_harm", "escalation",
    "voice_of_child", "voice_of_father", "think_family", "multi_agency",
    "language_and_recording", "domestic_abuse", "neglect",
}


def poster_text() -> str:
    assert POSTER.is_file(), f"audit poster not found at {POSTER} (it belongs in knowledge/sources/)"
    return provenance.poster_text(KNOWLEDGE_DIR)


# ----- the real knowledge ------------------------------------------------------


def test_poster_parser_separates_good_practice_from_findings():
    findings, good_practice = poster_bullets(poster_text())
    assert "Social Worker keeping focus on children" in good_practice
    assert "Good joint working with RSPCA" in good_practice
    assert "No voice of father included" in findings
    assert "Consideration of father" not in findings
    assert "Use of multi-agency chronology" in findings
    assert "Reliance on child to report domestic abuse" in findings  # after the good-practice block


def test_every_poster_bullet_outside_good_practice_is_a_finding(knowledge):
    findings, _ = poster_bullets(poster_text())
    assert len(findings) >= 29  # 14 worried, 8 deflection, 4 cumulative, 3 needs to happen
    recorded = {collapse(f.poster_text) for f in knowledge.audit.findings}
    missing = [b for b in findings if collapse(b) not in recorded]
    assert missing == []


def test_every_finding_poster_text_is_on_the_poster(knowledge):
    poster = collapse(poster_text())
    not_on_poster = [f.id for f in knowledge.audit.findings if collapse(f.poster_text) not in poster]
    assert not_on_poster == []


def test_good_practice_matches_the_poster_exactly(knowledge):
    _, good_practice = poster_bullets(poster_text())
    assert [collapse(g) for g in knowledge.audit.good_practice] == [collapse(g) for g in good_practice]


def test_every_finding_is_answered_by_a_theme(knowledge):
    answered = {fid for theme in knowledge.themes for fid in theme.findings}
    unanswered = [f.id for f in knowledge.audit.findings if f.id not in answered]
    assert unanswered == []


def test_all_eleven_themes_are_present(knowledge):
    ids = [t.id for t in knowledge.themes]
    assert set(ids) == THEME_IDS
    assert len(ids) == 11


@pytest.mark.parametrize("theme_id", sorted(THEME_IDS))
def test_theme_questions_follow_the_cycle_in_order(knowledge, theme_id):
    stages = [q.stage for q in knowledge.theme(theme_id).questions]
    stages_once = [s for i, s in enumerate(stages) if i == 0 or stages[i - 1] != s]
    assert stages_once == STAGES_IN_ORDER


def test_toolkit_links_are_https_or_empty_only_when_unconfirmed(knowledge):
    links = [link for toolkit in knowledge.toolkits for link in toolkit.links] + list(knowledge.other_resources)
    assert links
    for link in links:
        if link.url == "":
            assert link.confirmed is False, f"{link.title}: empty address marked confirmed"
        else:
            assert _is_https(link.url), f"{link.title}: {link.url!r} is not an https address"


def test_theme_read_more_links_are_https(knowledge):
    bad = [link.url for theme in knowledge.themes for link in theme.read_more if not _is_https(link.url)]
    assert bad == []


def test_urgent_help_gives_999(knowledge):
    assert "999" in knowledge.urgent.message
    assert "999" in [c.phone for c in knowledge.urgent.contacts]


# ----- broken files -------------------------------------------------------------


@pytest.fixture
def knowledge_copy(tmp_path):
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, target)
    return target


def edit(directory: Path, name: str, old: str, new: str) -> None:
    """Replace the first `old` in a knowledge file; fail if it isn't there."""
    path = directory / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def load_error(directory: Path) -> str:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(directory)
    return str(caught.value)


def test_a_repeated_finding_id_is_named(knowledge_copy):
    """Replaces a test that re-checked the real ids: the loader's check itself must work."""
    edit(knowledge_copy, "audit.yml", "  - id: asc_not_included", "  - id: no_voice_of_father")
    assert "finding id" in load_error(knowledge_copy) and "no_voice_of_father" in load_error(knowledge_copy)


def test_a_pattern_naming_an_unknown_finding_is_named(knowledge_copy):
    text = (knowledge_copy / "patterns.yml").read_text(encoding="utf-8")
    finding = re.search(r"^\s+finding: (\S+)", text, re.MULTILINE).group(1)
    edit(knowledge_copy, "patterns.yml", f"finding: {finding}", "finding: not_a_finding")
    assert "names unknown finding 'not_a_finding'" in load_error(knowledge_copy)


def test_unchanged_copy_loads(knowledge_copy):
    assert load_knowledge(knowledge_copy).theme("neglect").title


def test_missing_file_is_named(knowledge_copy):
    (knowledge_copy / "audit.yml").unlink()
    message = load_error(knowledge_copy)
    assert "audit.yml" in message
    assert "missing" in message


def test_invalid_yaml_is_named(knowledge_copy):
    (knowledge_copy / "patterns.yml").write_text("patterns:\n  - id: [unclosed\n", encoding="utf-8")
    message = load_error(knowledge_copy)
    assert "patterns.yml" in message
    assert "not valid YAML" in message


def test_file_that_is_not_a_mapping_is_named(knowledge_copy):
    (knowledge_copy / "case_options.yml").write_text("- just a list\n", encoding="utf-8")
    message = load_error(knowledge_copy)
    assert "case_options.yml" in message


def test_misspelt_field_in_themes_is_named(knowledge_copy):
    edit(knowledge_copy, "themes.yml", "    why_it_matters:", "    why_it_maters:")
    message = load_error(knowledge_copy)
    assert "themes.yml" in message
    assert "why_it_maters" in message
    assert "extra fields not permitted" in message


def test_unknown_question_stage_is_named(knowledge_copy):
    edit(knowledge_copy, "themes.yml", "stage: reflection", "stage: musing")
    message = load_error(knowledge_copy)
    assert "themes.yml" in message
    assert "questions.1.stage" in message
    assert "must be one of experience, reflection, analysis, action" in message


def test_question_stages_out_of_cycle_order_are_rejected(knowledge_copy):
    # The first theme asks reflection before experience: every stage is there, in the wrong order.
    edit(knowledge_copy, "themes.yml", "stage: experience", "stage: SWAP")
    edit(knowledge_copy, "themes.yml", "stage: reflection", "stage: experience")
    edit(knowledge_copy, "themes.yml", "stage: SWAP", "stage: reflection")
    message = load_error(knowledge_copy)
    assert "themes.yml" in message
    assert "questions" in message
    assert "in the order experience, reflection, analysis, action" in message


def test_theme_missing_a_stage_is_rejected(knowledge_copy):
    # The first theme's experience question becomes a reflection one: no experience question left.
    edit(knowledge_copy, "themes.yml", "stage: experience", "stage: reflection")
    message = load_error(knowledge_copy)
    assert "themes.yml" in message
    assert "themes.0.questions" in message
    assert "needs at least one question for each stage" in message


def test_theme_naming_unknown_finding_is_named(knowledge_copy):
    edit(knowledge_copy, "themes.yml", "      - parent_sees_no_risk\n", "      - parent_sees_no_risks\n")
    message = load_error(knowledge_copy)
    assert "themes.yml" in message
    assert "disguised_compliance" in message
    assert "unknown finding 'parent_sees_no_risks'" in message


def test_missing_theme_is_named(knowledge_copy):
    edit(knowledge_copy, "themes.yml", "  - id: voice_of_father", "  - id: voice_of_dad")
    message = load_error(knowledge_copy)
    assert "themes.yml" in message
    assert "missing themes: voice_of_father" in message


def test_pattern_naming_unknown_concern_is_named(knowledge_copy):
    edit(knowledge_copy, "patterns.yml", "concerns_include: [domestic_abuse]", "concerns_include: [domestic_abuses]")
    message = load_error(knowledge_copy)
    assert "patterns.yml" in message
    assert "unknown concern 'domestic_abuses'" in message


def test_missing_prompt_is_named(knowledge_copy):
    edit(knowledge_copy, "conversation.yml",
         '  ask_worker: "First, what name should go on the record for you?"\n', "")
    message = load_error(knowledge_copy)
    assert "conversation.yml" in message
    assert "ask_worker" in message


def test_a_mistyped_name_in_a_prompt_is_named_with_what_it_can_use(knowledge_copy):
    """A {name} the code never fills in would stop a session with an error: start-up says so instead."""
    text = (knowledge_copy / "conversation.yml").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("  resumed:"))
    edit(knowledge_copy, "conversation.yml", line, line.replace("{case}", "{case_ref}"))
    message = load_error(knowledge_copy)
    assert "conversation.yml" in message and "resumed: unknown {case_ref}" in message
    assert "this prompt can use: {case}" in message


def test_a_prompt_the_code_does_not_use_is_named(knowledge_copy):
    edit(knowledge_copy, "conversation.yml", "prompts:\n", 'prompts:\n  not_a_prompt: "Hello"\n')
    assert "unknown prompt 'not_a_prompt'" in load_error(knowledge_copy)


def test_invalid_danger_phrase_regex_is_named(knowledge_copy):
    edit(knowledge_copy, "urgent_help.yml", '    - "about to (hurt|kill|harm|hit|attack|stab)"\n',
         '    - "about to (hurt|kill|harm|hit|attack|stab)"\n    - "(unclosed bracket"\n')
    message = load_error(knowledge_copy)
    assert "urgent_help.yml" in message
    assert "danger_phrases" in message
    assert "(unclosed bracket" in message
    assert "not a valid pattern" in message


# A misspelt field name stops start-up, but a misspelt *value* in a pattern's
# conditions loads silently and the pattern can then never fire.

def test_pattern_answer_is_naming_unknown_step_is_named(knowledge_copy):
    edit(knowledge_copy, "patterns.yml", "answer_is: {case.closure_considered:",
         "answer_is: {case.closure_consdered:")
    message = load_error(knowledge_copy)
    assert "patterns.yml" in message
    assert "case.closure_consdered" in message


def test_pattern_unknown_session_kind_is_named(knowledge_copy):
    edit(knowledge_copy, "patterns.yml", "      session_kind: stuck", "      session_kind: stuk")
    message = load_error(knowledge_copy)
    assert "patterns.yml" in message
    assert "stuk" in message


# ----- the poster in the repository, and where every audit claim comes from -----------

SOURCE_YML = KNOWLEDGE_DIR / "sources" / "audit-repeat-cp-plans-2025.yml"
# Claims the audit does not make, once credited to it (issue 13): never again.
NOT_ON_THE_POSTER = ("starting afresh", "start again", "hide what actually happened",
                     "hides what actually happened", "quiet period", "good joint working and",
                     "joint working.", "in some plans", "in some cases")
def test_the_poster_is_in_the_repository_with_its_title_publisher_and_date(knowledge):
    assert POSTER.is_file()
    assert knowledge.source.publisher == "South Gloucestershire Children's Partnership"
    assert knowledge.source.date == "September 2025"
    assert knowledge.source.public is True
    assert knowledge.source.title == "Multi Agency Quality Assurance Audit: Repeat Child Protection Plans"
    poster = collapse(poster_text())
    assert "Multi Agency Quality Assurance Audit:" in poster and "Repeat Child" in poster
    assert "South Gloucestershire CHILDREN'S PARTNERSHIP" in poster and "September 2025" in poster


def test_every_passage_is_word_for_word_on_the_poster(knowledge):
    poster = collapse(poster_text())
    assert [pid for pid, text in knowledge.source.passages.items() if collapse(text) not in poster] == []


def test_every_poster_bullet_has_a_passage_id(knowledge):
    findings, good_practice = poster_bullets(poster_text())
    passages = {collapse(t) for t in knowledge.source.passages.values()}
    assert [b for b in findings + good_practice if collapse(b) not in passages] == []


def test_a_passage_not_on_the_poster_stops_start_up(knowledge_copy):
    edit(knowledge_copy, "sources/audit-repeat-cp-plans-2025.yml", "Continuity of social worker",
         "Continuity of social worker and good joint working")
    message = load_error(knowledge_copy)
    assert "audit-repeat-cp-plans-2025.yml" in message and "passages.good_practice.2" in message


def test_a_paraphrase_naming_an_unknown_passage_stops_start_up(knowledge_copy):
    edit(knowledge_copy, "audit.yml", "paraphrase_of: worried.8", "paraphrase_of: worried.80")
    assert "unknown passage 'worried.80'" in load_error(knowledge_copy)


def test_every_finding_summary_restates_its_own_poster_words(knowledge):
    wrong = [f.id for f in knowledge.audit.findings
             if not paraphrases(f.summary, knowledge.source.passages[knowledge.passage_of(f.id)])]
    assert wrong == []


def test_every_pattern_why_restates_its_finding(knowledge):
    for pattern in knowledge.patterns:
        assert pattern.why.startswith("The audit "), pattern.id
        passage = knowledge.source.passages[knowledge.passage_of(pattern.finding)]
        assert paraphrases(pattern.why, passage), pattern.id


def test_every_headline_restates_the_passage_it_names(knowledge):
    for headline in knowledge.audit.headlines:
        assert paraphrases(headline.text, knowledge.source.passages[headline.paraphrase_of]), headline.text


def test_toolkits_quote_the_poster_exactly(knowledge):
    poster = collapse(poster_text())
    for toolkit in knowledge.toolkits:
        assert collapse(knowledge.finding(toolkit.audit_finding).poster_text) in poster


def test_every_claim_about_the_audit_in_knowledge_is_traced_to_the_poster(knowledge):
    """A sentence saying what the audit found quotes the poster, or names the passage it restates."""
    assert provenance.untraced_claims(knowledge, KNOWLEDGE_DIR) == []


def test_every_sign_off_rule_holds_for_the_real_content(knowledge):
    """The rules `python -m bot check` runs (bot/content/provenance.py), all at once."""
    assert provenance.content_problems(knowledge, KNOWLEDGE_DIR) == []


def check_fails_with(directory: Path, monkeypatch, capsys) -> str:
    monkeypatch.setenv("KNOWLEDGE_DIR", str(directory))
    assert bot_command(["check"]) == 1
    return capsys.readouterr().err


def test_the_check_command_stops_a_claim_the_poster_does_not_make(knowledge_copy, monkeypatch, capsys):
    edit(knowledge_copy, "themes.yml", 'why_it_matters: "Agreeing', 'why_it_matters: "The audit found that '
         'invented claims creep in. Agreeing')
    error = check_fails_with(knowledge_copy, monkeypatch, capsys)
    assert "themes.yml" in error and "not traced to the poster" in error and "invented claims" in error


def test_the_check_command_stops_a_closed_or_double_question(knowledge_copy, monkeypatch, capsys):
    theme = load_knowledge(knowledge_copy).theme("neglect")
    question = next(q.ask for q in theme.questions if q.stage == "analysis")
    edit(knowledge_copy, "themes.yml", question, "Is it neglect? Or not?")
    error = check_fails_with(knowledge_copy, monkeypatch, capsys)
    assert "'neglect'" in error and "ask one question" in error and "should be open" in error


def test_the_check_command_stops_a_summary_that_no_longer_restates_its_finding(knowledge_copy, monkeypatch,
                                                                               capsys):
    edit(knowledge_copy, "audit.yml", 'summary: "The father\'s voice was not included."',
         'summary: "Chronologies were long."')
    error = check_fails_with(knowledge_copy, monkeypatch, capsys)
    assert "finding 'no_voice_of_father': its summary does not restate its own poster words" in error


def audit_texts(knowledge) -> list:
    """Every text shown as the audit's: summaries, pattern reasons, headlines, claims in any file."""
    import yaml
    texts = [f.summary for f in knowledge.audit.findings] + [p.why for p in knowledge.patterns]
    texts += knowledge.audit.headline_texts + [e.reason for e in knowledge.language if e.paraphrase_of]
    for path in KNOWLEDGE_DIR.glob("*.yml"):
        for _, _, text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            texts += [s for s in re.split(r"(?<=[.?!])\s+", text) if AUDIT_CLAIM.search(s)]
    return texts


def test_claims_the_poster_does_not_make_are_gone(knowledge):
    found = [(phrase, text) for text in audit_texts(knowledge) for phrase in NOT_ON_THE_POSTER
             if phrase in text.lower()]
    assert found == []


def test_why_it_matters_makes_no_claim_about_the_audit(knowledge):
    assert [t.id for t in knowledge.themes if "audit" in t.why_it_matters.lower()] == []


def test_start_again_syndrome_is_credited_to_its_own_source(knowledge):
    text = knowledge.theme("over_optimism").why_it_matters
    assert "start again syndrome" in text and "Brandon et al. (2008)" in text


def test_language_reasons_citing_the_audit_name_their_passage(knowledge):
    for entry in knowledge.language:
        if "audit" in entry.reason.lower():
            assert entry.paraphrase_of, entry.id
            assert paraphrases(entry.reason, knowledge.source.passages[entry.paraphrase_of]), entry.id


# ----- lists, aliases, links ----------------------------------------------------------------

POSTER_CONCERNS = {"domestic_abuse", "parental_mental_health", "parental_criminal_activity", "neglect",
                   "physical_abuse", "parental_substance_misuse"}
POSTER_AGENCIES = {"gp", "social_care", "sirona", "nbt", "awp", "next_link", "police", "yjs", "edt",
                   "preventative_services", "education"}
NAMED_ORGANISATIONS = {"sirona": "sirona", "nbt": "nbt|north bristol", "awp": "awp|avon and wiltshire",
                       "next_link": "next ?link"}
# What the named providers do locally (the poster's list names them): these general words go to them.
LOCAL_SERVICES = {"sirona": {"community health", "health visitor", "health visiting", "hv", "school nurse",
                             "school nursing"},
                  "awp": {"adult mental health", "mental health services", "mental health team", "cmht"}}


def test_lists_say_which_items_are_the_audits_own(knowledge):
    concerns, agencies = knowledge.case_options.concerns, knowledge.case_options.agencies
    assert {c.id for c in concerns if not c.addition} == POSTER_CONCERNS
    assert {a.id for a in agencies if not a.addition} == POSTER_AGENCIES
    for option in concerns + agencies:
        if not option.addition:  # the poster's own words name it
            assert option.label.split(" (")[0].lower().replace("gp", "gps") in poster_text().lower() \
                or option.id in ("parental_mental_health", "parental_substance_misuse"), option.id


def test_no_general_word_maps_to_a_named_trust(knowledge):
    for option in knowledge.case_options.agencies:
        if option.id in NAMED_ORGANISATIONS:
            stray = [a for a in option.also_known_as if not re.search(NAMED_ORGANISATIONS[option.id], a)]
            assert set(stray) == LOCAL_SERVICES.get(option.id, set()), option.id
    hospital = [a.id for a in knowledge.case_options.agencies if "hospital" in a.also_known_as]
    assert hospital == ["hospital"] and knowledge.case_options.agencies[-1].id == "other"


def test_maintainers_notes_and_unconfirmed_addresses(knowledge):
    resource = knowledge.resource("escalation_procedures")
    assert resource.url.startswith("https://www.proceduresonline.com/swcpp") and resource.confirmed is False
    assert len(resource.stages) >= 4 and "paramount" in resource.stages[-1]
    line = knowledge.link_line("A", "https://example.org/", False)
    assert line == "A: https://example.org/ (check this link with your team before relying on it)"
    assert knowledge.link_line("A", "https://example.org/", True) == "A: https://example.org/"


# ----- the questions -------------------------------------------------------------------------

CLOSED_OPENINGS = re.compile(r"^(has|have|is|are|do|does|did|can|could|would|will|should|was|were)\b", re.I)
LEADING = ("feel better", "protective parent", "the trauma", "their trauma", "why not", "if not,")


@pytest.mark.parametrize("theme_id", sorted(THEME_IDS))
def test_questions_are_open_single_and_without_a_premise(knowledge, theme_id):
    theme = knowledge.theme(theme_id)
    for question in theme.questions:
        assert question.ask.count("?") == 1 and question.ask.endswith("?"), question.ask
        assert not any(words in question.ask.lower() for words in LEADING), question.ask
        if question.stage == "analysis":
            assert not CLOSED_OPENINGS.match(question.ask), question.ask
    reflection = [q.ask for q in theme.questions if q.stage == "reflection"]
    assert any(re.search(r"\bfe(el|lt|eling)\b", q) for q in reflection), theme_id


def test_the_fathers_theme_asks_about_safety_before_his_view(knowledge):
    asks = [q.ask for q in knowledge.theme("voice_of_father").questions]
    safety = next(n for n, q in enumerate(asks) if "causing harm" in q)
    view = next(n for n, q in enumerate(asks) if "view" in q)
    assert safety < view


def test_a_parent_taking_no_responsibility_and_attachment_have_questions_of_their_own(knowledge):
    questions = [q for t in knowledge.themes for q in t.questions]
    assert any(q.finding == "parent_takes_no_responsibility" and "responsibility" in q.ask for q in questions)
    attachment = [q for q in questions if q.finding == "attachment_not_assessed"]
    assert attachment and all("attachment" in q.ask and q.ask.count("?") == 1 for q in attachment)


def test_the_toolkit_question_asks_what_it_showed_without_blame(knowledge):
    prompt = knowledge.prompts["ask_toolkit_used"]
    # one question, and no premise that the tool was used (nor blame if it was not)
    assert "shown" in prompt and "if it has been used" in prompt and prompt.count("?") == 1
    assert "why not" not in prompt.lower()


def test_the_closure_check_has_the_highest_priority(knowledge):
    closure = knowledge.pattern("closure_considered")
    assert closure.priority == min(p.priority for p in knowledge.patterns)
    assert closure.finding == "no_dissent_at_closure"
    assert closure.closure_check and closure.always_ask  # its question is the whole closure check


# ----- the closure check and lasting change (issue 25) ----------------------------------------


def test_the_closure_checks_questions_are_open_and_one_at_a_time(knowledge):
    questions = knowledge.closure.questions.dict().values()
    assert all(q.count("?") == 1 and q.endswith("?") for q in questions)
    assert not [q for q in questions if provenance.CLOSED_OPENINGS.match(q)]
    assert all(q.ask.count("?") == 1 for q in knowledge.stuck.lasting_change.questions)


def test_the_closure_checks_wording_gives_no_advice_about_what_to_decide(knowledge):
    said = " ".join(knowledge.closure.questions.dict().values()).lower() + knowledge.closure.intro.lower()
    said += " ".join(q.ask.lower() for q in knowledge.stuck.lasting_change.questions)
    for advice in ("you should", "you must", "we recommend", "do not close", "don't close", "keep the plan"):
        assert advice not in said


def test_the_conference_route_is_unconfirmed_and_states_no_timescale_as_fact(knowledge):
    from bot.modes.supervision.closure import conference_route
    route = knowledge.closure.conference_route
    assert route.confirmed is False and "unconfirmed" in route.about
    assert "to be confirmed" in route.timescales.lower()
    shown = "\n".join(conference_route(knowledge))
    assert route.note and route.note not in shown  # maintainers' notes never reach a practitioner
    assert "check this link with your team before relying on it" in shown


def test_a_double_closure_question_stops_start_up(knowledge_copy):
    edit(knowledge_copy, "closure.yml", "in your own words?", "in your own words? And who agrees?")
    error = load_error(knowledge_copy)
    assert "closure.yml" in error and "ask one question" in error


def test_an_unconfirmed_route_that_states_timescales_as_fact_stops_start_up(knowledge_copy):
    edit(knowledge_copy, "closure.yml", "Timescales to be confirmed:", "Timescales:")
    error = load_error(knowledge_copy)
    assert "closure.yml" in error and "to be confirmed" in error


def test_agency_only_where_the_question_names_one(knowledge_copy):
    edit(knowledge_copy, "closure.yml", "what might happen for the child once the plan ends?",
         "what might happen for {agency} once the plan ends?")
    assert "only agency and agency_who may use {agency}" in load_error(knowledge_copy)


def test_a_missing_closure_file_is_named(knowledge_copy):
    (knowledge_copy / "closure.yml").unlink()
    assert "closure.yml: file is missing" in load_error(knowledge_copy)


def test_a_concern_naming_an_unknown_theme_is_named(knowledge_copy):
    edit(knowledge_copy, "case_options.yml", "themes: [think_family]", "themes: [thinking_family]")
    error = load_error(knowledge_copy)
    assert "case_options.yml" in error and "unknown theme 'thinking_family'" in error


def test_the_father_is_always_asked_when_noticed(knowledge):
    assert knowledge.pattern("father_not_involved").always_ask
    assert [p.id for p in knowledge.patterns if p.always_ask] == ["closure_considered", "father_not_involved"]


def test_no_two_questions_are_near_duplicates_unless_they_share_a_topic(knowledge):
    """Themes, patterns and the closure check: a question asked twice in other words wastes the worker's time.

    Two questions sharing half their key words must share a topic, so a session asks only the first.
    """
    from bot.content.provenance import stems
    asked = [(f"{t.id} {n}", q.ask, q.topic) for t in knowledge.themes for n, q in enumerate(t.questions, 1)]
    asked += [(f"pattern {p.id}", p.question, p.topic) for p in knowledge.patterns if p.question]
    asked += [(f"closure {name}", text, None) for name, text in knowledge.closure.questions.dict().items()]
    near = []
    for i, (where, text, topic) in enumerate(asked):
        for other, other_text, other_topic in asked[i + 1:]:
            mine, theirs = stems(text), stems(other_text)
            shared = len(mine & theirs) / len(mine | theirs) if mine and theirs else 0
            if shared >= 0.5 and not (topic and topic == other_topic):
                near.append(f"{where} / {other}")
    assert near == []


@pytest.mark.parametrize("new, error", [
    ('took: ["tablits"', "'tablits' is already read as 'tablets'"),  # one way of typing, two words
    ('took: ["T(uk)"', "must be lower-case words"),  # a way of typing is words, not a pattern
    ('took: ["today"', "'today' is a standard word itself"),  # a word read as itself is no way of typing it
])
def test_a_way_of_typing_a_word_must_be_words_and_mean_one_word(knowledge_copy, new, error):
    edit(knowledge_copy, "urgent_help.yml", 'took: ["tuk"', new)
    with pytest.raises(KnowledgeError, match=re.escape(error)):
        load_knowledge(knowledge_copy)
