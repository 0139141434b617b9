"""Day 31 (docs/trials/day31/report.md, first contact on 50cf1cd): trial sentences ("trial")
next to wordings of mine ("fresh").

1. sign-ups in everyday words: for a child of the family ("算她一个", "我家两个小子也报名"), two
   going with the event pointed at and a reason after ("义诊那个我和老伴都去 他血压高 想量量"),
   "+1 我也去" (R16–R19); "暑假有没有给小学生的活动" is answered with the events, never a ticket
   (R55); a sign-up told as past signs nobody up;
2. staff arrived on site claim, never close ("#1 我已经到配电房了 供电局抢修车也到了", S73);
3. a neighbour's sighting read as a possible danger is a lead for the search (R72); a pet found
   in the garage is no follower of the garage's fire (R78); a gas all-clear from someone who
   reported another danger is the gas leak's (R70); an all-clear ten minutes after a night page
   goes at once (R90)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _tickets
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

CLINIC = "通知 12月16日09:00 夏日义诊 地点:社区卫生服务站门口 对象:幸福里业主群 名额:30 时长:3小时"
READING = "通知 12月17日15:00 暑期少儿读书会 地点:社区图书室 对象:3号楼居民群 名额:12"


@pytest.mark.parametrize(
    ("chat", "text", "told"),
    [
        pytest.param(
            "3号楼居民群", "读书会我家朵朵想去 她八岁 算她一个", "暑期少儿读书会", id="trial-R16"
        ),
        pytest.param(
            "3号楼居民群",
            "我家两个小子也报名 暑假在家天天打游戏 正好去读读书",
            "暑期少儿读书会",
            id="trial-R17",
        ),
        pytest.param(
            "幸福里业主群", "义诊那个我和老伴都去 他血压高 想量量", "夏日义诊", id="trial-R18"
        ),
        pytest.param("幸福里业主群", "+1 我也去", "夏日义诊", id="trial-R19"),
        pytest.param(
            "3号楼居民群", "读书会给他报个名 我孙子十岁", "暑期少儿读书会", id="fresh-grandson"
        ),
        pytest.param(
            "幸福里业主群", "义诊的我和我爱人都去 顺便问问降压药", "夏日义诊", id="fresh-clinic"
        ),
    ],
)
def test_trial_and_fresh_sign_ups_in_everyday_words(
    sim: Simulator, chat: str, text: str, told: str
) -> None:
    _at(sim, 7, 0)
    say(sim, "社区党委工作群", "王书记", CLINIC)
    say(sim, "社区党委工作群", "王书记", READING)
    _at(sim, 7, 10)
    texts = _texts(say(sim, chat, "居民", text))
    assert any("已为您报名" in t and told in t for t in texts), texts
    assert not _tickets(sim)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("暑假有没有给小学生的活动 孩子天天在家闹腾", id="trial-R55"),
        pytest.param("最近社区有啥活动 老人在家闷得慌", id="fresh"),
    ],
)
def test_trial_and_fresh_asking_for_activities_is_answered_never_a_ticket(
    sim: Simulator, text: str
) -> None:
    _at(sim, 7, 0)
    say(sim, "社区党委工作群", "王书记", CLINIC)
    _at(sim, 16, 40)
    say(sim, "幸福里业主群", "赵老师", text)
    assert not _tickets(sim)


def test_fresh_a_sign_up_told_as_past_signs_nobody_up(sim: Simulator) -> None:
    _at(sim, 7, 0)
    say(sim, "社区党委工作群", "王书记", CLINIC)
    _at(sim, 9, 0)
    texts = _texts(say(sim, "幸福里业主群", "张阿姨", "上次那个我和老伴都去 人太多了"))
    assert not any("已为您报名" in t for t in texts), texts


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("#1 我已经到配电房了 供电局抢修车也到了", id="trial-S73"),
        pytest.param("#1 我到了 电工也到了 正在查", id="fresh"),
    ],
)
def test_trial_and_fresh_staff_arrived_on_site_claim_never_close(sim: Simulator, text: str) -> None:
    _at(sim, 22, 0)
    say(sim, "5号楼居民群", "小梅", "5号楼又停电了 热得睡不着 老人家里空调都停了")
    _at(sim, 23, 40)
    texts = _texts(say(sim, "5号楼党小组", "周海", text))
    assert not any("已办结" in t for t in texts), texts


MISSING = "夜市那个跳跳床旁边 我家小儿子不见了 六岁 穿蓝色奥特曼T恤 刚才还在那"
GAS = "门口夜市卖臭豆腐那个摊子 煤气罐接头在嘶嘶漏气 一大股臭鸡蛋味"


@pytest.mark.parametrize(
    "seen",
    [
        pytest.param(
            "刚在东门奶茶店门口看到一个穿奥特曼衣服的小男孩在哭 是不是谁家的", id="trial-R72"
        ),
        pytest.param("超市门口看见个穿奥特曼T恤的小孩 一个人在转悠", id="fresh"),
    ],
)
def test_trial_and_fresh_a_sighting_read_as_a_danger_is_a_lead_for_the_search(
    sim: Simulator, seen: str
) -> None:
    _at(sim, 18, 50)
    say(sim, "幸福里业主群", "摊主邻居", GAS)
    _at(sim, 19, 20)
    say(sim, "3号楼居民群", "小宇爸爸", MISSING)
    _at(sim, 19, 30)
    texts = _texts(say(sim, "幸福里业主群", "王姐", seen))
    assert any("【工单 #2 线索】" in t for t in texts), texts
    assert not any("工单 #1" in t for t in texts), texts


def test_trial_a_pet_found_in_the_garage_is_no_follower_of_the_garage_fire(sim: Simulator) -> None:
    _at(sim, 15, 0)
    say(sim, "6号楼居民群", "老孙", "6号楼车库有辆电动车电瓶在冒黑烟 一股烧塑料的味道")
    _at(sim, 20, 30)
    texts = _texts(say(sim, "幸福里业主群", "宝妈", "毛毛找到了！在6号楼车库里躲着 谢谢好心人❤️"))
    assert not any("已有居民反映过" in t for t in texts), texts


@pytest.mark.parametrize(
    "over",
    [
        pytest.param("老板把阀门关了 罐子搬走了 味道散了", id="trial-R70"),
        pytest.param("煤气罐的阀门拧上了 现在闻不到了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_gas_all_clear_from_the_reporter_of_another_danger_is_the_gas_leaks(
    sim: Simulator, over: str
) -> None:
    _at(sim, 18, 30)
    say(sim, "幸福里业主群", "路人甲", "6号楼那边围了一圈人 好像有人晕倒了")
    _at(sim, 18, 50)
    say(sim, "幸福里业主群", "摊主邻居", GAS)
    _at(sim, 19, 10)
    texts = _texts(say(sim, "幸福里业主群", "路人甲", over))
    assert any("工单 #2" in t for t in texts), texts
    assert not any("工单 #1" in t for t in texts), texts


def test_trial_an_all_clear_just_after_a_night_page_goes_at_once(sim: Simulator) -> None:
    _at(sim, 20, 0)
    say(
        sim,
        "5号楼居民群",
        "小梅",
        "对门王大爷一个人住 腿脚不好 这两天热 能不能请人去看看他 5号楼2单元302",
    )
    _at(sim, 23, 59)
    sim.clock.advance(timedelta(minutes=31))  # 00:30
    say(
        sim,
        "5号楼居民群",
        "小梅",
        "302王大爷屋里咚的一声 叫他也不应 门敲不开 5号楼2单元302",
    )
    sim.clock.advance(timedelta(minutes=10))
    texts = _texts(say(sim, "5号楼居民群", "小梅", "他开门了 是起夜碰倒了凳子 人没事 吓我一跳"))
    assert not any("07:00后" in t for t in texts), texts
    assert any("工单 #1" in t for t in texts), texts


@pytest.mark.parametrize(
    "over",
    [
        pytest.param("我刚好路过 把娃拉上来了 呛了几口水 哭得挺响 家长来了", id="trial-R75"),
        pytest.param("水池里那孩子已经捞上来了 没啥事", id="fresh"),
    ],
)
def test_trial_and_fresh_the_pond_all_clear_in_the_owners_chat_ends_the_page_of_building_5(
    sim: Simulator, over: str
) -> None:
    _at(sim, 18, 50)
    say(sim, "幸福里业主群", "摊主邻居", GAS)
    _at(sim, 19, 50)
    say(
        sim,
        "5号楼居民群",
        "陈阿姨",
        "花园水池里一个小男孩滑进去了 水到他脖子 在扑腾 旁边小孩都在喊",
    )
    _at(sim, 20, 0)
    texts = _texts(say(sim, "幸福里业主群", "晨练大爷", over))
    assert any("【工单 #2 居民称险情已解除】" in t for t in texts), texts
    assert len(_tickets(sim)) == 2
