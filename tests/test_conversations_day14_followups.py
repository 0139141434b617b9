"""Issue 11, day 14: follow-ups of an open emergency and of a resident's own tickets. Each
test with "trial" in its name uses the trial's own sentences (docs of /work/trials/day14); each
with "fresh" uses new wordings that the change was not tuned on.

An update of an open emergency by its reporter joins it: worse news (someone found collapsed,
water spreading) pages the same ticket again as 情况加重, news that it is better or over pages
nobody and asks its group to check and resolve it, and a missing person's description reaches
the searchers. 不满意 with the words of a resolved ticket reopens it; "还有 …" about another
place is another problem; a follow-up naming a thing joins the ticket about that thing."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.simulator import Simulator
from tests.test_conversations_trial7 import _states
from tests.test_conversations_trial12 import _later, _to
from tests.test_ticket_time_limits import say


def _pages(messages: list) -> list[str]:  # type: ignore[type-arg]
    """Pages to the duty group, 【可能紧急】 too."""
    return [m.text for m in messages if m.room_id == "社区党委工作群" and "紧急" in m.text]


# -- 1. an update of an open emergency joins it ------------------------------------------------

# (group, reporter, first report, minutes later, the update): better or over, no page.
BETTER = {
    "trial sparks stopped": (
        "3号楼居民群",
        "刘师傅",
        "3号楼1单元配电箱噼里啪啦冒火花 还有焦味",
        270,
        "配电箱现在不冒火花了 但是整个1单元都停电了",
    ),
    "trial gas fainter": (
        "4号楼居民群",
        "赵先生",
        "地下车库4号楼那个入口一股好大的煤气味 呛得人头疼",
        14 * 60,
        "车库那个煤气味现在淡了 燃气公司来人查了 说是管子接口松了",
    ),
    "fresh gas gone": (
        "3号楼居民群",
        "鲁阿姨",
        "3号楼2单元楼道里一股煤气味 好呛",
        40,
        "楼道里的燃气味已经散了 燃气公司的师傅来看过了",
    ),
    "fresh sparks stopped": (
        "2号楼居民群",
        "邢师傅",
        "2号楼1单元电表箱一直在冒火花 滋滋响",
        240,
        "电表箱不冒火花了 供电局的人来过了",
    ),
}


@pytest.mark.parametrize("case", BETTER)
def test_news_that_an_emergency_is_better_joins_it_pages_nobody_and_gives_no_advice(
    sim: Simulator, case: str
) -> None:
    group, who, first, minutes, update = BETTER[case]
    assert _pages(say(sim, group, who, first))
    _later(sim, minutes)
    told = say(sim, group, who, update)
    assert not _pages(told), told
    assert len(_states(sim)) == 1, told
    reply = _to(told, group)
    assert len(reply) == 1 and "#1" in reply[0], told
    assert "119" not in reply[0] and "撤离" not in reply[0] and "不要点火" not in reply[0], reply


# (group, reporter, first report, minutes later, the update): worse, the same ticket re-paged.
WORSE = {
    "trial found collapsed": (
        "4号楼居民群",
        "吴大姐",
        "4号楼3单元隔壁独居的老太太敲门一直不应 门缝里有股煤气味",
        250,
        "门撬开了 老太太晕在厨房 已经打了120 窗户都开了",
    ),
    "trial water spreading": (
        "5号楼居民群",
        "小陈妈妈",
        "5号楼2单元楼上水管爆了 水从天花板哗哗往下流 家里都淹了 我们是302",
        50,
        "水已经流到楼道里了 往电梯井里灌 楼上家里没人",
    ),
    "fresh found unconscious": (
        "5号楼居民群",
        "鲍先生",
        "5号楼2单元楼下王奶奶家敲门没人开 电话也不接",
        240,
        "消防把门打开了 王奶奶昏迷在卧室地上",
    ),
}


@pytest.mark.parametrize("case", WORSE)
def test_news_that_an_emergency_is_worse_pages_the_same_ticket_again(
    sim: Simulator, case: str
) -> None:
    worse_pages_the_same_ticket(sim, *WORSE[case])


def worse_pages_the_same_ticket(
    sim: Simulator, group: str, who: str, first: str, minutes: int, update: str
) -> None:
    """The emergency is paged; the update, `minutes` later, re-pages #1 as 情况加重 only."""
    assert _pages(say(sim, group, who, first))
    _later(sim, minutes)
    told = say(sim, group, who, update)
    assert len(_states(sim)) == 1, told
    pages = _pages(told)
    assert pages and all("#1 情况加重" in p for p in pages), told


