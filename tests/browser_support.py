"""Debian's Chromium for Playwright, installed by the test run itself, and a live server."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from fastapi import FastAPI

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PACKAGES = ["chromium", "fonts-noto-cjk"]  # the fonts make Chinese readable in screenshots


def _has_cjk_font() -> bool:
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


def ensure_chromium() -> Path:
    """Install Debian's chromium (never a downloaded browser build) when it is missing."""
    if CHROMIUM.exists() and _has_cjk_font():
        return CHROMIUM
    apt = ["apt-get", "install", "-y", "-q", *PACKAGES]
    if subprocess.run(apt, capture_output=True, check=False).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], capture_output=True, check=True)
        subprocess.run(apt, capture_output=True, check=True)
    if not CHROMIUM.exists():
        raise RuntimeError("apt-get did not install /usr/bin/chromium")
    return CHROMIUM


@contextmanager
def live_server(app: FastAPI) -> Iterator[str]:
    """Serve the app on a socket that listens before the server starts: the first request
    simply queues until uvicorn accepts it, so nothing has to wait for a start-up."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
