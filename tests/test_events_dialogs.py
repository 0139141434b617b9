"""Meetings and volunteer activities end to end in the simulator: config presets and chat
commands, reminders run by `@clock` through the real (APScheduler) job store and the outbox."""

from __future__ import annotations

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from bot.simulator import Simulator
from service.events.models import Event, EventAttendance, EventResponse
from tests.dialog import verify_dialog

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_monthly_party_group_meeting_from_config(sim: Simulator) -> None:
    # The simulator starts on Tue 2026-12-01 09:00; 3号楼党小组会 is on the 3rd at 19:30 (#E1).
    verify_dialog(
        sim,
        """
        3号楼党小组 | 刘志强 | 活动
        -> 3号楼党小组: @刘志强 近期活动： / #E1 12月3日（周四）19:30 3号楼党小组会（未回复） / 回复活动编号（如“#E1”）查看详情。
        # the day before at 18:00
        @clock 2026-12-02 18:00
        -> 3号楼党小组: 【活动提醒】3号楼党小组会 #E1 / 时间：明天 12月3日（周四）19:30 / 地点：3号楼一层党员活动室 / 参加请回复“报名 #E1”，不能参加请回复“请假 #E1 原因”。
        3号楼党小组 | 刘志强 | 报名 #E1
        -> 3号楼党小组: @刘志强 已为您报名：3号楼党小组会 #E1，12月3日（周四）19:30。
        3号楼党小组 | 李网格长 | 請假 #E1 去区里开会
        -> 3号楼党小组: @李网格长 已为您请假：3号楼党小组会 #E1（去区里开会）。
        # refusals: double answers, unknown numbers, someone outside the audience
        3号楼党小组 | 李网格长 | 请假 #E1 还是去开会
        -> 3号楼党小组: @李网格长 您已为 #E1 请过假了。
        3号楼党小组 | 刘志强 | 报名 #E1
        -> 3号楼党小组: @刘志强 您已报名 3号楼党小组会 #E1，无需重复报名。
        3号楼党小组 | 刘志强 | 报名 #E999
        -> 3号楼党小组: @刘志强 未找到活动 #E999，请核对编号。
        4号楼党小组 | 孙丽 | 报名 #E1
        -> 4号楼党小组: @孙丽 抱歉，3号楼党小组会 #E1 面向3号楼党小组，您不在通知范围内。
        3号楼居民群 | 张阿姨 | 报名 #E1
        -> 3号楼居民群: @张阿姨 抱歉，3号楼党小组会 #E1 面向3号楼党小组，您不在通知范围内。
        # the organiser's summary (2 hours before), one nudge, then the reminder an hour before
        @clock 2026-12-03 19:00
        -> dm:刘志强: 【报名汇总】3号楼党小组会 #E1，今天 12月3日（周四）19:30 / 已报名（1）：刘志强 / 请假（1）：李网格长（去区里开会） / 未回复：无 / 活动结束后请回复“签到 #E1 姓名”或“签到 #E1 全部”记录出勤。
        -> 3号楼党小组: 【活动提醒】3号楼党小组会 #E1 / 时间：今天 12月3日（周四）19:30 / 地点：3号楼一层党员活动室 / 参加请回复“报名 #E1”，不能参加请回复“请假 #E1 原因”。
        3号楼党小组 | 王书记 | 报名 #E1
        -> 3号楼党小组: @王书记 已为您报名：3号楼党小组会 #E1，12月3日（周四）19:30。
        3号楼党小组 | 刘志强 | 签到 #E1 全部
        -> 3号楼党小组: @刘志强 已记录 3号楼党小组会 #E1 出勤2人：刘志强、王书记。
        # after the start: no more sign-ups; attendance by name; no second nudge
        @clock +1h
        3号楼党小组 | 李网格长 | 报名 #E1
        -> 3号楼党小组: @李网格长 活动 #E1 已经开始，不能再报名了。
        3号楼党小组 | 刘志强 | 签到 #E1 李网格长 张三
        -> 3号楼党小组: @刘志强 已记录 3号楼党小组会 #E1 出勤3人：刘志强、王书记、李网格长。没有找到：张三，未记录。请核对姓名（报名或通知名单上的姓名）后再回复“签到 #E1 姓名”。
        3号楼党小组 | 刘志强 | 签到 #E1 张三
        -> 3号楼党小组: @刘志强 没有找到：张三。请写报名或通知名单上的姓名，或“签到 #E1 全部”。
        3号楼党小组 | 张阿姨 | 签到 #E1 全部
        -> 3号楼党小组: @张阿姨 抱歉，活动 #E1（3号楼党小组会）只有组织人或相关工作人员可以操作。如果编号写错了，请回复“活动”查看近期活动。
        3号楼党小组 | 刘志强 | 签到 #E1 李网格长
        -> 3号楼党小组: @刘志强 已记录 3号楼党小组会 #E1 出勤3人：刘志强、王书记、李网格长。
        3号楼党小组 | 刘志强 | ＃Ｅ１
        -> 3号楼党小组: @刘志强 3号楼党小组会 #E1 / 时间：12月3日（周四）19:30，约90分钟 / 地点：3号楼一层党员活动室 / 对象：3号楼党小组 / 组织人：刘志强 / 已报名（2）：刘志强、王书记 / 请假（1）：李网格长 / 出勤（3）：刘志强、王书记、李网格长
        """,
    )
    with sim.core.factory() as session:
        attendance = session.scalars(
            select(EventAttendance.member_name).order_by(EventAttendance.id)
        )
        assert list(attendance) == ["刘志强", "王书记", "李网格长"]
        rows = session.execute(select(EventResponse.member_name, EventResponse.status)).all()
        statuses = {name: status for name, status in rows}
        assert statuses == {"刘志强": "signed_up", "李网格长": "leave", "王书记": "signed_up"}


