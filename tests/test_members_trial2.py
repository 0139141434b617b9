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


def test_a_registration_written_with_chinese_commas_or_labels_is_understood(
    sim: Simulator,
) -> None:
    verify_dialog(
        sim,
        """
        5号楼居民群 | 林芳 | 我来报到，林芳，市第一中学，住5栋3单元601
        -> 5号楼居民群: @林芳 林芳同志，您的报到申请已收到（市第一中学，5栋3单元601），已转第二网格党支部群审核，审核后会告诉您。
        -> 第二网格党支部群: 【党员报到】林芳，工作单位：市第一中学，住址：5栋3单元601。同意请回复“批准 林芳”，不同意请回复“驳回 林芳 原因”。
        5号楼居民群 | 郑华 | 报到、郑华、区税务局、5栋1单元101
        -> 5号楼居民群: @郑华 郑华同志，您的报到申请已收到（区税务局，5栋1单元101），已转第二网格党支部群审核，审核后会告诉您。
        -> 第二网格党支部群: 【党员报到】郑华，工作单位：区税务局，住址：5栋1单元101。同意请回复“批准 郑华”，不同意请回复“驳回 郑华 原因”。
        5号楼居民群 | 冯强 | 报到；冯强；市图书馆；5栋2单元202
        -> 5号楼居民群: @冯强 冯强同志，您的报到申请已收到（市图书馆，5栋2单元202），已转第二网格党支部群审核，审核后会告诉您。
        -> 第二网格党支部群: 【党员报到】冯强，工作单位：市图书馆，住址：5栋2单元202。同意请回复“批准 冯强”，不同意请回复“驳回 冯强 原因”。
        4号楼居民群 | 韩梅 | 党员报到 姓名：韩梅 单位：区妇幼保健院 住址：4号楼1单元301
        -> 4号楼居民群: @韩梅 韩梅同志，您的报到申请已收到（区妇幼保健院，4号楼1单元301），已转第二网格党支部群审核，审核后会告诉您。
        -> 第二网格党支部群: 【党员报到】韩梅，工作单位：区妇幼保健院，住址：4号楼1单元301。同意请回复“批准 韩梅”，不同意请回复“驳回 韩梅 原因”。
        # too little to read: a short prompt saying what to send
        6号楼居民群 | 老杨 | 我来报到，杨帆
        -> 6号楼居民群: @老杨 报到请写：报到 姓名 工作单位 住址，例如：报到 张三 市供电公司 3号楼2单元501
        """,
    )


def test_a_note_after_the_address_is_not_stored_as_the_address(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        5号楼居民群 | 林芳 | 报到 林芳 市第一中学 住5栋3单元601，周末可以参加活动
        -> 5号楼居民群: @林芳 林芳同志，您的报到申请已收到（市第一中学，5栋3单元601），已转第二网格党支部群审核，审核后会告诉您。您的备注“周末可以参加活动”已一并转告。
        -> 第二网格党支部群: 【党员报到】林芳，工作单位：市第一中学，住址：5栋3单元601，备注：周末可以参加活动。同意请回复“批准 林芳”，不同意请回复“驳回 林芳 原因”。
        5号楼居民群 | 林芳 | 撤销报到
        -> 5号楼居民群: @林芳 已撤销您的报到申请（林芳，市第一中学，5栋3单元601）。需要时请重新报到：报到 姓名 工作单位 住址。
        -> 第二网格党支部群: 【党员报到】林芳已撤销报到申请，无需审核。
        """,
    )


def test_a_member_withdraws_in_everyday_words_and_the_withdrawn_one_cannot_be_approved(
    sim: Simulator,
) -> None:
    verify_dialog(
        sim,
        """
        5号楼居民群 | 林芳 | 报到 林芳 市第一中学 5栋3单元601
        -> 5号楼居民群: @林芳 林芳同志，您的报到申请已收到（市第一中学，5栋3单元601），已转第二网格党支部群审核，审核后会告诉您。
        -> 第二网格党支部群: 【党员报到】林芳，工作单位：市第一中学，住址：5栋3单元601。同意请回复“批准 林芳”，不同意请回复“驳回 林芳 原因”。
        5号楼居民群 | 林芳 | 我想撤销报到
        -> 5号楼居民群: @林芳 已撤销您的报到申请（林芳，市第一中学，5栋3单元601）。需要时请重新报到：报到 姓名 工作单位 住址。
        -> 第二网格党支部群: 【党员报到】林芳已撤销报到申请，无需审核。
        第二网格党支部群 | 赵网格长 | 批准 林芳
        -> 第二网格党支部群: @赵网格长 林芳已撤销报到申请，无法批准。如需报到，请本人重新报到。
        5号楼居民群 | 郑华 | 报到 郑华 区税务局 5栋1单元101
        -> 5号楼居民群: @郑华 郑华同志，您的报到申请已收到（区税务局，5栋1单元101），已转第二网格党支部群审核，审核后会告诉您。
        -> 第二网格党支部群: 【党员报到】郑华，工作单位：区税务局，住址：5栋1单元101。同意请回复“批准 郑华”，不同意请回复“驳回 郑华 原因”。
        5号楼居民群 | 郑华 | 我不报到了。
        -> 5号楼居民群: @郑华 已撤销您的报到申请（郑华，区税务局，5栋1单元101）。需要时请重新报到：报到 姓名 工作单位 住址。
        -> 第二网格党支部群: 【党员报到】郑华已撤销报到申请，无需审核。
        第二网格党支部群 | 赵网格长 | 驳回 郑华 住址不对
        -> 第二网格党支部群: @赵网格长 郑华已撤销报到申请，无法驳回。如需报到，请本人重新报到。
        5号楼居民群 | 冯强 | 报到 冯强 市图书馆 5栋2单元202
        -> 5号楼居民群: @冯强 冯强同志，您的报到申请已收到（市图书馆，5栋2单元202），已转第二网格党支部群审核，审核后会告诉您。
        -> 第二网格党支部群: 【党员报到】冯强，工作单位：市图书馆，住址：5栋2单元202。同意请回复“批准 冯强”，不同意请回复“驳回 冯强 原因”。
        5号楼居民群 | 冯强 | 取消报到
        -> 5号楼居民群: @冯强 已撤销您的报到申请（冯强，市图书馆，5栋2单元202）。需要时请重新报到：报到 姓名 工作单位 住址。
        -> 第二网格党支部群: 【党员报到】冯强已撤销报到申请，无需审核。
        """,
    )
