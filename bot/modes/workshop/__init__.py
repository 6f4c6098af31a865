"""Group workshops: the session, its plan and the pack written for the facilitator."""
