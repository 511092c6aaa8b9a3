"""What a page body may contain: the allow-list for content from strangers' pull requests.

Markdown lets raw HTML through, so a page could run a script, load a tracking
pixel or publish someone's phone number. These rules refuse that at the source,
with the page's line; hooks/built_html_scan.py checks the built HTML again,
whatever produced it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import yaml

from hub.problems import Problem, shorten

PUBLIC_CONTACTS = Path(__file__).with_name("public_contacts.yml")

FORBIDDEN_TAGS = (
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "link",
    "meta",
    "base",
    "svg",
    "math",
    "template",
)
_TAG = re.compile(r"<\s*(" + "|".join(FORBIDDEN_TAGS) + r")\b", re.IGNORECASE)
_EVENT_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*?\s(on[a-zA-Z]+)\s*=")
_STYLE_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*?\sstyle\s*=", re.IGNORECASE)
_MARKDOWN_LINK = re.compile(r"(!?)\[[^\]\n]*\]\([ \t]*<?([^)\s>]+)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)", re.MULTILINE)
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]*:[^>\s]*)>")
_URL_ATTRIBUTE = re.compile(
    r"\b(href|src|srcset|action|formaction|poster|data|background|xlink:href)\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE
)
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*):")
_HANDLE = re.compile(r"(?<![\w.@/])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?\b")
_EMAIL = re.compile(r"\b[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}\b")
# A leading character class lets the regex engine jump to candidates; the character
# before a match is checked in code (a lookbehind first would make the scan 3x slower).
_PHONE = re.compile(
    r"[+0(](?:(?<=\+)\d{1,3}[ .\-]?(?:\(0\)[ .\-]?)?\d{1,4}(?:[ .\-]?\d{2,4}){2,4}"
    r"|(?<=0)[1-9](?:[ .\-]?\d{2}){4}"
    r"|(?<=\()\d{3}\)\s?\d{3}[ .\-]\d{4})(?!\w)"
)
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"`+[^`]*`+")
ALLOWED_SCHEMES = ("https", "mailto")


def check_body(path: str, body: str, first_line: int) -> list[Problem]:
    """Every forbidden construct and personal detail in a Markdown body, with its line."""
    text = _without_code(body)

    def where(offset: int) -> tuple[int, int]:  # only called for the (rare) problems
        return first_line + text.count("\n", 0, offset), offset - text.rfind("\n", 0, offset)

    problems: list[Problem] = []
    if "<" in text:
        problems += _html_problems(path, text, where)
    problems += _link_problems(path, text, where)
    problems += _personal_data(path, text, where, public_contacts())
    return sorted(problems)


@lru_cache(maxsize=1)
def public_contacts() -> frozenset[str]:
    """Handles, addresses and numbers of public organisations that pages may show."""
    with PUBLIC_CONTACTS.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    entries = [str(item) for key in ("handles", "emails", "phones") for item in data.get(key) or []]
    return frozenset(_normalise(entry) for entry in entries)


def _normalise(contact: str) -> str:
    return re.sub(r"[\s.\-()]", "", contact.lower())


def _without_code(body: str) -> str:
    """The body with fenced code and inline code blanked, same length and lines (code runs nothing)."""
    if "`" not in body and "~~~" not in body:
        return body
    lines, fenced = [], False
    for line in body.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            lines.append(" " * len(line))
        elif fenced:
            lines.append(" " * len(line))
        else:
            lines.append(_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line))
    return "\n".join(lines)


def _html_problems(path: str, text: str, where: Callable[[int], tuple[int, int]]) -> list[Problem]:
    problems = []
    for match in _TAG.finditer(text):
        tag = match.group(1).lower()
        problems.append(
            Problem(
                path,
                *where(match.start()),
                "content",
                f"<{tag}> is not allowed in pages",
                "use Markdown; ask a maintainer if the page truly needs it",
            )
        )
    for match in _EVENT_ATTRIBUTE.finditer(text):
        problems.append(
            Problem(
                path,
                *where(match.start(1)),
                "content",
                f"the {match.group(1)}= attribute runs a script and is not allowed",
                "remove it",
            )
        )
    for match in _STYLE_ATTRIBUTE.finditer(text):
        problems.append(
            Problem(
                path,
                *where(match.start()),
                "content",
                "style= attributes are not allowed",
                "use Markdown or the site's styles",
            )
        )
    return problems


def _link_problems(path: str, text: str, where: Callable[[int], tuple[int, int]]) -> list[Problem]:
    problems = []
    targets: list[tuple[int, str, bool]] = []
    if "](" in text:
        targets += [(m.start(2), m.group(2), m.group(1) == "!") for m in _MARKDOWN_LINK.finditer(text)]
    if "]:" in text:
        targets += [(m.start(1), m.group(1), False) for m in _REFERENCE.finditer(text)]
    if "<" in text:
        targets += [(m.start(1), m.group(1), False) for m in _AUTOLINK.finditer(text)]
    if "=" in text:
        targets += [
            (m.start(2), m.group(2), m.group(1).lower() in ("src", "srcset", "poster", "background"))
            for m in _URL_ATTRIBUTE.finditer(text)
        ]
    for start, url, is_image in targets:
        scheme_match = _SCHEME.match(url)
        scheme = scheme_match.group(1).lower() if scheme_match else ""
        if scheme and scheme not in ALLOWED_SCHEMES:
            hint = "use the https:// address" if scheme == "http" else "use a relative link, https:// or mailto:"
            problems.append(
                Problem(path, *where(start), "content", f"{scheme}: links are not allowed ({shorten(url)})", hint)
            )
        elif is_image and (scheme or url.startswith("//")):
            problems.append(
                Problem(
                    path,
                    *where(start),
                    "content",
                    f"remote image {shorten(url)} is not allowed",
                    "download it into the page's folder and link it relatively",
                )
            )
        elif url.startswith("//"):
            problems.append(
                Problem(
                    path, *where(start), "content", f"protocol-relative link {shorten(url)}", "write https:// in full"
                )
            )
    return problems


def _personal_data(
    path: str, text: str, where: Callable[[int], tuple[int, int]], allowed: frozenset[str]
) -> list[Problem]:
    problems = []
    emails = list(_EMAIL.finditer(text)) if "@" in text else []
    for match in emails:
        if _normalise(match.group(0)) not in allowed:
            problems.append(
                Problem(
                    path,
                    *where(match.start()),
                    "personal data",
                    f"e-mail address {shorten(match.group(0))}",
                    "remove it, or add a public organisation's address to hooks/public_contacts.yml",
                )
            )
    for match in _HANDLE.finditer(text) if "@" in text else ():
        if any(e.start() <= match.start() < e.end() for e in emails):
            continue
        if _normalise(match.group(0)) not in allowed:
            problems.append(
                Problem(
                    path,
                    *where(match.start()),
                    "personal data",
                    f"account handle {shorten(match.group(0))}",
                    "describe the account instead, or add a public organisation to hooks/public_contacts.yml",
                )
            )
    for match in _PHONE.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        if before.isalnum() or before in "_+":
            continue
        if _normalise(match.group(0)) not in allowed:
            problems.append(
                Problem(
                    path,
                    *where(match.start()),
                    "personal data",
                    f"phone number {shorten(match.group(0))}",
                    "remove it, or add a public service's number to hooks/public_contacts.yml",
                )
            )
    return problems
