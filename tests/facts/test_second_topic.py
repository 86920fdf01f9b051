"""The engine on a topic it was not written for: an invented vaccine trial, loaded with
--reference as a team would load its own facts (tests/fixtures/second-topic). No code names it."""
import pytest

from tests.conftest import ROOT, json_findings

TOPIC = ROOT / "tests" / "fixtures" / "second-topic"


def _check(cli, draft, select="STAT,CLAIM"):
    code, out, err = cli("check", "--format", "json", "--fail-on", "never", "--select", select,
                         "--reference", str(TOPIC / "facts"), str(TOPIC / "drafts" / draft))
    assert code == 0 and err == ""
    return [(f["line"], f["column"], f["rule"], f["fact"], f["expected"]) for f in json_findings(out)]


def test_the_fact_base_validates_and_its_examples_behave(cli):
    code, out, _ = cli("validate", str(TOPIC / "facts"))
    assert code == 0 and "every example behaves as labelled" in out


@pytest.fixture
def errors(cli):
    return _check(cli, "errors.md")


def test_wrong_figures_are_flagged(errors):
    assert [(line, col, rule, fact) for line, col, rule, fact, _ in errors] == [
        (5, 28, "STAT001", "zelvimune-efficacy"),            # 92% for 72%
        (7, 29, "STAT001", "vaxo301-randomized"),            # 21,480 for 12,480
        (9, 29, "STAT001", "vaxo301-countries"),             # sixteen for six
        (11, 39, "STAT001", "zelvimune-severe-efficacy"),    # the infection figure for severe disease
        (13, 28, "STAT004", "zelvimune-efficacy"),           # an adult result stated for children
        (15, 25, "STAT001", "zelvimune-doses"),              # three doses for two
        (17, 25, "STAT001", "zelvimune-dose-interval"),      # 14 days for 28
        (19, 38, "STAT001", "zelvimune-fever"),              # 31.2% for 11.2%
        (21, 13, "STAT001", "corvalis-attack-rate"),         # a general fact, stated generally
    ]
    assert [expected for *_, expected in errors][:3] == ["72%", "12,480 adults", "6 countries"]


def test_right_figures_and_look_alikes_stay_quiet(cli):
    # Right figures in other words, a subgroup's own figure, a planned second trial, a past
    # winter in one city, a back-reference, an age that defines a group, a figure for one
    # country: no wrong statistic, and a past figure for one city is not an unsourced claim.
    assert _check(cli, "clean.md") == []
