"""Build hook: a short page at each address that moved, in both languages, leading to the new one.

The pages are written by hooks/hub/moved.py from docs/moved.yml and added by
hooks/generated_pages.py; they are in no navigation, list or search index.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hub import moved
from hub.languages import LANGUAGES
from mkdocs_support.build_state import STATE, i18n_building

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def on_pre_build(config: MkDocsConfig) -> None:
    if STATE.report is None or i18n_building(config):
        return
    pages = STATE.extra.setdefault("generated_pages", {})
    report = STATE.report
    for move in report.moves:
        for language in LANGUAGES:
            target = report.page(language, f"{move.new}.md") or report.page(language, f"{move.new}/index.md")
            if target is not None:  # always, once the check has passed (hooks/hub/moved.py)
                pages[f"{language}/{move.old}.md"] = moved.markdown(move, language, str(target.meta["title"]))
