"""The sentence splitter: abbreviations, initials, ellipses, inline lists, bullets, and the word
lists it reads (abbreviations.yaml)."""
import pytest
import yaml

from linter.document import sentences
from linter.document.markdown import parse
from linter.document.sentences import split_sentences
from linter.errors import DataError
from linter.knowledge.yamlfile import schema_problems


def split(text):
    return [text[a:b] for a, b in split_sentences(text, 0, len(text))]


@pytest.mark.parametrize("text, expected", [
    # Titles and labels never end a sentence; ordinary words do.
    ("Ask Prof. Okafor about it.", ["Ask Prof. Okafor about it."]),
    ("The clinic is near Mt. Sinai hospital.", ["The clinic is near Mt. Sinai hospital."]),
    ("See vol. 12 and No. 4 of the journal.", ["See vol. 12 and No. 4 of the journal."]),
    ("The answer was no. The team tried again.", ["The answer was no.", "The team tried again."]),
    ("Doses were 5 mg. The next dose was higher.", ["Doses were 5 mg.", "The next dose was higher."]),
    # Abbreviations that may end a sentence: only before a common sentence opener.
    ("He works for Acme Inc. They make syringes.", ["He works for Acme Inc.", "They make syringes."]),
    ("He works for Acme Inc. Pharmacy in Leeds.", ["He works for Acme Inc. Pharmacy in Leeds."]),
    ("Trials ran in the U.K. Most were small.", ["Trials ran in the U.K.", "Most were small."]),
    ("The U.K. National Screening Committee met.", ["The U.K. National Screening Committee met."]),
    ("Results came from Lee et al. The cohort was small.",
     ["Results came from Lee et al.", "The cohort was small."]),
    ("Lee et al. Blood 2020;135:41.", ["Lee et al. Blood 2020;135:41."]),
    # A short opening phrase is not a sentence of its own.
    ("By 9 p.m. Dr. Osei had seen every child. She went home at 10 p.m. The ward was quiet.",
     ["By 9 p.m. Dr. Osei had seen every child.", "She went home at 10 p.m.",
      "The ward was quiet."]),
    # Initials and letters.
    ("The nurse, Maria K. Olsen, agreed.", ["The nurse, Maria K. Olsen, agreed."]),
    ("Give vitamin K. It prevents bleeding.", ["Give vitamin K.", "It prevents bleeding."]),
    ("Let x be the dose in group b. Then compare.", ["Let x be the dose in group b. Then compare."]),
    # Numbers and symbols end sentences like words.
    ("Fees rose to 12.50. It was too much.", ["Fees rose to 12.50.", "It was too much."]),
    ("The set was ∅. It had no members.", ["The set was ∅.", "It had no members."]),
    # Ellipses: three dots leave out words, four also end the sentence.
    ("Relapse is rare . . . It still happens.", ["Relapse is rare . . . It still happens."]),
    ("Relapse is rare... It still happens.", ["Relapse is rare... It still happens."]),
    ("She stopped there.... Nobody asked why.", ["She stopped there....", "Nobody asked why."]),
    ("The cure rate rose. . . . Later it fell.", ["The cure rate rose.", ". . . Later it fell."]),
    ('He wrote "the drug [...] worked" (Osei 12).', ['He wrote "the drug [...] worked" (Osei 12).']),
    # Exclamation and question marks.
    ("Really?! Yes.", ["Really?!", "Yes."]),
    ("We searched Yahoo! Answers for it.", ["We searched Yahoo! Answers for it."]),
    ("It worked! Everyone cheered.", ["It worked!", "Everyone cheered."]),
])
def test_sentence_ends(text, expected):
    assert split(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("1. Wash your hands 2. Wear a mask", ["1. Wash your hands", "2. Wear a mask"]),
    ("1) Wash your hands. 2) Wear a mask.", ["1) Wash your hands.", "2) Wear a mask."]),
    ("1.) Rest 2.) Drink water 3.) Sleep", ["1.) Rest", "2.) Drink water", "3.) Sleep"]),
    ("a. Fever b. Bruising c. Tiredness", ["a. Fever", "b. Bruising", "c. Tiredness"]),
    ("\u2022 3. Fever \u2022 4. Bruising", ["\u2022 3. Fever", "\u2022 4. Bruising"]),
    ("Signs:\n\u2022 fever\n\u2022 bruising", ["Signs:", "\u2022 fever", "\u2022 bruising"]),
    # Capital letters are initials, not list markers; a marker inside a sentence starts no list.
    ("A. Lindqvist and B. Chen reviewed it.", ["A. Lindqvist and B. Chen reviewed it."]),
    ("Take 1) rest and 2) fluids.", ["Take 1) rest and 2) fluids."]),
])
def test_inline_lists_and_bullets(text, expected):
    assert split(text) == expected


