"""Properties that hold for inputs nobody named: the check never raises, the allow-list never lets through.

A small example budget runs in `make test`; `make fuzz` runs a large one
(HYPOTHESIS_PROFILE=fuzz). The allow-list is checked against a second,
independent HTML5 parser (tinyhtml5, an html5lib descendant), so a fragment the
hub accepts is proven harmless by a parser it does not use itself.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
import tempfile
from pathlib import Path

import tinyhtml5
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import ROOT, front_matter
from hub import content_check, html_policy, personal_data, word_pattern
from hub.languages import relative_url
from hub.markdown_render import Renderer

settings.register_profile(
    "ci", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.register_profile("fuzz", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

TODAY = dt.date(2026, 12, 6)
REAL_PAGES = sorted((ROOT / "docs" / "fr").rglob("*.md"))[:40]
RENDERER = Renderer(ROOT / "mkdocs.yml")


def check(files: dict[str, bytes]) -> content_check.ContentReport:
    """The content check of a docs folder made of `files`."""
    with tempfile.TemporaryDirectory() as folder:
        docs = Path(folder) / "docs"
        for name, data in files.items():
            target = docs / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return content_check.check_docs(docs, TODAY)


def assert_sound(report: content_check.ContentReport, names: list[str]) -> None:
    for problem in report.problems:
        assert any(problem.path == f"docs/{name}" for name in names), problem
        assert problem.line >= 1 and problem.col >= 1
        assert "Traceback" not in str(problem)


@given(st.binary(max_size=4000))
def test_any_bytes_as_a_page_are_checked_without_raising(data: bytes) -> None:
    assert_sound(check({"fr/page.md": data}), ["fr/page.md"])


@given(st.text(max_size=2000), st.text(max_size=3000))
def test_any_front_matter_and_body_are_checked_without_raising(block: str, body: str) -> None:
    page = f"---\n{block}\n---\n{body}"
    assert_sound(check({"fr/page.md": page.encode("utf-8", "surrogatepass")}), ["fr/page.md"])


@given(st.text(max_size=3000))
def test_any_body_under_a_valid_front_matter_is_checked_without_raising(body: str) -> None:
    page = front_matter("Page") + body
    assert_sound(check({"fr/page.md": page.encode("utf-8", "surrogatepass")}), ["fr/page.md"])


@given(st.text(max_size=3000))
def test_any_glossary_is_checked_without_raising(text: str) -> None:
    report = check({"glossary.yml": text.encode("utf-8", "surrogatepass"), "fr/index.md": front_matter("A").encode()})
    assert_sound(report, ["glossary.yml", "fr/index.md"])


MUTATIONS = st.sampled_from(["insert", "cut", "delimiter", "nest", "long line"])


@given(
    st.sampled_from(REAL_PAGES),
    MUTATIONS,
    st.floats(min_value=0, max_value=1),
    st.text(min_size=1, max_size=8, alphabet=st.characters(codec="utf-8")),
)
def test_mutated_real_pages_are_checked_without_raising(page: Path, mutation: str, where: float, text: str) -> None:
    data = page.read_text(encoding="utf-8")
    at = int(len(data) * where)
    if mutation == "insert":
        data = data[:at] + text + data[at:]
    elif mutation == "cut":
        data = data[:at]
    elif mutation == "delimiter":
        data = data[:at] + "\n---\n" + data[at:]
    elif mutation == "nest":
        data = data[:at] + "\n" + "".join("  " * level + "- x\n" for level in range(60)) + data[at:]
    else:
        data = data[:at] + text * 5000 + data[at:]
    assert_sound(check({"fr/page.md": data.encode("utf-8", "surrogatepass")}), ["fr/page.md"])


# --- The allow-list never lets a dangerous construct through -----------------------------------

TAGS = st.sampled_from(["p", "a", "img", "b", "script", "svg", "iframe", "div", "span", "style", "form", "math", "x"])
NAMES = st.sampled_from(
    ["href", "src", "onerror", "onClick", "style", "title", "id", "class", "ping", "lang", "srcset"]
)
SCHEMES = st.sampled_from(
    ["javascript:", "&#106;avascript:", "java\nscript:", "data:", "https:", "", "/\\", "//", "JaVaScRiPt&colon;"]
)
SEPARATORS = st.sampled_from([" ", "/", "\n", "\t", "  "])


@st.composite
def fragments(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        tag = draw(TAGS)
        attributes = "".join(
            f'{draw(SEPARATORS)}{draw(NAMES)}="{draw(SCHEMES)}{draw(st.text(max_size=6))}"'
            for _ in range(draw(st.integers(min_value=0, max_value=3)))
        )
        parts.append(f"<{tag}{attributes}>{draw(st.text(max_size=10))}</{draw(TAGS)}>")
    return draw(st.sampled_from(["", "Texte ", "`", "\\`", "```ok```\n"])).join(parts)


DANGEROUS_TAGS = {"script", "iframe", "style", "form", "svg", "math", "object", "embed", "base", "meta", "link"}


def dangerous(html: str) -> list[str]:
    """What a second HTML5 parser sees in `html` that must never reach a reader."""
    found = []
    for element in tinyhtml5.parse(html).iter():
        tag = str(element.tag).rsplit("}", 1)[-1]
        if tag in DANGEROUS_TAGS:
            found.append(tag)
        for name, value in element.attrib.items():
            name = str(name).lower()
            scheme = html_policy.url_scheme(html_policy.normalise_url(value))
            if name.startswith("on") or name in ("style", "ping", "srcset"):
                found.append(name)
            elif name in ("href", "src") and (
                scheme not in ("", "https", "http", "mailto") or value.strip().startswith("//")
            ):
                found.append(f"{name}={value}")
            elif name == "src" and scheme:
                found.append(f"remote {value}")
            elif name == "id" and value.startswith("_"):
                found.append(f"id={value}")
    return found


@given(fragments())
def test_whatever_the_allow_list_accepts_is_harmless_to_another_parser(markdown: str) -> None:
    try:
        html = RENDERER.render(markdown)
    except Exception:  # the check reports a page that cannot be rendered as a problem
        return
    if not html_policy.fragment_findings(html):
        assert dangerous(html) == [], html


# --- Personal data is found however it is disguised --------------------------------------------

LOOKALIKES = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х"}  # Cyrillic letters
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]


@st.composite
def disguised_addresses(draw: st.DrawFn) -> tuple[str, str]:
    local = draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8))
    domain = draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8))
    clean = f"{local}@{domain}.fr"
    shown = []
    for char in clean:
        style = draw(st.sampled_from(["plain", "fullwidth", "lookalike", "invisible-before"]))
        if style == "fullwidth" and char.isascii() and char.isprintable():
            shown.append(chr(ord(char) + 0xFEE0))
        elif style == "lookalike" and char in LOOKALIKES:
            shown.append(LOOKALIKES[char])
        elif style == "invisible-before" and char != "@":
            shown.append(draw(st.sampled_from(INVISIBLE)) + char)
        else:
            shown.append(char)
    return clean, "".join(shown)


@given(disguised_addresses())
def test_disguised_addresses_are_found(address: tuple[str, str]) -> None:
    clean, shown = address
    found = [detail.value for detail in personal_data.details(f"Écrire à {shown} !", allowed=frozenset())]
    assert clean in found, (shown, found)


@given(st.lists(st.sampled_from(["\u00a0", "\u202f", "\u2007", " ", ".", "-"]), min_size=4, max_size=4))
def test_phone_numbers_are_found_whatever_their_spaces(spaces: list[str]) -> None:
    number = "06" + "".join(space + pair for space, pair in zip(spaces, ["12", "34", "56", "78"], strict=True))
    kinds = [detail.kind for detail in personal_data.details(f"Tél. {number}.", allowed=frozenset())]
    assert "phone number" in kinds


def test_the_fragment_generator_produces_accepted_fragments() -> None:
    # The property above is not vacuous: the generator reaches fragments the allow-list accepts.
    from hypothesis import find

    accepted = find(fragments(), lambda markdown: not html_policy.fragment_findings(RENDERER.render(markdown)))
    assert accepted


# Letters that make words share beginnings, with a few that case-fold or carry accents.
_WORD_LETTERS = st.sampled_from("abcé-É ")


@st.composite
def words_and_text(draw: st.DrawFn) -> tuple[list[str], str]:
    """A few words sharing beginnings, and a text mostly made of them (so that they are found)."""
    words = draw(st.lists(st.text(_WORD_LETTERS, min_size=1, max_size=6), max_size=8))
    pieces = st.sampled_from(words) if words else st.just("")
    parts = draw(st.lists(st.one_of(pieces, st.text(st.sampled_from("abcé-É .,\n"), max_size=3)), max_size=40))
    return words, "".join(parts)


@given(words_and_text(), st.booleans())
@example((["ab", "ab c"], "ab c"), False)  # a word and a longer one that goes on after a space
@example((["É", "é "], "é ."), True)  # the same letter, ignoring case, in two words
def test_the_trie_shaped_word_pattern_finds_what_the_longest_first_alternation_finds(
    words_text: tuple[list[str], str], ignore_case: bool
) -> None:
    words, text = words_text
    flags = re.IGNORECASE if ignore_case else re.NOFLAG
    longest_first = sorted(set(words), key=len, reverse=True)
    alternation = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, longest_first)) + r")(?![\w-])", flags)
    trie = word_pattern.whole_words(words, flags)
    if not words:
        assert trie is None
        return
    assert trie is not None
    expected = [(match.start(), match.group(0)) for match in alternation.finditer(text)]
    assert [(match.start(), match.group(0)) for match in trie.finditer(text)] == expected


# Site addresses as the hub writes them: folders ending in "/", or a file such as a PDF.
_ADDRESSES = st.builds(
    lambda folders, file: "".join(f"{folder}/" for folder in folders) + file,
    st.lists(st.sampled_from(["en", "packs", "a", "b"]), max_size=3),
    st.sampled_from(["", "", "guide.pdf"]),
)


@given(_ADDRESSES, _ADDRESSES.filter(lambda base: not base.endswith(".pdf")))
def test_relative_links_are_the_shortest_path_between_two_addresses(target: str, base: str) -> None:
    link = relative_url(target, base)
    assert posixpath.normpath(posixpath.join(base or ".", link)) == posixpath.normpath(target or ".")
    expected = posixpath.relpath(target or ".", base or ".")
    assert link.rstrip("/") == ("." if expected == "." else expected)
    assert link.endswith("/") == (not target or target.endswith("/")), "a folder's link ends with /"
