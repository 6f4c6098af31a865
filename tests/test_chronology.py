"""Reading plan history and incidents from chat shorthand, and the flags.

Every history here is invented. "Today" is fixed so the tests never age.
"""
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from bot.modes.supervision.chronology import Chronology
from bot.reading.chronology_reading import EXAMPLES, CPPlan, Incident, Problem, read_entries, read_entry
from bot.reading.months import Month, month_number
from tests.content import KNOWLEDGE

TODAY = date(2025, 6, 15)
KNOWLEDGE_SUMMARIES = KNOWLEDGE.finding_summaries  # the shared copy (tests/content.py)


@pytest.fixture(scope="module")
def agencies(knowledge):
    return knowledge.case_options.agencies


def read(text, agencies, today=TODAY):
    return read_entry(text, agencies, today=today)


def M(year, month):
    return Month(year, month)


# --------------------------------------------------------------------------
# Months
# --------------------------------------------------------------------------

def test_month_order_and_arithmetic():
    assert M(2021, 12) < M(2022, 2) < M(2022, 10)
    assert M(2021, 12).months_between(M(2022, 2)) == 2
    assert M(2022, 2).months_between(M(2021, 12)) == -2
    assert M(2021, 3).months_between(M(2021, 12)) == 9
    assert M(2021, 11).plus(3) == M(2022, 2)
    assert str(M(2023, 9)) == "September 2023"
    assert M(2023, 9).short == "Sep 2023"
    assert sorted([M(2024, 1), M(2023, 12), M(2023, 1)]) == [M(2023, 1), M(2023, 12), M(2024, 1)]
    with pytest.raises(ValueError):
        Month(2023, 13)


@pytest.mark.parametrize("word, number", [
    ("January", 1), ("jan", 1), ("Febuary", 2), ("feburary", 2), ("Feb.", 2), ("marc", 3),
    ("MAR", 3), ("aprl", 4), ("May", 5), ("juen", 6), ("jun", 6), ("juyl", 7), ("agust", 8),
    ("sept", 9), ("Sep", 9), ("spet", 9), ("octobre", 10), ("novembre", 11), ("decmber", 12),
])
def test_month_names_and_typos(word, number):
    assert month_number(word) == number


@pytest.mark.parametrize("word", ["plan", "from", "police", "summer", "member", "arm", "mid",
                                  "early", "school", "junior", "now"])
def test_ordinary_words_are_not_months(word):
    assert month_number(word) is None


# --------------------------------------------------------------------------
# Plans
# --------------------------------------------------------------------------

