"""Domain core of the reflective supervision assistant.

No Rasa imports here: everything in this package runs and is tested without
a server. The Rasa actions in ``actions/`` are thin adapters over it.
"""
