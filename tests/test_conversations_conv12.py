"""Issue 11, conv12: words an outside tester found misunderstood. A sign-up cancelled in
everyday words under an event notice; one person is one sign-up, however she signed up; a ticket
number written last after a closing; a thanks with several tickets waiting rates the ticket its
words name, or asks."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import select

from bot.simulator import Simulator
from service.models import Ticket
from tests.dialog import verify_dialog
from tests.test_conversations_trial7 import _states
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


def _three_in_hand(sim: Simulator) -> None:
    say(sim, "3号楼居民群", "张阿姨", "3号楼2单元楼道灯坏了好几天了")
    say(sim, "3号楼居民群", "李大爷", "3号楼3单元门口的下水道堵了 一股臭味")
    say(sim, "3号楼居民群", "赵女士", "3号楼1单元的单元门关不上了")


def test_a_ticket_number_written_last_after_a_closing_closes_that_ticket(sim: Simulator) -> None:
    _three_in_hand(sim)
    done = _texts(say(sim, "3号楼党小组", "刘志强", "已经修好了 2号"))
    assert any("工单 #2 已办结" in t for t in done), done
    done = _texts(say(sim, "3号楼党小组", "刘志强", "处理完毕，3号单子"))
    assert any("工单 #3 已办结" in t for t in done), done
    done = _texts(say(sim, "3号楼党小组", "刘志强", "搞定了 是1号那个"))
    assert any("工单 #1 已办结" in t for t in done), done
    assert _states(sim) == ["resolved", "resolved", "resolved"]


def test_a_room_or_a_date_written_last_is_no_ticket_number(sim: Simulator) -> None:
    _three_in_hand(sim)
    asked = _texts(say(sim, "3号楼党小组", "刘志强", "修好了 3号楼502"))
    assert asked and "哪一张" in asked[0], asked
    asked = _texts(say(sim, "3号楼党小组", "刘志强", "已经修好了 12月2号"))
    assert asked and "哪一张" in asked[0], asked
    assert _states(sim) == ["open", "open", "open"]


_HAIRCUT = """
        社区党委工作群 | 王书记 | 通知 12月5日9:00 义务理发 地点:4号楼门口 对象:4号楼居民群 名额:2
        -> 社区党委工作群: @王书记 已发布活动 #E30：义务理发 / 时间：12月5日（周六）09:00，约90分钟 / 地点：4号楼门口 / 对象：4号楼居民群 / 名额：2人 / 提醒：前一天18:00、开始前1小时 / 取消请回复“取消 #E30”，改期请回复“改期 #E30 月日 时:分”。
        -> 4号楼居民群: 【活动通知】义务理发 #E30 / 时间：12月5日（周六）09:00 / 地点：4号楼门口 / 名额：共2人，还剩2个 / 报名请回复“报名 #E30”，已报名但去不了请回复“取消报名 #E30”。
"""


def test_a_sign_up_cancelled_in_everyday_words_is_cancelled_and_the_waiting_list_moves_up(
    sim: Simulator,
) -> None:
    _after_the_notice(
        sim,
        """
        4号楼居民群 | 柏阿姨 | 报名 #E30
        -> 4号楼居民群: @柏阿姨 已为您报名：义务理发 #E30，12月5日（周六）09:00。共2人，还剩1个。
        4号楼居民群 | 齐师傅 | 算我一个
        -> 4号楼居民群: @齐师傅 已为您报名：义务理发 #E30，12月5日（周六）09:00。您报上了最后一个名额（共2人）。
        4号楼居民群 | 乔奶奶 | 我也报名
        -> 4号楼居民群: @乔奶奶 #E30 名额已满，已为您登记候补（第1位），有人取消时会通知您。
        4号楼居民群 | 尤女士 | 报名+1
        -> 4号楼居民群: @尤女士 #E30 名额已满，已为您登记候补（第2位），有人取消时会通知您。
        4号楼居民群 | 柏阿姨 | 我去不了了 取消报名
        -> 4号楼居民群: @柏阿姨 已取消您的报名：义务理发 #E30。
        -> 4号楼居民群: @乔奶奶 有人取消了报名，您已从候补转为正式报名：义务理发 #E30，12月5日（周六）09:00，4号楼门口。
        4号楼居民群 | 齐师傅 | 临时有事来不了了
        -> 4号楼居民群: @齐师傅 已取消您的报名：义务理发 #E30。
        -> 4号楼居民群: @尤女士 有人取消了报名，您已从候补转为正式报名：义务理发 #E30，12月5日（周六）09:00，4号楼门口。
        4号楼居民群 | 乔奶奶 | 不好意思 我那天去不了 帮我取消一下
        -> 4号楼居民群: @乔奶奶 已取消您的报名：义务理发 #E30。
        4号楼居民群 | 尤女士 | 把我名字划掉吧
        -> 4号楼居民群: @尤女士 已取消您的报名：义务理发 #E30。
        """,
    )
    assert _tickets(sim) == 0


def test_cancelling_words_without_a_sign_up_are_answered_gently_and_problems_stay_problems(
    sim: Simulator,
) -> None:
    _after_the_notice(
        sim,
        """
        4号楼居民群 | 柏阿姨 | 把我名字划掉吧
        -> 4号楼居民群: @柏阿姨 您目前没有报名近期的活动，不用取消。如需报名，请回复“活动”查看近期活动。
        4号楼居民群 | 齐师傅 | 4号楼2单元电梯去不了顶楼 按了没反应
        -> 4号楼居民群: @齐师傅 已收到您反映的问题（工单 #1：电梯去不了顶楼 按了没反应，4号楼2单元），已转4号楼党小组处理。
        -> 4号楼党小组: 【新工单 #1】维修维护·电梯 / 地点：4号楼2单元 / 居民原话：4号楼2单元电梯去不了顶楼 按了没反应 / 反映人：齐师傅（4号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        """,
    )
    assert _tickets(sim) == 1


