"""The content report handed from a check run before the engine to the engine's own hooks.

`make build` checks docs/ before any engine runs (so a build without the hub's
hooks, or with another engine, is still refused), then starts the engine,
whose hooks need the same report. Instead of checking twice, the report is
saved to a private temporary file with a fingerprint of docs/ (every file's
path, size and modification time); the hooks use it only if docs/ still has
that fingerprint, and check again otherwise. The file is written and read by
the hub itself, never by content.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from hub.content_check import ContentReport

VARIABLE = "HUB_CONTENT_REPORT"


def fingerprint(docs_dir: Path) -> str:
    """A hash of every file's path, size and modification time under docs_dir (links not followed)."""
    digest = hashlib.sha256()
    for folder, subfolders, files in os.walk(docs_dir, followlinks=False):
        subfolders.sort()
        for name in sorted(files):
            path = Path(folder) / name
            try:
                info = path.lstat()
            except OSError:
                continue
            digest.update(f"{path.relative_to(docs_dir).as_posix()}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def save(report: ContentReport, docs_dir: Path, path: Path) -> None:
    """Write the report for the engine's hooks."""
    with path.open("wb") as handle:
        pickle.dump((fingerprint(docs_dir), report), handle)


def load(docs_dir: Path) -> ContentReport | None:
    """The report handed over by `make build`, if any and if docs/ has not changed since."""
    location = os.environ.get(VARIABLE)
    if not location or not Path(location).is_file():
        return None
    with Path(location).open("rb") as handle:
        saved_fingerprint, report = pickle.load(handle)
    if saved_fingerprint != fingerprint(docs_dir) or not isinstance(report, ContentReport):
        return None
    return report
