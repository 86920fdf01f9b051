"""`medlint trace`: what medlint read in a draft, and why each number was or was not flagged.

For each file, read as `check` reads it: its sentences, the quantities stated in them, the
modifiers (negation, hedges) with the text each one governs, and for each number the frame the
statistics check built, the candidate facts and the decision. Offsets are character offsets into
the file's decoded text (newlines normalised to "\\n"; an HTML page's source; a Word document's
text rendering), end exclusive; `FILE:LINE` keeps only what starts on that line, as `check`
numbers lines (a sentence is kept when it overlaps the line).
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field

from linter.document import reader
from linter.document.markdown import Document, parse
from linter.errors import InputError, MedlintError

VERSION = 1
_TARGET = re.compile(r"(?s)(.+):([0-9]+)")


@dataclass
class Traced:
    """One file's trace: the JSON entry, and the document to turn offsets into lines."""

    path: str
    entry: dict
    document: Document | None = None
    line: int | None = None
    numbers: list = field(default_factory=list)


def split_target(target: str) -> tuple[str, int | None]:
    """"draft.md:12" -> ("draft.md", 12); a path that exists as written is never split."""
    if target == "-" or os.path.exists(target):
        return target, None
    m = _TARGET.fullmatch(target)
    if m and int(m.group(2)) > 0:
        return m.group(1), int(m.group(2))
    return target, None


def sentence_strength(doc: Document, sentence, ctx=None) -> str:
    """The claim strength of a sentence: none, correlational, conditional-causal or
    direct-causal (see text/strength.py)."""
    from linter.text.modifiers import model
    from linter.text.strength import strength

    scopes = model(ctx.knowledge) if ctx is not None else None
    return strength(doc.prose, sentence.start, sentence.end, model=scopes)


def modifiers(doc: Document, ctx=None) -> list[dict]:
    """Every modifier of every sentence (negated, hedged, hypothetical, historical,
    other-population, per-time, attributed, refuted, quoted) with the text it governs, as the rules
    read them (see text/modifiers.py)."""
    from linter.text.modifiers import model

    scopes = model(ctx.knowledge if ctx is not None else None)
    prose = doc.prose
    out = []
    for s in doc.sentences:
        for m in scopes.find(prose, s.start, s.end):
            out.append(_modifier(m.kind, *m.trigger, *m.scope, prose))
    out.sort(key=lambda d: (d["trigger"]["start"], d["kind"]))
    return out


def _modifier(kind: str, t0: int, t1: int, s0: int, s1: int, prose: str) -> dict:
    while s0 < s1 and prose[s0].isspace():
        s0 += 1
    return {"kind": kind, "trigger": {"start": t0, "end": t1}, "scope": {"start": s0, "end": s1}}


def quantity_dict(q) -> dict:
    return {"start": q.start, "end": q.end, "text": q.text, "value": q.value, "low": q.low,
            "high": q.high, "unit": q.unit or None,
            "qualifier": None if q.qualifier == "exact" else q.qualifier, "kind": q.kind,
            "relative": q.relative, "direction": q.direction, "vague": q.vague}


def numbers(doc: Document, ctx) -> list[dict]:
    """Each number the statistics check judged: its frame, candidate facts and decision."""
    from linter.checks import statistics
    from linter.facts.matching import candidates, pairs
    from linter.facts.verdicts import negated_number
    from linter.view import DocumentView

    fb = ctx.factbase
    records = DocumentView(doc, ctx).verdicts
    by_check = statistics.rules_by_check(r for r in ctx.rules if r.kind in statistics.KINDS)
    by_scope: dict = {}
    for r in records:
        by_scope.setdefault(id(r.scope), []).append(r)
    out = []
    for group in by_scope.values():
        scope = group[0].scope
        qs = [r.quantity for r in group if r.quantity.kind != "change"]
        pmap = pairs(qs, doc.prose, table=bool(scope.cells))
        for r in group:
            q = r.quantity
            cands = [] if q.kind == "change" else candidates(q, scope, fb, doc.prose, pmap.get(q))
            weighed = [c.fact.id for c in r.candidates]
            frame = quantity_dict(q)
            for key in ("start", "end", "text"):
                frame.pop(key)
            frame["noun"] = q.noun or None
            negated = q.kind != "change" and negated_number(doc.prose, q, scope)
            out.append({
                "start": q.start, "end": q.end, "text": q.text, "frame": frame,
                "candidates": [{"fact": c.fact.id, "score": c.score,
                                "value_matches": c.value is not None, "strong": c.strong,
                                **slots(c.fact, r, q, qs, scope, doc.prose, fb, weighed)}
                               for c in cands[:5]],
                "claim": r.frame.as_dict() if r.frame is not None else None,
                "row": r.row or None,
                "fact": r.fact.id if r.fact is not None else None,
                "decision": _decision(r, negated, statistics.report(r.problem, by_check)),
            })
    out.sort(key=lambda d: (d["start"], d["end"]))
    return out


