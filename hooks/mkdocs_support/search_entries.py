"""The theme's search entries of each page, computed by the finishing workers.

Material's search plugin reads every page's HTML with Python's html.parser,
on the core that renders the pages: about a tenth of a 1,000-page build.
Nothing in that work depends on other pages, so on more than one core
hooks/language_search.py lets the theme's own code (its SearchIndex, unchanged)
run in a worker process on a small stand-in of the page, and the entries join
the theme's index, in page order, before anything reads it. The index is the
same, entry for entry (tests/test_built_safety.py builds a site both ways and
compares every file); previews (`make serve`), single cores and
HUB_FINISH_WORKERS=0 keep the theme's own call, in place. Either way the
entries of French pages are typeset as they are made (hooks/hub/search_index.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from material.plugins.search.plugin import SearchIndex

from hub import search_index
from mkdocs_support import finishing
from mkdocs_support.worker_pipes import Result


@dataclass
class PageStandIn:
    """What the theme's SearchIndex reads of a page: its HTML, metadata, title, anchors and address."""

    content: str
    meta: dict[str, Any]
    title: str | None
    toc: Any  # the page's table of contents (AnchorLink objects, plain data)
    url: str


class Pending:
    """A place in the theme's list of entries, taken by a page whose entries a worker is computing."""

    def __init__(self, future: Result[list[dict[str, Any]]]) -> None:
        self.future = future


def entries(config: dict[str, Any], page: PageStandIn) -> list[dict[str, Any]]:
    """In a worker: the entries the theme's own code makes for one page, typeset."""
    index = SearchIndex(**config)
    index.add_entry_from_context(page)
    return search_index.typeset(list(index.entries), page.url)


def offload(index: SearchIndex) -> None:
    """Let the workers compute this index's entries from now on (until resolve()), each page's typeset."""
    if getattr(index, "_hub_offloaded", False):
        return
    original = index.add_entry_from_context

    def add_entry_from_context(page: Any) -> None:
        if not finishing.in_background():
            made = len(index.entries)
            original(page)
            search_index.typeset(index.entries[made:], page.url)
            return
        search = {key: page.meta.get(key) for key in ("title", "tags", "search") if key in page.meta}
        stand_in = PageStandIn(page.content, search, page.title, page.toc, page.url)
        index.entries.append(Pending(finishing.submit(entries, index.config, stand_in, urgent=True)))

    index.add_entry_from_context = add_entry_from_context  # type: ignore[method-assign]
    index._hub_offloaded = True  # type: ignore[attr-defined]


def resolve(index: SearchIndex) -> None:
    """Put every page's entries in its place, in order; waits for the workers still computing."""
    resolved: list[dict[str, Any]] = []
    pending = [entry for entry in index.entries if isinstance(entry, Pending)]
    try:
        for entry in index.entries:
            resolved.extend(entry.future.result() if isinstance(entry, Pending) else [entry])
    finally:
        for entry in pending:
            entry.future.cancel()
    index.entries[:] = resolved
