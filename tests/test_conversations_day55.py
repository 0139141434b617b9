"""Day 55 (docs/trials/day55/, a first contact on 24145ec: a cold winter day and night in 金茂社区,
115 resident messages and 90 staff lines): trial sentences ("trial") next to wordings of mine
("fresh"), and the day-54 leftovers.

The worst failure: a worker saying with the ticket's number that they are on their way ("#5 我现在
过去 先让物业把总阀关了") closed the emergency, and the resident was asked whether everyone was
safe while the water still ran; so were a man bleeding on the ice and a gas leak at 04:25."""

from __future__ import annotations

import asyncio
from datetime import datetime

import pytest

from bot.simulator import Simulator
from service.models import Ticket
from tests.test_conversations_day52 import ZONE
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


def at(sim: Simulator, hour: int, minute: int, day: int = 15) -> None:
    sim.clock.set(datetime(2027, 12, day, hour, minute, tzinfo=ZONE))


def _state(sim: Simulator, number: int) -> str:
    with sim.core.factory() as session:
        return session.get_one(Ticket, number).state


def _count(sim: Simulator) -> int:
    with sim.core.factory() as session:
        return session.query(Ticket).count()


BURST = "地下车库入口那根水管爆了 水哗哗往外喷 已经漫到2号楼电梯口了"


@pytest.mark.parametrize(
    "claim",
    [
        pytest.param("#1 我现在过去 先让物业把总阀关了", id="trial-S001"),
        pytest.param("#1 我就在楼下 马上到 已经打120了", id="trial-S014"),
        pytest.param("#1 我过去 燃气抢修电话已经打了", id="trial-S081"),
        pytest.param("#1 马上过去 已经叫物业关了总闸", id="fresh"),
    ],
)
def test_trial_and_fresh_on_the_way_with_the_number_claims_an_emergency_never_closes_it(
    jm: Simulator, claim: str
) -> None:
    at(jm, 7, 34)
    say(jm, "2号楼居民群", "刘哥", BURST)
    at(jm, 7, 39)
    told = _texts(say(jm, "社区党委工作群", "高值班", claim))
    assert any("工单 #1 已由高值班接单" in t for t in told), told
    assert not any("已办结" in t or "安全了吗" in t for t in told), told
    assert _state(jm, 1) == "claimed"


def test_fresh_on_the_way_when_the_danger_is_over_still_closes(jm: Simulator) -> None:
    at(jm, 7, 34)
    say(jm, "2号楼居民群", "刘哥", BURST)
    at(jm, 8, 10)
    say(jm, "社区党委工作群", "高值班", "#1 我过去 人已经送医院了 阀门也关好了")
    assert _state(jm, 1) == "resolved"


def test_trial_a_second_report_of_the_burst_pipe_joins_it_not_a_second_page(
    jm: Simulator,
) -> None:
    """R008: "2号楼地库那边是不是爆水管了？…水都没过脚脖子了" ten minutes after the garage pipe."""
    at(jm, 7, 34)
    say(jm, "2号楼居民群", "刘哥", BURST)
    at(jm, 7, 44)
    told = _texts(
        say(jm, "金茂业主群", "钱女士", "2号楼地库那边是不是爆水管了？刚下去开车 水都没过脚脖子了")
    )
    assert any("已有居民反映过（工单 #1" in t for t in told), told
    assert _count(jm) == 1


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param("我家暖气也是温乎乎的 跟没开一样 3单元502", "供暖", id="trial-R011"),
        pytest.param(
            "那个我跟你说啊就是我们家那个下水道啊从昨天开始就不下水了厕所也是堵的 4号楼2单元302"
            " 你们找个人来通一下吧谢谢啊",
            "给排水",
            id="trial-R048",
        ),
        pytest.param("主路上的雪谁来扫扫啊 刚才推车差点滑倒", "环境卫生", id="trial-R061"),
        pytest.param(
            "2号楼1单元门口上面挂着好长的冰溜子 一米多长 掉下来砸着人咋办", "房屋", id="trial-R091"
        ),
        pytest.param("屋里暖气温吞吞的 跟没开似的 5单元301", "供暖", id="fresh-lukewarm"),
        pytest.param("电梯三天两头停 上下楼太不方便了", "电梯", id="street6-leftover"),
    ],
)
def test_trial_and_fresh_requests_missed_before_open_a_ticket_of_their_kind(
    jm: Simulator, text: str, kind: str
) -> None:
    at(jm, 8, 10)
    group = "4号楼居民群" if "4号楼" in text else "3号楼居民群"
    told = _texts(say(jm, group, "居民", text))
    assert any("已收到您反映的问题（工单 #1" in t for t in told), told
    with jm.core.factory() as session:
        assert session.get_one(Ticket, 1).subcategory == kind


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("大家注意 群里发的停水停电三天是假的 别信别转", id="trial-R042"),
        pytest.param("停电一周那个消息是谣言 大家别信", id="fresh"),
    ],
)
def test_trial_and_fresh_calling_a_forwarded_notice_false_is_no_ticket(
    jm: Simulator, text: str
) -> None:
    at(jm, 12, 39)
    assert say(jm, "金茂业主群", "老刘", text) == []
    assert _count(jm) == 0


