"""Browse the loaded data: `medlint rules`, `medlint facts`, `medlint explain`."""
from __future__ import annotations

import textwrap

from linter.errors import MedlintError
from linter.knowledge.crosscheck import source_refs


def list_rules(ctx, out) -> None:
    for r in sorted(ctx.rules, key=lambda r: r.code):
        severity = ctx.severity(r.code, r.severity)
        out.write(f"{r.code:<9} {severity:<8} {r.category:<19} {r.name}\n")


def _with_unit(number, unit: str) -> str:
    return f"{number}{unit}" if unit in ("%", "") else f"{number} {unit}"


def _value_text(fact) -> str:
    parts = []
    for v in fact.get("values", []):
        unit = v.get("unit", fact.get("unit", "%" if fact.get("quantity") == "percent" else ""))
        text = _with_unit(f"{v['low']}–{v['high']}" if "low" in v else v["value"], unit)
        if v.get("label"):
            text += f" ({v['label']})"
        parts.append(text)
    arms = {v.get("arm", "overall") for v in fact.get("values", [])}
    return (" or " if len(arms) == 1 else " vs ").join(parts)


def _alternatives(fact) -> list[str]:
    """Every other right value, with what it belongs to and its data cut-off date."""
    out = []
    for v in fact.get("values", []):
        unit = v.get("unit", fact.get("unit", "%" if fact.get("quantity") == "percent" else ""))
        if v.get("cutoff"):
            out.append(f"{_with_unit(v['value'] if 'value' in v else v['low'], unit)}"
                       f" ({v.get('label') or 'value'}): data cut-off {v['cutoff']}")
        for a in v.get("also", []):
            a = a if isinstance(a, dict) else {"value": a}
            text = _with_unit(a["value"], unit)
            bits = [a.get("label"), a.get("cutoff") and f"data cut-off {a['cutoff']}",
                    a.get("source") and f"source {a['source']}"]
            extra = "; ".join(b for b in bits if b)
            out.append(f"also right: {text}" + (f" ({extra})" if extra else ""))
    return out


def _haystack(fact) -> str:
    bits = [fact["id"], fact["topic"], fact["statement"], fact.get("note", ""),
            fact.get("endpoint", {}).get("name", ""), fact.get("population", {}).get("name", ""),
            " ".join(fact.get("subject", []))]
    return " ".join(bits).lower()


def list_facts(ctx, query: str, out) -> int:
    words = query.lower().split()
    found = 0
    for fact in ctx.knowledge.facts:
        hay = _haystack(fact)
        if all(w in hay for w in words):
            found += 1
            value = _value_text(fact)
            out.write(f"{fact['id']}  [{fact['status']}]\n    {fact['statement']}\n")
            if value:
                out.write(f"    value: {value}\n")
            if "population" in fact:
                out.write(f"    population: {fact['population']['name']}\n")
            out.write(f"    source: {'; '.join(ctx.knowledge.source_names(fact['sources']))}\n")
    if not found:
        out.write(f"No fact matches {query!r}.\n" if query else "The fact base is empty.\n")
    return found


def find_rule(ctx, name: str):
    """The loaded rule with this code, name or former name, in any case; None if there is none."""
    key = name.casefold()
    rule = ctx.rule_index.get(name.upper())
    return rule or next((r for r in ctx.rules
                         if key in (r.name.casefold(), *(a.casefold() for a in r.aliases))), None)


def explain(ctx, name: str, out) -> None:
    rule = find_rule(ctx, name)
    if rule is not None:
        return _explain_rule(ctx, dict(rule.data), out)
    fact = ctx.facts.get(name)
    if fact is not None:
        return _explain_fact(ctx, fact, out)
    raise MedlintError(f"{name}: no rule code, rule name or fact id of that name "
                       f"(see 'medlint rules' and 'medlint facts')")


def _wrap(text, indent="    ") -> str:
    return textwrap.fill(" ".join(str(text).split()), 96, initial_indent=indent,
                         subsequent_indent=" " * len(indent))


def _example_text(e) -> str:
    return e if isinstance(e, str) else e["text"]


def _explain_rule(ctx, r, out) -> None:
    out.write(f"{r['code']}  {r['name']}\n")
    out.write(f"    category: {r['category']}; severity: {ctx.severity(r['code'], r['severity'])}; "
              f"kind: {r['kind']}\n\n")
    out.write(_wrap(r["rationale"]) + "\n")
    if r.get("source"):
        out.write(f"\n    source: {r['source']}\n")
    out.write(f"\n    message: {r['message']}\n")
    if r.get("suggest"):
        out.write(f"    suggestion: {r['suggest']}\n")
    out.write("\n    flagged:\n")
    for e in r["examples"]["flag"]:
        out.write(_wrap(_example_text(e), "      - ") + "\n")
    out.write("    not flagged:\n")
    for e in r["examples"]["pass"]:
        out.write(_wrap(_example_text(e), "      - ") + "\n")


def _explain_fact(ctx, f, out) -> None:
    out.write(f"{f['id']}  [{f['status']}; {f['design']}; topic: {f['topic']}]\n\n")
    out.write(_wrap(f["statement"]) + "\n\n")
    value = _value_text(f)
    if value:
        out.write(f"    value: {value}\n")
    for key in ("endpoint", "population"):
        if key in f:
            out.write(f"    {key}: {f[key]['name']}\n")
    if f.get("population", {}).get("excludes"):
        out.write(f"    excludes: {f['population']['excludes']}\n")
    if "time" in f:
        t = f["time"]
        out.write(f"    time frame: {t.get('label') or t}\n")
    if f.get("cutoff"):
        out.write(f"    data cut-off: {f['cutoff']}\n")
    for line in _alternatives(f):
        out.write(_wrap(line, "    ") + "\n")
    if f.get("note"):
        out.write("\n" + _wrap(f["note"]) + "\n")
    if f.get("misstatements"):
        out.write("\n    known misstatements:\n")
        for m in f["misstatements"]:
            out.write(_wrap(m, "      - ") + "\n")
    out.write("\n    sources:\n")
    for s, where, cutoff in source_refs(f):
        src = ctx.knowledge.sources[s]
        out.write(_wrap(src["citation"], "      - ") + "\n")
        located = "; ".join(x for x in (where and f"where: {where}", cutoff and f"data cut-off: {cutoff}",
                                        f"kind: {src.get('kind', 'unstated')}") if x)
        out.write(f"        {located}\n")
        link = src.get("url") or (src.get("doi") and f"https://doi.org/{src['doi']}") or (
            src.get("pmid") and f"https://pubmed.ncbi.nlm.nih.gov/{src['pmid']}/")
        if link:
            out.write(f"        {link}\n")
        if src.get("document"):
            d = src["document"]
            out.write(_wrap(f"as stated in: \"{d['title']}\" ({d['publisher']})", "        ") + "\n")
    out.write("\n    flagged:\n")
    for e in f["examples"]["flag"]:
        out.write(_wrap(f"{e['text']}  -> {e['rule']}", "      - ") + "\n")
    out.write("    not flagged:\n")
    for e in f["examples"]["pass"]:
        out.write(_wrap(e, "      - ") + "\n")
