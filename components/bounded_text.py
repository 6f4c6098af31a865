"""Classification reads a bounded prefix of each message.

DIET's transformer and the character n-gram featuriser cost grows with the
length of the text, and attention with its square: one pasted message of
20,000 one-letter words once took 27 seconds and 6 GB of memory, and held up
every other practitioner meanwhile. What a message is about (an intent) is
clear from its start, so this component, first in the pipeline, hands the rest
of the pipeline only the first MAX_CHARS characters (cut at a space).

The answer itself is never cut: Rasa stores the whole message in the `user`
event, and the actions read it from there (actions/services.py `incoming`).
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

MAX_CHARS = 1_000
WHOLE_TEXT = "whole_text"  # the message before it was cut, for the danger check only


def bounded(text: str, limit: int = MAX_CHARS) -> str:
    """The first `limit` characters, cut at the last space if there is one in the second half."""
    if len(text) <= limit:
        return text
    prefix = text[:limit]
    space = prefix.rfind(" ")
    return prefix[:space] if space > limit // 2 else prefix


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class BoundedText(GraphComponent):
    """Truncates the text the rest of the NLU pipeline reads to a bounded prefix."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"max_chars": MAX_CHARS}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.max_chars = int(config.get("max_chars") or MAX_CHARS)

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "BoundedText":
        return cls(config)

    def _bound(self, message: Message) -> None:
        text = message.get(TEXT)
        if isinstance(text, str) and len(text) > self.max_chars:
            message.set(WHOLE_TEXT, text)  # the danger check reads every sentence (components/danger.py)
            message.set(TEXT, bounded(text, self.max_chars))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._bound(message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for example in training_data.training_examples:
            self._bound(example)
        return training_data
