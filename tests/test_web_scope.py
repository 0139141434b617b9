"""Nobody acts where they don't belong: the playground and the delivery page keep to the
account's scope (grid staff their grid, admins everything)."""

from __future__ import annotations

import asyncio
import re

import pytest
from sqlalchemy import delete

from bot.simulator import Simulator
from service.db import transaction
from service.models import OutboxMessage, RoomBinding, Ticket
from tests.web_support import Web, csrf_of, make_web


@pytest.fixture
def web(sim: Simulator) -> Web:
    asyncio.run(sim.say("4号楼居民群", "李大爷", "4号楼电梯又坏了"))  # ticket #1, grid 2
    web = make_web(sim)
    web.add_staff("admin1", "admin", person="王书记")
    web.add_staff("li", "grid", grid=1, person="李网格长")
    web.add_staff("wang", "community")
    return web


def _state(web: Web, number: int) -> str:
    with transaction(web.sim.core.factory) as session:
        ticket = session.get(Ticket, number)
        assert ticket is not None
        return ticket.state


def test_playground_grid_account_cannot_speak_as_the_secretary_or_in_another_grid(
    web: Web,
) -> None:
    li = web.login("li")
    as_secretary = li.post(
        "/playground/say", json={"group": "1号楼党小组", "sender": "王书记", "text": "#1 已处理"}
    )
    assert as_secretary.status_code == 403
    for hidden in ("\u202e", "\x00", "\x07", "\u200e", "\u2066"):  # gone once cleaned
        disguised = li.post(
            "/playground/say",
            json={"group": "1号楼党小组", "sender": f"王书记{hidden}", "text": "#1 已处理"},
        )
        assert disguised.status_code == 403, repr(hidden)
    other_grid = li.post(
        "/playground/say", json={"group": "4号楼党小组", "sender": "孙丽", "text": "#1 已处理"}
    )
    assert other_grid.status_code == 403
    assert _state(web, 1) != "resolved"
    # Within the grid: residents, themselves and the grid's own staff.
    ok = li.post(
        "/playground/say",
        json={"group": "3号楼居民群", "sender": "张阿姨", "text": "2单元楼道灯坏了好几天了"},
    )
    assert ok.status_code == 200
    assert (
        li.post(
            "/playground/say", json={"group": "3号楼党小组", "sender": "刘志强", "text": "#2 接单"}
        ).status_code
        == 200
    )


def test_playground_shows_only_rooms_in_scope_and_says_so(web: Web) -> None:
    admin = web.login("admin1")
    for group in ("3号楼居民群", "4号楼居民群"):
        said = {"group": group, "sender": "张阿姨", "text": "楼道灯坏了好几天了"}
        assert admin.post("/playground/say", json=said).status_code == 200
    li = web.login("li")
    rooms = {line["room"] for line in li.get("/playground/transcript").json()}
    assert rooms and not any(room.startswith("4号楼") for room in rooms)
    setup = li.get("/playground/setup").json()
    groups = {g["name"] for g in setup["groups"]}
    assert "3号楼居民群" in groups and "4号楼居民群" not in groups
    assert "社区党委工作群" not in groups
    assert "王书记" not in setup["people"] and "刘志强" in setup["people"]
    assert "您只能看到第一网格的群" in li.get("/playground").text
    assert "4号楼居民群" in {line["room"] for line in admin.get("/playground/transcript").json()}
    assert "您只能看到" not in admin.get("/playground").text


def test_playground_community_account_cannot_speak_as_an_administrator(web: Web) -> None:
    wang = web.login("wang")
    said = wang.post(
        "/playground/say", json={"group": "社区党委工作群", "sender": "王书记", "text": "待办"}
    )
    assert said.status_code == 403
    assert (
        wang.post(
            "/playground/say", json={"group": "社区党委工作群", "sender": "刘值班", "text": "待办"}
        ).status_code
        == 200
    )


def test_todo_and_healthz_name_the_staff_groups_still_unbound(sim: Simulator) -> None:
    with transaction(sim.core.factory) as session:  # nobody has bound the property group yet
        session.execute(delete(RoomBinding).where(RoomBinding.group_name == "物业服务中心群"))
    said = asyncio.run(sim.say("社区党委工作群", "刘值班", "待办"))
    assert "物业服务中心群还没有接入小助手" in said[-1].text
    health = make_web(sim).client().get("/healthz").json()
    assert "物业服务中心群" in health["unbound_groups"]
    assert "社区党委工作群" not in health["unbound_groups"]


