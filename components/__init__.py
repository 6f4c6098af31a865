"""Rasa NLU components of our own (adapters over bot/, like actions/), registered with Rasa's default recipe."""
