"""Conversation leftovers of issue #11 (docs/conversations.md, day 7 "Left"), each as a
transcript of new sentences: staff closings told as the state things are in now, a resident's
new question after an answered one, a neighbour's room kept on the ticket, and a 不满意 about a
ticket still in hand that waits for the morning at night."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from bot import commands
from bot.simulator import Simulator
from service.actors import Actor
from service.models import Ticket
from service.tickets import flows
from service.understanding import Classifier
from tests.dialog import verify_dialog
from tests.test_conversations_trial7 import _states
from tests.test_ticket_integrity import race, staff
from tests.test_ticket_time_limits import say

# -- 1. closings told as the resulting state ----------------------------------------------


def test_staff_closings_told_as_the_state_things_are_in_now_close_the_ticket(
    sim: Simulator,
) -> None:
    """ "#1 管子通开了", "#2 片子摸着热乎了", "3号 纸箱全搬出去了", and with no number
    "卫生间顶上已经不漏了" / "楼梯口那盏灯亮了" (the one ticket in hand sharing its words)."""
    verify_dialog(
        sim,
        """
        4号楼居民群 | 牛大姐 | 4号楼2单元厨房水池堵死了 一滴都下不去
        -> 4号楼居民群: @牛大姐 已收到您反映的问题（工单 #1：厨房水池堵死了，4号楼2单元），已转4号楼党小组处理。
        -> 4号楼党小组: 【新工单 #1】维修维护·给排水 / 地点：4号楼2单元 / 居民原话：4号楼2单元厨房水池堵死了 一滴都下不去 / 反映人：牛大姐（4号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        4号楼居民群 | 葛老师 | 4号楼1单元暖气片冰凉冰凉的
        -> 4号楼居民群: @葛老师 已收到您反映的问题（工单 #2：暖气片冰凉冰凉，4号楼1单元），已转4号楼党小组处理。
        -> 4号楼党小组: 【新工单 #2】维修维护·供暖 / 地点：4号楼1单元 / 居民原话：4号楼1单元暖气片冰凉冰凉的 / 反映人：葛老师（4号楼居民群） / 接单请回复：#2 接单；办结后回复：#2 已处理 处理说明
        4号楼居民群 | 庞师傅 | 4号楼楼道里谁堆了一堆纸箱子 人都过不去
        -> 4号楼居民群: @庞师傅 已收到您反映的问题（工单 #3：楼道里谁堆了一堆纸箱子，4号楼），已转4号楼党小组处理。
        -> 4号楼党小组: 【新工单 #3】矛盾调处·占道堆物 / 地点：4号楼 / 居民原话：4号楼楼道里谁堆了一堆纸箱子 人都过不去 / 反映人：庞师傅（4号楼居民群） / 接单请回复：#3 接单；办结后回复：#3 已处理 处理说明
        4号楼居民群 | 司阿姨 | 4号楼3单元卫生间顶上往下渗水
        -> 4号楼居民群: @司阿姨 已收到您反映的问题（工单 #4：卫生间顶上往下渗水，4号楼3单元），已转4号楼党小组处理。
        -> 4号楼党小组: 【新工单 #4】维修维护·给排水 / 地点：4号楼3单元 / 居民原话：4号楼3单元卫生间顶上往下渗水 / 反映人：司阿姨（4号楼居民群） / 接单请回复：#4 接单；办结后回复：#4 已处理 处理说明
        4号楼居民群 | 晏大爷 | 4号楼3单元楼梯口的灯坏了
        -> 4号楼居民群: @晏大爷 已收到您反映的问题（工单 #5：楼梯口的灯坏了，4号楼3单元），已转4号楼党小组处理。
        -> 4号楼党小组: 【新工单 #5】维修维护·照明 / 地点：4号楼3单元 / 居民原话：4号楼3单元楼梯口的灯坏了 / 反映人：晏大爷（4号楼居民群） / 接单请回复：#5 接单；办结后回复：#5 已处理 处理说明
        4号楼党小组 | 孙丽 | #1 管子通开了 水哗哗往下走
        -> 4号楼党小组: 工单 #1 已办结（孙丽）：管子通开了 水哗哗往下走
        -> 4号楼居民群: @牛大姐 您反映的问题（工单 #1：厨房水池堵死了）已处理：管子通开了 水哗哗往下走。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        4号楼党小组 | 孙丽 | #2 片子摸着热乎了
        -> 4号楼党小组: 工单 #2 已办结（孙丽）：片子摸着热乎了
        -> 4号楼居民群: @葛老师 您反映的问题（工单 #2：暖气片冰凉冰凉）已处理：片子摸着热乎了。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        4号楼党小组 | 孙丽 | 3号 纸箱全搬出去了
        -> 4号楼党小组: 工单 #3 已办结（孙丽）：纸箱全搬出去了
        -> 4号楼居民群: @庞师傅 您反映的问题（工单 #3：楼道里谁堆了一堆纸箱子）已处理：纸箱全搬出去了。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        4号楼党小组 | 孙丽 | 卫生间顶上已经不漏了
        -> 4号楼党小组: 工单 #4 已办结（孙丽）：卫生间顶上已经不漏了
        -> 4号楼居民群: @司阿姨 您反映的问题（工单 #4：卫生间顶上往下渗水）已处理：卫生间顶上已经不漏了。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        4号楼党小组 | 孙丽 | 楼梯口那盏灯亮了
        -> 4号楼党小组: 工单 #5 已办结（孙丽）：楼梯口那盏灯亮了
        -> 4号楼居民群: @晏大爷 您反映的问题（工单 #5：楼梯口的灯坏了）已处理：楼梯口那盏灯亮了。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        """,
    )
    assert _states(sim) == ["resolved"] * 5


