"""Markdown rendered as the site renders it, in bounded time.

The content check judges a page on the HTML a browser will get, so it renders
the page with Python-Markdown and the very extensions the site configures
(`markdown_extensions` of mkdocs.yml, plus the three every MkDocs build adds).
Python-Markdown is superlinear on some hostile inputs (a page of `[` took
minutes here), so every render runs under a watchdog: past the time limit it
stops with `RenderTimeoutError`, which the check reports as a problem of the page.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import markdown
import yaml

# A page's time limit; HUB_RENDER_SECONDS changes it (the tests use a short one).
RENDER_SECONDS = float(os.environ.get("HUB_RENDER_SECONDS") or 10)
# What every MkDocs build adds to the configured extensions.
ENGINE_EXTENSIONS = ("toc", "tables", "fenced_code")


class RenderTimeoutError(Exception):
    """A page took longer than the time limit to render."""


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!ENV` and `!relative` tags need no value here."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


@lru_cache(maxsize=4)
def extensions(config_file: Path) -> tuple[list[Any], dict[str, dict[str, Any]]]:
    """The Markdown extensions and their settings that the site's configuration names."""
    with config_file.open(encoding="utf-8") as handle:
        config = yaml.load(handle, Loader=_TolerantLoader) or {}
    names: list[Any] = list(ENGINE_EXTENSIONS)
    settings: dict[str, dict[str, Any]] = {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, dict):
            for name, options in item.items():
                names.append(name)
                settings[name] = dict(options or {})
        else:
            names.append(item)
    return list(dict.fromkeys(names)), settings


class Renderer:
    """Renders Markdown with the site's extensions; one instance is reused for many pages."""

    def __init__(self, config_file: Path, seconds: float = RENDER_SECONDS) -> None:
        names, settings = extensions(config_file)
        self._markdown = markdown.Markdown(extensions=names, extension_configs=settings)
        self.seconds = seconds

    def render(self, text: str) -> str:
        """The HTML of a Markdown text; raises RenderTimeoutError past the time limit."""
        with watchdog(self.seconds):
            self._markdown.reset()
            return str(self._markdown.convert(text))


@contextlib.contextmanager
def watchdog(seconds: float) -> Iterator[None]:
    """Raise RenderTimeoutError in this thread after `seconds` (main thread of a Unix process only)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or seconds <= 0:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise RenderTimeoutError(f"took more than {seconds:g} s to render")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def start_watchdog(seconds: float, error: Callable[[], BaseException]) -> bool:
    """Raise `error()` in this thread after `seconds`, until stop_watchdog(); False where unsupported.

    For engines that render a page between two calls of the hub (MkDocs: between
    its on_page_markdown and on_page_content events).
    """
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread() or seconds <= 0:
        return False

    def expire(signum: int, frame: object) -> None:
        raise error()

    signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    return True


def stop_watchdog() -> None:
    """Cancel the watchdog of start_watchdog()."""
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)


def config_file_for(docs_dir: Path) -> Path:
    """The site configuration beside a docs folder (mkdocs.yml), or the hub's own for a bare folder."""
    beside = docs_dir.parent / "mkdocs.yml"
    return beside if beside.is_file() else HUB_CONFIG


HUB_CONFIG = Path(__file__).resolve().parents[2] / "mkdocs.yml"