def _failed_rows(web: Web) -> dict[str, int]:
    """One failed message for a grid-1 group and one for a grid-2 group."""
    rows = {}
    with transaction(web.sim.core.factory) as session:
        for group in ("3号楼党小组", "4号楼党小组"):
            row = OutboxMessage(
                idempotency_key=f"test:{group}",
                group_name=group,
                text=f"居民原话：{group}的秘密",
                state="failed",
                attempts=5,
                last_error="boom",
                created_at=web.sim.clock.now(),
            )
            session.add(row)
            session.flush()
            rows[group] = row.id
    return rows


def test_public_delivery_health_tells_states_and_counts_only(web: Web) -> None:
    _failed_rows(web)
    anonymous = web.client().get("/healthz/delivery")
    assert anonymous.status_code == 503
    body = anonymous.json()
    assert body["failed"] == 2 and "pending" in body
    assert "秘密" not in anonymous.text and "recent_failures" not in body


def test_delivery_page_and_retry_keep_to_the_grid(web: Web) -> None:
    rows = _failed_rows(web)
    li = web.login("li")
    page = li.get("/delivery").text
    assert "3号楼党小组的秘密" in page and "4号楼党小组的秘密" not in page
    token = csrf_of(page)
    refused = li.post(f"/delivery/{rows['4号楼党小组']}/retry", data={"csrf_token": token})
    assert "没有这条消息" in refused.text
    with transaction(web.sim.core.factory) as session:
        assert session.get_one(OutboxMessage, rows["4号楼党小组"]).state == "failed"
    li.post(f"/delivery/{rows['3号楼党小组']}/retry", data={"csrf_token": token})
    with transaction(web.sim.core.factory) as session:
        assert session.get_one(OutboxMessage, rows["3号楼党小组"]).state == "pending"
    admin = web.login("admin1").get("/delivery").text
    assert "4号楼党小组的秘密" in admin


OUT_OF_SCOPE_FORMS = {
    "claim": {},
    "resolve": {"note": "换好了"},
    "transfer": {"target": "物业"},
    "merge": {"into": "1"},
    "complex": {},
    "note": {"note": "看过了"},
    "correct": {"kind": "emergency"},
}


@pytest.mark.parametrize("action", sorted(OUT_OF_SCOPE_FORMS))
def test_an_action_on_a_ticket_outside_the_grid_is_refused_not_redirected_as_if_done(
    web: Web, action: str
) -> None:
    li = web.login("li")
    token = csrf_of(li.get("/tickets").text)
    sent = web.outbox()
    form = {**OUT_OF_SCOPE_FORMS[action], "csrf_token": token}
    for number in (1, 9):  # outside the grid, and no such ticket: the same answer
        answer = li.post(f"/tickets/{number}/{action}", data=form, follow_redirects=False)
        assert answer.status_code == 404, (number, answer.headers.get("location"))
        assert f"未找到工单 #{number}" in answer.text
    assert _state(web, 1) == "open"
    assert web.outbox() == sent


def test_retrying_a_message_outside_the_grid_is_refused_not_redirected(web: Web) -> None:
    rows = _failed_rows(web)
    li = web.login("li")
    token = csrf_of(li.get("/delivery").text)
    answer = li.post(
        f"/delivery/{rows['4号楼党小组']}/retry", data={"csrf_token": token}, follow_redirects=False
    )
    assert answer.status_code == 404 and "没有这条消息" in answer.text


def _message(html: str) -> str:
    match = re.search(r"<h1>抱歉</h1>\s*<p>([^<]*)</p>", html)
    assert match, html[:500]
    return match.group(1)


def test_a_ticket_outside_the_grid_answers_exactly_like_one_that_does_not_exist(web: Web) -> None:
    headers = web.token("li")
    client = web.client()
    for method, path in (
        ("GET", "/api/v1/tickets/{}"),
        ("POST", "/api/v1/tickets/{}/claim"),
        ("POST", "/api/v1/tickets/{}/complex"),
    ):
        hidden = client.request(method, path.format(1), headers=headers)
        missing = client.request(method, path.format(9), headers=headers)
        assert hidden.status_code == missing.status_code == 404
        assert missing.text.replace("9", "1") == hidden.text, (hidden.text, missing.text)
    li = web.login("li")
    hidden_page, missing_page = li.get("/tickets/1"), li.get("/tickets/9")
    assert hidden_page.status_code == missing_page.status_code == 404
    assert _message(missing_page.text).replace("9", "1") == _message(hidden_page.text)
    assert _state(web, 1) == "open"


def _assigned(web: Web, number: int) -> str:
    with transaction(web.sim.core.factory) as session:
        return session.get_one(Ticket, number).assigned_group


