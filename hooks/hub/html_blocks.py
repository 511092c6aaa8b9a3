"""Generated pages whose long lists are HTML written by the hub, kept out of the Markdown engine.

The topics, audiences, what's-new and translation-status pages are made at
build time from every page's front matter: hundreds of list items or table
rows. Rendered as Markdown (or as raw HTML inside Markdown, which the engine
parses again), they cost the engine about 0.7 s at 1,000 pages per language,
more than any page a person wrote (BENCHMARKS.md). So each long block is
written here as HTML, every text escaped, and the page's Markdown holds a
marker paragraph in its place; once the engine has rendered the page, `fill`
puts each block where its marker is.

- The markers are random for each build: no text can forge one. Contributors'
  titles and descriptions never go through Markdown at all, so a title is shown
  as it was written, like the page's own heading.
- A marker that did not come back intact is an error that names the page,
  never a page published with a marker or without its list.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field


class MissingBlockError(ValueError):
    """The rendered page lost the marker of one of its blocks."""


@dataclass
class GeneratedPage:
    """A page made by the hub: its Markdown, and the HTML blocks its markers stand for."""

    markdown: str = ""
    blocks: dict[str, str] = field(default_factory=dict)
    _token: str = field(default_factory=lambda: secrets.token_hex(8), init=False, repr=False)

    def block(self, html: str) -> str:
        """The Markdown that stands for this HTML: a paragraph of its own, replaced by `fill`."""
        marker = f"hubblock{self._token}n{len(self.blocks)}"
        self.blocks[marker] = html
        return f"\n\n{marker}\n\n"

    def fill(self, html: str) -> str:
        """The rendered page with every block in place of its marker paragraph."""
        for number, (marker, block) in enumerate(self.blocks.items(), start=1):
            paragraph = f"<p>{marker}</p>"
            if html.count(paragraph) != 1:
                raise MissingBlockError(f"list {number} of the generated page did not come back from the engine intact")
            html = html.replace(paragraph, block)
        return html