@pytest.mark.parametrize("text, number, start, end, category", [
    ("plan 2: March 2023 to January 2024, emotional abuse", 2, M(2023, 3), M(2024, 1), "emotional abuse"),
    ("Plan 1 Mar 21 - Dec 21 neglect", 1, M(2021, 3), M(2021, 12), "neglect"),
    ("plan 3 03/2023-01/2024 physical abuse", 3, M(2023, 3), M(2024, 1), "physical abuse"),
    ("current plan from Feb 2025, neglect", None, M(2025, 2), None, "neglect"),
    ("plan 4 Feb 2025 to now, neglect", 4, M(2025, 2), None, "neglect"),
    ("2nd plan: Jan 2022 \u2013 Sept 2022 (emotional)", 2, M(2022, 1), M(2022, 9), "emotional"),
    ("second plan Mar - Dec 21 neglect", 2, M(2021, 3), M(2021, 12), "neglect"),
    ("CP2 Febuary 2022 to Decmber 2022 neglect", 2, M(2022, 2), M(2022, 12), "neglect"),
    ("CP plan 5 2023-03 to 2024-01 EA", 5, M(2023, 3), M(2024, 1), "EA"),
    ("plan three from 1st March 2023 until 14/01/2024 (neglect and emotional abuse)",
     3, M(2023, 3), M(2024, 1), "neglect and emotional abuse"),
    ("plan 1: 3rd Mar 2021 - 20th Dec 2021, neglect", 1, M(2021, 3), M(2021, 12), "neglect"),
    ("Then plan 2: Mar 2023 - Jan 2024 EA", 2, M(2023, 3), M(2024, 1), "EA"),
    ("plan no. 2 Mar 2023 - Jan 2024", 2, M(2023, 3), M(2024, 1), ""),
    ("plan #3 Jan 23 - Jun 23 sexual abuse", 3, M(2023, 1), M(2023, 6), "sexual abuse"),
    ("plan 03/2023-01/2024 neglect", None, M(2023, 3), M(2024, 1), "neglect"),
    ("Nov - Feb 2022 plan 1 neglect", 1, M(2021, 11), M(2022, 2), "neglect"),
    ("March 2023 to January 2024 emotional abuse plan", None, M(2023, 3), M(2024, 1), "emotional abuse"),
    ("plan 2: Mar 2023 ended Jan 2024 EA", 2, M(2023, 3), M(2024, 1), "EA"),
    ("plan 2 started March 2023, neglect", 2, M(2023, 3), None, "neglect"),
    ("new plan Feb 2025 neglect", None, M(2025, 2), None, "neglect"),
    ("plan 1 Mar '21 to Dec '21 neglect", 1, M(2021, 3), M(2021, 12), "neglect"),
    ("PLAN 2 MARCH 2023 TO JANUARY 2024 NEGLECT", 2, M(2023, 3), M(2024, 1), "NEGLECT"),
    ("child protection plan 1, 3/21 to 12/21, neglect", 1, M(2021, 3), M(2021, 12), "neglect"),
    ("plan 4: June 2025 to now, neglect", 4, M(2025, 6), None, "neglect"),  # this month is fine
    ("plan 1 May 2021 - May 2021 neglect", 1, M(2021, 5), M(2021, 5), "neglect"),
])
def test_plans(agencies, text, number, start, end, category):
    plan = read(text, agencies)
    assert isinstance(plan, CPPlan), plan
    assert (plan.number, plan.start, plan.end, plan.category) == (number, start, end, category)
    assert plan.text == text


# --------------------------------------------------------------------------
# Incidents
# --------------------------------------------------------------------------

@pytest.mark.parametrize("text, month, what, agency", [
    ("May 2024 police DA callout", M(2024, 5), "police DA callout", "police"),
    ("Jun 2024: school reported bruising", M(2024, 6), "school reported bruising", "education"),
    ("12/2023 GP - mum disclosed low mood", M(2023, 12), "GP - mum disclosed low mood", "gp"),
    ("sept 2024 DA incident, police attended", M(2024, 9), "DA incident, police attended", "police"),
    ("In March '24 HV visit, home conditions poor", M(2024, 3), "HV visit, home conditions poor", "sirona"),
    ("police callout in May 2024", M(2024, 5), "police callout", "police"),
    ("Juen 2024 police callout", M(2024, 6), "police callout", "police"),
    ("March 3, 2023 police attended", M(2023, 3), "police attended", "police"),
    ("12/03/2023 police welfare check", M(2023, 3), "police welfare check", "police"),
    ("2024-02 Next Link referral declined", M(2024, 2), "Next Link referral declined", "next_link"),
    ("Jan 2025 hospital attendance, injury to mum", M(2025, 1), "hospital attendance, injury to mum", "hospital"),
    ("Apr 2024 NBT midwife visit", M(2024, 4), "NBT midwife visit", "nbt"),  # the trust only when named
    ("Oct 2024 neighbour reported shouting", M(2024, 10), "neighbour reported shouting", None),
    ("Dec 2023 adult social care assessment refused", M(2023, 12), "adult social care assessment refused",
     "adult_social_care"),
    ("Aug 2022 mum's other partner arrested by police", M(2022, 8),
     "mum's other partner arrested by police", "police"),  # a named agency beats "other"
    ("3/4 times in May 2024 the school rang", M(2024, 5), "3/4 times the school rang", "education"),
    ("callout in mid-May 2024 at home, police", M(2024, 5), "callout at home, police", "police"),
    ("During plan 2, May 2024 police callout", M(2024, 5), "During plan 2, police callout", "police"),
    ("Feb 2023 early help: family support declined", M(2023, 2), "early help: family support declined",
     "preventative_services"),
    ("Mar 2023 at school, child upset", M(2023, 3), "at school, child upset", "education"),
    ("early May 2024 police callout", M(2024, 5), "police callout", "police"),
])
def test_incidents(agencies, text, month, what, agency):
    incident = read(text, agencies)
    assert isinstance(incident, Incident), incident
    assert (incident.month, incident.what, incident.agency) == (month, what, agency)
    assert incident.text == text


