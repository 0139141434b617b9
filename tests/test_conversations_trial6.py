"""What the sixth outside day trial found (docs/conversations.md, day 6), each as a transcript
of new sentences: emergency closings told as what happened, a closing that names no ticket,
sign-ups that mention people, news of something already over, quiet nights, and no flood of
overdue alerts."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from bot import commands
from bot.messages import OutboundMessage
from bot.simulator import Simulator
from service.actors import Actor
from service.clock import FakeClock
from service.models import Ticket
from service.outbox import Notice
from service.tickets import flows
from service.understanding import Classifier
from tests.dialog import verify_dialog
from tests.test_ticket_integrity import race, staff
from tests.test_ticket_time_limits import say


def _states(sim: Simulator) -> list[str]:
    with sim.core.factory() as session:
        return [t.state for t in session.query(Ticket).order_by(Ticket.id)]


def test_emergency_closings_told_as_what_happened_close_the_emergency(sim: Simulator) -> None:
    """ "#1 已经送医 家属陪着", "#2 明火已经被扑灭 没有人员受伤", "#3 消防来看过了 没什么事",
    "#4 燃气公司来看过了，没问题了": each says the danger is over, so each closes its emergency
    (and the resident is asked whether they are safe), never kept as a note."""
    verify_dialog(
        sim,
        """
        3号楼居民群 | 岳阿姨 | 3号楼2单元有个老人在楼梯上摔倒了 起不来
        -> 3号楼居民群: @岳阿姨 已收到您反映的问题（工单 #1：有个老人在楼梯上摔倒了，3号楼2单元），已转3号楼党小组处理。请立即拨打120，保持病人平躺，不要随意搬动。
        -> 3号楼党小组: 【紧急 #1】3号楼2单元 有个老人在楼梯上摔倒了 / 类别：应急处理·急病 / 居民原话：3号楼2单元有个老人在楼梯上摔倒了 起不来 / 反映人：岳阿姨（3号楼居民群） / 已告知居民：请立即拨打120，保持病人平躺，不要随意搬动。 / 负责：3号楼党小组。请立即跟进，接单回复：#1 接单
        -> 第一网格党支部群: 【紧急 #1】3号楼2单元 有个老人在楼梯上摔倒了 / 类别：应急处理·急病 / 居民原话：3号楼2单元有个老人在楼梯上摔倒了 起不来 / 反映人：岳阿姨（3号楼居民群） / 已告知居民：请立即拨打120，保持病人平躺，不要随意搬动。 / 负责：3号楼党小组。请立即跟进，接单回复：#1 接单
        -> 社区党委工作群: @刘值班 【紧急 #1】3号楼2单元 有个老人在楼梯上摔倒了 / 类别：应急处理·急病 / 居民原话：3号楼2单元有个老人在楼梯上摔倒了 起不来 / 反映人：岳阿姨（3号楼居民群） / 已告知居民：请立即拨打120，保持病人平躺，不要随意搬动。 / 负责：3号楼党小组。请立即跟进，接单回复：#1 接单
        3号楼党小组 | 刘志强 | #1 已经送医 家属陪着
        -> 3号楼党小组: 工单 #1 已办结（刘志强）：已经送医 家属陪着
        -> 第一网格党支部群: 工单 #1 已办结（刘志强）：已经送医 家属陪着
        -> 社区党委工作群: 工单 #1 已办结（刘志强）：已经送医 家属陪着
        -> 3号楼居民群: @岳阿姨 您反映的问题（工单 #1：有个老人在楼梯上摔倒了）已处理：已经送医 家属陪着。请问现在大家都安全了吗？回复“安全了”即可，需要帮助请随时说。
        3号楼居民群 | 甘师傅 | 3号楼后面垃圾堆着火了 烟好大
        -> 3号楼居民群: @甘师傅 已收到您反映的问题（工单 #2：后面垃圾堆着火了，3号楼），已转3号楼党小组处理。请立即拨打119，带好家人沿楼梯撤离，不要乘电梯。
        -> 3号楼党小组: 【可能紧急 #2】3号楼 后面垃圾堆着火了 / 类别：应急处理·火情 / 居民原话：3号楼后面垃圾堆着火了 烟好大 / 反映人：甘师傅（3号楼居民群） / 已告知居民：请立即拨打119，带好家人沿楼梯撤离，不要乘电梯。 / （系统判断可能紧急，不一定是紧急情况，请尽快核实；如不紧急请回复：#2 非紧急） / 负责：3号楼党小组。请立即跟进，接单回复：#2 接单
        -> 第一网格党支部群: 【可能紧急 #2】3号楼 后面垃圾堆着火了 / 类别：应急处理·火情 / 居民原话：3号楼后面垃圾堆着火了 烟好大 / 反映人：甘师傅（3号楼居民群） / 已告知居民：请立即拨打119，带好家人沿楼梯撤离，不要乘电梯。 / （系统判断可能紧急，不一定是紧急情况，请尽快核实；如不紧急请回复：#2 非紧急） / 负责：3号楼党小组。请立即跟进，接单回复：#2 接单
        -> 社区党委工作群: @刘值班 【可能紧急 #2】3号楼 后面垃圾堆着火了 / 类别：应急处理·火情 / 居民原话：3号楼后面垃圾堆着火了 烟好大 / 反映人：甘师傅（3号楼居民群） / 已告知居民：请立即拨打119，带好家人沿楼梯撤离，不要乘电梯。 / （系统判断可能紧急，不一定是紧急情况，请尽快核实；如不紧急请回复：#2 非紧急） / 负责：3号楼党小组。请立即跟进，接单回复：#2 接单
        3号楼党小组 | 刘志强 | #2 明火已经被扑灭 没有人员受伤
        -> 3号楼党小组: 工单 #2 已办结（刘志强）：明火已经被扑灭 没有人员受伤
        -> 第一网格党支部群: 工单 #2 已办结（刘志强）：明火已经被扑灭 没有人员受伤
        -> 社区党委工作群: 工单 #2 已办结（刘志强）：明火已经被扑灭 没有人员受伤
        -> 3号楼居民群: @甘师傅 您反映的问题（工单 #2：后面垃圾堆着火了）已处理：明火已经被扑灭 没有人员受伤。请问现在大家都安全了吗？回复“安全了”即可，需要帮助请随时说。
        6号楼居民群 | 卜先生 | 6号楼地下室冒烟了 好呛人
        -> 6号楼居民群: @卜先生 已收到您反映的问题（工单 #3：地下室冒烟了，6号楼），已转6号楼党小组处理。请立即拨打119，带好家人沿楼梯撤离，不要乘电梯。
        -> 6号楼党小组: 【紧急 #3】6号楼 地下室冒烟了 / 类别：应急处理·火情 / 居民原话：6号楼地下室冒烟了 好呛人 / 反映人：卜先生（6号楼居民群） / 已告知居民：请立即拨打119，带好家人沿楼梯撤离，不要乘电梯。 / 负责：6号楼党小组。请立即跟进，接单回复：#3 接单
        -> 第二网格党支部群: 【紧急 #3】6号楼 地下室冒烟了 / 类别：应急处理·火情 / 居民原话：6号楼地下室冒烟了 好呛人 / 反映人：卜先生（6号楼居民群） / 已告知居民：请立即拨打119，带好家人沿楼梯撤离，不要乘电梯。 / 负责：6号楼党小组。请立即跟进，接单回复：#3 接单
        -> 社区党委工作群: @刘值班 【紧急 #3】6号楼 地下室冒烟了 / 类别：应急处理·火情 / 居民原话：6号楼地下室冒烟了 好呛人 / 反映人：卜先生（6号楼居民群） / 已告知居民：请立即拨打119，带好家人沿楼梯撤离，不要乘电梯。 / 负责：6号楼党小组。请立即跟进，接单回复：#3 接单
        6号楼党小组 | 吴敏 | #3 消防来看过了 没什么事
        -> 6号楼党小组: 工单 #3 已办结（吴敏）：消防来看过了 没什么事
        -> 第二网格党支部群: 工单 #3 已办结（吴敏）：消防来看过了 没什么事
        -> 社区党委工作群: 工单 #3 已办结（吴敏）：消防来看过了 没什么事
        -> 6号楼居民群: @卜先生 您反映的问题（工单 #3：地下室冒烟了）已处理：消防来看过了 没什么事。请问现在大家都安全了吗？回复“安全了”即可，需要帮助请随时说。
        6号楼居民群 | 诸大姐 | 6号楼1单元楼道里一股煤气味
        -> 6号楼居民群: @诸大姐 已收到您反映的问题（工单 #4：楼道里一股煤气味，6号楼1单元），已转6号楼党小组处理。请不要开关任何电器、不要点火，打开门窗后离开，到室外拨打燃气公司抢修电话。
        -> 6号楼党小组: 【紧急 #4】6号楼1单元 楼道里一股煤气味 / 类别：应急处理·燃气泄漏 / 居民原话：6号楼1单元楼道里一股煤气味 / 反映人：诸大姐（6号楼居民群） / 已告知居民：请不要开关任何电器、不要点火，打开门窗后离开，到室外拨打燃气公司抢修电话。 / 负责：6号楼党小组。请立即跟进，接单回复：#4 接单
        -> 第二网格党支部群: 【紧急 #4】6号楼1单元 楼道里一股煤气味 / 类别：应急处理·燃气泄漏 / 居民原话：6号楼1单元楼道里一股煤气味 / 反映人：诸大姐（6号楼居民群） / 已告知居民：请不要开关任何电器、不要点火，打开门窗后离开，到室外拨打燃气公司抢修电话。 / 负责：6号楼党小组。请立即跟进，接单回复：#4 接单
        -> 社区党委工作群: @刘值班 【紧急 #4】6号楼1单元 楼道里一股煤气味 / 类别：应急处理·燃气泄漏 / 居民原话：6号楼1单元楼道里一股煤气味 / 反映人：诸大姐（6号楼居民群） / 已告知居民：请不要开关任何电器、不要点火，打开门窗后离开，到室外拨打燃气公司抢修电话。 / 负责：6号楼党小组。请立即跟进，接单回复：#4 接单
        6号楼党小组 | 吴敏 | #4 燃气公司来看过了，没问题了
        -> 6号楼党小组: 工单 #4 已办结（吴敏）：燃气公司来看过了，没问题了
        -> 第二网格党支部群: 工单 #4 已办结（吴敏）：燃气公司来看过了，没问题了
        -> 社区党委工作群: 工单 #4 已办结（吴敏）：燃气公司来看过了，没问题了
        -> 6号楼居民群: @诸大姐 您反映的问题（工单 #4：楼道里一股煤气味）已处理：燃气公司来看过了，没问题了。请问现在大家都安全了吗？回复“安全了”即可，需要帮助请随时说。
        """,
    )
    assert _states(sim) == ["resolved"] * 4


def test_the_trials_own_emergency_closings_read_as_closings() -> None:
    """The day's own four sentences after a ticket number read as closings, not notes."""
    for said in (
        "人已经送医院了",
        "火已经扑灭了，没人受伤",
        "老人找到了，已经送回家",
        "消防来过了，没事了",
    ):
        command = commands.parse(f"#7 {said}")
        assert isinstance(command, commands.TicketCommand) and command.verb == "resolve", said


