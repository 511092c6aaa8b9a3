"""Where each translation stands, decided by content, not by dates.

A translated copy carries `translation: {source: fr|en, source_hash: …}`: the
hash of the original's body when the translator last brought the copy up to
date. The hash ignores the front matter and how the text is wrapped, so only a
real change to the original's words makes its translation outdated.

Command line (`make translations`, `make translated PAGE=…`):

    python -m hub translations status [DOCS_DIR]
    python -m hub translations record PAGE [DOCS_DIR]
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from hub.content_check import ContentReport, SourcePage, check_docs
from hub.front_matter import read_page
from hub.languages import DEFAULT_LANGUAGE, LANGUAGES

HASH_CHARS = 16
ORIGINAL, UP_TO_DATE, OUTDATED, MISSING = "original", "up-to-date", "outdated", "missing"


@lru_cache(maxsize=4096)
@lru_cache(maxsize=8192)  # asked for every page, in both languages, by the notices and the status pages
def body_hash(body: str) -> str:
    """Hash of a page body with whitespace normalised (a re-wrap is not a change)."""
    normalised = " ".join(body.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:HASH_CHARS]


@dataclass(frozen=True)
class TranslationStatus:
    """One page slug: its original language and the state of each language's version."""

    slug: str
    original: str
    states: dict[str, str]
    pages: dict[str, SourcePage]

    @property
    def outdated(self) -> list[str]:
        return [language for language, state in self.states.items() if state == OUTDATED]

    @property
    def missing(self) -> list[str]:
        return [language for language, state in self.states.items() if state == MISSING]


def statuses(report: ContentReport) -> list[TranslationStatus]:
    """The translation state of every page slug, in slug order."""
    slugs = sorted({slug for _, slug in report.pages})
    return [status_of(report, slug) for slug in slugs]


def status_of(report: ContentReport, slug: str) -> TranslationStatus:
    """The translation state of one page slug."""
    pages = {language: page for language in LANGUAGES if (page := report.page(language, slug)) is not None}
    original = _original_language(pages)
    states = {}
    for language in LANGUAGES:
        page = pages.get(language)
        if page is None:
            states[language] = MISSING
            continue
        translation = page.meta.get("translation")
        source = pages.get(translation["source"]) if translation else None
        if not translation or source is None:
            states[language] = ORIGINAL
        else:
            current = body_hash(source.body)
            states[language] = UP_TO_DATE if translation["source_hash"] == current else OUTDATED
    return TranslationStatus(slug, original, states, pages)


def _original_language(pages: dict[str, SourcePage]) -> str:
    for language, page in pages.items():
        if not page.meta.get("translation"):
            return language
    if not pages:
        return DEFAULT_LANGUAGE
    translation = next(iter(pages.values())).meta["translation"]
    return str(translation["source"])


_HASH_VALUE = re.compile(r"(\bsource_hash:\s*[\"']?)[0-9a-fA-F]*")


def record(path: Path, new_hash: str) -> bool:
    """Write `new_hash` on the `source_hash:` line of a page, touching no other byte."""
    data = path.read_bytes()
    newline = b"\r\n" if b"\r\n" in data else b"\n"
    lines = data.split(newline)
    page = read_page(str(path), data)
    end = page.front_matter_end_line or len(lines)
    for index in range(1, end - 1):
        text = lines[index].decode("utf-8")
        if _HASH_VALUE.search(text):
            lines[index] = _HASH_VALUE.sub(lambda m: m.group(1) + new_hash, text, count=1).encode("utf-8")
            path.write_bytes(newline.join(lines))
            return True
    return False


def status_command(docs_dir: Path) -> int:
    report = check_docs(docs_dir, render=False)
    counts: dict[str, int] = {}
    for status in statuses(report):
        cells = "  ".join(f"{language}: {status.states[language]:<10}" for language in LANGUAGES)
        print(f"{status.slug:<55} {cells}")
        for state in status.states.values():
            counts[state] = counts.get(state, 0) + 1
    print(", ".join(f"{count} {state}" for state, count in sorted(counts.items())))
    if report.problems:
        print(f"(some pages were skipped: run make check-content to see {len(report.problems)} problems)")
    return 0


def record_command(page_arg: str, docs_dir: Path) -> int:
    slug = page_arg.removesuffix(".md") + ".md"
    for language in LANGUAGES:
        slug = slug.removeprefix(f"docs/{language}/").removeprefix(f"{language}/")
    report = check_docs(docs_dir, render=False)
    status = status_of(report, slug)
    translated = [
        language
        for language in LANGUAGES
        if language in status.pages and status.pages[language].meta.get("translation")
    ]
    if not status.pages:
        print(f"{slug}: no such page in {docs_dir}/fr/ or {docs_dir}/en/", file=sys.stderr)
        return 1
    if not translated:
        print(f"{slug}: no translated copy (no page has a 'translation:' block)", file=sys.stderr)
        return 1
    for language in translated:
        page = status.pages[language]
        source = status.pages.get(page.meta["translation"]["source"])
        if source is None:
            print(f"{page.path}: the original does not exist", file=sys.stderr)
            return 1
        if not record(docs_dir / language / slug, body_hash(source.body)):
            print(f"{page.path}: no 'source_hash:' line under 'translation:'", file=sys.stderr)
            return 1
        print(f"{page.path}: recorded as up to date with {source.path}")
    return 0
