"""Build hook: one search index per language, French search with stemming and no accents.

mkdocs-static-i18n writes a single index with both languages at search/; a
French reader then gets English results. After every language is built, the
index is split into search/ (French) and en/search/ (English), each page's
theme config points at its own language's index (overrides/main.html), pages
that are only a fallback copy of the other language are left out, and the
theme's French stemmer learns to ignore accents (hooks/french_search.js).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from build_state import STATE, i18n_building
from languages import LANGUAGES, language_of_url, language_root

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

INDEX = Path("search") / "search_index.json"
FRENCH_STEMMER = Path("assets") / "javascripts" / "lunr" / "min" / "lunr.fr.min.js"
FRENCH_SEARCH_JS = Path(__file__).with_name("french_search.js")
# What lunr runs on each word, per language. English keeps the theme's default
# (prefix search without stemming); French stems, after folding accents.
PIPELINES = {"fr": ["stemmer", "stopWordFilter", "trimmer"], "en": ["stopWordFilter"]}


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    # After i18n (-100) has written the combined index from every language pass.
    if i18n_building(config):
        return
    site = Path(config.site_dir)
    combined = json.loads((site / INDEX).read_text(encoding="utf-8"))
    for language, index in split_index(combined, STATE.extra.get("fallback_urls", set())).items():
        target = site / language_root(language) / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    teach_french_stemmer(site)


def split_index(combined: dict[str, Any], fallback_urls: set[str]) -> dict[str, dict[str, Any]]:
    """The combined index as one index per language, locations relative to each language's root."""
    split = {}
    for language in LANGUAGES:
        root = language_root(language)
        docs = []
        for doc in combined["docs"]:
            location = doc["location"]
            if language_of_url(location) != language or location.split("#")[0] in fallback_urls:
                continue
            docs.append({**doc, "location": location[len(root) :]})
        config = {**combined["config"], "lang": [language], "pipeline": PIPELINES[language]}
        split[language] = {**combined, "config": config, "docs": docs}
    return split


def teach_french_stemmer(site: Path) -> None:
    """Append the accent-folding wrapper to the theme's French stemmer, once."""
    stemmer = site / FRENCH_STEMMER
    if not stemmer.is_file():
        raise Abort(f"{FRENCH_STEMMER}: not found in the built theme; the French search cannot be set up")
    text = stemmer.read_text(encoding="utf-8")
    addition = FRENCH_SEARCH_JS.read_text(encoding="utf-8")
    if addition not in text:
        stemmer.write_text(text.rstrip() + "\n" + addition, encoding="utf-8")
