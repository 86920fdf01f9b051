"""How a term is written as a regular expression, and what makes a term unusable (terms.py
describes the term syntax: words on word boundaries, `*` endings, `~` inflections, capitals,
`re:` expressions and `@group` references)."""
from __future__ import annotations

import re

from linter.regexcache import compile as rx
from linter.text.patterns import nested_repeat


def expand(terms, vocabulary: dict, seen=()) -> list[str]:
    out = []
    for term in terms or ():
        if term.startswith("@"):
            name = term[1:]
            if name in seen:
                continue
            out.extend(expand(vocabulary.get(name, ()), vocabulary, seen + (name,)))
        else:
            out.append(term)
    return out


def _word(word: str) -> str:
    if word.endswith("~") and len(word) > 1:
        from linter.text.inflect import forms

        alternatives = sorted(forms(word[:-1]), key=len, reverse=True)
        return "(?:" + "|".join(re.escape(f) for f in alternatives) + ")"
    return re.escape(word)


def term_pattern(term: str) -> str:
    if term.startswith("re:"):
        return f"(?:{term[3:]})"
    prefix = term.endswith("*")
    phrase = term[:-1] if prefix else term
    words = re.split(r"[\s-]+", phrase.strip())
    body = r"[\s-]+".join(_word(w) for w in words)
    start = r"\b" if re.match(r"\w", phrase) else ""
    end = r"\w*" if prefix else (r"\b" if re.search(r"\w$", phrase) else "")
    pattern = f"{start}{body}{end}"
    letters = re.sub(r"[^A-Za-z]", "", phrase)
    if len(letters) >= 2 and letters.isupper():
        return f"(?-i:{pattern})"
    return pattern


def unknown_references(terms, vocabulary: dict) -> list[str]:
    return [t for t in terms or () if t.startswith("@") and t[1:] not in vocabulary]


def check_term(term: str) -> str | None:
    if not term.startswith("re:") and not term.rstrip("*").replace("-", " ").split():
        return f"term {term!r} has no words to match"
    try:
        rx(term_pattern(term), re.IGNORECASE)
    except re.error as err:
        return f"term {term!r} does not compile: {err}"
    except (RecursionError, OverflowError, ValueError) as err:
        return f"term {term!r} cannot be used: {err}"
    if term.startswith("re:") and nested_repeat(term[3:]):
        return (f"term {term!r} repeats a repetition (like (a+)+): matching time can double "
                f"with every character; rewrite it without the nesting")
    return None