def test_one_off_event_from_chat_created_changed_and_cancelled(sim: Simulator) -> None:
    with sim.core.factory() as session:
        next_id = (session.scalar(select(func.max(Event.id))) or 0) + 1
    e = f"#E{next_id}"
    verify_dialog(
        sim,
        f"""
        社区党委工作群 | 王书记 | 通知 12月5日19:30 党小组会 地点:社区活动室 对象:3号楼党小组
        -> 社区党委工作群: @王书记 已发布活动 {e}：党小组会 / 时间：12月5日（周六）19:30，约90分钟 / 地点：社区活动室 / 对象：3号楼党小组 / 提醒：前一天18:00、开始前1小时 / 取消请回复“取消 {e}”，改期请回复“改期 {e} 月日 时:分”。
        -> 3号楼党小组: 【活动通知】党小组会 {e} / 时间：12月5日（周六）19:30 / 地点：社区活动室 / 参加请回复“报名 {e}”，不能参加请回复“请假 {e} 原因”。
        # residents may not create, change or cancel; "通知" without a date is ordinary talk
        3号楼居民群 | 张阿姨 | 通知 12月5日19:30 跳广场舞 对象:3号楼居民群
        -> 3号楼居民群: @张阿姨 抱歉，只有社区工作人员可以发布活动通知。
        3号楼居民群 | 张阿姨 | 取消 {e}
        -> 3号楼居民群: @张阿姨 抱歉，活动 {e}（党小组会）只有组织人或相关工作人员可以操作。如果编号写错了，请回复“活动”查看近期活动。
        3号楼居民群 | 张阿姨 | 通知一下大家，今天天气真好
        # bad input from staff
        社区党委工作群 | 王书记 | 通知 12月5日19:30 党小组会 对象:火星群
        -> 社区党委工作群: @王书记 不认识对象“火星群”，请写群名（如3号楼党小组）或工作人员姓名。
        社区党委工作群 | 王书记 | 通知 11月5日19:30 党小组会 对象:3号楼党小组
        -> 社区党委工作群: @王书记 活动时间已经过去了，请检查日期和时间。
        社区党委工作群 | 王书记 | 通知 2月30日19:30 党小组会
        -> 社区党委工作群: @王书记 没看懂时间，请写成“12月5日19:30”这样的格式。
        社区党委工作群 | 王书记 | 改期 {e} 明天晚上
        -> 社区党委工作群: @王书记 没看懂新的时间，请写成：改期 {e} 12月6日19:30
        3号楼党小组 | 刘志强 | 报名 {e}
        -> 3号楼党小组: @刘志强 已为您报名：党小组会 {e}，12月5日（周六）19:30。
        # a change tells everyone told before; sign-ups stay
        社区党委工作群 | 王书记 | 改期 {e} 12月6日19:30
        -> 社区党委工作群: @王书记 已将 {e}（党小组会）改到12月6日（周日）19:30，已通知社区党委工作群、3号楼党小组。
        -> 社区党委工作群: 【活动改期】党小组会 {e} 改到12月6日（周日）19:30（原定12月5日（周六）19:30） / 地点：社区活动室 / 已报名的无需重新报名。参加请回复“报名 {e}”，不能参加请回复“请假 {e} 原因”。
        -> 3号楼党小组: 【活动改期】党小组会 {e} 改到12月6日（周日）19:30（原定12月5日（周六）19:30） / 地点：社区活动室 / 已报名的无需重新报名。参加请回复“报名 {e}”，不能参加请回复“请假 {e} 原因”。
        3号楼党小组 | 刘志强 | 报名 {e}
        -> 3号楼党小组: @刘志强 您已报名 党小组会 {e}，无需重复报名。
        社区党委工作群 | 王书记 | 取消 {e} 临时有事
        -> 社区党委工作群: @王书记 已取消活动 {e}（党小组会），已通知社区党委工作群、3号楼党小组。
        -> 社区党委工作群: 【活动取消】党小组会 {e}（12月6日（周日）19:30）已取消。 / 原因：临时有事
        -> 3号楼党小组: 【活动取消】党小组会 {e}（12月6日（周日）19:30）已取消。 / 原因：临时有事
        社区党委工作群 | 王书记 | 取消 {e}
        -> 社区党委工作群: @王书记 活动 {e} 已经取消过了。
        3号楼党小组 | 刘志强 | 请假 {e} 有事
        -> 3号楼党小组: @刘志强 活动 {e} 已取消。
        """,
    )
    # A cancelled event sends no reminders: nothing for it on the days it would have had them.
    said = asyncio.run(sim.advance_to(datetime(2026, 12, 6, 20, 0, tzinfo=SHANGHAI)))
    assert said and not [m for m in said if e in m.text]