def test_words_of_a_state_not_reached_or_asked_about_close_nothing(sim: Simulator) -> None:
    """ "还没通", "又不热了", "通了吗", "修好了没", "又坏了" after #N are kept as notes;
    with no number they are chatter."""
    verify_dialog(
        sim,
        """
        6号楼居民群 | 冉大哥 | 6号楼2单元卫生间地漏堵了 水漫出来
        -> 6号楼居民群: @冉大哥 已收到您反映的问题（工单 #1：卫生间地漏堵了，6号楼2单元），已转6号楼党小组处理。
        -> 6号楼党小组: 【新工单 #1】维修维护·给排水 / 地点：6号楼2单元 / 居民原话：6号楼2单元卫生间地漏堵了 水漫出来 / 反映人：冉大哥（6号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        6号楼党小组 | 吴敏 | #1 还没通 师傅说要换管子
        -> 6号楼党小组: @吴敏 已记下，但工单 #1 仍未办结，居民未收到通知。办结请回复：#1 已处理 处理说明
        6号楼党小组 | 吴敏 | #1 下水通了吗？
        -> 6号楼党小组: @吴敏 已记下，但工单 #1 仍未办结，居民未收到通知。办结请回复：#1 已处理 处理说明
        6号楼党小组 | 吴敏 | #1 地漏修好了没
        -> 6号楼党小组: @吴敏 已记下，但工单 #1 仍未办结，居民未收到通知。办结请回复：#1 已处理 处理说明
        6号楼党小组 | 吴敏 | #1 又堵死了 刚通完又不行了
        -> 6号楼党小组: @吴敏 已记下，但工单 #1 仍未办结，居民未收到通知。办结请回复：#1 已处理 处理说明
        6号楼党小组 | 吴敏 | 地漏还没通
        6号楼党小组 | 吴敏 | 暖气又不热了
        """,
    )
    assert _states(sim) == ["open"]


NOT_CLOSINGS = [
    "还没通",
    "不热了",
    "又坏了",
    "通了吗？",
    "通了没",
    "修好了没",
    "马上就通了",
    "下午就通了",
    "明天能通开",
]
CLOSINGS = [
    "通开了",
    "热乎了",
    "清出去了",
    "下水道通了",
    "灯亮了",
    "已经不漏了",
    "搞定啦",
    "吵架的两口子劝开了",
    "车挪开了",
    "门禁好使了",
]


@pytest.mark.parametrize(
    ("said", "closes"), [(s, False) for s in NOT_CLOSINGS] + [(s, True) for s in CLOSINGS]
)
def test_a_state_reached_closes_and_one_not_reached_or_asked_does_not(
    said: str, closes: bool
) -> None:
    command = commands.parse(f"#5 {said}")
    resolves = isinstance(command, commands.TicketCommand) and command.verb == "resolve"
    assert resolves == closes, said


