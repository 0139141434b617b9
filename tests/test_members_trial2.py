"""What the second outside trial of the members slice found (trial members2, a party member and
a community worker in the chat) and what the review after it found: everyday ways of asking for
points and of withdrawing, registrations written with Chinese punctuation, names with spaces, a
note after the address, who may act, notices to members, leaders who need not register, ties at
the ranking's cut and the bulletin kept for the 党员积分 page."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from bot.shell import parse_line, run_line
from bot.simulator import Simulator
from service import housekeeping
from service.members import bulletin, messages
from service.members import jobs as member_jobs
from service.members.models import PointsEntry
from service.members.rules import current_rules
from service.models import OutboxMessage
from tests import test_members_trial_fixes as trial1
from tests.dialog import verify_dialog
from tests.web_support import make_web

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


async def _say_all(sim: Simulator, script: str) -> None:
    """Say each line of `script`, not checking the answers (set-up told in other tests)."""
    for line_no, raw in enumerate(script.strip().splitlines(), start=1):
        line = parse_line(line_no, raw.strip())
        if line is not None:
            await run_line(sim, line)


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


def test_staff_may_write_a_members_name_with_spaces(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        2号楼居民群 | 陈刚 | 报到 陈刚 市交通局 2号楼1单元101
        -> 2号楼居民群: @陈刚 陈刚同志，您的报到申请已收到（市交通局，2号楼1单元101），已转第一网格党支部群审核，审核后会告诉您。
        -> 第一网格党支部群: 【党员报到】陈刚，工作单位：市交通局，住址：2号楼1单元101。同意请回复“批准 陈刚”，不同意请回复“驳回 陈刚 原因”。
        第一网格党支部群 | 李网格长 | 批准 陈 刚
        -> 第一网格党支部群: @李网格长 已批准 陈刚 报到，已告知本人。
        -> 2号楼居民群: @陈刚 陈刚同志，您的报到已通过，欢迎加入2号楼党小组！参加活动、办理本楼工单都会记入积分，回复“我的积分”可以查看。
        -> 2号楼党小组: 欢迎陈刚同志（市交通局）报到，加入本党小组。
        2号楼居民群 | 周丽 | 报到 周丽 市邮政局 2号楼2单元202
        -> 2号楼居民群: @周丽 周丽同志，您的报到申请已收到（市邮政局，2号楼2单元202），已转第一网格党支部群审核，审核后会告诉您。
        -> 第一网格党支部群: 【党员报到】周丽，工作单位：市邮政局，住址：2号楼2单元202。同意请回复“批准 周丽”，不同意请回复“驳回 周丽 原因”。
        第一网格党支部群 | 李网格长 | 驳回 周　丽 单位请写全称
        -> 第一网格党支部群: @李网格长 已驳回 周丽 的报到申请（单位请写全称），已告知本人。
        -> 2号楼居民群: @周丽 周丽同志，您的报到申请未通过：单位请写全称。如有疑问请联系网格工作人员，修改后可以重新报到。
        2号楼党小组 | 李网格长 | 积分调整 陈 刚 +2 帮助邻居修水管
        -> 2号楼党小组: @李网格长 已为陈刚调整积分 +2 分（帮助邻居修水管），已记入积分台账。
        -> dm:陈刚: 您的积分调整 +2 分：帮助邻居修水管（李网格长）。
        2号楼党小组 | 李网格长 | 设岗 陈　刚 楼道长 2号楼1单元
        -> 2号楼党小组: @李网格长 已为陈刚设岗：楼道长（2号楼1单元）。相关的工单通知会提醒陈刚。
        -> dm:陈刚: 陈刚同志，社区为您设岗：楼道长（2号楼1单元），感谢您为大家服务！
        """,
    )


APPROVED_CHEN_AND_ZHOU = """
        2号楼居民群 | 陈刚 | 报到 陈刚 市交通局 2号楼1单元101
        第一网格党支部群 | 李网格长 | 批准 陈刚
        2号楼居民群 | 周丽 | 报到 周丽 市邮政局 2号楼2单元202
        第一网格党支部群 | 李网格长 | 批准 周丽
"""


def _after_chen_and_zhou_approved(sim: Simulator, transcript: str) -> None:
    asyncio.run(_say_all(sim, APPROVED_CHEN_AND_ZHOU))
    verify_dialog(sim, transcript)