def slots(fact, r, q, qs, scope, prose: str, fb, weighed) -> dict:
    """The claim-frame slots on which a fact agreed with the number, or conflicted with it."""
    from linter.facts.decisions import conflicts

    fr = r.frame
    if fr is None:
        return {"agrees": [], "conflicts": []}
    against = [] if fact.id in weighed else conflicts(fact, fr, q, qs, scope, prose, fb)
    agrees = [slot for slot, ok in (
        ("measure", fr.measure is not None and fr.measure == fact.measure),
        ("subject", fact.subject is not None and fact.subject.search(scope.text) is not None),
        ("population", fact.population_terms is not None
         and fact.population_terms.search(scope.text) is not None)) if ok]
    return {"agrees": agrees, "conflicts": against}


def _decision(r, negated: bool, finding) -> str:
    if negated:
        return "not judged: the sentence negates it"
    if r.row == "not-a-claim":
        return "not judged: not a claim about the reference (" + ", ".join(r.frame.modifiers) + ")"
    if finding is not None:
        return f"{finding.rule} {finding.severity}: {finding.message}"
    if r.problem is not None:
        return f"wrong ({r.problem.check}), not reported: no loaded rule has that check"
    if r.supported and r.fact is not None:
        return f"agrees with {r.fact.id}"
    if r.supported:
        return "not judged: already judged with its pair, or a restated figure"
    if r.fact is not None:
        return (f"not judged: {r.fact.id} is the nearest fact, but the sentence does not tie "
                f"the number to it firmly enough to call it wrong")
    return "no fact: no fact of the reference is about this number"


def trace_text(text: str, path: str, ctx, line: int | None = None) -> Traced:
    return trace_document(parse(text, path), ctx, line)


def trace_document(doc: Document, ctx, line: int | None = None) -> Traced:
    """The trace of a document as `check` reads it (Markdown, text, Word or HTML)."""
    from linter.text.quantities import extract

    prose = doc.prose
    sentences, quantities = [], []
    for s in doc.sentences:
        sentences.append({"start": s.start, "end": s.end, "strength": sentence_strength(doc, s, ctx)})
        quantities.extend(quantity_dict(q) for q in extract(prose, s.start, s.end))
    entry = {"path": doc.path, "sentences": sentences, "quantities": quantities,
             "modifiers": modifiers(doc, ctx), "numbers": numbers(doc, ctx)}
    if line is not None:
        entry = _on_line(entry, doc, line)
    return Traced(doc.path, entry, doc, line)


def _on_line(entry: dict, doc: Document, line: int) -> dict:
    """What starts on a line, and the sentences that overlap it, by the lines `check` reports
    (an HTML page's source lines; a Word document's text rendering)."""
    def line_of(offset: int) -> int:
        return doc.position(offset)[0]

    def start_on(d):
        return line_of(d["trigger"]["start"] if "trigger" in d else d["start"]) == line

    out = dict(entry)
    out["line"] = line
    out["sentences"] = [s for s in entry["sentences"]
                        if line_of(s["start"]) <= line <= line_of(max(s["start"], s["end"] - 1))]
    for key in ("quantities", "modifiers", "numbers"):
        out[key] = [d for d in entry[key] if start_on(d)]
    return out


