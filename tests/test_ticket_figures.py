"""The hotline figures for a period and a scope, and the `统计` reply built from them."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.simulator import Simulator
from service.bootstrap import Core
from service.clock import FakeClock
from service.tickets.stats import Scope, cached_figures, compute_figures, month_of

SHANGHAI = ZoneInfo("Asia/Shanghai")


def say(sim: Simulator, group: str, sender: str, text: str) -> None:
    asyncio.run(sim.say(group, sender, text))


def test_rates_follow_the_definitions(core: Core) -> None:
    # Last month: not counted in December.
    clock = FakeClock(datetime(2026, 11, 30, 10, 0, tzinfo=SHANGHAI))
    sim = Simulator(core, clock)
    say(sim, "3号楼居民群", "老周", "3号楼门禁坏了 刷不开")  # 1
    clock.set(datetime(2026, 12, 1, 9, 0, tzinfo=SHANGHAI))
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")  # 2: fast, satisfied
    say(sim, "3号楼居民群", "李大爷", "3号楼电梯坏了 一直停在3层不动")  # 3: claimed late
    say(sim, "2号楼居民群", "王阿姨", "2号楼下水道堵了 一股臭味")  # 4: reopened
    say(sim, "2号楼居民群", "赵大妈", "2号楼门口的路灯不亮了")  # 5: withdrawn
    say(sim, "5号楼居民群", "周阿姨", "5号楼电梯坏了 一直停在3层不动")  # 6: other grid
    clock.advance(timedelta(minutes=10))
    say(sim, "3号楼党小组", "刘志强", "#2 接单")
    say(sim, "2号楼党小组", "陈桂兰", "#4 接单")
    clock.advance(timedelta(hours=5, minutes=50))
    say(sim, "3号楼党小组", "刘志强", "#2 已处理 换了灯泡")
    say(sim, "3号楼居民群", "张阿姨", "满意")
    say(sim, "2号楼党小组", "陈桂兰", "#4 已处理 疏通了")
    say(sim, "2号楼居民群", "王阿姨", "不满意 还是堵")
    say(sim, "2号楼居民群", "赵大妈", "#5 撤销")
    clock.advance(timedelta(days=3))
    say(sim, "3号楼党小组", "刘志强", "#3 接单")

    start, end = month_of(clock.now(), sim.core.community)
    with sim.core.factory() as session:
        now = clock.now()
        grid = compute_figures(session, sim.core.community, start, end, Scope("grid", 1), now)
        everyone = compute_figures(
            session, sim.core.community, start, end, Scope("community"), now
        )
        building = compute_figures(
            session, sim.core.community, start, end, Scope("building", 3), now
        )
    assert grid.received == 4  # 2, 3, 4, 5
    assert grid.response_rate == pytest.approx(2 / 3)  # of 2, 3, 4 (5 was withdrawn)
    assert grid.resolution_rate == pytest.approx(1 / 3)  # only 2 stays resolved
    # Of 2 and 4 (4's one-day limit has passed); 3, the lift, is open and not yet due.
    assert grid.on_time_resolution_rate == pytest.approx(1 / 2)
    assert (grid.satisfaction_rate, grid.rated) == (pytest.approx(1 / 2), 2)
    assert grid.reopen_rate == pytest.approx(1 / 2)
    assert grid.avg_claim_minutes == pytest.approx((10 + 10 + 3 * 1440 + 360) / 3)
    assert grid.avg_resolve_hours == pytest.approx(6.0)
    assert everyone.received == 5 and building.received == 2


def test_empty_period_has_no_rates_rather_than_zero(sim: Simulator) -> None:
    start = datetime(2026, 1, 1, tzinfo=SHANGHAI)
    with sim.core.factory() as session:
        figures = compute_figures(
            session, sim.core.community, start, start, Scope("community"), start
        )
    assert figures.received == 0 and figures.response_rate is None


def test_stats_reply_in_grid_group_covers_its_buildings(sim: Simulator) -> None:
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    say(sim, "5号楼居民群", "周阿姨", "5号楼电梯坏了 一直停在3层不动")
    reply = asyncio.run(sim.say("第一网格党支部群", "李网格长", "统计"))
    assert reply[0].text.splitlines()[0] == "本月统计（第一网格）：受理 1 件"
    reply = asyncio.run(sim.say("社区党委工作群", "王书记", "统计"))
    assert reply[0].text.splitlines()[0] == "本月统计（幸福里社区）：受理 2 件"


def test_cached_figures_follow_every_change_to_the_period(sim: Simulator) -> None:
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    start, end = month_of(sim.clock.now(), sim.core.community)
    scope = Scope("community")

    def figures() -> tuple[int, float | None]:
        with sim.core.factory() as session:
            f = cached_figures(session, sim.core.community, start, end, scope, sim.clock.now())
        return f.received, f.resolution_rate

    assert figures() == (1, 0.0)
    assert figures() == (1, 0.0)  # unchanged: served again
    say(sim, "3号楼党小组", "刘志强", "#1 已处理 换了灯泡")
    assert figures() == (1, 1.0)
    say(sim, "5号楼居民群", "周阿姨", "5号楼电梯坏了 一直停在3层不动")
    assert figures() == (2, 0.5)


def test_tickets_not_yet_due_leave_the_on_time_rates_alone_until_they_are_late(
    sim: Simulator,
) -> None:
    """A ticket registered minutes ago has not failed to be claimed in time: the response and
    on-time rates show "—" rather than 0% until it is claimed or its limit passes; the same
    figures read later, with nothing changed, count it late (the cache too)."""
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    start, end = month_of(sim.clock.now(), sim.core.community)

    def rates() -> tuple[float | None, float | None]:
        with sim.core.factory() as session:
            f = cached_figures(
                session, sim.core.community, start, end, Scope("community"), sim.clock.now()
            )
        return f.response_rate, f.on_time_resolution_rate

    assert rates() == (None, None)
    reply = asyncio.run(sim.say("社区党委工作群", "王书记", "统计"))
    assert "响应率 —" in reply[0].text and "按时办结率 —" in reply[0].text
    sim.clock.advance(timedelta(days=2))  # past the claim limit, not the resolve limit
    assert rates() == (0.0, None)
    say(sim, "3号楼党小组", "刘志强", "#1 已处理 换了灯泡")
    assert rates() == (0.0, 1.0)
