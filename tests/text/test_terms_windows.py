"""A term list's plain terms read in a stretch of text: found as a plain scan of the stretch finds
them, whatever the stretch (the whole text, a middle part, one counted from the end, one holding
a letter that lowers to two)."""
import random
from pathlib import Path

import yaml

from linter.text.terms import Terms, _compiled, compile_terms, leftmost_longest


def _plain_scan(terms: Terms, text: str, pos: int, endpos) -> list:
    """Every place in the stretch where a plain term's first word is written at a word's start,
    the term tried there; then the leftmost, longest of those that do not overlap."""
    low = text.lower()
    end = len(text) if endpos is None else endpos
    first, last, _ = slice(pos, end).indices(len(low))
    found = []
    for lit, word, term in terms.plain:
        for at in range(first, last - len(lit) + 1):
            if low.startswith(lit, at) and (not word or at == 0 or not (low[at - 1].isalnum() or low[at - 1] == "_")):
                m = _compiled(term).match(text, at, end)
                if m is not None:
                    found.append(m)
    return [(m.span(), m.re.pattern) for m in leftmost_longest(found)]


def _lists() -> list:
    data = yaml.safe_load((Path(__file__).parents[2] / "reference" / "vocabulary.yaml").read_text())
    vocabulary = data["vocabulary"]
    found = [compile_terms(t, vocabulary) for t in [*data["measures"].values(), *vocabulary.values()]]
    plain = [Terms(tuple(t for t in p.terms if not t.startswith("re:")))
             for m in found if m is not None for p in getattr(m, "parts", (m,))]
    return [t for t in plain if t.plain]


_WORDS = ("relapse relapsed survival overall event-free free alive remission stayed in the a was "
          "children kids who were treated 5-year years of for cure cured high-risk risk group "
          "İn ſurvival KMT2A infants under 1 n = 12 % ≥ MRD negative OS EFS").split()


def _texts(seed: int, count: int):
    rnd = random.Random(seed)
    for _ in range(count):
        words = [rnd.choice(_WORDS) for _ in range(rnd.randint(3, 50))]
        yield "".join(w + rnd.choice((" ", " ", ", ", "-", ". ", "")) for w in words)


def test_plain_terms_in_any_stretch_are_those_a_plain_scan_finds():
    lists = _lists()
    assert len(lists) > 20
    compared = found = 0
    for n, terms in enumerate(lists):
        for text in _texts(n, 25):
            size = len(text)
            stretches = [(0, None), (0, size // 2), (size // 3, size - 2), (-20, None), (-30, -5),
                         (5, 5), (size + 3, None)]
            stretches += [(lo, lo + w) for lo in range(0, size, 31) for w in (17, 70)]
            for lo, hi in stretches:
                got = [(m.span(), m.re.pattern) for m in Terms(terms.terms).finditer(text, lo, hi)]
                assert got == _plain_scan(terms, text, lo, hi), (terms.terms, text, lo, hi)
                compared += 1
                found += bool(got)
    assert compared > 20_000 and found > 500
