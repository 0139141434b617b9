"""What the third outside trial of the members slice found (trial members3, five weeks of party
members, points and the bulletin in the shell): registrations after a greeting or a change of
mind, decisions written without a space, more ways of asking for points, who is told they may
not act, posts limited to their unit, and what the bulletin counts. Each story uses its own
sentences; one check per finding replays the tester's exact line."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.shell import parse_line, run_line
from bot.simulator import Simulator
from service.members import bulletin, messages, points
from service.members.models import PointsEntry
from tests import test_members_trial2 as trial2
from tests import test_members_trial_fixes as trial1
from tests.dialog import verify_dialog

ZONE = ZoneInfo("Asia/Shanghai")
JANUARY_5 = datetime(2027, 1, 5, 10, tzinfo=ZONE)

# The same sample community as the earlier trials' tests (only the market series).
settings = trial1.settings
sim = trial1.sim


async def _say_all(sim: Simulator, script: str) -> None:
    """Say each line of `script`, not checking the answers (set-up told in other tests)."""
    for line_no, raw in enumerate(script.strip().splitlines(), start=1):
        line = parse_line(line_no, raw.strip())
        if line is not None:
            await run_line(sim, line)


def _after(sim: Simulator, setup: str, transcript: str) -> None:
    asyncio.run(_say_all(sim, setup))
    verify_dialog(sim, transcript)


def test_a_registration_after_a_greeting_or_a_change_of_mind_is_answered(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        1号楼居民群 | 周敏 | 你好！我来报到 周敏 市自来水公司 1号楼1单元102
        -> 1号楼居民群: @周敏 周敏同志，您的报到申请已收到（市自来水公司，1号楼1单元102），已转第一网格党支部群审核，审核后会告诉您。
        -> 第一网格党支部群: 【党员报到】周敏，工作单位：市自来水公司，住址：1号楼1单元102。同意请回复“批准 周敏”，不同意请回复“驳回 周敏 原因”。
        2号楼居民群 | 何军 | 大家好，报到，何军，区教育局，2号楼2单元301
        -> 2号楼居民群: @何军 何军同志，您的报到申请已收到（区教育局，2号楼2单元301），已转第一网格党支部群审核，审核后会告诉您。
        -> 第一网格党支部群: 【党员报到】何军，工作单位：区教育局，住址：2号楼2单元301。同意请回复“批准 何军”，不同意请回复“驳回 何军 原因”。
        2号楼居民群 | 何军 | 撤销报到
        -> 2号楼居民群: @何军 已撤销您的报到申请（何军，区教育局，2号楼2单元301）。需要时请重新报到：报到 姓名 工作单位 住址。
        -> 第一网格党支部群: 【党员报到】何军已撤销报到申请，无需审核。
        2号楼居民群 | 何军 | 我还是报到吧，何军，区教育局，2号楼2单元301
        -> 2号楼居民群: @何军 何军同志，您的报到申请已收到（区教育局，2号楼2单元301），已转第一网格党支部群审核，审核后会告诉您。
        -> 第一网格党支部群: 【党员报到】何军，工作单位：区教育局，住址：2号楼2单元301。同意请回复“批准 何军”，不同意请回复“驳回 何军 原因”。
        2号楼居民群 | 何军 | 我重新报到 何军 区教育局 2号楼2单元301
        -> 2号楼居民群: @何军 何军同志的报到申请（区教育局，2号楼2单元301）正在审核中，无需重复报到。如需修改，请先回复“撤销报到”，再重新报到。
        """,
    )


def test_the_testers_greeting_and_change_of_mind_registrations_are_answered(
    sim: Simulator,
) -> None:
    verify_dialog(
        sim,
        """
        幸福里业主群 | 赵强 | 您好 我来报到 赵强 区税务局 住阳光花园8号楼2单元101
        -> 幸福里业主群: @赵强 住址“阳光花园8号楼2单元101”不在幸福里社区，请写本社区的楼号，例如：3号楼2单元501。如果住在其他社区，请到居住地社区报到。
        4号楼居民群 | 丽丽🌸 | 还是报到吧：王丽，区人民医院，4号楼3单元201
        -> 4号楼居民群: @丽丽🌸 王丽同志，您的报到申请已收到（区人民医院，4号楼3单元201），已转第二网格党支部群审核，审核后会告诉您。
        -> 第二网格党支部群: 【党员报到】王丽，工作单位：区人民医院，住址：4号楼3单元201。同意请回复“批准 王丽”，不同意请回复“驳回 王丽 原因”。
        4号楼居民群 | 丽丽🌸 | 我重新报到 王丽 区人民医院 4号楼3单元201
        -> 4号楼居民群: @丽丽🌸 王丽同志的报到申请（区人民医院，4号楼3单元201）正在审核中，无需重复报到。如需修改，请先回复“撤销报到”，再重新报到。
        """,
    )