def test_an_approved_member_handles_their_party_groups_tickets_but_not_other_members_standing(
    sim: Simulator,
) -> None:
    """待办 and a closing without a number follow the one rule of who may act on tickets (an
    approved member acts for their building's party group), as ticket commands do; 积分调整 and
    设岗 stay with the staff: a member adjusts nobody's points, his own least of all."""
    _after_chen_and_zhou_approved(
        sim,
        """
        2号楼居民群 | 王奶奶 | 2号楼1单元楼道灯不亮了
        -> 2号楼居民群: @王奶奶 已收到您反映的问题（工单 #1：楼道灯不亮了，2号楼1单元），已转2号楼党小组处理。
        -> 2号楼党小组: 【新工单 #1】维修维护·照明 / 地点：2号楼1单元 / 居民原话：2号楼1单元楼道灯不亮了 / 反映人：王奶奶（2号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        2号楼党小组 | 陈刚 | 待办
        -> 2号楼党小组: @陈刚 2号楼党小组待办工单（1件，最早的在前）： / #1 2号楼1单元 楼道灯不亮了：待受理，0分钟前
        2号楼党小组 | 陈刚 | #1 接单
        -> 2号楼党小组: 工单 #1 已由陈刚接单。
        -> 2号楼居民群: @王奶奶 您反映的问题（工单 #1）已有工作人员接单，陈刚正在处理。
        2号楼党小组 | 陈刚 | 灯泡已经换好了，处理完了
        -> 2号楼党小组: 工单 #1 已办结（陈刚）：灯泡已经换好了
        -> 2号楼居民群: @王奶奶 您反映的问题（工单 #1：楼道灯不亮了）已处理：灯泡已经换好了。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        2号楼党小组 | 陈刚 | 积分调整 周丽 +1 帮忙扶梯子
        -> 2号楼党小组: @陈刚 抱歉，只有该党员所在党小组及上级的工作人员可以调整积分。
        2号楼党小组 | 陈刚 | 积分调整 陈刚 +5 辛苦了
        -> 2号楼党小组: @陈刚 抱歉，只有该党员所在党小组及上级的工作人员可以调整积分。
        2号楼党小组 | 陈刚 | 设岗 周丽 楼道长 2号楼2单元
        -> 2号楼党小组: @陈刚 抱歉，只有本楼党小组、网格或社区的工作人员可以设岗。
        # not in another building's party group
        3号楼党小组 | 陈刚 | 待办
        -> 3号楼党小组: @陈刚 抱歉，这条指令只对本群的工作人员开放。
        """,
    )


def test_a_member_is_told_privately_of_a_points_adjustment_and_of_a_post(
    sim: Simulator,
) -> None:
    _after_chen_and_zhou_approved(
        sim,
        """
        2号楼党小组 | 李网格长 | 积分调整 陈刚 +2 帮助邻居修水管
        -> 2号楼党小组: @李网格长 已为陈刚调整积分 +2 分（帮助邻居修水管），已记入积分台账。
        -> dm:陈刚: 您的积分调整 +2 分：帮助邻居修水管（李网格长）。
        2号楼党小组 | 李网格长 | 设岗 周丽 楼道长 2号楼2单元
        -> 2号楼党小组: @李网格长 已为周丽设岗：楼道长（2号楼2单元）。相关的工单通知会提醒周丽。
        -> dm:周丽: 周丽同志，社区为您设岗：楼道长（2号楼2单元），感谢您为大家服务！
        # a listed member (configured) is told in private too
        社区党委工作群 | 王书记 | 积分调整 张建国 -1 会议迟到
        -> 社区党委工作群: @王书记 已为张建国调整积分 -1 分（会议迟到），已记入积分台账。
        -> dm:张建国: 您的积分调整 -1 分：会议迟到（王书记）。
        """,
    )