def test_trial_someone_trapped_earlier_is_no_emergency_now_but_the_lift_is_a_ticket(
    jm: Simulator,
) -> None:
    """R056: "我妈上午被困过" is the morning's; nobody is trapped now."""
    at(jm, 14, 44)
    told = _texts(
        say(jm, "4号楼居民群", "小吴", "电梯还是不行 我妈上午被困过 现在都不敢坐了 啥时候能修好")
    )
    assert not any("紧急" in t or "不要扒门" in t for t in told), told
    with jm.core.factory() as session:
        ticket = session.get_one(Ticket, 1)
        assert (ticket.emergency, ticket.subcategory) == (False, "电梯")


def test_trial_a_sighting_naming_the_family_elder_is_a_lead_and_the_family_hears_it(
    jm: Simulator,
) -> None:
    """R069: 小林 reported her father; "3号楼林大爷是不是穿蓝羽绒服 我刚在东门超市门口看见…" from
    building 1's chat is a lead for the searchers and for her, never a new emergency."""
    at(jm, 16, 14)
    say(
        jm,
        "3号楼居民群",
        "小林",
        "我爸有点老年痴呆 中午出去买菜到现在还没回来 手机也没带 穿蓝色羽绒服戴个灰帽子 3号楼的"
        " 大家帮忙留意下",
    )
    at(jm, 16, 24)
    told = say(
        jm,
        "1号楼居民群",
        "王阿姨",
        "3号楼林大爷是不是穿蓝羽绒服 我刚在东门超市门口看见一个老爷子在那转悠",
    )
    texts = _texts(told)
    assert any("线索" in t for t in texts) and _count(jm) == 1, texts
    assert any(t.startswith("有邻居提供了线索") and "东门超市" in t for t in texts), texts


def test_trial_a_fire_told_again_in_other_words_joins_the_fire(jm: Simulator) -> None:
    """R101: "是501家 …小太阳烤被子烤着了 人已经跑出来了" during the fire of 3号楼."""
    at(jm, 23, 5)
    say(jm, "3号楼居民群", "小郑", "3号楼五楼有一家窗户往外冒黑烟 好像着火了")
    at(jm, 23, 20)
    told = _texts(
        say(jm, "3号楼居民群", "王叔", "是501家 暖气不热用小太阳烤被子烤着了 人已经跑出来了")
    )
    assert _count(jm) == 1 and not any("夜间已登记" in t for t in told), told


@pytest.mark.parametrize(
    ("claim", "ticket"),
    [
        pytest.param("暖气的我来 先去602看看", 1, id="trial-S004"),
        pytest.param("502那家暖气我来 先过去看看", 2, id="fresh"),
    ],
)
def test_trial_and_fresh_a_claim_naming_its_flat_claims_that_ticket(
    jm: Simulator, claim: str, ticket: int
) -> None:
    at(jm, 7, 6)
    say(jm, "3号楼居民群", "李大爷", "暖气片冰凉冰凉的 一晚上冻得没睡着 3单元602")
    at(jm, 8, 10)
    say(jm, "3号楼居民群", "周阿姨", "我家暖气也是温乎乎的 跟没开一样 3单元502")
    at(jm, 8, 15)
    told = _texts(say(jm, "3号楼党小组", "韩涛", claim))
    assert any(f"工单 #{ticket} 已由韩涛接单" in t for t in told), told


def test_trial_a_claim_told_with_what_one_brings_claims_the_ticket_it_names(jm: Simulator) -> None:
    """S007: "张姐家水管冻了 我带上热风枪过去" is no closing of the frozen pipe."""
    at(jm, 7, 17)
    say(jm, "1号楼居民群", "张姐", "厨房水管冻住了 拧开一滴水都没有 1单元301 这可咋做饭")
    at(jm, 8, 53)
    told = _texts(say(jm, "1号楼党小组", "何军", "张姐家水管冻了 我带上热风枪过去"))
    assert any("工单 #1 已由何军接单" in t for t in told), told


def test_trial_the_one_who_holds_two_dangers_closes_the_one_its_words_end(jm: Simulator) -> None:
    """S084: holding the garage pipe and the man lying in the snow, "是喝多了的 叫醒了 家属扶回家了"
    closes the man (喝多 is how such a danger ends), never silence."""
    at(jm, 7, 34)
    say(jm, "2号楼居民群", "刘哥", BURST)
    say(jm, "社区党委工作群", "高值班", "#1 我现在过去")
    at(jm, 5, 15, day=16)
    say(jm, "4号楼居民群", "小吴", "4号楼门口雪地里躺着个人 一动不动 穿得很少 叫他也不应")
    at(jm, 5, 20, day=16)
    say(jm, "社区党委工作群", "高值班", "#2 我过去看看")
    at(jm, 5, 35, day=16)
    told = _texts(say(jm, "社区党委工作群", "高值班", "是喝多了的 叫醒了 家属扶回家了"))
    assert any("工单 #2 已办结（高值班）" in t for t in told), told
    assert _state(jm, 1) == "claimed"