def test_agencies_as_id_alias_pairs():
    pairs = [("police", ["police", "officers"]), ("education", ["school", "nursery"])]
    assert read("May 2024 officers attended", pairs).agency == "police"
    assert read("May 2024 nursery raised concerns", pairs).agency == "education"
    assert read("May 2024 GP letter", pairs).agency is None
    assert read("May 2024 GP letter", ()).agency is None


def test_two_digit_years_are_this_century(agencies):
    assert read("Mar 21 police callout", agencies).month == M(2021, 3)
    assert read("03/21 police callout", agencies).month == M(2021, 3)


# --------------------------------------------------------------------------
# What is refused, always with an example that works
# --------------------------------------------------------------------------

@pytest.mark.parametrize("text, says", [
    ("", "nothing to read"),
    ("   \t ", "nothing to read"),
    ("hello there", "couldn't read a month"),
    ("police callout last spring", "couldn't read a month"),
    ("2023 police callout", "need the month as well"),
    ("plan 2 2021 to 2022 neglect", "need the month as well"),
    ("plan 2 neglect", "couldn't read the months that plan started and ended"),
    ("plan 2 Jan 2024 to Mar 2023 neglect", "ending (March 2023) before it started (January 2024)"),
    ("Mar 2026 police callout", "March 2026 is after this month (June 2025)"),
    ("plan 4 Feb 2025 to Sep 2025 neglect", "September 2025 is after this month (June 2025)"),
    ("plan 1 March 2021 neglect", "started (March 2021) but not when it ended"),
    ("plan 1 Mar 2021 to Jun 2021 to Dec 2021", "three months in that"),
    ("March 2023 to Jan 2024 neglect", "If that is a plan, start with \"plan\""),
    ("May 2024 and June 2024 police callouts", "two months in that. Put each incident on its own line"),
    ("May 2024", "I read May 2024 but not what happened"),
])
def test_refusals_are_clear_and_keep_the_text(agencies, text, says):
    problem = read(text, agencies)
    assert isinstance(problem, Problem), problem
    assert says in problem.message
    assert problem.text == text
    assert "Try \"" in problem.message or "as in \"" in problem.message  # an example that works


def test_no_month_message_is_the_example_from_the_brief(agencies):
    assert read("police came round", agencies).message == \
        "I couldn't read a month in that. " + EXAMPLES


def test_future_uses_today_parameter(agencies):
    assert isinstance(read("Mar 2026 police", agencies, today=date(2026, 3, 1)), Incident)
    assert isinstance(read("Apr 2026 police", agencies, today=date(2026, 3, 31)), Problem)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_an_answer_and_keeps_it(text):
    result = read_entry(text, [("police", ["police"])], today=TODAY)
    assert isinstance(result, (CPPlan, Incident, Problem))
    assert result.text == text
    if isinstance(result, Problem):
        assert result.message


@settings(max_examples=200, deadline=None)
@given(st.integers(2000, 2025), st.integers(1, 12), st.integers(0, 40),
       st.sampled_from(["{a} to {b}", "{a} - {b}", "{a}\u2013{b}", "{a} until {b}"]),
       st.sampled_from(["%B %Y", "%b %Y", "%b %y", "%m/%Y"]))
def test_any_plan_range_round_trips(year, month, length, joiner, fmt):
    start = Month(year, month)
    end = start.plus(length)
    if end > Month.of(TODAY):
        return
    a = date(start.year, start.month, 1).strftime(fmt)
    b = date(end.year, end.month, 1).strftime(fmt)
    plan = read_entry(f"plan 2: {joiner.format(a=a, b=b)}, neglect", (), today=TODAY)
    assert isinstance(plan, CPPlan), plan
    assert (plan.number, plan.start, plan.end, plan.category) == (2, start, end, "neglect")


# --------------------------------------------------------------------------
# Several entries in one message
# --------------------------------------------------------------------------

