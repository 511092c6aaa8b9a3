"""What one `mkdocs build` (or one `mkdocs serve` rebuild) knows, shared by the hooks.

mkdocs-static-i18n runs a full build per language, the English one nested inside
the French one. The content check runs once per build, in the French (top-level)
pass, and leaves its report here for the other hooks and the English pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from hub.languages import DEFAULT_LANGUAGE

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from hub.content_check import ContentReport, SourcePage


@dataclass
class BuildState:
    """Content report and run mode of the build in progress."""

    serving: bool = False
    report: ContentReport | None = None
    # Pages published in a language they are not written in: (language, slug) -> original language.
    fallbacks: dict[tuple[str, str], str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def source(self, language: str, slug: str) -> SourcePage | None:
        """The checked page for a language and a slug, following fallbacks to the original."""
        if self.report is None:
            return None
        original = self.fallbacks.get((language, slug), language)
        return self.report.page(original, slug)


STATE = BuildState()


def i18n_building(config: MkDocsConfig) -> bool:
    """True inside the nested per-language build that mkdocs-static-i18n starts."""
    plugin = config.plugins.get("i18n")
    return bool(getattr(plugin, "building", False))


def current_language(config: MkDocsConfig) -> str:
    """The language of the pass being built."""
    plugin = config.plugins.get("i18n")
    return str(getattr(plugin, "current_language", None) or DEFAULT_LANGUAGE)


def split_src_uri(src_uri: str) -> tuple[str, str]:
    """'fr/packs/x.md' -> ('fr', 'packs/x.md')."""
    language, _, slug = src_uri.partition("/")
    return language, slug
