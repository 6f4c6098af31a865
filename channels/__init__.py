"""Rasa input channels: the REST channel with a kind word when nothing else answers."""
