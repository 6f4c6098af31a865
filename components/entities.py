"""DIET for the entities (theme, toolkit), loaded in seconds instead of about a minute.

Rasa builds a loaded DIET model's weights by fitting it on one example before
reading the trained weights over them (rasa.utils.tensorflow.models.RasaModel.load).
Rasa does that fit as a traced TensorFlow function, and tracing DIET's training step
took about 50 of the 57 seconds a Rasa server needed to start here. Every start paid
it: `make run`, each restart after a failure, each server of the scaled profile, and
the end-to-end tests, which start many. This component does the same fit eagerly
(about 2 seconds: only the shapes of the weights matter, and they are then
overwritten), then traces only the prediction step, as Rasa does. Training, the
weights and every prediction are DIET's own.
"""
from __future__ import annotations

from typing import Any, Optional, Text, Type

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.diet_classifier import DIET, DIETClassifier
from rasa.utils.tensorflow.constants import LEARNING_RATE
from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator
from rasa.utils.tensorflow.model_data import RasaModelData
from rasa.utils.tensorflow.models import RasaModel


class QuickLoadingDIETModel(DIET):
    """DIET's TensorFlow model, its weights built by an eager fit when it is loaded."""

    @classmethod
    def load(cls, model_file_name: Text, model_data_example: RasaModelData,
             predict_data_example: Optional[RasaModelData] = None, finetune_mode: bool = False,
             *args: Any, **kwargs: Any) -> "RasaModel":
        if finetune_mode:  # training goes on from here: exactly as Rasa loads it
            return super().load(model_file_name, model_data_example, predict_data_example, finetune_mode,
                                *args, **kwargs)
        import tensorflow as tf

        model = cls(*args, **kwargs)
        learning_rate = kwargs.get("config", {}).get(LEARNING_RATE, 0.001)
        model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate), run_eagerly=True)
        model.fit(RasaBatchDataGenerator(model_data_example, batch_size=1), verbose=False)  # shapes only
        model.run_eagerly = False  # predictions run as a traced function, as Rasa's own
        model.load_weights(model_file_name)
        if predict_data_example:
            model.run_inference(predict_data_example)  # traces the prediction step now, not at the first message
        return model


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR],
    is_trainable=True,
)
class QuickLoadingDIET(DIETClassifier):
    """DIETClassifier whose model loads without tracing its training step (configured as DIET is)."""

    @staticmethod
    def model_class() -> Type[RasaModel]:
        return QuickLoadingDIETModel
