"""Issue 14, members trial 5 (docs/members_trials.md): the place a member is told (我排第几) counts
the same points as 我的积分 does, including an adjustment made that very minute and a meeting
later today; before, the place lagged behind the points until the clock moved on."""

from __future__ import annotations

from datetime import timedelta

from bot.simulator import Simulator
from tests import test_members_trial2 as trial2
from tests import test_members_trial3 as trial3
from tests.dialog import verify_dialog


def test_the_place_counts_points_given_this_minute_and_later_today(sim: Simulator) -> None:
    trial3._xu_with_points(sim)  # 许娟 5 this quarter, 张建国 9
    now = sim.clock.now()
    trial2._ledger(sim, "许娟", 3, now, "t:now")
    trial2._ledger(sim, "许娟", 2, now + timedelta(hours=3), "t:later-today")
    verify_dialog(
        sim,
        """
        1号楼居民群 | 许娟 | 我排第几
        -> 1号楼居民群: @许娟 许娟同志，本季度（10月至12月）您的积分 10 分，在社区党员中排第 1 名。
        """,
    )


def test_asking_for_the_points_bulletin_is_a_bulletin_request_and_a_typo_registers(
    sim: Simulator,
) -> None:
    """积分通报 asks for the bulletin (staff only), never for one's own points; 报倒 (a typo of
    报到) registers."""
    verify_dialog(
        sim,
        """
        3号楼党小组 | 钟明 | 积分通报
        -> 3号楼党小组: @钟明 抱歉，月度工作通报只对社区工作人员开放。
        1号楼居民群 | 邹红 | 报倒 邹红 区卫健委 1号楼2单元302
        -> 1号楼居民群: @邹红 邹红同志，您的报到申请已收到（区卫健委，1号楼2单元302），已转第一网格党支部群审核，审核后会告诉您。
        -> 第一网格党支部群: 【党员报到】邹红，工作单位：区卫健委，住址：1号楼2单元302。同意请回复“批准 邹红”，不同意请回复“驳回 邹红 原因”。
        """,
    )
