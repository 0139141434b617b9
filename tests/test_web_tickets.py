"""Tickets on the dashboard: filters, what grid staff may see, and actions that reach the chat."""

from __future__ import annotations

import asyncio

import pytest

from bot.simulator import Simulator
from tests.web_support import Web, flash_of, make_web, post_form

REPORTS = [
    ("3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了"),
    ("4号楼居民群", "李大爷", "楼上太吵了<script>alert('x')</script>"),
    ("5号楼居民群", "王奶奶", "5号楼电梯又坏了"),
    ("3号楼居民群", "陈叔", "1单元门口漏水"),
]


@pytest.fixture
def web(sim: Simulator) -> Web:
    for group, sender, text in REPORTS:
        asyncio.run(sim.say(group, sender, text))
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    web.add_staff("zhao", "grid", grid=2, person="赵网格长")
    return web


def listed(html: str) -> list[int]:
    import re

    rows = (
        html.split('id="ticket-rows"', 1)[1].split("</table>", 1)[0]
        if "ticket-rows" in html
        else ""
    )
    return [int(n) for n in re.findall(r'data-ticket="(\d+)"', rows)]


def test_filters_narrow_the_list(web: Web) -> None:
    client = web.login("wang")
    assert listed(client.get("/tickets").text) == [4, 3, 2, 1]
    assert listed(client.get("/tickets?building=3").text) == [4, 1]
    assert listed(client.get("/tickets?grid=2").text) == [3, 2]
    assert listed(client.get("/tickets?category=dispute").text) == [2]
    assert listed(client.get("/tickets?subcategory=电梯").text) == [3]
    assert listed(client.get("/tickets?q=漏水").text) == [4]
    assert listed(client.get("/tickets?q=%234").text) == [4]
    assert listed(client.get("/tickets?since=2026-12-01&until=2026-12-01").text) == [4, 3, 2, 1]
    assert listed(client.get("/tickets?since=2026-12-02").text) == []


@pytest.mark.parametrize(
    "query",
    [
        "q=' OR 1=1 --",
        "q=%25",
        "q=_",
        "state=<script>",
        "building=abc",
        "grid=-1",
        "since=not-a-date",
        "building=²",
        "page=²",
        "q=%23" + "9" * 30,
        "q=%00",
        "page=-5",
        "q=" + "长" * 600,
    ],
)
def test_hostile_filters_answer_safely(web: Web, query: str) -> None:
    page = web.login("wang").get(f"/tickets?{query}")
    assert page.status_code in (200, 422)
    assert "<script>" not in page.text


@pytest.mark.parametrize("ref", ["²", "0", "99999999999999999999", "abc", "%00"])
def test_odd_ticket_numbers_are_not_found(web: Web, ref: str) -> None:
    page = web.login("wang").get(f"/tickets/{ref}")
    assert page.status_code == 404 and "未找到" in page.text


def test_resident_words_are_shown_escaped(web: Web) -> None:
    page = web.login("wang").get("/tickets/2")
    assert "&lt;script&gt;alert(" in page.text and "<script>alert" not in page.text


def test_grid_staff_see_and_act_on_their_grid_only(web: Web) -> None:
    client = web.login("zhao")
    assert listed(client.get("/tickets").text) == [3, 2]
    assert listed(client.get("/tickets?grid=1").text) == []
    other = client.get("/tickets/1")
    assert other.status_code == 404 and "未找到工单 #1" in other.text
    refused = post_form(client, "/tickets/3", "/tickets/1/claim", {})
    assert refused.status_code == 404 and "未找到工单 #1" in refused.text
    assert web.outbox()[-1][1].startswith("【新工单 #4】")  # nothing new was queued


