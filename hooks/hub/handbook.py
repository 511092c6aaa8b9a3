"""The handbook of one language: every guide in navigation order, as one printable document.

A cover, a table of contents with page numbers, a divider page per section,
then each guide's text as built for the site (between the `hub:guide` markers
of overrides/partials/content.html), with its ids made unique and its links
and images made to work from the site's root.
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from hub import guide_pdf, interface
from hub.languages import NAMES, language_root

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

_GUIDE = re.compile(r"<!-- hub:guide -->(.*?)<!-- /hub:guide -->", re.DOTALL)
_HEAD_LINKS = re.compile(r'<link rel="stylesheet" href="([^"]+)"[^>]*>')
_ID = re.compile(r'\sid="([^"]+)"')
_LOCAL_HREF = re.compile(r'href="#([^"]+)"')
_SRC = re.compile(r'(\ssrc=")([^"]+)(")')
_PDF_BUTTON = re.compile(r'<p class="hub-pdf">.*?</p>', re.DOTALL)


def document(
    language: str, sections: list[tuple[str, list[tuple[Page, str]]]], home_html: str, site_name: str, site_url: str
) -> str:
    """The handbook's HTML, to be printed with the site root as its base."""
    text = interface.strings(language)
    root = language_root(language)
    stylesheets = "".join(
        f'<link rel="stylesheet" href="{escape(urljoin(root, href))}">' for href in _HEAD_LINKS.findall(home_html)
    )
    contents, body = [], []
    for number, (title, guides) in enumerate(sections, start=1):
        items = []
        body.append(f'<section class="hub-divider" id="part-{number}"><h1>{escape(title)}</h1></section>')
        for index, (page, html) in enumerate(guides, start=1):
            prefix = f"g{number}-{index}"
            items.append(f'<li><a href="#{prefix}">{escape(page.title or "")}</a></li>')
            body.append(
                f'<section class="hub-guide" id="{prefix}">{_guide_text(html, page, prefix, site_url)}</section>'
            )
        contents.append(f'<li><a href="#part-{number}">{escape(title)}</a><ol>{"".join(items)}</ol></li>')
    site_name = escape(site_name)
    # The newest guide's date, not today's: the same guides give the same handbook.
    dates = [page.meta["updated"] for _, guides in sections for page, _ in guides if "updated" in page.meta]
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
        f'<meta name="author" content="{site_name}">{stylesheets}</head>'
        f'<body><article class="md-content__inner md-typeset">{cover}{toc}{"".join(body)}</article></body></html>'
    )


def _guide_text(html: str, page: Page, prefix: str, site_url: str) -> str:
    """One guide's text, ready to sit among the others."""
    match = _GUIDE.search(html)
    text = match.group(1) if match else ""
    text = _PDF_BUTTON.sub("", text)
    text = _ID.sub(lambda m: f' id="{prefix}-{m.group(1)}"', text)
    text = _LOCAL_HREF.sub(lambda m: f'href="#{prefix}-{m.group(1)}"', text)
    text = _SRC.sub(lambda m: m.group(1) + urljoin(page.url, m.group(2)) + m.group(3), text)
    return guide_pdf.public_links(text, page.url, site_url)
