"""The seventh street trial (docs/trials/street-group7/, a first contact on 24145ec): the street
office's own words, trial sentences ("trial") next to wordings of mine ("fresh").

The worst failure: "幸福里 #13 请社区值班马上去现场！" pressing the community to send someone to a
gas leak made the director the one handling it."""

from __future__ import annotations

from datetime import datetime

import pytest

from service.bootstrap import Core
from service.clock import FakeClock
from service.models import Ticket
from tests.dialog import talk
from tests.test_street_followups import _say_in as _resident
from tests.test_street_group_commands import (
    COLLAPSE_IN_JINMAO,
    LAMP_IN_XINGFULI,
    STREET_GROUP,
    ZONE,
    _say,
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 12, 15, 8, 0, tzinfo=ZONE))


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("幸福里 #1 请社区值班马上去现场！", id="trial-10:47"),
        pytest.param("幸福里 #1 请张建国马上过去看看", id="fresh"),
    ],
)
def test_trial_and_fresh_asking_someone_to_go_presses_never_claims(
    core: Core, clock: FakeClock, said: str
) -> None:
    talk(core, clock, LAMP_IN_XINGFULI)
    told = _say(core, clock, "周主任", said)
    pushed = [line.split(":")[0] for line in told if "【街道督促】" in line]
    assert pushed == ["-> 1号楼党小组", "-> 社区党委工作群"], told
    with core.factory() as session:
        ticket = session.get_one(Ticket, 1)
        assert (ticket.state, ticket.claimed_by) == ("open", None)


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("幸福里 #1 谁在处理", id="trial-10:55"),
        pytest.param("幸福里 #1 现在谁在处理啊", id="fresh"),
    ],
)
def test_trial_and_fresh_who_is_handling_it_is_answered_never_kept_as_a_note(
    core: Core, clock: FakeClock, said: str
) -> None:
    talk(core, clock, LAMP_IN_XINGFULI)
    told = _say(core, clock, "周主任", said)
    assert len(told) == 1 and "当前状态" in told[0], told
    assert "备注" not in told[0]


def test_trial_a_press_answered_without_a_number_reaches_the_street(
    core: Core, clock: FakeClock
) -> None:
    """孙丽's "收到 今天下午就上门 带热力公司师傅一起去" after the press on the one ticket of her
    group: kept on it (claimed), and the street hears it; never a sign-up question."""
    talk(core, clock, LAMP_IN_XINGFULI)
    _say(core, clock, "周主任", "幸福里 #1 请社区今天必须上门看看")
    clock.set(datetime(2026, 12, 15, 9, 30, tzinfo=ZONE))
    told = _resident(core, clock, "1号楼党小组", "张建国", "收到 今天下午就上门 带电工一起去")
    to_street = [line for line in told if line.startswith(f"-> {STREET_GROUP}:")]
    assert len(to_street) == 1 and "今天下午就上门" in to_street[0], told
    assert not any("报名" in line for line in told), told
    with core.factory() as session:
        assert session.get_one(Ticket, 1).claimed_by == "张建国"


def test_fresh_the_same_words_with_no_press_are_no_answer_to_the_street(
    core: Core, clock: FakeClock
) -> None:
    talk(core, clock, LAMP_IN_XINGFULI)
    told = _resident(core, clock, "1号楼党小组", "张建国", "收到 今天下午就上门 带电工一起去")
    assert not any(STREET_GROUP in line for line in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("幸福里上个月的三率发我一下", id="trial-10:12"),
        pytest.param("11月份两个社区的满意率各是多少", id="trial-10:20"),
        pytest.param("幸福里上月数据汇总一下", id="fresh"),
    ],
)
def test_trial_and_fresh_last_months_figures_are_last_months(
    core: Core, clock: FakeClock, said: str
) -> None:
    told = _say(core, clock, "许干事", said)
    assert len(told) == 1 and "上月统计（幸福里社区）" in told[0], told


def test_trial_last_months_closings_asked_in_words_are_answered(
    core: Core, jinmao: Core, clock: FakeClock
) -> None:
    """10:15 "金茂上个月办结了多少件": 金茂 answers, 幸福里 does not."""
    told = _say(jinmao, clock, "周主任", "金茂上个月办结了多少件")
    assert len(told) == 1 and "上月统计（金茂社区）" in told[0], told
    assert _say(core, clock, "周主任", "金茂上个月办结了多少件") == []


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("幸福里今天3件督办都办完了 不错", id="trial-17:15"),
        pytest.param("幸福里 #1 好的 辛苦张建国了", id="trial-16:30-like"),
        pytest.param("幸福里这周两件都处理好了 辛苦", id="fresh"),
    ],
)
def test_trial_and_fresh_remarks_on_the_days_work_are_left_alone(
    core: Core, clock: FakeClock, said: str
) -> None:
    talk(core, clock, LAMP_IN_XINGFULI)
    assert _say(core, clock, "周主任", said) == []


def test_trial_why_it_drags_on_asked_by_description_is_answered(
    jinmao: Core, clock: FakeClock
) -> None:
    """08:37 "金茂…那个 怎么拖了一个礼拜了": the progress of the ticket its words fit."""
    talk(jinmao, clock, COLLAPSE_IN_JINMAO)
    told = _say(jinmao, clock, "周主任", "金茂倒在楼梯上的老人那个 怎么拖了这么久")
    assert len(told) == 1 and "工单 #1" in told[0] and "当前状态" in told[0], told


def test_trial_the_resident_is_not_told_the_words_that_point_at_the_ticket(
    core: Core, clock: FakeClock
) -> None:
    """14:40 "那个被困的孩子 已经救出来了 电梯公司在检修": the resident reads what was done."""
    _resident(core, clock, "3号楼居民群", "何奶奶", "3号楼电梯停在半空 我孙子被困在里面了")
    told = _resident(
        core, clock, "3号楼党小组", "刘志强", "#1 那个被困的孩子 已经救出来了 电梯公司在检修"
    )
    to_her = [line for line in told if line.startswith("-> 3号楼居民群:")]
    assert to_her and "已经救出来了" in to_her[0], told
    assert "那个被困的孩子" not in to_her[0], told


@pytest.mark.parametrize(
    ("group", "sender", "said", "how"),
    [
        pytest.param(
            STREET_GROUP,
            "周主任",
            "幸福里那个漏水的 已经修好了 已处理",
            "格式：幸福里 #编号 已处理",
            id="trial-street",
        ),
        pytest.param(
            "3号楼党小组", "刘志强", "楼道那个灯换好了 已处理", "格式：#编号 已处理", id="fresh"
        ),
    ],
)
def test_trial_and_fresh_a_hint_with_no_ticket_to_name_names_no_number(
    core: Core, clock: FakeClock, group: str, sender: str, said: str, how: str
) -> None:
    """A closing naming no ticket, with none open: the example used to say "金茂 #12", a
    ticket that did not exist, or "幸福里 #12", one long closed."""
    told = "\n".join(_resident(core, clock, group, sender, said))
    assert how in told and "#12" not in told, told
