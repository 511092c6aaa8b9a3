"""Build hook: refuse the build when any page breaks the hub's rules; hide drafts.

Before the engine reads a single file, the whole content check runs once
(hooks/hub/content_check.py: files, front matter, data), so a symbolic link or a
broken page stops the build before MkDocs walks docs/. Each page is then
rendered under a watchdog, and its HTML is judged by the allow-list
(hooks/hub/rendered_check.py), every problem with its source line (on several
cores a worker judges it while the engine renders the next page, and the lines
are looked for only when something is refused); the build stops once every page
has been judged. Pages marked `draft: true` are shown by
`mkdocs serve` and never published. Each page's metadata is the typed front
matter, escaped for the theme's templates (hooks/hub/escaping.py), and each
`[[fact:key]]` becomes the fact in the page's language (hooks/hub/facts.py).
Avoided terms are only advice: on several cores a worker looks for them while
the engine renders, and they are shown at the end of the first language pass.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import Abort
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import InclusionLevel

from hub import escaping, facts, html_policy, rendered_check, report_handoff
from hub.content_check import SourcePage, check_docs, terminology_warnings
from hub.markdown_render import RENDER_SECONDS, Renderer, start_watchdog, stop_watchdog
from hub.problems import Problem, summary
from mkdocs_support import finishing
from mkdocs_support.build_state import STATE, i18n_building, split_src_uri

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger("content")


def on_startup(command: str, dirty: bool) -> None:
    STATE.serving = command == "serve"


def on_pre_build(config: MkDocsConfig) -> None:
    # Before MkDocs lists the files of docs/ (it follows links): the check never does.
    if i18n_building(config):
        return
    docs = Path(config.docs_dir)
    background = finishing.in_background()  # then a worker looks for avoided terms while the engine renders
    report = report_handoff.load(docs) or check_docs(docs, render=False, terminology=not background)
    if report.problems:
        report = check_docs(docs, render=True)  # failing anyway: report every problem at once, HTML included
        for problem in report.problems:
            log.error(str(problem))
        raise Abort(f"Content check failed: {summary(report.problems, report.checked)}.")
    for warning in report.warnings:
        log.info(f"{warning} [warning]")
    if report.terminology is not None:
        pages = [(page.path, page.language, page.body, page.body_line) for page in report.pages.values()]
        STATE.extra["terminology"] = finishing.submit(terminology_warnings, pages, report.terminology)
    STATE.report = report
    STATE.extra.pop("tooltips", None)  # the glossary may have changed
    STATE.extra["content_problems"] = []
    STATE.extra["generated_pages"] = {}  # filled by the event modules that write pages
    STATE.extra["judged_pages"] = set()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in files.documentation_pages():
        page = STATE.report.page(*split_src_uri(file.src_uri)) if STATE.report else None
        if page is not None and page.meta.get("draft"):
            file.inclusion = InclusionLevel.DRAFT
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = STATE.source(*split_src_uri(page.file.src_uri))
    if source is not None:
        page.meta = escaping.for_templates(dict(source.meta))
    if STATE.report is not None and source is not None:
        markdown = facts.apply(markdown, source.language, STATE.report.facts)
    where = f"{source.path}:{source.body_line}" if source is not None else f"docs/{page.file.src_uri}:1"
    # The engine renders the page after this event: a page that takes too long stops the build.
    start_watchdog(RENDER_SECONDS, lambda: Abort(f"{where}:1: page: took more than {RENDER_SECONDS:g} s to render"))
    return markdown


@event_priority(100)  # first: the page's HTML as the engine rendered it
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    stop_watchdog()
    source = STATE.source(*split_src_uri(page.file.src_uri))
    if source is None or STATE.report is None:
        return html
    judged: set[str] = STATE.extra.setdefault("judged_pages", set())
    if source.path in judged:  # a fallback copy is the same text: judge it once
        return html
    judged.add(source.path)
    if finishing.in_background():  # judged by a worker; its lines are found only if something is refused
        future = finishing.submit(html_policy.fragment_findings, html, urgent=True)
        STATE.extra.setdefault("content_pending", []).append((future, source))
        return html
    _report(source, html_policy.fragment_findings(html), config)
    return html


def _report(source: SourcePage, findings: list[html_policy.Finding], config: MkDocsConfig) -> None:
    """Log each finding of a page at its source line, and keep it for the end of the build."""
    if not findings:
        return
    assert STATE.report is not None  # pages are judged only once the content check has run
    registry = STATE.report.facts
    renderer = _renderer(config)

    def render(text: str) -> str:
        return renderer.render(facts.apply(text, source.language, registry))

    problems = rendered_check.locate(source.path, source.body, source.body_line, findings, render)
    for problem in problems:
        log.error(str(problem))
    STATE.extra.setdefault("content_problems", []).extend(problems)


@event_priority(100)  # in every language pass, before the engine counts its warnings
def _judged_pages(config: MkDocsConfig) -> None:
    terminology = STATE.extra.pop("terminology", None)
    for warning in terminology.result() if terminology is not None else []:
        log.info(f"{warning} [warning]")
    pending = STATE.extra.pop("content_pending", [])
    try:
        for future, source in pending:
            _report(source, future.result(), config)
    finally:
        for future, _ in pending:
            future.cancel()


@event_priority(-150)  # after i18n (-100) has built every language
def _refuse(config: MkDocsConfig) -> None:
    if i18n_building(config):
        return
    _judged_pages(config)
    problems: list[Problem] = STATE.extra.get("content_problems", [])
    if problems:
        pages = len({problem.path for problem in problems})
        raise Abort(f"The pages' HTML failed the allow-list: {len(problems)} problem(s) in {pages} page(s).")


on_post_build = CombinedEvent(_judged_pages, _refuse)


def _renderer(config: MkDocsConfig) -> Renderer:
    renderer: Renderer | None = STATE.extra.get("renderer")
    if renderer is None:
        renderer = STATE.extra["renderer"] = Renderer(Path(config.config_file_path))
    return renderer
