"""A stretch is searched only for the frame words it may hold: measure, modifier and subgroup
lists none of whose strings a stretch holds are never run on it (counted, never timed), and the
frames come out as when every list is searched."""
from conftest import record_calls

from linter.facts import frameterms
from linter.facts.measurewords import raw_hits
from linter.facts.modifiers import _subgroups
from linter.text.needles import Screen
from linter.text.terms import Terms

TEXT = ("Overall survival was 91% at five years; 12 babies relapsed.\n\n"
        "The clinic opened 3 new rooms last May.\n")


class _Open(Screen):
    """A screen that rules nothing out: every list is searched, as without screens."""

    def possible(self, text, lo=0, hi=None):
        return [p is not None for p in self.patterns]


def _open(terms) -> frameterms.FrameTerms:
    out = object.__new__(frameterms.FrameTerms)
    out.__dict__.update(terms.__dict__)
    out.measure_screen = _Open(terms.measures.values())
    out.subgroup_screen = _Open(terms.subgroups.values())
    return out


def test_a_stretch_without_frame_words_runs_no_list(ctx, monkeypatch):
    terms = ctx.factbase.frame_terms
    lo = TEXT.index("The clinic")
    hi = len(TEXT) - 1
    runs = record_calls(monkeypatch, Terms, "_finditer",
                        lambda self, text, pos, endpos: (pos, endpos))
    assert raw_hits(lo, hi, TEXT, terms) == [] and _subgroups(TEXT, lo, hi, "", "", terms) == ()
    assert runs == []
    assert [h[2] for h in raw_hits(0, lo, TEXT, terms)] == ["survival", "relapse"] and len(runs) > 2


def test_screened_frames_are_those_of_a_search_of_every_list(ctx):
    terms, plain = ctx.factbase.frame_terms, _open(ctx.factbase.frame_terms)
    text = TEXT + ("For infants with high-risk disease, 40% were in remission after 2 cycles (n = 30); "
                   "those 6% relapsed in the United States between 1999 and 2004.\n")
    for lo in range(0, len(text), 7):
        for hi in (lo + 15, lo + 60, len(text)):
            assert raw_hits(lo, hi, text, terms) == raw_hits(lo, hi, text, plain)
            assert _subgroups(text, lo, hi, "", "Infants", terms) == _subgroups(text, lo, hi, "", "Infants", plain)


def test_the_subgroups_a_heading_names_are_found_once_for_its_sentences(ctx, monkeypatch):
    from linter.facts import modifiers

    terms = ctx.factbase.frame_terms
    text = TEXT + "Infants did well; 40% of the children were in remission.\n"
    pairs = [("", "Infants"), ("", "Infants"), ("For infants:", "Infants"), ("", "Results"), ("", None),
             ("", "Infants")]
    stretches = [(lo, lo + 40) for lo in range(0, len(text) - 40, 9)]
    cached = [_subgroups(text, lo, hi, lead, heading, terms) for lead, heading in pairs for lo, hi in stretches]
    fresh = []
    for lead, heading in pairs:
        for lo, hi in stretches:
            modifiers._AROUND[:] = [None, None, None]  # nothing kept: worked out anew
            fresh.append(_subgroups(text, lo, hi, lead, heading, terms))
    assert cached == fresh and any(g[1] == -1 for found in cached for g in found)
    asked = record_calls(monkeypatch, Screen, "possible", lambda self, text, *where: text)
    modifiers._AROUND[:] = [None, None, None]
    for lo, hi in stretches:
        _subgroups(text, lo, hi, "", "Results", terms)
    assert asked.count("Results") == 1 and len(asked) == len(stretches) + 1
