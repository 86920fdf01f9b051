"""medlint: a content-QA and fact-checking linter for health articles."""

__version__ = "0.1.0"
