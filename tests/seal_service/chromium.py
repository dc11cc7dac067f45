"""A minimal driver for headless Chromium over its DevTools pipe (``--remote-debugging-pipe``:
JSON messages separated by NUL on file descriptors 3 and 4), stdlib only. Enough to load a page,
run a line of JavaScript in it (fill a field, press a button) and wait for the next page."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-pipe",
)


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: ./dev installs it (TEST_DEBS)")
        pytest.skip("chromium is not installed (Debian package chromium)")
    return path


class Browser:
    def __init__(self, profile: Path) -> None:
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        command = [chromium_path(), *FLAGS, f"--user-data-dir={profile}", "about:blank"]
        # bash puts our pipe ends on the descriptors Chromium expects, then becomes it (dash
        # cannot: it allows no descriptor above 9 in a redirection).
        script = f'exec "$@" 3<&{to_browser_r} 4>&{from_browser_w}'
        self.proc = subprocess.Popen(
            ["bash", "-c", script, "bash", *command],
            pass_fds=(to_browser_r, from_browser_w),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer, self._next_id, self.session = b"", 0, None
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        self.call("Page.enable")

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=20)
        os.close(self._to_browser)
        os.close(self._from_browser)

    def call(self, method: str, **params) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if self.session is not None and not method.startswith("Target."):
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        reply = self._until(lambda m: m.get("id") == self._next_id)
        assert "error" not in reply, reply["error"]
        return reply["result"]

    def goto(self, url: str) -> None:
        self.call("Page.navigate", url=url)
        self.wait_for_load()

    def wait_for_load(self) -> None:
        self._until(lambda m: m.get("method") == "Page.loadEventFired")

    def js(self, expression: str):
        found = self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        assert "exceptionDetails" not in found, found["exceptionDetails"]
        return found["result"].get("value")

    def submit(self, expression: str) -> None:
        """Run JavaScript that submits a form, and wait for the page it leads to."""
        self.js(expression)
        self.wait_for_load()

    def screenshot(self, path: Path) -> None:
        import base64

        path.write_bytes(
            base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"])
        )

    def screenshot_png(self) -> bytes:
        """The visible page as PNG bytes (``Page.captureScreenshot``)."""
        import base64

        return base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"])

    def wait_for(self, expression: str, *, timeout: float = 20.0, every: float = 0.1):
        """Evaluate ``expression`` until it gives a truthy value (returned), for at most
        ``timeout`` seconds. An evaluation that fails because the page is navigating (no
        execution context for a moment) counts as falsy."""
        deadline = time.monotonic() + timeout
        last = None
        while True:
            try:
                last = self.js(expression)
            except AssertionError as exc:  # the page between two documents
                last = exc
            else:
                if last:
                    return last
            assert time.monotonic() < deadline, f"waited {timeout} s for {expression[:200]}: {last}"
            time.sleep(every)

    def _until(self, wanted) -> dict:
        # Bounded by Chromium itself: if it dies, the pipe closes and read returns b"".
        while True:
            while b"\0" not in self._buffer:
                chunk = os.read(self._from_browser, 1 << 16)
                assert chunk, "Chromium closed the DevTools pipe"
                self._buffer += chunk
            raw, self._buffer = self._buffer.split(b"\0", 1)
            message = json.loads(raw)
            if wanted(message):
                return message


@pytest.fixture
def browser(tmp_path):
    """A headless Chromium with a profile of its own, closed after the test (import it as a fixture)."""
    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    b = Browser(profile)
    yield b
    b.close()
