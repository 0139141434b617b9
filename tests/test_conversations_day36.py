"""Day 36 (docs/trials/day36/report.md, first contact on c0affa9): trial sentences ("trial")
next to wordings of mine ("fresh").

1. a leak read as someone missing, then told in full as water through a lit lamp, becomes that
   danger (R93, R96); the gas cause told with the gas still on is no all-clear (R10); "孩子没事"
   is over news (R49), and "人出来了" is of the danger not said over yet (R82);
2. another doing on one's own noise ticket is a ticket of its own (R71), and `不是同一件事` splits
   what one said last (P08);
3. answers naming which of several waiting tickets: a word of its kind (P06), a shared word
   (P07), who or what was in danger (P12, P23), someone still being looked after (P17);
4. a blocked fire lane (R113), a damage question (R87) and the place of last night's fight
   (P09) page nobody; news of the person one asked help for goes on that ticket (R98); one more
   for the sign-up (R97)."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _paged, _tickets
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

LEAK_WHILE_AWAY = (
    "我家厨房天花板在滴水 楼上801那家昨晚出去旅游了 电话打不通 水越滴越多 1号楼4单元701"
)


@pytest.mark.parametrize(
    "worse",
    [
        pytest.param("现在水从吊灯里往下流了 哗哗的 灯还亮着 不敢碰", id="trial-R96"),
        pytest.param("水顺着灯线往下滴 灯还开着 我不敢去关", id="fresh"),
    ],
)
def test_trial_and_fresh_water_through_a_lit_lamp_makes_the_guessed_ticket_that_danger(
    sim: Simulator, worse: str
) -> None:
    _at(sim, 7, 50)
    say(sim, "1号楼居民群", "老周", LEAK_WHILE_AWAY)
    _at(sim, 8, 20)
    texts = _texts(say(sim, "1号楼居民群", "老周", worse))
    assert any("【紧急 #1 情况加重】" in t and "水淹危险" in t for t in texts), texts
    assert not any("线索" in t or "走失" in t for t in texts), texts
    assert any("电" in t for t in texts if t.startswith("情况紧急")), texts


@pytest.mark.parametrize(
    "cause",
    [
        pytest.param(
            "补充一下 燃气公司的人来了 是402家灶台上的火灭了气没关 人不在家 正在联系",
            id="trial-R10",
        ),
        pytest.param("燃气公司来人了 说是楼下那家炉子灭了 阀门还开着 正在联系房东", id="fresh"),
    ],
)
def test_trial_and_fresh_the_cause_found_with_the_gas_still_on_is_no_all_clear(
    sim: Simulator, cause: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "4号楼居民群", "陈先生", "4号楼1单元楼道里好大一股煤气味 窗户都开了")
    _at(sim, 9, 0)
    texts = _texts(say(sim, "4号楼居民群", "陈先生", cause))
    assert not any("险情已解除" in t for t in texts), texts
    assert any("【工单 #1 居民补充】" in t for t in texts), texts


HEAD_STUCK = "快来个人 我家孩子头卡在阳台栏杆中间拔不出来了 一直哭 6栋1单元401"


@pytest.mark.parametrize(
    ("freed", "out"),
    [
        pytest.param(
            "消防来了 用工具把栏杆撑开了 孩子没事 谢谢大家",
            "人出来了 物业值班师傅把门扒开的",
            id="trial-R49-R82",
        ),
        pytest.param("师傅把栏杆撬开了 小孩没事了", "出来了 维保的人把门打开了", id="fresh"),
    ],
)
def test_trial_and_fresh_out_at_midnight_is_news_of_the_lift_not_of_the_child_freed_at_noon(
    sim: Simulator, freed: str, out: str
) -> None:
    _at(sim, 15, 30)
    say(sim, "6号楼居民群", "小芳", HEAD_STUCK)
    _at(sim, 15, 40)
    first = _texts(say(sim, "6号楼居民群", "小芳", freed))
    assert any("【工单 #1 居民称险情已解除】" in t for t in first), first
    _at(sim, 23, 50)
    say(
        sim, "6号楼居民群", "小芳", "我老公被困在4号楼电梯里了 卡在9楼和10楼中间 他打电话说里面很闷"
    )
    _at(sim, 23, 59)
    texts = _texts(say(sim, "6号楼居民群", "小芳", out))
    assert any("【工单 #2 居民称险情已解除】" in t for t in texts), texts
    assert not any("#1" in t for t in texts), texts


@pytest.mark.parametrize(
    "other",
    [
        pytest.param("1102装修完了又换楼上麻将声 哗啦哗啦的 都十点半了还让不让睡", id="trial-R71"),
        pytest.param(
            "电钻是停了 现在楼上又在弹钢琴 吵死了",
            id="fresh",
            marks=pytest.mark.xfail(
                strict=True, reason="names the drill too: read as more of the drilling ticket"
            ),
        ),
    ],
)
def test_trial_and_fresh_another_noise_after_the_drilling_is_a_ticket_of_its_own(
    sim: Simulator, other: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "3号楼居民群", "老马", "3号楼电梯坏了 一直停在5楼不动")
    _at(sim, 8, 30)
    say(sim, "3号楼居民群", "小林", "电梯坏了+1")
    _at(sim, 9, 0)
    say(sim, "3号楼居民群", "小林", "3单元1102在装修 电钻从早上8点钻到现在 上夜班的人还睡不睡了")
    _at(sim, 20, 30)
    texts = _texts(say(sim, "3号楼居民群", "小林", other))
    assert any("工单 #3" in t for t in texts), texts
    _at(sim, 20, 40)
    apart = _texts(say(sim, "3号楼居民群", "小林", "不是同一件事 跟1102装修没关系"))
    assert any("已单独登记为工单 #3" in t for t in apart), apart
    assert len(_tickets(sim)) == 3  # the join of "电梯坏了+1" stays


def test_fresh_not_the_same_thing_splits_his_note_made_after_he_joined_the_lift(
    sim: Simulator,
) -> None:
    _at(sim, 8, 0)
    say(sim, "3号楼居民群", "老马", "3号楼电梯坏了 一直停在5楼不动")
    _at(sim, 8, 30)
    say(sim, "3号楼居民群", "小林", "电梯坏了+1")
    _at(sim, 9, 0)
    say(sim, "3号楼居民群", "小林", "3单元楼道灯坏了 晚上黑乎乎的")
    _at(sim, 19, 0)
    added = _texts(say(sim, "3号楼居民群", "小林", "晚上楼门口那盏灯也不亮 黑乎乎的 看不见路"))
    assert any("【工单 #2 居民补充】" in t for t in added), added
    _at(sim, 19, 10)
    texts = _texts(say(sim, "3号楼居民群", "小林", "不是同一件事 我说的是门口那盏"))
    assert any("【新工单 #3】" in t and "楼门口那盏灯" in t for t in texts), texts
    assert not any("电梯" in t for t in texts), texts


def _three_answered(sim: Simulator) -> None:
    _at(sim, 8, 0)
    say(sim, "2号楼居民群", "刘奶奶", "请问高龄补贴是每个月几号发啊")
    say(sim, "2号楼居民群", "刘奶奶", "想问小区里外地车能不能停")
    _at(sim, 8, 30)
    say(sim, "2号楼居民群", "刘奶奶", "我一个人在家 胸口闷得慌 喘不上气 2单元302")
    _at(sim, 10, 0)
    say(sim, "2号楼党小组", "陈桂兰", "#1 每月10号发到卡上 已处理")
    say(sim, "2号楼党小组", "陈桂兰", "#2 外地车登记后可以停 已处理")
    say(sim, "2号楼党小组", "陈桂兰", "#3 陪老人去医院看了 没大事 已处理")
    _at(sim, 10, 30)


@pytest.mark.parametrize(
    "thanks",
    [
        pytest.param("谢谢陈组长早上陪我去医院", id="trial-P06"),
        pytest.param("医院检查完了 谢谢小陈", id="fresh"),
    ],
)
def test_trial_and_fresh_thanks_for_the_hospital_answers_her_chest_pain_of_three(
    sim: Simulator, thanks: str
) -> None:
    _three_answered(sim)
    texts = _texts(say(sim, "2号楼居民群", "刘奶奶", thanks))
    assert any("工单 #3 已完结" in t for t in texts), texts


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param("补贴的事知道了 满意", id="trial-P07"),
        pytest.param("外地车的事清楚了 谢谢", id="fresh"),
    ],
)
def test_trial_and_fresh_satisfied_naming_the_question_rates_that_one_of_two(
    sim: Simulator, answer: str
) -> None:
    _three_answered(sim)
    texts = _texts(say(sim, "2号楼居民群", "刘奶奶", answer))
    wanted = 1 if "补贴" in answer else 2
    # (满意 ending a clause is a rating of its own since day 44: "感谢您的评价！工单 #1 已完结")
    assert any(f"工单 #{wanted}" in t and "评价" in t for t in texts), texts
    assert not any(f"工单 #{3 - wanted} " in t and "评价" in t for t in texts), texts


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("广告牌拆了 放心了 满意", "插座换好了 谢谢吴组长", id="trial-P23-P22"),
        pytest.param(
            "那块广告牌没了 这下安心了 谢谢",
            "车棚的插座修好了 满意",
            id="fresh",
            marks=pytest.mark.xfail(
                strict=True, reason="没了 reads as still wrong: the thanks gets no answer"
            ),
        ),
    ],
)
def test_trial_and_fresh_two_dangers_closed_each_answer_picks_its_own(
    sim: Simulator, first: str, second: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "6号楼居民群", "老马", "6号楼车棚里电动车插头那在冒火星子 快来人")
    _at(sim, 8, 30)
    say(sim, "6号楼居民群", "老马", "6号楼楼顶那块广告牌晃得厉害 随时要掉下来 下面都是人")
    _at(sim, 10, 0)
    say(sim, "6号楼党小组", "吴敏", "#1 电工把插座换了 已处理")
    say(sim, "6号楼党小组", "吴敏", "#2 广告牌拆掉了 已处理")
    _at(sim, 10, 30)
    board = _texts(say(sim, "6号楼居民群", "老马", first))
    assert any("工单 #2 已完结" in t for t in board), board
    socket = _texts(say(sim, "6号楼居民群", "老马", second))
    assert any("工单 #1 已完结" in t for t in socket), socket


@pytest.mark.parametrize(
    "thanks",
    [
        pytest.param("吴老太那边谢谢孙组长了", id="trial-P17"),
        pytest.param("吴老太的事麻烦孙组长了 谢谢", id="fresh"),
    ],
)
def test_trial_and_fresh_thanks_for_the_old_lady_still_looked_after_rates_no_other_ticket(
    sim: Simulator, thanks: str
) -> None:
    _at(sim, 9, 0)
    say(sim, "4号楼居民群", "周大爷", "请问国庆升旗仪式几点开始")
    _at(sim, 9, 30)
    say(
        sim,
        "4号楼居民群",
        "周大爷",
        "我们4号楼有个独居的吴老太 1单元501 好几天没见她下楼了 儿女都在外地 麻烦社区去看看",
    )
    _at(sim, 10, 0)
    say(sim, "4号楼党小组", "孙丽", "#1 早上7点在中心广场 已处理")
    _at(sim, 14, 40)
    texts = _texts(say(sim, "4号楼居民群", "周大爷", thanks))
    assert not any("满意" in t for t in texts), texts


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("2号楼门口那辆面包车还在 消防车进不来怎么办", id="trial-R113"),
        pytest.param("楼下那辆车还堵着消防通道 消防车进不来咋整", id="fresh"),
        pytest.param(
            "我是901的 隔壁着火我家墙被熏黑了 消防水也漏进来了 这损失找谁赔", id="trial-R87"
        ),
        pytest.param("打架那地方地上的血还没人冲", id="trial-P09"),
        pytest.param("出事那地方地上的血还没人冲", id="fresh-P09"),
    ],
)
def test_trial_and_fresh_a_fire_lane_a_damage_question_or_last_nights_spot_pages_nobody(
    sim: Simulator, text: str
) -> None:
    _at(sim, 11, 10)
    assert _paged(say(sim, "2号楼居民群", "小吴", text)) == []


@pytest.mark.parametrize(
    "news",
    [
        pytest.param("上次说的吴老太 我今天去敲门了 她说腿疼下不了楼 家里没菜了", id="trial-R98"),
        pytest.param("吴老太我下午又去看了 说是头晕 一天没吃饭", id="fresh"),
    ],
)
def test_trial_and_fresh_news_of_the_old_lady_he_asked_help_for_goes_on_that_ticket(
    sim: Simulator, news: str
) -> None:
    _at(sim, 15, 50)
    say(
        sim,
        "4号楼居民群",
        "周大爷",
        "我们4号楼有个独居的吴老太 1单元501 好几天没见她下楼了 儿女都在外地 麻烦社区去看看",
    )
    _at(sim, 18, 40)
    texts = _texts(say(sim, "4号楼居民群", "周大爷", news))
    assert any("【工单 #1 居民补充】" in t for t in texts) or any(
        "【紧急 #1" in t for t in texts
    ), texts


@pytest.mark.parametrize(
    "more",
    [
        pytest.param("游园我孙子又吵着要去了 还能加上他吗", id="trial-R97"),
        pytest.param("我老伴说也想去 能不能再加一个", id="fresh"),
    ],
)
def test_trial_and_fresh_one_more_for_her_sign_up(sim: Simulator, more: str) -> None:
    _at(sim, 9, 0)
    say(
        sim,
        "社区党委工作群",
        "王书记",
        "通知 12月17日19:00 中秋游园赏月活动 地点:小区中心广场 对象:3号楼居民群、4号楼居民群 名额:40",
    )
    _at(sim, 9, 30)
    say(sim, "3号楼居民群", "张阿姨", "游园我和孙子都去")
    say(sim, "3号楼居民群", "张阿姨", "3号楼2单元电梯又停在7楼不动了")
    say(sim, "3号楼居民群", "张阿姨", "孙子说他不去了 就我一个")
    _at(sim, 16, 30)
    texts = _texts(say(sim, "3号楼居民群", "张阿姨", more))
    assert any("已为您加上1人，共2人" in t for t in texts), texts
    assert not any("工单" in t for t in texts), texts


@pytest.mark.parametrize(
    "bigger",
    [
        pytest.param("火好大 两辆电动车烧起来了", id="trial-P34"),
        pytest.param("车棚那边烧起来了 火苗蹿得老高", id="fresh"),
    ],
)
def test_trial_and_fresh_a_neighbour_on_the_shed_fire_lit_by_sparks_joins_its_page(
    sim: Simulator, bigger: str
) -> None:
    _at(sim, 23, 10)
    say(
        sim,
        "4号楼居民群",
        "陈先生",
        "小区里又有人放烟花 火星子掉在4号楼2单元门口电动车棚上 棚顶烧起来了",
    )
    _at(sim, 23, 15)
    say(sim, "4号楼党小组", "孙丽", "收到 我马上下楼看看车棚着火的")
    _at(sim, 23, 20)
    messages = say(sim, "4号楼居民群", "小美", bigger)
    assert _paged(messages) == [], _texts(messages)
    assert any("已有居民反映过（工单 #1" in t for t in _texts(messages))
    assert len(_tickets(sim)) == 1


@pytest.mark.parametrize(
    "called",
    [
        pytest.param("我打了120了 物业拿备用钥匙在上来", id="trial-R35"),
        pytest.param("我在门口 打了120了 物业的人拿钥匙去了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_neighbour_who_called_120_joins_the_fall_never_told_to_call_again(
    sim: Simulator, called: str
) -> None:
    _at(sim, 13, 10)
    say(
        sim,
        "4号楼居民群",
        "小美",
        "4号楼2单元302的黄奶奶家 里面一直有人喊救命 好像摔倒了 门锁着敲不开 她是一个人住的",
    )
    _at(sim, 13, 20)
    texts = _texts(say(sim, "4号楼居民群", "陈先生", called))
    assert any("【工单 #1 居民补充】" in t for t in texts), texts
    assert not any("请立即拨打120" in t for t in texts), texts


@pytest.mark.parametrize(
    "news",
    [
        pytest.param("打了电力抢修 说马上来", id="trial-R89"),
        pytest.param("供电所的电话打了 说马上就到", id="fresh"),
    ],
)
def test_trial_and_fresh_help_called_on_his_own_sparks_goes_on_that_ticket(
    sim: Simulator, news: str
) -> None:
    _at(sim, 1, 10)
    say(sim, "3号楼居民群", "小林", "3号楼2单元地下室配电箱那边滋滋响 还有股焦糊味")
    _at(sim, 1, 20)
    texts = _texts(say(sim, "3号楼居民群", "小林", news))
    assert any("【工单 #1 居民补充】" in t for t in texts), texts
