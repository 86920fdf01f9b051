"""Phrase and substitution rules: words that say more than the evidence (rules/*.yaml).

A match stays quiet when it sits inside one of the rule's exceptions ("cure rate"), when the
sentence hedges or negates it (the scopes of modifiers.py), or when it is quoted -- unless the
rule says `hedge: false` or `quoted: flag`; with `cited: skip`, when the sentence names its source.
`compose:` entries match claims built from parts ("zero ... side effects"; see compose.py). Matching runs over whole blocks so that a phrase may cross a
sentence end ("Side effects? Basically none.").
"""
from __future__ import annotations

import bisect

from linter.finding import Finding
from linter.text.citations import cites
from linter.text.compose import compile_composed
from linter.text.modifiers import hedged, model, negated, quoted
from linter.text.terms import TermUnion, compile_terms


def rule_pattern(rule, vocab):
    """A rule's `terms` and `compose:` entries as one matcher (None when it has neither)."""
    parts = [p for p in (compile_terms(rule.get("terms", []), vocab),
                         compile_composed(rule.get("compose", []), vocab)) if p is not None]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else TermUnion(tuple(parts))


def compiled_rules(ctx):
    rules = ctx.compiled.get("phrases")
    if rules is None:
        vocab = ctx.knowledge.vocabulary
        rules = ctx.compiled["phrases"] = [
            (r, rule_pattern(r, vocab), compile_terms(r.get("exceptions", []), vocab),
             compile_terms(r.get("near", []), vocab))
            for r in ctx.knowledge.rules if r["kind"] in ("phrase", "substitution")]
    return rules


def sentence_at(doc, offset):
    sentences = doc.sentences
    starts = doc.sentence_starts
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and sentences[i].start <= offset < max(sentences[i].end, sentences[i].start + 1):
        return sentences[i]
    return sentences[i] if i >= 0 else None


def raw_sentence(doc, sentence) -> str:
    """The original text of a sentence up to the next one: trailing links and markers included."""
    i = bisect.bisect_right(doc.sentence_starts, sentence.start)
    nxt = doc.sentences[i] if i < len(doc.sentences) else None
    end = nxt.start if nxt is not None and nxt.block == sentence.block else doc.blocks[sentence.block].end
    return doc.text[sentence.start:max(end, sentence.end)]


def quiet(doc, rule, start, end, sentence, ctx=None) -> bool:
    """Whether a match must stay quiet: hedged, negated, quoted, a question or a cited title;
    with `cited: skip`, a sentence that names its source."""
    lo = sentence.start if sentence else 0
    if sentence is not None and end <= sentence.end and doc.prose[sentence.end - 1:sentence.end] == "?":
        return True  # a question asks; it does not claim
    if sentence is not None:
        from linter.checks.claims import REFERENCE_HEADING

        if REFERENCE_HEADING.match(doc.heading_text(sentence.block) or ""):
            return True
    scopes = model(ctx.knowledge) if ctx is not None else None
    if rule.get("hedge", True) and (hedged(doc.prose, start, lo, model_=scopes)
                                    or negated(doc.prose, start, lo, model_=scopes)):
        return True
    if rule.get("cited") == "skip" and sentence is not None and cites(raw_sentence(doc, sentence)):
        return True
    if rule.get("quoted", "skip") == "skip":
        block = doc.blocks[sentence.block] if sentence else None
        if (block is not None and block.quote) or quoted(doc.text, start, end):
            return True
    return False


def check(doc, ctx):
    starts = [b.start for b in doc.blocks]
    for rule, pattern, exceptions, near in compiled_rules(ctx):
        scope = rule.get("scope", "any")
        # One pass over the whole prose view; each match is then placed in its block.
        for m in pattern.finditer(doc.prose):
            i = bisect.bisect_right(starts, m.start()) - 1
            if i < 0 or m.end() > doc.blocks[i].end:
                continue
            block = doc.blocks[i]
            if scope == "heading" and block.kind != "heading":
                continue
            if scope == "sentence" and block.kind == "heading":
                continue
            sentence = sentence_at(doc, m.start())
            lo = sentence.start if sentence else block.start
            hi = sentence.end if sentence else block.end
            if exceptions is not None and any(
                    e.start() <= m.start() and m.end() <= e.end()
                    for e in exceptions.finditer(doc.prose, lo, hi)):
                continue
            if near is not None and not near.search(doc.prose, lo, hi):
                continue
            if quiet(doc, rule, m.start(), m.end(), sentence, ctx):
                continue
            found = " ".join(m.group(0).split())
            message = rule["message"].format(match=found, suggestion=rule.get("suggest", ""))
            yield Finding(rule["code"], rule["category"], rule["severity"], m.start(), m.end(),
                          message, found=found)
