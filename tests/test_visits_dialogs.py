"""党员包户 end to end in the simulator (issue #15): a household through a due, an overdue
(reminded again) and an escalated visit (party group and grid told once), visits that reset the
clock, a visit that opens a ticket, quiet hours, and bad input."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.simulator import Simulator
from service.bootstrap import Core
from service.clock import FakeClock
from service.members.models import PointsEntry
from service.settings import Settings
from service.visits.models import HouseholdVisit
from tests.dialog import verify_dialog
from tests.story_support import story_settings, story_sim

HOUSEHOLDS = [
    {
        "building": 3,
        "unit": "2",
        "room": "501",
        "kind": "独居老人",
        "contact": "王奶奶",
        "member": "刘志强",
    },
    {"building": 5, "unit": "1", "room": "101", "kind": "困难家庭", "member": "周海"},
]


def visits_config(tmp_path: Path, households: list[dict[str, object]]) -> Settings:
    """The sample community with 党员包户 started on 1 December and these households, and no
    event series (their reminders are not what these stories test)."""
    return story_settings(
        tmp_path, households={"since": "2026-12-01", "households": households}
    )


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return visits_config(tmp_path, HOUSEHOLDS)


@pytest.fixture
def sim(core: Core, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> Iterator[Simulator]:
    yield from story_sim(core, clock, monkeypatch)


def _visits(sim: Simulator) -> list[tuple[str, str, str, str, int | None]]:
    with sim.core.factory() as session:
        rows = session.scalars(select(HouseholdVisit).order_by(HouseholdVisit.id))
        return [(v.household, v.member_name, v.outcome, v.note, v.ticket_id) for v in rows]


def _visit_points(sim: Simulator) -> list[tuple[str, int, str]]:
    with sim.core.factory() as session:
        rows = session.scalars(select(PointsEntry).where(PointsEntry.rule == "household_visit"))
        return [(e.member_name, e.points, e.reason) for e in rows]


@pytest.mark.timeout(300)  # three simulated weeks
def test_household_is_reminded_when_due_again_when_overdue_and_escalated_once(
    sim: Simulator,
) -> None:
    verify_dialog(
        sim,
        """
        @clock 2026-12-01 10:30
        -> dm:刘志强: 【走访提醒】您联系的3号楼2单元501室（独居老人，王奶奶）该上门走访了（每7天一次，还没有走访记录）。走访后请回复“走访 3-2-501 一切正常”；需要帮助请回复“走访 3-2-501 需要帮助 具体情况”。
        -> dm:周海: 【走访提醒】您联系的5号楼1单元101室（困难家庭）该上门走访了（每30天一次，还没有走访记录）。走访后请回复“走访 5-1-101 一切正常”；需要帮助请回复“走访 5-1-101 需要帮助 具体情况”。
        # quiet hours: overdue from midnight, said at 07:00
        @clock 2026-12-08 06:59
        @clock 2026-12-08 07:30
        -> dm:刘志强: 【走访提醒】您联系的3号楼2单元501室（独居老人，王奶奶）已超过走访时间（每7天一次，还没有走访记录），请尽快上门看看。走访后请回复“走访 3-2-501 一切正常”；需要帮助请回复“走访 3-2-501 需要帮助 具体情况”。
        @clock 2026-12-14 23:00
        @clock 2026-12-15 07:30
        -> 3号楼党小组: 【走访逾期】3号楼2单元501室（独居老人，王奶奶）已超过两个走访周期没有走访（还没有走访记录），联系党员：刘志强。请帮忙督促，或安排其他同志上门看看。
        -> 第一网格党支部群: 【走访逾期】3号楼2单元501室（独居老人，王奶奶）已超过两个走访周期没有走访（还没有走访记录），联系党员：刘志强。请帮忙督促，或安排其他同志上门看看。
        # told once, not every run
        @clock 2026-12-16 10:00
        3号楼党小组 | 刘志强 | 走访 3-2-501 一切正常
        -> 3号楼党小组: @刘志强 已记录您对3号楼2单元501室（独居老人，王奶奶）的走访，谢谢！下次走访请在12月23日前。
        # the clock starts again from the visit
        @clock 2026-12-23 09:30
        @clock 2026-12-23 10:30
        -> dm:刘志强: 【走访提醒】您联系的3号楼2单元501室（独居老人，王奶奶）该上门走访了（每7天一次，上次走访：12月16日）。走访后请回复“走访 3-2-501 一切正常”；需要帮助请回复“走访 3-2-501 需要帮助 具体情况”。
        3号楼党小组 | 刘志强 | 3号楼2单元501 已走访，老人身体不错
        -> 3号楼党小组: @刘志强 已记录您对3号楼2单元501室（独居老人，王奶奶）的走访，谢谢！下次走访请在12月30日前。
        @clock 2026-12-29 12:00
        """,
    )
    assert [v[:3] for v in _visits(sim)] == [
        ("3-2-501", "刘志强", "fine"),
        ("3-2-501", "刘志强", "fine"),
    ]
    assert _visits(sim)[1][3] == "老人身体不错"
    assert _visit_points(sim) == [
        ("刘志强", 1, "入户走访：走访3号楼2单元501室"),
        ("刘志强", 1, "入户走访：走访3号楼2单元501室"),
    ]


def test_visit_that_needs_help_opens_a_ticket_at_the_household(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        @clock 2026-12-02 10:00
        -> dm:刘志强: 【走访提醒】您联系的3号楼2单元501室（独居老人，王奶奶）该上门走访了（每7天一次，还没有走访记录）。走访后请回复“走访 3-2-501 一切正常”；需要帮助请回复“走访 3-2-501 需要帮助 具体情况”。
        -> dm:周海: 【走访提醒】您联系的5号楼1单元101室（困难家庭）该上门走访了（每30天一次，还没有走访记录）。走访后请回复“走访 5-1-101 一切正常”；需要帮助请回复“走访 5-1-101 需要帮助 具体情况”。
        3号楼党小组 | 刘志强 | 走访3-2-501 需要帮助 冬天暖气不热
        -> 3号楼党小组: @刘志强 已记录您对3号楼2单元501室（独居老人，王奶奶）的走访。需要帮助的事已登记为工单 #1，已转3号楼党小组处理。下次走访请在12月9日前。
        -> 3号楼党小组: 【新工单 #1】维修维护·供暖 / 地点：3号楼2单元501室 / 居民原话：冬天暖气不热 / 反映人：刘志强（3号楼党小组） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        第一网格党支部群 | 李网格长 | 走訪 ５号楼１单元１０１ 需要帮忙 老人想申请低保，不知道怎么办
        -> 第一网格党支部群: @李网格长 已记录您对5号楼1单元101室（困难家庭）的走访。需要帮助的事已登记为工单 #2，已转5号楼党小组处理。下次走访请在1月1日前。
        -> 5号楼党小组: 【新工单 #2】信息咨询·政策咨询 / 地点：5号楼1单元101室 / 居民原话：老人想申请低保，不知道怎么办 / 反映人：李网格长（第一网格党支部群） / 接单请回复：#2 接单；办结后回复：#2 已处理 处理说明
        # a care ticket of the household's building reaches its member in private
        3号楼居民群 | 张阿姨 | 2单元有个独居老人好几天没出门了，能不能去看看
        -> 3号楼居民群: @张阿姨 已收到您反映的问题（工单 #3：有个独居老人好几天没出门了，3号楼2单元），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #3】爱心帮扶·独居老人 / 地点：3号楼2单元 / 居民原话：2单元有个独居老人好几天没出门了，能不能去看看 / 反映人：张阿姨（3号楼居民群） / 接单请回复：#3 接单；办结后回复：#3 已处理 处理说明
        -> dm:刘志强: 【包户提醒】您联系的3号楼2单元501室（独居老人，王奶奶）所在楼栋有新的帮扶工单 #3：有个独居老人好几天没出门了。请留意，方便时上门看看。
        # an emergency found on a visit: the member keeps the safety advice, staff are paged
        3号楼党小组 | 刘志强 | 走访 3-2-501 需要帮助 老人在家摔倒了起不来
        -> 3号楼党小组: @刘志强 已记录您对3号楼2单元501室（独居老人，王奶奶）的走访。需要帮助的事已登记为工单 #4，已转3号楼党小组处理。下次走访请在12月9日前。
        -> 3号楼党小组: @刘志强 已收到您反映的问题（工单 #4：老人在家摔倒了起不来，3号楼2单元501室），已转3号楼党小组处理。请立即拨打120，保持病人平躺，不要随意搬动。
        -> 3号楼党小组: 【可能紧急 #4】3号楼2单元501室 老人在家摔倒了起不来 / 类别：应急处理·急病 / 居民原话：老人在家摔倒了起不来 / 反映人：刘志强（3号楼党小组） / 已告知居民：请立即拨打120，保持病人平躺，不要随意搬动。 / （系统判断可能紧急，不一定是紧急情况，请尽快核实；如不紧急请回复：#4 非紧急） / 负责：3号楼党小组。请立即跟进，接单回复：#4 接单
        -> 第一网格党支部群: 【可能紧急 #4】3号楼2单元501室 老人在家摔倒了起不来 / 类别：应急处理·急病 / 居民原话：老人在家摔倒了起不来 / 反映人：刘志强（3号楼党小组） / 已告知居民：请立即拨打120，保持病人平躺，不要随意搬动。 / （系统判断可能紧急，不一定是紧急情况，请尽快核实；如不紧急请回复：#4 非紧急） / 负责：3号楼党小组。请立即跟进，接单回复：#4 接单
        -> 社区党委工作群: @刘值班 【可能紧急 #4】3号楼2单元501室 老人在家摔倒了起不来 / 类别：应急处理·急病 / 居民原话：老人在家摔倒了起不来 / 反映人：刘志强（3号楼党小组） / 已告知居民：请立即拨打120，保持病人平躺，不要随意搬动。 / （系统判断可能紧急，不一定是紧急情况，请尽快核实；如不紧急请回复：#4 非紧急） / 负责：3号楼党小组。请立即跟进，接单回复：#4 接单
        """,
    )
    visits = _visits(sim)
    assert [(v[0], v[2], v[4]) for v in visits] == [
        ("3-2-501", "help", 1),
        ("5-1-101", "help", 2),
        ("3-2-501", "help", 4),
    ]


