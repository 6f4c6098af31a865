"""A message the intent classifier could not place, but which names a theme or a toolkit.

"can you tell me about language?" may fall below the intent classifier's confidence threshold
(nlu_fallback); it still plainly asks about a theme. Rather than "Sorry, I
didn't quite follow", this component, after the FallbackClassifier, reads the
message with the same matchers the session uses (bot.responses) and, when it
names exactly one toolkit, or else exactly one theme, makes the intent
ask_toolkit or explain_theme. Only nlu_fallback is changed; a confident intent is left alone.

Names are understood as names: the synonyms in data/nlu/ map the words DIET finds
("father's voice") to the theme's or toolkit's id; a value they do not know is read
with the same matchers, so an entity that names one theme or toolkit always comes
back as its id, and one that names none is left as typed.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import ENTITIES, ENTITY_ATTRIBUTE_TYPE, ENTITY_ATTRIBUTE_VALUE, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.config import Settings
from bot.content.knowledge import cached_knowledge
from bot.responses import theme_matcher, toolkit_matcher


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class NamedTopic(GraphComponent, IntentClassifier):
    """nlu_fallback that names one theme or toolkit becomes explain_theme or ask_toolkit."""

    @classmethod
    def required_components(cls) -> List[type]:
        return [IntentClassifier]

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "NamedTopic":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        knowledge = None
        for message in messages:
            intent = (message.get(INTENT) or {}).get("name")
            text = message.get(TEXT) or ""
            if message.get(ENTITIES):
                knowledge = knowledge or cached_knowledge(str(Settings.from_env().knowledge_dir))
                self._ids_for_names(knowledge, message)
            if intent != DEFAULT_NLU_FALLBACK_INTENT_NAME or text.lstrip().startswith("/"):
                continue
            knowledge = knowledge or cached_knowledge(str(Settings.from_env().knowledge_dir))
            toolkits = toolkit_matcher(knowledge).find(text)
            themes = theme_matcher(knowledge).find(text)
            if len(toolkits) == 1:  # a toolkit named is the more precise ask ("the graded care profile")
                message.set(INTENT, {"name": "ask_toolkit", "confidence": 1.0}, add_to_output=True)
            elif len(themes) == 1 and not toolkits:
                message.set(INTENT, {"name": "explain_theme", "confidence": 1.0}, add_to_output=True)
        return messages

    @staticmethod
    def _ids_for_names(knowledge, message: Message) -> None:
        """A theme or toolkit entity the synonyms did not map becomes its id when its words name exactly one."""
        matchers = {"theme": (theme_matcher(knowledge), {t.id for t in knowledge.themes}),
                    "toolkit": (toolkit_matcher(knowledge), {t.id for t in knowledge.toolkits})}
        for entity in message.get(ENTITIES) or []:
            matcher, ids = matchers.get(entity.get(ENTITY_ATTRIBUTE_TYPE), (None, ()))
            value = entity.get(ENTITY_ATTRIBUTE_VALUE)
            if matcher is None or not isinstance(value, str) or value in ids:
                continue
            found = matcher.find(value)
            if len(found) == 1:
                entity[ENTITY_ATTRIBUTE_VALUE] = found[0]
