"""Check every page of docs/fr/ and docs/en/ against the hub's rules, all at once.

Used by the build (hooks/content_gate.py) and on its own:

    python -m hub check [DOCS_DIR]      (or: make check-content)

prints one `path:line:col: field: message (hint)` line per problem, then a count,
and exits 1 when anything must be fixed.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hub import contract, docs_files, facts, glossary, moved, rendered_check, terms, text_rules
from hub.front_matter import read_page
from hub.markdown_render import Renderer, config_file_for
from hub.problems import Problem, shorten, summary
from hub.strict_yaml import Node


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
    # Old addresses that keep a page leading to the new one (docs/moved.yml).
    moves: list[moved.Move] = field(default_factory=list)
    # The terminology sheet, when the warnings are still to be found (check_docs(terminology=False)).
    terminology: terms.Terms | None = None

    def page(self, language: str, slug: str) -> SourcePage | None:
        return self.pages.get((language, slug))


def check_docs(
    docs_dir: Path, today: dt.date | None = None, render: bool = True, terminology: bool = True
) -> ContentReport:
    """Read and check every file under docs_dir: pages, images, data files.

    With `render`, each page is also rendered and judged on its HTML; the build
    passes False because the engine renders the pages and the build judges that
    HTML itself (hooks/content_gate.py). Without `terminology`, the avoided
    terms (warnings, never failures) are left to terminology_warnings(), which
    the build runs on another core while the engine renders.
    """
    today = today or dt.date.today()
    report = ContentReport()
    files = docs_files.inventory(docs_dir)
    report.problems += files.problems
    report.facts = facts.load(docs_dir, today)
    report.problems += report.facts.problems
    vocabulary = terms.load(docs_dir)
    report.problems += vocabulary.problems
    renderer = Renderer(config_file_for(docs_dir)) if render else None
    job = _Job(docs_dir, today, report.facts, vocabulary if terminology else None, renderer)
    report.terminology = None if terminology else vocabulary
    for result in _check_pages(files.pages, job):
        report.checked += 1
        report.problems += result.problems
        report.warnings += result.warnings
        key = (result.language, result.slug)
        if result.page is None:
            report.broken.add(key)
            continue
        report.pages[key] = result.page
        for fact in result.used:
            report.fact_uses.setdefault(fact, set()).add(key)
    report.glossary, glossary_problems = glossary.load(docs_dir)
    report.problems += glossary_problems
    report.moves, moved_problems = moved.load(docs_dir, {key: page.body for key, page in report.pages.items()})
    report.problems += moved_problems
    report.problems += _pair_problems(report)
    report.problems.sort()
    report.warnings.sort()
    return report


@dataclass
class _Job:
    """What checking one page needs besides the page: the same for every page of a run."""

    docs_dir: Path
    today: dt.date
    registry: facts.Registry
    vocabulary: terms.Terms | None  # None: the terminology is checked later
    renderer: Renderer | None


@dataclass
class _PageResult:
    language: str
    slug: str
    problems: list[Problem]
    warnings: list[Problem]
    page: SourcePage | None  # None when the page could not be read or has problems
    used: set[str] = field(default_factory=set)  # the facts it uses


def _check_page(path: Path, job: _Job) -> _PageResult:
    """Every rule of one page, on its own: pages do not depend on each other until the pairs are checked."""
    shown = path.relative_to(job.docs_dir.parent).as_posix()
    parts = path.relative_to(job.docs_dir).parts
    language, slug = parts[0], "/".join(parts[1:])
    try:
        data = path.read_bytes()
    except OSError as error:
        problem = Problem(shown, 1, 1, "file", f"cannot be read ({error.strerror})", "check the file")
        return _PageResult(language, slug, [problem], [], None)
    source = read_page(shown, data)
    if source.front_matter is None:
        return _PageResult(language, slug, source.problems, [], None)
    problems = text_rules.field_problems(shown, source.front_matter)
    fact_problems, used = facts.front_matter(shown, source.front_matter, language, job.registry)
    meta, contract_problems = contract.check(shown, language, source.front_matter, job.today)
    problems += fact_problems + contract_problems
    if not contract_problems and not meta.get("draft"):
        problems += _placeholder_sources(shown, source.front_matter)
    body_problems, body_used = facts.body_problems(shown, source.body, source.body_line, job.registry)
    problems += body_problems + text_rules.source_problems(shown, source.body, source.body_line)
    if job.renderer is not None and not problems:
        problems += _rendered(shown, source.body, source.body_line, language, job.registry, job.renderer)
    vocabulary = job.vocabulary
    warnings = terms.warnings(shown, language, source.body, source.body_line, vocabulary) if vocabulary else []
    if problems:
        return _PageResult(language, slug, source.problems + problems, warnings, None)
    page = SourcePage(shown, language, slug, meta, source.body, source.body_line)
    return _PageResult(language, slug, source.problems, warnings, page, used | body_used)


def terminology_warnings(pages: list[tuple[str, str, str, int]], vocabulary: terms.Terms) -> list[Problem]:
    """The avoided terms in pages already checked, given as (path, language, body, first body line)."""
    found = [
        warning
        for path, language, body, first_line in pages
        for warning in terms.warnings(path, language, body, first_line, vocabulary)
    ]
    return sorted(found)


# Below this many pages, starting worker processes costs more than it saves.
PARALLEL_FROM = 400
_JOB: _Job | None = None  # set before the workers are forked: they inherit it instead of receiving it


def _check_pages(paths: list[Path], job: _Job) -> list[_PageResult]:
    """Every page's result, in the order of `paths`; on several cores, shared out among worker processes."""
    global _JOB
    cores = _cores()
    if len(paths) < PARALLEL_FROM or cores < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [_check_page(path, job) for path in paths]
    size = -(-len(paths) // cores)
    chunks = [paths[start : start + size] for start in range(0, len(paths), size)]
    _JOB = job
    try:
        with ProcessPoolExecutor(max_workers=cores, mp_context=multiprocessing.get_context("fork")) as pool:
            return [result for chunk in pool.map(_check_chunk, chunks) for result in chunk]
    except (BrokenProcessPool, OSError):  # no process could be started: the same work, in this process
        return [_check_page(path, job) for path in paths]
    finally:
        _JOB = None


def _cores() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def _check_chunk(paths: list[Path]) -> list[_PageResult]:
    assert _JOB is not None
    return [_check_page(path, _JOB) for path in paths]


# What a scaffold or a hurried writer leaves instead of a real title or address.
PLACEHOLDERS = ("à compléter", "to be written", "non relevé", "not recorded", "titre inconnu", "unknown title")
PLACEHOLDER_URLS = ("https://example.org/to-replace", "https://example.org/a-remplacer")


def _placeholder(text: str) -> bool:
    """A value that stands for a title instead of being one ("À compléter…", "title not recorded").

    A descriptive title that says its headline was not found ("Franceinfo article on … (headline not
    recorded)") is honest and stays: only a value that is nothing but the placeholder is refused.
    """
    folded = text.casefold().strip(" ()[].:-")
    return text in PLACEHOLDER_URLS or any(folded.startswith(mark) or folded == mark for mark in PLACEHOLDERS)


def _placeholder_sources(path: str, root: Node) -> list[Problem]:
    """A published page cites real works: no placeholder title, publisher or address in its sources."""
    fields = root.value if isinstance(root.value, dict) else {}
    sources = fields.get("sources")
    problems = []
    for index, entry in enumerate(sources.value if sources and isinstance(sources.value, list) else [], start=1):
        if not isinstance(entry.value, dict):
            continue
        for name in ("title", "publisher", "url"):
            node = entry.value.get(name)
            text = node.value if node is not None and isinstance(node.value, str) else ""
            if _placeholder(text):
                problems.append(
                    Problem(
                        path,
                        node.line if node else entry.line,
                        node.col if node else entry.col,
                        f"sources[{index}].{name}",
                        f"{shorten(text)} is a placeholder",
                        "write the work's real title, publisher and address (or keep the page a draft)",
                    )
                )
    return problems


def _rendered(
    path: str, body: str, body_line: int, language: str, registry: facts.Registry, renderer: Renderer
) -> list[Problem]:
    """The page rendered as the site renders it, judged on its HTML."""

    def render(text: str) -> str:
        return renderer.render(facts.apply(text, language, registry))

    try:
        html = render(body)
    except Exception as error:  # Python-Markdown and its extensions may fail on any input
        return [rendered_check.render_problem(path, body_line, error)]
    return rendered_check.page_problems(path, body, body_line, html, render)


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
            elif twin is not None and (twin.meta.get("translation") or {}).get("source") == language:
                if language == "en":  # the pair is reported once, on the English page
                    problems.append(
                        Problem(
                            page.path,
                            1,
                            1,
                            "translation.source",
                            f"{twin.path} says it is a translation too: one of the two must be the original",
                            "remove the translation block from the page written first",
                        )
                    )
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
