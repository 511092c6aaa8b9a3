"""Finishing built pages on another core while MkDocs renders the next ones.

MkDocs renders one page after another on one core. Finishing a page and
judging it (hooks/hub/built_page.py) depends only on its HTML and on the hub's
rules, so on a machine with more than one core hooks/page_safety.py hands each
page to a worker process and lets MkDocs write it unfinished; flush() then
waits for the workers and writes every finished page over its draft, before
anything reads the written pages (the search split, the PDFs, the offline
copies, the last scan each call flush() first; it does nothing the second
time; stop() ends the workers once the build is over). A build that stops before flush() publishes nothing: `make build`
swaps the site in only after the whole build and its scan succeeded.

Pages are finished in place, one after another, when previewing (`make serve`
rebuilds a few pages), on a single core, or with HUB_FINISH_WORKERS=0.
"""

from __future__ import annotations

import multiprocessing
import os
import posixpath
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

from hub import built_html_scan
from hub.built_page import BuiltPage, PageContext, finish
from mkdocs_support.build_state import STATE

T = TypeVar("T")
WORKERS_VARIABLE = "HUB_FINISH_WORKERS"
MAX_IMAGE_BYTES = 2_000_000
_pool: ProcessPoolExecutor | None = None
_pending: list[tuple[Future[BuiltPage], Path]] = []
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
    return not STATE.serving and workers() >= 1


def submit(function: Callable[..., T], *args: object) -> Future[T]:
    """Run a function of the hub's core in a worker process (in_background() must be true)."""
    global _pool
    if _pool is None:
        # fork: the workers start with the hub's modules and rules already loaded.
        methods = multiprocessing.get_all_start_methods()
        start = multiprocessing.get_context("fork") if "fork" in methods else None
        _pool = ProcessPoolExecutor(max_workers=workers(), mp_context=start)
    return _pool.submit(function, *args)


def finish_page(html: str, context: PageContext, site: Path, page_url: str, target: Path) -> str | None:
    """Finish a page now and record it (returns the finished HTML), or in a worker (returns None)."""
    if not in_background():
        return _finish_and_record(html, context, site, page_url, target)
    _pending.append((submit(_finish, html, context, str(site), page_url), target))
    return None


def flush() -> None:
    """Wait for every page handed to a worker, write it finished, and record what was found."""
    try:
        for future, target in _pending:
            built = future.result()
            target.write_text(built.html, encoding="utf-8")
            record(target, built.html, built.findings)
    finally:
        _pending.clear()


def stop() -> None:
    """No more work for the workers in this build (what was submitted is finished or cancelled)."""
    global _pool
    if _pool is not None:
        _pool.shutdown(cancel_futures=True)
        _pool = None


def record(target: Path, html: str, findings: list[str]) -> None:
    """Remember the bytes judged (the scan after the build skips them) and what was refused."""
    site = Path(STATE.extra["site_dir"])
    relative = target.resolve().relative_to(site).as_posix()
    STATE.extra.setdefault("judged", {})[relative] = built_html_scan.digest(html.encode("utf-8"))
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


def _finish_and_record(html: str, context: PageContext, site: Path, page_url: str, target: Path) -> str:
    built = _finish(html, context, str(site), page_url)
    record(target, built.html, built.findings)
    return built.html
