"""Re-pin requirements/build.txt and requirements/test.txt from pyproject.toml.

Installs the direct dependencies of pyproject.toml into two throw-away virtual
environments and writes what pip resolved, every version pinned. Needs PyPI.

    python tools/lock.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADERS = {
    "build": [
        "# Everything `make build` installs, every version pinned (direct and indirect).",
        "# Regenerate with `make lock` after changing a version in pyproject.toml.",
    ],
    "test": [
        "# What `make test` and `make check` add to requirements/build.txt, every version pinned.",
        "# Regenerate with `make lock`.",
        "-r build.txt",
    ],
}


def resolve(requirements: list[str]) -> list[str]:
    """The full pinned list pip installs for these requirements, in a fresh environment."""
    with tempfile.TemporaryDirectory() as folder:
        venv.create(folder, with_pip=True)
        python = str(Path(folder) / "bin" / "python")
        subprocess.run([python, "-m", "pip", "install", "--quiet", *requirements], check=True)
        frozen = subprocess.run([python, "-m", "pip", "freeze"], check=True, capture_output=True, text=True)
        return sorted(frozen.stdout.split(), key=str.lower)


def main() -> int:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    build = resolve(project["dependencies"])
    test = [
        line
        for line in resolve(project["dependencies"] + project["optional-dependencies"]["test"])
        if line not in build
    ]
    for name, lines in (("build", build), ("test", test)):
        (ROOT / "requirements" / f"{name}.txt").write_text("\n".join(HEADERS[name] + lines) + "\n", encoding="utf-8")
        print(f"requirements/{name}.txt: {len(lines)} packages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