def test_trial_smoke_still_there_joins_the_latest_fire_of_its_reporter(sim: Simulator) -> None:
    say(sim, "6号楼居民群", "小吴", "6号楼1单元楼道里有电动车在充电 冒黑烟了 一股塑料烧焦的味道")
    _later(sim, 9 * 60)
    say(sim, "6号楼居民群", "小吴", "6号楼3单元有人在楼道里烧纸 烟很大 楼道都看不清了")
    _later(sim, 60)
    told = say(sim, "6号楼居民群", "小吴", "楼道烟还没散 有老人在咳嗽")
    assert len(_states(sim)) == 2 and not _pages(told), told
    assert any("#2" in t for t in _to(told, "6号楼党小组")), told


# -- 2. "over" news reaches the group --------------------------------------------------------

OVER = {
    "trial child found": (
        "1号楼居民群",
        "李姐",
        "我家孩子不见了 五岁男孩穿红羽绒服 刚才还在1号楼楼下滑滑梯 一转眼人就没了",
        40,
        "孩子找到了 在小超市门口 虚惊一场 谢谢大家",
    ),
    "trial grandpa brought back": (
        "5号楼居民群",
        "王老师",
        "我们家老爷子下午出去买菜到现在还没回来 有老年痴呆 手机也没带 5号楼1单元的",
        340,
        "老爷子找到了 派出所送回来的 谢谢大家帮忙找",
    ),
    "trial police took them": (
        "2号楼居民群",
        "小赵",
        "2号楼楼下两个人打起来了 拿着棍子 有一个头都流血了",
        220,
        "警察来了 把人带走了 受伤那个去医院了",
    ),
    "trial ambulance left": (
        "4号楼居民群",
        "老钱",
        "老伴突然说不出话了 嘴也歪了 手抬不起来 4号楼1单元301",
        240,
        "救护车走了 我跟着去医院了 谢谢邻居",
    ),
    "fresh daughter found": (
        "3号楼居民群",
        "葛女士",
        "我家闺女放学没回家 八岁 穿蓝色校服 3号楼的",
        60,
        "闺女找着了 在同学家写作业呢 虚惊一场",
    ),
    "fresh fighters taken away": (
        "4号楼居民群",
        "温先生",
        "4号楼楼下有人打架 拿着砖头 打得很凶",
        30,
        "派出所的人来了 打架的都被带走了",
    ),
}


@pytest.mark.parametrize("case", OVER)
def test_news_that_an_emergency_is_over_is_told_to_its_group_to_check(
    sim: Simulator, case: str
) -> None:
    group, who, first, minutes, update = OVER[case]
    first_told = say(sim, group, who, first)
    assert _pages(first_told), first_told
    staff = next(m.room_id for m in first_told if "【紧急 #1】" in m.text)
    _later(sim, minutes)
    told = say(sim, group, who, update)
    assert not _pages(told) and len(_states(sim)) == 1, told
    in_group = _to(told, staff)
    assert len(in_group) == 1 and "#1 居民补充" in in_group[0], told
    assert update[:4] in in_group[0] and "#1 已处理" in in_group[0], in_group
    assert any("#1" in t for t in _to(told, group)), told


# -- 3. a missing person's description reaches the searchers ---------------------------------

DESCRIPTION = {
    "trial grey coat": (
        "5号楼居民群",
        "王老师",
        "我们家老爷子下午出去买菜到现在还没回来 有老年痴呆 手机也没带 5号楼1单元的",
        "天都黑了还没找到 穿灰色棉袄 一米六左右 大家帮忙留意一下",
    ),
    "fresh red hat": (
        "6号楼居民群",
        "苏大姐",
        "我妈出去遛弯到现在还没回来 她有点糊涂 6号楼2单元",
        "还是没找到 她穿黑色羽绒服 戴个红帽子 个子不高",
    ),
}


@pytest.mark.parametrize("case", DESCRIPTION)
def test_a_missing_persons_description_is_passed_to_the_searchers(
    sim: Simulator, case: str
) -> None:
    group, who, first, update = DESCRIPTION[case]
    staff = group.replace("居民群", "党小组")
    assert _pages(say(sim, group, who, first))
    _later(sim, 120)
    told = say(sim, group, who, update)
    assert len(_states(sim)) == 1, told
    assert any(update in t and "#1" in t for t in _to(told, staff)), told
    reply = _to(told, group)
    assert len(reply) == 1 and "#1" in reply[0] and "转告" in reply[0], told


# -- 4. 不满意 with the words of a resolved ticket reopens it ---------------------------------


