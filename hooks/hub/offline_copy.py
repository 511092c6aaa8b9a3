"""An offline copy of one language of the built site, to unzip anywhere and open from the file system.

For workshops with no network, or a network that blocks unknown sites. The copy
holds that language's pages, the site's assets, that language's PDFs and a
search index loaded as a script, and works when `index.html` is opened by a
double click (a `file://` address, no server):

- every page moves to the copy's root (the English pages leave `en/`), and each
  address is recomputed: links between pages of the copy point at the file
  (`…/index.html`, since no server turns a folder into its page), links to the
  other language point at the live site;
- the theme reads its search index from `search/search_index.js` on file://;
  the index is the language's full index, with file addresses;
- browsers start no Web Worker on file://: the search worker runs in a hidden
  frame of the page (hooks/hub/offline/hub-offline.js), whose scripts are files
  of the copy, so the pages keep their Content Security Policy;
- every page says, in a line at its top, the day the copy was made and where
  the live site is.

The zip is written with fixed dates, so the same content gives the same bytes,
and reused from a cache until its content changes.
"""

from __future__ import annotations

import hashlib
import io
import json
import posixpath
import shutil
import zipfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from hub.languages import DEFAULT_LANGUAGE, LANGUAGES, language_root

SHIM = Path(__file__).parent / "offline"
SHARED = ("assets/",)
# Files of the site that a copy never carries: other copies, source maps, and the
# not-found pages (on file:// a missing page is the browser's own error).
LEFT_OUT = (".zip", ".map")
NOT_FOUND = "404.html"
FIXED_DATE = (2020, 1, 1, 0, 0, 0)


def zip_name(language: str) -> str:
    """The copy's file, at the root of its language, e.g. 'en/hub-en-offline.zip'."""
    return f"{language_root(language)}hub-{language}-offline.zip"


def files(site: Path, language: str, site_url: str, banner: str) -> dict[str, bytes]:
    """Every file of the copy, by its path inside the copy."""
    root = language_root(language)
    others = [language_root(other) for other in LANGUAGES if other != language and language_root(other)]
    copy: dict[str, bytes] = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix in LEFT_OUT or path.name == NOT_FOUND:
            continue
        relative = path.relative_to(site).as_posix()
        if relative.startswith(SHARED):
            copy[relative] = path.read_bytes()
        elif root and relative.startswith(root):
            copy[relative[len(root) :]] = path.read_bytes()
        elif not root and not relative.startswith(tuple(others)):
            copy[relative] = path.read_bytes()
    worker = theme_worker(site)
    for relative in [name for name in copy if name.endswith(".html")]:
        page = _page(copy[relative].decode("utf-8"), relative, language, site_url, banner, worker)
        copy[relative] = page.encode("utf-8")
    copy["search/search_index.js"] = _index(site, language)
    copy.pop("search/search_index.json", None)
    copy.pop("search/search_full.json", None)
    copy["assets/javascripts/hub-offline.js"] = (SHIM / "hub-offline.js").read_bytes()
    return copy


def _site_path(relative: str, language: str) -> str:
    """Where a file of the copy lives in the site."""
    return relative if relative.startswith(SHARED) else language_root(language) + relative


def _page(html: str, relative: str, language: str, site_url: str, banner: str, worker: str) -> str:
    tree = LexborHTMLParser(html)
    here = _site_path(relative, language)
    for node in tree.css("[href], [src]"):
        for attribute in ("href", "src"):
            value = node.attributes.get(attribute)
            if value:
                node.attrs[attribute] = _address(value, here, relative, language, site_url)
    for button in tree.css("p.hub-pdf"):  # the copy does not offer to download itself
        if any((link.attributes.get("href") or "").endswith(".zip") for link in button.css("a")):
            button.decompose()
    config = tree.css_first("script#__config")
    if config is not None:
        _config(tree, config, relative, worker)
    bundle = next((s for s in tree.css("script[src]") if "/bundle." in (s.attributes.get("src") or "")), None)
    if bundle is not None:  # the worker shim, before the theme starts its search worker
        shim = tree.create_node("script")
        shim.attrs["src"] = posixpath.relpath("assets/javascripts/hub-offline.js", posixpath.dirname(relative) or ".")
        bundle.insert_before(shim)
    body = tree.body
    if body is not None:
        note = tree.create_node("p")
        note.attrs["class"] = "hub-offline-note"
        note.attrs["role"] = "note"
        note.insert_child(banner)
        if body.child is not None:
            body.child.insert_before(note)
        else:
            body.insert_child(note)
    return tree.html or ""


