"""Day 38 (docs/trials/day38/report.md, first contact on 3152dfc): trial sentences ("trial")
next to wordings of mine ("fresh").

1. more told by the reporter of a live danger, naming no danger of its own, is no second page
   (R053);
2. a sighting in a building's chat of someone searched for from the owners' chat is a lead
   (R045); a neighbour asking whether the fire brigade was called joins the fire (R023);
3. news that those overcome were taken away awake ends a charcoal or gas page (R073, R082);
4. a neighbour's news of help come to a live fire is that fire's, never progress of their own
   parking ticket (S116);
5. ratings: "好了 不返水了 谢谢", "楼上今晚没剁馅 总算能睡了" (S055, S119)."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day22 import _at
from tests.test_conversations_day32 import _morning
from tests.test_conversations_resid16 import _paged, _tickets
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


@pytest.mark.parametrize(
    ("danger", "more"),
    [
        pytest.param(
            "1号楼2单元楼梯口有个老人摔倒了 头在流血 叫他也不太应",
            "120已经打了 我们先没敢挪他 有没有懂急救的",
            id="trial-R052-R053",
        ),
        pytest.param(
            "1号楼2单元电梯口一个大爷突然倒地上了 脸色发白 喊他没反应",
            "救护车还在路上 我们几个在旁边守着 谁家有血压计拿下来",
            id="fresh",
        ),
    ],
)
def test_trial_and_fresh_more_told_of_her_own_live_danger_is_no_second_page(
    sim: Simulator, danger: str, more: str
) -> None:
    _at(sim, 18, 30)
    first = say(sim, "1号楼居民群", "小马", danger)
    assert any("【紧急 #1】" in t for t in _paged(first)), _texts(first)
    _at(sim, 18, 35)
    messages = say(sim, "1号楼居民群", "小马", more)
    assert _paged(messages) == [], _texts(messages)
    assert any("工单 #1" in t for t in _texts(messages)), _texts(messages)
    assert len(_tickets(sim)) == 1


def test_fresh_another_danger_from_the_same_resident_is_still_paged(sim: Simulator) -> None:
    _at(sim, 18, 30)
    say(sim, "1号楼居民群", "小马", "1号楼2单元楼梯口有个老人摔倒了 头在流血 叫他也不太应")
    _at(sim, 18, 40)
    messages = say(sim, "1号楼居民群", "小马", "又出事了 1号楼车棚那边着火了 火苗蹿得老高")
    assert any("【紧急 #2】" in t for t in _paged(messages)), _texts(messages)


@pytest.mark.parametrize(
    "sighting",
    [
        pytest.param(
            "刚才在东门超市门口看见一个戴蓝帽子的老爷子 在那转来转去的 不知道是不是",
            id="trial-R045",
        ),
        pytest.param("北门公交站那儿坐着个戴蓝帽子穿灰夹克的老人 看着有点迷糊", id="fresh"),
    ],
)
def test_trial_and_fresh_a_sighting_in_a_building_chat_is_a_lead_for_the_compound_search(
    sim: Simulator, sighting: str
) -> None:
    _at(sim, 16, 30)
    say(
        sim,
        "幸福里业主群",
        "张大妈",
        "我家老爷子下午三点出门买菜到现在没回来 他有点糊涂 穿灰色夹克 戴蓝帽子 电话也不接"
        " 我们住3号楼1单元",
    )
    _at(sim, 16, 40)
    messages = say(sim, "1号楼居民群", "老杨", sighting)
    assert _paged(messages) == [] or all("线索" in t for t in _paged(messages)), _texts(messages)
    assert any("线索" in t and "工单 #1" in t for t in _texts(messages)), _texts(messages)
    assert len(_tickets(sim)) == 1


@pytest.mark.parametrize(
    "asked",
    [
        pytest.param("5号楼车棚那边怎么那么大烟 消防车叫了没有", id="trial-R023"),
        pytest.param("5号楼那边冒那么多烟 有人报警了没", id="fresh"),
    ],
)
def test_trial_and_fresh_asking_in_the_owners_chat_whether_help_was_called_joins_the_fire(
    sim: Simulator, asked: str
) -> None:
    _at(sim, 10, 55)
    say(sim, "5号楼居民群", "陈大姐", "五号楼门口电动车棚冒黑烟了 好像是有车充电烧起来了 火苗窜得老高")
    _at(sim, 11, 0)
    messages = say(sim, "幸福里业主群", "阿强", asked)
    assert _paged(messages) == [], _texts(messages)
    assert any("工单 #1" in t for t in _texts(messages)), _texts(messages)


@pytest.mark.parametrize(
    ("danger", "over"),
    [
        pytest.param(
            "5号楼2单元102老两口关着门窗烧炭盆取暖 我路过闻到一股怪味 敲了半天门才有人应 说话迷迷糊糊的",
            "门窗都打开了 120来了 老两口抬上车了 人是醒着的",
            id="trial-R071-R073",
        ),
        pytest.param(
            "我家燃气热水器好像漏气 我老婆洗澡晕在浴室里了 我把她拖出来了 叫不醒 5号楼2单元102",
            "救护车来了 人醒了 吸着氧呢 谢谢刚才打电话的邻居",
            id="trial-R081-R082",
        ),
        pytest.param(
            "5号楼2单元102烧炭取暖 窗户都关死了 老太太叫不醒",
            "窗户都打开了 老太太醒过来了 120接走了",
            id="fresh",
        ),
    ],
)
def test_trial_and_fresh_those_overcome_taken_away_awake_ends_the_page(
    sim: Simulator, danger: str, over: str
) -> None:
    _at(sim, 23, 35)
    say(sim, "5号楼居民群", "小陈妈妈", danger)
    _at(sim, 23, 55)
    messages = _texts(say(sim, "5号楼居民群", "小陈妈妈", over))
    assert any("险情已解除" in t for t in messages), messages
    assert not any("当前状态：待受理" in t for t in messages), messages


@pytest.mark.parametrize(
    "news",
    [
        pytest.param("消防车到了 楼道里的烟散了一些", id="trial-S116"),
        pytest.param("消防的人来了 正在楼上 烟小了点", id="fresh"),
    ],
)
def test_trial_and_fresh_news_of_the_live_fire_is_the_fires_not_her_parking_ticket(
    sim: Simulator, news: str
) -> None:
    _at(sim, 18, 0)
    say(sim, "5号楼居民群", "老郑", "谁的白色大众堵在5号楼门口消防通道上 打挪车电话也不接 我车出不去了")
    _at(sim, 23, 10)
    say(
        sim,
        "5号楼居民群",
        "小陈妈妈",
        "5号楼3单元楼道里全是烟 好像是302家电热毯烧着了 一股焦味 有人在喊",
    )
    _at(sim, 23, 25)
    messages = say(sim, "5号楼居民群", "老郑", news)
    texts = _texts(messages)
    assert any("工单 #2" in t for t in texts), texts
    assert not any("工单 #1" in t or "不客气" in t or "险情已解除" in t for t in texts), texts
    assert any(m.room_id == "5号楼党小组" and "工单 #2" in m.text for m in messages), texts


@pytest.mark.parametrize(
    ("problem", "closing", "thanks"),
    [
        pytest.param(
            "2单元下水道堵了 一楼厨房往外返水 臭死了",
            "#1 已处理 管道疏通好了",
            "好了 不返水了 谢谢",
            id="trial-S055",
        ),
        pytest.param(
            "楼上天天晚上剁馅 咚咚咚的 吵得睡不着",
            "#1 已处理 跟楼上说好了 晚上九点后不剁了",
            "楼上今晚没剁馅 总算能睡了",
            id="trial-S119",
        ),
        pytest.param(
            "厨房水池往上冒水 一股臭味",
            "#1 已处理 下水管通了",
            "今天没冒水 也不臭了 谢谢师傅",
            id="fresh",
        ),
    ],
)
def test_trial_and_fresh_the_problem_stopped_told_with_thanks_rates_it(
    sim: Simulator, problem: str, closing: str, thanks: str
) -> None:
    _at(sim, 10, 45)
    say(sim, "2号楼居民群", "小赵", problem)
    _at(sim, 17, 40)
    say(sim, "2号楼居民群", "小赵", "楼下广场舞的音响开得震天响 孩子写作业一个字都写不进去")
    _at(sim, 21, 0)
    say(sim, "2号楼党小组", "陈桂兰", closing)
    _at(sim, 21, 5)
    texts = _texts(say(sim, "2号楼居民群", "小赵", thanks))
    assert any("满意" in t and "工单 #1" in t for t in texts), texts


def test_trial_and_fresh_the_rating_at_night_reaches_the_group_in_the_morning(
    sim: Simulator,
) -> None:
    _at(sim, 21, 0)
    say(sim, "1号楼居民群", "李大爷", "楼上天天晚上剁馅 咚咚咚的 吵得睡不着")
    _at(sim, 21, 30)
    say(sim, "1号楼党小组", "张建国", "#1 已处理 跟楼上说好了 晚上九点后不剁了")
    _at(sim, 23, 50)
    messages = say(sim, "1号楼居民群", "李大爷", "楼上今晚没剁馅 总算能睡了")
    assert any("满意" in t for t in _texts(messages)), _texts(messages)
    assert not any(m.room_id == "1号楼党小组" for m in messages), _texts(messages)
    morning = _morning(sim, 7, 0)
    assert any("夜间工单 #1 居民评价：满意" in t for t in morning), morning


@pytest.mark.parametrize(
    ("sign_up", "seats"),
    [
        pytest.param("扫落叶那个我报一个 带我儿子一起 他要志愿时长", 2, id="trial-R060"),
        pytest.param("我也报一个 周六上午有空", 1, id="fresh"),
    ],
)
def test_trial_and_fresh_i_report_one_for_the_event_is_a_sign_up(
    sim: Simulator, sign_up: str, seats: int
) -> None:
    _at(sim, 19, 40)
    say(
        sim,
        "社区党委工作群",
        "王书记",
        "通知 12月26日9:00 秋季落叶清扫志愿服务 地点:小区中心花园 对象:幸福里业主群 名额:10",
    )
    _at(sim, 20, 0)
    texts = _texts(say(sim, "幸福里业主群", "杨老师", sign_up))
    assert any("已为您报名" in t and f"还剩{10 - seats}个" in t for t in texts), texts
    assert _tickets(sim) == []


@pytest.mark.parametrize(
    "sign_up",
    [
        pytest.param("我也报名包饺子 下午几点开始来着", id="trial-R097"),
        pytest.param("包饺子我报名 在哪集合啊", id="fresh"),
    ],
)
def test_trial_and_fresh_a_sign_up_with_a_question_signs_up_and_tells_when(
    sim: Simulator, sign_up: str
) -> None:
    _at(sim, 8, 0)
    say(
        sim,
        "社区党委工作群",
        "王书记",
        "通知 12月20日15:00 重阳节敬老包饺子 地点:社区活动室 对象:1号楼居民群、2号楼居民群 名额:20",
    )
    _at(sim, 8, 50)
    texts = _texts(say(sim, "1号楼居民群", "老杨", sign_up))
    assert any("已为您报名" in t and "15:00" in t for t in texts), texts


@pytest.mark.parametrize(
    ("complaint", "retort"),
    [
        pytest.param(
            "你家孩子天天晚上在楼道里拍球 咚咚咚的 我说了多少次了 楼下老人心脏不好",
            "小孩子拍个球怎么了 你家装修的时候吵了三个月我说什么了吗",
            id="trial-R062-R063",
        ),
        pytest.param(
            "谁家把快递纸箱堆在消防通道 我都说三次了 再不搬我就当垃圾扔了 2号楼2单元",
            "你扔一个试试 那是我刚签收的还没拆 你凭什么动我东西",
            id="trial-R064-R065",
        ),
        pytest.param(
            "楼上天天半夜洗衣机轰轰响 能不能管管",
            "我家洗个衣服关你什么事 你家狗天天叫我说过啥吗",
            id="fresh",
        ),
    ],
)
def test_trial_and_fresh_a_retort_in_a_quarrel_opens_no_ticket(
    sim: Simulator, complaint: str, retort: str
) -> None:
    _at(sim, 20, 20)
    say(sim, "2号楼居民群", "小赵", complaint)
    _at(sim, 20, 30)
    texts = _texts(say(sim, "2号楼居民群", "钱阿姨", retort))
    assert not any("已收到您反映的问题" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


@pytest.mark.parametrize(
    "drain",
    [
        pytest.param("楼顶的落叶把下水口堵死了 昨晚一下雨 水漫到顶楼走廊了 3号楼1单元", id="trial-R088"),
        pytest.param("3号楼1单元楼顶排水口被树叶堵了 一下雨就往楼道里漫水", id="fresh"),
    ],
)
def test_trial_and_fresh_a_drain_blocked_by_leaves_is_a_repair_not_a_page(
    sim: Simulator, drain: str
) -> None:
    _at(sim, 8, 0)
    messages = say(sim, "3号楼居民群", "老李头", drain)
    assert _paged(messages) == [], _texts(messages)
    assert [t[1] for t in _tickets(sim)] == ["maintenance"]


def test_fresh_a_drain_blocked_while_water_reaches_the_meters_is_paged(sim: Simulator) -> None:
    _at(sim, 8, 0)
    messages = say(sim, "3号楼居民群", "老李头", "楼顶下水口堵了 雨水正在往楼道里灌 已经流到电表箱了")
    assert any("紧急" in t for t in _paged(messages)), _texts(messages)


@pytest.mark.parametrize(
    "news",
    [
        pytest.param("孙奶奶家我刚去敲了门 她说她挺好的 就是腿疼懒得下楼 大家放心", id="trial-R057"),
        pytest.param("刚在楼下碰到孙奶奶了 她说就是天冷不想出门 精神还行", id="fresh"),
    ],
)
def test_trial_and_fresh_a_neighbours_news_of_the_person_goes_on_her_ticket(
    sim: Simulator, news: str
) -> None:
    _at(sim, 17, 30)
    say(
        sim,
        "4号楼居民群",
        "小周",
        "4号楼3单元101的孙奶奶一个人住 好几天没见她下楼倒垃圾了 天这么冷 谁能去看看她",
    )
    _at(sim, 19, 30)
    messages = say(sim, "4号楼居民群", "刘先生", news)
    assert any(m.room_id == "4号楼居民群" and "工单 #1" in m.text for m in messages), _texts(
        messages
    )
    assert any(m.room_id == "4号楼党小组" and "工单 #1" in m.text for m in messages), _texts(
        messages
    )
    assert len(_tickets(sim)) == 1


@pytest.mark.parametrize(
    "closing",
    [
        pytest.param("搞定了 是1号那个 管道疏通好了", id="trial-S054"),
        pytest.param("1号那单弄好了 管子通了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_closing_pointing_at_its_number_closes_that_ticket(
    sim: Simulator, closing: str
) -> None:
    _at(sim, 10, 45)
    say(sim, "2号楼居民群", "小赵", "2单元下水道堵了 一楼厨房往外返水 臭死了")
    _at(sim, 10, 50)
    say(sim, "2号楼居民群", "老钱", "2单元三楼楼道的暖气管道在滴水 地上湿了一片")
    _at(sim, 11, 0)
    say(sim, "2号楼党小组", "陈桂兰", "#1 转物业")
    say(sim, "2号楼党小组", "陈桂兰", "#2 转物业")
    _at(sim, 11, 42)
    texts = _texts(say(sim, "物业服务中心群", "钱经理", closing))
    assert any("工单 #1 已办结" in t for t in texts), texts