def test_volunteer_shift_with_a_waiting_list(sim: Simulator) -> None:
    # 第二网格平安巡逻 (#E2): Saturday 2026-12-05 19:00, two places, for 4/5/6号楼党小组.
    verify_dialog(
        sim,
        """
        4号楼党小组 | 孙丽 | 报名 #E2
        -> 4号楼党小组: @孙丽 已为您报名：第二网格平安巡逻 #E2，12月5日（周六）19:00。共2人，还剩1个。
        5号楼党小组 | 周海 | 报名#E2
        -> 5号楼党小组: @周海 已为您报名：第二网格平安巡逻 #E2，12月5日（周六）19:00。您报上了最后一个名额（共2人）。
        6号楼党小组 | 吴敏 | 报名 #E2
        -> 6号楼党小组: @吴敏 #E2 名额已满，已为您登记候补（第1位），有人取消时会通知您。
        4号楼党小组 | 赵网格长 | #E2 报名
        -> 4号楼党小组: @赵网格长 #E2 名额已满，已为您登记候补（第2位），有人取消时会通知您。
        6号楼党小组 | 吴敏 | 报名 #E2
        -> 6号楼党小组: @吴敏 您已在 #E2 的候补名单中（第1位），有名额时会通知您。
        6号楼党小组 | 周海 | 取消报名 #E9999
        -> 6号楼党小组: @周海 未找到活动 #E9999，请核对编号。
        # a place frees up: the first on the waiting list moves up and is told where they asked
        4号楼党小组 | 孙丽 | 取消报名 #E2
        -> 4号楼党小组: @孙丽 已取消您的报名：第二网格平安巡逻 #E2。
        -> 6号楼党小组: @吴敏 有人取消了报名，您已从候补转为正式报名：第二网格平安巡逻 #E2，12月5日（周六）19:00，4号楼门口集合。
        4号楼党小组 | 孙丽 | 取消报名 #E2
        -> 4号楼党小组: @孙丽 您没有报名 #E2，无需取消。
        4号楼党小组 | 孙丽 | #E2
        -> 4号楼党小组: @孙丽 第二网格平安巡逻 #E2 / 时间：12月5日（周六）19:00，约120分钟 / 地点：4号楼门口集合 / 对象：4号楼党小组、5号楼党小组、6号楼党小组 / 组织人：赵网格长 / 名额：共2人，已满，可报名候补 / 已报名（2）：周海、吴敏 / 候补（1）：赵网格长
        """,
    )
    said = asyncio.run(sim.advance_to(datetime(2026, 12, 4, 18, 0, tzinfo=SHANGHAI)))
    patrol = [m for m in said if "#E2" in m.text]
    assert [m.room_id for m in patrol] == ["4号楼党小组", "5号楼党小组", "6号楼党小组"]
    assert "名额：共2人，已满，可报名候补" in patrol[0].text
    assert "时间：明天 12月5日（周六）19:00" in patrol[0].text


def test_ticket_commands_leave_event_numbers_alone(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        3号楼党小组 | 刘志强 | #E1 已处理
        -> 3号楼党小组: @刘志强 活动指令：报名 #E编号；请假 #E编号 原因；取消报名 #E编号；#E编号 查看详情；活动 查看近期活动。工作人员：通知 12月5日19:30 活动名称 地点:… 对象:群名或姓名；取消 #E编号；改期 #E编号 12月6日19:30；签到 #E编号 姓名 或 签到 #E编号 全部。
        3号楼党小组 | 刘志强 | #abc 已处理
        -> 3号楼党小组: @刘志强 工单编号应为数字，例如：#12 已处理 换了灯泡
        3号楼党小组 | 刘志强 | 报名
        -> 3号楼党小组: @刘志强 活动指令：报名 #E编号；请假 #E编号 原因；取消报名 #E编号；#E编号 查看详情；活动 查看近期活动。工作人员：通知 12月5日19:30 活动名称 地点:… 对象:群名或姓名；取消 #E编号；改期 #E编号 12月6日19:30；签到 #E编号 姓名 或 签到 #E编号 全部。
        3号楼党小组 | 刘志强 | 报名 #E99999999999999999
        -> 3号楼党小组: @刘志强 未找到活动 #E99999999999999999，请核对编号。
        """,
    )
