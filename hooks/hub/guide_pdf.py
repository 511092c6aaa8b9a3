"""Printable PDFs of the guides, rendered by WeasyPrint from the built HTML.

Each guide's built page is printed with the site's own print stylesheet
(docs/assets/stylesheets/print.css). The renderer may read only the built
site's own files: no network, no `file://` outside the site, and a page that
tries gets refused. Renders are cached by a hash of everything that shapes
them and run in parallel, each with a time limit.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import re
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

RENDER_SECONDS = 120
FONT_FILES = ("Regular", "It", "Semibold", "Bold", "BoldIt")
# Part of the cache key: bump it when a change here alters the PDFs.
RENDERER_REVISION = "1"
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")
_RESOURCE = re.compile(r'\s(?:src|href)="([^"]+)"', re.IGNORECASE)


@dataclass(frozen=True)
class RenderJob:
    """One PDF to make: the HTML to print, where it lives and where the PDF goes."""

    name: str  # shown in messages, e.g. docs/fr/packs/getting-started.md
    html: str  # the document, with links already made absolute
    base_file: Path  # the HTML file's place in the site, for relative resources
    target: Path
    site: Path
    max_pages: int = 0  # when set, the type shrinks (down to SCALES[-1]) until the PDF fits


# How far a document that must fit on few pages may shrink its type.
SCALES = (1.0, 0.93, 0.86, 0.8, 0.74, 0.68)


@dataclass
class RenderResult:
    """How one PDF went."""

    job: RenderJob
    seconds: float = 0.0
    cached: bool = False
    refused: list[str] = field(default_factory=list)
    error: str = ""


def public_links(html: str, page_url: str, site_url: str) -> str:
    """Make every relative <a href> absolute on the public site: a PDF has no local files to link to."""
    tree = LexborHTMLParser(html)
    if tree.root is not None:
        make_links_public(tree.root, page_url, site_url)
    return tree.html or ""


def make_links_public(root: LexborNode, page_url: str, site_url: str) -> None:
    """Every relative link under `root` made absolute on the public site (fragments stay)."""
    for link in root.css("a[href]"):
        href = link.attributes.get("href") or ""
        if href.startswith("#") or _SCHEME.match(href) or href.startswith("//"):
            continue
        link.attrs["href"] = urljoin(site_url + page_url, href)


def cache_key(job: RenderJob, engine_version: str) -> str:
    """Hash of everything that shapes a PDF: its HTML, every local file it uses, fonts, renderer."""
    digest = hashlib.sha256()
    digest.update(f"{engine_version}/{RENDERER_REVISION}".encode())
    digest.update(job.html.encode("utf-8"))
    for resource in sorted(_local_resources(job)):
        digest.update(resource.relative_to(job.site).as_posix().encode())
        digest.update(resource.read_bytes())
    return digest.hexdigest()


def _local_resources(job: RenderJob) -> set[Path]:
    """Stylesheets, images and fonts of the site that the document can load."""
    found = set()
    for url in _RESOURCE.findall(job.html):
        path = _site_path(urljoin(job.base_file.as_uri(), url), job.site)
        if path is not None and path.is_file() and path.suffix in (".css", ".svg", ".png", ".jpg", ".jpeg", ".webp"):
            found.add(path)
    fonts = job.site / "assets" / "fonts"
    found.update(fonts.glob("*.ttf"))
    return found


def _site_path(url: str, site: Path) -> Path | None:
    """The file inside `site` that a file: URL points to, or None."""
    parts = urlsplit(url)
    if parts.scheme != "file":
        return None
    path = Path(unquote(parts.path)).resolve()
    return path if path.is_relative_to(site) else None


def render_all(jobs: list[RenderJob], cache_dir: Path, workers: int | None = None) -> Iterable[RenderResult]:
    """Render the jobs (cached ones are copied), in parallel; yields each result as it ends."""
    if not jobs:
        return
    import weasyprint  # imported before forking, so workers share it

    cache_dir.mkdir(parents=True, exist_ok=True)
    pending = []
    for job in jobs:
        key = cache_key(job, weasyprint.__version__)
        cached = cache_dir / f"{key}.pdf"
        if cached.is_file():
            job.target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cached, job.target)
            yield RenderResult(job, cached=True)
        else:
            pending.append((job, cached))
    if not pending:
        return
    count = min(len(pending), workers or os.cpu_count() or 1)
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with context.Pool(count) as pool:
        running = [(job, cached, pool.apply_async(render_one, (job,))) for job, cached in pending]
        for job, cached, outcome in running:
            try:
                result: RenderResult = outcome.get(timeout=RENDER_SECONDS)
            except multiprocessing.TimeoutError:
                pool.terminate()
                yield RenderResult(job, error=f"took more than {RENDER_SECONDS} s and was stopped")
                return
            if not result.error and not result.refused:
                shutil.copyfile(job.target, cached)
            yield result


def render_one(job: RenderJob) -> RenderResult:
    """Render one PDF with a fetcher that only reads the site's own files."""
    import weasyprint
    from weasyprint.urls import URLFetcher

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    refused: list[str] = []

    class SiteOnlyFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:") or _site_path(url, job.site) is not None:
                return super().fetch(url, headers)
            refused.append(url)
            raise ValueError(f"{url} is outside the site")

    started = time.monotonic()
    try:
        document = weasyprint.HTML(
            string=job.html,
            base_url=job.base_file.as_uri(),
            url_fetcher=SiteOnlyFetcher(timeout=5, allowed_protocols=("file", "data")),
            media_type="print",
        )
        job.target.parent.mkdir(parents=True, exist_ok=True)
        if job.max_pages:
            rendered = None
            for scale in SCALES:
                shrink = weasyprint.CSS(
                    string=f".md-typeset.hub-card {{ font-size: {10.5 * scale:.2f}pt !important; }}"
                )
                rendered = document.render(stylesheets=[shrink], pdf_tags=True)
                if len(rendered.pages) <= job.max_pages:
                    break
            assert rendered is not None
            if len(rendered.pages) > job.max_pages:
                return RenderResult(job, time.monotonic() - started, error=f"does not fit on {job.max_pages} page(s)")
            rendered.write_pdf(job.target, pdf_tags=True, attachments=[])
        else:
            document.write_pdf(job.target, pdf_tags=True, attachments=[])
    except Exception as error:
        return RenderResult(job, time.monotonic() - started, error=f"{type(error).__name__}: {error}")
    if refused:
        job.target.unlink(missing_ok=True)
    return RenderResult(job, time.monotonic() - started, refused=refused)


def human_size(size: int, language: str) -> str:
    """'182 Ko' / '182 KB'."""
    kilobytes = max(1, round(size / 1024))
    if kilobytes >= 1024:
        megabytes = f"{size / 1024 / 1024:.1f}"
        return f"{megabytes.replace('.', ',')}\u00a0Mo" if language == "fr" else f"{megabytes} MB"
    return f"{kilobytes}\u00a0Ko" if language == "fr" else f"{kilobytes} KB"


def copy_fonts(site: Path) -> None:
    """Ship the print font with the site: PDFs and the browser's Print use the same one."""
    import font_source_sans_pro

    source = Path(font_source_sans_pro.font_directory)
    target = site / "assets" / "fonts"
    target.mkdir(parents=True, exist_ok=True)
    for style in FONT_FILES:
        shutil.copyfile(source / f"SourceSansPro-{style}.ttf", target / f"SourceSansPro-{style}.ttf")
