"""What the seventh outside day trial found (docs/conversations.md, day 7), staff side, each as a
transcript of new sentences: ticket numbers written as `17号` or a bare `49`, a 不满意 about one
problem never reopening another, transfers said at the end of a sentence, emergency closings
and answers to questions reaching the resident, and no re-alerting every sweep at night."""

from __future__ import annotations

from bot import commands
from bot.simulator import Simulator
from service.models import Ticket
from tests.dialog import verify_dialog


def _states(sim: Simulator) -> list[str]:
    with sim.core.factory() as session:
        return [t.state for t in session.query(Ticket).order_by(Ticket.id)]


def test_staff_who_write_the_number_as_n_hao_or_bare_close_and_claim_that_ticket(
    sim: Simulator,
) -> None:
    """ "1 收到我来", "2号 老太太已经让120拉走了 儿子跟着去了", "1号 楼道灯泡全部换了": the
    number at the start is the ticket when it is one of theirs; "3号楼…" stays a place."""
    verify_dialog(
        sim,
        """
        3号楼居民群 | 程阿姨 | 3号楼1单元楼道灯坏了 晚上黑乎乎的
        -> 3号楼居民群: @程阿姨 已收到您反映的问题（工单 #1：楼道灯坏了，3号楼1单元），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #1】维修维护·照明 / 地点：3号楼1单元 / 居民原话：3号楼1单元楼道灯坏了 晚上黑乎乎的 / 反映人：程阿姨（3号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        3号楼居民群 | 韦大爷 | 3号楼3单元有个老太太摔倒了 流了好多血
        -> 3号楼居民群: @韦大爷 已收到您反映的问题（工单 #2：流了好多血，3号楼3单元），已转3号楼党小组处理。请立即拨打120，保持病人平躺，不要随意搬动。
        -> 3号楼党小组: 【紧急 #2】3号楼3单元 流了好多血 / 类别：应急处理·急病 / 居民原话：3号楼3单元有个老太太摔倒了 流了好多血 / 反映人：韦大爷（3号楼居民群） / 已告知居民：请立即拨打120，保持病人平躺，不要随意搬动。 / 负责：3号楼党小组。请立即跟进，接单回复：#2 接单
        -> 第一网格党支部群: 【紧急 #2】3号楼3单元 流了好多血 / 类别：应急处理·急病 / 居民原话：3号楼3单元有个老太太摔倒了 流了好多血 / 反映人：韦大爷（3号楼居民群） / 已告知居民：请立即拨打120，保持病人平躺，不要随意搬动。 / 负责：3号楼党小组。请立即跟进，接单回复：#2 接单
        -> 社区党委工作群: @刘值班 【紧急 #2】3号楼3单元 流了好多血 / 类别：应急处理·急病 / 居民原话：3号楼3单元有个老太太摔倒了 流了好多血 / 反映人：韦大爷（3号楼居民群） / 已告知居民：请立即拨打120，保持病人平躺，不要随意搬动。 / 负责：3号楼党小组。请立即跟进，接单回复：#2 接单
        3号楼党小组 | 刘志强 | 1 收到我来
        -> 3号楼党小组: 工单 #1 已由刘志强接单。
        -> 3号楼居民群: @程阿姨 您反映的问题（工单 #1）已有工作人员接单，刘志强正在处理。
        3号楼党小组 | 刘志强 | 2号 老太太已经让120拉走了 儿子跟着去了
        -> 3号楼党小组: 工单 #2 已办结（刘志强）：老太太已经让120拉走了 儿子跟着去了
        -> 3号楼居民群: @韦大爷 您反映的问题（工单 #2：流了好多血）已处理：老太太已经让120拉走了 儿子跟着去了。请问您和家人现在是否已经安全？回复“安全了”即可，需要帮助请随时说。
        3号楼党小组 | 刘志强 | 1号 楼道灯泡全部换了
        -> 3号楼党小组: 工单 #1 已办结（刘志强）：楼道灯泡全部换了
        -> 3号楼居民群: @程阿姨 您反映的问题（工单 #1：楼道灯坏了）已处理：楼道灯泡全部换了。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        """,
    )
    assert _states(sim) == ["resolved", "resolved"]


def test_a_loose_number_is_never_a_building_unit_room_or_floor() -> None:
    for said in (
        "3号楼的灯修好了",
        "2 单元的灯换了",
        "502室 漏水修好了",
        "5 楼我去看看",
        "3号 楼道灯好了",
    ):
        command = commands.parse(said)
        if said.startswith("3号 楼道"):
            assert isinstance(command, commands.TicketCommand) and command.ticket_id == 3
        else:
            assert not isinstance(command, commands.TicketCommand), said


def test_the_trials_own_numbered_staff_lines_name_their_ticket() -> None:
    for said, number, verb in (
        ("17号 老张已经120送医院了 家属在陪", 17, "resolve"),
        ("26号 灯泡全换了", 26, "resolve"),
        ("6号 燃气公司昨晚已经把阀门换了，我今早又去闻了一下没味了", 6, "resolve"),
        ("49 收到我来", 49, "claim"),
    ):
        command = commands.parse(said)
        assert isinstance(command, commands.TicketCommand), said
        assert (command.ticket_id, command.verb, command.loose) == (number, verb, True), said


