"""Browse by topic and by audience, what's new and the Atom feeds, in both languages."""

from __future__ import annotations

import posixpath

import feedparser
import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import ROOT, Build, front_matter
from hub import content_check, contract
from hub.browse import pages
from hub.html_blocks import GeneratedPage, MissingBlockError

REPORT = content_check.check_docs(ROOT / "docs", render=False)
SITE_URL = "https://counterspeech-hub.github.io/hub/"


def root(language: str) -> str:
    return "en/" if language == "en" else ""


def listed(html: str, anchor: str, page_path: str) -> set[str]:
    """The pages a topic or audience section lists, as paths of the language's site."""
    tree = LexborHTMLParser(html)
    heading = tree.css_first(f"h2#{anchor}")
    assert heading is not None, anchor
    found, node = set(), heading.next
    while node is not None and node.tag != "h2":
        if node.tag == "ul":
            found |= {
                posixpath.normpath(posixpath.join(page_path, a.attributes.get("href") or "")) + "/"
                for a in node.css("li > a")
            }
        node = node.next
    return found


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(
    ("field", "definition", "slug"), [("tags", "tag", "topics"), ("audience", "audience", "audiences")]
)
def test_each_list_holds_exactly_the_pages_that_carry_the_value(
    hub: Build, language: str, field: str, definition: str, slug: str
) -> None:
    html = hub.html(f"{root(language)}resources/{slug}/")
    browsed = pages(REPORT, language)
    shown = 0
    for value in contract.labels(definition):
        carrying = {
            page.slug.removesuffix(".md").removesuffix("index").rstrip("/") + "/"
            for page in browsed
            if value in (page.meta.get(field) or [])
        }
        anchor = f"{'tag' if field == 'tags' else 'audience'}-{value}"
        if not carrying:
            assert f'id="{anchor}"' not in html, "an empty topic is not listed"
            continue
        assert listed(html, anchor, f"resources/{slug}") == carrying, value
        shown += 1
    assert shown >= 5


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_topic_and_audience_link_of_a_page_resolves(hub: Build, language: str) -> None:
    base = hub.site / root(language)
    checked = 0
    for index in sorted(base.rglob("index.html")):
        if language == "fr" and index.relative_to(hub.site).parts[0] == "en":
            continue
        tree = LexborHTMLParser(index.read_text(encoding="utf-8"))
        for link in tree.css(".hub-tags a, .hub-facts a"):
            href = link.attributes.get("href") or ""
            path, _, anchor = href.partition("#")
            target = (index.parent / path / "index.html").resolve()
            assert target.is_file(), f"{index}: {href}"
            assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), f"{index}: {href}"
            checked += 1
    assert checked > 100


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_atom_feed_lists_every_page_newest_first(hub: Build, language: str) -> None:
    parsed = feedparser.parse((hub.site / root(language) / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.language == language
    entries = parsed.entries
    assert len(entries) == len(pages(REPORT, language))
    assert [entry.updated for entry in entries] == sorted((entry.updated for entry in entries), reverse=True)
    for entry in entries:
        assert entry.link.startswith(SITE_URL + root(language))
        page = hub.site / entry.link.removeprefix(SITE_URL) / "index.html"
        assert page.is_file(), entry.link
        assert entry.title and entry.summary
    html = hub.html(root(language) + "packs/")
    assert 'type="application/atom+xml"' in html and "feed.xml" in html


@pytest.mark.parametrize("language", ["fr", "en"])
def test_whats_new_lists_the_latest_changes_newest_first(hub: Build, language: str) -> None:
    tree = LexborHTMLParser(hub.html(f"{root(language)}resources/whats-new/"))
    days = [heading.text().strip() for heading in tree.css("div.hub-text h2")]
    assert days, "grouped by day"
    newest = max(page.meta["updated"] for page in pages(REPORT, language))
    assert str(newest.day) in days[0] and str(newest.year) in days[0]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_home_page_leads_with_three_doors(hub: Build, language: str) -> None:
    tree = LexborHTMLParser(hub.html(root(language)))
    cards = tree.css("div.grid.cards > ul > li")
    assert len(cards) == 3
    hrefs = [a.attributes.get("href") for card in cards for a in card.css("a")]
    for target in (
        "packs/if-you-are-targeted/",
        "replies/",
        "packs/report-or-respond/",
        "lab/",
        "resources/worksheets/",
    ):
        assert target in hrefs, target
    for target in ("resources/topics/", "resources/audiences/", "resources/whats-new/"):
        assert tree.css_first(f'div.hub-text a[href="{target}"]') is not None, target
    for image in tree.css("div.hub-text img"):
        source = hub.site / root(language) / (image.attributes.get("src") or "")
        assert source.stat().st_size <= 30 * 1024


def test_lists_show_titles_and_descriptions_as_written_and_link_to_their_page(tiny_site) -> None:
    # Markdown's marks in a title stay text: the lists are HTML the hub writes, never Markdown.
    title = {"fr": "Fiche *étoile* _tirets_ & `code` [crochets]", "en": "Sheet *star* _dashes_ & `code` [brackets]"}
    pages = {
        "fr/index.md": front_matter("Accueil", "home") + "Bonjour.\n",
        "en/index.md": front_matter("Home", "home") + "Hello.\n",
    }
    for language in ("fr", "en"):
        pages[f"{language}/resources/sheet.md"] = front_matter(title[language], "worksheet", audience="[activists]")
        pages[f"{language}/resources/sheet.md"] += "Text.\n"
    build = tiny_site(pages)
    assert build.returncode == 0, build.output
    for language in ("fr", "en"):
        for slug in ("audiences", "whats-new"):
            page_path = f"{root(language)}resources/{slug}"
            tree = LexborHTMLParser(build.html(page_path + "/"))
            links = tree.css("div.hub-text li > a")
            assert [link.text() for link in links] == [title[language]], slug
            href = links[0].attributes.get("href") or ""
            assert (build.site / posixpath.normpath(posixpath.join(page_path, href)) / "index.html").is_file()
            item = links[0].parent
            assert item is not None and item.css_first("em, code") is None
            assert "a description long enough" in item.text()
            assert "hubblock" not in tree.html


def test_a_generated_list_whose_marker_is_lost_is_an_error_not_a_page() -> None:
    page = GeneratedPage()
    page.markdown = "Intro" + page.block("<ul><li>one</li></ul>") + "## Next" + page.block("<ul><li>two</li></ul>")
    first, second = (f"<p>{marker}</p>" for marker in page.blocks)
    rendered = f"<p>Intro</p>\n{first}\n<h2>Next</h2>\n{second}"
    assert page.fill(rendered) == "<p>Intro</p>\n<ul><li>one</li></ul>\n<h2>Next</h2>\n<ul><li>two</li></ul>"
    with pytest.raises(MissingBlockError, match="list 2 "):
        page.fill(rendered.replace(second, "<p>changed</p>"))
    with pytest.raises(MissingBlockError, match="list 1 "):
        page.fill(rendered + first)  # twice: which one is the list?
    assert not set(GeneratedPage().block("x").split()) & set(page.blocks), "every page has its own markers"
