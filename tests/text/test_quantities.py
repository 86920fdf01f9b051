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
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_numbers_that_are_not_claims(text):
    kinds = [(q.text, q.kind) for q in extract(text) if q.kind not in ("duration",)]
    assert kinds == []
