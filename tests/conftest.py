"""Shared fixtures: the real knowledge/ folder, loaded once per test run."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.content import KNOWLEDGE  # noqa: E402


@pytest.fixture(scope="session")
def knowledge():
    return KNOWLEDGE
