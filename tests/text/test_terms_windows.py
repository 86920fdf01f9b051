"""A term list's plain terms read in a stretch of text: found as a plain scan of the stretch finds
them, whatever the stretch (the whole text, a middle part, one counted from the end, one holding
a letter that lowers to two)."""
from pathlib import Path

import yaml
from conftest import random_texts

from linter.text import terms as terms_mod
from linter.text.terms import (
    Terms,
    _compiled,
    check_term,
    compile_terms,
    leftmost_longest,
)

ROOT = Path(__file__).parents[2]


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


def _lists(shipped: list) -> list:
    data = yaml.safe_load((ROOT / "reference" / "vocabulary.yaml").read_text())
    vocabulary = data["vocabulary"]
    found = [compile_terms(t, vocabulary) for t in [*data["measures"].values(), *vocabulary.values()]]
    plain = [Terms(tuple(t for t in p.terms if not t.startswith("re:")))
             for m in found if m is not None for p in getattr(m, "parts", (m,))]
    plain += [Terms(found) for strings in shipped
              if (found := tuple(t for t in strings if not t.startswith(("re:", "@"))))]
    return [t for t in plain if t.plain and all(check_term(term) is None for term in t.terms)]


_WORDS = ("get gets got gotten rid of take took taken away wipe wiped wiping out guarantee guaranteed "
          "do did done good greatly tiny "
          "relapse relapsed survival overall event-free free alive remission stayed in the a was "
          "children kids who were treated 5-year years of for cure cured high-risk risk group "
          "İn ſurvival KMT2A infants under 1 n = 12 % ≥ MRD negative OS EFS").split()


def _texts(seed: int, count: int):
    return random_texts(_WORDS, seed, count, 50)


def test_plain_terms_in_any_stretch_are_those_a_plain_scan_finds(shipped_lists):
    lists = _lists(shipped_lists)
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


def test_short_first_letters_were_among_the_lists_compared(shipped_lists):
    lists = _lists(shipped_lists)
    for terms in lists:
        for text in _texts(1, 3):
            terms.finditer(text)
    inflected = [term for term, heads in terms_mod._HEADS.items() if heads]
    assert len(inflected) >= 3


def test_an_inflected_first_word_is_tried_only_where_one_of_its_forms_is_written(monkeypatch):
    tried = []
    real = terms_mod._compiled("get~ rid of")

    class Counting:
        def match(self, text, at, end):
            tried.append(at)
            return real.match(text, at, end)

    monkeypatch.setitem(terms_mod._COMPILED, "get~ rid of", Counting())
    text = "Gentle green gardens grow; going, gone. " * 40 + "It got rid of the leukaemia."
    found = [m.group(0) for m in Terms(("get~ rid of",)).finditer(text)]
    assert Terms(("get~ rid of",)).plain[0][0] == "g"  # the letters every form begins with
    assert found == ["got rid of"] and tried == [text.index("got")]
    assert terms_mod._HEADS["get~ rid of"] == ("get", "gets", "getting", "got", "gotten")
    tried.clear()
    folding = text.replace("leukaemia", "leukaemia \u017f")  # a folding letter: every "g" is tried
    assert [m.group(0) for m in Terms(("get~ rid of",)).finditer(folding)] == ["got rid of"]
    assert len(tried) > 200