def test_a_closing_that_names_no_ticket_closes_the_one_emergency_or_asks_which(
    sim: Simulator,
) -> None:
    """ "20号 …已经送医院了 人没事" (20号 is a day or a door, not a ticket) got no answer. With one
    emergency open in the group it closes that emergency; an update that names no ticket, with
    several open, is answered with the group's open tickets, never silence."""
    verify_dialog(
        sim,
        """
        3号楼居民群 | 鲍奶奶 | 3号楼1单元电梯口有位大爷晕倒了 叫他没反应
        -> 3号楼居民群: @鲍奶奶 已收到您反映的问题（工单 #1：电梯口有位大爷晕倒了，3号楼1单元），已转3号楼党小组处理。请立即拨打120，保持病人平躺，不要随意搬动。
        -> 3号楼党小组: 【紧急 #1】3号楼1单元 电梯口有位大爷晕倒了 / 类别：应急处理·急病 / 居民原话：3号楼1单元电梯口有位大爷晕倒了 叫他没反应 / 反映人：鲍奶奶（3号楼居民群） / 已告知居民：请立即拨打120，保持病人平躺，不要随意搬动。 / 负责：3号楼党小组。请立即跟进，接单回复：#1 接单
        -> 第一网格党支部群: 【紧急 #1】3号楼1单元 电梯口有位大爷晕倒了 / 类别：应急处理·急病 / 居民原话：3号楼1单元电梯口有位大爷晕倒了 叫他没反应 / 反映人：鲍奶奶（3号楼居民群） / 已告知居民：请立即拨打120，保持病人平躺，不要随意搬动。 / 负责：3号楼党小组。请立即跟进，接单回复：#1 接单
        -> 社区党委工作群: @刘值班 【紧急 #1】3号楼1单元 电梯口有位大爷晕倒了 / 类别：应急处理·急病 / 居民原话：3号楼1单元电梯口有位大爷晕倒了 叫他没反应 / 反映人：鲍奶奶（3号楼居民群） / 已告知居民：请立即拨打120，保持病人平躺，不要随意搬动。 / 负责：3号楼党小组。请立即跟进，接单回复：#1 接单
        3号楼居民群 | 甘师傅 | 3号楼1单元楼道灯不亮了
        -> 3号楼居民群: @甘师傅 已收到您反映的问题（工单 #2：楼道灯不亮了，3号楼1单元），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #2】维修维护·照明 / 地点：3号楼1单元 / 居民原话：3号楼1单元楼道灯不亮了 / 反映人：甘师傅（3号楼居民群） / 接单请回复：#2 接单；办结后回复：#2 已处理 处理说明
        3号楼党小组 | 刘志强 | 20号 …已经送医院了 人没事
        -> 3号楼党小组: 工单 #1 已办结（刘志强）：20号 …已经送医院了 人没事
        -> 第一网格党支部群: 工单 #1 已办结（刘志强）：20号 …已经送医院了 人没事
        -> 社区党委工作群: 工单 #1 已办结（刘志强）：20号 …已经送医院了 人没事
        -> 3号楼居民群: @鲍奶奶 您反映的问题（工单 #1：电梯口有位大爷晕倒了）已处理：20号 …已经送医院了 人没事。请问现在大家都安全了吗？回复“安全了”即可，需要帮助请随时说。
        4号楼居民群 | 桑先生 | 4号楼1单元楼道灯坏了
        -> 4号楼居民群: @桑先生 已收到您反映的问题（工单 #3：楼道灯坏了，4号楼1单元），已转4号楼党小组处理。
        -> 4号楼党小组: 【新工单 #3】维修维护·照明 / 地点：4号楼1单元 / 居民原话：4号楼1单元楼道灯坏了 / 反映人：桑先生（4号楼居民群） / 接单请回复：#3 接单；办结后回复：#3 已处理 处理说明
        4号楼居民群 | 桑先生 | 4号楼门口的垃圾桶满了没人倒
        -> 4号楼居民群: @桑先生 已收到您反映的问题（工单 #4：门口的垃圾桶满了没人倒，4号楼），已转4号楼党小组处理。
        -> 4号楼党小组: 【新工单 #4】维修维护·环境卫生 / 地点：4号楼 / 居民原话：4号楼门口的垃圾桶满了没人倒 / 反映人：桑先生（4号楼居民群） / 接单请回复：#4 接单；办结后回复：#4 已处理 处理说明
        4号楼党小组 | 孙丽 | 18号 灯已经换了
        -> 4号楼党小组: @孙丽 请问说的是哪张工单？本群未办结的：#3 4号楼1单元 楼道灯坏了；#4 4号楼 门口的垃圾桶满了没人倒。请写明编号回复，例如：#3 已处理 处理说明
        5号楼居民群 | 蓝阿姨 | 5号楼3单元电梯卡住了 有人困在里面
        -> 5号楼居民群: @蓝阿姨 已收到您反映的问题（工单 #5：有人困在里面，5号楼3单元），已转5号楼党小组处理。请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。
        -> 5号楼党小组: 【紧急 #5】5号楼3单元 有人困在里面 / 类别：应急处理·被困 / 居民原话：5号楼3单元电梯卡住了 有人困在里面 / 反映人：蓝阿姨（5号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：5号楼党小组。请立即跟进，接单回复：#5 接单
        -> 第二网格党支部群: 【紧急 #5】5号楼3单元 有人困在里面 / 类别：应急处理·被困 / 居民原话：5号楼3单元电梯卡住了 有人困在里面 / 反映人：蓝阿姨（5号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：5号楼党小组。请立即跟进，接单回复：#5 接单
        -> 社区党委工作群: @刘值班 【紧急 #5】5号楼3单元 有人困在里面 / 类别：应急处理·被困 / 居民原话：5号楼3单元电梯卡住了 有人困在里面 / 反映人：蓝阿姨（5号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：5号楼党小组。请立即跟进，接单回复：#5 接单
        5号楼居民群 | 池先生 | 5号楼2单元有个老人晕倒了 叫不醒
        -> 5号楼居民群: @池先生 已收到您反映的问题（工单 #6：有个老人晕倒了，5号楼2单元），已转5号楼党小组处理。请立即拨打120，保持病人平躺，不要随意搬动。
        -> 5号楼党小组: 【紧急 #6】5号楼2单元 有个老人晕倒了 / 类别：应急处理·急病 / 居民原话：5号楼2单元有个老人晕倒了 叫不醒 / 反映人：池先生（5号楼居民群） / 已告知居民：请立即拨打120，保持病人平躺，不要随意搬动。 / 负责：5号楼党小组。请立即跟进，接单回复：#6 接单
        -> 第二网格党支部群: 【紧急 #6】5号楼2单元 有个老人晕倒了 / 类别：应急处理·急病 / 居民原话：5号楼2单元有个老人晕倒了 叫不醒 / 反映人：池先生（5号楼居民群） / 已告知居民：请立即拨打120，保持病人平躺，不要随意搬动。 / 负责：5号楼党小组。请立即跟进，接单回复：#6 接单
        -> 社区党委工作群: @刘值班 【紧急 #6】5号楼2单元 有个老人晕倒了 / 类别：应急处理·急病 / 居民原话：5号楼2单元有个老人晕倒了 叫不醒 / 反映人：池先生（5号楼居民群） / 已告知居民：请立即拨打120，保持病人平躺，不要随意搬动。 / 负责：5号楼党小组。请立即跟进，接单回复：#6 接单
        5号楼党小组 | 周海 | 3楼那个已经送医院了 人没事
        -> 5号楼党小组: @周海 请问说的是哪张工单？本群未办结的：【紧急】#5 5号楼3单元 有人困在里面；【紧急】#6 5号楼2单元 有个老人晕倒了。请写明编号回复，例如：#5 已处理 处理说明
        """,
    )
    assert _states(sim) == ["resolved", "open", "open", "open", "open", "open"]


