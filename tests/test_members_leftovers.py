"""Members leftovers (issue #14): a claim with no ticket number (我去看看, 我来处理) claims the
group's one ticket waiting; 通报 in chat gives staff this month's bulletin; 收回 and managing an
event follow the single rules of who may act (registration.may_act_for / may_manage_members),
so an approved member is treated as a listed member of their party group. Each story uses its
own sentences."""

from __future__ import annotations

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.simulator import Simulator
from service.members.models import MemberBulletin
from tests import test_members_trial3 as trial3
from tests import test_members_trial_fixes as trial1
from tests.dialog import verify_dialog

settings = trial1.settings
sim = trial1.sim

APPROVED_MA_JUN = """
        2号楼居民群 | 马骏 | 报到 马骏 市燃气公司 2号楼3单元402
        第一网格党支部群 | 李网格长 | 批准 马骏
"""


def _after_ma_jun_approved(sim: Simulator, transcript: str) -> None:
    asyncio.run(trial3._say_all(sim, APPROVED_MA_JUN))
    verify_dialog(sim, transcript)


def test_an_approved_member_takes_back_a_ticket_their_group_transferred_a_resident_cannot(
    sim: Simulator,
) -> None:
    _after_ma_jun_approved(
        sim,
        """
        2号楼居民群 | 钱阿姨 | 2号楼3单元顶楼天花板渗水，墙皮都泡起来了
        -> 2号楼居民群: @钱阿姨 已收到您反映的问题（工单 #1：顶楼天花板渗水，2号楼3单元），已转2号楼党小组处理。
        -> 2号楼党小组: 【新工单 #1】维修维护·房屋 / 地点：2号楼3单元 / 居民原话：2号楼3单元顶楼天花板渗水，墙皮都泡起来了 / 反映人：钱阿姨（2号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        2号楼党小组 | 马骏 | #1 转 物业 顶楼防水归物业
        -> 2号楼党小组: 工单 #1 已从2号楼党小组转至物业服务中心群。
        -> 物业服务中心群: 【新工单 #1】维修维护·房屋 / 地点：2号楼3单元 / 居民原话：2号楼3单元顶楼天花板渗水，墙皮都泡起来了 / 反映人：钱阿姨（2号楼居民群） / 由2号楼党小组转来：顶楼防水归物业 / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        -> 2号楼居民群: @钱阿姨 您反映的问题（工单 #1）已转物业服务中心处理。
        2号楼居民群 | 钱阿姨 | #1 收回
        -> 2号楼居民群: @钱阿姨 工单 #1 不是从您这边转出的，无法收回。
        2号楼党小组 | 马骏 | #1 收回
        -> 物业服务中心群: 工单 #1 已由马骏收回，改由2号楼党小组处理，本群无需再跟进。
        -> 2号楼党小组: 工单 #1（顶楼天花板渗水）已由马骏收回，现由2号楼党小组处理，当前状态：待受理。接单请回复：#1 接单
        -> 2号楼居民群: @钱阿姨 您反映的问题（工单 #1）已转2号楼党小组处理。
        """,
    )


