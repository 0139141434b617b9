"""Guessing passwords: counted atomically per source and per account, never keeping the right
person out, the same for unknown and real names, and never holding a database connection."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from bot.simulator import Simulator
from service.db import transaction
from service.staff import accounts
from tests.web_support import PASSWORD, Web, csrf_of, flash_of, make_web

WRONG = "用户名或密码不对"
WAIT = "后再试"


@pytest.fixture
def web(sim: Simulator) -> Web:
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    return web


def _client(web: Web, source: str) -> TestClient:
    return TestClient(web.app, client=(source, 50000))


def _attempt(client: TestClient, username: str, password: str) -> tuple[int, str]:
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token, "next": "/"},
    )
    return response.status_code, flash_of(response.text) or response.text


def test_parallel_guesses_get_no_more_than_three_tries(web: Web) -> None:
    clients = [_client(web, "10.0.0.9") for _ in range(16)]
    tokens = [csrf_of(c.get("/login").text) for c in clients]
    start = threading.Barrier(len(clients))

    def guess(i: int) -> tuple[int, str]:
        start.wait()
        r = clients[i].post(
            "/login",
            data={"username": "wang", "password": f"guess {i}", "csrf_token": tokens[i]},
        )
        return r.status_code, r.text

    with ThreadPoolExecutor(len(clients)) as pool:
        answers = list(pool.map(guess, range(len(clients))))
    assert all(status == 401 for status, _ in answers), [s for s, _ in answers]
    checked = [text for _, text in answers if WRONG in text]
    assert len(checked) <= accounts.FREE_TRIES
    assert sum(WAIT in text for _, text in answers) >= len(clients) - accounts.FREE_TRIES


def test_guesses_from_elsewhere_never_keep_the_right_person_out(web: Web) -> None:
    attacker = _client(web, "10.0.0.66")
    for i in range(6):
        _attempt(attacker, "wang", f"guess {i}")
    assert WAIT in _attempt(attacker, "wang", PASSWORD)[1]  # the guessing source waits
    owner = _client(web, "192.168.1.5")
    response = owner.post(
        "/login",
        data={
            "username": "wang",
            "password": PASSWORD,
            "csrf_token": csrf_of(owner.get("/login").text),
        },
    )
    assert response.url.path == "/", response.text


def test_after_an_admin_resets_a_forgotten_password_it_works_at_once(web: Web) -> None:
    owner = _client(web, "192.168.1.5")
    for i in range(5):
        _attempt(owner, "wang", f"forgot {i}")
    assert WAIT in _attempt(owner, "wang", PASSWORD)[1]
    with transaction(web.sim.core.factory) as session:
        accounts.set_password(session, "wang", "a new password 2026", web.sim.clock.now())
    response = owner.post(
        "/login",
        data={
            "username": "wang",
            "password": "a new password 2026",
            "csrf_token": csrf_of(owner.get("/login").text),
        },
    )
    assert response.url.path == "/", flash_of(response.text)


def test_unknown_and_real_names_are_answered_alike(web: Web) -> None:
    answers = {}
    for name, source in (("wang", "10.0.0.1"), ("nobody", "10.0.0.2")):
        client = _client(web, source)
        answers[name] = [_attempt(client, name, f"wrong {i}") for i in range(4)]
    assert answers["wang"] == answers["nobody"]
    assert WAIT in answers["nobody"][-1][1]


def test_one_source_guessing_many_names_is_slowed(web: Web) -> None:
    client = _client(web, "10.0.0.7")
    answers = [_attempt(client, f"name{i}", "wrong password")[1] for i in range(12)]
    assert WAIT in answers[-1]


def test_passwords_are_checked_without_holding_a_database_connection(
    web: Web, monkeypatch: pytest.MonkeyPatch
) -> None:
    pool = web.sim.core.engine.pool
    held: list[int] = []
    running = [0]
    most = [0]
    lock = threading.Lock()
    real_verify = accounts.verify_password

    def watched(stored: str | None, password: str) -> accounts.Verdict:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        held.append(pool.checkedout())  # type: ignore[attr-defined]
        try:
            return real_verify(stored, password)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(accounts, "verify_password", watched)
    client = _client(web, "10.1.1.1")
    token = csrf_of(client.get("/login").text)
    idle = pool.checkedout()  # type: ignore[attr-defined]  # PostgreSQL: the leader lock's
    client.post("/login", data={"username": "wang", "password": "wrong", "csrf_token": token})
    assert held == [idle]  # no connection taken while the password is checked
    clients = [_client(web, f"10.1.0.{i}") for i in range(8)]
    with ThreadPoolExecutor(len(clients)) as workers:
        list(workers.map(lambda c: _attempt(c, "wang", "wrong password"), clients))
    assert len(held) == 1 + len(clients)
    assert most[0] <= accounts.HASH_CONCURRENCY
    assert web.login("wang")