# -- 2. a new question after an answered one ----------------------------------------------


def test_a_new_question_after_an_answer_gets_its_own_ticket_and_only_still_broken_reopens(
    sim: Simulator,
) -> None:
    """ "那开证明要交钱吗" right after the answer about the 居住证明 is a new question: its own
    ticket, the answered one still waits for its rating. "水管子还是往外冒水 跟没修一样" right
    after a repair is 不满意 and reopens it."""
    verify_dialog(
        sim,
        """
        5号楼居民群 | 甄阿姨 | 请问5号楼开居住证明要带户口本吗
        -> 5号楼居民群: @甄阿姨 已收到您反映的问题（工单 #1：开居住证明要带户口本吗，5号楼），已转5号楼党小组处理。
        -> 5号楼党小组: 【新工单 #1】信息咨询·证明办理 / 地点：5号楼 / 居民原话：请问5号楼开居住证明要带户口本吗 / 反映人：甄阿姨（5号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        5号楼党小组 | 周海 | #1 要带户口本和身份证 到社区服务站一楼开
        -> 5号楼党小组: 工单 #1 已办结（周海）：要带户口本和身份证 到社区服务站一楼开
        -> 5号楼居民群: @甄阿姨 您咨询的问题（工单 #1：开居住证明要带户口本吗）答复如下：要带户口本和身份证 到社区服务站一楼开。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        5号楼居民群 | 甄阿姨 | 那开证明要交钱吗
        -> 5号楼居民群: @甄阿姨 已收到您反映的问题（工单 #2：那开证明要交钱吗，5号楼），已转5号楼党小组处理。
        -> 5号楼党小组: 【新工单 #2】信息咨询·证明办理 / 地点：5号楼 / 居民原话：那开证明要交钱吗 / 反映人：甄阿姨（5号楼居民群） / 接单请回复：#2 接单；办结后回复：#2 已处理 处理说明
        5号楼居民群 | 柏大爷 | 5号楼1单元门口的水管子漏水 地上全湿了
        -> 5号楼居民群: @柏大爷 已收到您反映的问题（工单 #3：门口的水管子漏水，5号楼1单元），已转5号楼党小组处理。
        -> 5号楼党小组: 【新工单 #3】维修维护·给排水 / 地点：5号楼1单元 / 居民原话：5号楼1单元门口的水管子漏水 地上全湿了 / 反映人：柏大爷（5号楼居民群） / 接单请回复：#3 接单；办结后回复：#3 已处理 处理说明
        5号楼党小组 | 周海 | #3 换了个新接头 已处理
        -> 5号楼党小组: 工单 #3 已办结（周海）：换了个新接头
        -> 5号楼居民群: @柏大爷 您反映的问题（工单 #3：门口的水管子漏水）已处理：换了个新接头。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        5号楼居民群 | 柏大爷 | 水管子还是往外冒水 跟没修一样
        -> 5号楼居民群: @柏大爷 抱歉没能让您满意，工单 #3 已重新交给5号楼党小组处理。
        -> 5号楼党小组: 【工单 #3 重新处理】居民不满意：水管子还是往外冒水 跟没修一样 / 地点：5号楼1单元，原处理说明：换了个新接头 / 处理后请回复：#3 已处理 处理说明
        """,
    )
    assert _states(sim) == ["resolved", "open", "reopened"]