def test_an_approved_member_signs_up_for_their_groups_meeting_but_manages_it_no_more_than_a_resident(
    sim: Simulator,
) -> None:
    """Managing an event moves points (attendance, absence): the rule of 设岗 and 积分调整
    (registration.may_manage_members). Signing up is what a member does."""
    _after_ma_jun_approved(
        sim,
        """
        2号楼党小组 | 陈桂兰 | 通知 12月9日19:30 2号楼党小组学习会 地点:2号楼一层活动室 对象:2号楼党小组
        -> 2号楼党小组: @陈桂兰 已发布活动 #E5：2号楼党小组学习会 / 时间：12月9日（周三）19:30，约90分钟 / 地点：2号楼一层活动室 / 对象：2号楼党小组 / 提醒：前一天18:00、开始前1小时 / 取消请回复“取消 #E5”，改期请回复“改期 #E5 月日 时:分”。
        2号楼党小组 | 马骏 | 报名 #E5
        -> 2号楼党小组: @马骏 已为您报名：2号楼党小组学习会 #E5，12月9日（周三）19:30。
        2号楼党小组 | 马骏 | 取消 #E5
        -> 2号楼党小组: @马骏 抱歉，活动 #E5（2号楼党小组学习会）只有组织人或相关工作人员可以操作。如果编号写错了，请回复“活动”查看近期活动。
        2号楼居民群 | 钱阿姨 | 取消 #E5
        -> 2号楼居民群: @钱阿姨 抱歉，活动 #E5（2号楼党小组学习会）只有组织人或相关工作人员可以操作。如果编号写错了，请回复“活动”查看近期活动。
        @clock 2026-12-09 19:40
        -> 2号楼党小组: 【活动提醒】2号楼党小组学习会 #E5 / 时间：明天 12月9日（周三）19:30 / 地点：2号楼一层活动室 / 参加请回复“报名 #E5”，不能参加请回复“请假 #E5 原因”。
        -> dm:陈桂兰: 【报名汇总】2号楼党小组学习会 #E5，今天 12月9日（周三）19:30 / 已报名（1）：马骏 / 请假（0）：无 / 未回复（1）：陈桂兰（已提醒） / 活动结束后请回复“签到 #E5 姓名”或“签到 #E5 全部”记录出勤。
        -> 2号楼党小组: @陈桂兰 2号楼党小组学习会 #E5 将于今天 12月9日（周三）19:30开始，还没收到您的回复。参加请回复“报名 #E5”，不能参加请回复“请假 #E5 原因”。
        -> 2号楼党小组: 【活动提醒】2号楼党小组学习会 #E5 / 时间：今天 12月9日（周三）19:30 / 地点：2号楼一层活动室 / 参加请回复“报名 #E5”，不能参加请回复“请假 #E5 原因”。
        2号楼党小组 | 马骏 | 签到 #E5 马骏
        -> 2号楼党小组: @马骏 抱歉，活动 #E5（2号楼党小组学习会）只有组织人或相关工作人员可以操作。如果编号写错了，请回复“活动”查看近期活动。
        2号楼党小组 | 李网格长 | 签到 #E5 马骏
        -> 2号楼党小组: @李网格长 已记录 2号楼党小组学习会 #E5 出勤1人：马骏。
        """,
    )


def test_a_claim_with_no_number_takes_the_one_waiting_ticket_asks_among_several_says_if_none(
    sim: Simulator,
) -> None:
    """我去看看 / 我来处理 with no ticket number, from an approved member or staff in their
    group: the group's one ticket waiting to be claimed (the rule a closing with no number
    uses), else the waiting ones are listed and nothing is guessed."""
    _after_ma_jun_approved(
        sim,
        """
        2号楼党小组 | 马骏 | 我去看看
        -> 2号楼党小组: @马骏 本群目前没有等待接单的工单，谢谢您！如果说的是别的工单，请写明编号，格式：#编号 接单
        2号楼居民群 | 钱阿姨 | 2号楼3单元的楼道窗户玻璃碎了，风呼呼往里灌
        -> 2号楼居民群: @钱阿姨 已收到您反映的问题（工单 #1：楼道窗户玻璃碎了，2号楼3单元），已转2号楼党小组处理。
        -> 2号楼党小组: 【新工单 #1】维修维护·房屋 / 地点：2号楼3单元 / 居民原话：2号楼3单元的楼道窗户玻璃碎了，风呼呼往里灌 / 反映人：钱阿姨（2号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        2号楼党小组 | 马骏 | 我来处理
        -> 2号楼党小组: 工单 #1 已由马骏接单（2号楼3单元 楼道窗户玻璃碎了）。
        -> 2号楼居民群: @钱阿姨 您反映的问题（工单 #1）已有工作人员接单，马骏正在处理。
        2号楼居民群 | 孙大爷 | 2号楼1单元门口的路灯不亮了
        -> 2号楼居民群: @孙大爷 已收到您反映的问题（工单 #2：门口的路灯不亮了，2号楼1单元），已转2号楼党小组处理。
        -> 2号楼党小组: 【新工单 #2】维修维护·照明 / 地点：2号楼1单元 / 居民原话：2号楼1单元门口的路灯不亮了 / 反映人：孙大爷（2号楼居民群） / 接单请回复：#2 接单；办结后回复：#2 已处理 处理说明
        2号楼居民群 | 周阿婆 | 2号楼楼下垃圾桶满了好几天没人清
        -> 2号楼居民群: @周阿婆 已收到您反映的问题（工单 #3：楼下垃圾桶满了好几天没人清，2号楼），已转2号楼党小组处理。
        -> 2号楼党小组: 【新工单 #3】维修维护·环境卫生 / 地点：2号楼 / 居民原话：2号楼楼下垃圾桶满了好几天没人清 / 反映人：周阿婆（2号楼居民群） / 接单请回复：#3 接单；办结后回复：#3 已处理 处理说明
        2号楼党小组 | 李网格长 | 好的，我去看看吧
        -> 2号楼党小组: @李网格长 本群有2张工单等待接单：#2 2号楼1单元 门口的路灯不亮了；#3 2号楼 楼下垃圾桶满了好几天没人清。请问您接哪一张？请回复，例如：#2 接单
        # an acknowledgement alone claims nothing; a resident's going is no claim
        2号楼党小组 | 马骏 | 收到
        2号楼居民群 | 周阿婆 | 我去看看
        """,
    )


