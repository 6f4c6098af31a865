"""components/entities.py: DIET loaded without tracing its training step still finds the themes and toolkits.

Loads the trained model as the Rasa server does (`make test` trains it before these tests run).
"""
import asyncio

import pytest

from tests.servers import MODEL

pytestmark = pytest.mark.servers  # loads the trained model, as a server does (make test trains it alongside `unit`)


@pytest.fixture(scope="module")
def agent():
    if not MODEL.exists():
        pytest.fail("No trained model: run the tests with `make test`, which trains one.")
    from rasa.core.agent import load_agent
    return asyncio.run(load_agent(model_path=str(MODEL)))


@pytest.mark.parametrize("text, entity, value", [
    ("tell me about cumulative harm", "theme", "cumulative_harm"),
    ("explain disguised compliance please", "theme", "disguised_compliance"),
    ("the neglect toolkit", "toolkit", "neglect"),
])
def test_the_quickly_loaded_model_finds_the_entity(agent, text, entity, value):
    parsed = asyncio.run(agent.parse_message(text))
    found = [(e["entity"], e["value"], e["extractor"]) for e in parsed["entities"]]
    assert (entity, value, "QuickLoadingDIET") in found, found


def test_predictions_run_as_a_traced_function_not_eagerly(agent):
    from components.entities import QuickLoadingDIETModel
    import gc
    models = [o for o in gc.get_objects() if isinstance(o, QuickLoadingDIETModel)]
    assert models and all(model.run_eagerly is False and model._tf_predict_step is not None for model in models)
