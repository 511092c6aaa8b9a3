"""The offline copy of each language: unzipped anywhere, opened from the file system, it works."""

from __future__ import annotations

import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser
from selectolax.lexbor import LexborHTMLParser

from conftest import Build
from firefox import firefox

COPIES = [
    ("fr", "hub-fr-offline.zip", "signaleur", "Copie hors ligne"),
    ("en", "en/hub-en-offline.zip", "bystander", "Offline copy"),
]


def unzip(hub: Build, name: str, folder: Path) -> Path:
    with zipfile.ZipFile(hub.site / name) as archive:
        archive.extractall(folder)
    return folder


@pytest.mark.parametrize(("language", "name", "query", "banner"), COPIES, ids=["fr", "en"])
def test_every_address_of_the_copy_is_a_file_of_the_copy_or_the_live_site(
    hub: Build, tmp_path: Path, language: str, name: str, query: str, banner: str
) -> None:
    copy = unzip(hub, name, tmp_path)
    pages = sorted(copy.rglob("*.html"))
    assert len(pages) >= 75
    assert not (copy / "en").exists() and not (copy / "fr").exists()  # one language, at the root
    for page in pages:
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        assert tree.css_first("html").attributes.get("lang") == language, page  # type: ignore[union-attr]
        note = tree.css_first("p.hub-offline-note")
        assert note is not None and banner in note.text() and "https://" in note.text(), page
        for node in tree.css("[href], [src]"):
            value = node.attributes.get("href") or node.attributes.get("src") or ""
            parts = urlsplit(value)
            if parts.scheme in ("https", "http", "mailto") or value.startswith("#") or not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            assert target.is_file(), f"{page.relative_to(copy)}: {value}"
    assert list(copy.rglob("*.pdf")), "the language's PDFs"
    assert all(path.name.endswith(f"-{language}.pdf") for path in copy.rglob("*.pdf"))


@pytest.mark.browser
@pytest.mark.parametrize(("language", "name", "query", "banner"), COPIES, ids=["fr", "en"])
def test_the_copy_works_from_the_file_system_in_chromium(
    hub: Build, browser: Browser, tmp_path: Path, language: str, name: str, query: str, banner: str
) -> None:
    copy = unzip(hub, name, tmp_path)
    page = browser.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((copy / "index.html").as_uri())
    assert banner in page.locator(".hub-offline-note").inner_text()
    for path in ("packs/index.html", "replies/index.html", "understand/index.html"):  # three links, followed
        page.locator(f"a[href$='{path}']").first.click()
        page.wait_for_load_state()
        assert page.url.endswith(path), page.url
        assert page.locator("h1").count() == 1
    page.keyboard.press("s")
    page.wait_for_timeout(300)
    page.keyboard.type(query, delay=40)  # the theme listens to keyup
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    first = page.locator(".md-search-result__item a").first
    href = first.get_attribute("href") or ""
    first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and ".html" in page.url, href
    page.goto((copy / "packs" / "getting-started" / "index.html").as_uri())
    pdf = page.locator("p.hub-pdf a[href$='.pdf']").first.get_attribute("href") or ""
    assert (copy / "packs" / "getting-started" / pdf).is_file()
    page.close()
    assert [url for url in requests if not url.startswith("file://")] == []
    assert errors == []


@pytest.mark.browser
@pytest.mark.parametrize(("language", "name", "query", "banner"), COPIES, ids=["fr", "en"])
def test_the_copy_works_from_the_file_system_in_firefox(
    hub: Build, tmp_path: Path, language: str, name: str, query: str, banner: str
) -> None:
    """Debian's Firefox ESR: it replaces an empty frame's first document, which the search frame must survive."""
    copy = unzip(hub, name, tmp_path)
    with firefox() as browser:
        browser.goto((copy / "index.html").as_uri())
        assert banner in browser.evaluate("document.querySelector('.hub-offline-note').innerText")
        for path in ("packs/index.html", "replies/index.html", "understand/index.html"):  # three links, followed
            before = browser.evaluate("location.href")
            browser.evaluate(f"document.querySelector(\"a[href$='{path}']\").click()")
            browser.wait_for(f"location.href !== {before!r} && document.readyState === 'complete'")
            assert browser.evaluate("location.href").endswith(path)
            assert browser.evaluate("document.querySelectorAll('h1').length") == 1
        # A person clicks the search box; headless Firefox has no window focus,
        # so the theme's "s" shortcut cannot open the search there.
        browser.evaluate("document.querySelector('label[for=__search]').click()")
        browser.evaluate("document.querySelector('input.md-search__input').focus()")
        browser.type(query)
        found = browser.wait_for("Array.from(document.querySelectorAll('.md-search-result__item a')).map(a => a.href)")
        assert all(url.startswith(copy.as_uri()) and ".html" in url for url in found), found
        browser.goto((copy / "packs" / "getting-started" / "index.html").as_uri())
        pdf = browser.evaluate("document.querySelector(\"p.hub-pdf a[href$='.pdf']\").getAttribute('href')")
        assert (copy / "packs" / "getting-started" / pdf).is_file()
        requests, errors = browser.requests, browser.errors
    assert [url for url in requests if not url.startswith(("file://", "data:"))] == []
    assert errors == []


def test_the_zips_are_linked_with_their_size_from_the_home_and_about_pages(hub: Build) -> None:
    for page, name in (
        ("", "hub-fr-offline.zip"),
        ("about/", "hub-fr-offline.zip"),
        ("en/", "hub-en-offline.zip"),
        ("en/about/", "hub-en-offline.zip"),
    ):
        tree = LexborHTMLParser(hub.html(page))
        link = next(a for a in tree.css("p.hub-pdf a") if (a.attributes.get("href") or "").endswith(name))
        size = link.parent.css_first(".hub-pdf__size")  # type: ignore[union-attr]
        assert size is not None and size.text().startswith("ZIP, ") and ("Mo" in size.text() or "MB" in size.text())
