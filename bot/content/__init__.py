"""The content the assistant says, as typed schemas loaded from knowledge/*.yml."""
