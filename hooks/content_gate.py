"""Build hook: refuse the build when any page breaks the hub's rules; hide drafts.

Runs the whole content check once per build, before anything is rendered, logs
every problem on its own line and stops the build with a count. Pages marked
`draft: true` are shown by `mkdocs serve` and never published by `mkdocs build`.
Each page's metadata is then the strictly parsed, typed front matter, and each
`[[fact:key]]` of its text becomes the fact in the page's language (hooks/hub/facts.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import Abort
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import InclusionLevel

from hub import facts
from hub.content_check import check_docs
from hub.problems import summary
from mkdocs_support.build_state import STATE, i18n_building, split_src_uri

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger("content")


def on_startup(command: str, dirty: bool) -> None:
    STATE.serving = command == "serve"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Default priority: runs before i18n filters the files, so it sees both languages.
    if not i18n_building(config):
        report = check_docs(Path(config.docs_dir))
        if report.problems:
            for problem in report.problems:
                log.error(str(problem))
            raise Abort(f"Content check failed: {summary(report.problems, report.checked)}.")
        for warning in report.warnings:
            log.info(f"{warning} [warning]")
        STATE.report = report
        STATE.extra.pop("tooltips", None)  # the glossary may have changed
    for file in files.documentation_pages():
        page = STATE.report.page(*split_src_uri(file.src_uri)) if STATE.report else None
        if page is not None and page.meta.get("draft"):
            file.inclusion = InclusionLevel.DRAFT
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = STATE.source(*split_src_uri(page.file.src_uri))
    if source is not None:
        page.meta = dict(source.meta)
    if STATE.report is not None and source is not None:
        markdown = facts.apply(markdown, source.language, STATE.report.facts)
    return markdown
