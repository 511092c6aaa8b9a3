"""The front-matter contract: every bad page gets its own exact `path:line:col: field: message (hint)`."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from conftest import ENV, HUB, ROOT, front_matter, run_build, write_site
from hub import content_check
from hub.front_matter import read_page

VALID = (
    '---\ntitle: "Premiers pas"\n'
    'description: "Diagnostiquer, fixer un objectif et choisir son public avant de prendre la parole."\n'
    "type: resource\nupdated: 2026-01-15\n"
    "sources:\n"
    '  - title: "Counterspeech: A Literature Review"\n'
    '    url: "https://dangerousspeech.org/counterspeech/"\n'
    '    publisher: "Dangerous Speech Project"\n'
    "    year: 2021\n"
)


def page(*lines: str, body: str = "Texte.\n") -> str:
    """The valid page above with lines added before the closing '---'."""
    return VALID + "".join(line + "\n" for line in lines) + "---\n" + body


def pack(*lines: str) -> str:
    """A valid information pack, with extra lines."""
    return page(
        "type: information-pack",
        'audience: ["activists"]',
        'key_points: ["Premier point à retenir.", "Deuxième point à retenir.", "Troisième point à retenir."]',
        *lines,
    ).replace("type: resource\n", "", 1)


def lab(participants: str) -> str:
    return page("duration_hours: 14", participants, 'roles: ["animation"]').replace(
        "type: resource", "type: lab-method"
    )


def case_study(*lines: str) -> str:
    return page('organisations: ["Licra"]', "year: 2015", 'country: "France"', *lines).replace(
        "type: resource", "type: case-study"
    )


# (case, file content, the exact problem line expected for docs/fr/page.md)
CASES: list[tuple[str, str | bytes, str]] = [
    ("yaml syntax error", page('title2: "a" "b"'), "docs/fr/page.md:11:13: front matter: YAML syntax error"),
    (
        "unquoted colon",
        "---\ntitle: Guide: partie 2\n---\n",
        "docs/fr/page.md:2:13: front matter: YAML syntax error: mapping values are not allowed in this context "
        '(put the value in double quotes when it contains ": ")',
    ),
    (
        "closing delimiter missing",
        '---\ntitle: "x"\nbody\n',
        "docs/fr/page.md:1:1: front matter: the closing '---' line is missing "
        "(add a line with only --- after the last field)",
    ),
    (
        "front matter is a list",
        "---\n- a\n- b\n---\n",
        "docs/fr/page.md:2:1: front matter: expected 'field: value' lines, found a list "
        "(write one 'field: value' per line)",
    ),
    (
        "front matter is a scalar",
        "---\njust text\n---\n",
        "docs/fr/page.md:2:1: front matter: expected 'field: value' lines, found plain text",
    ),
    (
        "front matter is empty",
        "---\n---\nText.\n",
        "docs/fr/page.md:1:1: front matter: the block is empty (add the fields title, description, type and updated)",
    ),
    (
        "python tag",
        page('extra: !!python/object/apply:os.system ["ls"]'),
        'docs/fr/page.md:11:8: front matter: tag "!!python/object/apply:os.system" is not allowed',
    ),
    (
        "include tag",
        page('extra: !include "secrets.yml"'),
        'docs/fr/page.md:11:8: front matter: tag "!include" is not allowed (remove the tag; plain values are enough)',
    ),
    (
        "anchor",
        page('title_copy: &t "x"'),
        "docs/fr/page.md:11:13: front matter: anchor &t is not allowed (write each value out in full)",
    ),
    (
        "alias bomb",
        '---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
        "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\n",
        "docs/fr/page.md:2:4: front matter: anchor &a is not allowed (write each value out in full)",
    ),
    (
        "duplicate key",
        page('title: "Encore"'),
        "docs/fr/page.md:11:1: title: defined twice, on lines 2 and 11 (keep only one of the two lines)",
    ),
    (
        "no kept as text",
        page("draft: no"),
        'docs/fr/page.md:11:8: draft: "no" is not true or false (write true or false)',
    ),
    (
        "NO kept as text",
        page("draft: NO"),
        'docs/fr/page.md:11:8: draft: "NO" is not true or false (write true or false)',
    ),
    (
        "off kept as text",
        page("pdf: off"),
        'docs/fr/page.md:11:6: pdf: "off" is not true or false (write true or false)',
    ),
    (
        "yes kept as text",
        page("pdf: yes"),
        'docs/fr/page.md:11:6: pdf: "yes" is not true or false (write true or false)',
    ),
    (
        "010 kept as text",
        page("year: 010"),
        'docs/fr/page.md:11:7: year: "010" is not a whole number (write digits only, e.g. 2016)',
    ),
    (
        "1:20 kept as text",
        lab("participants: {min: 1:20, max: 30}"),
        'docs/fr/page.md:12:21: participants.min: "1:20" is not a whole number (write digits only, e.g. 2016)',
    ),
    (
        "impossible date",
        page().replace("updated: 2026-01-15", "updated: 2024-02-30"),
        'docs/fr/page.md:5:10: updated: "2024-02-30" is not a real date (check the day and the month)',
    ),
    (
        "date in another format",
        page().replace("updated: 2026-01-15", "updated: 30/02/2024"),
        'docs/fr/page.md:5:10: updated: "30/02/2024" is not a date written YYYY-MM-DD (e.g. 2026-11-25)',
    ),
    (
        "date in the future",
        page().replace("updated: 2026-01-15", "updated: 2999-01-01"),
        "docs/fr/page.md:5:10: updated: 2999-01-01 is in the future",
    ),
    (
        "missing required field",
        page().replace('title: "Premiers pas"\n', ""),
        "docs/fr/page.md:1:1: title: missing, required (add a line 'title: \"Premiers pas dans le contre-discours\"')",
    ),
    (
        "missing field of a type",
        page().replace("type: resource", "type: case-study"),
        "docs/fr/page.md:1:1: organisations: missing, required for a page of type case-study",
    ),
    (
        "unknown field with a suggestion",
        page('titel: "x"'),
        "docs/fr/page.md:11:1: titel: unknown field (did you mean 'title'?)",
    ),
    ("wrong type", page('tags: "campaigns"'), 'docs/fr/page.md:11:7: tags: expected a list, found text "campaigns"'),
    (
        "tab indentation",
        page("sources2:\n\t- x"),
        "docs/fr/page.md:12:1: front matter: a tab is used for indentation (indent with spaces only)",
    ),
    (
        "no-break space",
        page("draft:\u00a0true"),
        "docs/fr/page.md:11:7: front matter: a no-break space is not a space to YAML",
    ),
    (
        "latin-1 file",
        page('content_warning: "Décrit des propos racistes, sans les citer."').encode("latin-1"),
        "docs/fr/page.md:11:20: encoding: byte 0xE9 is not UTF-8 (the file looks like Latin-1 or Windows-1252) "
        "(re-save it as UTF-8)",
    ),
    (
        "utf-16 file",
        page().encode("utf-16"),
        "docs/fr/page.md:1:1: encoding: the file is saved as UTF-16 (re-save it as UTF-8)",
    ),
    (
        "oversized front matter",
        page('content_warning: "' + "x" * 17000 + '"'),
        "docs/fr/page.md:1:1: front matter: 17,343 bytes, at most 16,384 (16 KiB) (keep long text in the page body)",
    ),
    (
        "oversized page",
        page(body="mot " * 140_000),
        "docs/fr/page.md:1:1: page: 560,331 bytes, at most 524,288 (512 KiB) (split it into several pages)",
    ),
    (
        "deep nesting",
        page("extra: " + "[" * 50 + "]" * 50),
        "docs/fr/page.md:11:17: front matter: nested more than 10 levels deep (flatten the structure)",
    ),
    ("empty page", "", "docs/fr/page.md:1:1: page: the page is empty"),
    (
        "lang disagrees with the folder",
        page("lang: en"),
        'docs/fr/page.md:11:7: lang: says "en" but the page is in docs/fr/',
    ),
    (
        "participants min above max",
        lab("participants: {min: 40, max: 20}"),
        "docs/fr/page.md:12:21: participants.min: 40 is above max (20) (min must be at most max)",
    ),
    (
        "figure without a source",
        case_study('figures: [{value: "15 millions", label: "personnes atteintes", as_of: "2016"}]'),
        "docs/fr/page.md:14:11: figures[1].source_url: missing (add 'source_url:' under 'figures[1]')",
    ),
    (
        "http source url",
        page().replace("https://dangerousspeech.org", "http://dangerousspeech.org"),
        'docs/fr/page.md:8:10: sources[1].url: "http://dangerousspeech.org/counterspeec…" must start with '
        "https:// (use the https:// address of the page)",
    ),
    (
        "title too long",
        page().replace('"Premiers pas"', '"' + "x" * 81 + '"'),
        "docs/fr/page.md:2:8: title: 81 characters, at most 80 (shorten it)",
    ),
    (
        "html in a title",
        page().replace('"Premiers pas"', '"Premiers pas <img src=x onerror=alert(1)>"'),
        'docs/fr/page.md:2:8: title: "Premiers pas <img src=x onerror=alert(1…" contains HTML',
    ),
    (
        "tag outside the vocabulary",
        page('tags: ["campaign"]'),
        "docs/fr/page.md:11:8: tags[1]: \"campaign\" is not allowed (did you mean 'campaigns'?",
    ),
    (
        "key points of a pack",
        pack('key_points2: "x"').replace(
            'key_points: ["Premier point à retenir.", "Deuxième point à retenir.", "Troisième point à retenir."]',
            'key_points: ["Un seul point à retenir."]',
        ),
        "docs/fr/page.md:12:13: key_points: 1 item, at least 3 (add items)",
    ),
]


def check_one(tmp_path: Path, content: str | bytes) -> list[str]:
    target = tmp_path / "docs" / "fr" / "page.md"
    target.parent.mkdir(parents=True)
    target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    report = content_check.check_docs(tmp_path / "docs")
    return [str(problem) for problem in report.problems]


@pytest.mark.parametrize(("case", "content", "expected"), CASES, ids=[case for case, _, _ in CASES])
def test_bad_page_gets_its_exact_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, content: str | bytes, expected: str
) -> None:
    lines = check_one(tmp_path, content)
    assert any(line.startswith(expected) for line in lines), "\n".join(lines)
    # The check command prints the same line and exits non-zero, without a traceback.
    assert content_check.check_command(tmp_path / "docs") == 1
    printed = capsys.readouterr().out.replace(str(tmp_path / "docs"), "docs")
    assert expected.split(": ", 1)[1] in printed
    assert "Traceback" not in printed


def test_valid_page_passes(tmp_path: Path) -> None:
    assert check_one(tmp_path, page()) == []


def test_bom_and_crlf_give_the_same_result_as_lf(tmp_path: Path) -> None:
    plain = read_page("p.md", page().encode("utf-8"))
    windows = read_page("p.md", b"\xef\xbb\xbf" + page().replace("\n", "\r\n").encode("utf-8"))
    assert not plain.problems and not windows.problems
    assert windows.front_matter == plain.front_matter
    assert windows.body == plain.body


def test_yaml_11_surprises_stay_text(tmp_path: Path) -> None:
    source = read_page("p.md", page('country: "NO"', "title_note: yes", "count: 010", "time: 1:20").encode())
    assert source.front_matter is not None
    fields = source.front_matter.value
    assert isinstance(fields, dict)
    assert [fields[key].value for key in ("title_note", "count", "time")] == ["yes", "010", "1:20"]


def test_alias_bomb_is_refused_in_under_a_millisecond() -> None:
    bomb = (
        "---\na: &a ["
        + ",".join(["x"] * 9)
        + "]\n"
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8))
        + "---\n"
    )
    read_page("p.md", bomb.encode())  # warm the parser up
    started = time.perf_counter()
    result = read_page("p.md", bomb.encode())
    elapsed = time.perf_counter() - started
    assert result.problems and "anchor" in result.problems[0].message
    assert elapsed < 0.001 * 20  # generous on a loaded CI machine; typically ~0.05 ms


def test_thousands_of_brackets_do_not_crash() -> None:
    result = read_page("p.md", ("---\nx: " + "[" * 8_000 + "\n---\n").encode())
    assert result.problems and "nested more than" in result.problems[0].message


def test_tags_must_match_between_a_page_and_its_translation(tmp_path: Path) -> None:
    for language, tags in (("fr", '["campaigns"]'), ("en", '["campaigns", "safety"]')):
        target = tmp_path / "docs" / language / "page.md"
        target.parent.mkdir(parents=True)
        target.write_text(page(f"tags: {tags}"), encoding="utf-8")
    problems = [str(p) for p in content_check.check_docs(tmp_path / "docs").problems]
    assert problems == [
        "docs/en/page.md:1:1: tags: differ from docs/fr/page.md (campaigns there, campaigns, safety here) "
        "(give a page and its translation the same tags)"
    ]


def test_check_command_prints_every_problem_then_a_count(tmp_path: Path) -> None:
    for index, (_, content, _) in enumerate(CASES[:6]):
        target = tmp_path / "docs" / "fr" / f"page{index}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode())
    command = [*HUB, "check", "docs"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False, env=ENV)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 7
    assert lines[-1] == "6 problems in 6 pages (6 pages checked)"
    assert "Traceback" not in result.stdout + result.stderr


def test_strict_build_refuses_every_bad_page_at_once(tmp_path: Path) -> None:
    pages: dict[str, str | bytes] = {
        "fr/index.md": front_matter("Accueil", "home"),
        "en/index.md": front_matter("Home", "home"),
    }
    expected = []
    for index, (_, content, line) in enumerate(CASES):
        pages[f"fr/bad{index}.md"] = content
        expected.append(line.replace("docs/fr/page.md", f"docs/fr/bad{index}.md"))
    write_site(tmp_path, pages, nav=["index.md"])
    build = run_build(tmp_path)
    assert build.returncode != 0
    assert "Traceback" not in build.output
    for line in expected:
        assert line in build.output, line
    assert f"Content check failed: {len(CASES)} problems" in build.output or "Content check failed:" in build.output
    assert not (tmp_path / "site" / "bad1").exists()


def test_real_pages_pass_and_check_is_fast(tmp_path: Path) -> None:
    report = content_check.check_docs(ROOT / "docs")
    assert [str(p) for p in report.problems] == []
    assert report.checked >= 80