def test_a_sign_up_that_names_who_comes_along_is_a_sign_up_not_a_page(sim: Simulator) -> None:
    """ "我和我家老头子都去" under an event notice signs up (老头子 is who comes along, not an
    elderly person in danger); with no event open it pages nobody and files nothing, and she
    is told that no such activity is open here (silence let her think she was on the list: day
    21)."""
    verify_dialog(
        sim,
        """
        4号楼居民群 | 柴大娘 | 我和我家老头子都去
        -> 4号楼居民群: @柴大娘 这里近期没有找到可以报名的这个活动。请回复“活动”查看近期活动，再回复“报名 #E编号”报名。
        社区党委工作群 | 王书记 | 通知 12月5日9:00 义务理发 地点:4号楼门口 对象:4号楼居民群 名额:10
        -> 社区党委工作群: @王书记 已发布活动 #E30：义务理发 / 时间：12月5日（周六）09:00，约90分钟 / 地点：4号楼门口 / 对象：4号楼居民群 / 名额：10人 / 提醒：前一天18:00、开始前1小时 / 取消请回复“取消 #E30”，改期请回复“改期 #E30 月日 时:分”。
        -> 4号楼居民群: 【活动通知】义务理发 #E30 / 时间：12月5日（周六）09:00 / 地点：4号楼门口 / 名额：共10人，还剩10个 / 报名请回复“报名 #E30”，已报名但去不了请回复“取消报名 #E30”。
        4号楼居民群 | 柴大娘 | 我和我家老头子都去
        -> 4号楼居民群: @柴大娘 已为您报名（共2人）：义务理发 #E30，12月5日（周六）09:00。共10人，还剩8个。
        4号楼居民群 | 乐阿姨 | 我们老两口一起去！
        -> 4号楼居民群: @乐阿姨 已为您报名（共2人）：义务理发 #E30，12月5日（周六）09:00。共10人，还剩6个。
        """,
    )
    with sim.core.factory() as session:
        assert session.query(Ticket).count() == 0


