"""Check every page of docs/fr/ and docs/en/ against the hub's rules, all at once.

Used by the build (hooks/content_gate.py) and on its own:

    python -m hub check [DOCS_DIR]      (or: make check-content)

prints one `path:line:col: field: message (hint)` line per problem, then a count,
and exits 1 when anything must be fixed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hub import contract, facts, glossary, terms, untrusted_content
from hub.front_matter import read_page
from hub.languages import LANGUAGES
from hub.problems import Problem, summary


@dataclass
class SourcePage:
    """A page that passed its own checks: where it lives and what its front matter says."""

    path: str  # as shown to contributors, e.g. docs/fr/packs/getting-started.md
    language: str
    slug: str  # the path inside the language folder, shared with the translation
    meta: dict[str, Any]
    body: str
    body_line: int


@dataclass
class ContentReport:
    """Every page that was read, and every problem, sorted by file and line."""

    pages: dict[tuple[str, str], SourcePage] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    checked: int = 0
    glossary: list[glossary.Entry] = field(default_factory=list)
    facts: facts.Registry = field(default_factory=facts.Registry)
    # Which pages use each fact: key -> {(language, slug)}.
    fact_uses: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    # Advice that never fails the check (avoided terms).
    warnings: list[Problem] = field(default_factory=list)
    # Pages that exist but could not be read or checked: their twins are not blamed for it.
    broken: set[tuple[str, str]] = field(default_factory=set)

    def page(self, language: str, slug: str) -> SourcePage | None:
        return self.pages.get((language, slug))


def check_docs(docs_dir: Path, today: dt.date | None = None) -> ContentReport:
    """Read and check every Markdown page under docs_dir."""
    today = today or dt.date.today()
    root = docs_dir.parent
    report = ContentReport()
    report.facts = facts.load(docs_dir, today)
    report.problems += report.facts.problems
    vocabulary = terms.load(docs_dir)
    report.problems += vocabulary.problems
    for path in sorted(docs_dir.rglob("*.md")):
        shown = path.relative_to(root).as_posix()
        parts = path.relative_to(docs_dir).parts
        report.checked += 1
        if parts[0] not in LANGUAGES or len(parts) < 2:
            report.problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    "location",
                    "pages live in docs/fr/ or docs/en/",
                    "move the file into the folder of its language",
                )
            )
            continue
        language, slug = parts[0], "/".join(parts[1:])
        source = read_page(shown, path.read_bytes())
        report.problems += source.problems
        if source.front_matter is None:
            report.broken.add((language, slug))
            continue
        problems, used = facts.front_matter(shown, source.front_matter, language, report.facts)
        meta, contract_problems = contract.check(shown, language, source.front_matter, today)
        problems += contract_problems
        body_problems, body_used = facts.body_problems(shown, source.body, source.body_line, report.facts)
        problems += body_problems + untrusted_content.check_body(shown, source.body, source.body_line)
        report.problems += problems
        report.warnings += terms.warnings(shown, language, source.body, source.body_line, vocabulary)
        if problems:
            report.broken.add((language, slug))
            continue
        report.pages[(language, slug)] = SourcePage(shown, language, slug, meta, source.body, source.body_line)
        for key in used | body_used:
            report.fact_uses.setdefault(key, set()).add((language, slug))
    report.glossary, glossary_problems = glossary.load(docs_dir)
    report.problems += glossary_problems
    report.problems += _pair_problems(report)
    report.problems.sort()
    report.warnings.sort()
    return report


def _pair_problems(report: ContentReport) -> list[Problem]:
    """Rules that look at a page and its translation together."""
    problems = []
    for (language, slug), page in sorted(report.pages.items()):
        other = "en" if language == "fr" else "fr"
        twin = report.page(other, slug)
        translation = page.meta.get("translation")
        if translation:
            source = translation.get("source")
            if source == language:
                problems.append(
                    Problem(
                        page.path,
                        1,
                        1,
                        "translation.source",
                        f"says the original is in '{source}', the language of this page",
                        "remove the translation block from the original page",
                    )
                )
            elif twin is None and (source, slug) in report.broken:
                pass  # the original exists and has problems of its own, reported on it
            elif twin is None:
                problems.append(
                    Problem(
                        page.path,
                        1,
                        1,
                        "translation.source",
                        f"the original docs/{source}/{slug} does not exist",
                        "check the file name, or remove the translation block if this page is the original",
                    )
                )
        if twin is not None and language == "en":
            mine, theirs = sorted(page.meta.get("tags") or []), sorted(twin.meta.get("tags") or [])
            if mine != theirs:
                problems.append(
                    Problem(
                        page.path,
                        1,
                        1,
                        "tags",
                        f"differ from {twin.path} ({', '.join(theirs) or 'none'} there, "
                        f"{', '.join(mine) or 'none'} here)",
                        "give a page and its translation the same tags",
                    )
                )
    return problems


def check_command(docs_dir: Path) -> int:
    """`python -m hub check`: print every problem, then a count; 1 when anything must be fixed."""
    report = check_docs(docs_dir)
    for warning in report.warnings:
        print(f"{warning} [warning]")
    for problem in report.problems:
        print(problem)
    if report.problems:
        print(summary(report.problems, report.checked))
        return 1
    print(f"{report.checked} pages checked, no problems")
    return 0
