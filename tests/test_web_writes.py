"""Writes over the web: answered only after they are stored, whole, and within limits."""

from __future__ import annotations

import asyncio
import io
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import Connection, event, func, select

from bot.simulator import Simulator
from service.community.imports import template
from service.db import transaction
from service.models import CommunityImport, Ticket, TicketEvent, TicketFollower
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


# -- control characters --------------------------------------------------------------------


def test_control_characters_from_chat_are_dropped_and_exports_still_work(web: Web) -> None:
    replies = asyncio.run(
        web.sim.say("5号楼居民群", "\u202e王大爷\x00", "1单元\x00电梯\x07坏了\x1b[31m 门关不上")
    )
    assert replies, "the resident got no answer"
    assert all("\u202e" not in m.rendered() and "抱歉" not in m.text for m in replies)
    with transaction(web.sim.core.factory) as session:
        ticket = session.scalars(select(Ticket).order_by(Ticket.id.desc())).first()
        assert ticket is not None
        assert (ticket.text, ticket.reporter_name) == ("1单元电梯坏了[31m 门关不上", "王大爷")
    client = web.login("wang")
    assert client.get("/tickets/export.xlsx").status_code == 200
    assert client.get("/reports/monthly.xlsx").status_code == 200


def test_control_characters_from_the_api_and_open311_are_dropped(web: Web) -> None:
    client, auth = web.client(), web.token("wang")
    noted = client.post(
        "/api/v1/tickets/1/notes", json={"note": "已\x07联系\u202e电工"}, headers=auth
    )
    assert noted.status_code == 200
    timeline = client.get("/api/v1/tickets/1", headers=auth).json()["timeline"]
    assert timeline[-1]["note"] == "已联系电工"
    filed = client.post(
        "/open311/v2/requests.json",
        data={
            "api_key": _key(web),
            "service_code": "maintenance",
            "description": "门口\x1b路灯\x07不亮",
            "address_string": "6号楼",
            "last_name": "\u202e孙",
        },
    )
    assert filed.status_code == 201
    number = filed.json()[0]["service_request_id"]
    one = client.get(f"/open311/v2/requests/{number}.json", headers=auth).json()[0]
    assert one["description"] == "门口路灯不亮"
    assert web.login("wang").get("/tickets/export.xlsx").status_code == 200


@pytest.mark.parametrize("text", ["#² 已处理", "工单 #²", "#²", "²号工单 已处理"])
def test_a_superscript_ticket_number_is_answered_not_crashed(web: Web, text: str) -> None:
    replies = asyncio.run(web.sim.say("3号楼党小组", "刘志强", text))
    assert all("抱歉" not in m.text for m in replies), [m.text for m in replies]


# -- Open311 reports are each stored -------------------------------------------------------


def _stored_texts(web: Web) -> list[str]:
    with transaction(web.sim.core.factory) as session:
        tickets = [t.text for t in session.scalars(select(Ticket))]
        followers = [f.text for f in session.scalars(select(TicketFollower))]
    return tickets + followers


@pytest.mark.parametrize("contact", [{}, {"email": "sun@example.com"}])
def test_every_open311_report_is_stored_and_answered_truthfully(
    web: Web, contact: dict[str, str]
) -> None:
    client, key = web.client(), _key(web)
    said = ["6号楼门口路灯不亮", "6号楼门口的路灯坏了，晚上很黑", "6号楼门口路灯不亮"]
    answers = []
    for text in said:
        answer = client.post(
            "/open311/v2/requests.json",
            data={"api_key": key, "service_code": "maintenance", "description": text, **contact},
        )
        assert answer.status_code == 201, answer.text
        answers.append(answer.json()[0])
    stored = _stored_texts(web)
    assert sorted(t for t in stored if t.startswith("6号楼")) == sorted(said)
    with transaction(web.sim.core.factory) as session:
        for answer in answers:
            ticket = session.get(Ticket, int(answer["service_request_id"]))
            assert ticket is not None
            notice = answer["service_notice"]
            if notice.startswith("已登记为工单"):
                assert notice.startswith(f"已登记为工单 #{ticket.id}，")
            else:  # joined an earlier ticket about the same problem: said so, words kept
                assert f"#{ticket.id}" in notice and "并入" in notice, notice


# -- request size limits -------------------------------------------------------------------

MB = 1024 * 1024


