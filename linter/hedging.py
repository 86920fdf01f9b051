"""The names scripts outside the package import from here (`linter.hedging`); the code lives in
`linter.text.hedging`."""
from linter.text.hedging import hedged, negated, quoted  # noqa: F401
