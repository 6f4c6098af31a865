"""Rasa tracker stores of our own (named by module path in the endpoints files)."""
