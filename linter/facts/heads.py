"""Which term groups a text may match, from the words it holds: a lookup before the search.

A plain term starts on a word boundary with its first word ("relapse*" with "relapse", "wipe~
out" with the letters every form of "wipe" begins with), so a text none of whose words begins
with that head cannot match the term. The heads of a fact's key terms, subject and
contradiction triggers are collected once; a sentence's words are read once; a number then
meets only the facts whose heads its sentence holds, and the full search still decides. A group
with a raw expression (`re:`), or a term that does not start with a plain ASCII word, has no
heads and is always searched; so is every group in a text holding one of the few characters
that match an ASCII letter when case is ignored ("ſ" matches "s").
"""
from __future__ import annotations

import re
from os.path import commonprefix

from linter.text.literals import foldable
from linter.text.terms import TermUnion

_WORDS = re.compile(r"\w+")
_ASCII_WORD = re.compile(r"[A-Za-z0-9_]+")


def term_head(term: str) -> str | None:
    """The lowercase letters every match of a plain term begins with, or None."""
    if term.startswith(("re:", "@")):
        return None
    phrase = term[:-1] if term.endswith("*") else term
    if not re.match(r"\w", phrase):  # no word boundary before it: it may start inside a word
        return None
    first = re.split(r"[\s-]+", phrase.strip())[0]
    if first.endswith("~") and len(first) > 1:
        from linter.text.inflect import forms

        first = commonprefix(list(forms(first[:-1])))
    m = _ASCII_WORD.match(first)
    return m.group(0).lower() if m else None


class Heads:
    """The heads of term groups, and the heads a text's words begin with (both memoised)."""

    def __init__(self):
        self._groups: dict = {}
        self._known: set = set()
        self._lengths: list = []
        self._tokens: dict = {}
        self._texts: dict = {}
        self._read = False

    def of(self, group) -> frozenset | None:
        """The heads one of which a text must hold for `group` to match it (None: any text)."""
        if group in self._groups:
            return self._groups[group]
        if self._read:  # a head learnt now would be missing from the texts already read
            return None
        parts = group.parts if isinstance(group, TermUnion) else (group,)
        heads: set | None = set()
        for part in parts:
            if part._regex_terms:
                heads = None
                break
            for term in part.terms:
                head = term_head(term)
                if head is None:
                    heads = None
                    break
                heads.add(head)
            if heads is None:
                break
        out = frozenset(heads) if heads is not None else None
        if out is not None:
            self._known |= out
            self._lengths = sorted({len(h) for h in self._known})
        self._groups[group] = out
        return out

    def of_all(self, groups) -> frozenset | None:
        """The heads of several groups together (None when one of them has none)."""
        key = tuple(groups)
        if key in self._groups:
            return self._groups[key]
        out: set | None = set()
        for g in key:
            h = self.of(g) if g is not None else frozenset()
            if h is None:
                out = None
                break
            out |= h
        found = self._groups[key] = frozenset(out) if out is not None else None
        return found

    def present(self, text: str) -> frozenset | None:
        """The known heads that words of `text` begin with (None: cannot tell, try every group)."""
        hit = self._texts.get(text)
        if hit is not None or text in self._texts:
            return hit
        self._read = True
        if foldable(text):
            out = None
        else:
            out = set()
            if len(self._tokens) > 50_000:  # a long run over many files: start afresh
                self._tokens.clear()
            tokens, known, lengths = self._tokens, self._known, self._lengths
            for word in set(_WORDS.findall(text)):
                found = tokens.get(word)
                if found is None:
                    low = word[:lengths[-1]].lower() if lengths else ""
                    found = tokens[word] = tuple(low[:n] for n in lengths
                                                 if n <= len(low) and low[:n] in known)
                out.update(found)
            out = frozenset(out)
        if len(self._texts) > 512:
            self._texts.clear()
        self._texts[text] = out
        return out

    def present_any(self, texts) -> frozenset | None:
        out: set = set()
        for t in texts:
            if t:
                found = self.present(t)
                if found is None:
                    return None
                out |= found
        return frozenset(out)


def misses(heads: frozenset | None, present: frozenset | None) -> bool:
    """Whether a group with these heads surely fails on a text holding `present`."""
    return heads is not None and present is not None and heads.isdisjoint(present)


class Reachable:
    """The facts of each quantity kind by the heads of their subject (and of their population,
    which may stand in for it), so that a number meets only the facts whose subject, or
    population, its context may name. Facts without a subject, or with terms that have no
    heads, are always reachable. Order is the fact base's.

    Given the heads of the text a number's key terms must come from, a fact one of whose key
    groups cannot match there is left out too; a percentage-point figure keeps the percent
    facts it may be the difference of (it needs no key terms)."""

    def __init__(self, by_kind: dict, heads: Heads):
        self.always: dict = {}
        self.by_subject: dict = {}
        self.by_population: dict = {}
        self.key_heads: dict = {}  # per kind, per fact: the heads of each key group that has them
        self._memo: dict = {}  # the answers by kind and heads (texts with the same heads are many)
        self.facts = by_kind
        for kind, facts in by_kind.items():
            always, subj, pop = set(), {}, {}
            for i, f in enumerate(facts):
                sh = heads.of_all(f.subject_parts) if f.subject is not None else None
                ph = heads.of(f.population_terms) if f.population_terms is not None else frozenset()
                if sh is None or ph is None:
                    always.add(i)
                    continue
                for h in sh:
                    subj.setdefault(h, []).append(i)
                for h in ph:
                    pop.setdefault(h, []).append(i)
            self.always[kind], self.by_subject[kind], self.by_population[kind] = always, subj, pop
            self.key_heads[kind] = [
                () if kind == "pp" and not f.relative and f.kind != "pp" else tuple(
                    h for h in (heads.of(g) for g in f.keys if g is not None) if h is not None)
                for f in facts]

    def facts_for(self, kind: str, in_context, in_sentence, in_keys=None) -> list:
        key = (kind, in_context, in_sentence, in_keys)
        hit = self._memo.get(key)
        if hit is None:
            if len(self._memo) > 4096:
                self._memo.clear()
            hit = self._memo[key] = self._facts_for(kind, in_context, in_sentence, in_keys)
        return hit

    def _facts_for(self, kind: str, in_context, in_sentence, in_keys) -> list:
        facts = self.facts.get(kind, ())
        if not facts:
            return []
        if in_context is None or in_sentence is None:
            found = range(len(facts))
        else:
            found = set(self.always[kind])
            for heads, index in ((in_context, self.by_subject[kind]),
                                 (in_sentence, self.by_population[kind])):
                if len(index) < len(heads):  # the fewer of the two is read
                    for h, facts_of in index.items():
                        if h in heads:
                            found.update(facts_of)
                else:
                    for h in heads:
                        found.update(index.get(h, ()))
            found = sorted(found)
        if in_keys is None:
            return [facts[i] for i in found]
        key_heads = self.key_heads[kind]
        return [facts[i] for i in found
                if not any(h.isdisjoint(in_keys) for h in key_heads[i])]