def test_a_url_does_not_swallow_the_full_stop():
    text = "Read more at https://example.org/leukemia/faq.html. Then ask us.\n"
    doc = parse(text, "page.txt")
    assert [text[s.start:s.end] for s in doc.sentences] == [
        "Read more at https://example.org/leukemia/faq.html.", "Then ask us."]


def test_long_runs_of_dots_and_abbreviations_stay_one_pass():
    text = "It was 5" + "." * 16000 + " Then it ended."
    assert split(text) == ["It was 5" + "." * 16000, "Then it ended."]
    text = "Dr. " * 5000 + "Lee"
    assert split(text) == [text]


def test_word_lists_validate_against_their_schema():
    text = sentences.WORDS_FILE.read_text(encoding="utf-8")
    assert schema_problems(yaml.safe_load(text), "abbreviations", sentences.WORDS_FILE, text) == []


def test_a_broken_word_list_names_file_line_and_key(tmp_path, monkeypatch):
    bad = tmp_path / "abbreviations.yaml"
    good = sentences.WORDS_FILE.read_text(encoding="utf-8")
    bad.write_text(good.replace('numeric: [p, pp, "no",', "numeric: [p, pp, no,"), encoding="utf-8")
    monkeypatch.setattr(sentences, "WORDS_FILE", bad)
    sentences.words.cache_clear()
    try:
        with pytest.raises(DataError) as err:
            sentences.words()
        assert err.value.problems == [f"{bad}:14: numeric[2]: False is not of type 'string'"]
    finally:
        sentences.words.cache_clear()


def test_abbreviation_lists_come_from_the_cache_and_a_bad_entry_is_rebuilt(tmp_path, monkeypatch):
    from linter.knowledge import cache

    monkeypatch.setenv("MEDLINT_CACHE_DIR", str(tmp_path))
    sentences.words.cache_clear()
    first = sentences.words()
    (entry,) = tmp_path.glob("abbreviations-*.marshal")
    sentences.words.cache_clear()
    assert sentences.words() == first
    key = entry.name[len("abbreviations-"):-len(".marshal")]
    cache.store("abbreviations", key, {"wrong": ["shape"]})
    sentences.words.cache_clear()
    assert sentences.words() == first
    rebuilt = cache.load("abbreviations", key)  # the bad entry was replaced
    assert {k: set(v) for k, v in rebuilt.items()} == {k: set(v) for k, v in first.items()}
    sentences.words.cache_clear()


def test_runs_are_the_matches_of_the_plain_alternation():
    """Punctuation runs, bullets and line-start markers, found by two expressions merged, are
    exactly the matches of the one alternation they stand for (every window of texts built from
    the characters they read)."""
    import random
    import re

    from linter.document.sentences import _BULLETS, runs

    plain = re.compile(rf"[.!?\u2026]+(?:[ \t][.!?\u2026]+)*|(?<!\S)[{_BULLETS}]"
                       r"|(?<=\n)[ \t]*\u00b7|(?<=\n)[ \t]*[-\u2013*][ \t]*(?=\n)")
    rng = random.Random(5)
    alphabet = ".!?\u2026 \t\n\u2022\u25e6\u00b7-\u2013*ab"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(4000)]
    windows = [(t, a, b) for t in texts for a, b in ((0, len(t)), (1, len(t)), (2, len(t) - 1))]
    assert [[m.span() for m in runs(t, a, b)] for t, a, b in windows] \
        == [[m.span() for m in plain.finditer(t, a, b)] for t, a, b in windows]
