"""The 党员包户 dashboard page: each household, its kind, member, last visit and next due, the
overdue ones highlighted, who is behind, and a grid account seeing its own grid only."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.simulator import Simulator
from tests.test_visits_dialogs import settings  # noqa: F401  (党员包户 started 1 December)
from tests.web_support import make_web


def _story(sim: Simulator) -> None:
    async def run() -> None:
        await sim.say("5号楼党小组", "周海", "走访 5-1-101 需要帮助 想申请临时救助")
        await sim.advance_to(sim.clock.now() + timedelta(days=16))  # 12-17: 3-2-501 overdue

    asyncio.run(run())


def test_visits_page_lists_households_and_highlights_who_is_behind(sim: Simulator) -> None:
    _story(sim)
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    page = web.login("wang").get("/visits").text
    assert 'href="/visits"' in page  # in the menu
    overdue_row = page.index("3号楼2单元501室（王奶奶）")
    on_time_row = page.index("5号楼1单元101室")
    assert overdue_row < on_time_row  # the overdue household comes first
    assert "严重逾期" in page and "按时" in page
    assert "逾期 1 户" in page
    behind = page[page.index('id="behind"') : page.index('id="recent-visits"')]
    assert "刘志强" in behind and "1 户" in behind and "周海" not in behind
    visits = page[page.index('id="recent-visits"') :]
    assert "需要帮助：想申请临时救助" in visits and 'href="/tickets/1"' in visits


def test_a_grid_account_sees_only_its_own_grids_households(sim: Simulator) -> None:
    _story(sim)
    web = make_web(sim)
    web.add_staff("zhao", "grid", grid=2, person="赵网格长")
    page = web.login("zhao").get("/visits").text
    assert "5号楼1单元101室" in page and "想申请临时救助" in page
    assert "3号楼2单元501室" not in page and "王奶奶" not in page