def test_a_listed_leader_who_sends_a_registration_is_told_they_need_not(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        3号楼党小组 | 刘志强 | 报到 刘志强 区城管局 3号楼1单元101
        -> 3号楼党小组: @刘志强 刘志强您好，您已在社区的名单上，无需报到。参加活动、办理工单都会记入积分，回复“我的积分”可以查看。
        第一网格党支部群 | 李网格长 | 我来报到
        -> 第一网格党支部群: @李网格长 李网格长您好，您已在社区的名单上，无需报到。参加活动、办理工单都会记入积分，回复“我的积分”可以查看。
        """,
    )


def test_the_ranking_and_the_bulletin_never_cut_through_a_tie(
    sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the top 3 asked for and two members tied third, both are listed, and it says so."""
    top3 = current_rules().model_copy(update={"ranking_top": 3, "bulletin_top": 3})
    monkeypatch.setattr(bulletin, "current_rules", lambda: top3)
    november = datetime(2026, 11, 10, 10, tzinfo=ZONE)
    for name, earned in [("张建国", 5), ("陈桂兰", 4), ("刘志强", 3), ("孙丽", 3), ("周海", 1)]:
        _ledger(sim, name, earned, november, f"t:{name}")
    now = sim.clock.now()
    with sim.core.factory() as session:
        ranking = bulletin.quarterly(session, sim.core.community, november.date(), now)
        monthly = bulletin.monthly(session, sim.core.community, november.date(), now)
    assert messages.ranking_text(ranking).splitlines()[1:11] == [
        "党员积分排名（第3名2人并列，都列出）：",
        "1. 张建国 5分",
        "2. 陈桂兰 4分",
        "3. 刘志强 3分",
        "3. 孙丽 3分",
        "楼栋党小组排名（第3名2个并列，都列出）：",
        "1. 1号楼党小组 5分（1名党员）",
        "2. 2号楼党小组 4分（1名党员）",
        "3. 3号楼党小组 3分（1名党员）",
        "3. 4号楼党小组 3分（1名党员）",
    ]
    assert (
        "二、党员积分前3名（第3名2人并列，都列出）："
        "1. 张建国 5分；2. 陈桂兰 4分；3. 刘志强 3分；3. 孙丽 3分。"
    ) in messages.bulletin_text(monthly)


def test_the_points_page_shows_the_bulletin_as_sent_after_the_outbox_forgot_it(
    sim: Simulator,
) -> None:
    """Sent outbox rows are pruned after the retention (90 days); the 党员积分 page still shows
    the month's bulletin as it was sent, not one worked out again from later records."""
    _ledger(sim, "张建国", 5, datetime(2026, 11, 10, 10, tzinfo=ZONE), "t:before")
    sent_at = sim.clock.now()  # 2026-12-01 09:00, the first working day
    assert member_jobs.send_bulletins(sim.core.factory, sim.core.community, sent_at) == 1
    # a late correction for November, after the bulletin went out
    _ledger(sim, "陈桂兰", 9, datetime(2026, 11, 20, 10, tzinfo=ZONE), "t:late")
    with sim.core.factory() as session, session.begin():
        session.execute(update(OutboxMessage).values(state="sent", sent_at=sent_at))
    later = sent_at + timedelta(days=120)
    with sim.core.factory() as session, session.begin():
        assert housekeeping.prune(session, later, timedelta(days=90))[1] >= 1
    sim.clock.set(later)
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    page = web.login("wang").get("/points?month=2026-11").text
    assert "下面是已发到社区党委工作群的原文" in page
    assert "二、党员积分前1名：1. 张建国 5分。" in page


def test_a_registration_said_in_a_sentence_keeps_the_name_and_a_bare_one_gets_a_prompt(
    sim: Simulator,
) -> None:
    verify_dialog(
        sim,
        """
        5号楼居民群 | 林芳 | 我来报到，我叫林芳，市第一中学，住5栋3单元601
        -> 5号楼居民群: @林芳 林芳同志，您的报到申请已收到（市第一中学，5栋3单元601），已转第二网格党支部群审核，审核后会告诉您。
        -> 第二网格党支部群: 【党员报到】林芳，工作单位：市第一中学，住址：5栋3单元601。同意请回复“批准 林芳”，不同意请回复“驳回 林芳 原因”。
        6号楼居民群 | 老杨 | 我来报到了
        -> 6号楼居民群: @老杨 报到请写：报到 姓名 工作单位 住址，例如：报到 张三 市供电公司 3号楼2单元501
        3号楼党小组 | 刘志强 | 我来报到一下
        -> 3号楼党小组: @刘志强 刘志强您好，您已在社区的名单上，无需报到。参加活动、办理工单都会记入积分，回复“我的积分”可以查看。
        """,
    )
