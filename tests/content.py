"""The real knowledge/ content, loaded once per test process and shared by every test module."""
from pathlib import Path

from bot.content.knowledge import cached_knowledge
from bot.content.workshop_content import load_workshop_content

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE_DIR = ROOT / "knowledge"
KNOWLEDGE = cached_knowledge(str(KNOWLEDGE_DIR))
CONTENT = load_workshop_content(KNOWLEDGE_DIR, KNOWLEDGE)
