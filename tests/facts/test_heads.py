"""The head lookup never skips a term group that would match: it only spares searches."""
from linter.facts.heads import Heads, misses, term_head
from linter.text.terms import compile_terms

VOCABULARY = {"survival-any": ["overall survival", "event-free survival", "survive~"],
              "mixed": ["relapse*", "re:\\bOS\\b"]}


def test_term_heads():
    assert [term_head(t) for t in ("Relapse*", "event-free survival", "ALL", "children's",
                                   "survive~", "re:\\bOS\\b", "\u2265 90", "5-year")] == \
        ["relapse", "event", "all", "children", "surviv", None, None, "5"]


def _heads(groups):
    heads = Heads()
    for g in groups:
        heads.of(g)
    return heads


def test_a_group_is_skipped_only_where_it_cannot_match():
    groups = [compile_terms(terms, VOCABULARY) for terms in (
        ["@survival-any"], ["relapse*"], ["ALL"], ["Zorbamab", "ZX1000"], ["@mixed"])]
    heads = _heads(groups)
    texts = ["Overall survival was 90%.", "Most relapses happen early.", "all children",
             "In ZX1000, 40%.", "Fewer survived; OS was 80%.", "nothing here", "zx1000-b arm",
             "the \u017furvival rate"]
    seen = []
    for text in texts:
        present = heads.present(text)
        for g in groups:
            skipped = misses(heads.of(g), present)
            assert not (skipped and g.search(text)), (text, g)
            seen.append(skipped)
    # The last group holds a raw expression: it is always searched.
    assert seen == [
        False, True, True, True, False,   # overall survival
        True, False, True, True, False,   # relapses
        True, True, False, True, False,   # "all": the letters are there, the capitals decide
        True, True, True, False, False,   # ZX1000
        False, True, True, True, False,   # survived
        True, True, True, True, False,    # nothing
        True, True, True, False, False,   # zx1000-b
        False, False, False, False, False,  # a character that folds to an ASCII letter
    ]


def test_a_group_learnt_after_reading_is_never_skipped():
    early = compile_terms(["remission"], VOCABULARY)
    heads = _heads([early])
    heads.present("Complete response in 80%.")
    late = compile_terms(["response"], VOCABULARY)
    assert heads.of(late) is None
    assert misses(heads.of(early), heads.present("Complete response in 80%."))