def test_read_entries_lines_semicolons_and_list_markers(agencies):
    text = ("plan 1: Mar 2021 - Dec 2021 neglect; plan 2 Feb 2022 to Oct 2022 EA\n\n"
            "- May 2022 police DA callout\n1. Jun 2023 school reported bruising\n"
            "  \u2022 Jul 2023 GP appointment missed  \nnonsense here;;")
    entries, problems = read_entries(text, agencies, today=TODAY)
    assert [type(e).__name__ for e in entries] == ["CPPlan", "CPPlan", "Incident", "Incident", "Incident"]
    assert [e.text for e in entries] == [
        "plan 1: Mar 2021 - Dec 2021 neglect", "plan 2 Feb 2022 to Oct 2022 EA",
        "- May 2022 police DA callout", "1. Jun 2023 school reported bruising",
        "\u2022 Jul 2023 GP appointment missed"]
    assert entries[3].what == "school reported bruising"
    assert entries[4].agency == "gp"
    assert [p.text for p in problems] == ["nonsense here"]
    assert "couldn't read a month" in problems[0].message


def test_read_entries_numbered_list_does_not_eat_numeric_dates(agencies):
    entries, problems = read_entries("12/2023 GP letter\n1. 03/2024 police callout", agencies, today=TODAY)
    assert problems == []
    assert [e.month for e in entries] == [M(2023, 12), M(2024, 3)]


def test_read_entries_empty_message(agencies):
    entries, problems = read_entries(" \n ; ", agencies, today=TODAY)
    assert entries == [] and len(problems) == 1
    assert "nothing to read" in problems[0].message


# --------------------------------------------------------------------------
# Flags, on invented histories with known answers
# --------------------------------------------------------------------------

def history(agencies, text):
    entries, problems = read_entries(text, agencies, today=TODAY)
    assert problems == []
    return Chronology.from_entries(entries, agencies)


def flag_ids(chronology, **kw):
    return [f.id for f in chronology.flags(today=TODAY, **kw)]


def test_every_flag_cites_a_real_finding(agencies, knowledge):
    finding_ids = {f.id for f in knowledge.audit.findings}
    c = history(agencies, "plan 1 Mar 2021 - Dec 2021 neglect\nplan 2 Feb 2022 - Oct 2022 EA\n"
                          "plan 3 Jun 2022 - Jan 2023 neglect\n"
                          "May 2021 police DA callout\nJan 2022 police DA callout\nFeb 2022 police DA callout")
    flags = c.flags(today=TODAY)
    assert {f.id for f in flags} >= {"repeat_plans", "short_gap", "plans_overlap",
                                     "reports_rose_after_plan", "single_agency"}
    for flag in flags:
        assert flag.finding_id in finding_ids
    by_id = {f.id: f.finding_id for f in flags}
    assert by_id["repeat_plans"] == "multiple_cp_plans"
    assert by_id["short_gap"] == "short_gap_between_plans"
    assert by_id["reports_rose_after_plan"] == "da_reports_fall_during_plan"
    assert by_id["single_agency"] == "use_multi_agency_chronology"
    assert Chronology([c.plans[0]], []).flags(today=TODAY)[0].finding_id in finding_ids


def test_two_month_gap_flagged(agencies):
    c = history(agencies, "plan 1: Mar 2021 to Dec 2021, neglect\nplan 2: Feb 2022 to Oct 2022, neglect\n"
                          "May 2021 police callout\nMay 2022 school concern")
    assert [g.months for g in c.gaps()] == [2]
    flags = {f.id: f for f in c.flags(today=TODAY, audit=KNOWLEDGE_SUMMARIES)}
    assert flags["short_gap"].text.startswith(
        "Only 2 months between plan 1 ending (December 2021) and plan 2 starting (February 2022).")
    assert "two months" in flags["short_gap"].text  # the audit's own observation, from knowledge/audit.yml
    assert flags["repeat_plans"].text.startswith("2 child protection plans.")


def test_seven_month_gap_not_flagged_by_default(agencies):
    c = history(agencies, "plan 1 Mar 2021 - Dec 2021 neglect\nplan 2 Jul 2022 - Dec 2022 neglect")
    assert [g.months for g in c.gaps()] == [7]
    assert "short_gap" not in flag_ids(c)
    assert "short_gap" in flag_ids(c, short_gap_months=8)


