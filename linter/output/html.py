"""One self-contained HTML page: each draft with its findings highlighted, and a list of the
findings grouped by category and severity, with filters.

Nothing is loaded from elsewhere: the style sheet and the script (report.css, report.js, shipped
beside this module) are written into the page, and a Content-Security-Policy forbids any fetch.
Without the script the page still works: every finding in the list is a link to its text, and
the linked text is marked (:target). The script adds the filters and marks every piece of the
finding's text when it is chosen.
"""
from __future__ import annotations

import dataclasses
from html import escape
from importlib import resources

from linter import __version__
from linter.finding import SEVERITIES
from linter.output.escape import printable
from linter.output.rows import span, summary

_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def _asset(name: str) -> str:
    return resources.files("linter.output").joinpath(name).read_text(encoding="utf-8")


def write(results, errors, ctx, stream):
    # File names as text (undecodable bytes and control characters as \xNN); escape() does HTML.
    results = sorted((dataclasses.replace(r, path=printable(r.path)) for r in results),
                     key=lambda r: r.path)
    numbered = []  # (n, result, finding, (line, col))
    for result in results:
        for f in sorted(result.findings, key=lambda f: (f.start, f.rule)):
            numbered.append((len(numbered) + 1, result, f, span(result.document, f)[0]))
    s = summary(results)
    title = "medlint report: " + (results[0].path if len(results) == 1 else f"{len(results)} files")
    out = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>", f"<style>{_asset('report.css')}</style>", "</head>",
        "<body>", '<a class="skip" href="#findings">Skip to the list of findings</a>',
        f"<header><h1>{escape(title)}</h1><p class=\"summary\">{_summary_text(s)}</p></header>",
        '<div class="layout">', '<main id="drafts" aria-label="Drafts">',
    ]
    for message in errors:
        out.append(f'<p class="input-error" role="alert">{escape(message)}</p>')
    for result in results:
        out.extend(_draft(result, [row for row in numbered if row[1] is result]))
    out.append("</main>")
    out.extend(_side(numbered))
    out += ["</div>", f'<footer><p>medlint {escape(__version__)}</p></footer>',
            f"<script>{_asset('report.js')}</script>", "</body>", "</html>"]
    stream.write("\n".join(out) + "\n")


def _summary_text(s) -> str:
    files = f"{s['files']} file{'s' if s['files'] != 1 else ''}"
    if not s["findings"]:
        return f"No problems found in {files}."
    return (f"{s['findings']} problem{'s' if s['findings'] != 1 else ''} in {files}: "
            f"{s['error']} error, {s['warning']} warning, {s['info']} info.")


def _draft(result, rows) -> list[str]:
    doc = result.document
    out = [f'<section class="draft" aria-label="{escape(result.path)}">',
           f"<h2>{escape(result.path)}</h2>"]
    whole = [row for row in rows if row[2].end <= row[2].start]
    if whole:
        out.append('<ul class="whole" aria-label="About the whole document">')
        for n, _, f, _ in whole:
            out.append(f'<li id="f-{n}" tabindex="-1" data-f="{n}" class="mark sev-{f.severity}" '
                       f'data-n="{n}">{escape(f.message)}</li>')
        out.append("</ul>")
    spans = [(n, f.start, f.end, f) for n, _, f, _ in rows if f.end > f.start]
    out.append(f'<pre class="text">{_highlight(doc.text, spans)}</pre>')
    out.append("</section>")
    return out


