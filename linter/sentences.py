"""The names scripts outside the package import from here (`linter.sentences`); the code lives in
`linter.document.sentences`."""
from linter.document.sentences import split_sentences  # noqa: F401
