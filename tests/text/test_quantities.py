"""Quantity extraction: every form a draft writes a number in, with its exact span."""
import pytest

from linter.text.quantities import extract

# (text, [(found text, kind, value or (low, high), qualifier, extra attributes)])
CASES = [
    ("Survival was 96% overall.", [("96%", "percent", 96.0, "exact", {})]),
    ("It was 96.0 percent.", [("96.0 percent", "percent", 96.0, "exact", {"decimals": 1})]),
    ("It was 96 per cent.", [("96 per cent", "percent", 96.0, "exact", {})]),
    ("ninety-six percent of kids", [("ninety-six percent", "percent", 96.0, "exact", {"words": True})]),
    ("about half of babies", [("about half", "percent", 50.0, "about", {"noun": "babies"})]),
    ("two-thirds of children", [("two-thirds", "percent", 66.7, "about", {})]),
    ("three-quarters of infants", [("three-quarters", "percent", 75.0, "about", {})]),
    ("about 9 in 10 children", [("about 9 in 10", "percent", 90.0, "about", {})]),
    ("nine out of ten kids", [("nine out of ten", "percent", 90.0, "about", {})]),
    ("One child in three relapses", [("One child in three", "percent", 33.3, "about", {"noun": "child"})]),
    ("about 1 in 4 kids", [("about 1 in 4", "percent", 25.0, "about", {})]),
    ("85–90% survive", [("85–90%", "percent", (85.0, 90.0), "exact", {})]),
    ("85 to 90 percent survive", [("85 to 90 percent", "percent", (85.0, 90.0), "exact", {})]),
    ("between 15% and 20% relapse", [("between 15% and 20%", "percent", (15.0, 20.0), "exact", {})]),
    ("nearly 88% did", [("nearly 88%", "percent", 88.0, "nearly", {})]),
    ("more than 95% did", [("more than 95%", "percent", 95.0, "over", {})]),
    ("under 1% had seizures", [("under 1%", "percent", 1.0, "under", {})]),
    ("up to 20% relapse", [("up to 20%", "percent", 20.0, "at-most", {})]),
    ("at least 80% did", [("at least 80%", "percent", 80.0, "at-least", {})]),
    ("~50% did", [("~50%", "percent", 50.0, "about", {})]),
    ("were 61% less likely to relapse", [("61%", "percent", 61.0, "exact", {"relative": True, "direction": "decrease"})]),
    ("deaths fell by 67% overall", [("67%", "percent", 67.0, "exact", {"relative": True, "direction": "decrease"})]),
    ("a 59% increase in cases", [("59%", "percent", 59.0, "exact", {"relative": True, "direction": "increase"})]),
    ("a 61 percentage point drop", [("61 percentage point", "pp", 61.0, "exact", {"direction": "decrease"})]),
    ("P<0.001 by log-rank", [("P<0.001", "p-value", 0.001, "under", {})]),
    ("p = .001 in the test", [("p = .001", "p-value", 0.001, "exact", {})]),
    ("imatinib 340 mg/m²/day", [("340 mg/m²/day", "dose", 340.0, "exact", {"unit": "mg/m2/day"})]),
    ("340 mg/m2 per day", [("340 mg/m2 per day", "dose", 340.0, "exact", {})]),
    ("15 micrograms per square metre per day", [("15 micrograms per square metre per day", "dose", 15.0, "exact", {"unit": "ug/m2/day"})]),
    ("1,440 children were randomized", [("1,440", "count", 1440.0, "exact", {"unit": "children"})]),
    ("thirty infants took part", [("thirty", "count", 30.0, "exact", {"unit": "infants"})]),
    ("from nine countries", [("nine", "count", 9.0, "exact", {"unit": "countries"})]),
    ("3-year survival", [("3-year", "duration", 3.0, "exact", {"attributive": True})]),
    ("three years later", [("three years", "duration", 3.0, "exact", {"attributive": False})]),
    ("after 36 months", [("36 months", "duration", 36.0, "exact", {"unit": "month"})]),
    ("36 months or more", [("36 months or more", "duration", 36.0, "at-least", {})]),
    ("from 1990 to 2021", [("1990 to 2021", "yearspan", (1990.0, 2021.0), "exact", {})]),
    ("in 1990–2021", [("1990–2021", "yearspan", (1990.0, 2021.0), "exact", {})]),
    ("WBC <50,000/µL", [("<50,000/µL", "wbc", 50000.0, "under", {})]),
    ("aged 3 to 24", [("3 to 24", "age", (3.0, 24.0), "exact", {})]),
    ("twice as likely to stay", [("twice as likely", "ratio", 2.0, "exact", {"relative": True})]),
    ("cut deaths in half", [("cut deaths in half", "percent", 50.0, "about", {"relative": True})]),
    ("survival has doubled", [("doubled", "ratio", 2.0, "exact", {"relative": True, "direction": "increase"})]),
    # Numbers in words: one number as long as the words make one.
    ("a hundred and two children", [("a hundred and two", "count", 102.0, "exact", {"words": True})]),
    ("three million, two hundred and forty people",
     [("three million, two hundred and forty", "count", 3000240.0, "exact", {})]),
    ("Two of the clinics closed.", [("Two", "number", 2.0, "exact", {"words": True})]),
    ("twelve, thirteen and fourteen", [("twelve", "number", 12.0, "exact", {}),
                                       ("thirteen", "number", 13.0, "exact", {}),
                                       ("fourteen", "number", 14.0, "exact", {})]),
    ("about 2,000 children took part", [("about 2,000", "count", 2000.0, "about", {})]),
    ("a risk of 2.5×10⁻³ per dose", [("2.5×10⁻³", "number", 0.0025, "exact", {})]),
    ("a change of minus five percent", [("minus five percent", "percent", -5.0, "exact", {})]),
    # Shares in words.
    ("one sixth of patients", [("one sixth", "percent", 16.7, "about", {"noun": "patients"})]),
    ("four fifths of the babies", [("four fifths", "percent", 80.0, "about", {})]),
    ("roughly one in seven children", [("roughly one in seven", "percent", 14.3, "about", {})]),
    ("nine out of a hundred families", [("nine out of a hundred", "percent", 9.0, "about", {})]),
    ("almost half of the children", [("almost half", "percent", 50.0, "nearly", {"vague": True})]),
    ("more than a third of cases", [("more than a third", "percent", 33.3, "over", {"vague": True})]),
    ("about 1/40 of the dose", [("about 1/40", "percent", 2.5, "about", {})]),
    ("a share of 40 percents", [("40 percents", "percent", 40.0, "exact", {})]),
    # Ranges, and changes that are not ranges.
    ("rest for 7 to 10 days", [("7 to 10 days", "duration", (7.0, 10.0), "exact", {})]),
    ("survival ranges from 85 to 90%", [("85 to 90%", "percent", (85.0, 90.0), "exact", {})]),
    ("two to three years later", [("two to three years", "duration", (2.0, 3.0), "exact", {})]),
    ("scores of 20 through 30", [("20 through 30", "number", (20.0, 30.0), "exact", {})]),
    ("survival rose from 60% to 90%", [("60%", "percent", 60.0, "exact", {}),
                                       ("90%", "percent", 90.0, "exact", {})]),
    ("it took survival from 60% to 90%", [("60%", "percent", 60.0, "exact", {}),
                                          ("90%", "percent", 90.0, "exact", {})]),
    # Bounds.
    ("30 children or more", [("30", "count", 30.0, "at-least", {})]),
    ("in 500 cases or fewer", [("500", "count", 500.0, "at-most", {})]),
    ("less than or equal to 40%", [("less than or equal to 40%", "percent", 40.0, "at-most", {})]),
    ("equal to or greater than 12", [("equal to or greater than 12", "number", 12.0, "at-least", {})]),
    ("more than 50 or equal", [("more than 50 or equal", "number", 50.0, "at-least", {})]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0] for c in CASES])
