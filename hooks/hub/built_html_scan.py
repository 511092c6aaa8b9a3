"""The last look at the built site: nothing forbidden may be published, whatever produced it.

The source check (hooks/untrusted_content.py) stops most things in Markdown;
this scan reads the HTML and CSS that the build wrote and reports scripts that
are not the site's own, frames and plug-ins, event handlers, unsafe link
schemes, resources loaded from other sites and forms in page text. Each rule is
one regular-expression pass over a page, so the whole site is scanned in well
under a second per thousand pages.
"""

from __future__ import annotations

import re
from pathlib import Path

from hub import content_policy

_NEVER = re.compile(r"<(iframe|frame|frameset|object|embed|applet|base)\b", re.IGNORECASE)
# Attribute first, then the tag it sits in: far faster than matching every tag of the page.
_EVENT = re.compile(r"\s(on[a-zA-Z]+)\s*=", re.IGNORECASE)
_URL = re.compile(r"=\s*[\"']?\s*([a-zA-Z][a-zA-Z0-9+.\-]*:[^\"'\s>]*|//[^\"'\s>]*)")
_ATTRIBUTE_NAME = re.compile(r"\s([a-zA-Z][\w:.-]*)\s*$")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "srcset", "data", "xlink:href"}
_TAG_NAME = re.compile(r"<([a-zA-Z][\w-]*)")
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_REL = re.compile(r"\brel=[\"']?([^\"'>]*)", re.IGNORECASE)
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
# The page's own text, as overrides/partials/content.html frames it.
_TEXT = re.compile(r'<div class="hub-text"[^>]*>(.*?)<!-- /hub:guide -->', re.DOTALL)
_TEXT_TAG = re.compile(
    r"<(script|style|form|button|textarea|select|link|meta|svg|math|template|input)\b([^>]*)>", re.IGNORECASE
)
_CHECKLIST_BOX = re.compile(r'\stype="checkbox"[^>]*\sdisabled')
_MERMAID = re.compile(r'class="[^"]*\bmermaid\b')
_CSS_REMOTE = re.compile(r"url\(\s*[\"']?\s*(?:https?:)?//|@import", re.IGNORECASE)
SAFE_SCHEMES = ("https", "mailto")
LOADING = {"script", "img", "source", "video", "audio", "track", "input", "image"}
LOADING_RELS = ("stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon")


def scan_site(site: Path, site_url: str, skip: set[Path] | None = None) -> list[str]:
    """Every problem in the built site, one line each: `site/path: problem` (files in `skip` were scanned already)."""
    findings = []
    for path in sorted(site.rglob("*.html")):
        if skip and path.resolve() in skip:
            continue
        shown = f"site/{path.relative_to(site).as_posix()}"
        findings += [f"{shown}: {problem}" for problem in scan_page(path.read_text(encoding="utf-8"), site_url)]
    for path in sorted(site.rglob("*.css")):
        if _CSS_REMOTE.search(path.read_text(encoding="utf-8")):
            findings.append(
                f"site/{path.relative_to(site).as_posix()}: loads a stylesheet, font or image from elsewhere"
            )
    return findings


def scan_page(html: str, site_url: str = "") -> list[str]:
    """Problems in one built page."""
    problems = [f"<{m.group(1).lower()}> is never allowed" for m in _NEVER.finditer(html)]
    for match in _EVENT.finditer(html):
        tag = _tag_around(html, match.start())
        if tag:
            problems.append(f"<{tag} {match.group(1)}=…>: event handlers are not allowed")
    for match in _URL.finditer(html):
        named = _ATTRIBUTE_NAME.search(html, max(0, match.start() - 40), match.start())
        attribute = named.group(1).lower() if named else ""
        if attribute not in URL_ATTRIBUTES:
            continue
        tag, url = _tag_around(html, match.start()), match.group(1)
        if not tag:
            continue
        if site_url and url.startswith(site_url):
            continue  # the site's own address (which the preview serves over http)
        scheme = url.split(":", 1)[0].lower() if not url.startswith("//") else ""
        if scheme and scheme not in SAFE_SCHEMES and not (scheme == "data" and tag == "img"):
            problems.append(f'<{tag} {attribute}="{url[:40]}">: {scheme}: URLs are not allowed')
        elif tag in LOADING and attribute in ("src", "srcset", "poster", "data"):
            problems.append(f'<{tag} {attribute}="{url[:60]}">: loads a resource from another site')
    for tag in _LINK_TAG.findall(html):
        rel = _REL.search(tag)
        remote = re.search(r"\shref=[\"']?(?:https?:)?//", tag)
        loads = rel is not None and any(word in rel.group(1).lower().split() for word in LOADING_RELS)
        if loads and remote and not (site_url and site_url in tag):
            problems.append(f"{tag[:80]}: loads a resource from another site")
    problems += _inline_script_problems(html)
    text = _TEXT.search(html)
    if text:
        for found in _TEXT_TAG.finditer(text.group(1)):
            element = found.group(1).lower()
            if not (element == "input" and _CHECKLIST_BOX.search(found.group(2))):
                problems.append(f"<{element}> in the page text")
        if _MERMAID.search(text.group(1)):
            problems.append("a Mermaid diagram (the theme would load its script from a CDN)")
    return problems


def _tag_around(html: str, position: int) -> str:
    """The name of the tag an attribute at `position` belongs to, or '' if it is in text."""
    start = html.rfind("<", 0, position)
    if start < 0 or html.rfind(">", start, position) >= 0:
        return ""
    name = _TAG_NAME.match(html, start)
    return name.group(1).lower() if name else ""


def _inline_script_problems(html: str) -> list[str]:
    bodies = _INLINE_SCRIPT.findall(html)
    if not bodies:
        return []
    csp = _CSP.search(html)
    if csp is None:
        return ["an inline script, and no Content Security Policy"]
    allowed = csp.group(1)
    return [
        "an inline script that the page's Content Security Policy does not allow"
        for body in bodies
        if content_policy.script_hashes(f"<script>{body}</script>")[0] not in allowed
    ]


def scan_command(site: Path, site_url: str) -> int:
    """`python -m hub scan`: every problem of a built site, one line each; 1 if any."""
    findings = scan_site(site, site_url)
    for finding in findings:
        print(finding)
    if findings:
        print(f"{len(findings)} problem(s) in the built site")
        return 1
    print("no script, frame, event handler, remote resource or unsafe link in the built site")
    return 0