def test_staff_may_write_a_decision_post_or_adjustment_without_a_space(sim: Simulator) -> None:
    _after(
        sim,
        """
        1号楼居民群 | 周敏 | 报到 周敏 市自来水公司 1号楼1单元102
        2号楼居民群 | 何军 | 报到 何军 区教育局 2号楼2单元301
        """,
        """
        第一网格党支部群 | 李网格长 | 批准周敏
        -> 第一网格党支部群: @李网格长 已批准 周敏 报到，已告知本人。
        -> 1号楼居民群: @周敏 周敏同志，您的报到已通过，欢迎加入1号楼党小组！参加活动、办理本楼工单都会记入积分，回复“我的积分”可以查看。
        -> 1号楼党小组: 欢迎周敏同志（市自来水公司）报到，加入本党小组。
        第一网格党支部群 | 李网格长 | 驳回何军 单位请写全称
        -> 第一网格党支部群: @李网格长 已驳回 何军 的报到申请（单位请写全称），已告知本人。
        -> 2号楼居民群: @何军 何军同志，您的报到申请未通过：单位请写全称。如有疑问请联系网格工作人员，修改后可以重新报到。
        1号楼党小组 | 李网格长 | 设岗周敏 楼道长 1号楼1单元
        -> 1号楼党小组: @李网格长 已为周敏设岗：楼道长（1号楼1单元）。相关的工单通知会提醒周敏。
        -> dm:周敏: 周敏同志，社区为您设岗：楼道长（1号楼1单元），感谢您为大家服务！
        1号楼党小组 | 李网格长 | 积分调整周敏 +1 帮忙贴通知
        -> 1号楼党小组: @李网格长 已为周敏调整积分 +1 分（帮忙贴通知），已记入积分台账。
        -> dm:周敏: 您的积分调整 +1 分：帮忙贴通知（李网格长）。
        """,
    )


def test_the_testers_approval_without_a_space_is_answered(sim: Simulator) -> None:
    _after(
        sim,
        "4号楼居民群 | 丽丽🌸 | 报到 王丽 区人民医院 4号楼3单元201",
        """
        第二网格党支部群 | 赵网格长 | 批准王丽
        -> 第二网格党支部群: @赵网格长 已批准 王丽 报到，已告知本人。
        -> 4号楼居民群: @丽丽🌸 王丽同志，您的报到已通过，欢迎加入4号楼党小组！参加活动、办理本楼工单都会记入积分，回复“我的积分”可以查看。
        -> 4号楼党小组: 欢迎王丽同志（区人民医院）报到，加入本党小组。
        """,
    )


def _xu_with_points(sim: Simulator) -> None:
    """许娟 approved, with 3 points in November and 2 on 1 December; 张建国 9 in December."""
    verify_dialog(sim, trial2.APPROVED_XU)
    trial2._ledger(sim, "许娟", 3, datetime(2026, 11, 14, 10, tzinfo=ZONE), "t:nov")
    trial2._ledger(sim, "许娟", 2, datetime(2026, 12, 1, 8, tzinfo=ZONE), "t:dec")
    trial2._ledger(sim, "张建国", 9, datetime(2026, 12, 1, 8, tzinfo=ZONE), "t:zhang")


