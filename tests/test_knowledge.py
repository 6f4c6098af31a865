"""Tests for knowledge/: the real files load, match the audit poster, and a broken
file stops start-up with a message naming the file and the field.

Broken files are made in tmp_path from a copy of the real folder; the real
folder is never touched.
"""
import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from bot.knowledge import Knowledge, KnowledgeError, load_knowledge

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE_DIR = ROOT / "knowledge"
# The poster is a public document kept in the repository beside the knowledge.
POSTER = KNOWLEDGE_DIR / "sources" / "audit-repeat-cp-plans-2025.txt"
GOOD_PRACTICE_HEADING = "What Good Practice did we see?"

STAGES_IN_ORDER = ["experience", "reflection", "analysis", "action"]
THEME_IDS = {
    "disguised_compliance", "over_optimism", "cumulative_harm", "escalation",
    "voice_of_child", "voice_of_father", "think_family", "multi_agency",
    "language_and_recording", "domestic_abuse", "neglect",
}


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def poster_text() -> str:
    assert POSTER.is_file(), f"audit poster not found at {POSTER} (it belongs in knowledge/sources/)"
    return POSTER.read_text(encoding="utf-8")


def poster_bullets(text: str):
    """(finding bullets, good-practice bullets) from the poster.

    Good-practice bullets are those after the "What Good Practice did we see?"
    heading up to the next block that is not bullets (blank lines don't end it).
    """
    findings, good_practice = [], []
    in_good_practice = False
    seen_good_practice_bullet = False
    for line in text.splitlines():
        stripped = line.strip()
        if GOOD_PRACTICE_HEADING in stripped and not stripped.startswith("- "):
            in_good_practice, seen_good_practice_bullet = True, False
            continue
        if in_good_practice:
            if not stripped:
                continue
            if stripped.startswith("- "):
                good_practice.append(stripped[2:])
                seen_good_practice_bullet = True
                continue
            if seen_good_practice_bullet:
                in_good_practice = False
        if stripped.startswith("- "):
            findings.append(stripped[2:])
    return findings, good_practice


# ----- the real knowledge ------------------------------------------------------


def test_real_knowledge_loads(knowledge):
    assert isinstance(knowledge, Knowledge)
    assert knowledge.audit.findings
    assert knowledge.patterns
    assert knowledge.case_options.concerns


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


def test_finding_ids_are_unique(knowledge):
    ids = [f.id for f in knowledge.audit.findings]
    assert len(ids) == len(set(ids))


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


def test_every_question_names_a_real_finding(knowledge):
    finding_ids = {f.id for f in knowledge.audit.findings}
    bad = [(t.id, q.finding) for t in knowledge.themes for q in t.questions if q.finding not in finding_ids]
    assert bad == []


def test_every_theme_finding_and_pattern_finding_exists(knowledge):
    finding_ids = {f.id for f in knowledge.audit.findings}
    assert [(t.id, f) for t in knowledge.themes for f in t.findings if f not in finding_ids] == []
    assert [p.id for p in knowledge.patterns if p.finding not in finding_ids] == []


def _is_https(url: str) -> bool:
    parts = urlparse(url)
    return parts.scheme == "https" and bool(parts.netloc) and " " not in url


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


def test_every_danger_phrase_compiles(knowledge):
    for phrase in knowledge.urgent.danger_phrases:
        re.compile(phrase)


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


def test_invalid_danger_phrase_regex_is_named(knowledge_copy):
    edit(knowledge_copy, "urgent_help.yml", '    - "just threatened to kill"\n',
         '    - "just threatened to kill"\n    - "(unclosed bracket"\n')
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
