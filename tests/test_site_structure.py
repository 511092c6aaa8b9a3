"""The real hub, built as `make build` builds it: both languages, links, sitemap, search."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

from conftest import ROOT, Build, front_matter

SITE_URL = "https://counterspeech-hub.github.io/hub/"


def pages_of(site: Path, language: str) -> set[str]:
    """Page paths of a language, relative to its root ('' for the home page)."""
    root = site / "en" if language == "en" else site
    found = set()
    for index in root.rglob("index.html"):
        relative = index.parent.relative_to(root).as_posix()
        relative = "" if relative == "." else relative + "/"
        if language == "fr" and (relative.startswith("en/") or relative.startswith("assets/")):
            continue
        found.add(relative)
    return found


def test_both_languages_have_the_same_pages(hub: Build) -> None:
    french, english = pages_of(hub.site, "fr"), pages_of(hub.site, "en")
    assert french == english
    assert {"", "about/", "packs/", "packs/getting-started/", "status/"} <= french
    assert len(french) >= 40


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_page_declares_its_language_and_describes_itself(hub: Build, language: str) -> None:
    root = hub.site / "en" if language == "en" else hub.site
    for path in pages_of(hub.site, language):
        html = (root / path / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{language}"' in html, path
        description = re.search(r'<meta name="description" content="([^"]+)"', html)
        assert description and len(description.group(1)) >= 40, path


def test_hreflang_links_are_absolute_with_x_default(hub: Build) -> None:
    for language, prefix in (("fr", ""), ("en", "en/")):
        for path in pages_of(hub.site, language):
            html = hub.html(prefix + path)
            links = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
            assert links == {
                "fr": SITE_URL + path,
                "en": SITE_URL + "en/" + path,
                "x-default": SITE_URL + path,
            }, f"{prefix}{path}"


def test_sitemap_lists_both_languages_with_absolute_urls(hub: Build) -> None:
    tree = ElementTree.parse(hub.site / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text or "" for loc in tree.getroot().findall("s:url/s:loc", namespace)]
    assert all(loc.startswith(SITE_URL) for loc in locations)
    assert not any("None" in loc for loc in locations)
    assert SITE_URL + "packs/getting-started/" in locations
    assert SITE_URL + "en/packs/getting-started/" in locations


def test_each_language_has_its_own_404_page(hub: Build) -> None:
    french, english = hub.html("404.html"), hub.html("en/404.html")
    assert '<html lang="fr"' in french and "Page introuvable" in french
    assert '<html lang="en"' in english and "Page not found" in english


def load_index(site: Path, language: str, name: str = "search_full.json") -> dict:
    root = site / "en" if language == "en" else site
    return json.loads((root / "search" / name).read_text(encoding="utf-8"))


def test_pages_download_a_stub_and_the_full_index_only_when_searching(hub: Build) -> None:
    for language, full in (("fr", "search/search_full.json"), ("en", "en/search/search_full.json")):
        stub = load_index(hub.site, language, "search_index.json")
        assert stub["docs"] == [] and stub["config"]["hub_full_index"] == full
        assert len(json.dumps(stub)) < 400
    worker = (hub.site / "assets/javascripts/workers/hub-search.js").read_text(encoding="utf-8")
    assert 'importScripts("search.' in worker
    assert '"search": "../../assets/javascripts/workers/hub-search.js"' in hub.html("packs/getting-started/")


def test_search_index_is_split_by_language(hub: Build) -> None:
    french, english = load_index(hub.site, "fr"), load_index(hub.site, "en")
    assert french["config"]["lang"] == ["fr"] and "stemmer" in french["config"]["pipeline"]
    assert english["config"]["lang"] == ["en"]
    for language, index in (("fr", french), ("en", english)):
        root = hub.site / "en" if language == "en" else hub.site
        pages = {doc["location"].split("#")[0] for doc in index["docs"]}
        # The pages left at addresses that moved (docs/moved.yml) say where to go: nothing to search.
        moved = {f"{entry['from']}/" for entry in yaml.safe_load((ROOT / "docs" / "moved.yml").read_text())}
        assert moved and moved <= pages_of(hub.site, language)
        assert pages == pages_of(hub.site, language) - moved, language
        for location in pages:
            html = (root / location / "index.html").read_text(encoding="utf-8")
            assert f'<html lang="{language}"' in html
            assert 'class="hub-text" lang=' not in html, f"{location} is a fallback copy"
    assert "Premiers pas dans le contre-discours" in {doc["title"] for doc in french["docs"]}
    assert "Getting started with counterspeech" in {doc["title"] for doc in english["docs"]}


def test_pages_point_the_search_at_their_own_language(hub: Build) -> None:
    french = hub.html("packs/getting-started/")
    english = hub.html("en/packs/getting-started/")
    assert re.search(r'"base": ?"\.\./\.\./"', french)
    assert re.search(r'"base": ?"\.\./\.\./\.\./en/"', english)


def test_the_theme_speaks_the_page_language(hub: Build) -> None:
    assert 'placeholder="Rechercher"' in hub.html("packs/")
    assert 'placeholder="Search"' in hub.html("en/packs/")


def test_footer_names_the_licences_in_each_language(hub: Build) -> None:
    assert "CC BY 4.0" in hub.html("") and "MIT" in hub.html("") and "licence" in hub.html("")
    assert "Content licensed CC BY 4.0" in hub.html("en/")


def test_navigation_is_pruned(hub: Build) -> None:
    # navigation.prune: a page does not carry the links of other sections' pages.
    html = hub.html("packs/getting-started/")
    assert "cases/reconquista-internet/" not in html
    assert "lab/running-a-lab/" not in html


def test_build_refuses_to_run_without_site_url(tiny_site) -> None:
    pages = {
        "fr/index.md": front_matter("Accueil", "home") + "Bonjour.\n",
        "en/index.md": front_matter("Home", "home") + "Hello.\n",
    }
    build = tiny_site(pages, config_extra="")
    assert build.returncode == 0, build.output
    root = build.root
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(re.sub(r"\nsite_url:.*\n", "\n", config), encoding="utf-8")
    from conftest import run_build

    refused = run_build(root)
    assert refused.returncode != 0
    assert "site_url: missing" in refused.output
    assert "Traceback" not in refused.output


# Off-site addresses that the theme's scripts contain but never call on this site, and why.
DEAD_SCRIPT_URLS = {
    "https://unpkg.com/mermaid": "loaded only for Mermaid diagrams; the built-page scan refuses them",
    "https://unpkg.com/resize-observer-polyfill": "loaded only by browsers older than 2020; the CSP blocks it",
    "https://api.github.com/": "repository statistics, for a data-md-component the hub's source link drops",
    "https://${e}/api/v4/projects/": "GitLab statistics, same",
}


def test_no_built_file_points_at_another_site_for_a_resource(hub: Build) -> None:
    from hub import built_html_scan

    assert built_html_scan.scan_site(hub.site, SITE_URL) == []  # every HTML and CSS file
    found = set()
    for script in hub.site.rglob("*.js"):
        text = script.read_text(encoding="utf-8")
        # URLs in string literals (comments and licence notices are not requests).
        found |= set(re.findall(r"[\"'`](https?://[^\"'`\s]+)", text))
    unexplained = {url for url in found if not any(url.startswith(dead) for dead in DEAD_SCRIPT_URLS)}
    assert unexplained == set()
    css = "".join(path.read_text(encoding="utf-8") for path in hub.site.rglob("*.css"))
    assert not re.search(r"url\(\s*[\"']?https?:", css) and "@import" not in css
