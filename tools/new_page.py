"""Start a new page in both languages: `make new TYPE=information-pack SLUG=packs/my-guide`.

Writes docs/fr/SLUG.md and docs/en/SLUG.md with a front matter that meets the
contract (hooks/hub/schemas/front_matter.schema.json), the sections expected for the type
(tools/page_templates.yml), `draft: true`, and adds the page to the navigation
of mkdocs.yml. Refuses an existing slug, an unknown type or a slug that would
break a URL.

    python tools/new_page.py TYPE SLUG
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from hub import contract  # noqa: E402 (the hooks folder is not a package)
from hub.languages import LANGUAGES  # noqa: E402
from hub.translations import body_hash  # noqa: E402

TEMPLATES = Path(__file__).with_name("page_templates.yml")
NOT_SCAFFOLDED = ("home", "status")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*){0,2}$")


class RefusedError(Exception):
    """A request `make new` cannot carry out; the message says why and what to do."""


def new_page(root: Path, page_type: str, slug: str, today: dt.date | None = None) -> list[Path]:
    """Create the page in both languages and list it in the navigation; return the files written."""
    slug = _check(root, page_type, slug)
    texts = yaml.safe_load(TEMPLATES.read_text(encoding="utf-8"))
    today = today or dt.date.today()
    written = []
    french_body = _body(page_type, texts["fr"])
    for language in LANGUAGES:
        body = french_body if language == "fr" else _body(page_type, texts[language])
        translation = {"source": "fr", "source_hash": body_hash(french_body)} if language != "fr" else None
        target = root / "docs" / language / f"{slug}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_front_matter(page_type, texts[language], today, translation) + body, encoding="utf-8")
        written.append(target)
    _add_to_nav(root / "mkdocs.yml", f"{slug}.md")
    return written


def scaffolded_types() -> list[str]:
    """Every page type of the schema that `make new` can start."""
    return [t for t in contract.schema()["properties"]["type"]["enum"] if t not in NOT_SCAFFOLDED]


def _check(root: Path, page_type: str, slug: str) -> str:
    types = scaffolded_types()
    if page_type not in types:
        raise RefusedError(f"TYPE={page_type or '(empty)'}: unknown page type (use one of: {', '.join(types)})")
    slug = slug.strip().removesuffix(".md").strip("/")
    if not _SLUG.match(slug):
        raise RefusedError(
            f"SLUG={slug or '(empty)'}: use lowercase English words, digits and hyphens, at most three levels "
            "separated by /, e.g. SLUG=packs/my-guide (no spaces, accents, capitals, dots or other characters)"
        )
    for language in LANGUAGES:
        existing = root / "docs" / language / f"{slug}.md"
        if existing.exists():
            raise RefusedError(f"docs/{language}/{slug}.md already exists (choose another SLUG, or edit that page)")
    return slug


def _front_matter(page_type: str, text: dict[str, Any], today: dt.date, translation: dict[str, str] | None) -> str:
    fields: dict[str, Any] = {
        "title": text["title"],
        "description": text["description"],
        "type": page_type,
        "updated": today.isoformat(),
        "draft": True,
    }
    required = contract.requirements(page_type)
    if "audience" in required:
        fields["audience"] = ["activists"]
    if "key_points" in required:
        fields["key_points"] = [f"{text['point']} ({number})" for number in (1, 2, 3)]
    if "duration_hours" in required:
        fields["duration_hours"] = 14
        fields["participants"] = {"min": 10, "max": 30}
        fields["roles"] = [text["role"]]
    if "hate_forms" in required:
        fields["hate_forms"] = ["any"]
        fields["settings"] = ["comment-thread"]
        fields["goals"] = ["inform-onlookers"]
    if "organisations" in required:
        fields["organisations"] = [text["organisation"]]
        fields["year"] = today.year
        fields["country"] = text["country"]
    if "sources" in required:
        fields["sources"] = [
            {
                "title": text["source_title"],
                "url": "https://example.org/to-replace",
                "publisher": text["source_publisher"],
                "year": today.year,
            }
        ]
    if translation:
        fields["translation"] = translation
    lines = ["---"]
    for name, value in fields.items():
        lines.append(f"{name}: {_yaml(value)}" if not isinstance(value, list | dict) or not value else f"{name}:")
        if isinstance(value, list):
            lines += [f"  - {_yaml(item)}" if not isinstance(item, dict) else _mapping_item(item) for item in value]
        elif isinstance(value, dict):
            lines += [f"  {key}: {_yaml(item)}" for key, item in value.items()]
    return "\n".join(lines) + "\n---\n\n"


def _mapping_item(item: dict[str, Any]) -> str:
    rows = [f"{key}: {_yaml(value)}" for key, value in item.items()]
    return "  - " + "\n    ".join(rows)


def _yaml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)) or re.fullmatch(r"[a-z][a-z0-9-]*", str(value)):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _body(page_type: str, text: dict[str, Any]) -> str:
    parts = []
    for heading in text["sections"][page_type]:
        if heading == "Sources":
            parts.append(f"## Sources\n\n{text['sources_hint']}\n")
        elif heading in ("Liste de vérification", "Checklist"):
            parts.append(f"## {heading}\n\n{text['checklist']}\n")
        elif heading in ("Réponses modèles", "Model replies"):
            parts.append(f"## {heading}\n\n{text['reply']}\n")
        elif heading in ("Votre sécurité", "Your safety"):
            parts.append(f"{text['safety']}\n")
        elif heading in ("À remplir", "To fill in"):
            parts.append(f"{text['write']}\n")
        else:
            parts.append(f"## {heading}\n\n{text['hint']}\n")
    return "\n".join(parts)


def _add_to_nav(config: Path, page: str) -> None:
    """Insert the page after the last navigation entry of its folder (mkdocs.yml is edited as text)."""
    lines = config.read_text(encoding="utf-8").split("\n")
    folder = page.rsplit("/", 1)[0] + "/" if "/" in page else ""
    entry = re.compile(r"^(\s+)- (?:[^:\n]+: )?(" + re.escape(folder) + r"[\w/-]+\.md)$")
    matches = [(index, m) for index, line in enumerate(lines) if (m := entry.match(line))]
    if not folder or not matches:
        print(f"Add the page to the navigation of mkdocs.yml:  - {page}")
        return
    index, match = matches[-1]
    lines.insert(index + 1, f"{match.group(1)}- {page}")
    config.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: make new TYPE=information-pack SLUG=packs/my-guide", file=sys.stderr)
        return 2
    try:
        written = new_page(ROOT, argv[1], argv[2])
    except RefusedError as refusal:
        print(refusal, file=sys.stderr)
        return 1
    for path in written:
        print(f"Created {path.relative_to(ROOT)} (draft: shown by make serve, never published by make build)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
