"""Day 35 (docs/trials/day35/report.md, first contact on fb71e14): trial sentences ("trial")
next to wordings of mine ("fresh").

1. news that the building's danger is over is never progress of one's own other ticket (R106);
2. a danger told by the reporter of a ticket they said was fixed is a new page (R74), and a
   neighbour's "他说里面好闷" is worse news of that page (R75);
3. a lead naming the searched family's building, in the owners' chat, goes to the search (R93);
4. "收到 已经打了119" from the duty officer claims no danger whose number is another (S86);
5. "我们老两口都去敬老院那个" signs up (R32); a neighbour's barbecue smoke is no carbon monoxide
   (R25)."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _tickets
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

BURST_PIPE = "地下室的水管爆了 水哗哗往外喷 已经淹到4号楼电梯井边上了"


@pytest.mark.parametrize(
    "over",
    [
        pytest.param("物业来人把总阀关了 水停了", id="trial-R106"),
        pytest.param("维修的来了 阀门关了 水不喷了", id="fresh"),
    ],
)
def test_trial_and_fresh_the_buildings_danger_said_over_is_no_progress_of_her_door_ticket(
    sim: Simulator, over: str
) -> None:
    _at(sim, 19, 0)
    say(sim, "4号楼居民群", "郭姐", "4号楼1单元门禁坏了 刷卡没反应 只能等人开门")
    _at(sim, 20, 0)
    say(sim, "4号楼居民群", "韩叔", BURST_PIPE)
    _at(sim, 20, 30)
    texts = _texts(say(sim, "4号楼居民群", "郭姐", over))
    assert any("【工单 #2 居民称险情已解除】" in t for t in texts), texts
    assert not any("#1" in t for t in texts), texts


LIFT_STOPPED = "2单元电梯怎么又不动了 按了半天没反应 我买菜提着东西爬到9楼 腿都软了"


@pytest.mark.parametrize(
    "danger",
    [
        pytest.param("5号楼2单元电梯又卡住了 里面有人在拍门喊 卡在7楼和8楼中间", id="trial-R74"),
        pytest.param("电梯又坏了 有个小孩关在里面哭 卡在五楼", id="fresh"),
    ],
)
def test_trial_and_fresh_a_danger_after_she_said_the_lift_was_fixed_is_a_new_page(
    sim: Simulator, danger: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "5号楼居民群", "孙阿姨", LIFT_STOPPED)
    _at(sim, 15, 20)
    say(sim, "5号楼居民群", "孙阿姨", "电梯好了 能用了 年检贴纸也贴上了")
    _at(sim, 19, 40)
    texts = _texts(say(sim, "5号楼居民群", "孙阿姨", danger))
    assert any("【紧急 #2】" in t for t in texts), texts
    assert not any("#1 情况加重" in t for t in texts), texts
    _at(sim, 19, 50)
    worse = _texts(say(sim, "5号楼居民群", "小马", "电梯里那个是送外卖的小哥 他说里面好闷"))
    assert any("【紧急 #2 情况加重】" in t for t in worse), worse
    assert len(_tickets(sim)) == 2


@pytest.mark.parametrize(
    "lead",
    [
        pytest.param(
            "3号楼那个老爷子我刚在东门看见了 往马路那边走了 我让保安去追了", id="trial-R93"
        ),
        pytest.param("3号楼的老爷子我在南门公交站那看到了 正往东走", id="fresh"),
    ],
)
def test_trial_and_fresh_a_lead_naming_the_searched_building_goes_to_that_search(
    sim: Simulator, lead: str
) -> None:
    _at(sim, 22, 30)
    say(
        sim,
        "3号楼居民群",
        "张阿婆",
        "我家老头子晚饭后出去遛弯到现在还没回来 他有点老年痴呆 手机也没带 3号楼1单元",
    )
    _at(sim, 23, 20)
    texts = _texts(say(sim, "幸福里业主群", "夜猫子", lead))
    assert any("【工单 #1 线索】" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


def test_trial_the_duty_officer_who_called_119_claims_no_fall_whose_number_is_120_s86(
    sim: Simulator,
) -> None:
    _at(sim, 0, 10)
    say(sim, "2号楼居民群", "小何", "隔壁独居的王奶奶家刚才咚的一声 然后一直在哼哼 敲门不应 二号楼")
    _at(sim, 22, 15)
    say(
        sim,
        "3号楼居民群",
        "马女士",
        "3号楼1单元二楼楼道里有个炭盆倒了 门口的鞋架烧着了 楼道里全是烟",
    )
    _at(sim, 22, 20)
    say(sim, "3号楼党小组", "刘志强", "我马上下楼看看")
    _at(sim, 22, 25)
    texts = _texts(say(sim, "社区党委工作群", "刘值班", "收到 已经打了119"))
    assert not any("#1 已由刘值班接单" in t for t in texts), texts


@pytest.mark.parametrize(
    "going",
    [
        pytest.param("我们老两口都去敬老院那个", id="trial-R32"),
        pytest.param("我和老伴一起去慰问那个", id="fresh"),
    ],
)
def test_trial_and_fresh_going_with_the_event_pointed_at_right_after_signs_up(
    sim: Simulator, going: str
) -> None:
    _at(sim, 9, 0)
    say(
        sim,
        "第二网格党支部群",
        "赵网格长",
        "通知 12月19日09:30 敬老院慰问志愿服务 地点:阳光敬老院 对象:4号楼居民群、5号楼居民群 名额:6",
    )
    _at(sim, 12, 40)
    texts = _texts(say(sim, "5号楼居民群", "蒋大爷", going))
    assert any("已为您报名（共2人）" in t for t in texts), texts
    assert _tickets(sim) == []


@pytest.mark.parametrize(
    "smoke",
    [
        pytest.param(
            "楼上谁家在烤串 一股炭火味 呛得我家老人直咳嗽 一单元的 能不能管管", id="trial-R25"
        ),
        pytest.param("楼下有人在阳台上烧烤 烟全飘我家来了 呛死了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_neighbours_barbecue_smoke_is_a_complaint_never_paged(
    sim: Simulator, smoke: str
) -> None:
    _at(sim, 11, 30)
    texts = _texts(say(sim, "3号楼居民群", "马女士", smoke))
    assert any("已收到您反映的问题" in t for t in texts), texts
    assert not any("紧急" in t for t in texts), texts


@pytest.mark.parametrize(
    "added",
    [
        pytest.param("补充一下 积水就在2单元地下室楼梯口那 一脚踩下去没过鞋面", id="trial-R10"),
        pytest.param("补充一句 地下室那滩水都没过鞋底了 好几天了", id="fresh"),
    ],
)
def test_trial_and_fresh_something_added_to_her_puddle_ticket_is_never_a_page(
    sim: Simulator, added: str
) -> None:
    _at(sim, 7, 0)
    say(
        sim,
        "3号楼居民群",
        "胡师傅",
        "我们3号楼2单元楼道里蚊子太多了 地下室那边积水好几天了 发臭 晚上咬得孩子一身包",
    )
    _at(sim, 9, 0)
    texts = _texts(say(sim, "3号楼居民群", "胡师傅", added))
    assert any("【工单 #1 居民补充】" in t for t in texts), texts
    assert not any("紧急" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


# Day 35 leftovers (twenty-first session): answers to a resolution with other tickets around.

DOG = "5号楼1单元402家的狗天天晚上叫 叫到半夜 吵得睡不着"


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param("今天安静多了 狗不叫了", id="trial-P07"),
        pytest.param("这两天晚上安静多了", id="fresh"),
    ],
)
def test_trial_and_fresh_quiet_now_after_the_noise_was_closed_is_satisfied(
    sim: Simulator, answer: str
) -> None:
    _at(sim, 9)
    say(sim, "5号楼居民群", "蒋大爷", DOG)
    _at(sim, 10)
    say(sim, "5号楼党小组", "周海", "#1 跟狗主人谈过了 晚上会关阳台门 已处理")
    _at(sim, 18)
    texts = _texts(say(sim, "5号楼居民群", "蒋大爷", answer))
    assert any("已按“满意”记下您对工单 #1 的评价" in t for t in texts), texts


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param("今天没闻到烟味了 谢谢", id="trial-P05"),
        pytest.param("这两天闻不到油烟了 谢谢啊", id="fresh"),
    ],
)
def test_trial_and_fresh_smoke_no_longer_smelt_after_the_barbecue_was_stopped_is_satisfied(
    sim: Simulator, answer: str
) -> None:
    _at(sim, 9)
    say(sim, "3号楼居民群", "刘先生", "3号楼1单元楼下有人在阳台烧烤 烟全往我家窗户里灌 能不能管管")
    _at(sim, 10)
    say(sim, "3号楼党小组", "刘志强", "#1 已经上门劝过了 不烤了 已处理")
    _at(sim, 18)
    texts = _texts(say(sim, "3号楼居民群", "刘先生", answer))
    assert any("已按“满意”记下您对工单 #1 的评价" in t for t in texts), texts


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param("王奶奶好多了 谢谢社区", id="trial-P15"),
        pytest.param("王奶奶在家歇着呢 人没事 谢谢", id="fresh"),
    ],
)
def test_trial_and_fresh_the_old_lady_named_picks_her_ticket_of_two_waiting(
    sim: Simulator, answer: str
) -> None:
    _at(sim, 8)
    say(
        sim,
        "2号楼居民群",
        "邻居小何",
        "2单元301周先生说他妈一个人在家 监控看到她躺在厨房地上不动 我去敲门没人应",
    )
    _at(sim, 9)
    say(sim, "2号楼居民群", "邻居小何", "3单元502隔壁独居的王奶奶家刚才咚的一声 喊她不答应")
    _at(sim, 10)
    say(sim, "2号楼党小组", "陈桂兰", "#1 老太太送医了 已经出院回家了 已处理")
    say(sim, "2号楼党小组", "陈桂兰", "#2 王奶奶腿上擦伤 送社区医院看过了 没骨折 已处理")
    _at(sim, 14)
    texts = _texts(say(sim, "2号楼居民群", "邻居小何", answer))
    assert any("工单 #2 已完结" in t for t in texts), texts
    assert not any("#1" in t for t in texts), texts


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param("安全了", id="trial-P03"),
        pytest.param("没事了 谢谢孙姐", id="fresh"),
    ],
)
def test_trial_and_fresh_safe_right_after_the_question_answers_it_beside_his_open_danger(
    sim: Simulator, answer: str
) -> None:
    _at(sim, 8)
    say(sim, "4号楼居民群", "韩叔", "4号楼3单元楼道里一股煤气味 好呛")
    _at(sim, 20)
    say(sim, "4号楼居民群", "韩叔", BURST_PIPE)
    _at(sim, 21)
    say(sim, "4号楼党小组", "孙丽", "#1 燃气公司查过了 是隔壁关阀门没关严 已处理")
    _at(sim, 21, 10)
    texts = _texts(say(sim, "4号楼居民群", "韩叔", answer))
    assert any("工单 #1 已完结" in t for t in texts), texts
    assert not any("#2" in t for t in texts), texts
    _at(sim, 21, 20)
    later = _texts(say(sim, "4号楼居民群", "韩叔", "水管修好了 水不喷了"))
    assert any("#2" in t for t in later), later


@pytest.mark.parametrize(
    "other_noise",
    [
        pytest.param("晚上还有人在楼下打篮球 拍球的声音咚咚的", id="trial-R87"),
        pytest.param("楼下有人踢球 砰砰往墙上踢 踢了一晚上", id="fresh"),
    ],
)
def test_trial_and_fresh_a_ball_game_downstairs_is_not_added_to_his_dog_ticket(
    sim: Simulator, other_noise: str
) -> None:
    _at(sim, 9)
    say(sim, "5号楼居民群", "蒋大爷", DOG)
    _at(sim, 21, 50)
    texts = _texts(say(sim, "5号楼居民群", "蒋大爷", other_noise))
    assert any("工单 #2" in t for t in texts), texts
    assert not any("#1" in t for t in texts), texts


def test_fresh_not_the_same_thing_splits_what_he_added_to_his_own_ticket(sim: Simulator) -> None:
    _at(sim, 9)
    say(sim, "3号楼居民群", "刘先生", "3号楼2单元楼道灯坏了 晚上黑乎乎的")
    _at(sim, 19)
    added = _texts(say(sim, "3号楼居民群", "刘先生", "晚上楼门口那盏灯也不亮 黑乎乎的 看不见路"))
    assert any("【工单 #1 居民补充】" in t for t in added), added
    _at(sim, 19, 10)
    texts = _texts(say(sim, "3号楼居民群", "刘先生", "不是同一件事 我说的是门口那盏"))
    assert any("【新工单 #2】" in t and "楼门口那盏灯也不亮" in t for t in texts), texts
    assert len(_tickets(sim)) == 2
    _at(sim, 19, 20)
    again = _texts(say(sim, "3号楼居民群", "刘先生", "不是同一件事"))
    assert any("没有与别人的合并" in t for t in again), again


MISSING_OLD_MAN = "我家老头子晚饭后出去遛弯到现在还没回来 他有点老年痴呆 手机也没带 3号楼1单元的"


@pytest.mark.parametrize(
    "seen",
    [
        pytest.param("刚在南门公交站看见3号楼走丢的那个大爷了 坐在长椅上", id="fresh-situation"),
        pytest.param("走丢的大爷是不是穿灰色夹克 我在超市门口看到一个", id="fresh-question"),
    ],
)
def test_fresh_a_sighting_of_the_man_searched_for_is_a_lead_never_a_second_page(
    sim: Simulator, seen: str
) -> None:
    _at(sim, 22, 40)
    say(sim, "3号楼居民群", "张阿婆", MISSING_OLD_MAN)
    _at(sim, 23, 20)
    texts = _texts(say(sim, "幸福里业主群", "夜猫子", seen))
    assert any("【工单 #1 线索】" in t for t in texts), texts
    assert not any("紧急 #2" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


def test_fresh_a_child_lost_during_the_old_mans_search_is_paged_on_its_own(sim: Simulator) -> None:
    _at(sim, 22, 40)
    say(sim, "3号楼居民群", "张阿婆", MISSING_OLD_MAN)
    _at(sim, 23, 0)
    texts = _texts(
        say(
            sim,
            "幸福里业主群",
            "宝妈小林",
            "有没有人看见一个穿红外套的小男孩 五岁左右 刚才在中心广场玩 一转眼就不见了",
        )
    )
    assert any("【紧急 #2】" in t for t in texts), texts
