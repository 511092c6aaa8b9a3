"""Build hook: lighter pages for readers on phones and slow networks.

The theme indents its markup deeply (a page of the hub is half whitespace,
mostly in the navigation). Indentation between tags is removed; a line break
stays wherever there was one, so the page renders exactly the same. Code
blocks, scripts and text areas are left byte for byte.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

_VERBATIM = re.compile(r"(<pre\b.*?</pre>|<script\b.*?</script>|<textarea\b.*?</textarea>)", re.DOTALL | re.IGNORECASE)
_INDENTATION = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")


def compact(html: str) -> str:
    """The page without indentation or blank lines outside verbatim blocks."""
    parts = _VERBATIM.split(html)
    return "".join(part if index % 2 else _INDENTATION.sub("\n", part) for index, part in enumerate(parts))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return compact(output)


@event_priority(50)  # before page_safety hashes the scripts and site_links keeps the 404 pages
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return compact(output_content) if template_name.endswith(".html") else output_content
