"""Every page's Content Security Policy: scripts, styles and everything else only from the site itself.

Static hosts cannot send headers, so the policy is a <meta http-equiv> at the
top of <head>. It allows no inline script at all: the theme's few inline
scripts are served as files by the hub's templates (overrides/partials/javascripts/),
so no hash is needed, and a script injected into a page could never run, even
if it were published.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'"
)
SAFE_REL = ("noopener", "noreferrer")


def add_policy(tree: LexborHTMLParser) -> None:
    """Put the policy right after <meta charset>, unless the page already has it."""
    head = tree.head
    if head is None or head.css_first('meta[http-equiv="Content-Security-Policy"]') is not None:
        return
    meta = tree.create_node("meta")
    meta.attrs["http-equiv"] = "Content-Security-Policy"
    meta.attrs["content"] = POLICY
    charset = head.css_first("meta[charset]")
    if charset is not None:
        charset.insert_after(meta)
    elif head.child is not None:
        head.child.insert_before(meta)
    else:
        head.insert_child(meta)
