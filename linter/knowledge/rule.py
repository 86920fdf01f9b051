"""A rule of a loaded pack: typed, frozen, with its term lists compiled once when the run's
context is built (the matchers themselves compile their expressions lazily; see terms.py)."""
from __future__ import annotations

import string
from dataclasses import dataclass, field
from types import MappingProxyType

from linter.text.terms import compile_terms

# Keys whose value is one term list; every kind reads its own (see the rules schema).
TERM_KEYS = ("terms", "exceptions", "near", "trigger", "benefit", "denials")
_EMPTY = MappingProxyType({})

# The placeholders each kind (and check) fills into a rule's `message` (str.format: `{match}`; a
# literal brace is written twice); see the checks' modules. Sample values stand for the real ones when
# a message is tried, so a format spec that cannot take them (`{days:d}` can) is found at load.
PLACEHOLDERS = {
    "phrase": ("match", "suggestion"),
    "substitution": ("match", "suggestion"),
    "statistic": ("match", "detail"),
    "scope": ("match",),
    "scope/population": ("match", "population", "says"),
    "claim": ("match",),
    "claim/contradiction": ("match", "says"),
    "claim/disputed": ("match", "says"),
    "metadata": ("days",),
    "required": (),
}
_SAMPLES = {"days": 730}


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


def placeholders(kind: str, check: str = "") -> tuple[str, ...]:
    """The names a rule of this kind and check may use in its message, as `{name}`."""
    return PLACEHOLDERS.get(f"{kind}/{check}", PLACEHOLDERS.get(kind, ()))


def message_problem(data: dict) -> str | None:
    """What is wrong with a rule's `message` as a template of its kind, or None."""
    message, kind = data["message"], data["kind"]
    names = placeholders(kind, data.get("check", ""))
    offered = ", ".join(f"{{{n}}}" for n in names) if names else "none"
    what = f"{kind} rules" + (f" with check {data['check']}" if data.get("check") else "")
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(message) if f is not None]
    except ValueError as err:
        return f"{err} (write a literal brace as {{{{ or }}}})"
    for field_name in fields:
        if field_name not in names:
            return (f"unknown placeholder {{{field_name}}}; {what} provide {offered}"
                    if field_name else f"a placeholder needs a name; {what} provide {offered}")
    try:
        message.format(**{n: _SAMPLES.get(n, "text") for n in names})
    except (ValueError, TypeError) as err:
        return f"{err} (placeholders of {what}: {offered})"
    return None
