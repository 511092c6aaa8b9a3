"""Build hook: the pages the hub writes at build time, never committed.

The translation status, the topics, the audiences and what's new are made from
the content check's report by the hub's core (hooks/hub/status_page.py,
hooks/hub/browse.py); the event modules that make them put them in
STATE.extra["generated_pages"] before the engine lists the files, and this
module adds them to the site in both language passes. Their long lists are
HTML blocks that the engine never parses: each takes the place of its marker
once the page is rendered (hooks/hub/html_blocks.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import Abort
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel

from hub.html_blocks import GeneratedPage, MissingBlockError
from mkdocs_support.build_state import STATE

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def _add(files: Files, config: MkDocsConfig) -> Files:
    # Default priority: before mkdocs-static-i18n sorts the files by language.
    listed = set(_nav_paths(config.nav or []))
    for src_uri in STATE.extra.get("generated_pages", {}):
        # A generated page the navigation does not list is still published, without a warning.
        in_nav = src_uri.split("/", 1)[-1] in listed
        inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, src_uri, content="", inclusion=inclusion)
        file.abs_src_path = str(Path(config.docs_dir) / src_uri)  # i18n places files by their path
        files.append(file)
    return files


@event_priority(-150)
def _restore(files: Files, config: MkDocsConfig) -> Files:
    """i18n re-creates every file from its path on disk: give the generated ones their text back."""
    pages: dict[str, str | GeneratedPage] = STATE.extra.get("generated_pages", {})
    for file in files:
        page = pages.get(file.src_uri)
        if page is not None:
            file.content_string = page.markdown if isinstance(page, GeneratedPage) else page
    return files


@event_priority(110)  # first: every other hook sees the page with its lists
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    generated = STATE.extra.get("generated_pages", {}).get(page.file.src_uri)
    if not isinstance(generated, GeneratedPage):
        return html
    try:
        return generated.fill(html)
    except MissingBlockError as error:
        raise Abort(f"{page.file.src_uri}: {error}") from None


def _nav_paths(items: object) -> list[str]:
    """Every page path the navigation of mkdocs.yml names."""
    if isinstance(items, str):
        return [items]
    if isinstance(items, dict):
        return [path for value in items.values() for path in _nav_paths(value)]
    if isinstance(items, list):
        return [path for item in items for path in _nav_paths(item)]
    return []


on_files = CombinedEvent(_add, _restore)
