"""Rasa SDK actions: thin adapters between Rasa's tracker and the bot/ core."""
