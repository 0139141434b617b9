"""Over news in the night and notices told once (leftovers of day 18):
1. over news of an emergency paged in the evening but escalated after the quiet hours began
   woke the duty person tonight: it goes at once, and the morning summary does not say it again;
2. a resident's own news of their live emergency, read as a possible emergency from word
   statistics ("物业把总闸拉了 正在抽水 水不往里灌了", day 18 R46), reaches the group once, told by
   one step (no repeat dropped by the outbox's safety net)."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.simulator import Simulator
from service.tickets import jobs
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

ZONE = ZoneInfo("Asia/Shanghai")


def _at(sim: Simulator, day: int, hour: int, minute: int = 0) -> list[str]:
    """Set the clock and run the ticket sweep (escalations, the morning summary)."""
    sim.clock.set(datetime(2026, 12, day, hour, minute, tzinfo=ZONE))
    jobs.sweep_tickets(sim.core.factory, sim.core.community, sim.clock.now())
    return _texts(asyncio.run(sim.deliver()))


def test_over_news_of_an_emergency_escalated_tonight_goes_at_once(sim: Simulator) -> None:
    _at(sim, 1, 21, 30)
    paged = _texts(say(sim, "6号楼居民群", "小马", "6号楼1单元配电箱在冒火花 噼里啪啦的"))
    assert any("紧急" in t for t in paged), paged
    night = _at(sim, 1, 23, 30)
    assert any("超时" in t for t in night), night  # nobody claimed it: escalated in the night
    _at(sim, 2, 1, 0)
    said = _texts(say(sim, "6号楼居民群", "小马", "物业电工来了 总闸拉了 没事了"))
    assert any("居民称险情已解除" in t for t in said), said
    morning = _at(sim, 2, 7, 5)
    assert not any("总闸拉了" in t for t in morning), morning


def test_over_news_of_an_emergency_not_touched_tonight_still_waits(sim: Simulator) -> None:
    _at(sim, 1, 15, 30)
    say(sim, "4号楼居民群", "吴老师", "4号楼3单元我妈突然晕倒了 叫不醒 快来人")
    _at(sim, 1, 15, 40)
    claimed = _texts(say(sim, "4号楼党小组", "孙丽", "#1 接单"))
    assert any("接单" in t or "已接" in t for t in claimed), claimed
    _at(sim, 2, 4, 0)
    said = say(sim, "4号楼居民群", "吴老师", "我妈在医院醒过来了 没事了 谢谢大家")
    assert len(said) == 1 and "07:00" in said[0].text, _texts(said)
    morning = _at(sim, 2, 7, 5)
    assert any("早间汇总" in t and "醒过来了" in t for t in morning), morning


def test_own_news_of_a_live_flood_reaches_its_group_once(
    sim: Simulator, caplog: pytest.LogCaptureFixture
) -> None:
    _at(sim, 1, 10, 0)
    paged = _texts(
        say(sim, "5号楼居民群", "小王", "5号楼1单元地下室进水了 水越来越深 快没过台阶了")
    )
    assert any("紧急" in t for t in paged), paged
    _at(sim, 1, 10, 15)
    with caplog.at_level(logging.WARNING, logger="service.outbox"):
        said = say(sim, "5号楼居民群", "小王", "物业把总闸拉了 正在抽水 水不往里灌了")
    to_group = [m.text for m in said if "5号楼党小组" in m.room_id or "居民补充" in m.text]
    assert len(to_group) == 1, _texts(said)
    assert "dropped" not in caplog.text
