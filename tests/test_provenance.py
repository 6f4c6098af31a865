"""The provenance check (bot/content/provenance.py) fails on each old loophole, and the sign-off gates paraphrases.

Each test edits a copy of knowledge/ (or a small package of code) the way a
careless edit would, and expects `content_problems` to name it: a paraphrase
sharing two words with its passage, a 12-character quote clearing a whole
sentence, "From the audit:", "identified" and "highlighted" wording, and a
claim built in Python. Invented claims only.
"""
import re
import shutil
from pathlib import Path

import pytest
import yaml

from bot.content import provenance
from bot.content.knowledge import KnowledgeError, load_knowledge

KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "knowledge"
INVENTED = "The audit found closing child protection plans after six months is unlawful."


@pytest.fixture
def copy(tmp_path):
    """A copy of knowledge/ to spoil, and a function replacing exact text in one of its files."""
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, folder)

    def replace(name, old, new):
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        path.write_text(text.replace(old, new), encoding="utf-8")
    return folder, replace


def problems(folder, code=None):
    return provenance.content_problems(load_knowledge(folder), folder, code)


def test_the_real_content_passes(knowledge):
    assert provenance.content_problems(knowledge, KNOWLEDGE_DIR) == []


def test_a_paraphrase_sharing_two_words_with_its_passage_fails(copy):
    """It shares "child", "protection" and "plans" with worried.4 (the old rule's two stems) and adds a claim."""
    folder, replace = copy
    replace("audit.yml", 'summary: "An absence of police reports can be misread as a positive, and the closure of a '
            'CP plan can lead to over-optimism."', f'summary: "{INVENTED}"')
    found = problems(folder)
    assert any("absence_of_police_reports" in p and "does not restate" in p for p in found), found


def test_a_short_quote_does_not_clear_a_whole_sentence(copy):
    folder, replace = copy
    note = "Ask the group how they check their own hope against what other agencies see."
    replace("workshop.yml", note, note + " The audit found that 'child protection' plans must close after six months.")
    found = problems(folder)
    assert any("not traced to the poster" in p and "six months" in p for p in found), found


def test_a_whole_passage_quoted_with_only_framing_words_passes():
    passages = {"worried.12": "No voice of father included"}
    assert provenance.quote_traces("The audit found: 'No voice of father included'.", passages) == "worried.12"
    assert provenance.quote_traces("The audit found: 'No voice of father included', so fathers are always a "
                                   "danger to children and must be excluded.", passages) is None


@pytest.mark.parametrize("claim", [
    "From the audit: plans closed after six months are unlawful.",
    "The audit identified that poor housing causes every repeat plan.",
    "The audit highlighted that grandparents were never consulted.",
    "Poor housing was highlighted by the audit as the main cause.",
])
def test_claims_worded_from_identified_or_highlighted_are_looked_for(copy, claim):
    folder, replace = copy
    replace("conversation.yml", 'ask_worried: "', f'ask_worried: "{claim} ')
    found = problems(folder)
    assert any("not traced to the poster" in p and claim.split()[-1] in p for p in found), found


def test_a_claim_built_in_python_fails_until_a_reviewer_sees_it(copy, tmp_path):
    folder, replace = copy
    code = tmp_path / "bot"
    code.mkdir()
    (code / "__init__.py").write_text("")
    (code / "spoilt.py").write_text('def line(x):\n    """The audit found nothing: a docstring is not shown."""\n'
                                    '    return f"The audit found that {x} is always unsafe."\n')
    found = problems(folder, code)
    assert any("bot/spoilt.py" in p and "The audit found that {} is always unsafe." in p for p in found), found
    replace("signoff.yml", "python_texts:\n", "python_texts:\n  - file: bot/spoilt.py\n"
            "    text: \"The audit found that {} is always unsafe.\"\n    shows: \"invented for a test\"\n")
    assert problems(folder, code) == []


def test_the_real_code_lists_each_text_that_presents_the_audit(knowledge):
    listed = {(t.file, t.text) for t in knowledge.signoff.python_texts}
    assert set(provenance.python_claims(provenance.code_root())) == listed


