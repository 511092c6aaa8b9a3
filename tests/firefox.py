"""Debian's Firefox ESR driven through WebDriver BiDi, the standard protocol it speaks natively.

Written here because no maintained Python driver fits: Playwright drives only
its own patched Firefox (a downloaded browser, which the project never uses),
Selenium needs geckodriver, which Debian does not package, and Firefox ESR 140
serves WebDriver BiDi itself on a WebSocket. So this is a small synchronous
client over the `websockets` library: commands, events, nothing more. It is
only as large as the tests need (navigate, evaluate script, type keys, and
record the requests and console errors of the page).
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from websockets.sync.client import ClientConnection, connect

# Firefox writes this line on standard error once the protocol is served.
_LISTENING = re.compile(r"WebDriver BiDi listening on (ws://\S+)")
# A fresh profile that makes no request of its own: no updates, no telemetry,
# no captive-portal or connectivity probes, no safe-browsing lists, no
# first-run pages. Requests the pages make are what the tests look at.
_PREFERENCES = {
    "app.update.disabledForTesting": True,
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "browser.safebrowsing.downloads.enabled": False,
    "browser.shell.checkDefaultBrowser": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "browser.startup.page": 0,
    "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.reportingpolicy.firstRun": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "extensions.update.enabled": False,
    "remote.prefs.recommended": True,
}


def executable() -> str | None:
    """Debian's Firefox, if installed."""
    return shutil.which("firefox-esr") or shutil.which("firefox")


class Firefox:
    """One browsing context of a running Firefox, with what its pages requested and logged."""

    def __init__(self, socket: ClientConnection) -> None:
        self._socket = socket
        self._ids = itertools.count(1)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.command("session.new", capabilities={})
        self.context = self.command("browsingContext.getTree")["contexts"][0]["context"]
        self.command("session.subscribe", events=["network.beforeRequestSent", "log.entryAdded"])

    def command(self, method: str, **params: Any) -> dict[str, Any]:
        """Send a command and return its result, recording the events that arrive meanwhile."""
        number = next(self._ids)
        self._socket.send(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = json.loads(self._socket.recv(timeout=60))
            if message.get("type") == "event":
                self._record(message)
            elif message.get("id") == number:
                if message.get("type") == "error":
                    raise RuntimeError(f"{method}: {message.get('error')}: {message.get('message')}")
                return dict(message["result"])

    def _record(self, event: dict[str, Any]) -> None:
        params = event["params"]
        if event["method"] == "network.beforeRequestSent" and params.get("context"):
            self.requests.append(params["request"]["url"])
        elif event["method"] == "log.entryAdded" and params.get("level") == "error":
            self.errors.append(str(params.get("text")))

    def goto(self, url: str) -> None:
        self.command("browsingContext.navigate", context=self.context, url=url, wait="complete")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (promises awaited), as JSON-like data."""
        result = self.command(
            "script.evaluate",
            expression=f"Promise.resolve({expression}).then(value => JSON.stringify(value ?? null))",
            target={"context": self.context},
            awaitPromise=True,
        )
        if result.get("type") == "exception":
            raise RuntimeError(result["exceptionDetails"].get("text"))
        return json.loads(result["result"]["value"])

    def wait_for(self, expression: str, seconds: float = 15) -> Any:
        """Poll a JavaScript expression until it is truthy; its value."""
        deadline = time.monotonic() + seconds
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(expression)
            time.sleep(0.1)

    def type(self, text: str) -> None:
        """Press and release each key, as a person typing (the theme listens to keyup)."""
        actions = [{"type": kind, "value": key} for key in text for kind in ("keyDown", "keyUp")]
        self.command(
            "input.performActions",
            context=self.context,
            actions=[{"type": "key", "id": "keyboard", "actions": actions}],
        )


@contextmanager
def firefox() -> Iterator[Firefox]:
    """Start a headless Firefox on a throw-away profile; stop it and remove the profile afterwards."""
    binary = executable()
    if binary is None:
        raise RuntimeError("Firefox is not installed (Debian package firefox-esr)")
    with tempfile.TemporaryDirectory(prefix="hub-firefox-") as profile:
        lines = "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in _PREFERENCES.items())
        Path(profile, "user.js").write_text(lines, encoding="utf-8")
        command = [binary, "--headless", "--no-remote", "--profile", profile, "--remote-debugging-port", "0"]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        assert process.stderr is not None
        try:
            address = _address(process.stderr)
            # Keep reading, so that Firefox never blocks on a full pipe.
            drain = threading.Thread(target=process.stderr.read, daemon=True)
            drain.start()
            with connect(f"{address}/session", max_size=None, open_timeout=30) as socket:
                yield Firefox(socket)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            process.stderr.close()


def _address(stderr: IO[str]) -> str:
    """The WebSocket address Firefox announces (port 0: the system chose a free one)."""
    seen = []
    for line in stderr:
        seen.append(line)
        found = _LISTENING.search(line)
        if found:
            return found.group(1)
    raise RuntimeError("Firefox stopped before serving WebDriver BiDi:\n" + "".join(seen[-20:]))
