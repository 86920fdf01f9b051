"""Read YAML safely (drafts' front matter, config files, fact bases, rule packs) and validate
data files against the shipped JSON Schemas.

Any of these may come from someone else's pull request, so the loader builds only what medlint
needs: mappings, lists, strings, numbers, booleans and null. Anchors and aliases are refused
(a few hundred bytes of them expand to gigabytes), as are merge keys, duplicate keys, integers
too long to be a real setting, tags beyond the plain types, and nesting deeper than any medlint
file needs. Dates stay strings (a date that does not exist is an error). Each file is composed
once; the node tree maps key paths to lines when a problem needs one. Every problem is reported
as `FILE:LINE: what is wrong`.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from linter.errors import DataError
from linter.knowledge.paths import SCHEMA_DIR, read_text  # noqa: F401 - read_text: here too

MAX_DEPTH = 64  # medlint's own files nest five levels deep
MAX_INT_DIGITS = 100  # no medlint setting needs a longer integer; Python refuses over 4,300
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlProblem(ValueError):
    """A YAML text medlint will not read: `line` (1-based, or None) and a short reason."""

    def __init__(self, line: int | None, reason: str, start: int | None = None):
        super().__init__(reason)
        self.line, self.reason = line, reason
        self.start = start or line  # where the construct that failed begins (an unclosed list)


def _refuse(what: str):
    def construct(loader, node):
        raise ConstructorError(None, None, f"{what} is not supported here", node.start_mark)
    return construct


class _Loader(_BASE):
    def construct_mapping(self, node, deep=False):
        if not isinstance(node, MappingNode):
            raise ConstructorError(None, None, "expected a mapping", node.start_mark)
        out = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise ConstructorError(None, None, "merge keys (<<) are not supported",
                                       key_node.start_mark)
            if not isinstance(key_node, ScalarNode):
                raise ConstructorError(None, None, "a key must be a plain value",
                                       key_node.start_mark)
            key = self.construct_object(key_node, deep=True)
            if key in out:
                raise ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            out[key] = self.construct_object(value_node, deep=deep)
        return out

    def construct_checked_int(self, node):
        digits = len(re.sub(r"[^0-9a-fA-F]", "", str(node.value)))
        if digits > MAX_INT_DIGITS:
            raise ConstructorError(None, None, f"a {digits}-digit integer is too large",
                                   node.start_mark)
        return SafeConstructor.construct_yaml_int(self, node)

    def construct_date_string(self, node):
        """A date or time kept as written; one that does not exist is an error."""
        value = self.construct_scalar(node)
        try:
            SafeConstructor.construct_yaml_timestamp(self, node)
        except (ValueError, TypeError, AttributeError):
            raise ConstructorError(None, None, f"{value!r} is not a valid date",
                                   node.start_mark) from None
        return value


_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_checked_int)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_date_string)
for _tag in ("binary", "set", "omap", "pairs"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse(f"!!{_tag}"))


class YamlFile:
    """A parsed YAML text: its data and the node tree, for the line of any key path."""

    __slots__ = ("data", "root", "line_offset")

    def __init__(self, data, root, line_offset: int = 0):
        self.data, self.root, self.line_offset = data, root, line_offset

    def line_of(self, parts) -> int | None:
        """The 1-based line of the node at a key path (or of its deepest existing parent)."""
        node = self.root
        if node is None:
            return None
        line = node.start_mark.line + 1
        for part in parts:
            nxt = None
            if isinstance(node, MappingNode):
                nxt = next((v for k, v in node.value if k.value == str(part)), None)
            elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
                nxt = node.value[part]
            if nxt is None:
                break
            node = nxt
            line = node.start_mark.line + 1
        return line + self.line_offset


def _check_tree(root) -> None:
    """Refuse aliases (a node reached twice) and deep nesting, in one pass over the nodes."""
    seen = set()
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            raise YamlProblem(node.start_mark.line + 1,
                              "anchors and aliases are not supported (a value is reused)")
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise YamlProblem(node.start_mark.line + 1, f"nested more than {MAX_DEPTH} levels deep")
        if isinstance(node, SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))


def read_yaml(text: str) -> YamlFile:
    """Parse one YAML document; raise YamlProblem for anything medlint will not read."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return YamlFile(None, None)
        _check_tree(root)
        return YamlFile(loader.construct_document(root), root)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = err.problem or err.context or "syntax error"
        start = err.context_mark.line + 1 if err.context_mark is not None else None
        raise YamlProblem(mark.line + 1 if mark is not None else None, problem, start) from None
    except yaml.YAMLError as err:
        raise YamlProblem(None, str(err).splitlines()[0] if str(err) else "syntax error") from None
    except RecursionError:
        raise YamlProblem(None, "nested too deeply") from None
    except (ValueError, TypeError, OverflowError) as err:
        if isinstance(err, YamlProblem):
            raise
        raise YamlProblem(None, str(err).splitlines()[0] if str(err) else type(err).__name__) from None
    finally:
        loader.dispose()