def test_a_question_after_a_closed_ticket_is_answered_on_its_own(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        1号楼居民群 | 岑大哥 | 1号楼门口的快递柜坏了 取不出件
        -> 1号楼居民群: @岑大哥 已收到您反映的问题（工单 #1：门口的快递柜坏了，1号楼），已转1号楼党小组处理。
        -> 1号楼党小组: 【新工单 #1】维修维护·公共设施 / 地点：1号楼 / 居民原话：1号楼门口的快递柜坏了 取不出件 / 反映人：岑大哥（1号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        1号楼党小组 | 张建国 | #1 快递柜重启了 能取件了 已处理
        -> 1号楼党小组: 工单 #1 已办结（张建国）：快递柜重启了 能取件了
        -> 1号楼居民群: @岑大哥 您反映的问题（工单 #1：门口的快递柜坏了）已处理：快递柜重启了 能取件了。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        1号楼居民群 | 岑大哥 | 满意
        -> 1号楼居民群: @岑大哥 感谢您的评价！工单 #1 已完结。
        -> 1号楼党小组: 工单 #1 居民评价：满意，已完结。
        1号楼居民群 | 岑大哥 | 快递柜晚上几点关门啊
        -> 1号楼居民群: @岑大哥 已收到您反映的问题（工单 #2：快递柜晚上几点关门啊，1号楼），已转1号楼党小组处理。
        -> 1号楼党小组: 【新工单 #2】信息咨询·办事指南 / 地点：1号楼 / 居民原话：快递柜晚上几点关门啊 / 反映人：岑大哥（1号楼居民群） / 接单请回复：#2 接单；办结后回复：#2 已处理 处理说明
        """,
    )
    assert _states(sim) == ["closed", "open"]


# -- 3. a neighbour's room ----------------------------------------------------------------


def _rooms(sim: Simulator) -> list[tuple[str | None, str | None]]:
    with sim.core.factory() as session:
        return [(t.building, t.room) for t in session.query(Ticket).order_by(Ticket.id)]


def test_the_room_of_the_neighbour_complained_of_stays_on_the_ticket(sim: Simulator) -> None:
    """ "楼上602老往我家渗水", "楼下的101天天在楼道里烧纸", "隔壁 605 把电动车推进楼道充电":
    the other party's room, in the writer's building, is the ticket's room."""
    verify_dialog(
        sim,
        """
        6号楼居民群 | 阮阿姨 | 楼上602老往我家渗水 墙皮都泡起来了
        -> 6号楼居民群: @阮阿姨 已收到您反映的问题（工单 #1：老往我家渗水，6号楼602室），已转6号楼党小组处理。
        -> 6号楼党小组: 【新工单 #1】矛盾调处·邻里漏水 / 地点：6号楼602室 / 居民原话：楼上602老往我家渗水 墙皮都泡起来了 / 反映人：阮阿姨（6号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        6号楼居民群 | 符大爷 | 楼下的101天天在楼道里烧纸 呛得受不了
        -> 6号楼居民群: @符大爷 已收到您反映的问题（工单 #2：天天在楼道里烧纸，6号楼101室），已转6号楼党小组处理。
        -> 6号楼党小组: 【新工单 #2】矛盾调处·占道堆物 / 地点：6号楼101室 / 居民原话：楼下的101天天在楼道里烧纸 呛得受不了 / 反映人：符大爷（6号楼居民群） / 接单请回复：#2 接单；办结后回复：#2 已处理 处理说明
        6号楼居民群 | 蒋姐 | 隔壁 605 把电动车推进楼道充电 太吓人了
        -> 6号楼居民群: @蒋姐 已收到您反映的问题（工单 #3：把电动车推进楼道充电，6号楼605室），已转6号楼党小组处理。
        -> 6号楼党小组: 【新工单 #3】矛盾调处·违规充电 / 地点：6号楼605室 / 居民原话：隔壁 605 把电动车推进楼道充电 太吓人了 / 反映人：蒋姐（6号楼居民群） / 接单请回复：#3 接单；办结后回复：#3 已处理 处理说明
        """,
    )
    assert _rooms(sim) == [("6", "602"), ("6", "101"), ("6", "605")]


@pytest.mark.parametrize(
    ("said", "building", "room"),
    [
        ("楼上502天天漏水到我家", None, "502"),
        ("楼下302每天半夜打麻将", None, "302"),
        ("隔壁301把鞋柜堆在过道上", None, "301"),
        ("楼上5楼那家天天剁肉", None, None),  # a floor, not a room
        ("隔壁3号楼的路灯不亮", "3", None),
        ("楼上的两口子吵了一晚上", None, None),
    ],
)
def test_a_room_right_after_a_neighbour_word_is_read(
    said: str, building: str | None, room: str | None
) -> None:
    understanding = Classifier.default().classify(said)
    assert (understanding.building, understanding.room) == (building, room), said


# -- 4. 不满意 at night waits for the morning; joining locks the ticket -----------------------


def test_unsatisfied_at_night_waits_for_the_morning_summary(sim: Simulator) -> None:
    """ "不满意 #2 …" about a ticket still in hand and "不满意 楼道灯还是一闪一闪的" reopening the
    lamp, both after 23:00: the resident is told the group hears it after 07:00, nobody in a
    staff group is woken, and both are in the morning summary."""
    verify_dialog(
        sim,
        """
        1号楼居民群 | 鲁阿姨 | 1号楼2单元楼道灯不亮了 黑咕隆咚的
        -> 1号楼居民群: @鲁阿姨 已收到您反映的问题（工单 #1：楼道灯不亮了，1号楼2单元），已转1号楼党小组处理。
        -> 1号楼党小组: 【新工单 #1】维修维护·照明 / 地点：1号楼2单元 / 居民原话：1号楼2单元楼道灯不亮了 黑咕隆咚的 / 反映人：鲁阿姨（1号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        1号楼居民群 | 鲁阿姨 | 1号楼门口的垃圾桶满了好几天没人清
        -> 1号楼居民群: @鲁阿姨 已收到您反映的问题（工单 #2：门口的垃圾桶满了好几天没人清，1号楼），已转1号楼党小组处理。
        -> 1号楼党小组: 【新工单 #2】维修维护·环境卫生 / 地点：1号楼 / 居民原话：1号楼门口的垃圾桶满了好几天没人清 / 反映人：鲁阿姨（1号楼居民群） / 接单请回复：#2 接单；办结后回复：#2 已处理 处理说明
        1号楼党小组 | 张建国 | #1 换了灯泡 已处理
        -> 1号楼党小组: 工单 #1 已办结（张建国）：换了灯泡
        -> 1号楼居民群: @鲁阿姨 您反映的问题（工单 #1：楼道灯不亮了）已处理：换了灯泡。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        @clock 2026-12-01 23:10
        1号楼居民群 | 鲁阿姨 | 不满意 #2 垃圾都堆到路上了
        -> 1号楼居民群: @鲁阿姨 工单 #2：门口的垃圾桶满了好几天没人清，1号楼。当前状态：待受理。夜间已记下您说的，07:00后转告1号楼党小组。如有危险请直接拨打110、119或120。
        1号楼居民群 | 鲁阿姨 | 不满意 楼道灯还是一闪一闪的
        -> 1号楼居民群: @鲁阿姨 抱歉没能让您满意，工单 #1 已重新打开，夜间已记下您说的，07:00后交给1号楼党小组处理。如有危险请直接拨打110、119或120。
        @clock 2026-12-02 07:05
        -> 1号楼党小组: 【早间汇总】夜间等待的新工单、居民补充和超时提醒： / 夜间【工单 #2 居民补充】鲁阿姨：垃圾都堆到路上了 / 地点：1号楼 / 夜间【工单 #1 重新处理】居民不满意：楼道灯还是一闪一闪的 / 地点：1号楼2单元，原处理说明：换了灯泡 / 处理后请回复：#1 已处理 处理说明
        """,
    )
    assert _states(sim) == ["reopened", "open"]


@pytest.mark.timeout(60)
def test_a_report_joining_a_ticket_resolved_at_that_moment_opens_its_own(sim: Simulator) -> None:
    """The join reads the ticket under its row lock (flows.get_ticket): a second resident's
    report of the same lamp while staff resolve it is not added to the resolved ticket."""
    core = sim.core
    say(sim, "3号楼居民群", "项阿姨", "3号楼2单元楼道灯坏了 晚上看不见")
    now = sim.clock.now()
    understanding = Classifier.default().classify("3号楼2单元楼道灯也不亮 黑乎乎的")
    group = core.community.group("3号楼居民群")
    report = flows.Report(
        "3号楼2单元楼道灯也不亮 黑乎乎的", Actor("殷大哥", "殷大哥"), "3号楼居民群", group
    )

    def resolve(s: Session) -> object:
        return flows.resolve_ticket(s, core.community, 1, staff(core, "刘志强"), "换了灯泡", now)

    def join(s: Session) -> object:
        return flows.open_ticket(s, core.community, report, understanding, now)

    assert race(core, resolve, join) == ("ok", "ok")
    with core.factory() as session:
        first = session.get(Ticket, 1)
        assert first is not None and first.state == "resolved" and not first.followers
        assert session.query(Ticket).count() == 2