def test_a_double_question_fails_the_check(copy):
    folder, replace = copy
    replace("themes.yml", 'ask: "Who are the men in the child\'s life?"',
            'ask: "Who are the men in the child\'s life, and what does each of them bring?"')
    found = problems(folder)
    assert any("asks two things at once" in p and "voice_of_father" in p for p in found), found


@pytest.mark.parametrize("old, premise", [
    ("What has changed in the child's day since the plan started?",
     "Setting aside how cooperative the parent seems, what has changed for the child since the plan started?"),
    ("If you decide to raise a disagreement, who will you speak to first?",
     "Which stage of the Resolving Professional Differences procedure is next?"),
])
def test_a_question_with_a_premise_fails_the_check(copy, old, premise):
    folder, replace = copy
    replace("themes.yml", f'ask: "{old}"', f'ask: "{premise}"')
    assert any("carries a premise" in p for p in problems(folder))


def question_texts(node):
    """Every string in a YAML document that asks a question (ends with '?')."""
    if isinstance(node, dict):
        for value in node.values():
            yield from question_texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from question_texts(value)
    elif isinstance(node, str) and "?" in node:
        yield from (s.strip() for s in re.findall(r"[^.?!\n]*\?", node))


def test_no_question_anywhere_in_knowledge_asks_two_things_at_once():
    """Themes, patterns, stuck, closure, prompts and the workshop's vignettes: one thing at a time."""
    doubles = []
    for path in sorted(KNOWLEDGE_DIR.glob("*.yml")):
        if path.name in ("danger_sentences.yml", "signoff.yml"):
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        doubles += [f"{path.name}: {q}" for q in question_texts(data) if provenance.DOUBLE_QUESTION.search(q)]
    assert doubles == []
    assert provenance.DOUBLE_QUESTION.search("What happened, and what did it mean for the child?")
    assert provenance.DOUBLE_QUESTION.search("Who will make contact, and how?")
    assert not provenance.DOUBLE_QUESTION.search("What has changed for the child and the family?")


def test_a_paraphrase_is_shown_as_the_audits_only_once_approved(copy, knowledge):
    finding = knowledge.finding("no_voice_of_father")
    shown = knowledge.audit_words("no_voice_of_father")
    assert shown == f'"{finding.poster_text}" (in the assistant\'s words: {finding.summary})'
    folder, replace = copy
    replace("signoff.yml", "approvals: []", "approvals:\n  - key: \"audit.yml: findings.no_voice_of_father.summary\"\n"
            f"    text: \"{finding.summary}\"\n    passage: worried.12\n    reviewer: \"A. Reviewer, invented\"\n"
            "    date: \"2026-01-15\"\n")
    approved = load_knowledge(folder)
    assert approved.audit_words("no_voice_of_father") == finding.summary
    assert problems(folder) == []
    replace("audit.yml", f'summary: "{finding.summary}"', 'summary: "No voice of the father was included."')
    reworded = load_knowledge(folder)
    assert reworded.audit_words("no_voice_of_father").startswith(f'"{finding.poster_text}"')
    assert any("has changed since A. Reviewer, invented approved it" in p for p in problems(folder))


def test_a_link_confirmed_without_a_named_reviewer_stops_loading(copy):
    folder, replace = copy
    replace("toolkits.yml", '''        scope: national
        confirmed: false
        about: "Focuses on''', '''        scope: national
        confirmed: true
        about: "Focuses on''')
    with pytest.raises(KnowledgeError, match="confirmed_by"):
        load_knowledge(folder)
    replace("toolkits.yml", '''        confirmed: true
        about: "Focuses on''', '''        confirmed: true
        confirmed_by: "A. Reviewer, invented"
        confirmed_on: "2026-01-15"
        about: "Focuses on''')
    assert load_knowledge(folder).toolkit("domestic_abuse").links[2].confirmed


def test_every_address_and_number_is_unconfirmed_until_a_reviewer_confirms_it(knowledge):
    links = [link for t in knowledge.toolkits for link in t.links] + list(knowledge.other_resources)
    numbers = [c for c in knowledge.urgent.contacts if c.phone != "999"]
    for item in links + numbers + [knowledge.closure.conference_route]:
        assert not item.confirmed or (item.confirmed_by and item.confirmed_on), item
