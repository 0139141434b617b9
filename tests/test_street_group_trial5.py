"""The fifth street trial (docs/trials/street-group5/, a first contact on a2641b1): the street
office's own words, trial sentences ("trial") next to wordings of mine ("fresh").

The worst failures: the month's figures asked in words got no answer; a director pressing a
community for a ticket ("请金茂社区马上安排人") was answered with a status line and nobody else
heard him; a roof leak open for 28 days was never announced to the street because four other
overdue notices had used up the day."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest

from bot.shell import ScriptMessage, run_line
from bot.simulator import Simulator
from service.bootstrap import Core
from service.clock import FakeClock
from service.models import OutboxMessage
from service.outbox import Notice
from service.tickets import escalation
from tests.dialog import talk
from tests.test_street_group_commands import (
    COLLAPSE_IN_JINMAO,
    LAMP_IN_XINGFULI,
    STREET_GROUP,
    ZONE,
    _say,
)


def _resident(core: Core, clock: FakeClock, group: str, sender: str, text: str) -> None:
    """A resident's report, whatever the bot answers (not what these tests are about)."""
    sim = Simulator(core, clock)
    try:
        asyncio.run(run_line(sim, ScriptMessage(0, group, sender, text)))
    finally:
        sim.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 12, 15, 8, 0, tzinfo=ZONE))


@pytest.mark.parametrize(
    ("asked", "from_xingfuli", "from_jinmao"),
    [
        pytest.param("幸福里这个月的三率怎么样", True, False, id="trial-S08"),
        pytest.param("两个社区本月情况汇总一下", True, True, id="trial-S38"),
        pytest.param("金茂这个月的数据发我一下", False, True, id="trial-S58"),
        pytest.param("金贸本月满意率多少", False, True, id="fresh-mistyped"),
    ],
)
def test_trial_and_fresh_the_months_figures_asked_in_words(
    core: Core,
    jinmao: Core,
    clock: FakeClock,
    asked: str,
    from_xingfuli: bool,
    from_jinmao: bool,
) -> None:
    """Each community asked answers with its 本月统计, its name said once."""
    talk(core, clock, LAMP_IN_XINGFULI)
    for community, expected, name in (
        (core, from_xingfuli, "幸福里社区"),
        (jinmao, from_jinmao, "金茂社区"),
    ):
        said = _say(community, clock, "周主任", asked)
        if not expected:
            assert said == [], said
            continue
        assert len(said) == 1 and f"本月统计（{name}）" in said[0], said
        assert said[0].count(name) == 1, said


@pytest.mark.parametrize(
    ("asked", "answers"),
    [
        pytest.param("金贸那边被困的老人怎么样了", "jinmao", id="trial-S23-like"),
        pytest.param("幸福理还有啥没办的", "xingfuli", id="trial-S26"),
    ],
)
def test_trial_a_mistyped_community_name_is_answered_by_that_community_only(
    core: Core, jinmao: Core, clock: FakeClock, asked: str, answers: str
) -> None:
    talk(core, clock, LAMP_IN_XINGFULI)
    talk(jinmao, clock, COLLAPSE_IN_JINMAO)
    from_x = _say(core, clock, "周主任", asked)
    from_j = _say(jinmao, clock, "周主任", asked)
    assert bool(from_x) == (answers == "xingfuli"), (from_x, from_j)
    assert bool(from_j) == (answers == "jinmao"), (from_x, from_j)


@pytest.mark.parametrize(
    ("said", "number"),
    [
        pytest.param("金茂 #1 怎么还没人接！请金茂社区马上安排人去4号楼", 1, id="trial-S28"),
        pytest.param(
            "金茂 #2 垃圾桶都满两天了 请社区今天必须清掉", 2, id="trial-S49-not-escalated"
        ),
    ],
)
def test_trial_the_street_pressing_for_a_ticket_reaches_its_group_and_the_community(
    jinmao: Core, clock: FakeClock, said: str, number: int
) -> None:
    """The street is answered with how the ticket stands, and its words go to the responsible
    group and the community's group as 【街道督促】, escalated to the street or not."""
    talk(jinmao, clock, COLLAPSE_IN_JINMAO)
    clock.set(datetime(2026, 12, 16, 9, 0, tzinfo=ZONE))
    _resident(jinmao, clock, "2号楼居民群", "小钱", "2号楼门口垃圾桶满了 好几天没人清")
    told = _say(jinmao, clock, "周主任", said)
    group = "4号楼党小组" if number == 1 else "2号楼党小组"
    assert told[0].startswith(f"-> {STREET_GROUP}: @周主任 金茂社区：工单 #{number}"), told
    assert "已把您的督促转告" in told[0], told
    pushed = [line for line in told[1:] if "【街道督促】" in line]
    assert [line.split(":")[0] for line in pushed] == [f"-> {group}", "-> 社区党委工作群"], told