def test_points_asked_with_a_month_or_a_year_answer_for_that_period(sim: Simulator) -> None:
    _xu_with_points(sim)
    verify_dialog(
        sim,
        """
        1号楼居民群 | 许娟 | 本月积分
        -> 1号楼居民群: @许娟 许娟同志，您本月积分 2 分，今年累计 5 分。 / 最近记录： / 12月01日 参加楼道清扫 +2分 / 11月14日 参加楼道清扫 +3分
        1号楼党小组 | 许娟 | 上月的积分
        -> 1号楼党小组: @许娟 许娟同志，您上个月（11月）积分 3 分；本月积分 2 分，今年累计 5 分。 / 最近记录： / 12月01日 参加楼道清扫 +2分 / 11月14日 参加楼道清扫 +3分
        1号楼居民群 | 许娟 | 上個月積分
        -> 1号楼居民群: @许娟 许娟同志，您上个月（11月）积分 3 分；本月积分 2 分，今年累计 5 分。 / 最近记录： / 12月01日 参加楼道清扫 +2分 / 11月14日 参加楼道清扫 +3分
        """,
    )
    sim.clock.set(JANUARY_5)  # (not @clock: the month's reminders and bulletin are not told here)
    verify_dialog(
        sim,
        """
        1号楼居民群 | 许娟 | 11月我的积分是多少
        -> 1号楼居民群: @许娟 许娟同志，您2026年11月积分 3 分；本月积分 0 分，今年累计 0 分。 / 最近记录： / 2026年12月01日 参加楼道清扫 +2分 / 2026年11月14日 参加楼道清扫 +3分
        1号楼居民群 | 许娟 | 去年总共几分
        -> 1号楼居民群: @许娟 许娟同志，您去年（2026年）积分 5 分；本月积分 0 分，今年累计 0 分。 / 最近记录： / 2026年12月01日 参加楼道清扫 +2分 / 2026年11月14日 参加楼道清扫 +3分
        """,
    )


def test_a_member_asking_their_place_is_told_it_for_the_quarter(sim: Simulator) -> None:
    _xu_with_points(sim)
    verify_dialog(
        sim,
        """
        1号楼居民群 | 许娟 | 我的积分排第几
        -> 1号楼居民群: @许娟 许娟同志，本季度（10月至12月）您的积分 5 分，在社区党员中排第 2 名。
        1号楼居民群 | 赵大爷 | 积分排名第几名
        -> 1号楼居民群: @赵大爷 赵大爷您好，还没有查到您的党员报到记录。在职党员请先报到：报到 姓名 工作单位 住址。
        """,
    )
    sim.clock.set(JANUARY_5)  # (not @clock: the month's reminders and bulletin are not told here)
    verify_dialog(
        sim,
        """
        1号楼居民群 | 许娟 | 我的名次
        -> 1号楼居民群: @许娟 许娟同志，本季度（1月至3月）您还没有积分，暂未进入排名。参加活动、办理工单都会记入积分。
        """,
    )


def test_the_testers_points_questions_are_answered_for_the_period_asked(sim: Simulator) -> None:
    _xu_with_points(sim)
    verify_dialog(
        sim,
        """
        1号楼居民群 | 许娟 | 这个月积分
        -> 1号楼居民群: @许娟 许娟同志，您本月积分 2 分，今年累计 5 分。 / 最近记录： / 12月01日 参加楼道清扫 +2分 / 11月14日 参加楼道清扫 +3分
        1号楼党小组 | 许娟 | 上个月积分
        -> 1号楼党小组: @许娟 许娟同志，您上个月（11月）积分 3 分；本月积分 2 分，今年累计 5 分。 / 最近记录： / 12月01日 参加楼道清扫 +2分 / 11月14日 参加楼道清扫 +3分
        1号楼居民群 | 许娟 | 上月積分
        -> 1号楼居民群: @许娟 许娟同志，您上个月（11月）积分 3 分；本月积分 2 分，今年累计 5 分。 / 最近记录： / 12月01日 参加楼道清扫 +2分 / 11月14日 参加楼道清扫 +3分
        1号楼居民群 | 许娟 | 我排第几名
        -> 1号楼居民群: @许娟 许娟同志，本季度（10月至12月）您的积分 5 分，在社区党员中排第 2 名。
        """,
    )
    sim.clock.set(JANUARY_5)  # (not @clock: the month's reminders and bulletin are not told here)
    verify_dialog(
        sim,
        """
        1号楼党小组 | 许娟 | 12月份我积分多少
        -> 1号楼党小组: @许娟 许娟同志，您上个月（12月）积分 2 分；本月积分 0 分，今年累计 0 分。 / 最近记录： / 2026年12月01日 参加楼道清扫 +2分 / 2026年11月14日 参加楼道清扫 +3分
        1号楼居民群 | 许娟 | 去年一共多少分
        -> 1号楼居民群: @许娟 许娟同志，您去年（2026年）积分 5 分；本月积分 0 分，今年累计 0 分。 / 最近记录： / 2026年12月01日 参加楼道清扫 +2分 / 2026年11月14日 参加楼道清扫 +3分
        """,
    )


