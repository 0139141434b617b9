"""Tokens and secrets: keys kept out of logs, tokens and sessions that really end, cookies and
headers a browser can be told to protect, and the first admin password kept off the log."""

from __future__ import annotations

import io
import json
import logging
import socket
import stat
import threading
import urllib.request
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient

from bot.playground import playground_router
from bot.simulator import Simulator
from service.clock import FakeClock
from service.db import transaction
from service.settings import Settings
from service.staff import accounts
from service.staff import cli as staff_cli
from service.web.app import create_app
from service.web.security import server_options
from tests.web_support import PASSWORD, csrf_of, make_web


def test_open311_api_key_never_reaches_the_access_log(
    sim: Simulator, caplog: pytest.LogCaptureFixture
) -> None:
    make_web(sim)
    with caplog.at_level(logging.INFO, logger="uvicorn.access"):
        logging.getLogger("uvicorn.access").info(  # as uvicorn writes each request
            '%s - "%s %s HTTP/%s" %d',
            "10.0.0.1:5000",
            "GET",
            "/open311/v2/requests.json?status=open&api_key=hq_SECRET123&x=1",
            "1.1",
            200,
        )
    assert "hq_SECRET123" not in caplog.text
    assert "api_key=***" in caplog.text and "status=open" in caplog.text


def test_changing_a_password_revokes_api_tokens(sim: Simulator, clock: FakeClock) -> None:
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    headers = web.token("wang")
    client = web.client()
    assert client.get("/api/v1/tickets", headers=headers).status_code == 200
    with transaction(sim.core.factory) as session:
        accounts.set_password(session, "wang", "a brand new password", clock.now())
    assert client.get("/api/v1/tickets", headers=headers).status_code == 401


def test_a_cookie_saved_before_logout_no_longer_works(sim: Simulator) -> None:
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    client = web.login("wang")
    saved = dict(client.cookies)
    token = csrf_of(client.get("/tickets").text)
    assert client.post("/logout", data={"csrf_token": token}).url.path == "/login"
    thief = web.client()
    thief.cookies.update(saved)
    assert thief.get("/tickets").url.path == "/login"
    assert web.login("wang").get("/tickets").url.path == "/tickets"  # a new sign-in works


def test_secure_cookie_setting_marks_the_session_cookie_secure(sim: Simulator) -> None:
    app = create_app(
        sim.core, [playground_router(sim)], clock=sim.clock, secret_key="k", secure_cookies=True
    )
    client = TestClient(app, base_url="https://testserver")
    page = client.get("/login")
    assert "secure" in page.headers["set-cookie"].lower()
    make_web(sim).add_staff("wang", "community", person="王书记")
    response = client.post(
        "/login",
        data={"username": "wang", "password": PASSWORD, "csrf_token": csrf_of(page.text)},
    )
    assert response.url.path == "/"


def test_pages_forbid_framing_and_foreign_scripts(sim: Simulator) -> None:
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    client = web.login("wang")
    for path in ("/", "/tickets", "/charts", "/login", "/playground", "/healthz", "/docs"):
        headers = client.get(path).headers
        policy = headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy, path
        assert (
            "script-src 'self'" in policy
            and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
        )
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
    # Swagger UI is this service's own copy: no page of any community runs another's script.
    assert client.get("/redoc").status_code == 404


def test_signed_in_pages_api_answers_and_exports_are_never_cached(sim: Simulator) -> None:
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    client = web.login("wang")
    for path in (
        "/",
        "/tickets",
        "/tickets/export.xlsx",
        "/reports/monthly.xlsx",
        "/data/template.xlsx",
        "/account",
        "/login",
    ):
        answer = client.get(path)
        assert answer.status_code == 200, path
        assert answer.headers.get("cache-control") == "no-store", path
    api = client.get("/api/v1/tickets", headers=web.token("wang"))
    assert api.status_code == 200 and api.headers.get("cache-control") == "no-store"
    refused = web.client().get("/api/v1/tickets")
    assert refused.status_code == 401 and refused.headers.get("cache-control") == "no-store"
    assert "no-store" not in client.get("/static/app.css").headers.get("cache-control", "")


def test_first_admin_password_is_not_written_to_a_log(
    sim: Simulator, clock: FakeClock, tmp_path: Path
) -> None:
    banner = staff_cli.first_admin_banner(sim.core, clock)
    assert banner is not None
    password = banner.split("密码：")[-1].strip()
    log = io.StringIO()  # not a terminal: a service manager's log
    target = tmp_path / "first-admin-password.txt"
    staff_cli.show_first_admin(banner, log, target)
    assert password not in log.getvalue() and str(target) in log.getvalue()
    assert password in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    staff_cli.show_first_admin(banner, terminal, tmp_path / "unused.txt")
    assert password in terminal.getvalue() and not (tmp_path / "unused.txt").exists()


def _source_seen(options: dict[str, object], forged: str) -> str:
    """The client address the app sees through a real uvicorn started with `options`, for a
    request from this machine that claims to come from `forged`."""
    probe = FastAPI()

    @probe.get("/source")
    def source(request: Request) -> dict[str, str]:
        return {"host": request.client.host if request.client else ""}

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    server = uvicorn.Server(uvicorn.Config(probe, log_level="warning", **options))  # type: ignore[arg-type]
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{sock.getsockname()[1]}/source"
        asked = urllib.request.Request(url, headers={"X-Forwarded-For": forged})
        with urllib.request.urlopen(asked, timeout=10) as answer:
            seen: str = json.load(answer)["host"]
        return seen
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def test_a_forged_forwarded_for_header_does_not_change_the_source_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The sign-in limits count per source address: without a proxy nobody may choose theirs."""
    monkeypatch.delenv("HONGQIAO_TRUSTED_PROXIES", raising=False)
    assert _source_seen(server_options(Settings()), "203.0.113.7") == "127.0.0.1"
    monkeypatch.setenv("HONGQIAO_TRUSTED_PROXIES", "127.0.0.1")
    assert _source_seen(server_options(Settings()), "203.0.113.7") == "203.0.113.7"