def test_six_month_gap_is_not_under_six(agencies):
    c = history(agencies, "plan 1 Mar 2021 - Dec 2021 neglect\nplan 2 Jun 2022 - Dec 2022 neglect")
    assert [g.months for g in c.gaps()] == [6]
    assert "short_gap" not in flag_ids(c)
    assert "short_gap" in flag_ids(c, short_gap_months=7)


def test_back_to_back_plans(agencies):
    c = history(agencies, "plan 1 Mar 2021 - Dec 2021 neglect\nplan 2 Dec 2021 - Jun 2022 neglect")
    text = next(f.text for f in c.flags(today=TODAY) if f.id == "short_gap")
    assert text.startswith("No gap between plan 1 ending (December 2021)")


def test_plans_given_out_of_order_are_sorted(agencies):
    c = history(agencies, "plan 2: Feb 2022 to Oct 2022, neglect\nplan 1: Mar 2021 to Dec 2021, neglect")
    assert [(g.before.number, g.after.number, g.months) for g in c.gaps()] == [(1, 2, 2)]


def test_reports_fell_on_plan_and_rose_after(agencies):
    # a 9-month plan (March to December 2021): 1 incident during, 4 in the 9 months after
    c = history(agencies, "plan 1: Mar 2021 to Dec 2021, neglect\n"
                          "Jun 2021 police DA callout\n"
                          "Jan 2022 police DA callout\nMar 2022 school concern\n"
                          "Jun 2022 police DA callout\nSep 2022 GP: mum disclosed DA\n"
                          "Oct 2022 police DA callout")  # after the window: not counted
    flags = [f for f in c.flags(today=TODAY) if f.id == "reports_rose_after_plan"]
    assert len(flags) == 1
    assert flags[0].text.startswith(
        "Plan 1 (March 2021 to December 2021), domestic abuse incidents typed here: 0 in the 9 months before "
        "it started, 1 during the 9-month plan and 3 in the 9 months after it ended. "
        "So reports rose after the plan ended.")
    assert "fell" not in flags[0].text  # none before it: nothing fell
    assert flags[0].finding_id == "da_reports_fall_during_plan"


def test_no_rise_when_after_is_not_more(agencies):
    c = history(agencies, "plan 1: Mar 2021 to Dec 2021, neglect\n"
                          "Jun 2021 police callout\nDec 2021 school concern\n"  # end month counts as during
                          "Jan 2022 police callout\nMar 2022 GP concern")
    assert "reports_rose_after_plan" not in flag_ids(c)


def test_rise_since_a_recent_plan_ended(agencies):
    c = history(agencies, "plan 1: Jan 2024 to Jan 2025, neglect\nMar 2025 police DA callout\n"
                          "May 2025 domestic abuse disclosed to school")
    text = next(f.text for f in c.flags(today=TODAY) if f.id == "reports_rose_after_plan")
    assert "0 during the 12-month plan and 2 since it ended" in text


def test_a_rise_in_other_incidents_is_not_credited_to_the_domestic_abuse_finding(agencies):
    c = history(agencies, "plan 1: Jan 2024 to Jan 2025, neglect\nMar 2025 police callout\n"
                          "Apr 2025 school concern, no lunch\nMay 2025 GP: missed immunisations")
    assert "reports_rose_after_plan" not in flag_ids(c)
    c = history(agencies, "plan 1: Jan 2024 to Jan 2025, neglect\nMar 2025 police callout\n"
                          "May 2025 police DV incident\nJun 2025 police coercive control report")
    text = next(f.text for f in c.flags(today=TODAY) if f.id == "reports_rose_after_plan")
    assert "0 during the 12-month plan and 2 since it ended" in text


def test_open_plan_has_no_rise_flag(agencies):
    c = history(agencies, "current plan from Jan 2024, neglect\nMar 2025 police callout\nMay 2025 GP")
    assert "reports_rose_after_plan" not in flag_ids(c)


def test_history_known_to_one_agency(agencies):
    c = history(agencies, "plan 1 Mar 2021 - Dec 2021 neglect\nMay 2021 police callout\n"
                          "Jan 2022 police DA incident\nMar 2022 officers attended")
    flag = next(f for f in c.flags(today=TODAY, audit=KNOWLEDGE_SUMMARIES) if f.id == "single_agency")
    assert flag.text.startswith("Every incident typed here names Police and no other agency.")
    assert "multi-agency chronology" in flag.text


