"""Bounded windows in frame building: the same answers as the plain all-pairs reading."""
import random

from linter.facts.frames import _near
from linter.facts.measurewords import longest as _longest
from linter.text.quantities import extract


def _naive_longest(hits):
    return [h for h in hits if not any(o is not h and o[0] < h[1] and h[0] < o[1]
                                       and (o[1] - o[0]) > (h[1] - h[0]) for o in hits)]


def test_longest_matches_all_pairs_reading():
    rng = random.Random(7)
    for _ in range(300):
        hits = []
        for _ in range(rng.randint(0, 30)):
            a = rng.randint(0, 200)
            hits.append((a, a + rng.randint(1, 25), rng.choice("xyz")))
        assert _longest(hits) == _naive_longest(hits)


def test_longest_keeps_order_and_drops_the_shorter_overlap():
    hits = [(10, 18, "survival"), (0, 5, "rate"), (10, 31, "relative-survival")]
    assert _longest(hits) == [(0, 5, "rate"), (10, 31, "relative-survival")]


def test_near_takes_a_bounded_neighbourhood():
    text = " ".join(["9%"] * 100)
    qs = extract(text, 0, len(text))
    q = qs[50]
    near = _near(q, qs)
    assert q not in near
    assert len(near) == 24
    assert all(abs(o.start - q.start) <= 600 for o in near)


def test_near_of_a_short_list_is_every_other_figure():
    text = "Survival was 96% against 87.9% at 3 years."
    qs = extract(text, 0, len(text))
    assert [o.text for o in _near(qs[0], qs)] == [o.text for o in qs[1:]]


def test_first_figure_from_a_position_matches_a_scan():
    from linter.facts.modifiers import _first_from
    text = "Rates were 93.3 vs 65.8% and 12 vs 14% in 2020."
    qs = extract(text, 0, len(text))
    for at in range(len(text) + 1):
        expected = next((o for o in qs if o.start >= at), None)
        assert _first_from(qs, at) is expected
