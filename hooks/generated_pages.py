"""Build hook: the pages the hub writes at build time, never committed.

The translation status, the topics, the audiences and what's new are Markdown
made from the content check's report by the hub's core (hooks/hub/status_page.py,
hooks/hub/browse.py); the event modules that make them put them in
STATE.extra["generated_pages"] before the engine lists the files, and this
module adds them to the site in both language passes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel

from mkdocs_support.build_state import STATE

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

# Generated pages that the navigation does not list.
NOT_IN_NAV = ("status.md",)


def _add(files: Files, config: MkDocsConfig) -> Files:
    # Default priority: before mkdocs-static-i18n sorts the files by language.
    for src_uri in STATE.extra.get("generated_pages", {}):
        hidden = src_uri.split("/", 1)[-1] in NOT_IN_NAV
        inclusion = InclusionLevel.NOT_IN_NAV if hidden else InclusionLevel.INCLUDED
        file = File.generated(config, src_uri, content="", inclusion=inclusion)
        file.abs_src_path = str(Path(config.docs_dir) / src_uri)  # i18n places files by their path
        files.append(file)
    return files


@event_priority(-150)
def _restore(files: Files, config: MkDocsConfig) -> Files:
    """i18n re-creates every file from its path on disk: give the generated ones their text back."""
    pages: dict[str, str] = STATE.extra.get("generated_pages", {})
    for file in files:
        if file.src_uri in pages:
            file.content_string = pages[file.src_uri]
    return files


on_files = CombinedEvent(_add, _restore)
