"""The web chat page: a Rasa input channel (kept out of bot/, which has no Rasa imports)."""
