"""What a sentence tells every figure in it about the facts it may be about, worked out once
per sentence rather than once per figure and fact: the term heads of the sentence and its
context, the facts each kind of figure reaches, where each treatment and trial is named, and
whether a fact's subject is named in the sentence or before it (matching.subject_level).

Facts with the same subject terms get the same answers, so answers are kept by those terms.
"""
from __future__ import annotations

import bisect

from linter.facts.frames import has_boxes
from linter.facts.trials import unknown_trials
from linter.regexcache import lazy

_LAST: list = [None, None, None]  # the scope and fact base last asked about, their Reach


def reach(scope, fb) -> Reach:
    """The answers about this sentence (kept while its figures are matched)."""
    if _LAST[0] is not scope or _LAST[1] is not fb:
        _LAST[:] = [scope, fb, Reach(scope, fb)]
    return _LAST[2]


def closest(positions: list[int], local: int) -> float:
    """The distance from `local` to the nearest of the sorted positions; a name before the
    number counts a little nearer than one after it. Bisected: a sentence may name a drug
    thousands of times."""
    i = bisect.bisect_left(positions, local)
    left = local - positions[i - 1] if i else float("inf")
    right = (positions[i] - local) * 1.5 if i < len(positions) else float("inf")
    return min(left, right)


UNDECIDED = object()
OTHER_TRIAL = "\0trial"  # where a sentence names a trial the fact base does not hold


