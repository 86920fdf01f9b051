"""Claim strength per sentence, composed terms and inflected forms."""
import pytest

from linter.text.compose import Composed
from linter.text.inflect import forms
from linter.text.strength import purpose, strength


@pytest.mark.parametrize("text, expected", [
    ("Blinatumomab reduces the risk of relapse.", "direct-causal"),
    ("A new study suggests that coffee cures leukemia.", "direct-causal"),
    ("Blinatumomab may reduce the risk of relapse.", "conditional-causal"),
    ("Higher BMI was associated with a lower risk of relapse.", "correlational"),
    ("Relapse was more common among boys than girls.", "correlational"),
    ("The trial enrolled 1,440 children at 200 sites.", "none"),
    ("Further studies are needed to reduce the risk.", "none"),
    ("Rates of relapse decreased by 30% after 2010.", "none"),
    ("The drug might play a role in relapse.", "conditional-causal"),
    ("Increased body weight is associated with relapse.", "correlational"),
    ("The spleen volume increased significantly during the first year.", "none"),
    ("Relapse rates were not significantly increased in this group.", "none"),
    ("The injection may be a promising option for children.", "conditional-causal"),
])
def test_strength(text, expected):
    assert strength(text) == expected


def test_purpose_is_no_claim():
    text = "Some children need infusions to help prevent infections."
    assert purpose(text, text.index("prevent"))
    text = "An organic diet prevents relapse."
    assert not purpose(text, text.index("prevents"))


def test_inflected_forms():
    assert forms("wipe") == ("wipe", "wipes", "wiped", "wiping")
    assert forms("gentle") == ("gentle", "gentles", "gentled", "gentling", "gentler", "gentlest")
    assert forms("toxicity")[:3] == ("toxicity", "toxicities", "toxicitied")
    assert "took" in forms("take")


def test_composed_parts_in_order_within_a_clause():
    c = Composed([{"parts": [["wipe~ out"], ["leukemia"]], "gap": 3}], {})
    assert [m.group(0) for m in c.finditer("It wiped out childhood leukemia. Wipes out. Leukemia.")] \
        == ["wiped out childhood leukemia"]
    # Not across a sentence end, nor across a word that turns the claim around.
    assert c.search("It wipes out nothing but leukemia.") is None
