"""The names scripts outside the package import from here (`linter.quantities`); the code lives in
`linter.text.quantities`."""
from linter.text.quantities import extract  # noqa: F401