def test_news_of_a_fight_already_over_pages_nobody(sim: Simulator) -> None:
    """ "刚才打架那两个被派出所带走了" is news of something over, not a new fight: no page, no
    ticket; a fight still going on still pages."""
    verify_dialog(
        sim,
        """
        5号楼居民群 | 韩大爷 | 刚才打架那两个被派出所带走了
        5号楼居民群 | 温阿姨 | 刚才5号楼门口打架的 派出所来人带走了
        5号楼居民群 | 童先生 | 楼下吵架打起来那俩已经散了
        """,
    )
    with sim.core.factory() as session:
        assert session.query(Ticket).count() == 0
    said = say(sim, "5号楼居民群", "童先生", "5号楼门口又有人打架了 现在还在打")
    assert any("紧急" in m.text for m in said)


def test_a_chase_at_night_waits_for_the_morning(sim: Simulator) -> None:
    """A resident chasing a lamp ticket at 22:40: she is told it will be passed on in the
    morning and no staff group hears of it in the night; the morning summary carries it."""
    verify_dialog(
        sim,
        """
        1号楼居民群 | 石奶奶 | 1号楼3单元楼道灯坏了 黑乎乎的
        -> 1号楼居民群: @石奶奶 已收到您反映的问题（工单 #1：楼道灯坏了，1号楼3单元），已转1号楼党小组处理。
        -> 1号楼党小组: 【新工单 #1】维修维护·照明 / 地点：1号楼3单元 / 居民原话：1号楼3单元楼道灯坏了 黑乎乎的 / 反映人：石奶奶（1号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        1号楼党小组 | 张建国 | #1 接单
        -> 1号楼党小组: 工单 #1 已由张建国接单。
        -> 1号楼居民群: @石奶奶 您反映的问题（工单 #1）已有工作人员接单，张建国正在处理。
        @clock 2026-12-01 22:40
        1号楼居民群 | 石奶奶 | 我反映的那个灯的事到底有人管没有 怎么还没修
        -> 1号楼居民群: @石奶奶 工单 #1：楼道灯坏了，1号楼3单元。当前状态：处理中，张建国正在处理。夜间已记下您说的，07:00后转告1号楼党小组。如有危险请直接拨打110、119或120。
        @clock 2026-12-02 07:10
        -> 1号楼党小组: 【早间汇总】夜间等待的新工单、居民补充和超时提醒： / 夜间【工单 #1 居民补充】石奶奶：我反映的那个灯的事到底有人管没有 怎么还没修 / 地点：1号楼3单元
        """,
    )


