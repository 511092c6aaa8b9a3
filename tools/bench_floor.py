"""The Markdown floor: Python-Markdown with the site's own extensions on every page of a corpus.

What any MkDocs build of the corpus must pay at least; the benchmark compares
the full build with it. Reads the extensions and their settings from the
corpus's mkdocs.yml, then converts every page of docs/fr/ and docs/en/.

    python tools/bench_floor.py path/to/mkdocs.yml
"""

from __future__ import annotations

import sys
from pathlib import Path

import markdown
from mkdocs.config import load_config


def main(argv: list[str]) -> int:
    config_file = Path(argv[1])
    config = load_config(str(config_file))
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    count = 0
    for path in sorted((config_file.parent / "docs").glob("*/**/*.md")):
        text = path.read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
        converter.reset().convert(body)
        count += 1
    print(f"{count} pages converted")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