def test_asking_to_cancel_a_ticket_keeps_the_sign_up(sim: Simulator) -> None:
    """A guard of the rule above: words of a ticket ("报修单子") are no cancelled sign-up."""
    say(
        sim, "社区党委工作群", "王书记", "通知 12月5日9:00 义务理发 地点:4号楼门口 对象:4号楼居民群"
    )
    say(sim, "4号楼居民群", "柏阿姨", "报名 #E30")
    said = _texts(say(sim, "4号楼居民群", "柏阿姨", "我那个报修单子帮我取消一下"))
    assert not any("报名" in t for t in said), said
    listed = _texts(say(sim, "4号楼居民群", "柏阿姨", "#E30"))
    assert any("已报名（1）：柏阿姨" in t for t in listed), listed


def test_someone_on_a_chain_list_who_signs_up_herself_is_one_sign_up(sim: Simulator) -> None:
    _after_the_notice(
        sim,
        """
        4号楼居民群 | 魏先生 | 接龙 义务理发\\n1.魏先生\\n2.柏阿姨 4-1-302
        -> 4号楼居民群: @魏先生 接龙已登记 义务理发 #E30，新报名2人：魏先生、柏阿姨 4-1-302。名额已报满（共2人）。
        4号楼居民群 | 柏阿姨 | 活动
        -> 4号楼居民群: @柏阿姨 近期活动： / #E30 12月5日（周六）09:00 义务理发（已报名） / 回复活动编号（如“#E30”）查看详情。
        4号楼居民群 | 柏阿姨 | 我也报名
        -> 4号楼居民群: @柏阿姨 您已报名 义务理发 #E30，无需重复报名。
        4号楼居民群 | 柏阿姨 | +1
        -> 4号楼居民群: @柏阿姨 您已报名 义务理发 #E30，无需重复报名。
        4号楼居民群 | 齐师傅 | 报名 #E30
        -> 4号楼居民群: @齐师傅 #E30 名额已满，已为您登记候补（第1位），有人取消时会通知您。
        # her sign-up is hers: she cancels it herself, and the waiting list moves up
        4号楼居民群 | 柏阿姨 | 把我名字划掉吧
        -> 4号楼居民群: @柏阿姨 已取消您的报名：义务理发 #E30。
        -> 4号楼居民群: @齐师傅 有人取消了报名，您已从候补转为正式报名：义务理发 #E30，12月5日（周六）09:00，4号楼门口。
        """,
    )


def test_a_chain_pasted_back_with_her_own_line_added_is_her_one_sign_up(sim: Simulator) -> None:
    _after_the_notice(
        sim,
        """
        4号楼居民群 | 柏阿姨 | 我也报名
        -> 4号楼居民群: @柏阿姨 已为您报名：义务理发 #E30，12月5日（周六）09:00。共2人，还剩1个。
        # she writes herself as the group knows her (小尤), not as her chat name (尤女士)
        4号楼居民群 | 尤女士 | 接龙 义务理发\\n1.柏阿姨 4-1-302\\n2.小尤
        -> 4号楼居民群: @尤女士 接龙已登记 义务理发 #E30，新报名1人：小尤，之前已报名：柏阿姨 4-1-302。名额已报满（共2人）。
        4号楼居民群 | 尤女士 | 我也报名
        -> 4号楼居民群: @尤女士 您已报名 义务理发 #E30，无需重复报名。
        4号楼居民群 | 尤女士 | 临时有事来不了了
        -> 4号楼居民群: @尤女士 已取消您的报名：义务理发 #E30。
        """,
    )


