"""What docs/ may hold, by allow-list: pages, images, diagrams, the hub's data and its own assets.

Everything under docs/ is published, so a file there is content from a
stranger's pull request like any page. Only these are accepted:

- Markdown pages (`.md`) under docs/fr/ and docs/en/;
- images (PNG, JPEG, WebP, GIF, checked by their first bytes) and SVG diagrams
  (hooks/hub/svg_check.py) under docs/fr/, docs/en/ and docs/assets/images/;
- the data files docs/glossary.yml, docs/facts.yml, docs/terms.yml and docs/moved.yml;
- the hub's own stylesheets and images at their known paths.

Regular files only: a symbolic link (to /etc/os-release, to /dev/zero, to a
folder that contains itself), a device or a pipe is refused before any engine
walks the folder. The walk never follows links and is bounded in depth and in
number of files. Every refusal names the file.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from hub import svg_check
from hub.languages import LANGUAGES
from hub.problems import Problem

MAX_DEPTH = 12
MAX_FILES = 20_000
MAX_PAGE_BYTES = 512 * 1024
MAX_IMAGE_BYTES = 1024 * 1024
DATA_FILES = ("glossary.yml", "facts.yml", "terms.yml", "moved.yml")
# The hub's own assets: maintainers change them (CODEOWNERS), and nothing else may sit in assets/.
HUB_ASSETS = ("assets/stylesheets/hub.css", "assets/stylesheets/print.css")
IMAGE_FOLDERS = ("assets/images",)
IMAGE_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
}
OTHER_MARKDOWN = (".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext")


@dataclass
class DocsFiles:
    """The accepted files of docs/, by kind, and every refusal."""

    pages: list[Path] = field(default_factory=list)
    images: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def inventory(docs_dir: Path) -> DocsFiles:
    """Walk docs/ without following links; sort every file into pages and images, or refuse it."""
    found = DocsFiles()
    root = docs_dir.parent
    count = 0
    pending: list[tuple[Path, int]] = [(docs_dir, 0)]
    while pending:
        folder, depth = pending.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            found.problems.append(_problem(folder, root, f"cannot be read ({error.strerror})", "check the folder"))
            continue
        for entry in entries:
            count += 1
            if count > MAX_FILES:
                found.problems.append(
                    _problem(docs_dir, root, f"more than {MAX_FILES:,} files", "split the content or remove files")
                )
                return found
            path = Path(entry.path)
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError as error:
                found.problems.append(_problem(path, root, f"cannot be read ({error.strerror})", "remove it"))
                continue
            if entry.name.startswith("."):
                found.problems.append(
                    _problem(
                        path,
                        root,
                        "hidden files are not published from docs/",
                        "remove it (your system may have created it)",
                    )
                )
            elif stat.S_ISLNK(mode):
                found.problems.append(
                    _problem(
                        path,
                        root,
                        "is a symbolic link: files in docs/ must be real files",
                        "replace it with the file itself",
                    )
                )
            elif stat.S_ISDIR(mode):
                if depth + 1 > MAX_DEPTH:
                    found.problems.append(
                        _problem(path, root, f"folders nested more than {MAX_DEPTH} deep", "flatten the folders")
                    )
                else:
                    pending.append((path, depth + 1))
            elif not stat.S_ISREG(mode):
                found.problems.append(
                    _problem(path, root, "is not a regular file (a device, a pipe or a socket)", "remove it")
                )
            else:
                _sort(found, path, path.relative_to(docs_dir), root, entry.stat(follow_symlinks=False).st_size)
    found.pages.sort()
    found.images.sort()
    found.problems.sort()
    return found


def _sort(found: DocsFiles, path: Path, relative: Path, root: Path, size: int) -> None:
    inside = relative.as_posix()
    suffix = path.suffix.lower()
    language = relative.parts[0] if len(relative.parts) > 1 and relative.parts[0] in LANGUAGES else None
    if suffix == ".md":
        if language is None:
            found.problems.append(
                _problem(
                    path, root, "pages live in docs/fr/ or docs/en/", "move the file into the folder of its language"
                )
            )
        elif size > MAX_PAGE_BYTES:
            found.problems.append(
                _problem(
                    path,
                    root,
                    f"{size:,} bytes, at most {MAX_PAGE_BYTES:,} (512 KiB)",
                    "split it into several pages",
                    "page",
                )
            )
        else:
            found.pages.append(path)
    elif suffix in OTHER_MARKDOWN:
        found.problems.append(_problem(path, root, f"{suffix} files are not read as pages", "rename it to .md"))
    elif suffix in IMAGE_SIGNATURES or suffix == ".svg":
        if language is None and not inside.startswith(tuple(f"{folder}/" for folder in IMAGE_FOLDERS)):
            found.problems.append(
                _problem(path, root, "images live beside their page in docs/fr/ or docs/en/", "move it there")
            )
        elif not _image_ok(found, path, root, suffix, size):
            return
        else:
            found.images.append(path)
    elif inside in DATA_FILES or inside in HUB_ASSETS:
        return
    else:
        found.problems.append(_problem(path, root, _refusal(inside, suffix), "ask a maintainer if the site needs it"))


def _image_ok(found: DocsFiles, path: Path, root: Path, suffix: str, size: int) -> bool:
    limit = svg_check.MAX_SVG_BYTES if suffix == ".svg" else MAX_IMAGE_BYTES
    if size > limit:
        found.problems.append(
            _problem(path, root, f"{size:,} bytes, at most {limit:,}", "make the image smaller (readers are on phones)")
        )
        return False
    try:
        data = path.read_bytes()
    except OSError as error:
        found.problems.append(_problem(path, root, f"cannot be read ({error.strerror})", "check the file"))
        return False
    if suffix == ".svg":
        problems = svg_check.check(data)
        found.problems += [_problem(path, root, problem.message, problem.hint) for problem in problems]
        return not problems
    if not data.startswith(IMAGE_SIGNATURES[suffix]) or (suffix == ".webp" and data[8:12] != b"WEBP"):
        found.problems.append(
            _problem(path, root, f"is not a {suffix[1:].upper()} image", "export the image again in that format")
        )
        return False
    return True


def _refusal(inside: str, suffix: str) -> str:
    name = inside.rsplit("/", 1)[-1]
    if name in ("robots.txt", "sitemap.xml", "sitemap.xml.gz", "CNAME", ".htaccess"):
        return f"{name} is not published from docs/ (the build makes the site's own)"
    if inside.startswith("assets/"):
        return "docs/assets/ holds only the hub's own stylesheets and images"
    if suffix in (".html", ".htm", ".xhtml", ".xht", ".js", ".mjs", ".css", ".json", ".xml", ".php", ".wasm"):
        return f"{suffix} files are not published from docs/ (pages are Markdown)"
    return "this kind of file is not published from docs/ (only pages, images and the hub's data files)"


def _problem(path: Path, root: Path, message: str, hint: str, field: str = "file") -> Problem:
    try:
        shown = path.relative_to(root).as_posix()
    except ValueError:
        shown = path.as_posix()
    return Problem(shown, 1, 1, field, message, hint)
