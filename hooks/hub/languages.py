"""The hub's two languages and where each lives in the built site."""

from __future__ import annotations

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
NAMES = {"fr": "Français", "en": "English"}


def language_root(language: str) -> str:
    """URL prefix of a language: '' for French (served at /), 'en/' for English."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def url_of(slug: str) -> str:
    """The address of a page inside its language, from its path: 'packs/x.md' -> 'packs/x/', 'index.md' -> ''."""
    path = slug.removesuffix(".md")
    if path == "index":
        return ""
    return path.removesuffix("/index") + "/"


def relative_url(target: str, base: str) -> str:
    """The shortest link from the page at address `base` to address `target` (both site-relative, like 'a/b/')."""
    folders, parts = base.split("/")[:-1], target.split("/")
    shared = 0
    while shared < min(len(folders), len(parts) - 1) and folders[shared] == parts[shared]:
        shared += 1
    return "../" * (len(folders) - shared) + "/".join(parts[shared:]) or "./"


def page_path_in(url: str) -> str:
    """A built page URL without its language prefix: 'en/packs/x/' -> 'packs/x/'."""
    for language in LANGUAGES:
        root = language_root(language)
        if root and url.startswith(root):
            return url[len(root) :]
    return url


def language_of_url(url: str) -> str:
    """The language a built URL belongs to."""
    for language in LANGUAGES:
        root = language_root(language)
        if root and (url == root.rstrip("/") or url.startswith(root)):
            return language
    return DEFAULT_LANGUAGE
