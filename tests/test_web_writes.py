"""Writes over the web: answered only after they are stored, whole, and within limits."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, event, func, select

from bot.simulator import Simulator
from service.db import transaction
from service.models import Ticket, TicketEvent
from tests.web_support import Web, csrf_of, make_web

PROBLEM = "application/problem+json"


@pytest.fixture
def web(sim: Simulator) -> Web:
    asyncio.run(sim.say("3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了"))
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    return web


def _key(web: Web) -> str:
    return web.token("wang")["Authorization"].split()[1]


def _counts(web: Web) -> tuple[int, int]:
    with transaction(web.sim.core.factory) as session:
        tickets = session.scalar(select(func.count()).select_from(Ticket)) or 0
        events = session.scalar(select(func.count()).select_from(TicketEvent)) or 0
    return tickets, events


def _open311(client: TestClient, key: str) -> Any:
    return client.post(
        "/open311/v2/requests.json",
        data={
            "api_key": key,
            "service_code": "maintenance",
            "description": "门口路灯不亮",
            "address_string": "6号楼",
        },
    )


def test_a_report_whose_commit_fails_is_not_acknowledged(web: Web) -> None:
    key, before = _key(web), _counts(web)
    client = TestClient(web.app, raise_server_exceptions=False)
    with _failing(web):
        answer = _open311(client, key)
    assert answer.status_code == 500, answer.text
    assert "已登记" not in answer.text
    assert _counts(web) == before


def test_an_api_action_whose_commit_fails_is_not_acknowledged(web: Web) -> None:
    auth, before = web.token("wang"), _counts(web)
    client = TestClient(web.app, raise_server_exceptions=False)
    with _failing(web):
        answer = client.post("/api/v1/tickets/1/claim", headers=auth)
    assert answer.status_code == 500 and answer.headers["content-type"] == PROBLEM
    assert _counts(web) == before


def test_a_dashboard_action_whose_commit_fails_is_not_acknowledged(web: Web) -> None:
    client = web.login("wang")
    client = TestClient(web.app, raise_server_exceptions=False, cookies=client.cookies)
    token = csrf_of(client.get("/tickets/1").text)
    before = _counts(web)
    with _failing(web):
        answer = client.post("/tickets/1/claim", data={"csrf_token": token}, follow_redirects=False)
    assert answer.status_code == 500, answer.status_code
    assert _counts(web) == before


class _failing:
    """Every database commit fails, as on a full disk or a lost connection."""

    def __init__(self, web: Web) -> None:
        self.engine = web.sim.core.engine

    @staticmethod
    def _refuse(_conn: Connection) -> None:
        raise OSError("disk full")

    def __enter__(self) -> None:
        event.listen(self.engine, "commit", self._refuse)

    def __exit__(self, *_exc: object) -> None:
        event.remove(self.engine, "commit", self._refuse)
