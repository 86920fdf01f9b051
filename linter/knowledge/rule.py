"""A rule of a loaded pack: typed, frozen, with its term lists compiled once when the run's
context is built (the matchers themselves compile their expressions lazily; see terms.py)."""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

from linter.text.terms import compile_terms

# Keys whose value is one term list; every kind reads its own (see the rules schema).
TERM_KEYS = ("terms", "exceptions", "near", "trigger", "benefit", "denials")
_EMPTY = MappingProxyType({})


@dataclass(frozen=True, eq=False, kw_only=True)
class Rule:
    code: str
    name: str
    kind: str
    category: str
    severity: str
    message: str
    check: str = ""
    aliases: tuple = ()  # former names, accepted by --select/--ignore like the name
    suggest: str = ""
    scope: str = "any"  # phrase kinds: sentence, heading or any
    hedge: bool = True  # phrase kinds: hedged or negated uses stay quiet
    quoted: str = "skip"  # phrase kinds: quoted uses stay quiet (skip) or not (flag)
    presets: MappingProxyType = field(default_factory=lambda: _EMPTY)
    matchers: MappingProxyType = field(default_factory=lambda: _EMPTY)  # term-list key -> matcher or None
    data: MappingProxyType = field(default_factory=lambda: _EMPTY)  # the rule as written in its pack
    prepared: object = None  # what the kind's module compiled for it (see checks/__init__.py)

    def matcher(self, key: str):
        return self.matchers.get(key)


def compile_rule(data: dict, vocabulary: dict) -> Rule:
    return Rule(
        code=data["code"], name=data["name"], kind=data["kind"], category=data["category"],
        severity=data["severity"], message=data["message"], check=data.get("check", ""),
        aliases=tuple(data.get("aliases", ())),
        suggest=data.get("suggest", ""), scope=data.get("scope", "any"),
        hedge=data.get("hedge", True), quoted=data.get("quoted", "skip"),
        presets=MappingProxyType(dict(data.get("presets", {}))),
        matchers=MappingProxyType({key: compile_terms(data[key], vocabulary)
                                   for key in TERM_KEYS if key in data}),
        data=MappingProxyType(data),
    )
