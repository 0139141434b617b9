"""The 回音壁 dashboard page (issue #15): the same wall per building and week as the chat
digest, printable on one A4 page, in the menu, and limited to a grid account's buildings."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.simulator import Simulator
from service.settings import Settings
from tests.wall_support import wall_settings
from tests.web_support import make_web

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return wall_settings(tmp_path)


def _week(sim: Simulator) -> None:
    async def run() -> None:
        await sim.say("3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
        await sim.advance_to(sim.clock.now() + timedelta(hours=5))
        await sim.say("3号楼党小组", "刘志强", "#1 已处理 给张阿姨换了灯泡，502也查了")
        await sim.say("3号楼居民群", "王阿姨", "#1 点赞")
        await sim.say("3号楼居民群", "赵先生", "4单元楼上602天天吵架摔东西")
        await sim.say("3号楼党小组", "刘志强", "#2 已处理 上门调解了")
        await sim.say("3号楼党小组", "刘志强", "#2 不公示 涉及邻里矛盾")
        await sim.say("4号楼居民群", "钱七", "1单元电梯坏了")
        await sim.advance_to(datetime(2026, 12, 5, 11, tzinfo=ZONE))

    asyncio.run(run())


def test_wall_page_shows_the_building_week_printable_and_private(sim: Simulator) -> None:
    _week(sim)
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    client = web.login("wang")
    page = client.get("/wall?building=3&week=2026-W49").text
    assert "幸福里社区 · 3号楼回音壁" in page
    assert "11月28日—12月5日" in page
    assert "给居民换了灯泡，也查了" in page
    assert "5小时" in page
    assert '<td data-label="点赞" class="nowrap">1</td>' in page  # 王阿姨's like
    assert "另有 1 件按工作人员意见不公示" in page
    assert "已发到居民群的原文" in page  # the digest went out at 10:00
    for private in ("张阿姨", "王阿姨", "赵先生", "502", "602", "调解"):
        assert private not in page.split('id="wall-sheet"')[1].split("已发到居民群")[0], private
    assert 'href="/wall"' in page  # in the menu
    assert 'id="print-wall"' in page and "/static/wall.js" in page
    css = client.get("/static/app.css").text
    assert "@page { size: A4" in css
    # the default is the last week whose digest went out; another building, another wall
    assert "11月28日—12月5日" in client.get("/wall").text
    other = client.get("/wall?building=4&week=bad").text
    assert "4号楼回音壁" in other and "本周没有办结的工单" in other


def test_a_grid_account_sees_only_its_grids_buildings_on_the_wall(sim: Simulator) -> None:
    _week(sim)
    web = make_web(sim)
    web.add_staff("zhao", "grid", grid=2, person="赵网格长")
    page = web.login("zhao").get("/wall?building=3").text
    assert "4号楼回音壁" in page  # 3号楼 is not in the second grid: its first building instead
    assert ">3号楼</option>" not in page
