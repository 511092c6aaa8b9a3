"""Build hook: absolute language links, one 404 page per language, a required site_url.

Search engines need absolute hreflang links and an x-default; the theme writes
relative ones (overrides/main.html writes the absolute ones from here). Under
mkdocs-static-i18n both language passes write 404.html to the site root
(English overwrites French), so each pass's 404 page is kept here and written
to its own language folder at the end. The theme's script would fetch a
sitemap for every hreflang link: that lookup is switched off.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from hub.languages import DEFAULT_LANGUAGE, LANGUAGES, language_root, page_path_in
from mkdocs_support.build_state import STATE, current_language, i18n_building

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


ALTERNATE_SELECTOR = '"link[rel=alternate]"'
PATCHED_SELECTOR = '"link[rel=alternate][data-md-alternate]"'


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.site_url:
        raise Abort(
            "mkdocs.yml: site_url: missing (hreflang links, the sitemap and PDF covers need the site's "
            "public address; set site_url, or the SITE_URL environment variable)"
        )
    if not config.site_url.endswith("/"):
        config.site_url += "/"
    return config


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    path = page_path_in(page.url)
    context["hub_alternates"] = alternates(config.site_url or "", path)
    context["hub_language_root"] = language_root(current_language(config))
    return context


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    # Static templates (404.html) have no page: link every language's home.
    context["hub_alternates"] = alternates(config.site_url or "", "")
    context["hub_language_root"] = language_root(current_language(config))
    return context


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        STATE.extra.setdefault("not_found_pages", {})[current_language(config)] = output_content
    return output_content


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    # Priority -200 runs after i18n's own post-build, which runs the nested passes.
    if i18n_building(config):
        return
    pages: dict[str, str] = STATE.extra.pop("not_found_pages", {})
    for language, html in pages.items():
        target = Path(config.site_dir) / language_root(language) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    stop_sitemap_requests(Path(config.site_dir))


def stop_sitemap_requests(site: Path) -> None:
    """Keep the theme from fetching `<alternate href>/sitemap.xml` for every hreflang link.

    The theme's language switcher reads the sitemap of each alternate link it finds;
    with absolute hreflang links that is two wasted requests per page view (and, on
    a preview, requests to the public site). The hub's language selector already
    links each page to its twin, so the theme's lookup is narrowed to links that
    opt in with data-md-alternate (none do).
    """
    bundles = list((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    for bundle in bundles:
        text = bundle.read_text(encoding="utf-8")
        if text.count(ALTERNATE_SELECTOR) != 1:
            if PATCHED_SELECTOR in text:
                continue
            raise Abort(f"{bundle.name}: the theme's alternate-link lookup has changed; update hooks/site_links.py")
        bundle.write_text(text.replace(ALTERNATE_SELECTOR, PATCHED_SELECTOR), encoding="utf-8")


def alternates(site_url: str, path: str) -> list[dict[str, str]]:
    """hreflang links for a page path shared by both languages, plus x-default (French)."""
    links = [{"lang": language, "href": site_url + language_root(language) + path} for language in LANGUAGES]
    links.append({"lang": "x-default", "href": site_url + language_root(DEFAULT_LANGUAGE) + path})
    return links
