"""Safe for readers, proven in a real browser: no third party, no CSP violation, no axe violation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from conftest import Build

pytestmark = pytest.mark.browser
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# One page of every template (page type) in each language, plus the 404 pages.
TEMPLATES = [
    "",
    "about/",
    "packs/",
    "packs/getting-started/",
    "lab/running-a-lab/",
    "recommendations/who-does-what/",
    "cases/nolikesforracism/",
    "understand/evidence/",
    "resources/glossary/",
    "resources/timeline/",
    "status/",
    "404.html",
    "replies/",
    "replies/sexist-pile-on/",
    "packs/if-you-are-targeted/",
    "understand/forms-of-hate/antisemitism/",
    "understand/platforms-2026/",
    "resources/french-actors/",
    "resources/worksheets/consent-form/",
    "resources/topics/",
    "resources/whats-new/",
]
# Both colour schemes, on a phone and on a desktop screen.
SCHEMES = ["light", "dark"]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


def all_pages(site: Path) -> list[str]:
    pages = []
    for index in sorted(site.rglob("index.html")):
        relative = index.parent.relative_to(site).as_posix()
        pages.append("" if relative == "." else relative + "/")
    return [*pages, "404.html", "en/404.html"]


class Watcher:
    """Everything a page asked for, and everything the browser refused or complained about."""

    def __init__(self, page: Page, origin: str) -> None:
        self.origin = origin
        self.requests: list[str] = []
        self.violations: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", self._console)

    def _console(self, message: object) -> None:
        text = getattr(message, "text", "")
        if "Content Security Policy" in text:
            self.violations.append(text)

    @property
    def third_party(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(self.origin) and not url.startswith("data:")]


def test_no_page_calls_a_third_party_or_breaks_the_policy(hub: Build, browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    watcher = Watcher(page, site_url)
    pages = all_pages(hub.site)
    for index, path in enumerate(pages):
        # "load" keeps 170 visits fast; every tenth page also waits for the
        # network to rest, to catch what the theme fetches later (search).
        page.goto(site_url + path, wait_until="networkidle" if index % 10 == 0 else "load")
        csp = page.locator('meta[http-equiv="Content-Security-Policy"]')
        assert csp.count() == 1, path
        assert page.locator('meta[name="referrer"]').get_attribute("content") == "no-referrer"
    context.close()
    assert len(pages) >= 84
    assert watcher.third_party == []
    assert watcher.violations == []
    assert len(watcher.requests) > len(pages)  # the pages, their assets and search indexes were really fetched


def test_search_language_selector_and_palette_work_under_the_policy(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    watcher = Watcher(page, site_url)
    page.goto(site_url + "en/packs/")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("coalition")
    box.press("End")  # the theme reads the query on keyup
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    page.keyboard.press("Escape")
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme or "")
    page.locator(".md-select button").first.hover()
    page.locator("a.md-select__link[hreflang='fr']").click()
    page.wait_for_url(site_url + "packs/")
    context.close()
    assert watcher.violations == []
    assert watcher.third_party == []


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_template_passes_axe(browser: Browser, site_url: str, language: str, scheme: str, viewport: str) -> None:
    # axe is injected into the page by the test, hence bypass_csp; the scheme is the reader's system setting.
    context = browser.new_context(bypass_csp=True, color_scheme=scheme, viewport=VIEWPORTS[viewport])
    page = context.new_page()
    failures = {}
    for path in TEMPLATES:
        page.goto(site_url + ("en/" if language == "en" else "") + path)
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected, path
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        violations = results.response["violations"]
        if violations:
            failures[path] = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    context.close()
    assert failures == {}, json.dumps(failures, indent=1)


def test_skip_link_and_focus_are_visible(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "packs/getting-started/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert "md-skip" in (skip.get_attribute("class") or "")
    assert skip.is_visible()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    page.close()


def test_glossary_terms_show_their_definition_on_focus(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "packs/report-or-respond/")
    term = page.locator("abbr[title]", has_text="PHAROS").first
    assert term.get_attribute("tabindex") == "0"
    assert "signaler" in (term.get_attribute("title") or "").lower()
    term.focus()
    assert page.evaluate("document.activeElement.tagName") == "ABBR"
    page.close()
