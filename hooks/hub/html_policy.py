"""The allow-list for a page's text, judged on the HTML a browser builds from it.

A page body comes from a stranger's pull request. Markdown lets raw HTML
through, and browsers are forgiving: `<img/onerror=…>`, `&#106;avascript:`, a
tab inside a scheme, `/\\host` for `//host` all work in a browser and slip past
patterns. So the rendered HTML is parsed by lexbor (selectolax), an HTML5
parser that builds the same tree as browsers (entities decoded, names folded),
and every element, attribute and URL of that tree is judged against what the
hub allows:

- elements that Markdown and its extensions produce, and nothing that runs,
  loads, frames, submits or styles;
- attributes per element, no `style`, no `data-*`, no event handler in any
  spelling, no id or class of the theme's or the hub's own (`__*`, `md-*`, `hub-*`);
- URLs normalised as browsers do (controls and whitespace removed, `\\` read
  as `/`): links may be relative, https:, http: or mailto:, images only relative;
- no bidirectional override characters (Trojan Source), no control characters;
- no personal data (hooks/hub/personal_data.py) in text, titles, alt texts and mailto: links;
- and the text stays inside its frame: unbalanced tags that would close the
  page's own elements, or swallow what follows, are refused.

Each finding names what to look for on the source line (`needle`), so the
check can point at the line and column (hooks/hub/locate.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from hub import personal_data
from hub.problems import shorten
from hub.schema_check import known_language

GLOBAL = frozenset({"id", "class", "lang", "title"})
ELEMENTS: dict[str, frozenset[str]] = {
    name: frozenset(extra.split())
    for name, extra in {
        "p": "",
        "br": "",
        "hr": "",
        "h1": "",
        "h2": "",
        "h3": "",
        "h4": "",
        "h5": "",
        "h6": "",
        "a": "href hreflang rel",
        "em": "",
        "strong": "",
        "b": "",
        "i": "",
        "s": "",
        "del": "cite",
        "ins": "cite",
        "mark": "",
        "small": "",
        "sub": "",
        "sup": "",
        "code": "",
        "pre": "",
        "kbd": "",
        "samp": "",
        "var": "",
        "abbr": "tabindex",
        "cite": "",
        "q": "cite",
        "blockquote": "cite",
        "ul": "",
        "ol": "start reversed type",
        "li": "value",
        "dl": "",
        "dt": "",
        "dd": "",
        "table": "",
        "thead": "",
        "tbody": "",
        "tfoot": "",
        "tr": "",
        "th": "align colspan rowspan scope",
        "td": "align colspan rowspan",
        "caption": "",
        "img": "src alt width height loading",
        "figure": "",
        "figcaption": "",
        "div": "",
        "span": "",
        "details": "open",
        "summary": "",
        "input": "type disabled checked",
        "label": "",
        "time": "datetime",
    }.items()
}
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
LINK_SCHEMES = frozenset({"https", "http", "mailto"})
RESERVED_PREFIXES = ("_", "md-", "hub-")
# Theme classes a page may borrow: a link styled as a button.
BORROWED_CLASSES = frozenset({"md-button", "md-button--primary"})
# Classes that make the theme load code from elsewhere (Mermaid and MathJax come from a CDN).
RESERVED_CLASSES = frozenset({"mermaid", "arithmatex", "katex"})
# Invisible characters that reorder text (Trojan Source), and control characters.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
BLOCKS = frozenset(
    [
        "p",
        "li",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "dt",
        "dd",
        "figcaption",
        "summary",
        "caption",
        "pre",
        "blockquote",
        "div",
        "details",
        "table",
        "ul",
        "ol",
        "dl",
    ]
)
FRAME_ID, END_ID = "hub-check", "hub-check-end"


@dataclass(frozen=True)
class Finding:
    """Something a page's HTML must not contain."""

    message: str
    hint: str
    needle: str = ""  # what to look for on the source line, for the column
    field: str = "content"

    occurrence: int = 0  # the same finding seen again further down the page

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.field, self.message, self.occurrence)


