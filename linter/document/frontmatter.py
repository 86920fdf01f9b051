"""YAML front matter: `---` ... `---` at the top of a Markdown draft.

Plain `key: value` lines are read without PyYAML, whose import costs a pre-commit run more than
the rest of the parse; anything else (lists, nesting, escapes) is read by the safe YAML loader
(knowledge/yamlfile.py: a draft is untrusted input). Both agree on what they read, dates stay
strings (tests/test_document.py). Broken front matter is an input error with its line.
"""
from __future__ import annotations

import re

from linter.errors import InputError
from linter.regexcache import compile as rx
from linter.regexcache import lazy

_FRONT_MATTER = rx(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def front_matter(text: str, path: str) -> tuple[dict, int]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    simple = _simple_front_matter(match.group(1) or "")
    if simple is not None:
        return simple, match.end()
    from linter.knowledge.yamlfile import (  # yaml is slow to import
        YamlProblem,
        read_yaml,
    )

    try:
        data = read_yaml(match.group(1) or "").data
    except YamlProblem as err:
        # Front matter starts on line 2 of the draft; the start of the construct that failed
        # (an unclosed list) is where a writer looks.
        where = f":{err.start + 1}" if err.start else ""
        raise InputError(f"{path}{where}: front matter is not valid YAML ({err.reason})") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(f"{path}:2: front matter must be a YAML mapping (key: value)")
    return data, match.end()


_SIMPLE_LINE = lazy(r"([A-Za-z_][\w-]*):[ \t]*(.*)")
_PLAIN_SCALAR = lazy(r"[^\[\]{}&*!|>%@`#,'\"][^:#]*|")


def _simple_front_matter(body: str):
    """Front matter of plain `key: value` lines, parsed without PyYAML; None for anything else
    (lists, nesting, quotes with escapes, comments), which PyYAML then reads."""
    data = {}
    for line in body.splitlines():
        if not line.strip():
            continue
        m = _SIMPLE_LINE.fullmatch(line)
        if not m:
            return None
        key, value = m.group(1), m.group(2).rstrip(" \t")
        if key in data:
            return None  # a duplicate key: the YAML loader names it
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'" \
                and value[0] not in value[1:-1] and "\\" not in value:
            data[key] = value[1:-1]
            continue
        typed = _typed_scalar(value)
        if typed is not _NOT_SIMPLE:
            data[key] = typed
            continue
        if not _PLAIN_SCALAR.fullmatch(value) or value.lower() in ("yes", "no", "on", "off", "~") \
                or re.match(r"[-+.\d]", value):
            return None  # anything PyYAML might read differently
        data[key] = value
    return data


_NOT_SIMPLE = object()


def _typed_scalar(value: str):
    """The YAML 1.1 meaning of an empty value, a boolean, an integer, a decimal or an ISO date
    (kept as written, as the YAML loader keeps it)."""
    import datetime as dt

    low = value.lower()
    if value == "" or low == "null":
        return None
    if low in ("true", "false"):
        return low == "true"
    if re.fullmatch(r"[-+]?(?:0|[1-9]\d{0,17})", value):
        return int(value)
    if re.fullmatch(r"[-+]?\d{1,18}\.\d{1,18}", value):
        return float(value)
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value)
    if m:
        try:
            dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return _NOT_SIMPLE  # not a real date: the YAML loader names it
        return value
    return _NOT_SIMPLE


FILE_SETTINGS = ("audience", "ignore", "select")  # what a draft's `medlint:` key may set


def file_settings(front: dict, text: str, path: str, rules) -> dict:
    """A draft's own `medlint:` settings, checked like the config's: an unknown key, a setting
    that belongs to the config file, a code list written as a string, or a code, prefix, name
    or category that names none of `rules` is an InputError naming the draft's line."""
    value = front.get("medlint") if isinstance(front, dict) else None
    if value is None:
        return {}
    allowed = ", ".join(FILE_SETTINGS)
    if not isinstance(value, dict):
        raise _problem(text, path, ["medlint"], f"must be a mapping of per-file settings "
                                                f"({allowed})")
    for key, setting in value.items():
        if key not in FILE_SETTINGS:
            from linter.config import DEFAULTS

            what = ("set in the config file, not per draft" if key in DEFAULTS
                    else "not a per-file setting")
            raise _problem(text, path, ["medlint", key], f"{what} (per-file: {allowed})")
        if setting is None:
            continue
        if key == "audience":
            if not isinstance(setting, str):
                raise _problem(text, path, ["medlint", key], "must be a word, such as clinician")
            continue
        if isinstance(setting, str):
            raise _problem(text, path, ["medlint", key],
                           f"{setting!r} is not a list; write [{setting}]")
        if not isinstance(setting, list) or not all(isinstance(p, str) for p in setting):
            raise _problem(text, path, ["medlint", key],
                           "must be a list of rule codes, prefixes, names or categories")
        from linter.selection import no_rule

        for index, pattern in enumerate(setting):
            message = no_rule(pattern, rules)
            if message:
                raise _problem(text, path, ["medlint", key, index], message)
    return value


def _problem(text: str, path: str, parts: list, message: str) -> InputError:
    """`PATH:LINE: front matter KEY.PATH: message`, the line found in the draft's front matter."""
    from linter.knowledge.yamlfile import YamlProblem, key_path, read_yaml

    where = path
    match = _FRONT_MATTER.match(text)
    try:
        line = read_yaml(match.group(1) or "").line_of(parts) if match else None
    except YamlProblem:
        line = None
    if line:
        where = f"{path}:{line + 1}"  # the front matter starts on the draft's line 2
    return InputError(f"{where}: front matter {key_path(parts)}: {message}")
