"""One search index per language, from the index a static-site engine wrote for all languages.

Each language gets its own pages only (fallback copies of the other language
are left out), locations relative to its own root, and the word pipeline and
separators of its language. Search results read like the pages: the entries of
French pages get French spacing when they are made (`typeset`), in the worker
that makes them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hub.french_text import french
from hub.languages import LANGUAGES, language_of_url, language_root

INDEX = Path("search") / "search_index.json"
FULL_INDEX = Path("search") / "search_full.json"

# What lunr runs on each word, per language. English keeps the theme's default
# (prefix search without stemming); French stems, after folding accents.
PIPELINES = {"fr": ["stemmer", "stopWordFilter", "trimmer"], "en": ["stopWordFilter"]}
# Where words split: also at hashtags ("#iamhere" is found by "iamhere") and, in
# French, at elisions ("l'empathie" is found by "empathie").
SEPARATORS = {"fr": r"[\s\-'’#]+", "en": r"[\s\-#]+"}


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
        config = {
            **combined["config"],
            "lang": [language],
            "pipeline": PIPELINES[language],
            "separator": SEPARATORS[language],
        }
        split[language] = {**combined, "config": config, "docs": docs}
    return split


def typeset(entries: list[dict[str, Any]], page_url: str) -> list[dict[str, Any]]:
    """A page's search entries, with French spacing in their titles and texts when the page is French."""
    if language_of_url(page_url) == "fr":
        for entry in entries:
            entry["title"] = french(str(entry.get("title", "")))
            entry["text"] = french(str(entry.get("text", "")))
    return entries


def write_language_indexes(site: Path, fallback_urls: set[str]) -> None:
    """Replace the combined index at search/ by one per language, each behind a stub.

    Each language's full index goes to search_full.json; search_index.json, which
    every page downloads, keeps only the configuration and the full index's
    address, which the hub's search worker fetches on the first search.
    """
    combined = json.loads((site / INDEX).read_text(encoding="utf-8"))
    for language, index in split_index(combined, fallback_urls).items():
        root = site / language_root(language)
        full = root / FULL_INDEX
        full.parent.mkdir(parents=True, exist_ok=True)
        full.write_text(_json(index), encoding="utf-8")
        stub_config = {**index["config"], "hub_full_index": (Path(language_root(language)) / FULL_INDEX).as_posix()}
        (root / INDEX).write_text(_json({"config": stub_config, "docs": []}), encoding="utf-8")


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