def test_a_resident_is_told_only_staff_may_give_posts_adjust_points_or_decide(
    sim: Simulator,
) -> None:
    """Non-staff are told they may not act before any name is looked up: whether someone is
    a member, or has applied, is not told to them."""
    verify_dialog(
        sim,
        """
        1号楼居民群 | 赵大爷 | 设岗 赵大爷 楼道长 1号楼1单元
        -> 1号楼居民群: @赵大爷 抱歉，只有本楼党小组、网格或社区的工作人员可以设岗。
        1号楼居民群 | 赵大爷 | 积分调整 王奶奶 +3 帮忙浇花
        -> 1号楼居民群: @赵大爷 抱歉，只有该党员所在党小组及上级的工作人员可以调整积分。
        1号楼居民群 | 赵大爷 | 批准 钱多多
        -> 1号楼居民群: @赵大爷 抱歉，只有网格和社区的工作人员可以审核报到申请。
        # staff are still told the name is not found
        1号楼党小组 | 李网格长 | 积分调整 王奶奶 +3 帮忙浇花
        -> 1号楼党小组: @李网格长 没有找到党员“王奶奶”，请核对姓名（报到通过或在名单上的党员才有积分）。
        """,
    )


def test_the_testers_resident_post_and_adjustment_are_refused_as_not_staff(
    sim: Simulator,
) -> None:
    verify_dialog(
        sim,
        """
        3号楼居民群 | 张阿姨 | 设岗 张阿姨 楼道长 3号楼2单元
        -> 3号楼居民群: @张阿姨 抱歉，只有本楼党小组、网格或社区的工作人员可以设岗。
        3号楼居民群 | 李大爷 | 积分调整 李大爷 +5 帮忙扫雪
        -> 3号楼居民群: @李大爷 抱歉，只有该党员所在党小组及上级的工作人员可以调整积分。
        """,
    )


POSTED_ZHOU = """
        1号楼居民群 | 周敏 | 报到 周敏 市自来水公司 1号楼1单元102
        第一网格党支部群 | 李网格长 | 批准 周敏
        1号楼党小组 | 李网格长 | 设岗 周敏 楼道长 1号楼1单元
"""


def test_a_post_for_one_unit_is_mentioned_for_that_units_tickets_only(sim: Simulator) -> None:
    _after(
        sim,
        POSTED_ZHOU,
        """
        1号楼居民群 | 王奶奶 | 1号楼2单元的楼道灯不亮了
        -> 1号楼居民群: @王奶奶 已收到您反映的问题（工单 #1：楼道灯不亮了，1号楼2单元），已转1号楼党小组处理。
        -> 1号楼党小组: 【新工单 #1】维修维护·照明 / 地点：1号楼2单元 / 居民原话：1号楼2单元的楼道灯不亮了 / 反映人：王奶奶（1号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        1号楼居民群 | 王奶奶 | 1号楼1单元的楼道灯也不亮了
        -> 1号楼居民群: @王奶奶 已收到您反映的问题（工单 #2：楼道灯也不亮了，1号楼1单元），已转1号楼党小组处理。
        -> 1号楼党小组: 【新工单 #2】维修维护·照明 / 地点：1号楼1单元 / 居民原话：1号楼1单元的楼道灯也不亮了 / 反映人：王奶奶（1号楼居民群） / 接单请回复：#2 接单；办结后回复：#2 已处理 处理说明
        -> 1号楼党小组: @周敏 工单 #2 在您的责任岗位范围内，请楼道长周敏协助关注。
        """,
    )


def test_the_testers_third_unit_door_is_not_put_to_the_second_units_head(sim: Simulator) -> None:
    _after(
        sim,
        """
        3号楼居民群 | 林芳 | 我来报到，林芳，市第一中学，住3栋2单元601
        第一网格党支部群 | 李网格长 | 批准 林芳
        3号楼党小组 | 刘志强 | 设岗 林芳 楼道长 3号楼2单元
        """,
        """
        3号楼居民群 | 李大爷 | 3单元门禁坏了，刷卡没反应
        -> 3号楼居民群: @李大爷 已收到您反映的问题（工单 #1：门禁坏了 刷卡没反应，3号楼3单元），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #1】维修维护·门禁 / 地点：3号楼3单元 / 居民原话：3单元门禁坏了，刷卡没反应 / 反映人：李大爷（3号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        """,
    )