@pytest.mark.parametrize(
    "verdict",
    ["还是吵 一点没变 不满意", "音响照样震天响 跟没说一样 不满意"],
    ids=["trial", "fresh"],
)
def test_not_satisfied_with_the_problems_words_reopens_the_resolved_ticket(
    sim: Simulator, verdict: str
) -> None:
    say(sim, "6号楼居民群", "老吴", "楼下广场舞天天晚上放到十点 音响开得震天响 孩子没法写作业")
    _later(sim, 60)
    say(sim, "6号楼党小组", "吴敏", "#1 跟广场舞队长谈了 音量调小 九点前结束 已处理")
    _later(sim, 600)
    told = say(sim, "6号楼居民群", "老吴", verdict)
    assert _states(sim) == ["reopened"], told
    assert any("#1" in t and "重新" in t for t in _to(told, "6号楼居民群")), told


# -- 5. "还有 …" brings another problem ------------------------------------------------------

ANOTHER = {
    "trial corridor pipe": (
        "4号楼居民群",
        "孙阿姨",
        "2单元402家里暖气一点都不热 屋里才十三度 冻死了",
        "还有 2单元楼道里的暖气管子在漏水 滴了一地 我差点滑倒",
    ),
    "fresh corridor drain": (
        "1号楼居民群",
        "柯大爷",
        "1单元201我家厨房下水道堵了 水下不去",
        "另外 1单元楼道里那根下水管也在往外渗水 臭烘烘的",
    ),
}


@pytest.mark.parametrize("case", ANOTHER)
def test_another_problem_introduced_by_haiyou_gets_its_own_ticket(
    sim: Simulator, case: str
) -> None:
    group, who, first, other = ANOTHER[case]
    say(sim, group, who, first)
    _later(sim, 60)
    told = say(sim, group, who, other)
    assert _states(sim) == ["open", "open"], told
    assert any("#2" in t for t in _to(told, group)), told


# -- 6. a follow-up naming a thing joins the ticket about that thing ------------------------

LIFT = {
    "trial lift": (
        "5号楼居民群",
        ("李大爷", "电体又坏了 我住十八楼走不下去啊 这让人怎么活"),
        "5号楼电梯从早上就停在一楼不动了 按了没反应 推着婴儿车上不去",
        "5号楼2单元楼上水管爆了 水从天花板哗哗往下流 家里都淹了 我们是302",
        "电梯还是不动 明天早上还要送孩子上学",
    ),
    "fresh lift": (
        "3号楼居民群",
        ("邵奶奶", "3号楼的电体又停了 我下不去楼"),
        "3号楼电梯停了 按了半天没反应",
        "3号楼2单元楼道灯不亮了 电梯口黑乎乎的",
        "电梯到现在还是没反应 孩子上学怎么办",
    ),
}


@pytest.mark.parametrize("case", LIFT)
def test_a_follow_up_naming_the_lift_joins_the_lift_ticket_it_follows(
    sim: Simulator, case: str
) -> None:
    group, (first_who, first), joined, own, update = LIFT[case]
    say(sim, group, first_who, first)
    _later(sim, 10)
    say(sim, group, "妈妈甲", joined)
    _later(sim, 60)
    say(sim, group, "妈妈甲", own)
    _later(sim, 60)
    told = say(sim, group, "妈妈甲", update)
    assert len(_states(sim)) == 2 and not _pages(told), told
    reply = _to(told, group)
    assert len(reply) == 1 and "#1" in reply[0] and "#2" not in reply[0], told


def test_an_emergency_said_over_is_no_longer_chased_until_its_group_resolves_it(
    sim: Simulator,
) -> None:
    """The trial's 李姐: "孩子找到了" and #1 still led the next morning's overdue list."""
    say(sim, "1号楼居民群", "李姐", "我家孩子不见了 五岁男孩穿红羽绒服 刚才还在1号楼楼下滑滑梯")
    _later(sim, 10)
    say(sim, "1号楼居民群", "李姐", "孩子找到了 在小超市门口 虚惊一场 谢谢大家")
    later = asyncio.run(sim.advance_to(sim.clock.now() + timedelta(days=1)))
    assert not [m.text for m in later if "#1" in m.text], [m.text for m in later]
    done = say(sim, "1号楼党小组", "张建国", "#1 已处理 孩子已回家")
    assert _states(sim) == ["resolved"], done


def test_a_late_emergency_nobody_said_over_is_still_chased(sim: Simulator) -> None:
    say(sim, "1号楼居民群", "李姐", "我家孩子不见了 五岁男孩穿红羽绒服 刚才还在1号楼楼下滑滑梯")
    later = asyncio.run(sim.advance_to(sim.clock.now() + timedelta(hours=3)))
    assert any("超时" in m.text and "#1" in m.text for m in later), [m.text for m in later]