def run(targets, ctx, stdin=None) -> tuple[list[Traced], list[str]]:
    """Trace every target (FILE or FILE:LINE), each read by the reader `check` uses for it;
    input errors are collected, not raised."""
    from linter.document import formats
    from linter.engine import expand_paths

    limit = ctx.config["max-file-size"]
    traced, errors = [], []
    for target in targets:
        path, line = split_target(target)
        try:
            paths = expand_paths([path], ctx.config)
        except MedlintError as err:
            errors.append(str(err))
            traced.append(Traced(path, {"path": path, "error": str(err)}))
            continue
        for p in paths:
            try:
                doc = parse(reader.read_stdin(stdin, limit), "-") if p == "-" else \
                    formats.load(p, limit)
                if line is not None and line > _last_line(doc):
                    raise InputError(f"{p}: no line {line}; it has {_last_line(doc)}")
                traced.append(trace_document(doc, ctx, line))
            except MedlintError as err:
                errors.append(str(err))
                traced.append(Traced(p, {"path": p, "error": str(err)}))
    return traced, errors


def _last_line(doc) -> int:
    """The number of lines `check` counts in a document (an HTML page's source lines)."""
    text = getattr(doc, "source", None)
    text = doc.text if text is None else text
    return text.count("\n") + (0 if text.endswith("\n") else 1)


def in_source(entry: dict, doc) -> dict:
    """An entry's offsets moved into the HTML source a page was rendered from (the file's
    decoded text); other documents' entries are returned as they are."""
    if getattr(doc, "source", None) is None or "error" in entry:
        return entry

    def span(d: dict) -> dict:
        end = doc.origin(d["end"] - 1) + 1 if d["end"] > d["start"] else doc.origin(d["start"])
        return {**d, "start": doc.origin(d["start"]), "end": end}

    out = dict(entry)
    for key in ("sentences", "quantities", "numbers"):
        out[key] = [span(d) for d in entry[key]]
    out["modifiers"] = [{**m, "trigger": span(m["trigger"]), "scope": span(m["scope"])}
                        for m in entry["modifiers"]]
    return out


def write_json(traced: list[Traced], stream) -> None:
    json.dump({"version": VERSION, "files": [in_source(t.entry, t.document) for t in traced]},
              stream,
              ensure_ascii=False, indent=1)
    stream.write("\n")


def write_text(traced: list[Traced], stream) -> None:
    for t in traced:
        e = t.entry
        if "error" in e:
            continue
        doc = t.document
        for s in e["sentences"]:
            line, col = doc.position(s["start"])
            stream.write(f"{t.path}:{line}:{col}: sentence: {_short(doc.text[s['start']:s['end']])}\n")
            inside = [m for m in e["modifiers"] if s["start"] <= m["trigger"]["start"] < s["end"]]
            for m in inside:
                trig = doc.text[m["trigger"]["start"]:m["trigger"]["end"]]
                scope = doc.text[m["scope"]["start"]:m["scope"]["end"]]
                stream.write(f"    {m['kind']}: \"{trig}\" governs \"{_short(scope)}\"\n")
            for n in e["numbers"]:
                if not s["start"] <= n["start"] < s["end"]:
                    continue
                f = n["frame"]
                value = f["value"] if f["value"] is not None else f"{f['low']}-{f['high']}"
                stream.write(f"    number \"{n['text'].strip()}\": {f['kind']} {value}"
                             f"{(' ' + f['unit']) if f['unit'] else ''}"
                             f"{(' (' + f['qualifier'] + ')') if f['qualifier'] else ''}\n")
                claim = n.get("claim") or {}
                if claim:
                    stream.write("        claim: " + ", ".join(
                        f"{k} {v}" for k, v in claim.items() if v not in (None, [], False, 0))
                        + "\n")
                for c in n["candidates"]:
                    stream.write(f"        candidate {c['fact']}: score {c['score']:g}"
                                 f"{', value matches' if c['value_matches'] else ''}"
                                 f"{', strong' if c['strong'] else ''}"
                                 f"{', agrees on ' + ' '.join(c['agrees']) if c['agrees'] else ''}"
                                 f"{', conflicts on ' + ' '.join(c['conflicts']) if c['conflicts'] else ''}\n")
                stream.write(f"        decision: {n['decision']}"
                             f"{' (row ' + n['row'] + ')' if n.get('row') else ''}\n")


def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "\u2026"
