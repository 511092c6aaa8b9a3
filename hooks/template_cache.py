"""Build hook: compile the theme's templates once per process, not once per build.

MkDocs creates a new template environment for every build, and
mkdocs-static-i18n runs one build per language; `mkdocs serve` does it again on
every save. Compiling the theme's templates is then most of a one-page rebuild.
An in-memory bytecode cache, keyed by each template's source, keeps the
compiled code for the whole process: same output, less waiting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jinja2 import BytecodeCache

if TYPE_CHECKING:
    from jinja2 import Environment
    from jinja2.bccache import Bucket
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


class _InMemory(BytecodeCache):
    """Compiled templates kept in memory; Jinja checks each one against its source's checksum."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


CACHE = _InMemory()


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = CACHE
    return env