def test_staff_asking_for_the_bulletin_get_this_months_text_others_are_refused(
    sim: Simulator,
) -> None:
    """通报 (本月通报, 看看通报 …: members.bulletin in config/commands.yaml) gives staff the
    bulletin of the month so far, worded as the one sent on the first working day; an approved
    member and a resident are told politely it is for staff. A staff message that only starts
    with 通报 is an announcement, not the command."""
    _after_ma_jun_approved(
        sim,
        """
        2号楼党小组 | 李网格长 | 积分调整 马骏 +2 帮忙清理楼道杂物
        -> 2号楼党小组: @李网格长 已为马骏调整积分 +2 分（帮忙清理楼道杂物），已记入积分台账。
        -> dm:马骏: 您的积分调整 +2 分：帮忙清理楼道杂物（李网格长）。
        2号楼居民群 | 钱阿姨 | 通报
        -> 2号楼居民群: @钱阿姨 抱歉，月度工作通报只对社区工作人员开放。
        2号楼党小组 | 马骏 | 看看通报
        -> 2号楼党小组: @马骏 抱歉，月度工作通报只对社区工作人员开放。
        第一网格党支部群 | 李网格长 | 本月通报
        -> 第一网格党支部群: @李网格长 【幸福里社区2026年12月工作通报】 / （截至12月1日，本月还没结束，数字还会变化） / 一、诉求办理：受理 0 件，办结 0 件。 / 　第一网格：受理 0 件，响应率 —，解决率 —，满意率 — / 　第二网格：受理 0 件，响应率 —，解决率 —，满意率 — / 二、党员积分前1名：1. 马骏 2分。 / 三、最活跃的楼栋党小组：2号楼党小组 2分。 / 四、组织生活：本月没有记录出勤的会议。 / 感谢各位党员的辛勤付出！
        社区党委工作群 | 王书记 | 通报：明天上午9点到12点小区停水，请各楼转告居民
        """,
    )


def test_last_months_bulletin_is_given_as_it_was_sent(sim: Simulator) -> None:
    """上个月的通报: the text sent to the community group on the first working day
    (member_bulletins), not worded again from today's figures."""
    sent = "【幸福里社区2026年11月工作通报】\n一、诉求办理：受理 3 件，办结 3 件。\n感谢各位党员的辛勤付出！"
    with sim.core.factory() as session, session.begin():
        session.add(
            MemberBulletin(
                cause="bulletin:2026-11",
                text=sent,
                sent_at=datetime(2026, 12, 1, 9, tzinfo=ZoneInfo("Asia/Shanghai")),
            )
        )
    verify_dialog(
        sim,
        """
        社区党委工作群 | 王书记 | 上个月的通报
        -> 社区党委工作群: @王书记 【幸福里社区2026年11月工作通报】 / 一、诉求办理：受理 3 件，办结 3 件。 / 感谢各位党员的辛勤付出！
        """,
    )
