"""Cross-checks of a fact against its sources, beyond what a JSON Schema can say.

- `confirmed` means a primary text was read: at least one source of kind primary, label or
  agency must carry a `where` locator (a table, figure, page or section), so that a writer told
  they are wrong can check the figure in one step.
- A fact that rests on source documents alone (`kind: document`) can only warn: its status
  must be `reported` or `disputed`.
- A value that names its source must name one the fact cites.
"""
from __future__ import annotations

# Source kinds whose text can confirm a value (the README's definition of `confirmed`).
PRIMARY_KINDS = ("primary", "label", "agency")
WARN_ONLY = ("reported", "disputed")


def source_refs(fact: dict) -> list[tuple[str, str | None, str | None]]:
    """(id, where, cutoff) for every source a fact cites, in order."""
    out = []
    for s in fact.get("sources", []):
        if isinstance(s, str):
            out.append((s, None, None))
        else:
            out.append((s["id"], s.get("where"), s.get("cutoff")))
    return out


def source_ids(fact: dict) -> list[str]:
    return [i for i, _, _ in source_refs(fact)]


def fact_problems(fact: dict, sources: dict) -> list[tuple[tuple, str]]:
    """[(key path inside the fact, what is wrong)] for one fact; unknown ids are reported by
    the loader, so they are skipped here."""
    problems = []
    refs = source_refs(fact)
    known = [(i, where) for i, where, _ in refs if i in sources]
    if len(known) < len(refs):
        return problems
    status = fact["status"]
    if status == "confirmed":
        located = [i for i, where in known
                   if where and sources[i].get("kind") in PRIMARY_KINDS]
        if not located:
            problems.append((("status",), "a confirmed fact needs at least one primary source "
                             "(kind primary, label or agency) with `where` (the table, figure, "
                             "page or section that gives the value); otherwise use `consistent` "
                             "or `reported`"))
    if status not in WARN_ONLY and all(sources[i].get("kind") == "document" for i, _ in known):
        problems.append((("status",), f"a fact that rests on source documents alone can only "
                         f"warn: its status must be `reported` or `disputed`, not `{status}`"))
    ids = set(source_ids(fact))
    for n, value in enumerate(fact.get("values", [])):
        alts = [(("values", n, "source"), value.get("source"))]
        alts += [(("values", n, "also", k, "source"), a.get("source"))
                 for k, a in enumerate(value.get("also", [])) if isinstance(a, dict)]
        for path, sid in alts:
            if sid is not None and sid not in ids:
                problems.append((path, f"source {sid!r} is not one of this fact's sources"))
    return problems