def test_reminder_due_in_the_quiet_hours_waits_for_the_morning(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        @clock 2026-12-01 22:30
        -> dm:刘志强: 【走访提醒】您联系的3号楼2单元501室（独居老人，王奶奶）该上门走访了（每7天一次，还没有走访记录）。走访后请回复“走访 3-2-501 一切正常”；需要帮助请回复“走访 3-2-501 需要帮助 具体情况”。
        -> dm:周海: 【走访提醒】您联系的5号楼1单元101室（困难家庭）该上门走访了（每30天一次，还没有走访记录）。走访后请回复“走访 5-1-101 一切正常”；需要帮助请回复“走访 5-1-101 需要帮助 具体情况”。
        3号楼党小组 | 刘志强 | 看望 3号楼2单元501室 一切正常
        -> 3号楼党小组: @刘志强 已记录您对3号楼2单元501室（独居老人，王奶奶）的走访，谢谢！下次走访请在12月8日前。
        @clock 2026-12-09 06:59
        @clock 2026-12-09 07:30
        -> dm:刘志强: 【走访提醒】您联系的3号楼2单元501室（独居老人，王奶奶）该上门走访了（每7天一次，上次走访：12月1日）。走访后请回复“走访 3-2-501 一切正常”；需要帮助请回复“走访 3-2-501 需要帮助 具体情况”。
        """,
    )


def test_unknown_household_and_non_member_get_a_polite_answer(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        @clock 2026-12-01 10:30
        -> dm:刘志强: 【走访提醒】您联系的3号楼2单元501室（独居老人，王奶奶）该上门走访了（每7天一次，还没有走访记录）。走访后请回复“走访 3-2-501 一切正常”；需要帮助请回复“走访 3-2-501 需要帮助 具体情况”。
        -> dm:周海: 【走访提醒】您联系的5号楼1单元101室（困难家庭）该上门走访了（每30天一次，还没有走访记录）。走访后请回复“走访 5-1-101 一切正常”；需要帮助请回复“走访 5-1-101 需要帮助 具体情况”。
        3号楼党小组 | 刘志强 | 走访 3-2-502 一切正常
        -> 3号楼党小组: @刘志强 没有找到需要走访的住户“3-2-502”，请核对楼号、单元和房号，例如：走访 3-2-501 一切正常。
        3号楼党小组 | 刘志强 | 走访 9-1-101 一切正常
        -> 3号楼党小组: @刘志强 没有找到需要走访的住户“9-1-101”，请核对楼号、单元和房号，例如：走访 3-2-501 一切正常。
        3号楼党小组 | 刘志强 | 走访
        -> 3号楼党小组: @刘志强 请这样登记走访：走访 3-2-501 一切正常；需要帮助时写：走访 3-2-501 需要帮助 具体情况。
        3号楼党小组 | 刘志强 | 走访 3-2-501 需要帮助
        -> 3号楼党小组: @刘志强 请说一下需要什么帮助，例如：走访 3-2-501 需要帮助 冬天暖气不热。
        3号楼居民群 | 张阿姨 | 走访 3-2-501 一切正常
        -> 3号楼居民群: @张阿姨 张阿姨您好，走访登记是给联系住户的党员用的。如需帮助，请直接说明情况，我们会转给工作人员。
        3号楼居民群 | 张阿姨 | 看望老人的活动什么时候有
        -> 3号楼居民群: @张阿姨 已收到您反映的问题（工单 #1：看望老人的活动什么时候有，3号楼），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #1】爱心帮扶·独居老人 / 地点：3号楼 / 居民原话：看望老人的活动什么时候有 / 反映人：张阿姨（3号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        -> dm:刘志强: 【包户提醒】您联系的3号楼2单元501室（独居老人，王奶奶）所在楼栋有新的帮扶工单 #1：看望老人的活动什么时候有。请留意，方便时上门看看。
        3号楼党小组 | 刘志强 | 走访 3-2-501 😀😀
        -> 3号楼党小组: @刘志强 已记录您对3号楼2单元501室（独居老人，王奶奶）的走访，谢谢！下次走访请在12月8日前。
        """,
    )
    assert [v[:3] for v in _visits(sim)] == [("3-2-501", "刘志强", "fine")]
