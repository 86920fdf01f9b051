"""Hedges, negation and quotation: the tests the checks use to stay quiet (see modifiers.py)."""
from linter.text.modifiers import hedged, negated, quoted

__all__ = ["hedged", "negated", "quoted"]