def test_a_day_without_staff_does_not_flood_a_group_with_overdue_alerts(
    sim: Simulator, clock: FakeClock
) -> None:
    """Twelve heating tickets nobody claims, one every half hour, then a fire in the evening:
    no group gets more than `overdue_alerts_per_day` overdue messages in the day (the rest is in
    待办 and the morning list), yet the fire's overdue alerts still go out, first."""
    said: list[OutboundMessage] = []
    for n in range(12):
        building, unit = n % 6 + 1, n // 6 + 1
        text = f"{building}号楼{unit}单元暖气不热 家里才十二度"
        said += say(sim, f"{building}号楼居民群", f"居民{n}", text)
        said += asyncio.run(sim.advance_to(clock.now() + timedelta(minutes=30)))
    said += asyncio.run(sim.advance_to(clock.now().replace(hour=19, minute=0)))
    said += say(sim, "1号楼居民群", "葛大爷", "1号楼2单元楼道里着火了 烟好大")
    said += asyncio.run(sim.advance_to(clock.now().replace(hour=21, minute=50)))
    cap = sim.core.community.policy.overdue_alerts_per_day
    overdue = [m for m in said if "【超时" in m.text]
    fire = [m for m in overdue if "着火" in m.text]
    for room in {m.room_id for m in overdue}:
        assert len([m for m in overdue if m.room_id == room and m not in fire]) <= cap, room
    assert {m.room_id for m in fire} >= {"1号楼党小组", "社区党委工作群"}
    # in a message with other overdue tickets, the fire comes first
    assert all("暖气" not in m.text or m.text.find("着火") < m.text.find("暖气") for m in fire)


