"""The wording check: blaming or euphemistic phrases get one kind prompt; nothing is changed."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.reading.language import check_language
from bot.storage.store import Answer
from tests.session_driver import docx_text
from tests.test_supervision import core, db_url, saved_record, talk  # noqa: F401  (fixtures)


@pytest.mark.parametrize("entry_id, text", [
    ("lack_of_engagement", "There has been a lack of engagement."),
    ("lack_of_engagement", "a LACK OF ANY MEANINGFUL ENGAGEMENT from the family"),
    ("lack_of_engagement", "Lacking engagement with services since March."),
    ("lack_of_engagement", "The family are not really engaging."),
    ("lack_of_engagement", "parents disengaged after the conference"),
    ("refused_to_engage", "They refused to engage."),
    ("refused_to_engage", "the parents refuse to properly engage with the plan"),
    ("non_compliant", "Parents non-compliant with the plan"),
    ("non_compliant", "ongoing non compliance"),
    ("hard_to_reach", "a hard-to-reach family"),
    ("hard_to_reach", "they are hard to reach"),
    ("child_failed_to_attend", "The child failed to attend the dentist."),
    ("child_failed_to_attend", "children again failed to attend school nurse clinic"),
    ("child_failed_to_attend", "the baby did not attend her health review"),
    ("disguised_compliance_label", "Disguised compliance."),
    ("disguised_compliance_label", "classic false compliance here"),
    ("euphemism", "There was a domestic on Saturday."),
    ("euphemism", "a volatile relationship between the adults"),
    ("euphemism", "an altercation in the kitchen"),
    ("euphemism", "inappropriate touching was reported"),
    ("euphemism", "the home is chaotic"),
    ("unclear_adult", "dad said he would come to the meeting"),
    ("unclear_adult", "Mum's partner was there"),
])
def test_wording_concerns_and_their_variants_are_caught(knowledge, entry_id, text):
    assert entry_id in [f.entry.id for f in check_language(knowledge, text)]


@pytest.mark.parametrize("text", [
    "She engaged well with the health visitor.",
    "The child was not brought to the dentist by the mother, Jo Example.",
    "There was domestic abuse on Saturday; the child saw it.",
    "Jo Example agreed to attend the group but then cancelled each time, which looked like disguised compliance.",
    "The health visitor said the house was tidy and there was food in the fridge.",
    "Jo Example, the child's father, came to the core group.",
])
def test_plain_descriptions_are_not_flagged(knowledge, text):
    assert [f.entry.id for f in check_language(knowledge, text)] == []


def test_unnamed_adult_is_flagged_even_with_a_name_when_several_adults_are_in_a_parental_role(knowledge):
    text = "Dad (Jo Example) came to the meeting"
    assert check_language(knowledge, text, several_adults=False) == []
    assert [f.entry.id for f in check_language(knowledge, text, several_adults=True)] == ["unclear_adult"]


def test_a_prompt_is_given_once_per_session_and_the_answer_is_kept_verbatim(core):  # noqa: F811
    say = talk(core)
    say("I want to reflect on a case before supervision")
    first = say("lack of engagement from the family")
    assert "A thought on wording" in first and "lack of engagement" in first
    second = say("Still a lack of engagement")
    assert "A thought on wording" not in second
    with core.store.transaction() as db:
        texts = [a.text for a in db.execute(select(Answer).order_by(Answer.id)).scalars()]
    assert texts == ["lack of engagement from the family", "Still a lack of engagement"]
    say("save")
    record = docx_text(saved_record(core))
    assert "Recording reminders" in record and '"lack of engagement"' in record