def fragment_findings(html: str) -> list[Finding]:
    """Every finding in a page's rendered text, the frame test included."""
    tree = LexborHTMLParser(
        f'<!doctype html><html><head></head><body><div id="{FRAME_ID}">{html}</div><p id="{END_ID}"></p></body></html>'
    )
    frame, end = tree.css_first(f"#{FRAME_ID}"), tree.css_first(f"#{END_ID}")
    findings = frame_findings(tree.body, frame, end)
    if frame is not None:
        findings += region_findings(frame)
    if findings and tree.body is not None:  # what broke out of the frame is judged too
        for node in tree.body.iter(include_text=False):
            if node.attributes.get("id") not in (FRAME_ID, END_ID):
                findings += _element_findings(node) + region_findings(node)
    return numbered(findings)


def numbered(findings: list[Finding]) -> list[Finding]:
    """The findings with each repeat numbered, so that every occurrence is reported at its own line."""
    seen: dict[tuple[str, str], int] = {}
    result = []
    for finding in findings:
        count = seen.get((finding.field, finding.message), 0)
        seen[(finding.field, finding.message)] = count + 1
        result.append(Finding(finding.message, finding.hint, finding.needle, finding.field, count))
    return result


def frame_findings(parent: LexborNode | None, frame: LexborNode | None, end: LexborNode | None) -> list[Finding]:
    """The text must end where its frame ends: nothing may close the frame early or swallow what follows."""
    intact = (
        parent is not None
        and frame is not None
        and end is not None
        and frame.parent is not None
        and end.parent is not None
        and frame.parent.mem_id == end.parent.mem_id
        and _next_element(frame) is not None
        and _next_element(frame).mem_id == end.mem_id  # type: ignore[union-attr]
        and end.child is None
    )
    if intact:
        return []
    return [
        Finding(
            "the HTML of this page is not balanced: a tag closes the page's own frame or swallows what follows",
            "close every HTML tag you open, or write Markdown instead",
            "</",
        )
    ]


def _next_element(node: LexborNode) -> LexborNode | None:
    sibling = node.next
    while sibling is not None and not sibling.is_element_node:
        sibling = sibling.next
    return sibling


def region_findings(region: LexborNode) -> list[Finding]:
    """Every finding in the elements, attributes and text inside `region` (not `region` itself)."""
    findings: list[Finding] = []
    texts: list[str] = []
    last_block = None
    for node in region.traverse(include_text=True):
        if node.mem_id == region.mem_id:
            continue
        if node.is_text_node:
            text = node.text_content or ""
            findings += _text_findings(text)
            block = _block_of(node, region)
            texts.append(("" if block == last_block else "\n") + text)
            last_block = block
        elif node.is_element_node:
            findings += _element_findings(node)
    findings += _personal_findings("".join(texts))
    return findings


def _block_of(node: LexborNode, region: LexborNode) -> int:
    parent = node.parent
    while parent is not None and parent.mem_id != region.mem_id:
        if parent.tag in BLOCKS:
            return int(parent.mem_id)
        parent = parent.parent
    return int(region.mem_id)


def _element_findings(node: LexborNode) -> list[Finding]:
    tag = node.tag or ""
    allowed = ELEMENTS.get(tag)
    if allowed is None:
        return [Finding(f"<{tag}> is not allowed in pages", "use Markdown; ask a maintainer if the page needs it", tag)]
    findings = []
    attributes: dict[str, Any] = node.attributes
    for name, value in attributes.items():
        findings += _attribute_findings(tag, name, value if isinstance(value, str) else "", allowed)
    if tag == "input" and (attributes.get("type") != "checkbox" or "disabled" not in attributes):
        findings.append(
            Finding("<input> is allowed only as a checklist box", "write a checklist with '- [ ] item'", "input")
        )
    return findings