def test_history_with_no_agency_named(agencies):
    c = history(agencies, "May 2021 neighbour heard shouting\nJan 2022 mum disclosed DA")
    flag = next(f for f in c.flags(today=TODAY) if f.id == "single_agency")
    assert flag.text.startswith("None of the incidents typed here names an agency.")


def test_one_agency_and_some_unnamed(agencies):
    c = history(agencies, "May 2021 police callout\nJan 2022 mum disclosed DA")
    assert flag_ids(c) == ["single_agency"]


def test_several_agencies_not_flagged(agencies):
    c = history(agencies, "May 2021 police callout\nJun 2021 school concern")
    assert "single_agency" not in flag_ids(c)


def test_plans_without_incidents(agencies):
    c = history(agencies, "plan 1 Mar 2021 - Dec 2021 neglect")
    assert flag_ids(c) == ["no_incidents"]
    assert Chronology().flags(today=TODAY) == []


def test_plan_numbers_say_there_were_earlier_plans(agencies):
    c = history(agencies, "plan 3 Mar 2022 - Dec 2022 neglect\nplan 4 Feb 2025 to now, neglect")
    text = next(f.text for f in c.flags(today=TODAY) if f.id == "repeat_plans")
    assert text.startswith("At least 4 child protection plans (2 given here).")


def test_a_single_plan_is_not_repeat(agencies):
    c = history(agencies, "plan 1 Mar 2022 - Dec 2022 neglect\nMay 2022 police\nJun 2022 school")
    assert "repeat_plans" not in flag_ids(c)


def test_overlapping_plans(agencies):
    c = history(agencies, "current plan from Jan 2024, neglect\nplan 2 Mar 2024 - May 2024 EA")
    flag = next(f for f in c.flags(today=TODAY) if f.id == "plans_overlap")
    assert flag.text.startswith("Plan 2 starts (March 2024) while the current plan is still open: "
                                "check the dates.")
    c = history(agencies, "plan 1 Jan 2022 - Oct 2022 neglect\nplan 2 Jun 2022 - Dec 2022 EA")
    flag = next(f for f in c.flags(today=TODAY) if f.id == "plans_overlap")
    assert flag.text.startswith("Plan 2 starts (June 2022) before plan 1 ends (October 2022): "
                                "check the dates.")
    assert "short_gap" not in flag_ids(c)


# --------------------------------------------------------------------------
# Read-back
# --------------------------------------------------------------------------

def test_readback_in_date_order(agencies):
    c = history(agencies, "May 2024 police DA callout\ncurrent plan from Feb 2025, neglect\n"
                          "plan 1: Mar 2021 to Dec 2021, neglect\nJun 2021 neighbour heard shouting\n"
                          "plan 2 Feb 2022 - Oct 2022")
    assert c.readback() == "\n".join([
        "Plan 1: March 2021 to December 2021, neglect.",
        "Incident: June 2021, neighbour heard shouting (agency not given).",
        "Plan 2: February 2022 to October 2022, category not given.",
        "Incident: May 2024, police DA callout (Police).",
        "Plan: February 2025 to now (still open), neglect.",
    ])
    assert c.readback(numbered=True).splitlines()[1] == \
        "2. Incident: June 2021, neighbour heard shouting (agency not given)."


def test_readback_short_agency_names(agencies):
    c = history(agencies, "May 2024 Sirona HV visit\nJun 2024 NBT A&E attendance\nJul 2024 awp contact")
    assert c.readback().splitlines() == [
        "Incident: May 2024, Sirona HV visit (Sirona).",
        "Incident: June 2024, NBT A&E attendance (NBT).",
        "Incident: July 2024, awp contact (AWP).",
    ]


def test_readback_without_agency_names_uses_ids():
    c = Chronology([], [Incident(M(2024, 5), "callout", "police", "May 2024 callout"),
                        Incident(M(2024, 6), "letter", "gp", "Jun 2024 letter"),
                        Incident(M(2024, 7), "check", "next_link", "Jul 2024 check")])
    assert c.readback().splitlines() == ["Incident: May 2024, callout (Police).",
                                         "Incident: June 2024, letter (GP).",
                                         "Incident: July 2024, check (Next link)."]