def _address(value: str, here: str, relative: str, language: str, site_url: str) -> str:
    """An address of a page of the site, as the copy needs it."""
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or value.startswith("#") or not value.strip():
        return value
    target, path, folder = here, parts.path, posixpath.dirname(here)
    if path.startswith("/"):  # a root-relative address: relative to the site's own root
        root = urlsplit(site_url).path or "/"
        if not path.startswith(root):
            return value
        path, folder = path[len(root) :] or "./", ""
    if path:
        target = posixpath.normpath(posixpath.join(folder, path))
        if path.rstrip("/").rsplit("/", 1)[-1] in (".", "..") or path.endswith("/"):  # a folder: its page
            target = posixpath.normpath(posixpath.join(target, "index.html"))
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    inside = _copy_path(target, language)
    if inside is None:  # another language's page: the live site
        return urljoin(site_url, target.removesuffix("index.html")) + fragment
    return posixpath.relpath(inside, posixpath.dirname(relative) or ".") + fragment


def _copy_path(target: str, language: str) -> str | None:
    """Where a file of the site lives in the copy of `language`, or None if the copy leaves it out."""
    if target.startswith(SHARED):
        return target
    root = language_root(language)
    if root:
        return target[len(root) :] if target.startswith(root) else None
    others = tuple(language_root(other) for other in LANGUAGES if other != DEFAULT_LANGUAGE)
    return None if target.startswith(others) else target


def _config(tree: LexborHTMLParser, node: LexborNode, relative: str, worker: str) -> None:
    """The theme's configuration: the copy's root as base, and the theme's own search worker."""
    try:
        config = json.loads(node.text() or "{}")
    except json.JSONDecodeError:
        return
    up = posixpath.relpath(".", posixpath.dirname(relative) or ".")
    config["base"] = "./" if up == "." else up + "/"
    if "hub-search.js" in str(config.get("search") or ""):
        workers = posixpath.relpath("assets/javascripts/workers", posixpath.dirname(relative) or ".")
        config["search"] = f"{workers}/{worker}"
    replacement = tree.create_node("script")
    replacement.attrs["id"] = "__config"
    replacement.attrs["type"] = "application/json"
    replacement.insert_child(json.dumps(config, ensure_ascii=False))
    node.replace_with(replacement)


def _index(site: Path, language: str) -> bytes:
    """The language's full search index as a script, with file addresses (`…/index.html`)."""
    index = json.loads((site / language_root(language) / "search" / "search_full.json").read_text(encoding="utf-8"))
    for document in index.get("docs", []):
        path, _, fragment = document["location"].partition("#")
        if path == "" or path.endswith("/"):
            path += "index.html"
        document["location"] = path + (f"#{fragment}" if fragment else "")
    return ("var __index = " + json.dumps(index, ensure_ascii=False, separators=(",", ":")) + ";\n").encode("utf-8")


def theme_worker(site: Path) -> str:
    """The theme's search worker's file name (search.<hash>.min.js), for the copies' configuration."""
    found = sorted(path.name for path in (site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    return found[0] if found else "search.min.js"


def fingerprint(copy: dict[str, bytes]) -> str:
    """A hash of the copy's content: the same content gives the same zip."""
    digest = hashlib.sha256()
    for name in sorted(copy):
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(copy[name]).digest())
    return digest.hexdigest()


def write_zip(copy: dict[str, bytes], target: Path, cache: Path) -> bool:
    """Write the copy's zip (fixed dates, sorted names); True when it was made, False when reused."""
    cache.mkdir(parents=True, exist_ok=True)
    cached = cache / f"{fingerprint(copy)}.zip"
    target.parent.mkdir(parents=True, exist_ok=True)
    if cached.is_file():
        shutil.copyfile(cached, target)
        return False
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(copy):
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, copy[name])
    cached.write_bytes(buffer.getvalue())
    shutil.copyfile(cached, target)
    return True
