"""The rule kinds: `kind -> module`. Each module declares the kinds it implements (`KINDS`),
its sub-checks (`CHECKS`, the values a rule's `check:` may take; empty when the kind has none)
and `check(view, rules)`, which yields Findings for the rules of its kinds only. A module may
also define `prepare(rule, vocabulary)`, run once per rule when the run's context is built.

Adding a kind touches one module (listed here), the rules schema and a YAML pack.
"""
from linter.checks import claims, metadata, phrases, required, scope, statistics

MODULES = (statistics, phrases, scope, claims, required, metadata)
REGISTRY = {kind: module for module in MODULES for kind in module.KINDS}