def test_grid_staff_transfer_within_their_grid_or_up_never_into_another_grid(web: Web) -> None:
    sim = web.sim
    asyncio.run(sim.say("3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了"))  # #2, grid 1
    asyncio.run(sim.say("1号楼居民群", "王大妈", "1单元水管漏水了"))  # #3, grid 1
    asyncio.run(sim.say("2号楼居民群", "李阿姨", "3单元门口的路灯坏了"))  # #4, grid 1
    refused_zh = "第一网格的工作人员只能把工单转给本网格的群，或社区党委工作群、物业服务中心群"
    # Chat: the building's party leader cannot send it into the second grid: it goes up to the
    # community group, asked to hand it on (day 49 S06).
    said = asyncio.run(sim.say("2号楼党小组", "陈桂兰", "#4 转 5号楼"))
    assert _assigned(web, 4) == "社区党委工作群"
    assert any("请转5号楼党小组" in m.text for m in said), [m.text for m in said]
    # Web and API: the grid account neither.
    li = web.login("li")
    page = li.get("/tickets/2").text
    assert "5号楼党小组" not in page and "物业服务中心群" in page  # the offered targets
    refused = li.post(
        "/tickets/2/transfer",
        data={"target": "4号楼党小组", "csrf_token": csrf_of(page)},
    )
    assert refused_zh in refused.text
    api = li.post(
        "/api/v1/tickets/3/transfer", json={"target": "第二网格"}, headers=web.token("li")
    )
    assert api.status_code == 403 and refused_zh in api.json()["message_zh"]
    assert _assigned(web, 2) == "3号楼党小组" and _assigned(web, 3) == "1号楼党小组"
    # Within the grid and up is fine; the community's staff may send it anywhere.
    said = asyncio.run(sim.say("3号楼党小组", "刘志强", "#2 转 2号楼"))
    assert _assigned(web, 2) == "2号楼党小组", said[-1].text
    moved = li.post("/api/v1/tickets/3/transfer", json={"target": "物业"}, headers=web.token("li"))
    assert moved.status_code == 200 and _assigned(web, 3) == "物业服务中心群"
    asyncio.run(sim.say("社区党委工作群", "刘值班", "#2 转 5号楼"))
    assert _assigned(web, 2) == "5号楼党小组"


def test_playground_grid_account_speaking_under_a_residents_name_cannot_reach_their_ticket(
    web: Web,
) -> None:
    """李网格长 (grid 1) speaks as 李大爷, who reported #1 in 4号楼 (grid 2): in the playground
    that name is the account's own stand-in, so #1 is neither shown nor cancelled (red team #2)."""
    li = web.login("li")
    for text in ("#1 进度", "#1 撤销"):
        said = li.post(
            "/playground/say", json={"group": "3号楼居民群", "sender": "李大爷", "text": text}
        )
        assert said.status_code == 200
        replies = " ".join(r["text"] for r in said.json()["replies"])
        assert "电梯" not in replies and "已撤销" not in replies, replies
    assert _state(web, 1) == "open"
    # The stand-in is a resident all the same: what it reports is its own ticket.
    reported = li.post(
        "/playground/say",
        json={"group": "3号楼居民群", "sender": "李大爷", "text": "3号楼1单元楼道灯不亮了"},
    )
    assert "工单 #2" in reported.json()["replies"][0]["text"]
    cancelled = li.post(
        "/playground/say", json={"group": "3号楼居民群", "sender": "李大爷", "text": "#2 撤销"}
    )
    assert "撤销" in cancelled.json()["replies"][0]["text"]
    assert (_state(web, 1), _state(web, 2)) == ("open", "cancelled")


def test_playground_only_an_administrator_speaks_as_the_street_office(web: Web) -> None:
    """The street's people act on every community's escalated tickets: a community account may
    not speak as them; an administrator may, in the street's group too."""
    wang = web.login("wang")
    said = {"group": "幸福街道党工委工作群", "sender": "周主任", "text": "幸福里 #1 进度"}
    assert wang.post("/playground/say", json=said).status_code == 403
    assert "周主任" not in wang.get("/playground/setup").json()["people"]
    admin = web.login("admin1")
    setup = admin.get("/playground/setup").json()
    assert "周主任" in setup["people"]
    assert "幸福街道党工委工作群" in {g["name"] for g in setup["groups"]}
    replies = admin.post("/playground/say", json=said).json()["replies"]
    assert replies[0]["text"].startswith("@周主任 幸福里社区：工单 #1：")
