"""components/named_topic.py: an unplaced message that names one theme or toolkit is asked about it."""
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
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


def entities_of(text, value, entity="theme", intent="explain_theme"):
    message = Message({TEXT: text, INTENT: {"name": intent, "confidence": 0.9},
                       ENTITIES: [{"entity": entity, "value": value, "start": 0, "end": len(value)}]})
    NamedTopic().process([message])
    return [(e["entity"], e["value"]) for e in message.get(ENTITIES)]


def test_a_named_theme_or_toolkit_the_synonyms_missed_comes_back_as_its_id():
    """DIET finds the words; the id is what the session acts on ("father's voice" is voice_of_father)."""
    assert entities_of("tell me about the dads in the household", "dads") == [("theme", "voice_of_father")]
    assert entities_of("where is the neglect toolkit link", "neglect toolkit", "toolkit", "ask_toolkit") == [
        ("toolkit", "neglect")]
    assert entities_of("what about the weather", "weather") == [("theme", "weather")]  # names nothing: as typed
    assert entities_of("explain over_optimism", "over_optimism") == [("theme", "over_optimism")]


def test_the_training_data_maps_each_name_in_knowledge_to_its_id(knowledge):
    """Every also_known_as of a theme or toolkit is a Rasa synonym of its id (or the id itself)."""
    import yaml
    from pathlib import Path
    synonyms = {}
    for path in Path(__file__).resolve().parent.parent.glob("data/nlu/*.yml"):
        for item in yaml.safe_load(path.read_text())["nlu"]:
            if "synonym" in item:
                for line in item["examples"].splitlines():
                    synonyms.setdefault(line.strip()[2:].strip().lower(), set()).add(item["synonym"])
    for item in list(knowledge.themes) + list(knowledge.toolkits):
        for name in item.also_known_as:
            if name.lower() != item.id:
                assert synonyms.get(name.lower()) == {item.id}, (item.id, name)
    for name in ("father's voice", "fathers voice", "domestic abuse tools", "da tools"):
        assert name in synonyms
