"""Build hook: an offline copy of each language, as a zip linked from the home and About pages.

Made once every language, PDF included, is built (hooks/hub/offline_copy.py
does the work on the built site); rebuilt only when its content changes; its
size reported in the build's log and written next to its download links.
Skipped with the PDFs (HUB_PDF=0, and the preview unless HUB_PDF=1).
"""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority, get_plugin_logger

from hub import guide_pdf, interface, offline_copy
from hub.languages import LANGUAGES
from hub.pdf_links import fill_in_sizes
from mkdocs_support import finishing
from mkdocs_support.build_state import STATE, i18n_building

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = get_plugin_logger("offline")


@event_priority(-260)  # after the PDFs (-250), before the last safety scan (-300)
def on_post_build(config: MkDocsConfig) -> None:
    if i18n_building(config) or not _enabled():
        return
    finishing.flush()  # the pages as published, not their drafts
    site = Path(config.site_dir).resolve()
    cache = Path(config.config_file_path).parent / ".cache" / "offline"
    for language in LANGUAGES:
        started = time.monotonic()
        banner = interface.text(
            language, "offline_banner", date=interface.long_date(_made_on(), language), address=config.site_url or ""
        )
        copy = offline_copy.files(site, language, config.site_url or "", banner)
        target = site / offline_copy.zip_name(language)
        made = offline_copy.write_zip(copy, target, cache)
        size = guide_pdf.human_size(target.stat().st_size, "en")
        state = "made" if made else "unchanged, reused"
        log.info(
            f"{target.relative_to(site)}: {len(copy)} files, {size}, {state} in {time.monotonic() - started:.2f} s"
        )
    fill_in_sizes(site, STATE.extra.get("pages_with_pdf_links", set()))


def _enabled() -> bool:
    wanted = os.environ.get("HUB_PDF", "")
    return wanted not in ("", "0") if STATE.serving else wanted != "0"


def _made_on() -> dt.date:
    """The day of the copy: SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch else dt.date.today()
