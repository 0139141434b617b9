"""The 党员积分 dashboard page and the members' sheets of the monthly .xlsx report."""

from __future__ import annotations

import asyncio
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from openpyxl import load_workbook

from bot.simulator import Simulator
from tests.web_support import make_web


def _story(sim: Simulator) -> None:
    async def run() -> None:
        await sim.say("3号楼居民群", "赵六", "报到 赵六 区税务局 3号楼1单元202")
        await sim.say("第一网格党支部群", "李网格长", "批准 赵六")
        await sim.say("4号楼居民群", "钱七", "报到 钱七 市一中 4号楼3单元601")
        await sim.say("第二网格党支部群", "赵网格长", "设岗 孙丽 楼道长 4号楼1单元")
        await sim.advance_to(sim.clock.now() + timedelta(days=2, hours=12))  # 12-03 21:00
        await sim.say("3号楼党小组", "刘志强", "签到 #E1 赵六 刘志强")
        await sim.say("第一网格党支部群", "李网格长", "积分调整 赵六 +1 帮助独居老人买菜")

    asyncio.run(run())


def test_points_page_shows_the_bulletin_rankings_registrations_posts_and_ledger(
    sim: Simulator,
) -> None:
    _story(sim)
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    # December's bulletin is offered once December is over
    sim.clock.set(datetime(2027, 1, 2, 10, tzinfo=ZoneInfo("Asia/Shanghai")))
    page = web.login("wang").get("/points?month=2026-12").text
    assert "【幸福里社区2026年12月工作通报】" in page
    assert "二、党员积分前2名：1. 赵六 3分；2. 刘志强 2分。" in page
    assert "三、最活跃的楼栋党小组：3号楼党小组 5分。" in page
    assert "【幸福里社区2026年第四季度党员积分评比】" in page
    for shown in (
        "区税务局",
        "已批准",
        "市一中",
        "待审核",
        "楼道长",
        "4号楼1单元",
        "帮助独居老人买菜",
    ):
        assert shown in page, shown
    assert 'href="/points"' in page  # in the menu


def test_a_grid_account_sees_only_its_own_grids_members_on_the_points_page(
    sim: Simulator,
) -> None:
    _story(sim)
    web = make_web(sim)
    web.add_staff("zhao", "grid", grid=2, person="赵网格长")
    page = web.login("zhao").get("/points").text
    for theirs in ("市一中", "楼道长"):  # 钱七 and 孙丽 live in grid 2
        assert theirs in page, theirs
    for not_theirs in ("区税务局", "3号楼1单元202", "帮助独居老人买菜"):  # 赵六, grid 1
        assert not_theirs not in page, not_theirs


def test_monthly_report_has_the_members_points_and_the_bulletin(sim: Simulator) -> None:
    _story(sim)
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    answer = web.login("wang").get("/reports/monthly.xlsx?month=2026-12")
    wb = load_workbook(io.BytesIO(answer.content))
    assert list(wb["党员积分"].values) == [
        ("名次", "姓名", "党小组", "积分"),
        (1, "赵六", "3号楼党小组", 3),
        (2, "刘志强", "3号楼党小组", 2),
    ]
    assert list(wb["党小组积分"].values)[1] == (1, "3号楼党小组", 5, 2)
    lines = [row[0] for row in wb["月度通报"].values]
    assert lines[:2] == ["通报", "【幸福里社区2026年12月工作通报】"]
