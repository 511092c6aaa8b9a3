"""Build hook: browse by topic and audience, what's new and its Atom feed, in each language.

The pages are written by hooks/hub/browse.py and added by hooks/generated_pages.py;
the feeds by hooks/hub/atom_feed.py, once every language is built. The topics and
audiences shown on a page link to their list (hooks/page_frame.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from hub import atom_feed, browse
from hub.languages import LANGUAGES
from mkdocs_support.build_state import STATE, i18n_building

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def on_pre_build(config: MkDocsConfig) -> None:
    if STATE.report is None or i18n_building(config):
        return
    today = dt.date.today()
    pages = STATE.extra.setdefault("generated_pages", {})
    for language in LANGUAGES:
        pages[f"{language}/{browse.TOPICS_SLUG}"] = browse.topics(STATE.report, language, today)
        pages[f"{language}/{browse.AUDIENCES_SLUG}"] = browse.audiences(STATE.report, language, today)
        pages[f"{language}/{browse.NEWS_SLUG}"] = browse.whats_new(STATE.report, language, today)


@event_priority(-200)  # once every language is built
def on_post_build(config: MkDocsConfig) -> None:
    if STATE.report is None or i18n_building(config):
        return
    for language in LANGUAGES:
        target = Path(config.site_dir) / atom_feed.feed_path(language)
        target.parent.mkdir(parents=True, exist_ok=True)
        author = str(STATE.extra.get("site_names", {}).get(language) or config.site_name)
        target.write_bytes(atom_feed.feed(STATE.report, language, config.site_url or "", author))
