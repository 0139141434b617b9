"""Builders for dashboard tests: an app on the test database, staff accounts, signed-in clients."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fastapi import FastAPI
from fastapi.testclient import TestClient

from bot.playground import playground_router
from bot.simulator import Simulator
from service.db import transaction
from service.models import OutboxMessage
from service.staff import accounts, tokens
from service.web.app import create_app

PASSWORD = "correct horse battery"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
_FLASH = re.compile(r'class="flash[^"]*"[^>]*>([^<]*)<')


@dataclass
class Web:
    sim: Simulator
    app: FastAPI

    def add_staff(
        self, username: str, role: str, grid: int | None = None, person: str | None = None
    ) -> None:
        with transaction(self.sim.core.factory) as session:
            accounts.add_account(
                session,
                self.sim.core.community,
                username=username,
                password=PASSWORD,
                role=role,
                grid=grid,
                person=person,
                now=self.sim.clock.now(),
            )

    def client(self) -> TestClient:
        return TestClient(self.app)

    def login(self, username: str, password: str = PASSWORD) -> TestClient:
        client = self.client()
        response = sign_in(client, username, password)
        assert response.url.path == "/", flash_of(response.text)
        return client

    def token(self, username: str) -> dict[str, str]:
        with transaction(self.sim.core.factory) as session:
            account = accounts.get_account(session, username)
            token = tokens.issue_token(session, account, "test", self.sim.clock.now())
        return {"Authorization": f"Bearer {token}"}

    def outbox(self) -> list[tuple[str | None, str]]:
        with transaction(self.sim.core.factory) as session:
            rows = session.query(OutboxMessage).order_by(OutboxMessage.id).all()
            return [(r.group_name or r.room_id, r.text) for r in rows]


def make_web(sim: Simulator) -> Web:
    app = create_app(
        sim.core, [playground_router(sim)], clock=sim.clock, secret_key="test-secret-key"
    )
    return Web(sim, app)


def csrf_of(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "page has no CSRF token"
    return match.group(1)


def flash_of(html: str) -> str:
    match = _FLASH.search(html)
    return match.group(1).strip() if match else ""


def sign_in(client: TestClient, username: str, password: str):  # type: ignore[no-untyped-def]
    page = client.get("/login")
    return client.post(
        "/login",
        data={
            "username": username,
            "password": password,
            "csrf_token": csrf_of(page.text),
            "next": "/",
        },
    )


def post_form(client: TestClient, page: str, action: str, data: dict[str, str]):  # type: ignore[no-untyped-def]
    """Submit a form the way a browser does: with the CSRF token from the page it is on."""
    token = csrf_of(client.get(page).text)
    return client.post(action, data={**data, "csrf_token": token})
