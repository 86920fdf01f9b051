"""The JAMA benchmark checks: off by default, on under the strict preset."""
from conftest import DISCLAIMED


def test_benchmarks_off_by_default_on_in_strict(ctx, lint):
    assert not any(c.startswith("JAMA") for c in lint("# Leukemia\n\nText." + DISCLAIMED).codes())
    from linter.config import load
    from linter.engine import build_context, lint_text

    strict = build_context(load(None).replace(preset="strict"))
    codes = [f.rule for f in lint_text("# Leukemia\n\nText." + DISCLAIMED, "d.md", strict).findings]
    assert {"JAMA001", "JAMA002", "JAMA003"} <= set(codes)
