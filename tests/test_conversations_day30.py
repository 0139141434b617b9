"""Day 30 (docs/trials/day30/report.md, first contact on 866d3e1): trial sentences ("trial")
next to wordings of mine ("fresh").

1. nothing joined to an unrelated emergency: a resident's "两点砸到现在还在砸" is her drilling
   ticket, told again in words she used on it (R71); a fight a neighbour tells in full is its
   own page, never worse news of the man shut in the lift (R78); her own cracked window of 1202
   grown loose is her ticket raised, never the roof tiles (R46);
2. all-clears go where their words point: "电梯里那人出来了 …人没事" is the lift's (R67); tiles
   taken down and fenced off end the falling tiles (R55); the clutter cleared away by those who
   left it is news for its ticket (R21);
3. a neighbour who saw the missing man is a lead for the search (R77);
4. sign-ups: "献血那个我和我老婆两个人去" signs two up, never a page (R37); "东门过不去了" cancels
   no sign-up (R95); tiles falling again are a falling danger, never advice for a jumper (R53);
5. staff in their own words: "水已经来了", "住院观察", "车库的水抽干了" close (S03, S04, S34);
   "我再去一趟" claims (S56); "收到我来" on a ticket marked 非职责 takes it back and claims it
   (S66)."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _tickets
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

DRILLING = "2单元502在装修 早上七点多就开始打电钻 楼里老人孩子全被吵醒了 这还让不让人活了"
NO_ANSWER = "3单元401的王奶奶一个人住 我敲了她家门半天没人应 里面好像有人在哼哼 门从里面反锁了"


@pytest.mark.parametrize(
    ("said", "again"),
    [
        pytest.param(
            "下午两点又开始砸墙了 还是502 整栋楼都在震",
            "两点砸到现在还在砸 我已经打12345了",
            id="trial-R71",
        ),
        pytest.param(
            "下午又在砸墙 震得窗户都响",
            "还在砸 窗户都快震碎了 我报警了",
            id="fresh",
        ),
    ],
)
def test_trial_and_fresh_her_drilling_told_again_never_joins_the_neighbours_emergency(
    sim: Simulator, said: str, again: str
) -> None:
    _at(sim, 8, 10)
    say(sim, "2号楼居民群", "小邱", DRILLING)
    _at(sim, 15, 50)
    say(sim, "2号楼居民群", "小邱", said)
    _at(sim, 17, 10)
    say(sim, "2号楼居民群", "小郑", NO_ANSWER)
    _at(sim, 19, 40)
    texts = _texts(say(sim, "2号楼居民群", "小邱", again))
    assert not any("工单 #2" in t for t in texts), texts
    assert any("工单 #1" in t for t in texts), texts


TRAPPED = "电梯里关了个装修工人 卡在七楼八楼中间 在里面拍门喊 听着都急 5号楼"


@pytest.mark.parametrize(
    "fight",
    [
        pytest.param("楼下两个装修队为了抢电梯打起来了 一个拿着扳手 有人头都破了", id="trial-R78"),
        pytest.param("电梯口两个工人打起来了 一个满脸是血", id="fresh"),
    ],
)
def test_trial_and_fresh_a_fight_told_by_a_neighbour_is_its_own_page(
    sim: Simulator, fight: str
) -> None:
    _at(sim, 17, 50)
    say(sim, "5号楼居民群", "陈大妈", TRAPPED)
    _at(sim, 20, 50)
    texts = _texts(say(sim, "5号楼居民群", "小许", fight))
    assert any("【紧急 #2】" in t for t in texts), texts
    assert not any("情况加重" in t for t in texts), texts


TILES = "3号楼顶上的瓷砖被风吹松了 刚掉下来一块砸在自行车棚上 哐的一声 下面老有小孩跑来跑去"


@pytest.mark.parametrize(
    "loose",
    [
        pytest.param("风越来越大了 我家那扇窗户玻璃框子都松了 晃得厉害 1202的", id="trial-R46"),
        pytest.param("1202的窗户框子被风吹得越来越松 玻璃快掉出去了", id="fresh"),
    ],
)
def test_trial_and_fresh_her_own_window_grown_loose_raises_her_ticket_not_the_tiles(
    sim: Simulator, loose: str
) -> None:
    _at(sim, 10, 40)
    say(
        sim,
        "3号楼居民群",
        "钱阿姨",
        "台风要来了 我家阳台窗户玻璃裂了条缝 风一吹就咣当咣当响 怕掉下去砸到人 3单元1202",
    )
    _at(sim, 12, 50)
    say(sim, "3号楼居民群", "小丁", TILES)
    _at(sim, 15, 30)
    texts = _texts(say(sim, "3号楼居民群", "钱阿姨", loose))
    assert any("#1" in t for t in texts), texts
    assert not any("#2" in t for t in texts), texts


@pytest.mark.parametrize(
    "over",
    [
        pytest.param("电梯里那人出来了 消防来撬开的门 人没事", id="trial-R67"),
        pytest.param("电梯里的师傅被救出来了 没受伤", id="fresh"),
    ],
)
def test_trial_and_fresh_the_lifts_all_clear_from_the_reporter_of_another_danger_goes_to_the_lift(
    sim: Simulator, over: str
) -> None:
    _at(sim, 11, 0)
    say(
        sim,
        "5号楼居民群",
        "小许",
        "2单元801装修的工人从梯子上摔下来了 腿上流了好多血 站不起来 工友在旁边用毛巾按着",
    )
    _at(sim, 17, 50)
    say(sim, "5号楼居民群", "陈大妈", TRAPPED)
    _at(sim, 19, 0)
    texts = _texts(say(sim, "5号楼居民群", "小许", over))
    assert any("工单 #2" in t for t in texts), texts
    assert not any("工单 #1" in t for t in texts), texts


@pytest.mark.parametrize(
    "over",
    [
        pytest.param("物业把楼顶松的瓷砖都敲下来了 下面也围起来了 现在没事了", id="trial-R55"),
        pytest.param("松动的瓷砖物业已经拆下来了 没事了", id="fresh"),
    ],
)
def test_trial_and_fresh_tiles_taken_down_end_the_falling_tiles(sim: Simulator, over: str) -> None:
    _at(sim, 12, 50)
    say(sim, "3号楼居民群", "小丁", TILES)
    _at(sim, 17, 0)
    texts = _texts(say(sim, "3号楼居民群", "小丁", over))
    assert any("工单 #1" in t for t in texts), texts


@pytest.mark.parametrize(
    "news",
    [
        pytest.param("1单元楼道的装修垃圾 刚才装修队自己拉走了 不用麻烦了 谢谢", id="trial-R21"),
        pytest.param("楼梯口那堆水泥袋子装修的自己清走了", id="fresh"),
    ],
)
def test_trial_and_fresh_clutter_cleared_by_those_who_left_it_is_news_for_its_ticket(
    sim: Simulator, news: str
) -> None:
    _at(sim, 8, 20)
    say(
        sim,
        "2号楼居民群",
        "老宋",
        "1单元三楼楼梯口堆满了装修垃圾 水泥袋子沙子 走路都得侧着身子过",
    )
    _at(sim, 11, 20)
    texts = _texts(say(sim, "2号楼居民群", "老宋", news))
    assert any("工单 #1" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


MISSING = "我家老头子有点老年痴呆 下午出去遛弯到现在还没回来 穿灰色夹克 手机也没带 1号楼3单元"


@pytest.mark.parametrize(
    "seen",
    [
        pytest.param("张大妈家老爷子我刚在东门菜市场那边看见了 往北走了 背着手", id="trial-R77"),
        pytest.param("刚在公交站看到一个穿灰色夹克的老爷子 一个人在那转悠", id="fresh"),
    ],
)
def test_trial_and_fresh_a_neighbour_who_saw_the_missing_man_is_a_lead(
    sim: Simulator, seen: str
) -> None:
    _at(sim, 20, 30)
    say(sim, "1号楼居民群", "张大妈", MISSING)
    _at(sim, 20, 40)
    texts = _texts(say(sim, "1号楼居民群", "何叔", seen))
    assert any("【工单 #1 线索】" in t for t in texts), texts


BLOOD = "通知 12月18日14:00 无偿献血 地点:社区服务站 对象:幸福里业主群 名额:20"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("献血那个我和我老婆两个人去", id="trial-R37"),
        pytest.param("献血的我跟我儿子一起去", id="fresh"),
    ],
)
def test_trial_and_fresh_going_with_someone_signs_two_up_never_a_page(
    sim: Simulator, text: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", BLOOD)
    _at(sim, 14, 0)
    texts = _texts(say(sim, "幸福里业主群", "陆先生", text))
    assert any("已为您报名（共2人）" in t for t in texts), texts
    assert not any("紧急" in t for t in texts), texts


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("大树倒了孩子上学咋走啊 东门过不去了 急死", id="trial-R95"),
        pytest.param("西门那边在挖路 车过不去了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_way_blocked_cancels_no_sign_up(sim: Simulator, text: str) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", BLOOD)
    _at(sim, 9, 0)
    texts = _texts(say(sim, "幸福里业主群", "程妈妈", text))
    assert not any("报名" in t for t in texts), texts


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("楼顶瓷砖又掉了两块 一块砸在花坛边上 物业拉了警戒线", id="trial-R53"),
        pytest.param("外墙瓷砖还在掉 刚又砸下来一块", id="fresh"),
    ],
)
def test_trial_and_fresh_tiles_falling_again_get_falling_advice_never_a_jumpers(
    sim: Simulator, text: str
) -> None:
    _at(sim, 16, 40)
    texts = _texts(say(sim, "3号楼居民群", "刘大哥", text))
    assert any("请远离下方" in t for t in texts), texts
    assert not any("稳住对方" in t for t in texts), texts


@pytest.mark.parametrize(
    ("report", "closing"),
    [
        pytest.param("家里突然没水了 是停水了吗 1号楼", "1号那个停水的 水已经来了", id="trial-S03"),
        pytest.param(
            "地下车库进水了 配电箱那边都是水 1号楼",
            "车库的水抽干了 电工查了配电箱没问题",
            id="trial-S34",
        ),
        pytest.param("1号楼又停电了 冰箱都不转了", "电已经来了 是总闸跳了", id="fresh"),
    ],
)
def test_trial_and_fresh_staff_closings_told_as_the_state_now_close(
    sim: Simulator, report: str, closing: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "1号楼居民群", "小马", report)
    _at(sim, 8, 50)
    texts = _texts(say(sim, "1号楼党小组", "张建国", closing))
    assert any("工单 #1 已办结" in t for t in texts), texts


def test_trial_someone_in_hospital_under_watch_closes_the_emergency(sim: Simulator) -> None:
    _at(sim, 8, 0)
    say(sim, "6号楼居民群", "周奶奶", "我家老头在卫生间摔倒了 现在躺在地上叫他也不太应 6号楼")
    _at(sim, 9, 5)
    texts = _texts(say(sim, "6号楼党小组", "吴敏", "#1 去医院看过了 老爷子住院观察 女儿在陪着"))
    assert any("工单 #1 已办结" in t for t in texts), texts


def test_trial_going_again_claims_the_reopened_ticket(sim: Simulator) -> None:
    _at(sim, 8, 10)
    say(sim, "2号楼居民群", "小邱", DRILLING)
    say(sim, "2号楼党小组", "陈桂兰", "#1 已处理 跟502说了 中午不干")
    say(sim, "2号楼居民群", "小邱", "不满意 下午又开始了")
    _at(sim, 14, 10)
    texts = _texts(say(sim, "2号楼党小组", "陈桂兰", "#1 我再去一趟"))
    assert any("工单 #1 已由陈桂兰接单" in t for t in texts), texts


def test_trial_taking_on_a_ticket_marked_not_ours_takes_it_back_and_claims_it(
    sim: Simulator,
) -> None:
    _at(sim, 9, 0)
    say(sim, "6号楼居民群", "胖虎妈", "6号楼3单元有户装修的天天晚上十点还在砸墙")
    say(sim, "6号楼党小组", "吴敏", "#1 非职责 这个归城管")
    _at(sim, 15, 15)
    texts = _texts(say(sim, "6号楼党小组", "吴敏", "#1 收到我来 我去3单元找那户装修的当面说"))
    assert any("工单 #1 已由吴敏接单" in t for t in texts), texts