def test_trial_a_transfer_to_the_group_that_has_it_passes_the_instruction_on(
    jinmao: Core, clock: FakeClock
) -> None:
    """S33: "转 4号楼 请…" of a ticket 4号楼 has: the instruction reaches them as a note,
    never "无需转办" with the words dropped."""
    talk(jinmao, clock, COLLAPSE_IN_JINMAO)
    told = _say(jinmao, clock, "周主任", "金茂 #1 转 4号楼 请何军马上去看看 有情况马上报")
    assert any(
        line.startswith("-> 4号楼党小组: 【街道】已为工单 #1 添加备注（周主任）：") for line in told
    ), told
    assert not any("无需转办" in line for line in told), told


def test_trial_a_claim_by_its_words_before_the_ladder_brought_it_is_answered(
    core: Core, clock: FakeClock
) -> None:
    """S16: "幸福里那个煤气味的 我来处理" minutes before the 督办: whose it is, not silence."""
    clock.set(datetime(2026, 12, 15, 9, 30, tzinfo=ZONE))
    _resident(core, clock, "4号楼居民群", "钱阿姨", "4号楼1单元楼道里好大一股煤气味")
    clock.set(datetime(2026, 12, 15, 9, 36, tzinfo=ZONE))
    told = _say(core, clock, "周主任", "幸福里那个煤气味的 我来处理")
    assert told == [
        f"-> {STREET_GROUP}: @周主任 幸福里社区：工单 #1 尚未上报街道，现由4号楼党小组办理。"
        "查看进度请回复：幸福里 #1 进度"
    ], told


@pytest.mark.parametrize(
    ("said", "hinted"),
    [
        pytest.param("楼顶漏水那个 转物业 让钱经理明天上午带人去做防水", True, id="trial-S40"),
        pytest.param("我来处理", True, id="fresh-bare-claim"),
        pytest.param("会议材料转给各社区了", False, id="fresh-chatter"),
    ],
)
def test_trial_and_fresh_an_action_naming_no_community_is_told_how_to_name_one(
    core: Core, clock: FakeClock, said: str, hinted: bool
) -> None:
    told = _say(core, clock, "周主任", said)
    assert bool(told) == hinted, told
    if hinted:
        assert "请在指令前写明社区" in told[0], told


def test_trial_every_ticket_brought_to_the_street_is_announced_past_the_groups_daily_limit(
    core: Core, clock: FakeClock
) -> None:
    """A group hears at most overdue_alerts_per_day overdue messages a day; the street's group
    is told of every ticket brought to it, however many came before that day."""
    now = clock.now()
    community = core.community
    street = community.street_group
    assert street is not None
    cap = community.policy.overdue_alerts_per_day
    with core.factory() as session:
        for n in range(cap):
            session.add(
                OutboxMessage(
                    idempotency_key=f"{escalation.SWEEP_CAUSE}{n}",
                    group_name=street.name,
                    text="earlier",
                    created_at=now - timedelta(minutes=n + 1),
                )
            )
            session.add(
                OutboxMessage(
                    idempotency_key=f"{escalation.SWEEP_CAUSE}b{n}",
                    group_name="3号楼党小组",
                    text="earlier",
                    created_at=now - timedelta(minutes=n + 1),
                )
            )
        session.commit()
        notices = [
            Notice("【街道督办】…", group=street.name),
            Notice("【超时提醒】…", group="3号楼党小组"),
        ]
        kept = escalation.within_daily_limit(session, community, notices, now)
    assert [n.group for n in kept] == [street.name]
