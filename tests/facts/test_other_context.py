"""A figure stated for another population, place or era is not a claim about today's children
with ALL, wherever in the sentence the context is named: a population after the figure ("of
adults"), a decade ("by the late 1970s"), an early study, or a place in the ;-segment before
that the figure's own segment points back to ("there", "in some"). A wrong figure stated for
today's children is still flagged, and facts about the groups the reference covers still
decide their own figures."""
import pytest

SURVIVAL = "all-5y-survival"


def _got(lint, text):
    return [(f.rule, f.fact, f.found) for f in lint(text).findings
            if f.category in ("wrong-statistic", "unsupported-claim")]


@pytest.mark.parametrize("text, expected", [
    # adults: the general survival fact is about children
    ("Among adults with ALL, only about 40% survive five years.", [("CLAIM002", None, "only about 40%")]),
    ("Results in adults with ALL are poorer: only around 35% of adults live five years.",
     [("CLAIM002", None, "around 35%")]),
    ("For grown-ups the outlook differs; the five-year survival rate for adults with ALL is 30% to 40%.",
     [("CLAIM002", None, "30% to 40%")]),
    # another subgroup the general fact does not cover: first relapse, an age band
    ("After a first relapse of ALL, about 50% of children can still be cured.",
     [("CLAIM002", None, "about 50%")]),
    # a decade or an early study: a past figure
    ("Five-year survival for children with ALL reached about 60% by the late 1970s.",
     [("CLAIM002", None, "about 60%")]),
    ("Five-year survival for children with ALL climbed to roughly 70% in the mid-1980s.",
     [("CLAIM002", None, "roughly 70%")]),
    ("The team reported that about half of the children with ALL in its early studies lived five years.",
     [("CLAIM002", None, "about half")]),
    # a place, in the figure's own segment or the one its segment points back to
    ("In many low-income countries, about 30% of children with ALL survive five years.",
     [("CLAIM002", None, "about 30%")]),
    ("Survival for ALL is far lower in poorer countries; there, about 30% of children live five years.",
     [("CLAIM002", None, "about 30%")]),
    ("ALL survival is much lower in low- and middle-income countries; in some, under 30% of children "
     "survive five years.", [("CLAIM002", None, "under 30%")]),
])
def test_a_figure_for_another_population_place_or_era_is_not_checked(lint, text, expected):
    assert _got(lint, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a wrong figure for today's children is still wrong, context or not
    ("Today about 60% of children with ALL survive five years.", [("STAT001", SURVIVAL, "about 60%")]),
    ("Unlike adults, about 60% of children with ALL now survive five years.",
     [("STAT001", SURVIVAL, "about 60%")]),
    ("Since the 1970s, survival has risen; today about 60% of children with ALL live five years.",
     [("STAT001", SURVIVAL, "about 60%")]),
    # a semicolon's segment that does not point back keeps its own place (none here)
    ("Survival is lower in poorer countries; about 60% of children with ALL survive five years.",
     [("STAT001", SURVIVAL, "about 60%")]),
    # a right figure stays quiet
    ("About 90% of children with ALL survive five years.", []),
    ("By the late 1970s survival had risen, and today about 90% of children with ALL live five years.", []),
])
def test_a_figure_for_todays_children_is_still_checked(lint, text, expected):
    assert _got(lint, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a rate about the writer's own organisation is its own information
    ("Our leukaemia programme sees about 60 new patients each year.", []),
    ("We treat about 70 children with ALL every year.", []),
    # ... not one about a region or the disease
    ("In our region, about 60 children a year develop leukemia.", [("CLAIM002", None, "about 60")]),
    ("Leukemia strikes roughly 5,000 American kids each year.", [("CLAIM002", None, "roughly 5,000")]),
])
def test_an_organisations_own_rate_needs_no_source(lint, text, expected):
    assert _got(lint, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the sentence before names the subject and, in the same clause, the population
    ("ALL in adults is harder to treat. Only about 35% of patients survive five years.",
     [("CLAIM002", None, "Only about 35%")]),
    # ... not when the figure's own sentence names the subject again
    ("ALL in adults is harder to treat. About 60% of children with ALL survive five years.",
     [("STAT001", SURVIVAL, "About 60%")]),
    # ... nor when the population is in another clause of the sentence before
    ("Unlike in adults, ALL in children is very treatable. Only about 60% of patients survive five years.",
     [("STAT001", SURVIVAL, "Only about 60%")]),
    ("ALL in children is very treatable. Only about 60% of patients survive five years.",
     [("STAT001", SURVIVAL, "Only about 60%")]),
])
def test_the_sentence_before_lends_its_population_with_its_subject(lint, text, expected):
    assert _got(lint, text) == expected
