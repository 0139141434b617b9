"""The sixth street trial (docs/trials/street-group6/, a first contact on 14e4fe9): the street
office's own words, trial sentences ("trial") next to wordings of mine ("fresh").

The worst failure: "幸福里 #1 楼道灯换了没 都一个月了 请李网格长今天盯一下" closed the ticket, and
the resident was told her lamp was mended with the director's question as what was done."""

from __future__ import annotations

from datetime import datetime

import pytest

from service.bootstrap import Core
from service.clock import FakeClock
from service.models import Ticket
from tests.dialog import talk
from tests.test_street_group_commands import (
    COLLAPSE_IN_JINMAO,
    LAMP_IN_XINGFULI,
    STREET_GROUP,
    ZONE,
    _say,
)
from tests.test_street_group_trial5 import _resident


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 12, 15, 8, 0, tzinfo=ZONE))


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("幸福里 #1 楼道灯换了没 都一个月了 请李网格长今天盯一下", id="trial-S41"),
        pytest.param("幸福里 #1 楼道灯修好了没 请张建国今天去看看", id="fresh"),
    ],
)
def test_trial_and_fresh_asking_whether_it_is_done_and_pressing_never_closes_it(
    core: Core, clock: FakeClock, said: str
) -> None:
    talk(core, clock, LAMP_IN_XINGFULI)
    told = _say(core, clock, "周主任", said)
    assert not any("已办结" in line or "已处理" in line for line in told), told
    pushed = [line.split(":")[0] for line in told if "【街道督促】" in line]
    assert pushed == ["-> 1号楼党小组", "-> 社区党委工作群"], told
    with core.factory() as session:
        assert session.get_one(Ticket, 1).state == "open"


def test_trial_a_street_officer_asking_someone_by_name_presses_for_the_ticket(
    core: Core, clock: FakeClock
) -> None:
    """S73: "请罗芳明天一早清掉" after the number is a 督促 too."""
    talk(core, clock, LAMP_IN_XINGFULI)
    told = _say(core, clock, "周主任", "幸福里 #1 楼道灯换了没有 请张建国明天一早换掉")
    assert any(line.startswith("-> 1号楼党小组: 【街道督促】") for line in told), told


def test_trial_chatter_naming_a_community_and_a_building_is_left_alone(
    core: Core, jinmao: Core, clock: FakeClock
) -> None:
    """S47: a notice that names 幸福里's 6号楼 (a building, no ticket number)."""
    said = "区里通知明天上午检查垃圾分类，幸福里6号楼那边注意一下"
    assert _say(core, clock, "许干事", said) == []
    assert _say(jinmao, clock, "许干事", said) == []


def test_trial_figures_asked_of_a_mistyped_community(
    core: Core, jinmao: Core, clock: FakeClock
) -> None:
    """S20: "幸福理这个月的三率怎么样": 幸福里 answers, 金茂 does not."""
    talk(core, clock, LAMP_IN_XINGFULI)
    told = _say(core, clock, "许干事", "幸福理这个月的三率怎么样")
    assert len(told) == 1 and "本月统计（幸福里社区）" in told[0], told
    assert _say(jinmao, clock, "许干事", "幸福理这个月的三率怎么样") == []


def test_trial_a_claim_by_its_words_of_a_ticket_brought_here_and_held_says_who_has_it(
    jinmao: Core, clock: FakeClock
) -> None:
    """S23: the ladder brought it to the street and someone of the community has it in hand
    since: how it stands, never "尚未上报街道"."""
    talk(jinmao, clock, COLLAPSE_IN_JINMAO)
    clock.set(datetime(2026, 12, 15, 23, 20, tzinfo=ZONE))
    _resident(jinmao, clock, "4号楼党小组", "唐静", "#1 收到我来 已打120")
    told = _say(jinmao, clock, "许干事", "金茂那个老人的 我来处理")
    assert len(told) == 1 and "唐静正在处理" in told[0], told
    assert "尚未上报街道" not in told[0], told
    assert told[0].startswith(f"-> {STREET_GROUP}: @许干事 金茂社区："), told


def test_trial_who_has_a_ticket_described_is_answered_with_its_progress(
    jinmao: Core, clock: FakeClock
) -> None:
    """S44: "金茂…那个 现在谁在管": its progress and whose it is."""
    talk(jinmao, clock, COLLAPSE_IN_JINMAO)
    told = _say(jinmao, clock, "周主任", "金茂那个倒在楼梯上的老人 现在谁在管")
    assert len(told) == 1 and "工单 #1" in told[0] and "负责：4号楼党小组" in told[0], told
