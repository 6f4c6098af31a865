"""Reflective supervision and the stuck pathway: the order of steps, suggestions, closure, the plan history."""
