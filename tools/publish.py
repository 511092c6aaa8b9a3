"""Build the whole site into a temporary folder, then publish it as site/ in one step.

`make build` runs this, in three steps, so that the hub's guarantees never
depend on the engine running the hub's hooks (fail closed):

1. the content check (files, front matter, data; hooks/hub/content_check.py),
   before any engine reads docs/: a bad page stops everything here;
2. `mkdocs build --strict` into .site-build-<pid>, whose hooks judge every
   page's HTML and reuse the check's report instead of checking again;
3. the safety scan of the built site (hooks/hub/built_html_scan.py), outside
   the engine: it reads only the files the hooks did not already judge (a
   manifest of fingerprints), so a build whose hooks did not run is scanned whole.

Only then is the new site swapped in with a single atomic exchange of the two
folders. A failed, interrupted or killed build never touches the previous
site/. Leftovers of an earlier killed build are removed first.

    python tools/publish.py [--config mkdocs.yml] [--site site]
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from hub import report_handoff
from hub.built_html_scan import scan_command
from hub.content_check import check_docs
from hub.problems import summary

BUILD_PREFIX = ".site-build-"
OLD_PREFIX = ".site-old-"
RENAME_EXCHANGE = 2  # from <linux/fs.h>
AT_FDCWD = -100


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default="mkdocs.yml", help="MkDocs configuration file")
    parser.add_argument("--site", default="site", help="folder to publish into")
    args = parser.parse_args(argv[1:])
    config = Path(args.config).resolve()
    site = (config.parent / args.site).resolve()
    remove_leftovers(site)
    staging = site.with_name(f"{BUILD_PREFIX}{os.getpid()}")
    started = time.monotonic()
    docs = config.parent / "docs"
    report = check_docs(docs, render=False)
    if report.problems:
        report = check_docs(docs, render=True)  # failing anyway: report every problem at once, HTML included
        for problem in report.problems:
            print(problem, file=sys.stderr)
        print(f"Content check failed: {summary(report.problems, report.checked)}. Nothing was built.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="hub-build-") as private:
        handed_over = Path(private) / "content-report.pickle"
        manifest = Path(private) / "judged-files.txt"
        report_handoff.save(report, docs, handed_over)
        environment = {**os.environ, report_handoff.VARIABLE: str(handed_over), "HUB_SCAN_MANIFEST": str(manifest)}
        status = _engine(config, staging, environment)
        if status == 0:
            status = scan_command(staging, "", manifest, docs)
    if status != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Build failed: {site.name}/ was left as it was.", file=sys.stderr)
        return status
    swap_in(staging, site)
    pages = sum(1 for _ in site.rglob("index.html"))
    print(f"Published {site.name}/: {pages} pages in {time.monotonic() - started:.1f} s.")
    return 0


def _engine(config: Path, staging: Path, environment: dict[str, str]) -> int:
    """The static-site engine's strict build into `staging`; its exit code."""
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--config-file",
        str(config),
        "--site-dir",
        str(staging),
    ]
    return subprocess.run(command, cwd=config.parent, env=environment, check=False).returncode


def remove_leftovers(site: Path) -> None:
    """Remove the temporary folders a killed build may have left beside site/."""
    for prefix in (BUILD_PREFIX, OLD_PREFIX):
        for leftover in site.parent.glob(f"{prefix}*"):
            shutil.rmtree(leftover, ignore_errors=True)


def swap_in(staging: Path, site: Path) -> None:
    """Make `staging` the new site/ in one atomic step, then delete the old site."""
    if not site.exists():
        staging.rename(site)
        return
    if _exchange(staging, site):
        shutil.rmtree(staging)  # now holds the previous site
        return
    # No atomic exchange on this system: two renames, the old site kept until the end.
    old = site.with_name(f"{OLD_PREFIX}{os.getpid()}")
    site.rename(old)
    staging.rename(site)
    shutil.rmtree(old)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically with Linux's renameat2(RENAME_EXCHANGE); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE)
    return bool(result == 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
