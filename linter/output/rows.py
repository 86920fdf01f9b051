"""The rows every writer reports: findings with their line and column, in report order."""


def rows(results):
    """(path, finding, (line, col), (end_line, end_col)) for every finding, in report order."""
    out = []
    for result in sorted(results, key=lambda r: r.path):
        for f in result.findings:
            pos, end = span(result.document, f)
            out.append((result.path, f, pos, end))
    out.sort(key=lambda r: (r[0], r[2][0], r[2][1], r[1].rule))
    return out


def span(document, f) -> tuple:
    """((line, col), (end_line, end_col)) of a finding; a document-level one is at 1:1."""
    if f.document_level:
        return (1, 1), (1, 1)
    # A rendered page's text (Word, HTML) ends a span after its last source character.
    end_at = getattr(document, "end_position", document.position)
    return document.position(f.start), end_at(max(f.start, f.end))


def summary(results) -> dict:
    counts = {"error": 0, "warning": 0, "info": 0}
    for r in results:
        for f in r.findings:
            counts[f.severity] = counts.get(f.severity, 0) + 1
    return {"files": len(results), "findings": sum(counts.values()), **counts}
