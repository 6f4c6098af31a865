"""components/intent_classifier.py: the intent from word and letter n-grams, kept in the Rasa model as data."""
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.intent_classifier import NgramIntentClassifier

EXAMPLES = {
    "greet": ["hello", "hi there", "good morning", "hiya"],
    "pause_session": ["pause", "be right back", "back in 5", "hold on a sec", "back in ten"],
    "resume_session": ["resume", "i'm back", "carry on where i left off", "pick up where we were"],
    "save_record": ["save", "save my record", "write up the record", "save it"],
}


def trained(tmp_path):
    storage = LocalModelStorage(tmp_path)
    resource = Resource("intent")
    context = ExecutionContext(GraphSchema({}), "test")
    config = NgramIntentClassifier.get_default_config()
    classifier = NgramIntentClassifier.create(config, storage, resource, context)
    data = TrainingData([Message({TEXT: text, INTENT: intent}) for intent, texts in EXAMPLES.items() for text in texts]
                        + [Message({TEXT: "", INTENT: "greet"})])  # an empty example is passed over
    classifier.train(data)
    return config, storage, resource, context, classifier


def parse(classifier, text):
    message = Message({TEXT: text})
    classifier.process([message])
    return message


def test_sets_the_intent_and_a_ranking_that_sums_to_one(tmp_path):
    *_, classifier = trained(tmp_path)
    message = parse(classifier, "be right back")
    assert message.get(INTENT)["name"] == "pause_session"
    ranking = message.get(INTENT_RANKING_KEY)
    assert [r["name"] for r in ranking][0] == "pause_session"
    assert len(ranking) == len(EXAMPLES)
    assert sum(r["confidence"] for r in ranking) == pytest.approx(1.0)
    assert ranking == sorted(ranking, key=lambda r: -r["confidence"])
    assert parse(classifier, "I'm back now").get(INTENT)["name"] == "resume_session"


def test_an_empty_message_is_left_without_an_intent(tmp_path):
    *_, classifier = trained(tmp_path)
    assert parse(classifier, "   ").get(INTENT) is None


def test_the_model_loaded_from_storage_reads_as_the_trained_one(tmp_path):
    config, storage, resource, context, classifier = trained(tmp_path)
    loaded = NgramIntentClassifier.load(config, storage, resource, context)
    for text in ("save please", "hello", "back shortly", "carry on"):
        assert parse(loaded, text).get(INTENT_RANKING_KEY) == parse(classifier, text).get(INTENT_RANKING_KEY)
