"""Keeping the service safe to run: what is logged, who may use the page, and how much one person may send."""
