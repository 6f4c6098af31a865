"""The benchmark's arithmetic, without servers: which turns count as "meanwhile" and how they
are compared with the usual ones."""
from __future__ import annotations

from scripts.benchmark import AFTERMATH, others_meanwhile, same_kind_early_and_late


def steady_turns(start: float, stop: float, seconds: float, practitioners: int = 5) -> list:
    """Back-to-back turns of `seconds` each for every practitioner between start and stop."""
    turns = []
    for n in range(practitioners):
        t = start + n * seconds / practitioners
        while t + seconds <= stop:
            turns.append((t, t + seconds, seconds))
            t += seconds
    return turns


def test_a_broad_slowdown_meanwhile_shows_against_the_usual_and_not_in_the_control_window():
    usual = steady_turns(0.0, 20.0, 0.1)
    slowed = steady_turns(20.0, 20.5 + AFTERMATH, 0.3)
    figures = others_meanwhile(usual + slowed, start=20.0, end=20.5, usual_before=19.0)
    assert figures["others_usual_p50_ms"] == 100.0
    assert figures["others_during_turns"] >= 20
    assert figures["others_during_p50_vs_usual"] == 3.0
    assert figures["others_during_p95_vs_usual"] == 3.0
    assert figures["others_control_p50_vs_usual"] == 1.0
    assert figures["others_control_turns"] >= 20


def test_one_slow_turn_among_many_moves_the_maximum_but_not_the_median():
    usual = steady_turns(0.0, 20.0, 0.1)
    during = steady_turns(20.0, 20.0 + AFTERMATH, 0.1) + [(20.1, 20.9, 0.8)]
    figures = others_meanwhile(usual + during, start=20.0, end=20.05, usual_before=19.0)
    assert figures["others_during_max_ms"] == 800.0
    assert figures["others_during_p50_vs_usual"] == 1.0


def test_turns_after_the_aftermath_are_not_meanwhile():
    usual = steady_turns(0.0, 20.0, 0.1)
    later = [(30.0, 31.0, 1.0)]
    figures = others_meanwhile(usual + later, start=20.0, end=20.05, usual_before=19.0)
    assert figures["others_during_turns"] == 0 and figures["others_during_p50_vs_usual"] is None


class Timed:
    """A practitioner's turn times, as scripts.benchmark.Practitioner keeps them."""

    def __init__(self, times):
        self.times = times


def test_turns_of_one_kind_are_compared_early_against_late_and_never_across_kinds():
    long = "an answer written out at some length, as a practitioner would"
    script = ["hello"] + ["7"] * 6 + [long] * 6 + [long] * 6 + ["yes"] * 3 + ["save"]
    # short answers always 40 ms, free text 50 ms early and 60 ms late; hello and save are neither
    times = [1.0] + [0.04] * 6 + [0.05] * 6 + [0.06] * 6 + [0.04] * 3 + [1.0]
    figures = same_kind_early_and_late([Timed(times), Timed(times)], script)
    assert figures["assistant_short_late_vs_early"] == 1.0
    assert figures["assistant_free_text_early_ms"] == 50.0
    assert figures["assistant_free_text_late_vs_early"] == 1.2
    assert figures["assistant_short_late_turns"] == [20, 21, 22]
