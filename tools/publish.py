"""Build the whole site into a temporary folder, then publish it as site/ in one step.

`make build` runs this. A failed, interrupted or killed build never touches the
previous site/: the new site is built beside it (.site-build-<pid>) and swapped
in with a single atomic exchange of the two folders only once `mkdocs build
--strict` and every check of the hooks have passed. Leftovers of an earlier
killed build are removed first.

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
import time
from pathlib import Path

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
    result = subprocess.run(command, cwd=config.parent, check=False)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Build failed: {site.name}/ was left as it was.", file=sys.stderr)
        return result.returncode
    swap_in(staging, site)
    pages = sum(1 for _ in site.rglob("index.html"))
    print(f"Published {site.name}/: {pages} pages in {time.monotonic() - started:.1f} s.")
    return 0


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