def test_unsatisfied_about_another_problem_never_reopens_the_ticket_just_fixed(
    sim: Simulator,
) -> None:
    """ "不满意 昨天半夜烧烤摊还在吵" after the street lamp was fixed is about the barbecue
    stall still open: its group hears it, the lamp stays fixed. With both waiting for a rating,
    the 不满意 reopens the one its words name."""
    verify_dialog(
        sim,
        """
        5号楼居民群 | 龚大爷 | 5号楼2单元门口的路灯坏了 晚上看不见路
        -> 5号楼居民群: @龚大爷 已收到您反映的问题（工单 #1：门口的路灯坏了，5号楼2单元），已转5号楼党小组处理。
        -> 5号楼党小组: 【新工单 #1】维修维护·照明 / 地点：5号楼2单元 / 居民原话：5号楼2单元门口的路灯坏了 晚上看不见路 / 反映人：龚大爷（5号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        5号楼居民群 | 龚大爷 | 5号楼楼下烧烤摊每天半夜还在营业 吵得睡不着
        -> 5号楼居民群: @龚大爷 已收到您反映的问题（工单 #2：吵得睡不着，5号楼），已转5号楼党小组处理。
        -> 5号楼党小组: 【新工单 #2】矛盾调处·噪音 / 地点：5号楼 / 居民原话：5号楼楼下烧烤摊每天半夜还在营业 吵得睡不着 / 反映人：龚大爷（5号楼居民群） / 接单请回复：#2 接单；办结后回复：#2 已处理 处理说明
        5号楼党小组 | 周海 | #1 换了新灯 已处理
        -> 5号楼党小组: 工单 #1 已办结（周海）：换了新灯
        -> 5号楼居民群: @龚大爷 您反映的问题（工单 #1：门口的路灯坏了）已处理：换了新灯。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        5号楼居民群 | 龚大爷 | 不满意 昨天半夜烧烤摊还在吵
        -> 5号楼居民群: @龚大爷 已把您的补充转给5号楼党小组（工单 #2）。
        -> 5号楼党小组: 【工单 #2 居民补充】龚大爷：昨天半夜烧烤摊还在吵 / 地点：5号楼
        5号楼党小组 | 周海 | #2 跟摊主谈好了 十一点收摊 已处理
        -> 5号楼党小组: 工单 #2 已办结（周海）：跟摊主谈好了 十一点收摊
        -> 5号楼居民群: @龚大爷 您反映的问题（工单 #2：吵得睡不着）已处理：跟摊主谈好了 十一点收摊。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        5号楼居民群 | 龚大爷 | 不满意 烧烤摊半夜还在 根本没收
        -> 5号楼居民群: @龚大爷 抱歉没能让您满意，工单 #2 已重新交给5号楼党小组处理。
        -> 5号楼党小组: 【工单 #2 重新处理】居民不满意：烧烤摊半夜还在 根本没收 / 地点：5号楼，原处理说明：跟摊主谈好了 十一点收摊 / 处理后请回复：#2 已处理 处理说明
        """,
    )
    assert _states(sim) == ["resolved", "reopened"]


def test_the_trials_unsatisfied_unloading_goes_to_the_unloading_ticket(sim: Simulator) -> None:
    """The trial's own words: 张叔's 不满意 about the unloading reopened his street-light ticket."""
    verify_dialog(
        sim,
        """
        1号楼居民群 | 张叔 | 1号楼门口的路灯又不亮了，晚上黑乎乎的老人出来怕摔
        -> 1号楼居民群: @张叔 已收到您反映的问题（工单 #1：门口的路灯又不亮了，1号楼），已转1号楼党小组处理。
        -> 1号楼党小组: 【新工单 #1】维修维护·照明 / 地点：1号楼 / 居民原话：1号楼门口的路灯又不亮了，晚上黑乎乎的老人出来怕摔 / 反映人：张叔（1号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        1号楼居民群 | 张叔 | 楼下小卖部天天半夜进货卸车，哐哐响，一点多还不停
        -> 1号楼居民群: @张叔 已收到您反映的问题（工单 #2：一点多还不停，1号楼），已转1号楼党小组处理。
        -> 1号楼党小组: 【新工单 #2】矛盾调处·噪音 / 地点：1号楼 / 居民原话：楼下小卖部天天半夜进货卸车，哐哐响，一点多还不停 / 反映人：张叔（1号楼居民群） / 接单请回复：#2 接单；办结后回复：#2 已处理 处理说明
        1号楼党小组 | 张建国 | #1 路灯换好了
        -> 1号楼党小组: 工单 #1 已办结（张建国）：路灯换好了
        -> 1号楼居民群: @张叔 您反映的问题（工单 #1：门口的路灯又不亮了）已处理：路灯换好了。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        1号楼居民群 | 张叔 | 不满意 昨晚一点还在卸货 谈了等于没谈
        -> 1号楼居民群: @张叔 已把您的补充转给1号楼党小组（工单 #2）。
        -> 1号楼党小组: 【工单 #2 居民补充】张叔：昨晚一点还在卸货 谈了等于没谈 / 地点：1号楼
        """,
    )
    assert _states(sim) == ["resolved", "open"]