def test_resolving_on_the_web_tells_the_group_and_the_resident_like_chat_does(web: Web) -> None:
    client = web.login("wang")
    before = len(web.outbox())
    done = post_form(client, "/tickets/1", "/tickets/1/resolve", {"note": "换了灯泡"})
    assert flash_of(done.text) == "工单 #1 已办结，已通知3号楼党小组、反映问题的居民。"
    assert web.outbox()[before:] == [
        ("3号楼党小组", "工单 #1 已办结（王书记）：换了灯泡"),
        (
            "3号楼居民群",
            "您反映的问题（工单 #1：楼道灯坏了好几天了）已处理：换了灯泡。"
            "请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。",
        ),
    ]
    assert "已办结" in client.get("/tickets/1").text
    again = post_form(client, "/tickets/1", "/tickets/1/resolve", {"note": "再办一次"})
    assert "无需重复操作" in flash_of(again.text)
    assert len(web.outbox()) == before + 2


def test_claim_transfer_merge_and_complex(web: Web) -> None:
    client = web.login("wang")
    claimed = post_form(client, "/tickets/3", "/tickets/3/claim", {})
    assert flash_of(claimed.text).startswith("工单 #3 已接单")
    moved = post_form(client, "/tickets/3", "/tickets/3/transfer", {"target": "物业服务中心群"})
    assert (
        flash_of(moved.text)
        == "工单 #3 已转办，已通知5号楼党小组、物业服务中心群、反映问题的居民。"
    )
    assert web.outbox()[-2][0] == "物业服务中心群" and "#3" in web.outbox()[-2][1]
    merged = post_form(client, "/tickets/4", "/tickets/4/merge", {"into": "#1"})
    assert flash_of(merged.text).startswith("工单 #4 已合并")
    assert "已合并" in client.get("/tickets/4").text
    hard = post_form(client, "/tickets/2", "/tickets/2/complex", {})
    assert flash_of(hard.text).startswith("工单 #2 已标记为复杂工单")
    page = client.get("/tickets/3").text
    timeline = page.split('id="timeline"')[1]
    assert "王书记</b> 接单" in timeline
    assert "从“5号楼党小组”转给“物业服务中心群”" in timeline
    assert "transferred" not in timeline and "→" not in timeline


@pytest.mark.parametrize(
    ("action", "data", "message"),
    [
        ("transfer", {"target": "火星"}, "找不到“火星”"),
        ("merge", {"into": "abc"}, "请填写要合并到的工单号"),
        ("merge", {"into": "999"}, "未找到工单 #999"),
        ("note", {"note": "   "}, "写上内容"),
        ("resolve", {"note": "长" * 501}, "说明太长了"),
        ("explode", {}, "没有这个操作"),
    ],
)
def test_bad_actions_are_explained_and_change_nothing(
    web: Web, action: str, data: dict[str, str], message: str
) -> None:
    client = web.login("wang")
    before = web.outbox()
    answer = post_form(client, "/tickets/1", f"/tickets/1/{action}", data)
    assert message in flash_of(answer.text)
    assert web.outbox() == before
    assert "待受理" in client.get("/tickets/1").text


def test_today_shows_rates_late_tickets_and_buildings(web: Web) -> None:
    from datetime import timedelta

    web.sim.clock.advance(timedelta(days=2))  # past the 1-day claim limit
    page = web.login("wang").get("/").text
    assert "响应率" in page and "解决率" in page and "满意率" in page
    assert '超时工单 <span class="badge urgent">4</span>' in page
    assert '3号楼</b><span>在办 2</span><span class="late-count">超时 2' in page
    reminders = page.split('id="reminders"')[1].split("</table>")[0]
    assert ">18:30</td>" in reminders and "3号楼党小组会（12-03 19:30" in reminders
    grid = web.login("zhao").get("/").text
    assert "3号楼</b>" not in grid and "4号楼</b>" in grid


def test_pages_say_when_nothing_is_counted_yet(sim: Simulator) -> None:
    web = make_web(sim)
    web.add_staff("wang", "community")
    client = web.login("wang")
    charts = client.get("/charts").text
    assert charts.count("暂无数据") == 4 and "<canvas" not in charts
    today = client.get("/").text
    assert today.count('<span class="prev">暂无</span>') == 4
    assert "—" not in today.split('aria-label="本月指标"')[1].split("</section>")[0]