def _highlight(text: str, spans) -> str:
    """The text with every finding's span in <mark> elements; overlapping spans are cut into
    pieces, each listing the findings that cover it (data-f); a finding's first piece carries
    its id."""
    cuts = sorted({0, len(text), *(a for _, a, _, _ in spans), *(b for _, _, b, _ in spans)})
    first_piece = {}
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [(n, f) for n, s, e, f in spans if s <= a and b <= e]
        chunk = escape(text[a:b])
        if not covering:
            out.append(chunk)
            continue
        ids = " ".join(str(n) for n, _ in covering)
        worst = min((f.severity for _, f in covering), key=SEVERITIES.index)
        attrs = [f'data-f="{ids}"', f'class="mark sev-{worst}"',
                 f'title="{escape(" | ".join(f.message for _, f in covering))}"']
        starts = [n for n, _ in covering if n not in first_piece]
        for n in starts:
            first_piece[n] = a
        if starts:
            attrs.insert(0, f'id="f-{starts[0]}" tabindex="-1"')
            attrs.append(f'data-n="{" ".join(str(n) for n in starts)}"')
            chunk = "".join(f'<span id="f-{n}" class="alias" tabindex="-1"></span>'
                            for n in starts[1:]) + chunk
        out.append(f"<mark {' '.join(attrs)}>{chunk}</mark>")
    return "".join(out)


def _side(numbered) -> list[str]:
    categories = sorted({f.category for _, _, f, _ in numbered})
    out = ['<aside id="findings" aria-label="Findings" tabindex="-1">', "<h2>Findings</h2>"]
    if numbered:
        out.append('<fieldset class="filters"><legend>Show</legend>')
        for sev in SEVERITIES:
            count = sum(1 for _, _, f, _ in numbered if f.severity == sev)
            out.append(_checkbox("severity", sev, f"{sev} ({count})"))
        out.append('<span class="sep" aria-hidden="true"></span>')
        for cat in categories:
            count = sum(1 for _, _, f, _ in numbered if f.category == cat)
            out.append(_checkbox("category", cat, f"{cat} ({count})"))
        out.append("</fieldset>")
    else:
        out.append("<p>No findings.</p>")
    for cat in categories:
        in_cat = [row for row in numbered if row[2].category == cat]
        out.append(f'<section class="group" data-category="{escape(cat)}">'
                   f'<h3>{escape(cat)} <span class="count">({len(in_cat)})</span></h3>')
        for sev in SEVERITIES:
            in_sev = [row for row in in_cat if row[2].severity == sev]
            if not in_sev:
                continue
            out.append(f'<h4 class="sev-{sev}">{sev} <span class="count">({len(in_sev)})</span></h4>')
            out.append("<ol>")
            out.extend(_item(*row) for row in in_sev)
            out.append("</ol>")
        out.append("</section>")
    out.append("</aside>")
    return out


def _checkbox(kind: str, value: str, label: str) -> str:
    return (f'<label><input type="checkbox" data-filter="{kind}" value="{escape(value)}" checked>'
            f" {escape(label)}</label>")


def _item(n, result, f, pos) -> str:
    describe = getattr(result.document, "describe", None)  # a Word document: its paragraph
    if f.end <= f.start:
        where = f"{result.path} (whole document)"
    elif describe is not None:
        where = f"{result.path}, {describe(f.start)}"
    else:
        where = f"{result.path}:{pos[0]}:{pos[1]}"
    detail = []
    if f.expected:
        detail.append(f"<dt>Expected</dt><dd>{escape(f.expected)}</dd>")
    if f.fact:
        detail.append(f"<dt>Fact</dt><dd><code>{escape(f.fact)}</code></dd>")
    if f.sources:
        detail.append(f"<dt>Source</dt><dd>{escape('; '.join(f.sources))}</dd>")
    extra = f'<dl>{"".join(detail)}</dl>' if detail else ""
    return (f'<li class="finding sev-{f.severity}" data-category="{escape(f.category)}" '
            f'data-severity="{f.severity}" data-n="{n}">'
            f'<a href="#f-{n}" data-goto="{n}"><span class="num">{n}</span> '
            f'<span class="code">{escape(f.rule)}</span> '
            f'<span class="where">{escape(where)}</span></a>'
            f'<p class="message">{escape(f.message)}</p>{extra}</li>')
