"""A reader in a real browser: language selector, per-language search, French search quality."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    opened = context.new_page()
    yield opened
    context.close()


def search(page: Page, query: str) -> list[str]:
    """Type a query in the search box; return the result titles' links."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # the theme reads the query on keyup
    results = page.locator(".md-search-result__item > .md-search-result__link")
    expect(results.first).to_be_visible(timeout=10_000)
    return [results.nth(i).get_attribute("href") or "" for i in range(results.count())]


def test_language_selector_lands_on_the_same_page_in_english(page: Page, site_url: str) -> None:
    page.goto(site_url + "packs/getting-started/")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.locator(".md-select button").first.hover()
    page.locator("a.md-select__link[hreflang='en']").click()
    page.wait_for_url(site_url + "en/packs/getting-started/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_language_selector_works_with_the_keyboard(page: Page, site_url: str) -> None:
    page.goto(site_url + "en/lab/running-a-lab/")
    page.locator(".md-select button").first.focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('hreflang')")
    assert focused in ("fr", "en")
    page.locator("a.md-select__link[hreflang='fr']").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "lab/running-a-lab/")


def test_french_search_finds_only_french_pages(page: Page, site_url: str) -> None:
    page.goto(site_url + "packs/")
    links = search(page, "signalement")
    assert links
    assert all("/en/" not in link for link in links), links


def test_english_search_finds_only_english_pages(page: Page, site_url: str) -> None:
    page.goto(site_url + "en/packs/")
    links = search(page, "reporting")
    assert links
    assert all("/en/" in link for link in links), links


def result_count(page: Page, query: str) -> str:
    search(page, query)
    return page.locator(".md-search-result__meta").inner_text()


def test_french_search_finds_the_singular_from_the_plural(page: Page, site_url: str) -> None:
    page.goto(site_url)
    search(page, "campagnes")
    # "Concevoir une campagne…": found through the stem, and highlighted as such.
    expect(
        page.locator(f".md-search-result__item > a[href='{site_url}packs/planning-a-campaign/?h=campagn']")
    ).to_be_attached()


@pytest.mark.parametrize(("plain", "accented"), [("strategie", "stratégie"), ("securite", "sécurité")])
def test_french_search_ignores_accents(page: Page, site_url: str, plain: str, accented: str) -> None:
    page.goto(site_url)
    without = result_count(page, plain)
    page.goto(site_url)
    with_accents = result_count(page, accented)
    assert without == with_accents
    assert not without.startswith(("Aucun", "0"))
    first = page.locator(".md-search-result__item > a").first.get_attribute("href") or ""
    assert "/en/" not in first


# The search-quality set: questions a reader brings, and the pages that answer them
# (any of them among the first five results).
QUALITY = [
    ("", "signaler pharos", ("packs/report-or-respond/",)),
    ("", "empathie", ("packs/responding-to-hate-in-comments/", "understand/evidence/")),
    ("", "coalition", ("packs/building-a-coalition/",)),
    ("", "laboratoire jeunes", ("lab/youth-and-education/",)),
    ("", "doxxing", ("packs/if-you-are-targeted/", "packs/safety-and-wellbeing/")),
    ("", "porter plainte", ("packs/if-you-are-targeted/",)),
    ("", "blague raciste", ("replies/racist-joke-group-chat/",)),
    ("", "loi avia", ("understand/law-france-eu/",)),
    ("", "glossaire", ("resources/glossary/",)),
    ("", "iamhere", ("cases/jagarhar-iamhere/",)),
    ("", "signaleur de confiance", ("understand/law-france-eu/", "packs/if-you-are-targeted/")),
    ("en/", "trusted flagger", ("understand/law-france-eu/", "packs/if-you-are-targeted/")),
    ("en/", "empathy", ("packs/responding-to-hate-in-comments/", "understand/evidence/")),
    ("en/", "campaign", ("packs/planning-a-campaign/",)),
    ("en/", "iamhere", ("cases/jagarhar-iamhere/",)),
    ("en/", "burnout wellbeing", ("packs/safety-and-wellbeing/",)),
    ("en/", "Christchurch Call", ("understand/international-frameworks/",)),
    ("en/", "lab agenda", ("lab/running-a-lab/",)),
    ("en/", "bystander", ("replies/bystander-5ds/",)),
    ("en/", "consent form", ("resources/worksheets/consent-form/",)),
]


@pytest.mark.parametrize(("root", "query", "expected"), QUALITY, ids=[q for _, q, _ in QUALITY])
def test_search_quality_set(page: Page, site_url: str, root: str, query: str, expected: tuple[str, ...]) -> None:
    page.goto(site_url + root)
    search(page, query)
    top = page.locator(".md-search-result__item > a")
    expect(top.first).to_be_visible()
    pages = [(top.nth(i).get_attribute("href") or "").split("?")[0] for i in range(min(5, top.count()))]
    assert any(site_url + root + answer in pages for answer in expected), pages


def test_search_opens_from_the_keyboard(page: Page, site_url: str) -> None:
    page.goto(site_url + "packs/")
    page.keyboard.press("s")  # the theme's shortcut
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
