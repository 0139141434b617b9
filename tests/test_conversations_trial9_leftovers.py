"""Issue 11, day 9 leftovers (docs/conversations.md): one rule of the same problem for every
resident path (a join, a reopening on "still broken", the ticket a thanks rates), a sign-up
naming an event wins over a ticket, a late "+1" is asked which event, an open emergency getting
worse pages again, and a bare 不满意 takes the latest fix. New sentences, not the trial's."""

from __future__ import annotations

from datetime import timedelta

from bot.messages import OutboundMessage
from bot.simulator import Simulator
from service.clock import FakeClock
from tests.test_conversations_trial7 import _states
from tests.test_ticket_time_limits import events, say


def _to(messages: list[OutboundMessage], room: str) -> list[str]:
    return [m.text for m in messages if m.room_id == room]


def _texts(messages: list[OutboundMessage]) -> list[str]:
    return [m.text for m in messages]


# -- 1. one rule of the same problem -------------------------------------------------------


def test_a_parking_space_taken_is_not_joined_to_the_same_residents_garage_barrier(
    sim: Simulator, clock: FakeClock
) -> None:
    say(sim, "2号楼居民群", "陶先生", "2号楼地下车库出口的道闸杆卡住了 抬不起来")
    clock.advance(timedelta(minutes=40))
    said = say(sim, "2号楼居民群", "陶先生", "2号楼我的车位又让外面的车给占了 物业也不管")
    told = _to(said, "2号楼居民群")
    assert any("工单 #2" in t for t in told), told  # its own ticket, not 居民补充 of #1
    assert not any("居民补充" in t for t in _texts(said)), said
    assert _states(sim) == ["open", "open"]


def test_another_noise_from_the_same_neighbour_after_a_fix_is_its_own_ticket(
    sim: Simulator, clock: FakeClock
) -> None:
    say(sim, "5号楼居民群", "史阿姨", "5号楼3单元楼上天天用电锤打墙 吵死人了")
    say(sim, "5号楼党小组", "周海", "#1 已处理 已上门沟通 装修改到白天")
    clock.advance(timedelta(hours=2))
    said = say(sim, "5号楼居民群", "史阿姨", "5号楼3单元楼上又在拖桌子 吱吱啦啦的 还是吵得睡不了")
    assert not any("重新" in t for t in _texts(said)), said  # not 不满意 of the hammer drill
    assert _states(sim) == ["resolved", "open"]
    # The same problem told again still reopens it.
    clock.advance(timedelta(minutes=30))
    again = say(sim, "5号楼居民群", "史阿姨", "5号楼3单元楼上的电锤又开始打墙了")
    assert any("工单 #1 已重新交给" in t for t in _texts(again)), again
    assert _states(sim) == ["reopened", "open"]


def test_a_thanks_naming_one_of_several_fixes_rates_that_one(
    sim: Simulator, clock: FakeClock
) -> None:
    say(sim, "3号楼居民群", "韩大姐", "3号楼2单元电梯按钮按了没反应 电梯不动")
    say(sim, "3号楼居民群", "韩大姐", "3号楼2单元楼道灯黑了好几天了")
    say(sim, "3号楼党小组", "王书记", "#1 已处理 电梯维保已修复")
    say(sim, "3号楼党小组", "王书记", "#2 已处理 灯泡换了")
    clock.advance(timedelta(minutes=20))
    said = say(sim, "3号楼居民群", "韩大姐", "电梯能用了 谢谢师傅")
    assert any("工单 #1" in t and "满意" in t for t in _to(said, "3号楼居民群")), said
    assert _states(sim) == ["closed", "resolved"]


# -- 2. a sign-up naming an event ---------------------------------------------------------


