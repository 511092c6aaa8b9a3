"""Everything the hub does to a built page, on one parse of it: finish it, then judge it.

Each page is parsed once (lexbor, an HTML5 parser, as browsers parse it). The
tree is then finished:

- a Content Security Policy at the top of <head> (hooks/hub/content_policy.py);
- links to other sites get rel="noopener noreferrer";
- titles of cited works in another language get `lang` and `hreflang`
  (WCAG 3.1.2, language of parts), from the page's sources;
- glossary words of the page's text get their definition (hooks/hub/glossary.py);
- each checklist item's text moves inside its label (an accessible name for the box);
- French typography on every text of the page's French parts: title, navigation,
  both tables of contents, cover and body (hooks/hub/french_text.py);
- the permalinks of headings say "link to this section" in the page's language;
- indentation between tags is dropped (a page is half whitespace otherwise).

Then the finished tree is judged (hooks/hub/built_html_scan.py) and written
out. Code, preformatted text and scripts are never changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from hub import built_html_scan, content_policy, html_policy, image_size
from hub.french_text import french, guillemets
from hub.glossary import Tooltips

VERBATIM = frozenset({"pre", "code", "kbd", "samp", "script", "style", "textarea", "template"})
_VERBATIM_SELECTOR = ", ".join(sorted(VERBATIM))
# The characters French spacing is about: a text without any is left alone.
_MARKS = re.compile("[;!?:«»]")
_NO_TOOLTIP = VERBATIM | {"a", "abbr", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "label"}


@dataclass
class PageContext:
    """What the hub knows about a page beyond its HTML."""

    language: str  # the language the page is written in
    site_url: str = ""
    tooltips: Tooltips | None = None
    # Address of each cited work -> its language, when it differs from the page's.
    source_languages: dict[str, str] = field(default_factory=dict)
    permalink_title: str = ""
    dialog_label: str = ""  # the accessible name of the theme's search dialog
    # The bytes of an image the page shows, from its src (None when it is not a file of the site).
    read_image: Callable[[str], bytes | None] | None = None
    check_content: bool = True  # False when the page's text was already judged, with its lines


@dataclass
class BuiltPage:
    """A finished page and what is wrong with it (empty when it may be published)."""

    html: str
    findings: list[str]


def finish(html: str, context: PageContext) -> BuiltPage:
    """Finish a built page and judge the result."""
    tree = LexborHTMLParser(html)
    content_policy.add_policy(tree)
    region = tree.css_first("div.hub-text")
    for link in tree.css("a[href]"):
        _link(link, context)
    if region is not None:
        if context.tooltips is not None and context.tooltips.pattern is not None:
            _tooltips(tree, region, context.tooltips)
        _checklists(region)
    if context.permalink_title:
        for anchor in tree.css("a.headerlink"):
            anchor.attrs["title"] = context.permalink_title
    if context.dialog_label:
        for dialog in tree.css('[role="dialog"]:not([aria-label]):not([aria-labelledby])'):
            dialog.attrs["aria-label"] = context.dialog_label
    if context.read_image is not None:
        _image_sizes(tree, context.read_image)
    _typography_and_compaction(tree.root, context.language == "fr")
    findings = built_html_scan.page_findings(tree, context.site_url, check_content=context.check_content)
    return BuiltPage(tree.html or "", findings)


def _link(link: LexborNode, context: PageContext) -> None:
    href = link.attributes.get("href") or ""
    url = html_policy.normalise_url(href)
    if html_policy.url_scheme(url) in ("http", "https") and not (context.site_url and url.startswith(context.site_url)):
        tokens = (link.attributes.get("rel") or "").split()
        tokens += [token for token in content_policy.SAFE_REL if token not in tokens]
        link.attrs["rel"] = " ".join(tokens)
    language = context.source_languages.get(href)
    if language and language != context.language and "lang" not in link.attributes:
        link.attrs["lang"] = language
        link.attrs["hreflang"] = language


def _inside(node: LexborNode, names: frozenset[str], stop: LexborNode | None = None) -> bool:
    parent = node.parent
    while parent is not None and (stop is None or parent.mem_id != stop.mem_id):
        if parent.tag in names:
            return True
        parent = parent.parent
    return False


def _tooltips(tree: LexborHTMLParser, region: LexborNode, tooltips: Tooltips) -> None:
    assert tooltips.pattern is not None
    targets = [
        node
        for node in region.traverse(include_text=True)
        if node.is_text_node
        and tooltips.pattern.search(node.text_content or "")
        and not _inside(node, _NO_TOOLTIP, region)
    ]
    for node in targets:
        text = node.text_content or ""
        position = 0
        for match in tooltips.pattern.finditer(text):
            if match.start() > position:
                node.insert_before(text[position : match.start()])
            abbr = tree.create_node("abbr")
            abbr.attrs["tabindex"] = "0"
            abbr.attrs["title"] = tooltips.definitions[match.group(0)]
            abbr.insert_child(match.group(0))
            node.insert_before(abbr)
            position = match.end()
        if position < len(text):
            node.insert_before(text[position:])
        node.decompose()


def _checklists(region: LexborNode) -> None:
    """Move the text after each checklist box into its label, up to a nested list."""
    for label in region.css("label.task-list-control"):
        moving, sibling = [], label.next
        while sibling is not None and sibling.tag not in ("ul", "ol"):
            moving.append(sibling)
            sibling = sibling.next
        for node in moving:  # insert_child copies: the original is removed after
            label.insert_child(node)
            node.decompose()


def _typography_and_compaction(root: LexborNode | None, page_is_french: bool) -> None:
    """One walk over the page's text, code and scripts left alone:

    - French spacing on every text whose language is French (the nearest `lang` decides);
    - indentation between tags dropped: a whitespace-only text with a line break becomes
      one line break (a page is half whitespace otherwise).
    """
    if root is None:
        return
    verbatim = _verbatim_texts(root)
    languages = _text_languages(root)
    changes = []
    for node in root.traverse(include_text=True):
        if not node.is_text_node or node.mem_id in verbatim:
            continue
        text = node.text_content or ""
        if text.isspace():
            if len(text) > 1 and "\n" in text:
                changes.append((node, "\n"))
            continue
        if _MARKS.search(text) is None:
            continue
        language = languages.get(node.mem_id)
        if language == "fr" if language else page_is_french:
            fixed = french(text)
        elif page_is_french:  # a foreign part of a French page: its « » are still French quotation marks
            fixed = guillemets(text)
        else:
            continue
        if fixed != text:
            changes.append((node, fixed))
    for node, fixed in changes:  # the tree is changed once the walk is over
        node.replace_with(fixed)


def _verbatim_texts(root: LexborNode) -> set[int]:
    """The texts inside code, preformatted text, scripts and styles: a walk of those few elements
    instead of a climb to the root from every text of the page."""
    return {
        node.mem_id
        for element in root.css(_VERBATIM_SELECTOR)
        for node in element.traverse(include_text=True)
        if node.is_text_node
    }


def _text_languages(root: LexborNode) -> dict[int, str]:
    """The language of each text inside an element marked with `lang` below <html> (whose
    language is the page's): elements come in document order, so the nearest mark wins."""
    languages = {}
    for element in root.css("body [lang]"):
        language = (element.attributes.get("lang") or "").split("-")[0].lower()
        if not language:
            continue
        for node in element.traverse(include_text=True):
            if node.is_text_node:
                languages[node.mem_id] = language
    return languages


def _image_sizes(tree: LexborHTMLParser, read: Callable[[str], bytes | None]) -> None:
    """Every image of the site gets its width and height, read from the file (no jump when it arrives)."""
    for image in tree.css("img[src]:not([width])"):
        src = image.attributes.get("src") or ""
        data = read(src)
        found = image_size.size(data, Path(src.split("?")[0]).suffix.lower()) if data else None
        if found:
            image.attrs["width"], image.attrs["height"] = str(found[0]), str(found[1])
