"""What's new, as an Atom 1.0 feed per language (RFC 4287), for feed readers.

One entry per page, newest change first, with absolute addresses on the public
site. Written with the standard library's ElementTree, which escapes every
value: the feed libraries on PyPI (feedgen and the like) bring lxml and date
handling the hub does not need, since its dates are already dates.
"""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree

from hub import interface
from hub.browse import pages
from hub.content_check import ContentReport
from hub.languages import language_root, url_of

ATOM = "http://www.w3.org/2005/Atom"
FEED_NAME = "feed.xml"


def feed_path(language: str) -> str:
    """The feed's place in the site: feed.xml at the root of each language."""
    return language_root(language) + FEED_NAME


def feed(report: ContentReport, language: str, site_url: str, author: str) -> bytes:
    """The Atom feed of a language's pages."""
    ElementTree.register_namespace("", ATOM)
    home = site_url + language_root(language)
    entries = sorted(pages(report, language), key=lambda page: (page.meta["updated"], page.slug), reverse=True)
    root = ElementTree.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": language})
    _text(root, "id", home)
    _text(root, "title", interface.text(language, "feed_title"))
    _text(root, "subtitle", interface.text(language, "news_description"))
    _text(root, "updated", _stamp(max((page.meta["updated"] for page in entries), default=dt.date(2026, 1, 1))))
    ElementTree.SubElement(
        root, f"{{{ATOM}}}link", {"rel": "self", "type": "application/atom+xml", "href": site_url + feed_path(language)}
    )
    ElementTree.SubElement(root, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": home})
    _text(ElementTree.SubElement(root, f"{{{ATOM}}}author"), "name", author)
    for page in entries:
        address = home + url_of(page.slug)
        entry = ElementTree.SubElement(root, f"{{{ATOM}}}entry")
        _text(entry, "id", address)
        _text(entry, "title", str(page.meta["title"]))
        ElementTree.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": address})
        _text(entry, "updated", _stamp(page.meta["updated"]))
        _text(entry, "summary", str(page.meta["description"]))
    data: bytes = ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
    return data


def _text(parent: ElementTree.Element, name: str, value: str) -> None:
    ElementTree.SubElement(parent, f"{{{ATOM}}}{name}").text = value


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
