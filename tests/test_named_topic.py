"""components/named_topic.py: an unplaced message that names one theme or toolkit is asked about it."""
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.named_topic import NamedTopic


def intent_of(text, intent="nlu_fallback"):
    message = Message({TEXT: text, INTENT: {"name": intent, "confidence": 0.3}})
    NamedTopic().process([message])
    return message.get(INTENT)["name"]


def test_an_unplaced_question_naming_a_theme_or_a_toolkit_is_about_it():
    assert intent_of("can you tell me about language?") == "explain_theme"
    assert intent_of("what have you got on the graded care profile") == "ask_toolkit"


def test_a_confident_intent_or_a_message_naming_nothing_is_left_alone():
    assert intent_of("tell me about language", intent="greet") == "greet"
    assert intent_of("the weather is awful today") == "nlu_fallback"
    assert intent_of("neglect and domestic abuse") == "nlu_fallback"  # two themes: not one question
