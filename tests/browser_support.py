"""Debian's Chromium for Playwright, installed by the test run itself, and a live server."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from fastapi import FastAPI
from playwright.sync_api import Browser, sync_playwright

from bot.simulator import Simulator
from service.bootstrap import open_core
from service.clock import FakeClock
from service.settings import REPO_ROOT, Settings
from tests.machine_lock import one_at_a_time
from tests.web_support import Web, make_web

CHROMIUM = Path("/usr/bin/chromium")
TESTS = Path(__file__).resolve().parent
AXE_SRC = TESTS / "axe"  # package.json and package-lock.json: axe-core, pinned
AXE_DIR = TESTS / ".axe"  # where npm installs it (ignored by git)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PACKAGES = ["chromium", "fonts-noto-cjk"]  # the fonts make Chinese readable in screenshots


def _has_cjk_font() -> bool:
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


def ensure_chromium() -> Path:
    """Install Debian's chromium (never a downloaded browser build) when it is missing."""
    with one_at_a_time("apt"):
        return _ensure_chromium()


def _ensure_chromium() -> Path:
    if CHROMIUM.exists() and _has_cjk_font():
        return CHROMIUM
    apt = ["apt-get", "install", "-y", "-q", *PACKAGES]
    if subprocess.run(apt, capture_output=True, check=False).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], capture_output=True, check=True)
        subprocess.run(apt, capture_output=True, check=True)
    if not CHROMIUM.exists():
        raise RuntimeError("apt-get did not install /usr/bin/chromium")
    return CHROMIUM


def ensure_axe() -> Path:
    """axe-core from npm at the version in tests/axe/package-lock.json, installed once per lock
    file with `npm ci`; returns the script the browser tests inject into pages."""
    with one_at_a_time("axe"):
        return _ensure_axe()


def _ensure_axe() -> Path:
    lock = (AXE_SRC / "package-lock.json").read_text(encoding="utf-8")
    script = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
    stamp = AXE_DIR / "node_modules" / ".hongqiao-lock"
    if script.exists() and stamp.exists() and stamp.read_text(encoding="utf-8") == lock:
        return script
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is not installed: the accessibility scan needs Node.js and npm")
    AXE_DIR.mkdir(exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(AXE_SRC / name, AXE_DIR / name)
    subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=AXE_DIR,
        capture_output=True,
        check=True,
    )
    version = json.loads((script.parent / "package.json").read_text(encoding="utf-8"))["version"]
    if version not in lock:
        raise RuntimeError(f"npm installed axe-core {version}, not the locked version")
    stamp.write_text(lock, encoding="utf-8")
    return script


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


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright."""
    path = ensure_chromium()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(path), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def seeded_web(db: Path, seeder: Callable[[Simulator, FakeClock], None]) -> Web:
    """A fresh SQLite database filled by `seeder` through the simulator, from 1 November on.
    Playwright's sync API keeps an event loop running in the test's thread; the simulator's
    own asyncio.run calls go to a thread of their own."""
    core = open_core(
        Settings(config_dir=REPO_ROOT / "config"), database_url=f"sqlite:///{db}", fresh=True
    )
    clock = FakeClock(FakeClock().now().replace(month=11, day=1))
    sim = Simulator(core, clock)
    seeding = threading.Thread(target=seeder, args=(sim, clock))
    seeding.start()
    seeding.join()
    return make_web(sim)
