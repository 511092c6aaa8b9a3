"""Build hook: whatever a page or a data file says is HTML-escaped where templates print it.

The hub's templates (overrides/) are autoescaped: a value is printed as text
unless the template marks it safe (only the page's checked HTML is). The
theme's templates are not, so page.meta reaches them already escaped
(hooks/hub/escaping.py, applied by hooks/content_gate.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    custom = config.theme.custom_dir
    names = (
        frozenset(path.relative_to(custom).as_posix() for path in Path(custom).rglob("*.html"))
        if custom
        else frozenset()
    )
    env.autoescape = lambda name: name in names  # type: ignore[assignment]
    return env
