"""What the street office hears after it pressed a community, and how it is told of a ticket
nobody ever took (left from street trial 6: "今天下午就上门" never reached the street; a 督办 of
an unclaimed ticket said 超时未办结)."""

from __future__ import annotations

import asyncio
from datetime import datetime

import pytest

from bot.shell import ScriptMessage, format_sent, run_line
from bot.simulator import Simulator
from service.bootstrap import Core
from service.clock import FakeClock
from tests.dialog import talk
from tests.test_street_group_commands import LAMP_IN_XINGFULI, STREET_GROUP, ZONE


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 12, 15, 8, 0, tzinfo=ZONE))


def _say_in(core: Core, clock: FakeClock, group: str, sender: str, text: str) -> list[str]:
    sim = Simulator(core, clock)
    try:
        message = ScriptMessage(0, group, sender, text)
        return [format_sent(m) for m in asyncio.run(run_line(sim, message))]
    finally:
        sim.close()


def test_the_buildings_answer_to_a_street_push_reaches_the_street(
    core: Core, clock: FakeClock
) -> None:
    talk(core, clock, LAMP_IN_XINGFULI)
    pushed = _say_in(core, clock, STREET_GROUP, "周主任", "幸福里 #1 请社区今天必须把灯换上")
    assert any("【街道督促】" in line for line in pushed), pushed
    answer = _say_in(core, clock, "1号楼党小组", "张建国", "#1 备注 今天下午就上门换灯")
    to_street = [line for line in answer if line.startswith(f"-> {STREET_GROUP}:")]
    assert len(to_street) == 1 and "今天下午就上门换灯" in to_street[0], answer
    assert "幸福里社区" in to_street[0]
    claimed = _say_in(core, clock, "1号楼党小组", "张建国", "#1 接单")
    assert any(line.startswith(f"-> {STREET_GROUP}:") for line in claimed), claimed


def test_a_note_on_a_ticket_the_street_never_touched_stays_in_the_community(
    core: Core, clock: FakeClock
) -> None:
    talk(core, clock, LAMP_IN_XINGFULI)
    answer = _say_in(core, clock, "1号楼党小组", "张建国", "#1 备注 今天下午就上门换灯")
    assert answer and not any(STREET_GROUP in line for line in answer), answer
