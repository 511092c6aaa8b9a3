"""The handbook of one language: every guide in navigation order, as one printable document.

A cover, a table of contents with page numbers, a divider page per section,
then each guide's text as built for the site (its div.hub-page, see
overrides/partials/content.html), with its ids made unique and its links and
images made to work from the site's root.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from markupsafe import escape
from selectolax.lexbor import LexborHTMLParser

from hub import guide_pdf, interface
from hub.french_text import french
from hub.languages import NAMES, language_root

_HEAD_LINKS = re.compile(r'<link rel="stylesheet" href="([^"]+)"[^>]*>')


@dataclass(frozen=True)
class Guide:
    """One guide as built for the site: its title, address, date and page."""

    title: str
    url: str  # the page's address in the site, e.g. 'packs/getting-started/'
    updated: dt.date | None
    html: str


def document(
    language: str, sections: list[tuple[str, list[Guide]]], home_html: str, site_name: str, site_url: str
) -> str:
    """The handbook's HTML, to be printed with the site root as its base."""
    text = {key: french(value) if language == "fr" else value for key, value in interface.strings(language).items()}
    typeset = french if language == "fr" else str
    root = language_root(language)
    styles = stylesheets(home_html, root)
    contents, body = [], []
    for number, (title, guides) in enumerate(sections, start=1):
        items = []
        body.append(f'<section class="hub-divider" id="part-{number}"><h1>{escape(typeset(title))}</h1></section>')
        for index, guide in enumerate(guides, start=1):
            prefix = f"g{number}-{index}"
            items.append(f'<li><a href="#{prefix}">{escape(typeset(guide.title))}</a></li>')
            body.append(f'<section class="hub-guide" id="{prefix}">{_guide_text(guide, prefix, site_url)}</section>')
        contents.append(f'<li><a href="#part-{number}">{escape(typeset(title))}</a><ol>{"".join(items)}</ol></li>')
    site_name = escape(site_name)
    # The newest guide's date, not today's: the same guides give the same handbook.
    dates = [guide.updated for _, guides in sections for guide in guides if guide.updated]
    updated = interface.long_date(max(dates, default=dt.date.today()), language)
    url = escape(site_url + root)
    cover = (
        f'<section class="hub-cover"><p class="hub-cover__site">{site_name}</p>'
        f'<p class="hub-cover__title">{escape(text["handbook_title"])}</p>'
        f'<p class="hub-cover__description">{escape(text["handbook_description"])}</p>'
        f'<dl class="hub-cover__meta"><dt>{escape(text["cover_updated"])}</dt><dd>{updated}</dd>'
        f"<dt>{escape(text['cover_language'])}</dt><dd>{NAMES[language]}</dd>"
        f"<dt>{escape(text['cover_address'])}</dt><dd>{url}</dd>"
        f"<dt>{escape(text['cover_licence'])}</dt><dd>{escape(text['cover_licence_text'])}</dd></dl></section>"
    )
    toc = f'<nav class="hub-print-toc"><h2>{escape(text["cover_contents"])}</h2><ol>{"".join(contents)}</ol></nav>'
    return (
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{escape(text['handbook_title'])} - {site_name}</title>"
        f'<meta name="description" content="{escape(text["handbook_description"])}">'
        f'<meta name="author" content="{site_name}">{styles}</head>'
        f'<body><article class="md-content__inner md-typeset">{cover}{toc}{"".join(body)}</article></body></html>'
    )


def stylesheets(home_html: str, root: str) -> str:
    """The site's stylesheet links, as a document printed from the site's root needs them."""
    return "".join(
        f'<link rel="stylesheet" href="{escape(urljoin(root, href))}">' for href in _HEAD_LINKS.findall(home_html)
    )


def _guide_text(guide: Guide, prefix: str, site_url: str) -> str:
    """One guide's text (its div.hub-page), ready to sit among the others: unique ids, working links."""
    tree = LexborHTMLParser(guide.html)
    frame = tree.css_first("div.hub-page")
    if frame is None:
        return ""
    for button in frame.css("p.hub-pdf"):
        button.decompose()
    for node in frame.css("[id]"):
        node.attrs["id"] = f"{prefix}-{node.attributes.get('id')}"
    for link in frame.css("a[href]"):
        href = link.attributes.get("href") or ""
        if href.startswith("#"):
            link.attrs["href"] = f"#{prefix}-{href[1:]}"
    for image in frame.css("img[src]"):
        image.attrs["src"] = urljoin(guide.url, image.attributes.get("src") or "")
    guide_pdf.make_links_public(frame, guide.url, site_url)
    return frame.html or ""
