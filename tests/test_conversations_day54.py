"""Day 54 (docs/trials/day54/, a first contact on 14e4fe9: an autumn day and night of 106
resident messages and 72 staff lines): trial sentences ("trial") next to wordings of mine
("fresh").

The worst failure: a burst pipe in the stairwell of 1单元 was taken as the same resident's
radiator ticket of 2单元601 getting worse; it was paged with the wrong place, and not to the
building's group or the grid."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day52 import ZONE
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


def at(sim: Simulator, hour: int, minute: int, day: int = 20) -> None:
    sim.clock.set(datetime(2027, 10, day, hour, minute, tzinfo=ZONE))


def test_trial_a_danger_in_another_unit_is_a_page_of_its_own_not_the_radiator_getting_worse(
    sim: Simulator,
) -> None:
    """R81: his radiator in 2单元601 is with the property; the pipe burst in 1单元's stairwell
    is a new page to the building's group, the grid and the duty officer, at its own place."""
    at(sim, 7, 15)
    say(
        sim,
        "5号楼居民群",
        "李大爷",
        "俺家暖气片今天试水 卧室那组接头一直往下淌水 盆都接了半盆了 这咋整啊 2单元601",
    )
    at(sim, 7, 40)
    say(sim, "5号楼党小组", "周海", "#1 收到 我先过去看看 让李大爷先把暖气阀门关了")
    at(sim, 15, 28)
    say(sim, "5号楼党小组", "周海", "#1 转物业 垫片型号不对 让物业水暖工带配件上门")
    at(sim, 22, 38)
    burst = "哎呀不好了 1单元三楼楼道里暖气管子爆了 热水哗哗往下流 冒着白气 都流到二楼了"
    told = say(sim, "5号楼居民群", "李大爷", burst)
    paged = {m.room_id for m in told if "#2】" in m.text and "5号楼1单元" in m.text}
    assert {"5号楼党小组", "第二网格党支部群", "社区党委工作群"} <= paged, _texts(told)
    assert not any("情况加重" in m.text for m in told), _texts(told)


@pytest.mark.parametrize(
    ("closing", "closed"),
    [
        pytest.param("老太太已经送医院了 她侄子在医院陪着", True, id="trial-S64"),
        pytest.param("老人送到市一院了 家属到了", True, id="fresh-S34-like"),
    ],
)
def test_trial_and_fresh_a_person_taken_to_hospital_closes_the_one_danger_held(
    sim: Simulator, closing: str, closed: bool
) -> None:
    """S64: holding the cries for help and a stair lamp, "老太太已经送医院了" closes the danger,
    never asks which of the group's four tickets."""
    at(sim, 21, 32)
    say(sim, "1号楼居民群", "老杨", "2单元三楼楼到灯不亮了 黑黢黢的 刚才我家老头子上楼差点踩空")
    at(sim, 21, 40)
    say(sim, "1号楼党小组", "张建国", "#1 收到 明天换")
    at(sim, 3, 10, day=21)
    say(
        sim,
        "1号楼居民群",
        "老杨",
        "1单元301的独居老太太家里一直有人喊救命 敲门没人开 声音越来越小 我们几个邻居在门口",
    )
    at(sim, 3, 15, day=21)
    say(sim, "1号楼党小组", "张建国", "#2 我就住隔壁单元 马上到 已打120和110")
    at(sim, 3, 40, day=21)
    told = _texts(say(sim, "1号楼党小组", "张建国", closing))
    assert any("工单 #2 已办结（张建国）" in t for t in told) == closed, told
    assert not any("哪张工单" in t for t in told), told


def test_trial_a_part_replaced_said_in_own_words_closes_the_one_ticket_held(sim: Simulator) -> None:
    """S43: "窗户插销换新的了" from the one who holds only the latch ticket."""
    at(sim, 9, 0)
    say(sim, "2号楼居民群", "王阿姨", "2号楼五楼楼梯间的窗户插销坏了 关不上 风一吹哐哐响")
    at(sim, 9, 10)
    say(sim, "2号楼党小组", "陈桂兰", "#1 收到 下午去五金店买插销")
    at(sim, 18, 45)
    told = _texts(say(sim, "2号楼党小组", "陈桂兰", "五楼楼梯间的窗户插销换新的了 合页也紧了紧"))
    assert any("工单 #1 已办结（陈桂兰）" in t for t in told), told


def test_trial_news_of_a_pet_is_no_answer_to_whether_everyone_is_safe(sim: Simulator) -> None:
    """R100: the morning after her fight report was closed and asked "安全了吗", "猫咪自己回来
    了" closes nothing and tells the group nothing."""
    at(sim, 19, 30)
    say(sim, "2号楼居民群", "小蒋", "2号楼楼下两个人打起来了 有一个拿着砖头 头都打破了")
    at(sim, 19, 35)
    say(sim, "2号楼党小组", "陈桂兰", "#1 收到 已报警")
    at(sim, 20, 0)
    say(sim, "2号楼党小组", "陈桂兰", "#1 警察把人带走了 受伤的送医院了 已处理")
    at(sim, 6, 10, day=21)
    told = _texts(say(sim, "2号楼居民群", "小蒋", "早上好 猫咪自己回来了 在门口喵喵叫呢😂"))
    assert not any("平安就好" in t or "确认安全" in t for t in told), told


def test_trial_still_asking_about_her_question_joins_it(sim: Simulator) -> None:
    """R34: "医保那个有人知道吗" hours after her question is word on it, not a second ticket."""
    at(sim, 10, 55)
    say(sim, "幸福里业主群", "郑老师", "请问城乡居民医保明年的缴费标准是多少 在哪交")
    at(sim, 13, 28)
    told = _texts(say(sim, "幸福里业主群", "郑老师", "医保那个有人知道吗"))
    assert any("工单 #1" in t for t in told), told
    assert not any("工单 #2" in t for t in told), told


def test_trial_quiet_at_last_is_no_new_ticket(sim: Simulator) -> None:
    """R90: "楼上终于消停了" after his noise report is no night ticket of its own."""
    at(sim, 22, 15)
    say(sim, "4号楼居民群", "程序员小何", "楼上又在剁馅了 咚咚咚的 都十点多了 天天这样 3单元1002")
    at(sim, 0, 45, day=21)
    told = _texts(say(sim, "4号楼居民群", "程序员小何", "楼上终于消停了"))
    assert not any("工单 #2" in t for t in told), told


def test_trial_my_wife_is_coming_too_takes_two_places(sim: Simulator) -> None:
    """R53: "算我一个 我家老婆子也去"."""
    at(sim, 17, 0)
    say(
        sim,
        "社区党委工作群",
        "王书记",
        "通知 10月23日9:00 便民理发义剪 地点:社区服务站 对象:5号楼居民群 名额:8",
    )
    at(sim, 17, 50)
    told = _texts(say(sim, "5号楼居民群", "李大爷", "理发那个算我一个 我家老婆子也去"))
    assert any("共2人" in t for t in told), told
