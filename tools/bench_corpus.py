"""A synthetic hub for the benchmark: N realistic pages per language, with the real configuration.

Pages of about 800 words with valid front matter, five sections, lists, links
to other pages, an admonition and a table, in French and in English (the
English pages as tracked translations), grouped in navigation sections of 50
pages, with the real glossary, facts, terms, hooks, templates and assets.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTION_SIZE = 50
WORDS = {
    "fr": [
        "contre-discours",
        "haine",
        "ligne",
        "réponse",
        "public",
        "campagne",
        "message",
        "association",
        "militantes",
        "militants",
        "plateforme",
        "signalement",
        "stratégie",
        "empathie",
        "commentaire",
        "réseau",
        "groupe",
        "jeunes",
        "éducation",
        "laboratoire",
        "récit",
        "humour",
        "sécurité",
        "bien-être",
        "preuve",
        "recherche",
        "étude",
        "effet",
        "audience",
        "témoin",
        "solidarité",
        "communauté",
        "respect",
        "dialogue",
        "règle",
        "loi",
        "droit",
        "liberté",
        "expression",
        "modération",
        "contenu",
        "illicite",
        "victime",
        "soutien",
        "action",
        "collectif",
        "coalition",
        "partenaire",
        "évaluation",
        "mesure",
        "portée",
        "impact",
        "objectif",
        "cible",
        "canal",
        "messager",
        "thème",
        "question",
        "réponse",
        "calme",
        "ton",
        "vérité",
        "fait",
        "source",
        "chiffre",
        "date",
        "rapport",
        "enquête",
        "atelier",
        "sommet",
        "recommandation",
    ],
    "en": [
        "counterspeech",
        "hate",
        "online",
        "reply",
        "audience",
        "campaign",
        "message",
        "organisation",
        "activists",
        "platform",
        "reporting",
        "strategy",
        "empathy",
        "comment",
        "network",
        "group",
        "young",
        "education",
        "lab",
        "narrative",
        "humour",
        "safety",
        "wellbeing",
        "evidence",
        "research",
        "study",
        "effect",
        "bystander",
        "solidarity",
        "community",
        "respect",
        "dialogue",
        "rule",
        "law",
        "right",
        "freedom",
        "speech",
        "moderation",
        "content",
        "illegal",
        "target",
        "support",
        "action",
        "collective",
        "coalition",
        "partner",
        "evaluation",
        "measure",
        "reach",
        "impact",
        "objective",
        "channel",
        "messenger",
        "theme",
        "question",
        "answer",
        "calm",
        "tone",
        "truth",
        "fact",
        "source",
        "figure",
        "date",
        "report",
        "survey",
        "workshop",
        "summit",
        "recommendation",
    ],
}
GLUE = {
    "fr": [
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "et",
        "pour",
        "avec",
        "dans",
        "sur",
        "qui",
        "que",
        "ce",
        "est",
        "sont",
    ],
    "en": ["the", "a", "an", "and", "for", "with", "in", "on", "who", "that", "this", "is", "are", "of", "to"],
}
DESCRIPTIONS = {
    "fr": "Une page de référence du corpus de mesure, numéro",
    "en": "A reference page of the benchmark corpus, number",
}
HEADINGS = {
    "fr": ["Pourquoi agir", "Ce que dit la recherche", "Étapes pratiques", "Erreurs à éviter", "Sources"],
    "en": ["Why act", "What research says", "Practical steps", "Mistakes to avoid", "Sources"],
}


def sentence(rng: random.Random, language: str, length: int) -> str:
    words = [rng.choice(WORDS[language]) if i % 3 else rng.choice(GLUE[language]) for i in range(length)]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, language: str, words: int) -> str:
    out, count = [], 0
    while count < words:
        length = rng.randint(8, 18)
        out.append(sentence(rng, language, length))
        count += length
    return " ".join(out)


def body(rng: random.Random, language: str, number: int, total: int) -> str:
    parts = []
    neighbour = f"page-{(number + 1) % total:04}.md"
    for index, heading in enumerate(HEADINGS[language][:-1]):
        parts.append(f"## {heading}\n\n{paragraph(rng, language, 110)}\n\n{paragraph(rng, language, 60)}\n")
        if index == 1:
            parts.append("\n".join(f"- {sentence(rng, language, 7)}" for _ in range(4)) + "\n")
        if index == 2:
            parts.append(f'!!! tip "{sentence(rng, language, 3)}"\n    {paragraph(rng, language, 30)}\n')
            parts.append(f"| A | B |\n|---|---|\n| {rng.choice(WORDS[language])} | {rng.randint(1, 99)} |\n")
            link = "voir aussi" if language == "fr" else "see also"
            parts.append(
                f"{link.capitalize()} : [{link}]({neighbour}).\n"
                if language == "fr"
                else f"{link.capitalize()}: [{link}]({neighbour}).\n"
            )
    parts.append(
        "## Sources\n\n- [Counterspeech: A Literature Review](https://dangerousspeech.org/counterspeech/), "
        "Dangerous Speech Project, 2021.\n"
    )
    return "\n".join(parts)


def front_matter(language: str, number: int, translation_hash: str | None) -> str:
    title = (
        f"Page {number} : {WORDS[language][number % 40]}"
        if language == "fr"
        else (f"Page {number}: {WORDS[language][number % 40]}")
    )
    lines = [
        "---",
        f'title: "{title}"',
        f'description: "{DESCRIPTIONS[language]} {number}."',
        "type: resource",
        "updated: 2026-01-15",
        'tags: ["research", "campaigns"]',
        "sources:",
        '  - title: "Counterspeech: A Literature Review"',
        '    url: "https://dangerousspeech.org/counterspeech/"',
        '    publisher: "Dangerous Speech Project"',
        "    year: 2021",
    ]
    if translation_hash:
        lines.append(f'translation: {{source: fr, source_hash: "{translation_hash}"}}')
    return "\n".join([*lines, "---", "", ""])


def build_corpus(target: Path, pages: int, seed: int = 7) -> Path:
    """Write a synthetic hub with `pages` pages per language into `target`; return it."""
    import sys

    sys.path.insert(0, str(ROOT / "hooks"))
    from hub.translations import body_hash

    if target.exists():
        shutil.rmtree(target)
    (target / "docs").mkdir(parents=True)
    for name in ("hooks", "overrides"):
        (target / name).symlink_to(ROOT / name, target_is_directory=True)
    # A copy, not a link: docs/ holds regular files only (hooks/hub/docs_files.py).
    shutil.copytree(ROOT / "docs" / "assets", target / "docs" / "assets")
    for data in ("glossary.yml", "facts.yml", "terms.yml"):
        shutil.copy(ROOT / "docs" / data, target / "docs" / data)
    nav = ["  - index.md"]
    for language in ("fr", "en"):
        folder = target / "docs" / language
        (folder / "bench").mkdir(parents=True)
        home = "Accueil du corpus de mesure." if language == "fr" else "Home of the benchmark corpus."
        (folder / "index.md").write_text(
            f'---\ntitle: "{home}"\ndescription: "{home} {home}"\ntype: home\nupdated: 2026-01-15\n---\n\n{home}\n',
            encoding="utf-8",
        )
    for number in range(pages):
        french = body(random.Random(seed * 100_000 + number), "fr", number, pages)
        english = body(random.Random(seed * 100_000 + number + 50_000), "en", number, pages)
        name = f"page-{number:04}.md"
        (target / "docs/fr/bench" / name).write_text(front_matter("fr", number, None) + french, encoding="utf-8")
        (target / "docs/en/bench" / name).write_text(
            front_matter("en", number, body_hash(french)) + english, encoding="utf-8"
        )
    for start in range(0, pages, SECTION_SIZE):
        nav.append(f"  - Section {start // SECTION_SIZE + 1}:")
        nav += [f"      - bench/page-{n:04}.md" for n in range(start, min(start + SECTION_SIZE, pages))]
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nnav:\n(?:  .*\n|\n)*", "\nnav:\n" + "\n".join(nav) + "\n\n", config, count=1)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def without_hooks(corpus: Path) -> Path:
    """A copy of the corpus configuration with the hub's hooks switched off."""
    config = (corpus / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nhooks:\n(?:  - .*\n)+", "\nhooks: []\n", config)
    plain = corpus / "mkdocs-no-hooks.yml"
    plain.write_text(config, encoding="utf-8")
    return plain
