"""What the second outside trial of the members slice found (trial members2, a party member and
a community worker in the chat) and what the review after it found: everyday ways of asking for
points and of withdrawing, registrations written with Chinese punctuation, names with spaces, a
note after the address, who may act, notices to members, leaders who need not register, ties at
the ranking's cut and the bulletin kept for the 党员积分 page."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.simulator import Simulator
from service.members.models import PointsEntry
from tests import test_members_trial_fixes as trial1
from tests.dialog import verify_dialog

ZONE = ZoneInfo("Asia/Shanghai")


# The same sample community as the first trial's tests (only the market series).
settings = trial1.settings
sim = trial1.sim


def _ledger(sim: Simulator, member: str, points: int, at: datetime, key: str) -> None:
    with sim.core.factory() as session, session.begin():
        session.add(
            PointsEntry(
                member_name=member,
                points=points,
                rule="manual",
                reason="参加楼道清扫",
                source_kind="manual",
                source_id=None,
                source_key=key,
                at=at,
                recorded_at=at,
                recorded_by="李网格长",
            )
        )


APPROVED_XU = """
        1号楼居民群 | 许娟 | 报到 许娟 区医院 1号楼2单元201
        -> 1号楼居民群: @许娟 许娟同志，您的报到申请已收到（区医院，1号楼2单元201），已转第一网格党支部群审核，审核后会告诉您。
        -> 第一网格党支部群: 【党员报到】许娟，工作单位：区医院，住址：1号楼2单元201。同意请回复“批准 许娟”，不同意请回复“驳回 许娟 原因”。
        第一网格党支部群 | 李网格长 | 批准 许娟
        -> 第一网格党支部群: @李网格长 已批准 许娟 报到，已告知本人。
        -> 1号楼居民群: @许娟 许娟同志，您的报到已通过，欢迎加入1号楼党小组！参加活动、办理本楼工单都会记入积分，回复“我的积分”可以查看。
        -> 1号楼党小组: 欢迎许娟同志（区医院）报到，加入本党小组。
"""


def test_points_questions_in_everyday_words_are_answered_never_filed_as_tickets(
    sim: Simulator,
) -> None:
    verify_dialog(sim, APPROVED_XU)
    _ledger(sim, "许娟", 3, datetime(2026, 11, 14, 10, tzinfo=ZONE), "t:nov")
    _ledger(sim, "许娟", 2, datetime(2026, 12, 1, 8, tzinfo=ZONE), "t:dec")
    verify_dialog(
        sim,
        """
        1号楼居民群 | 许娟 | 我的积分还有多少
        -> 1号楼居民群: @许娟 许娟同志，您本月积分 2 分，今年累计 5 分。 / 最近记录： / 12月01日 参加楼道清扫 +2分 / 11月14日 参加楼道清扫 +3分
        1号楼居民群 | 许娟 | 我有多少积分啊？
        -> 1号楼居民群: @许娟 许娟同志，您本月积分 2 分，今年累计 5 分。 / 最近记录： / 12月01日 参加楼道清扫 +2分 / 11月14日 参加楼道清扫 +3分
        1号楼居民群 | 许娟 | 积分
        -> 1号楼居民群: @许娟 许娟同志，您本月积分 2 分，今年累计 5 分。 / 最近记录： / 12月01日 参加楼道清扫 +2分 / 11月14日 参加楼道清扫 +3分
        1号楼居民群 | 许娟 | 上个月我得了多少分
        -> 1号楼居民群: @许娟 许娟同志，您上个月（11月）积分 3 分；本月积分 2 分，今年累计 5 分。 / 最近记录： / 12月01日 参加楼道清扫 +2分 / 11月14日 参加楼道清扫 +3分
        # a resident who is not a member is told how to register, not given a ticket
        1号楼居民群 | 赵大爷 | 我有多少积分
        -> 1号楼居民群: @赵大爷 赵大爷您好，还没有查到您的党员报到记录。在职党员请先报到：报到 姓名 工作单位 住址。
        """,
    )


def test_a_complaint_that_mentions_minutes_is_still_a_ticket(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        1号楼居民群 | 赵大爷 | 电梯等了多少分钟都不来？
        -> 1号楼居民群: @赵大爷 已收到您反映的问题（工单 #1：电梯等了多少分钟都不来，1号楼），已转1号楼党小组处理。
        -> 1号楼党小组: 【新工单 #1】维修维护·电梯 / 地点：1号楼 / 居民原话：电梯等了多少分钟都不来？ / 反映人：赵大爷（1号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        """,
    )
