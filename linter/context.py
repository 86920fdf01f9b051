"""What a run knows before it reads a draft: the loaded data, the configuration, the typed and
compiled rules grouped by the check module that runs them, and the compiled fact base.

Built once per run and never changed afterwards: its derived parts are computed on first use
and kept (nothing in it depends on a document).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cached_property

from linter.config import Config
from linter.knowledge.load import Knowledge
from linter.knowledge.rule import Rule, compile_rule


@dataclass(frozen=True, eq=False)
class Context:
    knowledge: Knowledge
    config: Config
    select: tuple = ()
    ignore: tuple = ()
    keep_off: bool = False  # also report rules whose severity is "off" (for a rule's own examples)

    @cached_property
    def rules(self) -> tuple[Rule, ...]:
        """The loaded rules, in pack order, each prepared by its kind's module."""
        from linter.checks import REGISTRY

        vocabulary = self.knowledge.vocabulary
        out = []
        for data in self.knowledge.rules:
            rule = compile_rule(data, vocabulary)
            prepare = getattr(REGISTRY[rule.kind], "prepare", None)
            out.append(dataclasses.replace(rule, prepared=prepare(rule, vocabulary))
                       if prepare else rule)
        return tuple(out)

    @cached_property
    def for_examples(self) -> "Context":
        """This context with nothing switched off (no select/ignore, "off" rules kept): a rule's
        or fact's examples run with it. Made once, so its rules and fact base are built once."""
        if self.keep_off and not self.select and not self.ignore:
            return self
        return dataclasses.replace(self, select=(), ignore=(), keep_off=True)

    @cached_property
    def rule_index(self) -> dict:
        return {r.code: r for r in self.rules}

    @cached_property
    def plan(self) -> tuple:
        """(check module, its rules) for every module with a loaded rule, in registry order."""
        from linter.checks import MODULES

        return tuple((m, rules) for m in MODULES
                     if (rules := tuple(r for r in self.rules if r.kind in m.KINDS)))

    @cached_property
    def facts(self) -> dict:
        return self.knowledge.fact_index

    @cached_property
    def factbase(self):
        from linter.facts.base import FactBase

        return FactBase(self.knowledge)

    @cached_property
    def reference_headings(self):
        """The vocabulary's `reference-headings`: a section under one holds titles, not claims."""
        from linter.text.terms import compile_terms

        return compile_terms(["@reference-headings"], self.knowledge.vocabulary)

    @cached_property
    def cited_studies(self):
        """The vocabulary's `cited-studies`: naming one of these studies cites a source."""
        from linter.text.terms import compile_terms

        return compile_terms(["@cited-studies"], self.knowledge.vocabulary)

    def reference_heading(self, heading: str) -> bool:
        """Whether a heading starts with one of the reference-list words ("Sources", "Links")."""
        terms = self.reference_headings
        m = terms.search(heading) if terms is not None and heading else None
        return m is not None and not heading[:m.start()].strip()

    @cached_property
    def presets(self) -> dict:
        """Each rule's severities by preset, read off the data (no rule compiled for them)."""
        return {r["code"]: r.get("presets") or {} for r in self.knowledge.rules}

    @cached_property
    def severity_overrides(self) -> dict:
        """{code: severity} from the config's `severity:` keys (codes, prefixes, names or
        categories, read as --select reads them)."""
        from linter.selection import severities

        return severities(self.config["severity"], self.knowledge.rules)

    def severity(self, code: str, default: str) -> str:
        overrides = self.severity_overrides
        if code in overrides:
            return overrides[code]
        preset = self.presets.get(code, {}).get(self.config["preset"])
        return preset or default
