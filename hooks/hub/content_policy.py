"""A page's Content Security Policy and safe outbound links, computed from the page itself.

Static hosts cannot send headers, so the policy is a <meta http-equiv> at the
top of <head>. Scripts run only from the site's own files, plus the theme's
inline scripts, each allowed by the SHA-256 of its exact text in this page.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_EXTERNAL_LINK = re.compile(r'<a\s([^>]*\bhref="https?://[^"]*"[^>]*)>')
_REL = re.compile(r'\srel="([^"]*)"')
SAFE_REL = ("noopener", "noreferrer")
_CHARSET = '<meta charset="utf-8">'
POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'"
)


def script_hashes(html: str) -> list[str]:
    """CSP sources for every inline script of the page ('sha256-…')."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in _INLINE_SCRIPT.findall(html)
    ]


def policy(html: str) -> str:
    """The Content Security Policy of a page."""
    return POLICY.format(hashes=" ".join(dict.fromkeys(script_hashes(html))))


def protect(html: str) -> str:
    """Add the page's CSP meta, and rel="noopener noreferrer" to links leaving the site."""
    html = _EXTERNAL_LINK.sub(_safe_rel, html)
    if "Content-Security-Policy" in html or _CHARSET not in html:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html.replace(_CHARSET, _CHARSET + meta, 1)


def _safe_rel(match: re.Match[str]) -> str:
    """An outbound link keeps its own rel values (such as "edit") and gains noopener noreferrer."""
    attributes = match.group(1)
    current = _REL.search(attributes)
    tokens = current.group(1).split() if current else []
    tokens += [token for token in SAFE_REL if token not in tokens]
    return "<a " + _REL.sub("", attributes).rstrip() + f' rel="{" ".join(tokens)}">'
