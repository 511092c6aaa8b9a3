"""The terminology sheet (docs/terms.yml): one preferred term per recurring notion, in each language.

The content check warns, and never fails, when a page's text uses a term the
sheet says to avoid, with the line and the preferred term. Code, links' targets
and front matter keys are not text; words are matched whole and case-insensitively.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from hub import data_file
from hub.languages import LANGUAGES
from hub.problems import Problem, shorten
from hub.word_pattern import whole_words

FILE_NAME = "terms.yml"
_FENCE = ("```", "~~~")
_SPACE = re.compile(r"\s")


@dataclass
class Terms:
    """The avoided terms of each language, and what to write instead."""

    path: str = f"docs/{FILE_NAME}"
    preferred: dict[str, dict[str, str]] = field(default_factory=dict)  # language -> avoided (folded) -> preferred
    patterns: dict[str, re.Pattern[str] | None] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def load(docs_dir: Path) -> Terms:
    """Read and check docs/terms.yml; a missing file avoids nothing."""
    data = data_file.load(docs_dir, FILE_NAME, "terms")
    terms = Terms(data.path, problems=list(data.problems))
    for language in LANGUAGES:
        avoided = {
            word.casefold(): entry[language]["preferred"]
            for entry in data.entries
            for word in entry[language].get("avoid") or ()
        }
        terms.preferred[language] = avoided
        terms.patterns[language] = whole_words(avoided, re.IGNORECASE)
    return terms


def warnings(path: str, language: str, body: str, first_line: int, terms: Terms) -> list[Problem]:
    """One warning per avoided term in a page body, outside fenced code."""
    pattern = terms.patterns.get(language)
    if pattern is None or pattern.search(body) is None:  # most pages: one pass in C, no line loop
        return []
    found, fenced = [], False
    for number, line in enumerate(body.split("\n"), start=first_line):
        if line.lstrip().startswith(_FENCE):
            fenced = not fenced
            continue
        if fenced:
            continue
        line = _without_link_targets(line)  # the text, not the addresses
        for match in pattern.finditer(line):
            preferred = terms.preferred[language][match.group(0).casefold()]
            found.append(
                Problem(
                    path,
                    number,
                    match.start() + 1,
                    "terms",
                    f"{shorten(match.group(0))} is avoided on the hub",
                    f"write {shorten(preferred)}; see docs/{FILE_NAME}",
                )
            )
    return found


def _without_link_targets(line: str) -> str:
    """The line with each Markdown link target `](…)` blanked, same length (one pass: linear)."""
    parts = line.split("](")
    kept = [parts[0]]
    for part in parts[1:]:
        space = _SPACE.search(part)
        ends = [index for index in (part.find(")"), space.start() if space else -1) if index >= 0]
        end = min(ends, default=len(part))
        kept.append("  " + " " * end + part[end:])
    return "".join(kept)
