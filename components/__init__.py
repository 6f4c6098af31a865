"""Rasa NLU components of our own (adapters over bot/, like actions/)."""
