"""Day 44 (docs/trials/day44/report.md, first contact on bd02f36): trial sentences ("trial") next
to wordings of mine ("fresh").

1. advice: a fever is no fire; someone behind a door gets the door advice (R102);
2. a chase of an emergency nobody has claimed reaches every group its page reached (R103);
3. one danger told from two chats is one page: the scaffold pipe between two buildings, the
   dog bite on the square, the fight, the burst joint (R18, R26, R82, R91);
4. a sighting of the old man searched for since his son's words made it a search is a lead
   (R45);
5. roof works smelling of asphalt are a complaint, no fumes poisoning (R72);
6. a complaint of another kind is no word of the question one joined (R43);
7. 满意 ending a sentence rates (SR21, SR27); "重复 #10" after words (S10)."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _paged
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


@pytest.mark.parametrize(
    "report",
    [
        pytest.param(
            "隔壁102独居的刘奶奶 这两天发烧 今早敲门半天不应 门缝里能听见哼哼 好像摔地上了",
            id="trial-R102",
        ),
        pytest.param("楼下王大爷高烧好几天了 今天敲门没人开 里面有呻吟声", id="fresh"),
    ],
)
def test_trial_and_fresh_a_fever_behind_a_door_gets_the_door_advice_not_the_fire(
    sim: Simulator, report: str
) -> None:
    _at(sim, 5, 50)
    texts = _texts(say(sim, "2号楼居民群", "小郭", report))
    assert not any("沿楼梯撤离" in t for t in texts), texts
    assert any("门打不开" in t for t in texts), texts


@pytest.mark.parametrize(
    "chase",
    [
        pytest.param("还没人来 我打了120 救护车还在路上", id="trial-R103"),
        pytest.param("都二十分钟了怎么还没人来", id="fresh"),
    ],
)
def test_trial_and_fresh_a_chase_of_an_unclaimed_emergency_reaches_the_duty_staff(
    sim: Simulator, chase: str
) -> None:
    _at(sim, 5, 50)
    say(sim, "2号楼居民群", "小郭", "隔壁102的刘奶奶敲门半天不应 门缝里能听见哼哼 好像摔地上了")
    _at(sim, 6, 10)
    messages = say(sim, "2号楼居民群", "小郭", chase)
    texts = _texts(messages)
    assert any("还没有工作人员接单，已再次紧急通知值班人员" in t for t in texts), texts
    assert any("仍无人接单】" in t for t in _paged(messages)), texts


def test_fresh_a_chase_of_a_claimed_emergency_pages_nobody_again(sim: Simulator) -> None:
    _at(sim, 5, 50)
    say(sim, "2号楼居民群", "小郭", "隔壁102的刘奶奶敲门半天不应 门缝里能听见哼哼 好像摔地上了")
    _at(sim, 5, 55)
    say(sim, "2号楼党小组", "陈桂兰", "#1 接单 马上到")
    _at(sim, 6, 10)
    messages = say(sim, "2号楼居民群", "小郭", "怎么还没人来")
    assert not _paged(messages), _texts(messages)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(
            (
                "2号楼居民群",
                "Lily妈妈",
                "2号楼跟3号楼中间那条道上 脚手架顶上有根钢管松了 吊着在风里晃来晃去 底下好多人走",
            ),
            (
                "3号楼居民群",
                "小雨妈妈",
                "大家别从3号楼东边那条路走了 上面脚手架有根管子悬着 随时会掉下来 我拿椅子先拦着了",
            ),
            id="trial-R18",
        ),
        pytest.param(
            (
                "4号楼居民群",
                "老孟",
                "广场上有条大黄狗没拴绳 刚把一个小男孩腿咬了 流了好多血 狗还在那转悠",
            ),
            (
                "幸福里业主群",
                "吴姐",
                "中心广场那有狗咬人 一个孩子被咬了 那狗还在那 谁家的狗啊 快叫人来",
            ),
            id="trial-R26",
        ),
        pytest.param(
            (
                "4号楼居民群",
                "刘姐",
                "楼道里新换的水管接头崩开了 水哗哗往外喷 1单元一楼都淹了 正往我家门里灌",
            ),
            ("4号楼居民群", "小魏", "我在1单元 水已经流到单元门外了 谁知道总阀在哪"),
            id="trial-R91",
        ),
        pytest.param(
            ("4号楼居民群", "小周", "打起来了 一楼的大爷被推倒了 还在那拉扯"),
            ("幸福里业主群", "老吴", "4号楼那边打架了 快去个人"),
            id="fresh-fight",
        ),
    ],
)
def test_trial_and_fresh_one_danger_told_from_two_chats_is_one_new_page(
    sim: Simulator, first: tuple[str, str, str], second: tuple[str, str, str]
) -> None:
    _at(sim, 9, 20)
    say(sim, *first)
    _at(sim, 9, 30)
    texts = _texts(say(sim, *second))
    assert not any("工单 #2" in t for t in texts), texts
    assert any("工单 #1" in t for t in texts), texts


@pytest.mark.parametrize(
    "sighting",
    [
        pytest.param(
            "1号楼王叔家老爷子是不是穿灰棉袄戴蓝帽子 我刚在东门外面菜市场那看见一个老头一个人转悠",
            id="trial-R45",
        ),
        pytest.param("王叔家老爷子我刚在南门公交站看见了 穿灰棉袄的", id="fresh"),
    ],
)
def test_trial_and_fresh_a_sighting_of_the_man_searched_since_his_sons_words_is_a_lead(
    sim: Simulator, sighting: str
) -> None:
    _at(sim, 8, 0)
    say(
        sim,
        "1号楼居民群",
        "王叔",
        "我家老爷子有点老年痴呆 最近老是自己往外跑 出去就找不着家 社区能不能帮忙弄个防走失的手环",
    )
    _at(sim, 13, 50)
    say(
        sim,
        "1号楼居民群",
        "王叔",
        "我家老爷子中午出去遛弯 到现在两个多钟头了还没回来 手机没带 穿灰色棉袄 戴个蓝帽子",
    )
    _at(sim, 14, 0)
    texts = _texts(say(sim, "幸福里业主群", "老周", sighting))
    assert any("谢谢您提供的线索" in t for t in texts), texts
    assert any("【工单 #1 线索】" in t for t in texts), texts
    assert not any("工单 #2" in t for t in texts), texts


@pytest.mark.parametrize(
    "smell",
    [
        pytest.param("2单元楼顶在换防水 沥青味熏得头疼 窗户都不敢开 要熏几天啊", id="trial-R72"),
        pytest.param("楼上刷漆 油漆味熏得我头疼 能不能让他们开窗", id="fresh"),
    ],
)
def test_trial_and_fresh_works_smelling_are_a_complaint_paging_nobody(
    sim: Simulator, smell: str
) -> None:
    _at(sim, 18, 30)
    messages = say(sim, "3号楼居民群", "小赵", smell)
    texts = _texts(messages)
    assert not _paged(messages), texts
    assert any("工单 #1" in t for t in texts), texts


def test_trial_a_throw_from_above_is_no_word_of_the_lift_question_he_joined(
    sim: Simulator,
) -> None:
    _at(sim, 8, 50)
    say(
        sim,
        "幸福里业主群",
        "老吴",
        "加装电梯的事到底怎么弄 我们3号楼2单元一楼二楼的死活不签字 社区能不能出面协调一下",
    )
    _at(sim, 9, 0)
    say(
        sim,
        "3号楼居民群",
        "101的老李",
        "装电梯对我们一楼有什么好处？挡光又吵 凭什么要我们签字 天天来敲我家门",
    )
    _at(sim, 13, 40)
    texts = _texts(
        say(
            sim,
            "3号楼居民群",
            "101的老李",
            "楼上的别老往我家院子里扔烟头 昨天还扔下来个酒瓶子 差点砸着我孙子",
        )
    )
    assert any("已收到您反映的问题（工单 #2" in t for t in texts), texts


@pytest.mark.parametrize(
    ("report", "closing", "rating"),
    [
        pytest.param(
            "楼上那家又在装修 晚上九点还在打电钻",
            "#1 跟楼上说好了 晚上不干了 已处理",
            "昨晚果然没打电钻 满意",
            id="trial-SR27",
        ),
        pytest.param(
            "5单元停电了 冰箱都不转了",
            "#1 电工换了保险 来电了 已处理",
            "电也来了 冰箱又转起来了 满意",
            id="trial-SR21",
        ),
        pytest.param(
            "单元门口的垃圾三天没人收了",
            "#1 保洁清走了 已处理",
            "今天早上看了 都清干净了 很满意",
            id="fresh",
        ),
    ],
)
def test_trial_and_fresh_satisfied_ending_a_sentence_rates(
    sim: Simulator, report: str, closing: str, rating: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "5号楼居民群", "钱叔", report)
    _at(sim, 9, 0)
    say(sim, "5号楼党小组", "周海", closing)
    _at(sim, 9, 10)
    texts = _texts(say(sim, "5号楼居民群", "钱叔", rating))
    assert any("工单 #1 已完结" in t for t in texts), texts
    assert not any("工单 #2" in t for t in texts), texts


def test_fresh_asking_whether_one_could_be_satisfied_rates_nothing(sim: Simulator) -> None:
    _at(sim, 8, 0)
    say(sim, "5号楼居民群", "钱叔", "单元门口的垃圾三天没人收了")
    _at(sim, 9, 0)
    say(sim, "5号楼党小组", "周海", "#1 保洁清走了 已处理")
    _at(sim, 9, 10)
    texts = _texts(say(sim, "5号楼居民群", "钱叔", "就清了一半 你说我能满意吗"))
    assert not any("感谢您的评价" in t for t in texts), texts


@pytest.mark.parametrize(
    "merge",
    [
        pytest.param("#1 跟3号楼2号是同一根管子 重复 #2", id="trial-S10"),
        pytest.param("#1 和那张说的是一个事 重复 #2", id="fresh"),
    ],
)
def test_trial_and_fresh_a_merge_with_words_before_its_number(sim: Simulator, merge: str) -> None:
    _at(sim, 9, 0)
    say(sim, "3号楼居民群", "王奶奶", "3号楼1单元楼道灯坏了 晚上黑乎乎的")
    say(sim, "3号楼居民群", "李大爷", "1单元的灯不亮好几天了")
    _at(sim, 9, 10)
    say(sim, "3号楼居民群", "小周", "3号楼2单元的垃圾桶满了没人收")
    _at(sim, 9, 20)
    texts = _texts(say(sim, "3号楼党小组", "刘志强", merge))
    assert not any("请写明合并到哪张工单" in t for t in texts), texts


@pytest.mark.parametrize(
    ("claim", "told"),
    [
        pytest.param("#1 下午两点师傅上门", "正在处理：下午两点师傅上门。", id="fresh-on-it"),
        pytest.param("#1 接单 明天上午去换", "正在处理：明天上午去换。", id="fresh-claim-words"),
        pytest.param("#1 接单", "刘志强正在处理。", id="fresh-bare"),
    ],
)
def test_fresh_what_staff_say_when_claiming_reaches_the_resident(
    sim: Simulator, claim: str, told: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "3号楼居民群", "刘伯", "家里水管漏了 能不能找个师傅来看看")
    _at(sim, 9, 0)
    texts = _texts(say(sim, "3号楼党小组", "刘志强", claim))
    assert any("已有工作人员接单" in t and told in t for t in texts), texts


def test_trial_ok_see_you_then_to_staff_is_no_sign_up(sim: Simulator) -> None:
    _at(sim, 8, 0)
    say(sim, "3号楼居民群", "刘伯", "家里水管漏了 能不能找个师傅来看看")
    _at(sim, 9, 0)
    say(sim, "3号楼党小组", "刘志强", "#1 下午两点师傅上门")
    _at(sim, 9, 38)
    texts = _texts(say(sim, "3号楼居民群", "刘伯", "好嘞 下午准时到"))
    assert not any("报名" in t for t in texts), texts