def test_a_sign_up_naming_an_event_of_another_group_is_answered_not_filed_as_a_ticket(
    sim: Simulator,
) -> None:
    say(
        sim,
        "社区党委工作群",
        "王书记",
        "通知 12月5日9:00 义务理发 地点:4号楼门口 对象:4号楼居民群 名额:10",
    )
    say(sim, "5号楼居民群", "尤大爷", "5号楼1单元楼道扶手松了 晃得厉害")
    said = say(sim, "5号楼居民群", "尤大爷", "我也报名理发 给我留一个")
    told = _to(said, "5号楼居民群")
    # told where it is signed up for (since the seventeenth session, day 27 R67)
    assert len(told) == 1 and told[0].startswith("义务理发 #E"), said
    assert "是在4号楼居民群报名的" in told[0], said
    assert not any("党小组" in (m.room_id or "") for m in said), said  # no ticket, no note
    assert _states(sim) == ["open"]
    assert events(sim, 1) == ["created"]


# -- 3. a late "+1" ----------------------------------------------------------------------


def test_plus_one_the_day_after_two_event_notices_asks_which(
    sim: Simulator, clock: FakeClock
) -> None:
    say(
        sim,
        "社区党委工作群",
        "王书记",
        "通知 12月9日9:00 免费量血压 地点:社区卫生站 对象:2号楼居民群",
    )
    say(
        sim,
        "社区党委工作群",
        "王书记",
        "通知 12月10日14:00 剪纸课 地点:社区活动室 对象:2号楼居民群",
    )
    clock.advance(timedelta(days=1, hours=2))
    for text in ("+1", "报名+1"):
        said = say(sim, "2号楼居民群", "蒋奶奶", text)
        told = _to(said, "2号楼居民群")
        assert len(told) == 1 and "请问报名哪个活动" in told[0], (text, said)
        assert "#E30" in told[0] and "#E31" in told[0]


# -- 4. an emergency getting worse -------------------------------------------------------


def test_an_open_gas_emergency_said_to_get_worse_pages_the_duty_staff_again(
    sim: Simulator, clock: FakeClock
) -> None:
    say(sim, "6号楼居民群", "柏阿姨", "6号楼1单元三楼楼道一股很冲的煤气味 头都晕")
    clock.advance(timedelta(minutes=15))
    said = say(sim, "6号楼居民群", "郑大哥", "天然气这事 咋还没人来 现在味儿越来越重")
    alerts = _to(said, "社区党委工作群")
    assert len(alerts) == 1 and "紧急 #1 情况加重" in alerts[0], said
    assert "现在味儿越来越重" in alerts[0]
    assert any("再次紧急通知" in t for t in _to(said, "6号楼居民群")), said
    assert _states(sim) == ["open"]  # no second, non-emergency ticket
    assert events(sim, 1)[-1] == "resident_note"
    # The same words sent again a minute later do not page everyone once more.
    clock.advance(timedelta(minutes=1))
    again = say(sim, "6号楼居民群", "郑大哥", "天然气这事 咋还没人来 现在味儿越来越重")
    assert not _to(again, "社区党委工作群"), again


# -- 5. a bare 不满意 with several tickets waiting -------------------------------------------


def test_a_bare_unsatisfied_with_several_waiting_reopens_the_latest_fix_and_says_which(
    sim: Simulator, clock: FakeClock
) -> None:
    say(sim, "4号楼居民群", "钱老师", "4号楼2单元信报箱的门掉下来了")
    say(sim, "4号楼居民群", "钱老师", "4号楼后面草坪上好多狗屎 没人清理")
    say(sim, "4号楼党小组", "孙丽", "#2 已处理 保洁已清理")
    clock.advance(timedelta(minutes=30))
    say(sim, "4号楼党小组", "孙丽", "#1 已处理 信报箱门已装回")
    clock.advance(timedelta(minutes=30))
    said = say(sim, "4号楼居民群", "钱老师", "不满意")
    told = _to(said, "4号楼居民群")
    assert len(told) == 1 and "#1" in told[0] and "信报箱" in told[0], said
    assert "#2" not in told[0]
    assert _states(sim) == ["reopened", "resolved"]
