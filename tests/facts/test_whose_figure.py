"""A figure belongs to what its sentence states it for: another disease (not one named only as
the point of comparison), the subgroup its own clause names rather than one another clause
states its own figure for, one child's age rather than a group's threshold, and a part of a
total given in parentheses rather than the total."""
import pytest
from conftest import json_findings

SURVIVAL = "all-5y-survival"


def _got(lint, text):
    return [(f.rule, f.fact, f.found) for f in lint(text).findings
            if f.category in ("wrong-statistic", "unsupported-claim")]


@pytest.mark.parametrize("text, expected", [
    # a figure stated for another disease is not a claim about an ALL fact (CLAIM002 then asks
    # for a source, as for any figure the reference does not cover)
    ("Among children with acute myeloid leukaemia, about 60% are alive five years later.",
     [("CLAIM002", None, "about 60%")]),
    ("Children with neuroblastoma have a five-year survival of around 50%, much lower than for ALL.",
     [("CLAIM002", None, "around 50%")]),
    # ... the disease the figure is set against does not make it that disease's figure
    ("Young people with Wilms tumour fare better than those with ALL: more than 95% survive five years, "
     "the National Cancer Institute says.", []),
    # a figure for ALL beside one for another disease is still checked, and the other is not
    ("Five-year survival is about 70% for ALL, compared with 60% for AML.",
     [("STAT001", SURVIVAL, "about 70%"), ("CLAIM002", None, "60%")]),
    ("Five-year survival for children with ALL is about 60%, against roughly 65% for AML.",
     [("STAT001", SURVIVAL, "about 60%"), ("CLAIM002", None, "roughly 65%")]),
    ("About 90% of children with ALL survive five years, compared with about 65% of children "
     "with AML.", [("CLAIM002", None, "about 65%")]),
    # another disease named only as the point of comparison: the ALL figure is still checked
    ("For ALL, five-year survival is about 60%, far better than for AML.",
     [("STAT001", SURVIVAL, "about 60%")]),
    # a disease in the name of an organisation is no disease the figure is stated for
    ("According to the Leukemia & Lymphoma Society, about 60% of children with ALL survive five years.",
     [("STAT001", SURVIVAL, "about 60%")]),
    # the loose word "leukemia" on its own still speaks of the fact's disease
    ("Five-year survival for children with leukemia is about 60%.",
     [("STAT001", SURVIVAL, "about 60%")]),
])
def test_a_figure_for_another_disease_is_not_an_all_fact(lint, text, expected):
    assert _got(lint, text) == expected


@pytest.mark.parametrize("text, expected", [
    # each subtype's share in its own clause: both right, both quiet
    ("B-cell ALL accounts for roughly 85% of cases, and T-cell ALL for about 15%.", []),
    ("T-cell ALL accounts for about 15% of cases and B-cell ALL roughly 85%.", []),
    # a wrong share is checked against its own subtype's fact, not the other clause's
    ("T-cell ALL accounts for about 15% of cases and B-cell ALL roughly 60%.",
     [("STAT001", "b-all-share", "roughly 60%")]),
    ("B-cell ALL accounts for roughly 85% of cases and T-cell ALL about 40%.",
     [("STAT001", "t-all-share", "about 40%")]),
    # one subtype alone: as before
    ("T-cell ALL accounts for about 40% of cases.", [("STAT001", "t-all-share", "about 40%")]),
    ("B-cell ALL accounts for 85% of cases.", []),
])
def test_a_figure_belongs_to_the_subgroup_its_own_clause_names(lint, text, expected):
    assert _got(lint, text) == expected


