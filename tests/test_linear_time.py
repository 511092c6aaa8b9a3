"""Every regular expression of the hub runs in linear time, even on 500 KB of hostile text.

The expressions are collected from the hub's modules (hooks/hub/ and the event
modules of hooks/), so a new one is tested without being named here. Each is run
to the end (finditer) on 500 KB strings built to make a backtracking engine
stall: long runs of the characters patterns repeat, with and without a
character that completes a match. They run in a child process, so that a
pattern that never ends fails the test instead of hanging it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from conftest import ENV, ROOT

# At 500 KB the slowest linear expression here takes about 0.1 s; a quadratic
# one takes minutes, so the limit of the issue (a second) tells them apart
# with room for a slower machine.
SIZE = 500_000
LIMIT_SECONDS = 1.0
UNITS = [
    "a",
    " ",
    "a.",
    "@ ",
    "<a ",
    "](",
    "[",
    "&#",
    "0 ",
    "+3",
    "\u00a0",
    "url(",
    ";",
    "«",
    "»",
    "[[fact:",
    "\n",
    "-",
    "_",
    "*",
    "`",
    "{:",
    "#",
    "/",
    "\\",
    "'",
    '"',
    ":",
    "1",
    "a@",
    ".-",
    "<",
    "](x",
    "**a",
    "\u202f;",
    " \n",
    "\n ",
    "(0)",
    "06 ",
    "x ",
    "&amp;",
    "a-b",
    "é",
    "<p>",
]
TAILS = ["", "!", "x", ";", "»", "@a.fr", ")", "]]"]

CHILD = textwrap.dedent(
    f"""
    import importlib, json, pkgutil, re, sys, time
    sys.path.insert(0, {str(ROOT / "hooks")!r})
    import hub
    modules = ["hub." + info.name for info in pkgutil.iter_modules(hub.__path__) if info.name != "__main__"]
    modules += [path.stem for path in __import__("pathlib").Path({str(ROOT / "hooks")!r}).glob("*.py")]
    patterns = []
    for name in modules:
        module = importlib.import_module(name)
        for attribute, value in vars(module).items():
            if isinstance(value, re.Pattern) and (name, value.pattern) not in [(n, p.pattern) for n, _, p in patterns]:
                patterns.append((name, attribute, value))
    units, tails = json.loads(sys.argv[1]), json.loads(sys.argv[2])
    print(json.dumps({{"count": len(patterns)}}), flush=True)
    for name, attribute, pattern in patterns:
        worst = 0.0
        for unit in units:
            for tail in tails:
                text = unit * ({SIZE} // len(unit)) + tail
                if pattern.flags & re.ASCII:
                    text = text.encode("ascii", "ignore").decode()
                print(json.dumps({{"running": f"{{name}}.{{attribute}}", "unit": unit, "tail": tail}}), flush=True)
                started = time.perf_counter()
                for _ in pattern.finditer(text):
                    pass
                worst = max(worst, time.perf_counter() - started)
        print(json.dumps({{"pattern": f"{{name}}.{{attribute}}", "seconds": worst}}), flush=True)
    """
)


def test_every_expression_of_the_hub_runs_in_linear_time() -> None:
    command = [sys.executable, "-c", CHILD, json.dumps(UNITS), json.dumps(TAILS)]
    try:
        result = subprocess.run(command, env=ENV, capture_output=True, text=True, timeout=600, check=False)
        output = result.stdout
    except subprocess.TimeoutExpired as stopped:
        output = stopped.stdout.decode() if isinstance(stopped.stdout, bytes) else (stopped.stdout or "")
        last = [json.loads(line) for line in output.splitlines() if line.startswith("{")][-1]
        raise AssertionError(f"never ended: {last}") from None
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    count = lines[0]["count"]
    timings = {line["pattern"]: line["seconds"] for line in lines if "seconds" in line}
    assert count >= 20 and len(timings) == count
    slow = {name: round(seconds, 2) for name, seconds in timings.items() if seconds > LIMIT_SECONDS}
    assert slow == {}, slow