def test_extraction(text, expected):
    found = extract(text)
    assert len(found) == len(expected), [(q.text, q.kind) for q in found]
    for q, (span_text, kind, value, qualifier, extra) in zip(found, expected):
        assert text[q.start:q.end] == span_text
        assert q.kind == kind
        if isinstance(value, tuple):
            assert (q.low, q.high) == value
        else:
            assert q.value == pytest.approx(value)
        assert q.qualifier == qualifier
        for key, want in extra.items():
            assert getattr(q, key) == want, key


NOT_CLAIMS = [
    "The trial AALL1731 and Interfant-06 and EsPhALL2010 were run.",
    "CD19 and CD3 are markers.",
    "Published 3 March 2025 and in December 2024.",
    "Posted on 2025-03-01 at 21:47.",
    "See reference [2] and footnote ^3.",
    "Grade 3 events and phase 3 trials and grade ≥3 CRS.",
    "Call 0300 123 4567 or registered charity no. 1098765.",
    "Donate £25 or $60 today.",
    "RMST difference (95% CI, 36 to 108).",
    "Likes (1.2K) and post (3/12).",
    "Chromosome 9 and chromosome 22 swap.",
    "No one knows, and one of them left.",
    "Several hundred years ago.",
    "Call +1-222-3333-4444 today.",
    "Galaxy J1149.5+6663 was imaged.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_numbers_that_are_not_claims(text):
    kinds = [(q.text, q.kind) for q in extract(text) if q.kind not in ("duration",)]
    assert kinds == []


def test_long_lines_read_every_number_once():
    text = "9% " * 4000
    found = extract(text)
    assert [(q.start, q.text, q.value) for q in found] == [(3 * i, "9%", 9.0) for i in range(4000)]
    assert [q.text for q in extract("It was 5" + "." * 16000 + " Then 6%.")] == ["5", "6%"]


def test_digits_first_reads_as_number_start():
    """In a text with no number word, the digits-only expression finds exactly the numbers the
    full one does (every match, in every window, of texts built from digits, separators and
    letters that spell no number)."""
    import random

    from linter.text.numbers import NUMBER_START
    from linter.text.quantities import _DIGITS_FIRST

    rng = random.Random(11)
    alphabet = "0123456789.,, x-\u0663/%"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20))) for _ in range(3000)]
    texts += ["1,440 children", "96.0% and .5", "1,23,456.7", "v2.0.1", "12,3456"]
    windows = [(t, a, b) for t in texts for a, b in ((0, len(t)), (1, len(t)), (0, len(t) - 2))]
    assert [[m.span() for m in _DIGITS_FIRST.finditer(t, a, b)] for t, a, b in windows] \
        == [[m.span() for m in NUMBER_START.finditer(t, a, b)] for t, a, b in windows]


def test_sentences_with_and_without_number_words():
    """The same figures whichever expression a sentence is read with."""
    from linter.text.quantities import extract

    assert [(q.text, q.kind, q.value) for q in extract("Of 1,440 children, 96% were alive.")] \
        == [("1,440", "count", 1440.0), ("96%", "percent", 96.0)]
    assert [(q.text, q.kind, q.value) for q in extract("Of 1,440 children, ninety were alive.")] \
        == [("1,440", "count", 1440.0), ("ninety", "number", 90.0)]


def test_the_written_out_constructor_takes_every_field_with_its_default():
    import dataclasses
    import inspect

    from linter.text.quantity import Quantity

    params = list(inspect.signature(Quantity.__init__).parameters.values())[1:]
    fields = dataclasses.fields(Quantity)
    assert [p.name for p in params] == [f.name for f in fields]
    assert [p.default for p in params] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields]
    q = Quantity(3, 6, "96%", "percent", 96.0, unit="%")
    assert dataclasses.replace(q, relative=True) == Quantity(3, 6, "96%", "percent", 96.0, unit="%",
                                                              relative=True)
    assert hash(q) == hash(Quantity(3, 6, "96%", "percent", 96.0, unit="%"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.value = 1.0
