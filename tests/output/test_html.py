"""`--format html`: one self-contained page; in a real browser every finding is visible and
choosing one in the list scrolls to its text and marks it."""
from __future__ import annotations

import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from md2docx import convert

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SCREENSHOT = Path(os.environ.get("MEDLINT_SCREENSHOT", "/tmp/medlint-report.png"))


@pytest.fixture
def report(cli, tmp_path):
    """A report over a Markdown draft, a Word draft and an HTML page."""
    shutil.copy(FIXTURES / "mixed-errors.md", tmp_path / "mixed-errors.md")
    shutil.copy(FIXTURES / "page.html", tmp_path / "page.html")
    convert((FIXTURES / "parent-questions.md").read_text(encoding="utf-8"),
            tmp_path / "questions.docx")
    code, out, err = cli("check", "--format", "html", "mixed-errors.md", "questions.docx",
                         "page.html")
    assert (code, err) == (1, "")
    code, json_out, _ = cli("check", "--format", "json", "mixed-errors.md", "questions.docx",
                            "page.html")
    page = tmp_path / "report.html"
    page.write_text(out, encoding="utf-8")
    import json

    return page, json.loads(json_out)


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs, self.ids, self.links = [], set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("src", "srcset", "data", "action", "poster"):
            if key in attrs:
                self.refs.append((tag, key, attrs[key]))
        if tag == "link":
            self.refs.append((tag, "href", attrs.get("href")))
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])


def test_page_is_self_contained_and_every_finding_listed(report):
    page, data = report
    text = page.read_text(encoding="utf-8")
    refs = _Refs()
    refs.feed(text)
    assert refs.refs == []
    assert "@import" not in text and "url(" not in text
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    n = len(data["findings"])
    assert n == data["summary"]["findings"] == 27
    assert sorted(refs.links, key=lambda h: int(h[3:]) if h.startswith("#f-") else 0) == \
        ["#findings"] + [f"#f-{i}" for i in range(1, n + 1)]
    assert {f"f-{i}" for i in range(1, n + 1)} <= refs.ids
    groups = re.findall(r'<section class="group" data-category="([^"]+)"><h3>[^<]+'
                        r'<span class="count">\((\d+)\)</span>', text)
    by_category = {}
    for f in data["findings"]:
        by_category[f["category"]] = by_category.get(f["category"], 0) + 1
    assert {c: int(k) for c, k in groups} == by_category
    for f in data["findings"]:
        assert f["message"].replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;") \
            .replace(">", "&gt;").replace("'", "&#x27;") in text


def _browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if sync_playwright is None or chromium is None:
        message = "needs playwright (pip install '.[browser]') and Debian's chromium"
        if os.environ.get("MEDLINT_REQUIRE_BROWSER"):  # set by .ci/run, which installs both
            pytest.fail(message)
        pytest.skip(message)
    return sync_playwright, chromium


def test_report_in_a_real_browser(report):
    sync_playwright, chromium = _browser()
    page_path, data = report
    n = len(data["findings"])
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(page_path.as_uri())
        assert page.evaluate("document.querySelectorAll('.finding').length") == n
        for i in range(1, n + 1):
            target = page.locator(f"#f-{i}")
            target.scroll_into_view_if_needed()
            assert target.is_visible(), i
        for i in range(1, n + 1):
            page.locator(f'[data-goto="{i}"]').click()
            target = page.locator(f"#f-{i}")
            assert target.evaluate("e => e.classList.contains('current')"), i
            assert target.evaluate("e => { const r = e.getBoundingClientRect(); "
                                   "return r.bottom > 0 && r.top < window.innerHeight; }"), i
            marked = page.locator(f'[data-f~="{i}"]')
            assert marked.count() >= 1
            assert all(marked.nth(k).evaluate("e => e.classList.contains('current')")
                       for k in range(marked.count()))
        # The keyboard alone: focus a finding's link and press Enter.
        page.locator('[data-goto="3"]').focus()
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "f-3"
        page.screenshot(path=str(SCREENSHOT))
        # Filters: hiding warnings hides their list items and their highlights.
        page.locator('input[data-filter="severity"][value="warning"]').uncheck()
        warnings = page.evaluate("[...document.querySelectorAll('.finding[data-severity=warning]')]"
                                 ".map(e => e.dataset.n)")
        assert len(warnings) == data["summary"]["warning"] > 0
        for i in warnings:
            assert not page.locator(f'.finding[data-n="{i}"]').is_visible()
        shown = page.evaluate("[...document.querySelectorAll('.finding')]"
                              ".filter(e => !e.hidden).length")
        assert shown == n - len(warnings)
        page.emulate_media(media="print")
        assert page.locator(".filters").is_hidden()
        browser.close()
    assert all(url.startswith("file://") for url in requests)



def test_html_format_is_listed_in_help(cli):
    code, out, _ = cli("check", "--help")
    assert code == 0
    assert "[text|json|sarif|github|html]" in out
    assert "Word (.docx) and HTML files" in " ".join(out.split())
