"""What a page body may contain: the allow-list for content from strangers' pull requests.

Markdown lets raw HTML through, so a page could run a script, load a tracking
pixel or publish someone's phone number. These rules refuse that at the source,
with the page's line; hooks/built_html_scan.py checks the built HTML again,
whatever produced it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import yaml

from problems import Problem, shorten

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
_EVENT_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*?\s(on[a-zA-Z]+)\s*=", re.DOTALL)
_STYLE_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*?\sstyle\s*=", re.IGNORECASE)
_MARKDOWN_LINK = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]*:[^>\s]*)>")
_URL_ATTRIBUTE = re.compile(
    r"\b(href|src|srcset|action|formaction|poster|data|background|xlink:href)\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE
)
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*):")
_HANDLE = re.compile(r"(?<![\w.@/])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?\b")
_EMAIL = re.compile(r"\b[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}\b")
_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[ .\-]?(?:\(0\)[ .\-]?)?\d{1,4}(?:[ .\-]?\d{2,4}){2,4}"
    r"|0[1-9](?:[ .\-]?\d{2}){4}"
    r"|\(\d{3}\)\s?\d{3}[ .\-]\d{4})(?!\w)"
)
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"`+[^`]*`+")
ALLOWED_SCHEMES = ("https", "mailto")


def check_body(path: str, body: str, first_line: int) -> list[Problem]:
    """Every forbidden construct and personal detail in a Markdown body, with its line."""
    problems: list[Problem] = []
    allowed = public_contacts()
    for number, line in _prose_lines(body, first_line):
        problems += _html_problems(path, number, line)
        problems += _link_problems(path, number, line)
        problems += _personal_data(path, number, line, allowed)
    return problems


@lru_cache(maxsize=1)
def public_contacts() -> frozenset[str]:
    """Handles, addresses and numbers of public organisations that pages may show."""
    with PUBLIC_CONTACTS.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    entries = [str(item) for key in ("handles", "emails", "phones") for item in data.get(key) or []]
    return frozenset(_normalise(entry) for entry in entries)


def _normalise(contact: str) -> str:
    return re.sub(r"[\s.\-()]", "", contact.lower())


def _prose_lines(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """Lines outside fenced code, with inline code blanked (code shows text, it runs nothing)."""
    fenced = False
    for number, line in enumerate(body.split("\n"), start=first_line):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield number, _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def _html_problems(path: str, number: int, line: str) -> list[Problem]:
    problems = []
    for match in _TAG.finditer(line):
        tag = match.group(1).lower()
        problems.append(
            Problem(
                path,
                number,
                match.start() + 1,
                "content",
                f"<{tag}> is not allowed in pages",
                "use Markdown; ask a maintainer if the page truly needs it",
            )
        )
    for match in _EVENT_ATTRIBUTE.finditer(line):
        problems.append(
            Problem(
                path,
                number,
                match.start(1) + 1,
                "content",
                f"the {match.group(1)}= attribute runs a script and is not allowed",
                "remove it",
            )
        )
    for match in _STYLE_ATTRIBUTE.finditer(line):
        problems.append(
            Problem(
                path,
                number,
                match.start() + 1,
                "content",
                "style= attributes are not allowed",
                "use Markdown or the site's styles",
            )
        )
    return problems


def _link_problems(path: str, number: int, line: str) -> list[Problem]:
    problems = []
    targets: list[tuple[int, str, bool]] = []
    targets += [(m.start(2), m.group(2), m.group(1) == "!") for m in _MARKDOWN_LINK.finditer(line)]
    targets += [(m.start(1), m.group(1), False) for m in _REFERENCE.finditer(line)]
    targets += [(m.start(1), m.group(1), False) for m in _AUTOLINK.finditer(line)]
    targets += [
        (m.start(2), m.group(2), m.group(1).lower() in ("src", "srcset", "poster", "background"))
        for m in _URL_ATTRIBUTE.finditer(line)
    ]
    for start, url, is_image in targets:
        scheme_match = _SCHEME.match(url)
        scheme = scheme_match.group(1).lower() if scheme_match else ""
        if scheme and scheme not in ALLOWED_SCHEMES:
            hint = "use the https:// address" if scheme == "http" else "use a relative link, https:// or mailto:"
            problems.append(
                Problem(path, number, start + 1, "content", f"{scheme}: links are not allowed ({shorten(url)})", hint)
            )
        elif is_image and (scheme or url.startswith("//")):
            problems.append(
                Problem(
                    path,
                    number,
                    start + 1,
                    "content",
                    f"remote image {shorten(url)} is not allowed",
                    "download it into the page's folder and link it relatively",
                )
            )
        elif url.startswith("//"):
            problems.append(
                Problem(
                    path,
                    number,
                    start + 1,
                    "content",
                    f"protocol-relative link {shorten(url)}",
                    "write https:// in full",
                )
            )
    return problems


def _personal_data(path: str, number: int, line: str, allowed: frozenset[str]) -> list[Problem]:
    problems = []
    emails = list(_EMAIL.finditer(line))
    for match in emails:
        if _normalise(match.group(0)) not in allowed:
            problems.append(
                Problem(
                    path,
                    number,
                    match.start() + 1,
                    "personal data",
                    f"e-mail address {shorten(match.group(0))}",
                    "remove it, or add a public organisation's address to hooks/public_contacts.yml",
                )
            )
    for match in _HANDLE.finditer(line):
        if any(e.start() <= match.start() < e.end() for e in emails):
            continue
        if _normalise(match.group(0)) not in allowed:
            problems.append(
                Problem(
                    path,
                    number,
                    match.start() + 1,
                    "personal data",
                    f"account handle {shorten(match.group(0))}",
                    "describe the account instead, or add a public organisation to hooks/public_contacts.yml",
                )
            )
    for match in _PHONE.finditer(line):
        if _normalise(match.group(0)) not in allowed:
            problems.append(
                Problem(
                    path,
                    number,
                    match.start() + 1,
                    "personal data",
                    f"phone number {shorten(match.group(0))}",
                    "remove it, or add a public service's number to hooks/public_contacts.yml",
                )
            )
    return problems
