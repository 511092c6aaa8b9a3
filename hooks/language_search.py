"""Build hook: one search index per language, loaded only when needed; French search without accents.

mkdocs-static-i18n writes a single index with both languages at search/; a
French reader then gets English results. After every language is built, the
index is split into search/ (French) and en/search/ (English), each page's
theme config points at its own language's index (overrides/main.html), pages
that are only a fallback copy of the other language are left out, and the
theme's French stemmer learns to ignore accents (hooks/french_search.js).

Each language's full index goes to search_full.json; search_index.json, which
every page downloads, is a stub, and the hub's worker (hooks/search_worker.js)
fetches the full index the first time the reader searches.

On more than one core the theme's entries of each page are computed by the
finishing workers (hooks/mkdocs_support/search_entries.py) and put back in
order before the theme or mkdocs-static-i18n reads them, and the split itself
runs in a worker while the last scan reads the site (hooks/page_safety.py waits
for it).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import Abort
from mkdocs.plugins import CombinedEvent, event_priority

import hub
from hub.search_index import write_language_indexes
from mkdocs_support import finishing, search_entries
from mkdocs_support.build_state import STATE, i18n_building

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

WORKERS = Path("assets") / "javascripts" / "workers"
WORKER = "hub-search.js"
WORKER_SOURCE = Path(hub.__file__).with_name("search_worker.js")
FRENCH_STEMMER = Path("assets") / "javascripts" / "lunr" / "min" / "lunr.fr.min.js"
FRENCH_SEARCH_JS = Path(hub.__file__).with_name("french_search.js")


def _theme_index(config: MkDocsConfig) -> Any:
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    return getattr(plugin, "search_index", None)


def on_pre_build(config: MkDocsConfig) -> None:
    index = _theme_index(config)
    if index is not None:
        search_entries.offload(index)


@event_priority(50)  # in every language pass, before the theme (0) and i18n (-100) read the entries
def _entries_in_place(config: MkDocsConfig) -> None:
    index = _theme_index(config)
    if index is not None:
        search_entries.resolve(index)


@event_priority(-200)
def _split(config: MkDocsConfig) -> None:
    # After i18n (-100) has written the combined index from every language pass.
    if i18n_building(config):
        return
    site = Path(config.site_dir)
    finishing.run_soon(write_language_indexes, site, STATE.extra.get("fallback_urls", set()))
    install_worker(site)
    teach_french_stemmer(site)


def install_worker(site: Path) -> None:
    """Write the hub's search worker next to the theme's, pointing at the theme's file."""
    theme_workers = [path for path in (site / WORKERS).glob("search.*.min.js")]
    if len(theme_workers) != 1:
        raise Abort(f"{WORKERS}: expected one theme search worker, found {len(theme_workers)}")
    source = WORKER_SOURCE.read_text(encoding="utf-8")
    (site / WORKERS / WORKER).write_text(source.replace("__THEME_WORKER__", theme_workers[0].name), encoding="utf-8")


def teach_french_stemmer(site: Path) -> None:
    """Append the accent-folding wrapper to the theme's French stemmer, once."""
    stemmer = site / FRENCH_STEMMER
    if not stemmer.is_file():
        raise Abort(f"{FRENCH_STEMMER}: not found in the built theme; the French search cannot be set up")
    text = stemmer.read_text(encoding="utf-8")
    addition = FRENCH_SEARCH_JS.read_text(encoding="utf-8")
    if addition not in text:
        stemmer.write_text(text.rstrip() + "\n" + addition, encoding="utf-8")


on_post_build = CombinedEvent(_entries_in_place, _split)
