"""Shared fixtures: the real knowledge/ folder, loaded once per test run."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.knowledge import load_knowledge  # noqa: E402


@pytest.fixture(scope="session")
def knowledge():
    return load_knowledge(ROOT / "knowledge")