def _after_the_notice(sim: Simulator, transcript: str) -> None:
    """The haircut notice with two places in 4号楼居民群, then the transcript."""
    verify_dialog(sim, _HAIRCUT + transcript)


def _tickets(sim: Simulator) -> int:
    with sim.core.factory() as session:
        return len(session.scalars(select(Ticket)).all())


def _rated(sim: Simulator) -> list[str | None]:
    with sim.core.factory() as session:
        return [t.rating for t in session.scalars(select(Ticket).order_by(Ticket.id))]


def test_a_thanks_rates_the_ticket_its_words_name_not_the_emergency_resolved_since(
    sim: Simulator,
) -> None:
    say(sim, "3号楼居民群", "张阿姨", "3号楼楼上天天半夜拖椅子 吵得睡不着")
    say(sim, "3号楼党小组", "刘志强", "#1 已调解 跟楼上说好了 晚上十点以后不再拖椅子")
    asyncio.run(sim.advance_to(sim.clock.now() + timedelta(hours=26)))
    say(sim, "3号楼居民群", "张阿姨", "3号楼2单元楼道里有很浓的煤气味")
    say(sim, "3号楼党小组", "刘志强", "#2 燃气公司来看过了 虚惊一场 是楼下炖肉的味")
    rated = _texts(say(sim, "3号楼居民群", "张阿姨", "今天安静多了 谢谢"))
    assert any("工单 #1" in t for t in rated) and not any("#2" in t for t in rated), rated
    assert _rated(sim) == ["satisfied", None]
    assert _states(sim) == ["closed", "resolved"]


def _lamp_and_drain(sim: Simulator, hours_between: int) -> None:
    say(sim, "3号楼居民群", "李大爷", "3号楼3单元楼道灯坏了 黑乎乎的")
    say(sim, "3号楼居民群", "李大爷", "3号楼3单元门口的下水道堵了 一股臭味")
    say(sim, "3号楼党小组", "刘志强", "#1 换了灯泡 已处理")
    asyncio.run(sim.advance_to(sim.clock.now() + timedelta(hours=hours_between)))
    say(sim, "3号楼党小组", "刘志强", "#2 疏通了 已处理")


def test_a_thanks_naming_no_ticket_with_two_resolved_today_asks_which(sim: Simulator) -> None:
    _lamp_and_drain(sim, hours_between=1)
    asked = _texts(say(sim, "3号楼居民群", "李大爷", "谢谢你们"))
    assert len(asked) == 1 and "#1 楼道灯坏了" in asked[0] and "#2 门口的下水道堵了" in asked[0]
    assert _rated(sim) == [None, None]
    rated = _texts(say(sim, "3号楼居民群", "李大爷", "灯亮了 谢谢"))
    assert any("工单 #1" in t for t in rated), rated
    assert _rated(sim) == ["satisfied", None]


def test_a_thanks_naming_no_ticket_rates_the_only_one_resolved_in_the_last_day(
    sim: Simulator,
) -> None:
    """...and one naming an older ticket still waiting rates that one."""
    _lamp_and_drain(sim, hours_between=30)
    rated = _texts(say(sim, "3号楼居民群", "李大爷", "谢谢你们"))
    assert any("工单 #2" in t for t in rated), rated
    assert _rated(sim) == [None, "satisfied"]
    rated = _texts(say(sim, "3号楼居民群", "李大爷", "楼道里亮堂了 谢谢"))
    assert any("工单 #1" in t for t in rated), rated
    assert _rated(sim) == ["satisfied", "satisfied"]


def test_a_member_who_cannot_come_to_a_meeting_takes_leave(sim: Simulator) -> None:
    """A meeting is not signed up for: "临时有事来不了了" in its group is leave, not a refusal."""
    said = _texts(say(sim, "3号楼党小组", "刘志强", "临时有事来不了了"))
    assert said == ["已为您请假：3号楼党小组会 #E1（临时有事来不了了）。"], said
