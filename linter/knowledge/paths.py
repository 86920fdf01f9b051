"""Where the shipped data and schemas live: inside the installed package, else the checkout."""
from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).parent.parent
SCHEMA_DIR = Path(__file__).with_name("schemas")


def shipped(name: str) -> Path:
    """The shipped reference/ or rules/ folder: inside the installed package, else the checkout."""
    inside = PACKAGE / name
    return inside if inside.is_dir() else PACKAGE.parent / name