@lru_cache(maxsize=None)
def schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def load_yaml(text: str, path) -> YamlFile:
    """A data or config file, or DataError naming the file and line."""
    try:
        return read_yaml(text)
    except YamlProblem as err:
        line = f":{err.line}" if err.line else ""
        raise DataError([f"{path}{line}: invalid YAML: {err.reason}"]) from None


def parse_yaml(text: str, path) -> object:
    return load_yaml(text, path).data


def key_path(parts) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def schema_problems(data, schema_name: str, path, lines: YamlFile | str | None) -> list[str]:
    """Every schema violation, as `FILE:LINE: key.path: problem`; `lines` (the parsed file, its
    text, or anything with a `line_of(key_path)`) gives lines, looked up only for problems."""
    import jsonschema  # only on the validation path: the import is slow

    validator_cls = jsonschema.validators.validator_for(schema(schema_name))
    validator = validator_cls(schema(schema_name))
    problems = []
    try:
        errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    except RecursionError:
        return [f"{path}: nested too deeply"]
    if errors and isinstance(lines, str):
        try:
            lines = read_yaml(lines)
        except YamlProblem:
            lines = None
    for err in errors:
        err = _specific(err)
        parts = list(err.absolute_path)
        if "propertyNames" in err.schema_path:  # a key this kind of item does not take
            parts.append(err.instance)
        extra = _unknown_keys(err)
        # An unknown key is shown at its own line, not at the line of the mapping holding it.
        line = lines.line_of(parts + extra[:1]) if hasattr(lines, "line_of") else None
        where = f"{path}:{line}" if line else str(path)
        problems.append(f"{where}: {key_path(parts)}: {_describe(err, extra)}")
    return problems


def _specific(err):
    """For "valid under none of the given schemas", the problem deepest inside the value (a bad
    `where` inside a source entry), which says more than the alternatives it failed."""
    if err.validator not in ("oneOf", "anyOf") or not err.context:
        return err
    deepest = max(err.context, key=lambda e: (len(e.absolute_path), e.validator != "type"))
    return deepest if len(deepest.absolute_path) > len(err.absolute_path) else err


def _unknown_keys(err) -> list:
    if err.validator != "additionalProperties" or not isinstance(err.instance, dict):
        return []
    allowed = set(err.schema.get("properties", {}))
    patterns = list(err.schema.get("patternProperties", {}))
    return [k for k in err.instance
            if k not in allowed and not any(re.search(p, str(k)) for p in patterns)]


def _describe(err, extra) -> str:
    if "propertyNames" in err.schema_path:
        return f"unknown key for this kind (allowed: {', '.join(err.validator_value)})"
    if err.validator == "pattern" and err.schema.get("description"):
        return f"{_short(err.instance)} is not allowed: {err.schema['description']}"
    if err.validator == "additionalProperties":
        if extra:
            return (f"unknown key {extra[0]!r}" if len(extra) == 1
                    else "unknown keys " + ", ".join(repr(k) for k in extra))
        return "unknown key: " + err.message
    if err.validator == "required":
        return err.message.replace("is a required property", "is required (missing key)")
    if err.validator == "type":
        return f"{_short(err.instance)} is not of type {err.validator_value!r}"
    return err.message if len(err.message) <= 300 else err.message[:300] + "…"


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "…"
