"""REST API and Open311: bearer tokens with roles, problem+json errors, the same flows as chat."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.simulator import Simulator
from service.db import transaction
from service.models import Ticket
from tests.web_support import Web, make_web

PROBLEM = "application/problem+json"


@pytest.fixture
def web(sim: Simulator) -> Web:
    for group, sender, text in [
        ("3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了"),
        ("5号楼居民群", "王奶奶", "5号楼电梯又坏了"),
    ]:
        asyncio.run(sim.say(group, sender, text))
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    web.add_staff("zhao", "grid", grid=2, person="赵网格长")
    return web


def test_api_needs_a_valid_token(web: Web) -> None:
    client = web.client()
    for headers in ({}, {"Authorization": "Bearer hq_nope"}, {"Authorization": "Basic eDp5"}):
        answer = client.get("/api/v1/tickets", headers=headers)
        assert answer.status_code == 401
        assert answer.headers["content-type"] == PROBLEM
        assert answer.json()["status"] == 401


def test_list_detail_and_pagination(web: Web) -> None:
    client, auth = web.client(), web.token("wang")
    page = client.get("/api/v1/tickets?per_page=1", headers=auth).json()
    assert page["total"] == 2 and [t["id"] for t in page["items"]] == [2]
    second = client.get("/api/v1/tickets?per_page=1&page=2", headers=auth).json()
    assert [t["id"] for t in second["items"]] == [1]
    assert client.get("/api/v1/tickets?building=3", headers=auth).json()["total"] == 1
    detail = client.get("/api/v1/tickets/1", headers=auth).json()
    assert detail["place"] == "3号楼2单元" and detail["state_label"] == "待受理"
    assert [e["kind"] for e in detail["timeline"]] == ["created"]


def test_actions_queue_the_same_chat_messages(web: Web) -> None:
    client, auth = web.client(), web.token("wang")
    claimed = client.post("/api/v1/tickets/1/claim", headers=auth).json()
    assert claimed["ticket"]["state"] == "claimed"
    resolved = client.post("/api/v1/tickets/1/resolve", json={"note": "换了灯泡"}, headers=auth)
    assert resolved.json()["notified"] == ["3号楼党小组", "居民"]
    assert web.outbox()[-2] == ("3号楼党小组", "工单 #1 已办结（王书记）：换了灯泡")
    again = client.post("/api/v1/tickets/1/resolve", json={"note": "x"}, headers=auth)
    assert again.status_code == 409 and again.headers["content-type"] == PROBLEM
    assert "无需重复操作" in again.json()["message_zh"]
    timeline = client.get("/api/v1/tickets/1", headers=auth).json()["timeline"]
    assert [e["kind"] for e in timeline] == ["created", "claimed", "resolved"]


def test_grid_staff_tokens_see_their_grid_only(web: Web) -> None:
    client, auth = web.client(), web.token("zhao")
    assert [t["id"] for t in client.get("/api/v1/tickets", headers=auth).json()["items"]] == [2]
    assert client.get("/api/v1/tickets/1", headers=auth).status_code == 404
    assert client.post("/api/v1/tickets/1/claim", headers=auth).status_code == 404
    assert client.get("/api/v1/stats?scope=grid&number=1", headers=auth).status_code == 403
    grid = client.get("/api/v1/stats?scope=grid&number=2", headers=auth).json()
    assert grid["figures"]["received"] == 1
    assert [b["number"] for b in client.get("/api/v1/buildings", headers=auth).json()] == [4, 5, 6]


def test_bad_requests_are_problems_not_crashes(web: Web) -> None:
    client, auth = web.client(), web.token("wang")
    cases = [
        client.get("/api/v1/tickets?state=burning", headers=auth),
        client.get("/api/v1/tickets/0", headers=auth),
        client.get("/api/v1/tickets/99999999999", headers=auth),
        client.post("/api/v1/tickets/1/transfer", json={"target": ""}, headers=auth),
        client.post("/api/v1/tickets/1/transfer", json={"target": "火星"}, headers=auth),
        client.post("/api/v1/tickets/1/merge", json={"into_id": 1}, headers=auth),
        client.get("/api/v1/stats?start=2026-12-05&end=2026-12-01", headers=auth),
    ]
    for answer in cases:
        assert 400 <= answer.status_code < 500, answer.text
        assert answer.headers["content-type"] == PROBLEM


def test_nul_characters_are_dropped_not_fatal(web: Web) -> None:
    # PostgreSQL refuses NUL in text; a stray one must not turn into a server error.
    client, auth = web.client(), web.token("wang")
    assert client.get("/api/v1/tickets?q=%00灯", headers=auth).json()["total"] == 1
    assert client.get("/open311/v2/requests.json?service_code=%00", headers=auth).json() == []
    noted = client.post("/api/v1/tickets/1/notes", json={"note": "已\u0000联系"}, headers=auth)
    assert noted.status_code == 200
    timeline = client.get("/api/v1/tickets/1", headers=auth).json()["timeline"]
    assert timeline[-1]["note"] == "已联系"


def test_open311_dates_at_the_calendars_ends_are_answered_not_fatal(web: Web) -> None:
    # Found by the schema fuzzer: a minute east of UTC on 1 January of year 1 is in year 0.
    client, auth = web.client(), web.token("wang")
    early = {"end_date": "0001-01-01T00:00:00+00:01"}
    assert client.get("/open311/v2/requests.json", params=early, headers=auth).json() == []
    late = {"start_date": "9999-12-31T23:59:59-00:01"}
    assert client.get("/open311/v2/requests.json", params=late, headers=auth).json() == []
    everything = {
        "start_date": "0001-01-01T00:00:00+00:01",
        "end_date": "9999-12-31T23:59:59-00:01",
    }
    assert len(client.get("/open311/v2/requests.json", params=everything, headers=auth).json()) == 2


def test_stats_groups_and_members(web: Web) -> None:
    client, auth = web.client(), web.token("wang")
    stats = client.get("/api/v1/stats", headers=auth).json()["figures"]
    assert stats["received"] == 2 and stats["resolution_rate"] == 0.0
    assert stats["satisfaction_rate"] is None  # nothing rated: no rate, not zero
    groups = {g["name"]: g for g in client.get("/api/v1/groups", headers=auth).json()}
    assert groups["3号楼党小组"]["leader"] == "刘志强"
    events = client.get("/api/v1/events", headers=auth).json()
    assert events and {"ref", "signed_up", "waiting", "leave"} <= events[0].keys()
    one = client.get(f"/api/v1/events/{events[0]['id']}", headers=auth).json()
    assert one["title"] == events[0]["title"] and one["responses"] == []
    assert client.get("/api/v1/events/999999", headers=auth).status_code == 404
    members = {m["name"]: m for m in client.get("/api/v1/members", headers=auth).json()}
    assert "3号楼党小组" in members["刘志强"]["groups"]


def test_open311_services_and_requests(web: Web) -> None:
    client, auth = web.client(), web.token("wang")
    services = {s["service_code"]: s for s in client.get("/open311/v2/services.json").json()}
    assert services["maintenance"]["service_name"] == "维修维护"
    assert client.get("/open311/v2/requests.json").status_code == 401
    one = client.get("/open311/v2/requests/1.json", headers=auth).json()[0]
    assert one["status"] == "open" and one["agency_responsible"] == "3号楼党小组"
    assert one["expected_datetime"] == "2026-12-08T01:00:00+00:00"  # 7 days for maintenance
    client.post("/api/v1/tickets/1/resolve", json={"note": "换了灯泡"}, headers=auth)
    closed = client.get("/open311/v2/requests.json?status=closed", headers=auth).json()
    assert [(r["service_request_id"], r["status_notes"]) for r in closed] == [
        ("1", "已办结：换了灯泡")
    ]


def test_open311_post_files_a_ticket_and_tells_the_group(web: Web) -> None:
    client = web.client()
    key = web.token("wang")["Authorization"].split()[1]
    before = len(web.outbox())
    filed = client.post(
        "/open311/v2/requests.json",
        data={
            "api_key": key,
            "service_code": "maintenance",
            "description": "门口路灯不亮",
            "address_string": "6号楼",
            "last_name": "孙",
        },
    )
    assert filed.status_code == 201
    number = filed.json()[0]["service_request_id"]
    assert web.outbox()[before:][0][0] == "6号楼党小组"
    assert len(web.outbox()) == before + 1  # no chat room to answer the filer in
    nowhere = client.post(
        "/open311/v2/requests.json",
        data={"api_key": key, "service_code": "maintenance", "description": "路灯不亮"},
    )
    assert nowhere.status_code == 422 and "几号楼" in nowhere.json()["message_zh"]
    unknown = client.post(
        "/open311/v2/requests.json", data={"api_key": key, "service_code": "x", "description": "y"}
    )
    assert unknown.status_code == 422 and unknown.headers["content-type"] == PROBLEM
    assert number == "3"


def test_open311_files_only_for_buildings_of_the_community_within_the_accounts_grid(
    web: Web,
) -> None:
    """A grid 2 token files for 6号楼 (its grid), not for 3号楼 (grid 1) nor 99号楼 (no such
    building), each refused with its reason; the ticket's history names the account that filed
    it (red team #6)."""
    client = web.client()
    key = web.token("zhao")["Authorization"].split()[1]

    def post(address: str) -> Any:
        return client.post(
            "/open311/v2/requests.json",
            data={
                "api_key": key,
                "service_code": "maintenance",
                "description": "门口路灯不亮",
                "address_string": address,
            },
        )

    outside = post("3号楼")
    assert outside.status_code == 403
    assert outside.json()["message_zh"] == "3号楼不在第二网格，请联系社区登记。"
    missing = post("99号楼")
    assert missing.status_code == 422 and missing.json()["message_zh"] == "本社区没有99号楼。"
    filed = post("6号楼")
    assert filed.status_code == 201
    number = int(filed.json()[0]["service_request_id"])
    with transaction(web.sim.core.factory) as session:
        ticket = session.get_one(Ticket, number)
        filers = [(e.actor_name, e.note) for e in ticket.events if e.kind == "filed_for"]
        assert filers == [("赵网格长", "Open311")]
        assert session.scalar(select(func.count()).select_from(Ticket)) == number
    page = web.login("zhao").get(f"/tickets/{number}").text
    assert "工作人员通过接口代为登记" in page and "赵网格长" in page
