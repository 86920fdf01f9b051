"""Phrase and substitution rules: words that say more than the evidence (rules/*.yaml).

A match stays quiet when it sits inside one of the rule's exceptions ("cure rate"), when the
sentence hedges or negates it (the scopes of text/modifiers.py), or when it is quoted -- unless
the rule says `hedge: false` or `quoted: flag`; with `cited: skip`, when the sentence names its
source. `compose:` entries match claims built from parts ("zero ... side effects"; see
text/compose.py). Matching runs over whole blocks so that a phrase may cross a sentence end
("Side effects? Basically none.").
"""
from __future__ import annotations

import bisect

from linter.finding import Finding
from linter.text.compose import rule_pattern

KINDS = ("phrase", "substitution")
CHECKS = ()


def prepare(rule, vocabulary):
    """A rule's `terms` and `compose:` entries as one matcher."""
    return rule_pattern(rule.data, vocabulary)


def raw_sentence(doc, sentence) -> str:
    """The original text of a sentence up to the next one: trailing links and markers included."""
    i = bisect.bisect_right(doc.sentence_starts, sentence.start)
    nxt = doc.sentences[i] if i < len(doc.sentences) else None
    end = nxt.start if nxt is not None and nxt.block == sentence.block else doc.blocks[sentence.block].end
    return doc.text[sentence.start:max(end, sentence.end)]


def check(view, rules):
    doc = view.doc
    starts = [b.start for b in doc.blocks]
    for rule in rules:
        pattern, exceptions, near = (rule.prepared, rule.matcher("exceptions"),
                                     rule.matcher("near"))
        cited = rule.data.get("cited") == "skip"
        # One pass over the whole prose view; each match is then placed in its block.
        for m in pattern.finditer(doc.prose):
            i = bisect.bisect_right(starts, m.start()) - 1
            if i < 0 or m.end() > doc.blocks[i].end:
                continue
            block = doc.blocks[i]
            if rule.scope == "heading" and block.kind != "heading":
                continue
            if rule.scope == "sentence" and block.kind == "heading":
                continue
            sentence = view.sentence_at(m.start())
            lo = sentence.start if sentence else block.start
            hi = sentence.end if sentence else block.end
            if exceptions is not None and any(
                    e.start() <= m.start() and m.end() <= e.end()
                    for e in exceptions.finditer(doc.prose, lo, hi)):
                continue
            if near is not None and not near.search(doc.prose, lo, hi):
                continue
            if view.quiet(rule, m.start(), m.end(), sentence):
                continue
            if cited and sentence is not None and view.cites(raw_sentence(doc, sentence)):
                continue
            found = " ".join(m.group(0).split())
            message = rule.message.format(match=found, suggestion=rule.suggest)
            yield Finding(rule.code, rule.category, rule.severity, m.start(), m.end(),
                          message, found=found)
