"""Issue 10: staff correct a reading on the ticket page (the chat flow, the outbox, the audit
trail) and see corrections per month on the corrections page."""

from __future__ import annotations

import asyncio

import pytest

from bot.simulator import Simulator
from tests.web_support import Web, flash_of, make_web, post_form


@pytest.fixture
def web(sim: Simulator) -> Web:
    asyncio.run(sim.say("3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了"))
    asyncio.run(sim.say("5号楼居民群", "老周", "5号楼楼顶那块广告牌要掉下来了"))
    asyncio.run(sim.say("3号楼居民群", "赵叔", "1单元门口的垃圾桶满了好几天没人收"))
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    web.add_staff("zhao", "grid", grid=2, person="赵网格长")
    return web


def test_corrections_on_the_ticket_page_change_the_ticket_and_are_counted(web: Web) -> None:
    client = web.login("wang")
    page = client.get("/tickets/2").text
    assert "可能紧急" in page and "识别更正" in page
    moved = post_form(
        client, "/tickets/1", "/tickets/1/correct", {"kind": "category", "reading": "矛盾调处 噪音"}
    )
    assert flash_of(moved.text) == "工单 #1 已更正（改类），已通知3号楼党小组。"
    assert "矛盾调处·噪音" in client.get("/tickets/1").text
    calm = post_form(client, "/tickets/2", "/tickets/2/correct", {"kind": "not_emergency"})
    assert flash_of(calm.text).startswith("工单 #2 已更正（非紧急）")
    assert "可能紧急" not in client.get("/tickets/2").text.split("处理经过")[0]
    before = web.outbox()
    closed = post_form(client, "/tickets/3", "/tickets/3/correct", {"kind": "not_request"})
    assert flash_of(closed.text) == "工单 #3 已更正（非诉求），已通知3号楼党小组。"
    sent = web.outbox()[len(before) :]
    assert sent == [("3号楼党小组", "已将工单 #3 标为非诉求并关闭（不通知居民）。")]
    listing = client.get("/corrections").text
    assert "2026-12" in listing and "#1 改类: 维修维护·照明 → 矛盾调处·噪音" in listing
    assert "2单元楼道灯坏了好几天了" in listing
    assert "与更正一致：0 / 3（0%）" in listing  # the classifier has not learned them yet


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "category", "reading": "火星"}, "请写明类别"),
        ({"kind": "category", "reading": "维修维护 火星"}, "没有“火星”这个小类"),
        ({"kind": "not_emergency"}, "不是紧急工单"),
        ({"kind": "explode"}, "没有这个操作"),
    ],
)
def test_bad_corrections_are_explained_and_change_nothing(
    web: Web, data: dict[str, str], message: str
) -> None:
    client = web.login("wang")
    before = web.outbox()
    answer = post_form(client, "/tickets/1", "/tickets/1/correct", data)
    assert message in flash_of(answer.text)
    assert web.outbox() == before
    assert "维修维护·照明" in client.get("/tickets/1").text


def test_grid_staff_cannot_correct_another_grids_ticket(web: Web) -> None:
    client = web.login("zhao")
    refused = post_form(client, "/tickets/1", "/tickets/1/correct", {"kind": "not_request"})
    assert refused.status_code == 404 and "未找到工单 #1" in refused.text
    assert "还没有更正" in client.get("/corrections").text
