"""Which rules a word names: a code (`OVER004`), a code prefix (`OVER`), a rule name or former
name (`overclaiming.hype`, or a prefix of one: `statistic`) or a category (`overclaiming`),
matched without regard to case.

One reading for every place a user names rules: `--select`/`--ignore`, the config's `select`,
`ignore` and `severity` keys, and a draft's front-matter `medlint:` settings. A word that names
no rule is an error wherever it is written: a typo must not switch a check off, or leave it on.
"""
from __future__ import annotations


def names(rule) -> tuple[str, ...]:
    """The words that name a rule: its code, category, name and former names (a rule's data, or
    a compiled Rule)."""
    if isinstance(rule, dict):
        found = (rule.get("code"), rule.get("category"), rule.get("name"), *(rule.get("aliases") or ()))
    else:
        found = (rule.code, rule.category, rule.name, *rule.aliases)
    return tuple(n for n in found if n)


def matches(pattern: str, rule_names) -> bool:
    p = str(pattern).upper()
    return any(n.upper().startswith(p) for n in rule_names)


def unknown(patterns, rules) -> str | None:
    """A message for the first pattern that names no rule, else None."""
    for pattern in patterns:
        message = no_rule(pattern, rules)
        if message:
            return message
    return None


def no_rule(pattern, rules) -> str | None:
    """Why a pattern names no rule, with the nearest words that do; None when it names one."""
    known = sorted({n for r in rules for n in names(r)})
    upper = [k.upper() for k in known]
    p = str(pattern).upper()
    if not p.strip():
        return f"{pattern!r} is empty; write a rule code, prefix, name or category"
    if any(k.startswith(p) for k in upper):
        return None
    import difflib  # only for a typo: its import costs a plain run time

    near = [known[upper.index(n)] for n in difflib.get_close_matches(p, upper, n=3, cutoff=0.5)]
    hint = f"; nearest: {', '.join(near)}" if near else "; see 'medlint rules'"
    return f"{pattern!r} matches no rule code, prefix, name or category{hint}"


def severities(overrides, rules) -> dict:
    """{code: severity} from the config's `severity:` table. A key may name several rules
    (`OVER`, `overclaiming`); where keys overlap, the one naming fewer rules wins (`OVER: off`
    with `OVER004: warning` keeps OVER004), and between keys naming the same rules, the later."""
    if not overrides:
        return {}
    named = []
    for index, (key, severity) in enumerate(overrides.items()):
        codes = [r["code"] if isinstance(r, dict) else r.code for r in rules if matches(key, names(r))]
        named.append((-len(codes), index, codes, severity))
    table = {}
    for _, _, codes, severity in sorted(named, key=lambda item: item[:2]):
        for code in codes:
            table[code] = severity
    return table
