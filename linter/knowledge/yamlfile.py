"""Load YAML data files and validate them against the shipped JSON Schemas.

Validation imports jsonschema, which is slow to import, so it runs only when a file's content
has changed: the validated result is cached by content hash (see cache.py). Every problem is
reported as `FILE:LINE: key.path: what is wrong`.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import yaml

from linter.errors import DataError
from linter.knowledge.paths import SCHEMA_DIR

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def read_text(path: Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([f"{path}: no such file"]) from None
    except UnicodeDecodeError:
        raise DataError([f"{path}: not valid UTF-8"]) from None
    except OSError as err:
        raise DataError([f"{path}: cannot read ({err.strerror or err})"]) from None


def parse_yaml(text: str, path) -> object:
    try:
        return yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise DataError([f"{path}{line}: invalid YAML: {problem}"]) from None


def key_path(parts) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def line_of(text: str, parts) -> int | None:
    """The 1-based line of the node at a key path, found by composing the YAML again."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for part in parts:
        if node is None:
            break
        nxt = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == part:
                    nxt = value
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            nxt = node.value[part]
        if nxt is None:
            break
        node = nxt
        line = node.start_mark.line + 1
    return line


def schema_problems(data, schema_name: str, path, text: str) -> list[str]:
    import jsonschema  # only on the validation path: the import is slow

    validator_cls = jsonschema.validators.validator_for(schema(schema_name))
    validator = validator_cls(schema(schema_name))
    problems = []
    for err in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        err = _specific(err)
        parts = list(err.absolute_path)
        if "propertyNames" in err.schema_path:  # a key this kind of item does not take
            parts.append(err.instance)
        line = line_of(text, parts)
        where = f"{path}:{line}" if line else str(path)
        problems.append(f"{where}: {key_path(parts)}: {_describe(err)}")
    return problems


def _specific(err):
    """For "valid under none of the given schemas", the problem deepest inside the value (a bad
    `where` inside a source entry), which says more than the alternatives it failed."""
    if err.validator not in ("oneOf", "anyOf") or not err.context:
        return err
    deepest = max(err.context, key=lambda e: (len(e.absolute_path), e.validator != "type"))
    return deepest if len(deepest.absolute_path) > len(err.absolute_path) else err


def _describe(err) -> str:
    if "propertyNames" in err.schema_path:
        return f"unknown key for this kind (allowed: {', '.join(err.validator_value)})"
    if err.validator == "pattern" and err.schema.get("description"):
        return f"{err.instance!r} is not allowed: {err.schema['description']}"
    if err.validator == "additionalProperties":
        extra = re.findall(r"'([^']+)' (?:was|were) unexpected", err.message)
        if extra:
            return f"unknown key {extra[0]!r}" if len(extra) == 1 else f"unknown keys {extra}"
        return "unknown key: " + err.message
    if err.validator == "required":
        return err.message.replace("is a required property", "is required (missing key)")
    if err.validator == "type":
        return f"{err.instance!r} is not of type {err.validator_value!r}"
    return err.message
