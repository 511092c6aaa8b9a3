"""Finishing built pages on another core while MkDocs renders the next ones.

MkDocs renders one page after another on one core. Finishing a page and
judging it (hooks/hub/built_page.py) depends only on its HTML and on the hub's
rules, so on a machine with more than one core hooks/page_safety.py hands each
page to a worker process, which writes the finished page itself; MkDocs is
told to write nothing for it (its "Page skipped" notice for those pages is
held back). flush() waits for the workers and records what they found, before
anything reads the written pages (the search split, the PDFs, the offline
copies, the last scan each call flush() first; it does nothing the second
time; stop() ends the workers once the build is over). A build that stops
before flush() publishes nothing: `make build` swaps the site in only after the
whole build and its scan succeeded.

Pages are finished in place, one after another, when previewing (`make serve`
rebuilds a few pages), on a single core, or with HUB_FINISH_WORKERS=0.
"""

from __future__ import annotations

import logging
import os
import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from hub import built_html_scan
from hub.built_page import BuiltPage, PageContext, finish
from mkdocs_support.build_state import STATE
from mkdocs_support.worker_pipes import Pool, Result

T = TypeVar("T")
WORKERS_VARIABLE = "HUB_FINISH_WORKERS"
MAX_IMAGE_BYTES = 2_000_000
_pool: Pool | None = None
_pending: list[tuple[Result[tuple[str, list[str]]], str]] = []
_soon: list[Result[object]] = []
# Site path of an image -> its bytes, per process (the logo is on every page).
_images: dict[str, bytes | None] = {}


def workers() -> int:
    """How many worker processes finish pages: the cores this process may use, but one, or the variable."""
    wanted = os.environ.get(WORKERS_VARIABLE, "")
    if wanted.isdigit():
        return int(wanted)
    return min(len(os.sched_getaffinity(0)) - 1, 4)


def in_background() -> bool:
    """Whether pages are finished and judged by worker processes in this build."""
    return not STATE.serving and (_pool is not None or workers() >= 1)


def submit(function: Callable[..., T], *args: object, urgent: bool = False) -> Result[T]:
    """Run a function of the hub's core in a worker process (in_background() must be true).

    Urgent work (needed at the end of each language) runs before the pages waiting to be finished.
    """
    global _pool
    if _pool is None:
        _pool = Pool(workers())
    return _pool.submit(function, *args, urgent=urgent)


def finish_page(html: str, context: PageContext, site: Path, page_url: str, target: Path) -> str | None:
    """Finish a page now and record it (returns the finished HTML), or in a worker that writes it (returns None)."""
    relative = _site_path(target, site)
    if not in_background():
        built = _finish(html, context, str(site), page_url)
        _remember(relative, built_html_scan.digest(_written(built.html)), built.findings)
        return built.html
    _pending.append((submit(_finish_and_write, html, context, str(site), page_url, str(target)), relative))
    return None


def run_soon(function: Callable[..., object], *args: object) -> None:
    """Run a function of the hub's core in a worker while the build goes on (here and now without
    workers); settle() waits for it before the build ends."""
    if in_background():
        _soon.append(submit(function, *args, urgent=True))
    else:
        function(*args)


def settle() -> None:
    """Wait for the work given to run_soon(); a failure there is raised here."""
    try:
        for result in _soon:
            result.result()
    finally:
        _soon.clear()


def flush() -> None:
    """Wait for every page handed to a worker (each written finished by then), and record what was found."""
    try:
        for future, relative in _pending:
            fingerprint, findings = future.result()
            _remember(relative, fingerprint, findings)
    finally:
        _pending.clear()


class HeldBack(logging.Filter):
    """Holds back the engine's "Page skipped" notice for the pages a worker writes."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Page skipped: '") and message.split("'")[1] in self.pages)


def stop() -> None:
    """No more work for the workers in this build (what was submitted is finished or cancelled)."""
    global _pool
    _pending.clear()  # after a failed build, nothing of it is waited for in the next one
    _soon.clear()
    if _pool is not None:
        _pool.shutdown()
        _pool = None


def _site_path(target: Path, site: Path) -> str:
    """The page's path in the site, as the last scan names it (without resolving every page's path)."""
    if target.is_relative_to(site):
        return target.relative_to(site).as_posix()
    return target.resolve().relative_to(Path(STATE.extra["site_dir"])).as_posix()


def _remember(relative: str, fingerprint: str, findings: list[str]) -> None:
    """Remember the bytes judged (the scan after the build skips them) and what was refused."""
    STATE.extra.setdefault("judged", {})[relative] = fingerprint
    STATE.extra.setdefault("unsafe", []).extend(f"site/{relative}: {finding}" for finding in findings)


def image_reader(site: Path, page_url: str) -> Callable[[str], bytes | None]:
    """Read an image of the built site from a page's src (the engine copies the files before the pages)."""
    root = site.resolve()

    def read(src: str) -> bytes | None:
        if "://" in src or src.startswith(("//", "data:")):
            return None
        address = posixpath.normpath(posixpath.join(page_url, src.split("?")[0].split("#")[0]))
        if address not in _images:
            target = (root / address).resolve()
            too_big = not target.is_file() or target.stat().st_size > MAX_IMAGE_BYTES
            _images[address] = None if not target.is_relative_to(root) or too_big else target.read_bytes()
        return _images[address]

    return read


def forget_images() -> None:
    """A new build: the site's images may have changed."""
    _images.clear()


def _finish(html: str, context: PageContext, site: str, page_url: str) -> BuiltPage:
    """In a worker process: finish and judge one page."""
    context.read_image = image_reader(Path(site), page_url)
    return finish(html, context)


def _finish_and_write(html: str, context: PageContext, site: str, page_url: str, target: str) -> tuple[str, list[str]]:
    """In a worker process: finish, judge and write one page; what the build must remember of it."""
    built = _finish(html, context, site, page_url)
    data = _written(built.html)
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return built_html_scan.digest(data), built.findings


def _written(html: str) -> bytes:
    """The bytes MkDocs writes for a page: unencodable characters as references (lone surrogates, for one)."""
    return html.encode("utf-8", errors="xmlcharrefreplace")
