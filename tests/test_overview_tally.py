"""The street overview keeps each community's tickets in hand and its months' counts between
looks, and reads only what changed since (service.dashboard.tally). Whatever happens in the
chat in between, the kept figures are the ones a fresh reading gives: the same open, late and
emergency tickets, the same rates for this month and the one before."""

from __future__ import annotations

import asyncio
from dataclasses import astuple
from datetime import datetime, timedelta

import pytest

from bot.simulator import Simulator
from service.clock import FakeClock
from service.dashboard import tally
from service.dashboard.periods import month_start, next_month, previous_month
from service.dashboard.today import active_tickets
from service.tickets import deadlines
from service.tickets.stats import Scope, count_tickets


def _say(sim: Simulator, group: str, sender: str, text: str) -> str:
    return "\n".join(m.text for m in asyncio.run(sim.say(group, sender, text)))


def _months(now: datetime, sim: Simulator) -> list[tuple[datetime, datetime]]:
    start = month_start(now.astimezone(sim.core.community.zone).date(), sim.core.community.zone)
    return [(start, next_month(start)), (previous_month(start), start)]


def _kept_agrees_with_a_fresh_reading(sim: Simulator, clock: FakeClock) -> tally.Reading:
    community, now, months = sim.core.community, clock.now(), _months(clock.now(), sim)
    everyone = Scope("community")
    with sim.core.factory() as session:
        kept = tally.read(session, community, now, months, shown=50)
        counts = [
            count_tickets(session, community, start, end, everyone, now) for start, end in months
        ]
        in_hand = active_tickets(session, community, everyone)
    late = [(t.id, x) for t in in_hand if (x := deadlines.late(t, community, now)) is not None]
    assert kept.active == len(in_hand)
    assert kept.late == sorted(late, key=lambda x: (x[1].due, x[0]))
    assert kept.late_count == len(late)
    assert kept.emergencies == [t.id for t in in_hand if t.emergency]
    for mine, fresh in zip(kept.counts, counts, strict=True):
        assert astuple(mine) == pytest.approx(astuple(fresh))
    return kept


def test_the_overview_kept_between_looks_reads_as_a_fresh_one_after_every_change(
    sim: Simulator, clock: FakeClock
) -> None:
    check = _kept_agrees_with_a_fresh_reading
    assert check(sim, clock).active == 0
    _say(sim, "1号楼居民群", "老王", "1号楼2单元楼道灯不亮了 晚上黑乎乎的")
    _say(sim, "2号楼居民群", "李阿姨", "2号楼门口垃圾桶满了好几天没人清")
    alarm = _say(sim, "4号楼居民群", "小张", "4号楼楼道里电动车着火了 好大的烟")
    assert "119" in alarm
    first = check(sim, clock)
    assert first.active == 3 and len(first.emergencies) == 1 and first.counts[0].received == 3

    _say(sim, "1号楼党小组", "张建国", "#1 接单")
    _say(sim, "2号楼党小组", "陈桂兰", "#2 转 物业")
    check(sim, clock)
    clock.advance(timedelta(days=2, hours=3))  # both routine limits pass while nobody looks
    assert check(sim, clock).late_count >= 2

    _say(sim, "1号楼党小组", "张建国", "#1 已处理 换了新灯泡")
    _say(sim, "1号楼居民群", "老王", "不满意 还是不亮")  # reopened: its resolve clock restarts
    check(sim, clock)
    _say(sim, "1号楼党小组", "张建国", "#1 修好了")
    _say(sim, "1号楼居民群", "老王", "满意")
    _say(sim, "社区党委工作群", "王书记", "#3 已处理 消防已扑灭")
    done = check(sim, clock)
    assert done.counts[0].resolved == 2 and done.counts[0].satisfied == 1

    clock.advance(timedelta(days=31))  # into the next month: last month's counts are kept too
    _say(sim, "2号楼居民群", "老赵", "2号楼门口的垃圾桶又满了 没人清")
    later = check(sim, clock)
    assert later.counts[1].received == 3 and later.counts[0].received >= 1
