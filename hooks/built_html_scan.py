"""The last look at the built site: nothing forbidden may be published, whatever produced it.

The source check (hooks/untrusted_content.py) stops most things in Markdown;
this scan reads the HTML, CSS and JavaScript that the build wrote and reports
scripts that are not the site's own, frames and plug-ins, event handlers,
unsafe link schemes, resources loaded from other sites and forms in page text.
"""

from __future__ import annotations

import re
from pathlib import Path

import content_policy

_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>", re.DOTALL)
_ATTRIBUTE = re.compile(r'\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*("[^"]*"|\'[^\']*\'|[^\s>]+)')
# The page's own text, as overrides/partials/content.html frames it.
_TEXT = re.compile(r'<div class="hub-text"[^>]*>(.*?)<!-- /hub:guide -->', re.DOTALL)
_CSS_REMOTE = re.compile(r"url\(\s*[\"']?\s*(?:https?:)?//|@import", re.IGNORECASE)
_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
NEVER = {"iframe", "frame", "frameset", "object", "embed", "applet", "base"}
NOT_IN_TEXT = {"script", "style", "form", "button", "textarea", "select", "link", "meta", "svg", "math", "template"}
LOADING = {
    "script": "src",
    "img": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "track": "src",
    "input": "src",
    "link": "href",
}
LINK_RELS_THAT_LOAD = ("stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon")
SAFE_SCHEMES = ("https:", "mailto:")


def scan_site(site: Path, site_url: str) -> list[str]:
    """Every problem in the built site, one line each: `site/path: problem`."""
    findings = []
    for path in sorted(site.rglob("*.html")):
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
    problems = []
    for match in _TAG.finditer(html):
        name, attributes = match.group(1).lower(), _attributes(match.group(2) or "")
        if name in NEVER:
            problems.append(f"<{name}> is never allowed")
        for attribute, value in attributes.items():
            if attribute.startswith("on"):
                problems.append(f"<{name} {attribute}=…>: event handlers are not allowed")
            if attribute in ("href", "src", "action", "formaction", "poster", "srcset", "data", "xlink:href"):
                if site_url and value.startswith(site_url):
                    continue  # the site's own address (which the preview serves over http)
                problems += _url_problems(name, attribute, value, attributes)
        if name == "script" and "src" not in attributes and attributes.get("type") != "application/json":
            problems += _inline_script_problems(html, match.end())
    text = _TEXT.search(html)
    if text:
        for match in _TAG.finditer(text.group(1)):
            name = match.group(1).lower()
            attributes = _attributes(match.group(2) or "")
            is_checklist_box = name == "input" and attributes.get("type") == "checkbox" and "disabled" in attributes
            if (name in NOT_IN_TEXT or name == "input") and not is_checklist_box:
                problems.append(f"<{name}> in the page text")
            if "mermaid" in attributes.get("class", ""):
                problems.append("a Mermaid diagram (the theme would load its script from a CDN)")
    return problems


def _attributes(text: str) -> dict[str, str]:
    found = {name.lower(): value.strip("\"'") for name, value in _ATTRIBUTE.findall(" " + text)}
    for bare in re.findall(r"\s([a-zA-Z-]+)(?=\s|/?$)", " " + re.sub(_ATTRIBUTE, " ", " " + text)):
        found.setdefault(bare.lower(), "")
    return found


def _url_problems(tag: str, attribute: str, value: str, attributes: dict[str, str]) -> list[str]:
    url = value.strip().lower()
    scheme = re.match(r"^([a-z][a-z0-9+.\-]*):", url)
    problems = []
    loads = LOADING.get(tag) == attribute or attribute in ("srcset", "poster", "data")
    if tag == "link" and not any(rel in attributes.get("rel", "") for rel in LINK_RELS_THAT_LOAD):
        loads = False
    if scheme and f"{scheme.group(1)}:" not in SAFE_SCHEMES:
        if not (scheme.group(1) == "data" and tag == "img"):
            problems.append(f'<{tag} {attribute}="{value[:40]}">: {scheme.group(1)}: URLs are not allowed')
    elif loads and (scheme or url.startswith("//")):
        problems.append(f'<{tag} {attribute}="{value[:60]}">: loads a resource from another site')
    return problems


def _inline_script_problems(html: str, start: int) -> list[str]:
    body = html[start : html.find("</script>", start)]
    csp = _CSP.search(html)
    if csp is None:
        return ["an inline script, and no Content Security Policy"]
    digest = content_policy.script_hashes(f"<script>{body}</script>")
    if digest and digest[0] not in csp.group(1):
        return ["an inline script that the page's Content Security Policy does not allow"]
    return []