def _december_bulletin(sim: Simulator) -> list[str]:
    with sim.core.factory() as session:
        monthly = bulletin.monthly(
            session, sim.core.community, date(2026, 12, 1), datetime(2026, 12, 20, tzinfo=ZONE)
        )
    return messages.bulletin_text(monthly).splitlines()


def test_the_bulletin_counts_neither_a_ticket_closed_as_not_a_request_nor_residents_as_members(
    sim: Simulator,
) -> None:
    """受理 counts the tickets the figures count (service/tickets/stats.py: a ticket closed as
    非诉求 is none of the community's requests); 志愿服务 counts members, as the rest of the
    bulletin does."""
    verify_dialog(sim, trial2.APPROVED_XU)
    asyncio.run(
        _say_all(
            sim,
            """
            1号楼居民群 | 王奶奶 | 1号楼2单元楼道灯不亮了
            1号楼党小组 | 李网格长 | #1 已处理 换了灯泡
            1号楼居民群 | 孙大妈 | 1号楼门口那个快递柜谁家的
            1号楼党小组 | 李网格长 | #2 非诉求
            幸福里业主群 | 许娟 | 报名 #E1
            幸福里业主群 | 赵大爷 | 报名 #E1
            """,
        )
    )
    sim.clock.set(datetime(2026, 12, 14, 12, tzinfo=ZONE))
    asyncio.run(_say_all(sim, "社区党委工作群 | 王书记 | 签到 #E1 许娟 赵大爷"))
    text = _december_bulletin(sim)
    assert text[1] == "一、诉求办理：受理 1 件，办结 1 件。"
    assert text[2].startswith("　第一网格：受理 1 件，")
    assert text[-2] == "五、志愿服务：1 场，党员参加 1 人次。"


def test_staff_listed_in_several_groups_are_not_chased_counted_or_docked_at_a_party_meeting(
    sim: Simulator,
) -> None:
    """One rule for a meeting (points.expected_at): a party group's meeting expects the members
    whose own group it is. 李网格长 and 王书记, listed in every party group of their grid, are
    neither nudged as 未回复, nor in 应到, nor docked for absence."""
    verify_dialog(sim, trial2.APPROVED_XU)
    asyncio.run(
        _say_all(
            sim,
            "1号楼党小组 | 张建国 | 通知 12月2日19:30 党小组会 地点:1号楼活动室 对象:1号楼党小组",
        )
    )
    verify_dialog(
        sim,
        """
        @clock 2026-12-02 19:00
        -> 1号楼党小组: 【活动提醒】党小组会 #E5 / 时间：明天 12月2日（周三）19:30 / 地点：1号楼活动室 / 参加请回复“报名 #E5”，不能参加请回复“请假 #E5 原因”。
        -> dm:张建国: 【报名汇总】党小组会 #E5，今天 12月2日（周三）19:30 / 已报名（0）：无 / 请假（0）：无 / 未回复（2）：张建国、许娟（已提醒） / 活动结束后请回复“签到 #E5 姓名”或“签到 #E5 全部”记录出勤。
        -> 1号楼党小组: @张建国 @许娟 党小组会 #E5 将于今天 12月2日（周三）19:30开始，还没收到您的回复。参加请回复“报名 #E5”，不能参加请回复“请假 #E5 原因”。
        -> 1号楼党小组: 【活动提醒】党小组会 #E5 / 时间：今天 12月2日（周三）19:30 / 地点：1号楼活动室 / 参加请回复“报名 #E5”，不能参加请回复“请假 #E5 原因”。
        """,
    )
    sim.clock.set(datetime(2026, 12, 2, 21, 30, tzinfo=ZONE))
    asyncio.run(_say_all(sim, "1号楼党小组 | 张建国 | 签到 #E5 张建国"))
    assert "四、组织生活：召开会议并记录出勤 1 次，应到 2 人次，实到 1 人次，出勤率 50%。" in (
        _december_bulletin(sim)
    )
    with sim.core.factory() as session:
        points.settle_events(session, sim.core.community, datetime(2026, 12, 20, tzinfo=ZONE))
        docked = {e.member_name for e in session.scalars(select(PointsEntry)) if e.points < 0}
    assert docked == {"许娟"}
