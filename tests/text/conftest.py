"""The term lists of the shipped rule packs and reference data, for tests that compare a faster
reading of every list with a plain one."""
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="session")
def shipped_lists() -> list[tuple]:
    """Every list of strings under any key of rules/*.yaml and reference/*.yaml, as tuples."""
    out = []

    def walk(node):
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            strings = tuple(t for t in node if isinstance(t, str))
            if strings:
                out.append(strings)
            for value in node:
                walk(value)

    for path in sorted([*(ROOT / "rules").glob("*.yaml"), *(ROOT / "reference").glob("*.yaml")]):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return out