@pytest.mark.timeout(60)
def test_a_chase_racing_a_transfer_reaches_the_group_that_now_has_the_ticket(
    sim: Simulator,
) -> None:
    """A resident chases her lamp ticket while a staff member hands it to 物业: the chase waits
    for the ticket's row lock like every other change, reads it afresh and goes to 物业, not to
    the group that no longer has it (it read the ticket without the lock)."""
    core = sim.core
    say(sim, "3号楼居民群", "张阿姨", "3号楼2单元楼道灯坏了好几天了")
    with core.factory() as session:
        ticket = session.get(Ticket, 1)
        assert ticket is not None
        resident = Actor(ticket.reporter_id, ticket.reporter_name)
        room = ticket.source_room_id
    text = "我反映的那个灯怎么还没人来修"
    understanding = Classifier.default().classify(text)
    report = flows.Report(text, resident, room, core.community.group("3号楼居民群"))
    now = sim.clock.now()
    told: list[Notice] = []

    def transfer(session: Session) -> object:
        return flows.transfer_ticket(session, core.community, 1, staff(core, "刘志强"), "物业", now)

    def chase(session: Session) -> object:
        outcome = flows.chase_own_ticket(session, core.community, report, understanding, True, now)
        assert outcome is not None
        told.extend(outcome.notices)
        return outcome

    assert race(core, transfer, chase) == ("ok", "ok")
    assert [n.group for n in told if n.group] == ["物业服务中心群"]


