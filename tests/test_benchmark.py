"""The benchmark's smoke run: one session each side, no crowd. It checks that the benchmark
works (both bots answer, the JSON has every figure), never how fast anything is."""
from __future__ import annotations

import json

import pytest

from scripts import benchmark

pytestmark = pytest.mark.servers


def test_the_benchmark_smoke_run_writes_every_figure_without_errors(tmp_path):
    out = tmp_path / "benchmark.json"
    assert benchmark.main(["--smoke", "--out", str(out)]) == 0
    result = json.loads(out.read_text())
    assert result["errors"] == 0 and result["smoke"] is True
    sequential = result["sequential"]
    assert sequential["records_saved"] == 1
    for side in ("assistant", "floor"):
        assert sequential[side]["turns"] == sequential["turns_per_session"] > 30
        assert set(sequential[side]) >= {"p50_ms", "p95_ms", "max_ms", "turns_per_second"}
    assert {"p50_ratio", "p95_ratio"} <= set(sequential)
    assert set(result["turn_depth"]) >= {"assistant_turn5_ms", "assistant_turn40_ms", "assistant_turn40_vs_turn5",
                                         "assistant_same_message_turn40_vs_turn5",
                                         "floor_same_message_turn40_vs_turn5",
                                         "assistant_short_late_vs_early", "assistant_free_text_late_vs_early"}
    assert result["turn_depth"]["assistant_same_message_turn5_ms"] > 0
    assert result["record_write"]["save_turn_p50_ms"] > 0
    assert result["memory"]["idle"]["assistant_rasa_mb"] > 100 and result["memory"]["idle"]["floor_rasa_mb"] > 100
    assert out.with_suffix(".png").stat().st_size > 1000
