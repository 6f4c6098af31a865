"""Danger first, outside a session too: the one danger check as a Rasa NLU component.

Outside a session the dialogue follows the intent, so this component runs the
same check as the session (bot.safety.danger) on every message and, when it finds
clear or possible danger, makes the intent `immediate_risk`, whatever the
intent classifier guessed. The rule for `immediate_risk` then gives the
urgent reply (or, for possible danger, the short check "Is a child in danger
right now?"). Inside a session the form takes every message as typed and
bot.modes.supervision.supervision runs the check itself.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.config import Settings
from components.bounded_text import WHOLE_TEXT
from bot.safety.danger import DangerCheck, danger_check
from bot.content.knowledge import cached_knowledge
from bot.reading.reading import DANGER_KEY  # {"level": "clear" | "possible" | None}: the actions reuse it

URGENT_INTENT = "immediate_risk"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class DangerFirst(GraphComponent, IntentClassifier):
    """Sets the intent to immediate_risk when bot.safety.danger reads danger now."""

    @classmethod
    def required_components(cls) -> List[type]:
        return [IntentClassifier]

    def __init__(self, check: Optional[DangerCheck] = None) -> None:
        self._check = check

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "DangerFirst":
        return cls()

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "DangerFirst":
        """At model load, not at the first practitioner's message: building the check takes a second or two."""
        component = cls()
        _ = component.check
        return component

    @property
    def check(self) -> DangerCheck:
        if self._check is None:  # built on first use, from the knowledge the servers share
            self._check = danger_check(cached_knowledge(str(Settings.from_env().knowledge_dir)))
        return self._check

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(WHOLE_TEXT) or message.get(TEXT) or ""  # danger can be anywhere in it
            if not text.strip() or text.lstrip().startswith("/"):
                continue  # buttons carry the intent chosen on purpose
            reading = self.check.read(text)
            # Every typed message's level goes to the actions (bot/reading/reading.py), so it is read once.
            message.set(DANGER_KEY, {"level": reading.level}, add_to_output=True)
            if not reading:
                continue
            intent = {"name": URGENT_INTENT, "confidence": 1.0}
            ranking = [intent] + [r for r in (message.get(INTENT_RANKING_KEY) or [])
                                  if r.get("name") != URGENT_INTENT]
            message.set(INTENT, intent, add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
