"""The registered checks. Each is a function `check(doc, ctx)` that yields Findings.

Adding a check touches one module and its data: write the module, list it here.
"""
from linter.checks import claims, metadata, phrases, required, scope, statistics

CHECKS = (
    statistics.check,
    phrases.check,
    scope.check,
    claims.check,
    required.check,
    metadata.check,
)