@pytest.mark.parametrize("text, expected", [
    # one child's age is not the age that defines infant ALL
    ("Mia was five months old when she was diagnosed with infant ALL.", []),
    ("Infant ALL is ALL diagnosed in babies 24 months old or younger.",
     [("STAT001", "infant-all-definition", "24 months")]),
    ("Infant ALL means ALL diagnosed before 24 months of age.",
     [("STAT001", "infant-all-definition", "24 months")]),
    # a time since diagnosis is not an age at diagnosis
    ("Infant ALL is diagnosed early; three years after diagnosis, most of those babies were alive.", []),
])
def test_one_childs_age_and_a_time_since_are_not_the_age_threshold(lint, text, expected):
    assert _got(lint, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the parts of a total in parentheses are the arms, not the total
    ("In AALL1731, 1,440 children were randomized (718 to blinatumomab plus chemotherapy, 722 to "
     "chemotherapy alone).", []),
    # the total itself is still checked
    ("In AALL1731, 1,640 children were randomized (718 to blinatumomab plus chemotherapy, 722 to "
     "chemotherapy alone).", [("STAT001", "blinatumomab-sr-randomized-n", "1,640")]),
    # a wrong arm is not called a wrong total
    ("In AALL1731, 1,440 children were randomized (818 to blinatumomab plus chemotherapy, 722 to "
     "chemotherapy alone).", []),
])
def test_a_figure_in_parentheses_after_a_total_breaks_it_down(lint, text, expected):
    assert _got(lint, text) == expected


TEAM_VOCABULARY = """\
    vocabulary:
      rival-conditions: [gadget fever, sprocket syndrome]
    other-diseases: [rival-conditions]
    """

TEAM_FACTS = """\
    facts:
      - id: widgetitis-survival
        topic: team
        statement: About 80% of people with widgetitis survive five years.
        status: confirmed
        design: registry
        sources: [{id: acs, where: "Table 1"}]
        subject: [widgetitis]
        keys: [[survive, survival]]
        quantity: percent
        measure: survival
        values: [{value: 80}]
        endpoint: {name: survival, terms: [survive, survival]}
        examples:
          flag: [{text: "About 50% of people with widgetitis survive five years.", rule: STAT001}]
          pass: ["About 80% of people with widgetitis survive five years."]
      - id: gadget-fever-survival
        topic: team
        statement: About 30% of people with gadget fever survive five years.
        status: confirmed
        design: registry
        sources: [{id: acs, where: "Table 2"}]
        subject: [gadget fever]
        keys: [[survive, survival]]
        quantity: percent
        measure: survival
        values: [{value: 30}]
        endpoint: {name: survival, terms: [survive, survival]}
        examples:
          flag: [{text: "About 60% of people with gadget fever survive five years.", rule: STAT001}]
          pass: ["About 30% of people with gadget fever survive five years."]
    """


@pytest.mark.parametrize("draft, expected", [
    # a team's own other diseases, in its vocabulary: a figure for one is not widgetitis's
    ("Among people with widgetitis and sprocket syndrome, survival is about 50%.", []),
    ("Sprocket syndrome is rarer: about 50% of those patients survive five years.", []),
    # the figure's own clause names widgetitis: checked, whatever the sentence adds
    ("Unlike sprocket syndrome, widgetitis has a five-year survival of about 50%.",
     [("STAT001", "widgetitis-survival")]),
    # a fact whose own words name the other disease is checked against it
    ("About 60% of people with gadget fever survive five years.",
     [("STAT001", "gadget-fever-survival")]),
    # widgetitis named with its own figure: checked; the other disease's figure is not
    ("About 50% of people with widgetitis survive five years, compared with 30% with sprocket "
     "syndrome.", [("STAT001", "widgetitis-survival")]),
])
def test_other_diseases_are_data(cli, write, draft, expected):
    write("team/vocabulary.yaml", TEAM_VOCABULARY)
    write("team/facts.yaml", TEAM_FACTS)
    write("d.md", "# Widgetitis\n\n" + draft + "\n")
    code, out, _ = cli("check", "--format", "json", "--reference", "team/", "--select", "STAT",
                       "d.md")
    assert [(f["rule"], f["fact"]) for f in json_findings(out)] == expected


@pytest.mark.parametrize("text, expected", [
    # a time counted back from now dates an event; it is no duration of a protocol
    ("Our son finished maintenance 8 months ago and has now relapsed in the marrow.", []),
    ("She finished chemotherapy two years ago and is well.", []),
    # the same figure stated as the definition is still checked
    ("A late relapse is one that comes 8 months after the end of treatment.",
     [("STAT001", "relapse-timing-late-end-of-therapy", "8 months")]),
])
def test_a_time_counted_back_from_now_is_a_date(lint, text, expected):
    assert _got(lint, text) == expected
