"""The filter step: what a user switched off never reaches the output.

In order: severity overrides (preset, config `severity:`; "off" drops a rule), --select/--ignore
(codes, code prefixes, rule names or categories: selection.py), front-matter `medlint:` settings
(checked by document/frontmatter.py), inline control comments; and a finding repeated at the
same span counts once.
"""
from __future__ import annotations

import dataclasses

from linter.document.frontmatter import file_settings
from linter.document.markdown import Document
from linter.finding import Finding
from linter.selection import matches, names


def selected(finding: Finding, patterns, ctx) -> bool:
    rule = ctx.rule_index.get(finding.rule)
    found = names(rule) if rule is not None else (finding.rule, finding.category)
    return any(matches(p, found) for p in patterns)


def apply(findings, doc: Document, ctx):
    """The findings a user did not switch off; a draft's bad `medlint:` settings are an
    InputError for that draft (raised before the first finding)."""
    settings = file_settings(doc.front_matter, doc.text, doc.path, ctx.knowledge.rules)
    file_ignore = tuple(settings.get("ignore") or ())
    file_select = tuple(settings.get("select") or ())
    disabled = _disabled_spans(doc, ctx)
    seen = set()
    for f in findings:
        severity = ctx.severity(f.rule, f.severity)
        if severity == "off" and not ctx.keep_off:
            continue
        if ctx.select and not selected(f, ctx.select, ctx):
            continue
        if ctx.ignore and selected(f, ctx.ignore, ctx):
            continue
        if file_select and not selected(f, file_select, ctx):
            continue
        if file_ignore and selected(f, file_ignore, ctx):
            continue
        if _is_disabled(f, doc, disabled):
            continue
        key = (f.rule, f.start, f.end)
        if key in seen:
            continue
        seen.add(key)
        yield f if severity == f.severity else dataclasses.replace(f, severity=severity)


def _codes(words, ctx) -> tuple:
    """The rule codes a control's words name (codes, prefixes, rule names or categories, as
    --select reads them); a word that names no rule names none."""
    return tuple(code for code, rule in ctx.rule_index.items()
                 if any(matches(w, names(rule)) for w in words))


def _disabled_spans(doc: Document, ctx):
    """[(start, end, rule codes or None for all)] regions switched off by control comments. A
    region is kept per rule, so "disable OVER004" ... "enable overclaiming.hype" ends it."""
    spans, open_ = [], {}
    for control in doc.controls:
        offset, kind = control.offset, control.kind
        codes = _codes(control.codes, ctx) if control.codes else ()
        if control.codes and not codes:
            continue  # names no rule
        if kind == "disable-next-line":
            line, _ = doc.position(offset)
            starts = doc.line_starts
            if line < len(starts):
                end = starts[line + 1] if line + 1 < len(starts) else len(doc.text)
                spans.append((starts[line], end, codes or None))
        elif kind == "disable":
            for code in codes or ("*",):
                open_.setdefault(code, offset)
        elif kind == "enable":
            for code in list(open_) if not control.codes else codes:
                if code in open_:
                    start = open_.pop(code)
                    spans.append((start, offset, None if code == "*" else (code,)))
    for code, start in open_.items():
        spans.append((start, len(doc.text) + 1, None if code == "*" else (code,)))
    return spans


def _is_disabled(f: Finding, doc: Document, spans) -> bool:
    document_level = f.document_level
    for start, end, codes in spans:
        if codes is not None and f.rule not in codes:
            continue
        if start <= f.start < end:
            return True
        # A document-level finding is switched off by a region that stays open to the end.
        if document_level and end > len(doc.text):
            return True
    return False
