"""Inflected forms of an English word, so that a term list names a word once ("wipe~ out" for
wipe, wipes, wiped, wiping out; "effect~" for effect, effects).

Regular English spelling rules plus the few irregular verbs health writing uses for claims.
This is grammar, not domain vocabulary: the words themselves stay in the data files.
"""
from __future__ import annotations

_IRREGULAR = {
    "take": ("takes", "took", "taken", "taking"),
    "make": ("makes", "made", "making"),
    "get": ("gets", "got", "gotten", "getting"),
    "give": ("gives", "gave", "given", "giving"),
    "beat": ("beats", "beaten", "beating"),
    "do": ("does", "did", "done", "doing"),
    "be": ("is", "are", "was", "were", "been", "being"),
    "have": ("has", "had", "having"),
    "go": ("goes", "went", "gone", "going"),
    "come": ("comes", "came", "coming"),
    "leave": ("leaves", "left", "leaving"),
    "keep": ("keeps", "kept", "keeping"),
    "prove": ("proves", "proved", "proven", "proving"),
    "show": ("shows", "showed", "shown", "showing"),
    "rid": ("rids", "ridding"),
    "cut": ("cuts", "cutting"),
    "put": ("puts", "putting"),
    "stop": ("stops", "stopped", "stopping"),
    "wipe": ("wipes", "wiped", "wiping"),
}
_VOWELS = set("aeiou")


def forms(word: str) -> tuple[str, ...]:
    """The word with its plural / third-person, past and -ing forms (and comparatives of short
    adjectives: gentle~ gives gentler, gentlest)."""
    w = word.lower()
    if w in _IRREGULAR:
        return (word, *_IRREGULAR[w])
    out = [word]
    if w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
        stem = word[:-1]
        out += [stem + "ies", stem + "ied", word + "ing", stem + "ier", stem + "iest"]
    elif w.endswith("e"):
        out += [word + "s", word + "d", word[:-1] + "ing", word + "r", word + "st"]
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        out += [word + "es", word + "ed", word + "ing"]
    else:
        out += [word + "s", word + "ed", word + "ing", word + "er", word + "est"]
        if len(w) >= 3 and w[-1] not in _VOWELS | {"w", "x", "y"} and w[-2] in _VOWELS \
                and w[-3] not in _VOWELS:
            out += [word + w[-1] + "ed", word + w[-1] + "ing", word + w[-1] + "er"]
    return tuple(dict.fromkeys(out))