def test_the_grid_group_that_was_alerted_lists_the_emergency_and_may_close_it_without_a_number(
    sim: Simulator,
) -> None:
    """An emergency is told at once to the grid group as well ("接单回复：#1 接单"): 待办 there
    lists it, and the grid head's "人已经送到医院了 没事了" closes it (the grid group was
    answered "no open tickets")."""
    say(sim, "3号楼居民群", "鲍奶奶", "3号楼1单元电梯口有位大爷晕倒了 叫他没反应")
    todo = " ".join(m.text for m in say(sim, "第一网格党支部群", "李网格长", "待办"))
    assert "#1" in todo and "晕倒" in todo, todo
    said = [m.text for m in say(sim, "第一网格党支部群", "李网格长", "人已经送到医院了 没事了")]
    assert any("工单 #1 已办结" in text for text in said), said
    assert _states(sim) == ["resolved"]


def test_a_grid_heads_todo_tells_what_his_buildings_have_in_hand_and_which_are_late(
    sim: Simulator,
) -> None:
    """Day 14: the grid head's 待办 said "目前没有待办工单" while a building of his grid had a
    ticket a day past its limit (not yet escalated to him). 待办 now adds what the groups
    below have in hand and lists the late ones; another grid's tickets are not his."""
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    say(sim, "3号楼党小组", "刘志强", "#1 接单")
    say(sim, "4号楼居民群", "钱大爷", "4号楼门口的垃圾桶坏了 盖子掉了")
    asyncio.run(sim.advance_to(sim.clock.now() + timedelta(days=8)))
    say(sim, "2号楼居民群", "小周", "2号楼1单元的信箱门坏了 关不上")
    todo = "\n".join(m.text for m in say(sim, "第一网格党支部群", "李网格长", "待办"))
    assert "下属各群在办工单 2 件，其中超时 1 件" in todo, todo
    assert "#1" in todo and "超时未办结" in todo and "3号楼党小组" in todo, todo
    assert "#2" not in todo and "#3" not in todo, todo