def test_trial_arriving_at_the_fire_named_by_its_kind_is_a_note_on_it(jm: Simulator) -> None:
    """S076: "3号楼着火那个我也到了" with a quarrel and a fire of 3号楼 open: the fire."""
    at(jm, 15, 54)
    say(jm, "3号楼居民群", "老周", "3号楼楼道堆的纸箱子谁的 赶紧搬走 堵得过不去人")
    at(jm, 23, 5)
    say(jm, "3号楼居民群", "小郑", "3号楼五楼有一家窗户往外冒黑烟 好像着火了")
    at(jm, 23, 30)
    told = _texts(say(jm, "3号楼党小组", "韩涛", "3号楼着火那个我也到了 在帮忙疏散楼上的老人"))
    assert any("工单 #2" in t for t in told) and not any("哪张工单" in t for t in told), told


NOTICE = "通知 12月18日9:30 冬至包饺子 地点:社区活动室 对象:金茂业主群 名额:20"
SNOW = "通知 12月15日16:00 扫雪志愿服务 地点:小区主路 对象:金茂业主群 名额:10"


def _two_events(jm: Simulator) -> None:
    at(jm, 11, 8)
    say(jm, "社区党委工作群", "孟书记", NOTICE)
    say(jm, "金茂业主群", "王阿姨", "算我一个")
    at(jm, 14, 59)
    say(jm, "社区党委工作群", "孟书记", SNOW)


def test_trial_sign_ups_naming_the_event_first_and_the_next_me_too(jm: Simulator) -> None:
    """R058 "扫雪的我去 我有铁锹" signs up for the snow sweeping, never a ticket; R059 "我也去
    带上我儿子" after it, two places."""
    _two_events(jm)
    at(jm, 15, 4)
    first = _texts(say(jm, "金茂业主群", "小孙", "扫雪的我去 我有铁锹"))
    assert any("已为您报名：扫雪志愿服务 #E" in t for t in first), first
    at(jm, 15, 9)
    second = _texts(say(jm, "金茂业主群", "老刘", "我也去 带上我儿子"))
    assert any("已为您报名（共2人）：扫雪志愿服务 #E" in t for t in second), second
    assert _count(jm) == 0


def test_trial_not_going_to_one_event_never_cancels_the_other(jm: Simulator) -> None:
    """R060: "扫雪我就不去了 腰不好 包饺子那天我一定到" from someone signed up for the dumplings."""
    _two_events(jm)
    at(jm, 15, 14)
    told = _texts(say(jm, "金茂业主群", "王阿姨", "扫雪我就不去了 腰不好 包饺子那天我一定到"))
    assert not any("已取消" in t for t in told), told
    assert any("没有报名扫雪志愿服务" in t for t in told), told


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        pytest.param("我给我妈报个名 她叫刘桂兰 4号楼的 她不会用微信", "刘桂兰", id="trial-R084"),
        pytest.param("帮我爸报个名 他不会用手机", "周女士的爸", id="fresh"),
    ],
)
def test_trial_and_fresh_signing_up_one_of_the_family_lists_them_not_the_sender(
    jm: Simulator, text: str, listed: str
) -> None:
    at(jm, 11, 8)
    say(jm, "社区党委工作群", "孟书记", NOTICE)
    at(jm, 18, 59)
    told = _texts(say(jm, "金茂业主群", "周女士", text))
    assert any(f"新报名1人：{listed}" in t for t in told), told
    assert not any("接龙" in t for t in told), told


def _posted(jm: Simulator, hour: int, minute: int) -> list[str]:
    target = datetime(2027, 12, 15, hour, minute, tzinfo=ZONE)
    return _texts(asyncio.run(jm.advance_to(target)))


@pytest.mark.parametrize(
    ("announced", "reminded"),
    [
        pytest.param((14, 59), False, id="trial-an-hour-and-a-minute-before"),
        pytest.param((14, 40), False, id="fresh-twenty-minutes-before-the-reminder"),
        pytest.param((14, 0), True, id="fresh-two-hours-before"),
    ],
)
def test_an_event_announced_just_before_its_reminder_is_not_reminded_in_the_same_breath(
    jm: Simulator, announced: tuple[int, int], reminded: bool
) -> None:
    """Day 55: the snow sweeping announced at 14:59 for 16:00 had its 【活动提醒】 at 15:00, a
    near copy of the 【活动通知】 a minute before. Announced two hours before, it is reminded."""
    at(jm, *announced)
    told = _texts(say(jm, "社区党委工作群", "孟书记", SNOW))
    assert any("【活动通知】" in t for t in told), told
    later = _posted(jm, 15, 30)
    assert any("【活动提醒】" in t for t in later) is reminded, later