def _attribute_findings(tag: str, name: str, value: str, allowed: frozenset[str]) -> list[Finding]:
    lowered = name.lower()
    if lowered.startswith("on"):
        return [Finding(f"the {lowered}= attribute runs a script and is not allowed", "remove it", lowered)]
    if lowered == "style":
        return [Finding("style= attributes are not allowed", "use Markdown or the site's styles", "style")]
    if lowered not in GLOBAL and lowered not in allowed:
        return [Finding(f"the {lowered}= attribute is not allowed on <{tag}>", "remove it", lowered)]
    findings = _value_text_findings(value)
    if lowered == "id" and (value.startswith(RESERVED_PREFIXES) or not value.strip()):
        findings.append(Finding(f"the id {shorten(value)} is reserved for the site itself", "choose another id", value))
    elif lowered == "class":
        for token in value.split():
            if (token.startswith(RESERVED_PREFIXES) and token not in BORROWED_CLASSES) or token in RESERVED_CLASSES:
                findings.append(
                    Finding(f"the class {shorten(token)} is reserved for the site itself", "remove it", token)
                )
    elif lowered == "lang" and value and not known_language(value):
        findings.append(Finding(f"{shorten(value)} is not a known language code", 'write e.g. lang="en"', value))
    elif lowered == "tabindex" and value != "0":
        findings.append(Finding("tabindex= is set by the site only", "remove it", "tabindex"))
    elif lowered in URL_ATTRIBUTES:
        findings += _url_findings(tag, lowered, value)
    elif lowered in ("title", "alt"):
        findings += _personal_findings(value)
    return findings


def normalise_url(value: str) -> str:
    """A URL as a browser reads it: no surrounding spaces or controls, no tab or newline, `\\` as `/`."""
    value = value.strip(
        "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17"
        "\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "
    )
    return value.replace("\t", "").replace("\n", "").replace("\r", "").replace("\\", "/")


def url_scheme(url: str) -> str:
    """The lowercase scheme of a normalised URL, '' for a relative one."""
    head, colon, _ = url.partition(":")
    if not colon or not head or not head[0].isascii() or not head[0].isalpha():
        return ""
    if all(char.isascii() and (char.isalnum() or char in "+-.") for char in head):
        return head.lower()
    return ""


def _url_findings(tag: str, attribute: str, value: str) -> list[Finding]:
    url = normalise_url(value)
    scheme = url_scheme(url)
    needle = value.strip()[:40] or attribute
    if url.startswith("//"):
        return [Finding(f"protocol-relative address {shorten(url)}", "write https:// in full", needle)]
    if tag == "img" and attribute == "src":
        if scheme:
            return [
                Finding(
                    f"image {shorten(url)} is not a file of the site",
                    "save the image beside the page and link it relatively",
                    needle,
                )
            ]
        return []
    if scheme and scheme not in LINK_SCHEMES:
        return [
            Finding(
                f"{scheme}: links are not allowed ({shorten(url)})", "use a relative link, https:// or mailto:", needle
            )
        ]
    if scheme == "mailto":
        return _personal_findings(url[len("mailto:") :].split("?", 1)[0])
    return []


def _text_findings(text: str) -> list[Finding]:
    findings = []
    bidi = _BIDI.search(text)
    if bidi:
        findings.append(
            Finding(
                "an invisible character that reorders text (bidirectional override)",
                "remove it; it can make text read differently from what it is",
                bidi.group(0),
            )
        )
    control = _CONTROL.search(text)
    if control:
        findings.append(
            Finding(f"control character U+{ord(control.group(0)):04X} in the text", "remove it", control.group(0))
        )
    return findings


def _value_text_findings(value: str) -> list[Finding]:
    return _text_findings(value) if value else []


def _personal_findings(text: str) -> list[Finding]:
    return [
        Finding(f"{detail.kind} {shorten(detail.value)}", detail.hint, detail.value, "personal data")
        for detail in personal_data.details(text)
    ]
