"""A page judged on its rendered HTML, each finding traced back to its source line.

Used by `python -m hub check` (which renders the page itself) and by the build
(which hands over the HTML the engine rendered): both apply the same allow-list
(hooks/hub/html_policy.py) and report `path:line:col` in the Markdown source
(hooks/hub/locate.py).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from hub import html_policy
from hub.locate import PrefixFindings, column
from hub.markdown_render import RenderTimeoutError
from hub.problems import Problem


def render_problem(path: str, line: int, error: BaseException) -> Problem:
    """A page that could not be rendered at all, as a problem of the page."""
    if isinstance(error, RenderTimeoutError):
        return Problem(path, line, 1, "page", str(error), "split the page, or remove long runs of [ ] < > characters")
    if isinstance(error, RecursionError):
        return Problem(path, line, 1, "page", "nested too deeply to be rendered", "flatten the lists and quotes")
    return Problem(path, line, 1, "page", f"cannot be rendered ({type(error).__name__})", "check the Markdown")


def page_problems(path: str, body: str, body_line: int, html: str, render: Callable[[str], str]) -> list[Problem]:
    """Every finding of the page's HTML, at the line of its body (`render` renders a part of the body)."""
    return locate(path, body, body_line, html_policy.fragment_findings(html), render)


def locate(
    path: str, body: str, body_line: int, findings: list[html_policy.Finding], render: Callable[[str], str]
) -> list[Problem]:
    """The findings of a page's HTML as problems at the lines of its body that produce them."""
    if not findings:
        return []
    lines = body.split("\n")

    def analyse(text: str) -> set[Hashable]:
        try:
            return {finding.key for finding in html_policy.fragment_findings(render(text))}
        except (RenderTimeoutError, RecursionError):
            return set()

    prefixes = PrefixFindings(lines, analyse)
    problems = []
    for finding in findings:
        index = prefixes.line_of(finding.key)
        line = lines[index - 1] if 0 < index <= len(lines) else ""
        problems.append(
            Problem(
                path, body_line + index - 1, column(line, finding.needle), finding.field, finding.message, finding.hint
            )
        )
    return sorted(set(problems))
