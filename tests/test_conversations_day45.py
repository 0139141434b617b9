"""Day 45 (docs/trials/day45/report.md, first contact on f3e4441): trial sentences ("trial") next
to wordings of mine ("fresh").

1. a sighting of a missing neighbour from someone with a ticket of their own open is a lead
   (R47);
2. cars standing in water are no fire (R62); something blown down and lying in the way is a
   request (R79);
3. answers: "没吓着" is safe (SR03), 不满意 naming the parking found not ours is of that ticket
   (SR12), 满意 ending the first clause with a remark after it rates (SR04)."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day22 import _at
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


@pytest.mark.parametrize(
    "sighting",
    [
        pytest.param("5号楼王奶奶我刚在东门公交站那看见了 穿个红外套 拎着个袋子", id="trial-R47"),
        pytest.param("刚看见5号楼那个王奶奶了 在超市门口坐着", id="fresh"),
    ],
)
def test_trial_and_fresh_a_sighting_from_someone_with_a_ticket_open_is_a_lead(
    sim: Simulator, sighting: str
) -> None:
    _at(sim, 17, 0)
    say(sim, "幸福里业主群", "晨跑哥", "小区大门口那块大广告牌被风吹得一直晃 一边的螺丝已经掉了")
    _at(sim, 17, 10)
    say(sim, "1号楼居民群", "钱奶奶", "大门口那个牌子快掉下来了 我刚路过吓死了 底下站着人呢")
    _at(sim, 17, 30)
    say(
        sim,
        "5号楼居民群",
        "吴阿姨",
        "5号楼501王奶奶下午两点出去买月饼到现在还没回来 她有点老年痴呆 手机也没带",
    )
    _at(sim, 17, 40)
    texts = _texts(say(sim, "幸福里业主群", "晨跑哥", sighting))
    assert any("线索】晨跑哥" in t and "买月饼" in t for t in texts), texts
    assert not any("工单 #1" in t or "广告牌" in t for t in texts), texts


@pytest.mark.parametrize(
    "flood",
    [
        pytest.param("车库那边水一直往里流 B区那排车都泡着了 有人还在里面推车", id="trial-R62"),
        pytest.param("地库进水了 好几辆车都泡着了", id="fresh"),
    ],
)
def test_trial_and_fresh_cars_standing_in_water_are_no_fire(sim: Simulator, flood: str) -> None:
    _at(sim, 23, 10)
    texts = _texts(say(sim, "2号楼居民群", "李叔", flood))
    assert not any("火情" in t or "沿楼梯撤离" in t for t in texts), texts


@pytest.mark.parametrize(
    "blown",
    [
        pytest.param("楼顶的铁皮棚被吹下来了 掉在3单元门口挡着路 幸好没砸到人", id="trial-R79"),
        pytest.param("阳台的雨棚被吹下来了 掉在楼下花坛里", id="fresh"),
    ],
)
def test_trial_and_fresh_something_blown_down_is_a_request(sim: Simulator, blown: str) -> None:
    _at(sim, 9, 50)
    texts = _texts(say(sim, "3号楼居民群", "林妈妈", blown))
    assert any("已收到您反映的问题（工单 #1" in t for t in texts), texts


@pytest.mark.parametrize(
    "safe",
    [
        pytest.param("安全了 孩子也没吓着 谢谢你们", id="trial-SR03"),
        pytest.param("都好 孩子没吓到", id="fresh"),
    ],
)
def test_trial_and_fresh_not_even_frightened_is_safe(sim: Simulator, safe: str) -> None:
    _at(sim, 22, 0)
    say(sim, "3号楼居民群", "陈阿姨", "楼道里冒烟了 好像是谁家电动车在充电 孩子吓得直哭")
    _at(sim, 22, 40)
    say(sim, "3号楼党小组", "刘志强", "#1 电动车电池烧了 已经灭了 已处理")
    _at(sim, 22, 50)
    texts = _texts(say(sim, "3号楼居民群", "陈阿姨", safe))
    assert any("平安就好" in t for t in texts), texts


def _parking_then_flood(sim: Simulator) -> None:
    _at(sim, 9, 0)
    say(sim, "幸福里业主群", "车主老徐", "谁的白色大众停在3号楼车位上 挡了一早上 电话也不接")
    _at(sim, 9, 30)
    say(sim, "社区党委工作群", "王书记", "#1 非职责 地下车位归物业管 请联系物业")
    _at(sim, 21, 0)
    say(sim, "幸福里业主群", "车主老徐", "地下车库入口的水哗哗往下灌 已经淹到车轮一半了")
    _at(sim, 21, 30)
    say(sim, "社区党委工作群", "王书记", "#2 物业抽完水了 已处理")
    _at(sim, 21, 40)


@pytest.mark.parametrize(
    "unsatisfied",
    [
        pytest.param("车位的事就这么推给物业了？不满意", id="trial-SR12"),
        pytest.param("占车位那个还是没人管 不满意", id="fresh"),
    ],
)
def test_trial_and_fresh_unsatisfied_naming_the_not_ours_ticket_is_of_it(
    sim: Simulator, unsatisfied: str
) -> None:
    _parking_then_flood(sim)
    texts = _texts(say(sim, "幸福里业主群", "车主老徐", unsatisfied))
    assert any("居民不满意非职责答复" in t and "工单 #1" in t for t in texts), texts
    assert not any("工单 #2 已重新交给" in t for t in texts), texts


@pytest.mark.parametrize(
    "rating",
    [
        pytest.param("车库那个满意 就是来得太慢了", id="trial-SR04"),
        pytest.param("抽水的事满意 下次早点来", id="fresh"),
    ],
)
def test_trial_and_fresh_satisfied_with_a_remark_after_it_rates(
    sim: Simulator, rating: str
) -> None:
    _parking_then_flood(sim)
    texts = _texts(say(sim, "幸福里业主群", "车主老徐", rating))
    assert any("工单 #2" in t and "评价" in t for t in texts), texts