def test_a_huge_json_body_is_refused_with_413(web: Web) -> None:
    client, auth = web.client(), web.token("wang")
    before = _counts(web)
    body = b'{"note": "' + b"x" * (2 * MB) + b'"}'
    answer = client.post(
        "/api/v1/tickets/1/notes",
        content=body,
        headers={**auth, "Content-Type": "application/json"},
    )
    assert answer.status_code == 413 and answer.headers["content-type"] == PROBLEM
    assert "too large" in answer.json()["detail"]
    # without a Content-Length (chunked), counted as it arrives
    chunked = client.post(
        "/api/v1/tickets/1/notes",
        content=iter([b'{"note": "', b"x" * (2 * MB), b'"}']),
        headers={**auth, "Content-Type": "application/json"},
    )
    assert chunked.status_code == 413
    assert _counts(web) == before


def test_a_huge_open311_form_is_refused_with_413(web: Web) -> None:
    answer = web.client().post(
        "/open311/v2/requests.json",
        data={"api_key": _key(web), "service_code": "maintenance", "description": "x" * (2 * MB)},
    )
    assert answer.status_code == 413 and answer.headers["content-type"] == PROBLEM


def test_a_huge_upload_is_refused_with_a_clear_page(web: Web) -> None:
    client = web.login("wang")
    token = csrf_of(client.get("/data").text)
    answer = client.post(
        "/data/import",
        data={"csrf_token": token},
        files={"file": ("名单.xlsx", b"x" * (12 * MB), "application/octet-stream")},
    )
    assert answer.status_code == 413
    assert "太大" in answer.text
    # a dashboard form is small: a large one is refused too
    big = client.post("/tickets/1/claim", data={"csrf_token": token, "note": "x" * (2 * MB)})
    assert big.status_code == 413 and "太大" in big.text


def test_an_upload_is_not_read_before_sign_in(web: Web) -> None:
    answer = web.client().post(
        "/data/import",
        files={"file": ("名单.xlsx", b"x" * MB, "application/octet-stream")},
        follow_redirects=False,
    )
    assert answer.status_code == 401


# -- spreadsheet import --------------------------------------------------------------------


def _rezipped(data: bytes, change: Callable[[str, bytes], bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, change(info.filename, old.read(info)), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _upload(web: Web, data: bytes) -> Any:
    client = web.login("wang")
    token = csrf_of(client.get("/data").text)
    return client.post(
        "/data/import",
        data={"csrf_token": token},
        files={"file": ("名单.xlsx", data, "application/octet-stream")},
    )


def test_an_xlsx_that_unpacks_to_a_hundred_megabytes_is_refused_unread(web: Web) -> None:
    filled = template(web.sim.core.community, {})

    def bomb(name: str, content: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            return content.replace(b"</worksheet>", b" " * (100 * MB) + b"</worksheet>")
        return content

    data = _rezipped(filled, bomb)
    assert len(data) < 1 * MB
    answer = _upload(web, data)
    assert answer.status_code == 422 and "解压" in answer.text


def test_a_truncated_sheet_is_refused_with_422(web: Web) -> None:
    filled = template(web.sim.core.community, {})

    def cut(name: str, content: bytes) -> bytes:
        return content[: len(content) // 2] if name == "xl/worksheets/sheet1.xml" else content

    answer = _upload(web, _rezipped(filled, cut))
    assert answer.status_code == 422 and "无法读取" in answer.text


def test_control_characters_in_a_spreadsheet_are_dropped(web: Web) -> None:
    book = load_workbook(io.BytesIO(template(web.sim.core.community, {})))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value == "王书记":
                    cell.value = "\u202e王书记\u202c"
    out = io.BytesIO()
    book.save(out)
    answer = _upload(web, out.getvalue())
    assert answer.status_code == 200, answer.text
    with transaction(web.sim.core.factory) as session:
        layout = session.scalars(select(CommunityImport)).one().layout
    names = [p["name"] for p in layout["people"]]
    assert "王书记" in names and not any("\u202e" in n for n in names)


def test_reports_filed_at_the_same_time_are_all_accepted(web: Web) -> None:
    # SQLite: a request that writes takes the write lock when it begins, so parallel writers
    # queue instead of one failing with "database is locked" when it turns from reading to
    # writing over a snapshot another writer has changed.
    key = _key(web)
    client = TestClient(web.app, raise_server_exceptions=False)

    def file(n: int) -> int:
        answer = client.post(
            "/open311/v2/requests.json",
            data={
                "api_key": key,
                "service_code": "maintenance",
                "description": f"{n % 6 + 1}号楼门口路灯不亮 第{n}次",
            },
        )
        return answer.status_code

    with ThreadPoolExecutor(6) as pool:
        codes = list(pool.map(file, range(36)))
    assert codes == [201] * 36