class Reach:
    __slots__ = ("scope", "fb", "found", "in_context", "in_sentence", "treated", "_facts",
                 "_levels", "_named", "_nearest", "_searched", "_every_key", "_keyed", "_boxed", "studies", "answers",
                 "_approvals", "_labels")

    def __init__(self, scope, fb):
        self.scope, self.fb = scope, fb
        self.found = fb.mentions(scope.text)  # where each treatment and trial is named
        self.treated = None  # whether a treatment is named in the sentence (when first asked)
        self.in_context = self.in_sentence = None  # heads of the context and the sentence
        self._facts: dict = {}
        self._levels: dict = {}
        self._named = None
        self._nearest: dict = {}
        self._searched: dict = {}
        self._every_key: dict = {}
        self._keyed: dict = {}
        self._boxed = None
        self.studies: dict = {}  # decisions.other_study, by the facts' subject groups
        self.answers: dict = {}  # other per-sentence answers, by what they are about
        self._approvals = None  # where the sentence states an approval or a label
        self._labels = None  # the rows of its table that state no figure

    def facts_for(self, kind: str, in_keys) -> list:
        """The facts a figure of this kind meets (fact base order), without those whose key
        terms the heads `in_keys` show cannot occur (None: keep them all)."""
        key = (kind, in_keys)
        hit = self._facts.get(key)
        if hit is None:
            if not self._facts:
                scope, heads = self.scope, self.fb.heads
                self.in_context = heads.present_any((scope.text, scope.header, scope.table,
                                                     *scope.before, scope.heading, scope.title))
                self.in_sentence = heads.present(scope.text)
            hit = self._facts[key] = self.fb.reachable.facts_for(
                kind, self.in_context, self.in_sentence, in_keys)
        return hit

    def names_treatment(self) -> bool:
        """Whether the sentence names any treatment."""
        if self.treated is None:
            self.treated = any(self.found[n] for n in self.fb.treatments)
        return self.treated

    def subject_level(self, fact, at: int | None = None) -> int | None:
        """matching.subject_level, answered for this sentence."""
        if fact.subject is None:
            return 0
        if at is not None:
            nearest = self.nearest(fact, at)
            if nearest is not UNDECIDED:
                return nearest
        return self.level(fact)

    def nearest(self, fact, at: int):
        """2 when the trial (else the treatment) named nearest position `at` is one of the
        fact's subjects, None when it is another, UNDECIDED when none is named or two tie.
        Trials and populations decide before drugs: "EsPhALL2010: imatinib 340" is EsPhALL's."""
        if self._named is None:
            self._name()
        if not self._named:
            return UNDECIDED
        per_at = self._nearest.get(at)
        if per_at is None:
            local, found = at - self.scope.start, self.found
            per_at = self._nearest[at] = tuple([(n, closest(found[n], local)) for n in named]
                                               for named in self._named)
        groups = fact.subject_groups
        # A trial the fact base does not hold speaks against a trial's fact, not a drug's.
        trial_fact = any(n in self.fb.trials for n in groups)
        for named in per_at:  # the nearest of the fact's own names, and of the others
            mine = theirs = None
            for n, d in named:
                if n is OTHER_TRIAL and not trial_fact:
                    continue
                if n in groups:
                    if mine is None or d < mine:
                        mine = d
                elif theirs is None or d < theirs:
                    theirs = d
            if mine is not None and (theirs is None or mine < theirs):
                return 2
            if theirs is not None and (mine is None or theirs < mine):
                return None
        return UNDECIDED

    def _name(self) -> None:
        """The trials, then the treatments, the sentence names (`_named`); `found` gains where
        it names trials the fact base does not hold."""
        found = self.found
        ids = unknown_trials(self.fb, self.scope.text)
        if ids:
            found = self.found = {**found, OTHER_TRIAL: ids}
        self._named = tuple(named for named in (
            [n for n in self.fb.anchors if found[n]] + ([OTHER_TRIAL] if ids else []),
            [n for n in self.fb.treatments if found[n]]) if named)

    def own_trial_nearest(self, at: int, words) -> bool:
        """Whether the trial named nearest position `at` is one the fact base holds, named
        nearer than any match of `words` (another study's: "a second trial")."""
        if self._named is None:
            self._name()
        local, best = at - self.scope.start, None
        for n in (*self.fb.trials, OTHER_TRIAL):
            if self.found.get(n):
                d = closest(self.found[n], local)
                if best is None or d < best[0]:
                    best = (d, n)
        if best is None or best[1] is OTHER_TRIAL:
            return False
        other = [m.start() for m in words.finditer(self.scope.text)] if words is not None else []
        return not other or best[0] < closest(other, local)

    def level(self, fact) -> int | None:
        """2 = the fact's subject is named in the sentence (or its table header), 1 = earlier,
        None = another subject is named first. The first text that names any decides."""
        key = fact.subject_key
        hit = self._levels.get(key, UNDECIDED)
        if hit is UNDECIDED:
            hit = self._levels[key] = self._level(fact)
        return hit

    def _level(self, fact) -> int | None:
        scope, fb = self.scope, self.fb
        others = fb.other_subjects(fact)
        levels = [(scope.text, 2, False)]
        if scope.header:
            levels.append((scope.header, 2, False))
        # A table's other rows name its arms and trial for every row; a population named in a
        # row that states its own figure is that row's ("Infants ... | 75-80%").
        populations = _populations(fb)
        if scope.table:
            levels.append((scope.table, 1, bool(populations)))
        levels += [(t, 1, False) for t in scope.before] + [(scope.heading, 1, False),
                                                           (scope.title, 1, False)]
        for text, level, rows in levels:
            if not text:
                continue
            if rows:
                labels = self.table_labels()
                mine = sum(1 for t, p in zip(fact.subject_terms, fact.subject_parts)
                           if p.search(labels if t[1:] in populations else text))
                theirs = sum(1 for name, p in fb.subjects.items() if p in others
                             and p.search(labels if name in populations else text))
            else:
                mine = sum(1 for p in fact.subject_parts if p.search(text))
                theirs = sum(1 for p in others if p.search(text))
            if mine and mine > theirs:
                return level
            if theirs:
                return None
        return None

    def table_labels(self) -> str:
        """The rows of the sentence's table (a table row's) that state no figure of their own: a
        caption-like row ("| Infant study | |") says whom every row is about, one with its own
        figure only whom that figure is about."""
        if self._labels is None:
            self._labels = "\n".join(row for row in self.scope.table.split("\n")
                                      if not _FIGURE.search(row))
        return self._labels

    def approved(self, fact, lo: int, hi: int) -> bool:
        """Whether prose[lo:hi] (a figure's clause) states a drug's approval or label and the
        fact is a trial's that the clause does not name: "approved for patients up to age 25"
        is the label's age limit, not the ages a trial enrolled."""
        if self._approvals is None:
            pattern = self.fb.approvals
            self._approvals = [m.start() for m in pattern.finditer(self.scope.text)] \
                if pattern is not None else []
        if not self._approvals:
            return False
        lo, hi = lo - self.scope.start, hi - self.scope.start
        if not any(lo <= a < hi for a in self._approvals):
            return False
        trials = [n for n in fact.subject_groups if n in self.fb.trials]
        return bool(trials) and not any(lo <= a < hi for n in trials for a in self.found.get(n, ()))

    def search(self, group, text: str):
        """group.search(text), kept for the sentence: every figure asks it of every fact."""
        key = (group, text)
        hit = self._searched.get(key, UNDECIDED)
        if hit is UNDECIDED:
            hit = self._searched[key] = group.search(text)
        return hit

    def every_key(self, text: str) -> dict:
        """{fact: whether every key group of the fact matches text}, filled in by the
        figures of the sentence as they meet each fact (names_every_key)."""
        hit = self._every_key.get(text)
        if hit is None:
            hit = self._every_key[text] = {}
        return hit

    def keyed(self, facts: list, text: str) -> list:
        """Those of the facts every key group of which matches text, in order (kept per list
        and text: a sentence's figures of one kind meet the same list)."""
        key = (id(facts), text)
        hit = self._keyed.get(key)
        if hit is None or hit[0] is not facts:
            named = self.every_key(text)
            out = []
            for fact in facts:
                found = named.get(fact)
                if found is None:
                    found = named[fact] = self.names_every_key(fact, text)
                if found:
                    out.append(fact)
            hit = self._keyed[key] = (facts, out)
        return hit[1]

    def names_every_key(self, fact, text: str) -> bool:
        """Whether every key group of the fact matches text (each search kept, see search)."""
        for group in fact.key_groups:
            if not self.search(group, text):
                return False
        return True

    def boxed(self, prose: str) -> bool:
        """frames.has_boxes for the sentence (asked for every candidate of its figures)."""
        if self._boxed is None:
            self._boxed = has_boxes(self.scope, prose)
        return self._boxed

    def answer(self, what, work, *args):
        """work(*args), the answer about this sentence that `what` names, computed once."""
        hit = self.answers.get(what, UNDECIDED)
        if hit is UNDECIDED:
            hit = self.answers[what] = work(*args)
        return hit


_FIGURE = lazy(r"(?<![\w.])\d")  # a figure in a table row (not an identifier's digits)
_POPULATIONS: list = [None, frozenset()]  # the fact base last asked about, its populations


def _populations(fb) -> frozenset:
    """The subjects that are also populations (`subgroups`), such as infants."""
    if _POPULATIONS[0] is not fb:
        subgroups = set(fb.knowledge.subgroups)
        _POPULATIONS[:] = [fb, frozenset(n for n in fb.anchors if n in subgroups)]
    return _POPULATIONS[1]
