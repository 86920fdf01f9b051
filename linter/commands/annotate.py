"""Write a reviewed copy of a Word draft: one Word comment per finding, on the flagged words.

The draft itself is never written: the copy is saved to a temporary file in the target's
folder and moved into place in one step (os.replace), so a failed run leaves neither a partial
copy nor a changed original; the copy gets the permissions of the file it replaces, or those of
a newly written file. Runs are split at a finding's first and last character so the
comment covers exactly the words it is about; a finding in a footnote is put on the note's
reference mark in the text; a document-level finding (a missing disclaimer) on the first
paragraph.
"""
from __future__ import annotations

import copy
import os
import stat
import tempfile

from linter.document import formats
from linter.document import word as word_mod
from linter.errors import InputError, MedlintError

AUTHOR = "medlint"
W = word_mod.W
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def annotate(source: str, target: str, ctx, force: bool = False):
    """Lint `source` (.docx) and write the commented copy to `target`; returns the findings."""
    from linter.engine import lint_document

    if formats.kind(source) != "word":
        raise InputError(f"{source}: annotate writes Word comments and needs a .docx draft")
    if not target.lower().endswith(".docx"):
        raise InputError(f"{target}: the reviewed copy must be a .docx file")
    if os.path.exists(target) and os.path.exists(source) and os.path.samefile(source, target):
        raise InputError(f"{target}: is the draft itself; medlint never writes to the draft")
    if os.path.exists(target) and not force:
        raise InputError(f"{target}: already exists; use --force to replace it")
    folder = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(folder):
        raise InputError(f"{target}: no such folder {folder}")
    doc = word_mod.read(source, ctx.config["max-file-size"])
    result = lint_document(doc, ctx)
    for finding in result.findings:
        add_comment(doc, finding)
    _save(doc.word, target)
    return result


def comment_lines(finding, where: str = "") -> list[str]:
    lines = [f"{where}{finding.message} ({finding.rule}, {finding.severity})"]
    if finding.expected:
        lines.append(f"Expected: {finding.expected}")
    if finding.fact:
        lines.append(f"Fact: {finding.fact}")
    if finding.sources:
        lines.append(f"Source: {'; '.join(finding.sources)}")
    return lines


def add_comment(doc, finding) -> None:
    from docx.text.run import Run

    first, last, where = _anchor(doc, finding)
    lines = comment_lines(finding, where)
    comment = doc.word.add_comment([Run(first, None), Run(last, None)], text=lines[0],
                                   author=AUTHOR, initials="ML")
    for line in lines[1:]:
        comment.add_paragraph(line)


def _anchor(doc, finding):
    """(first run, last run, prefix) that the comment on a finding covers."""
    if finding.end <= finding.start:
        for _, p in doc.paragraphs:
            runs = isolate(doc, p, 0, _length(doc, p))
            if runs:
                return runs[0], runs[-1], ""
        raise MedlintError(f"{doc.path}: the document has no text to put a comment on")
    i, a = doc.location(finding.start)
    j, b = doc.location(finding.end - 1)
    label, p = doc.paragraphs[i]
    if not label.startswith("paragraph"):
        note = label.split(",")[0]
        run = doc.note_refs[note]
        return run, run, f"In {note}: "
    q = doc.paragraphs[j][1] if doc.paragraphs[j][0].startswith("paragraph") else p
    if q is p:
        runs = isolate(doc, p, a, max(b + 1, a + 1))
        return runs[0], runs[-1], ""
    head = isolate(doc, p, a, _length(doc, p)) or isolate(doc, p, 0, _length(doc, p))
    tail = isolate(doc, q, 0, b + 1)
    return head[0], (tail or head)[-1], ""


def _length(doc, p) -> int:
    return sum(len(text) for _, _, _, text, _ in word_mod.items(p, doc.word.part.rels))


def isolate(doc, p, a: int, b: int) -> list:
    """The runs of paragraph `p` that show exactly its characters [a, b), runs split as needed."""
    rels = doc.word.part.rels
    _split_at(p, a, rels)
    _split_at(p, b, rels)
    runs, pos = [], 0
    for _, run, _, text, _ in word_mod.items(p, rels):
        if text and a <= pos and pos + len(text) <= b and (not runs or runs[-1] is not run):
            runs.append(run)
        pos += len(text)
    return runs


def _split_at(p, k: int, rels) -> None:
    pos = 0
    for _, run, element, text, _ in word_mod.items(p, rels):
        if text and pos <= k < pos + len(text):
            run = _alone(run, element)
            if k > pos:
                _cut(run, element, k - pos)
            return
        pos += len(text)


def _alone(run, element):
    """Give `element` a run of its own (same formatting), so a comment can start or end at it."""
    content = [c for c in run if c.tag != W + "rPr"]
    if len(content) <= 1:
        return run
    holder = None
    for child in content:
        new = copy.deepcopy(run)
        for c in list(new):
            if c.tag != W + "rPr":
                new.remove(c)
        new.append(child)
        run.addprevious(new)
        if child is element:
            holder = new
    run.getparent().remove(run)
    return holder


def _cut(run, element, k: int) -> None:
    """Split a run holding one w:t after its k-th character."""
    text = element.text or ""
    second = copy.deepcopy(run)
    element.text = text[:k]
    second_t = second.find(W + "t")
    second_t.text = text[k:]
    for t in (element, second_t):
        t.set(XML_SPACE, "preserve")
    run.addnext(second)


def _save(word, target: str) -> None:
    folder = os.path.dirname(os.path.abspath(target))
    try:
        handle, temp = tempfile.mkstemp(prefix=".medlint-", suffix=".docx.tmp", dir=folder)
    except OSError as err:
        raise InputError(f"{target}: cannot write ({err.strerror or err})") from None
    os.close(handle)
    try:
        # mkstemp makes the file 0600: give it the mode the copy should have before it is seen.
        os.chmod(temp, _mode_for(target))
        word.save(temp)
        os.replace(temp, target)
    except BaseException as err:
        if os.path.exists(temp):
            os.remove(temp)
        if isinstance(err, OSError):
            raise InputError(f"{target}: cannot write ({err.strerror or err})") from None
        raise


def _mode_for(target: str) -> int:
    """The permissions of the file being replaced, else those a new file gets (0666 less the
    umask), as if the copy had been written in place."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
