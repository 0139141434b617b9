"""The 一事一议 dashboard pages (list and detail with counts, turnout and decision), the menu
link, and the consultations sheet of the monthly .xlsx report (issue #15)."""

from __future__ import annotations

import asyncio
import io
from datetime import datetime

from openpyxl import load_workbook

from bot.simulator import Simulator
from tests.web_support import make_web


def _story(sim: Simulator) -> None:
    async def run() -> None:
        await sim.say(
            "第一网格党支部群",
            "李网格长",
            "议事 楼道堆物 选项:清理并设专用区/每周集中清运/维持现状 截止:12月3日18:00 "
            "对象:3号楼居民群、2号楼居民群",
        )
        await sim.say("3号楼居民群", "张阿姨", "投票 2")
        await sim.say("2号楼居民群", "李大爷", "投票 2")
        await sim.say("3号楼居民群", "王叔", "投票 1")
        await sim.advance_to(datetime.fromisoformat("2026-12-03T18:00:00+08:00"))
        await sim.say("第一网格党支部群", "李网格长", "议事结果 #Y1 每周六上午集中清运")

    asyncio.run(run())


def test_consultation_pages_show_counts_turnout_and_decision(sim: Simulator) -> None:
    _story(sim)
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    client = web.login("wang")
    listed = client.get("/consultations").text
    assert 'href="/consultations"' in listed  # in the menu
    for shown in (
        "#Y1",
        "楼道堆物",
        "3号楼居民群、2号楼居民群",
        "3 人",
        "已决定",
        "每周六上午集中清运",
    ):
        assert shown in listed, shown
    detail = client.get("/consultations/1").text
    for shown in ("1. 清理并设专用区", "1 票", "2. 每周集中清运", "2 票", "67%", "共 3 人投票"):
        assert shown in detail, shown
    assert "每周六上午集中清运（李网格长" in detail
    missing = client.get("/consultations/99")
    assert missing.status_code == 404
    assert "没有找到议事 #Y99" in missing.text


def test_monthly_report_lists_the_months_consultations_and_turnout(sim: Simulator) -> None:
    _story(sim)
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    answer = web.login("wang").get("/reports/monthly.xlsx?month=2026-12")
    rows = list(load_workbook(io.BytesIO(answer.content))["一事一议"].values)
    assert rows[0] == ("编号", "议题", "对象", "截止", "各选项票数", "投票人数", "决定")
    assert rows[1][:3] == ("#Y1", "楼道堆物", "3号楼居民群、2号楼居民群")
    assert rows[1][4:] == (
        "1. 清理并设专用区 1票；2. 每周集中清运 2票；3. 维持现状 0票",
        3,
        "每周六上午集中清运",
    )


def test_opening_closing_and_deciding_are_in_the_staff_audit(sim: Simulator) -> None:
    _story(sim)
    web = make_web(sim)
    web.add_staff("boss", "admin", person="王书记")
    page = web.login("boss").get("/accounts").text
    for shown in (
        "发起议事：楼道堆物",
        "公布议事结果：楼道堆物",
        "公布议事决定：楼道堆物：每周六上午集中清运",
    ):
        assert shown in page, shown
    assert "议事#Y1" in page
