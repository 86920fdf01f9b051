"""Work per figure is bounded: the stretches of text searched grow with the draft, not with the
square of its figures (counted, never timed), and the indexes that make it so give the same
answers as a plain scan."""
import random

import pytest

import linter.checks.statistics  # noqa: F401 - binds the real bound before a test lifts it
from linter.engine import lint_text
from linter.facts import measurewords, once, verdicts
from linter.facts import modifiers as frame_modifiers
from linter.facts.measurewords import MeasureIndex, longest
from linter.facts.once import Spans
from linter.text import modifiers as scopes
from linter.text.parens import Parens


def _numbers(n: int) -> str:
    rng = random.Random(3)
    tokens = ["12.5%", "13%", "1,440", "96%", "87.9 percent", "3-year survival", "0.5", "61%"]
    return "Survival was " + " ".join(rng.choice(tokens) for _ in range(n)) + ".\n"


SHAPES = {
    "one sentence of figures": _numbers,
    "one sentence of clauses": lambda n: "In the trial, " + "survival was 98%, against 87.9% alone, " * n + "overall.\n",
    "figures in brackets": lambda n: "Survival " + "(96% of children (relapse 4%)) " * n + ".\n",
    "one figure a line": lambda n: "".join(f"- {90 + i % 9}% of children.\n" for i in range(n)),
}


@pytest.fixture
def scanned(monkeypatch):
    """The characters searched for measure words, frame words and modifier scopes (a search
    answered from memory costs nothing)."""
    total = [0]
    real_once, real_scopes = once.once, scopes._scopes

    def counted_once(what, prose, lo, hi, work):
        def counted_work():
            total[0] += hi - lo
            return work()
        return real_once(what, prose, lo, hi, counted_work)

    def counted_scopes(kind, text, lo, hi):
        total[0] += hi - lo
        return real_scopes(kind, text, lo, hi)

    for module in (once, frame_modifiers, measurewords):
        monkeypatch.setattr(module, "once", counted_once)
    monkeypatch.setattr(scopes, "_scopes", counted_scopes)
    # These sentences run past the longest one whose figures are weighed: lift that bound, so
    # the work inside a sentence is what is counted.
    monkeypatch.setattr(verdicts, "LONGEST_SENTENCE", 10**9)
    return total


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_text_searched_grows_linearly_with_the_figures(shape, scanned, ctx):
    counts = []
    for n in (300, 1200):
        scanned[0] = 0
        lint_text(SHAPES[shape](n), "draft.md", ctx)
        counts.append(scanned[0])
    assert counts[0] > 0
    assert counts[1] <= 4 * 1.25 * counts[0], counts


def _naive_nearest(hits, a, b, skip, accept):
    kept = longest([h for h in hits if not (skip and skip[0] <= h[0] < skip[1])])
    kept = [h for h in kept if accept(h)]
    return min(kept, key=lambda h: max(h[0] - b, a - h[1], 0))[2] if kept else None


def test_nearest_matches_a_scan_of_every_hit():
    rng = random.Random(11)
    for _ in range(400):
        starts = [rng.randint(0, 600) for _ in range(rng.randint(0, 25))]
        hits = [(s, s + rng.randint(1, 30), rng.choice("abcd")) for s in starts]
        index = MeasureIndex(hits)
        a = rng.randint(0, 600)
        b = a + rng.randint(1, 8)
        skip = (a, b + rng.randint(0, 20)) if rng.random() < 0.5 else None
        banned = {h for h in hits if rng.random() < 0.3}
        accept = lambda h: h not in banned  # noqa: E731
        assert index.nearest(a, b, skip, accept) == _naive_nearest(hits, a, b, skip, accept)


def test_nearest_ignores_words_beyond_reach():
    far = measurewords.REACH + 50
    index = MeasureIndex([(far, far + 8, "survival")])
    assert index.nearest(0, 3, None, lambda h: True) is None
    assert MeasureIndex([(20, 28, "survival")]).nearest(0, 3, None, lambda h: True) == "survival"


def test_stretches_without_measure_words_share_one_empty_index(ctx):
    from linter.facts.frameterms import FrameTerms

    terms = FrameTerms(ctx.knowledge, {})
    prose = "The team met on Tuesday. Overall survival was 90% at five years."
    empty, other = measurewords.index(0, 24, prose, terms), measurewords.index(4, 20, prose, terms)
    assert empty is other and empty.hits == [] and empty.nearest(0, 3, None, lambda h: True) is None
    words = measurewords.index(25, len(prose), prose, terms)
    assert words.hits == measurewords.raw_hits(25, len(prose), prose, terms) != []


def _pairs(text):
    out, stack = [], []
    for i, c in enumerate(text):
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            out.append((stack.pop(), i + 1))
    return out


def test_parens_answer_as_a_scan_of_every_pair():
    rng = random.Random(5)
    for _ in range(300):
        text = "".join(rng.choice("(()x ") for _ in range(rng.randint(0, 60)))
        pairs = _pairs(text)
        parens = Parens(text, 0, len(text))
        assert list(parens.pairs) == pairs
        for at in range(len(text) + 1):
            assert parens.inside(at) == next(((a, b) for a, b in pairs if a < at < b), None)
            end = min(len(text), at + rng.randint(0, 4))
            assert sorted(parens.holding(at, end)) == sorted(
                (a, b) for a, b in pairs if a <= at and end <= b)


def test_spans_near_are_those_within_reach_nearest_first():
    rng = random.Random(9)
    for _ in range(300):
        spans, at = [], 0
        for _ in range(rng.randint(0, 20)):
            at += rng.randint(0, 40)
            spans.append((at, at + rng.randint(1, 15)))
            at = spans[-1][1]
        a = rng.randint(0, 500)
        b = a + rng.randint(0, 6)
        reach = rng.randint(0, 120)
        near = Spans(tuple(spans)).near(a, b, reach)
        expected = [s for s in spans if max(s[0] - b, a - s[1], 0) <= reach]
        assert sorted(near) == expected
        distances = [max(s[0] - b, a - s[1], 0) for s in near]
        assert distances == sorted(distances)


def test_answers_are_kept_least_recently_asked_dropped_first(monkeypatch):
    monkeypatch.setattr(once, "_KEEP", 2)
    prose = "a stretch of prose"
    done = []

    def ask(lo):
        return once.once(("test",), prose, lo, lo + 1, lambda: done.append(lo) or lo)

    for lo in (0, 1, 0, 2, 0, 1):
        assert ask(lo) == lo
    assert done == [0, 1, 2, 1]  # 0, asked again, stayed; 1 was dropped for 2
