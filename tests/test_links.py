"""`make links`: every source and external link checked by lychee, against a local server, never the internet."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from conftest import ENV, HUB, ROOT, front_matter


class _Statuses(BaseHTTPRequestHandler):
    """/ok 200, /moved 301 to /ok, /gone 404, /removed 410, /slow answers after the timeout."""

    def do_GET(self) -> None:
        if self.path.startswith("/moved"):
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif self.path.startswith("/gone"):
            self.send_response(404)
        elif self.path.startswith("/removed"):
            self.send_response(410)
        else:
            if self.path.startswith("/slow"):
                time.sleep(4)
            self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_GET  # noqa: N815 (http.server names its methods so)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def statuses() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Statuses)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_links_are_reported_where_they_are_written(tmp_path: Path, statuses: str) -> None:
    docs = tmp_path / "docs"
    (docs / "fr").mkdir(parents=True)
    sources = (
        '[{title: "Une page", url: "https://links.test/ok", publisher: "Test", year: 2020},'
        ' {title: "Une page disparue", url: "https://links.test/gone", publisher: "Test", year: 2020}]'
    )
    page = front_matter("Page", "resource", sources=sources)
    page += "\nVoir [ici](https://links.test/moved), [là](https://links.test/removed) et [ailleurs](https://links.test/slow).\n"
    (docs / "fr" / "page.md").write_text(page, encoding="utf-8")
    command = [*HUB, "links", "docs", "--timeout", "2", "--retries", "0", "--remap", f"https://links.test {statuses}"]
    command += ["--report", "report.md"]
    result = subprocess.run(command, cwd=tmp_path, env=ENV, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "docs/fr/page.md:6: https://links.test/gone: 404 Not Found" in lines
    assert "docs/fr/page.md:9: https://links.test/removed: 410 Gone" in lines
    assert "docs/fr/page.md:9: https://links.test/slow: Timeout" in lines
    assert "docs/fr/page.md:9: https://links.test/moved: moved (301) to https://links.test/ok" in lines
    assert not any("/ok:" in line for line in lines)
    assert lines[-1] == "5 links checked: 3 dead, 1 moved"
    assert "3 dead" in (tmp_path / "report.md").read_text(encoding="utf-8")


def test_the_weekly_workflow_keeps_one_issue_with_a_minimal_token() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "links.yml").read_text(encoding="utf-8"))
    assert workflow[True]["schedule"]  # "on" reads as True in YAML 1.1
    assert workflow["permissions"] == {"contents": "read", "issues": "write"}
    steps = " ".join(str(step.get("run", "")) for step in workflow["jobs"]["links"]["steps"])
    assert "python -m hub links" in steps and "gh issue edit" in steps and "gh issue create" in steps
    assert "secrets." not in (ROOT / ".github" / "workflows" / "links.yml").read_text(encoding="utf-8")