def test_every_flag_says_only_what_its_finding_says(agencies, knowledge):
    """The sentence crediting the audit restates the poster words of the finding the flag names."""
    from bot.content.provenance import paraphrases
    c = history(agencies, "plan 1 Mar 2021 - Dec 2021 neglect\nplan 2 Feb 2022 - Oct 2022 EA\n"
                          "plan 3 Jun 2022 - Jan 2023 neglect\n"
                          "May 2021 police DA callout\nJan 2022 police DA callout\nFeb 2022 police DA callout")
    summaries = knowledge.finding_summaries
    flags = c.flags(today=TODAY, audit=summaries) + Chronology([c.plans[0]], []).flags(today=TODAY, audit=summaries)
    assert {f.id for f in flags} >= {"repeat_plans", "short_gap", "plans_overlap", "reports_rose_after_plan",
                                     "single_agency", "no_incidents"}
    for flag in flags:
        assert "audit" not in flag.situation.lower(), flag.id  # the audit's words come only from knowledge/
        assert flag.text == f"{flag.situation} From the audit: {knowledge.audit_words(flag.finding_id)}"
        passage = knowledge.source.passages[knowledge.passage_of(flag.finding_id)]
        # until a reviewer approves the summary (knowledge/signoff.yml), the poster's own words are quoted
        assert f'"{passage}"' in flag.audit_says or paraphrases(flag.audit_says, passage), flag.id


# --------------------------------------------------------------------------
# Domestic abuse before, during and after a plan: every sentence true of what was typed
# --------------------------------------------------------------------------

PLAN_LINE = "plan 1: Mar 2021 to Dec 2021, neglect"  # 9 months: before is Jun 2020 to Feb 2021, after Jan to Sep 2022
WINDOW_MONTHS = {"before": ["Jun 2020", "Sep 2020", "Jan 2021"], "during": ["Apr 2021", "Jul 2021", "Nov 2021"],
                 "after": ["Feb 2022", "May 2022", "Aug 2022"]}


@pytest.mark.parametrize("before", [0, 1, 3])
@pytest.mark.parametrize("during", [0, 1, 3])
@pytest.mark.parametrize("after", [0, 1, 3])
def test_every_mix_of_incidents_gives_only_true_sentences(agencies, before, during, after):
    """None, one or several domestic abuse incidents in each window: the numbers are the typed
    ones, "fell" appears only when fewer came during than before, "rose" only when more came after."""
    counts = {"before": before, "during": during, "after": after}
    lines = [PLAN_LINE] + [f"{month} police DA callout" for window, n in counts.items()
                           for month in WINDOW_MONTHS[window][:n]]
    c = history(agencies, "\n".join(lines))
    da_flags = [f for f in c.flags(today=TODAY) if f.id in ("reports_rose_after_plan", "reports_fell_on_plan",
                                                             "da_counts")]
    if before == during == after == 0:
        assert da_flags == []
        return
    assert len(da_flags) == 1
    text = da_flags[0].text
    assert (f"{before} in the 9 months before it started, {during} during the 9-month plan and "
            f"{after} in the 9 months after it ended.") in text
    assert ("fell" in text) == (during < before)
    assert ("rose" in text) == (after > during)
    assert (da_flags[0].finding_id == "da_reports_fall_during_plan") == (during < before or after > during)


def test_none_during_and_one_after_never_says_fell(agencies):
    c = history(agencies, f"{PLAN_LINE}\nFeb 2022 police DA callout")
    text = " ".join(f.text for f in c.flags(today=TODAY))
    assert "fell" not in text
    assert "0 during the 9-month plan and 1 in the 9 months after it ended. So reports rose after the plan ended." \
        in text


def test_a_plan_ending_this_month_has_no_after_count(agencies):
    c = history(agencies, "plan 1: Jan 2025 to Jun 2025, neglect\nMar 2025 police DA callout")
    text = next(f.text for f in c.flags(today=TODAY) if f.id == "da_counts")
    assert text.endswith("0 in the 5 months before it started and 1 during the 5-month plan.")
