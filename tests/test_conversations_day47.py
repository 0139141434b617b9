"""Day 47 (docs/trials/day47/report.md, first contact on d0e792e, Spring Festival): trial
sentences ("trial") next to wordings of mine ("fresh").

1. requests are never questions about an event by a shared word of its title ("号楼", "服务") or
   by ending in 没有 (R08, R20, R21, R56);
2. dangers: a fire said as who would answer for it in a parking quarrel is no page (R15); a
   firecracker burn is told to stop the bleeding, never to lie flat (R23); a gas smell with "忘关火
   了吧" is a gas smell (R46); the fight still going on chases the fight (R64); the fight over,
   the one bleeding taken to hospital, is over news, never worse (R66); water stopped is over
   news of the burst pipe (R95); neighbours asked whether they saw an old woman gone out is a
   search (R86), and a sighting pointing at it from another chat a lead (R87); duds on the
   ground are a request of their own (R92); a pet's owner told where it hides is no page (R39);
3. staff: "23号跟31号说的是一个老人" merges (S26); an answer about signing up reaches the
   resident (S47); cancelling a sign-up never made is answered, never a ticket (R98)."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _paged
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

LANTERNS = "通知 12月18日19:00 元宵猜灯谜 地点:社区活动室 对象:幸福里业主群 名额:40"


@pytest.mark.parametrize(
    ("group", "said", "kind"),
    [
        pytest.param(
            "5号楼居民群",
            "家里水管冻住了 一滴水都没有 厨房跟卫生间都不出水 5号楼1单元301",
            "维修维护",
            id="trial-R08",
        ),
        pytest.param(
            "2号楼居民群",
            "请问过年期间社区服务站开门吗 我要开个居住证明 回老家要用",
            "信息咨询",
            id="trial-R21",
        ),
        pytest.param("5号楼居民群", "5号楼电梯坏了 什么时候能修好吗", "维修维护", id="fresh"),
        pytest.param("3号楼居民群", "3号楼的路灯能修一下吗", "维修维护", id="fresh-2"),
    ],
)
def test_trial_and_fresh_a_request_is_never_a_question_about_an_event(
    sim: Simulator, group: str, said: str, kind: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", LANTERNS)
    _at(sim, 11, 0)
    texts = _texts(say(sim, group, "孙师傅", said))
    assert any(f"【新工单 #1】{kind}" in t for t in texts), texts


@pytest.mark.parametrize(
    "quarrel",
    [
        pytest.param("一会儿？从昨晚停到现在了！真着火了消防车进不来你负责啊", id="trial-R15"),
        pytest.param("车天天堵在这 着火了消防车进不来你们负责吗", id="fresh"),
    ],
)
def test_trial_and_fresh_a_fire_said_as_who_would_answer_for_it_is_no_page(
    sim: Simulator, quarrel: str
) -> None:
    _at(sim, 12, 0)
    say(sim, "4号楼居民群", "钟阿姨", "楼下消防通道又被外地车堵死了 来走亲戚的车 停的乱七八糟")
    _at(sim, 12, 10)
    sent = say(sim, "4号楼居民群", "钟阿姨", quarrel)
    assert not _paged(sent), _texts(sent)


@pytest.mark.parametrize(
    "burn",
    [
        pytest.param(
            "我家孩子在楼下玩摔炮 手被炸伤了 起了好大的泡 还在流血 哭得不行 1号楼门口", id="trial-R23"
        ),
        pytest.param("儿子扔摔炮把手指头炸破了 一直在出血", id="fresh"),
    ],
)
def test_trial_and_fresh_a_firecracker_burn_is_told_to_stop_the_bleeding(
    sim: Simulator, burn: str
) -> None:
    _at(sim, 13, 30)
    sent = say(sim, "1号楼居民群", "胖虎妈妈", burn)
    told = [t for t in _texts(sent) if t.startswith("已收到您反映的问题")]
    assert told and "按住止血" in told[0] and "平躺" not in told[0], _texts(sent)


@pytest.mark.parametrize(
    "second",
    [
        pytest.param("2号楼3单元好大的煤气味啊 谁家做饭忘关火了吧", id="trial-R46"),
        pytest.param("2号楼3单元一股煤气味 是不是谁家忘了关火", id="fresh"),
    ],
)
def test_trial_and_fresh_a_gas_smell_blamed_on_a_stove_left_on_is_a_gas_smell(
    sim: Simulator, second: str
) -> None:
    _at(sim, 17, 10)
    say(sim, "2号楼居民群", "小周", "2号楼3单元楼道里一股煤气味 很冲 好像是301家里传出来的 敲门没人应")
    _at(sim, 17, 20)
    texts = _texts(say(sim, "幸福里业主群", "孙姐", second))
    assert any("已有居民反映过（工单 #1" in t for t in texts), texts


FIRE_LANE = "楼下消防通道又被外地车堵死了 来走亲戚的车 停的乱七八糟 4号楼东边那条"
FIGHT = "4号楼3单元楼上两家喝多了在楼道里打起来了 酒瓶子都摔了 有个人头上流血了"


@pytest.mark.parametrize(
    "still",
    [
        pytest.param("还在打 没人来吗 女的在哭", id="trial-R64"),
        pytest.param("又打起来了 怎么还没人来", id="fresh"),
    ],
)
def test_trial_and_fresh_the_fight_still_going_on_chases_the_fight(
    sim: Simulator, still: str
) -> None:
    _at(sim, 20, 0)
    say(sim, "4号楼居民群", "钟阿姨", FIRE_LANE)
    _at(sim, 20, 10)
    say(sim, "4号楼居民群", "钟阿姨", FIGHT)
    _at(sim, 20, 20)
    texts = _texts(say(sim, "4号楼居民群", "钟阿姨", still))
    assert any("工单 #2" in t for t in texts), texts
    assert not any("您有几张工单" in t for t in texts), texts


@pytest.mark.parametrize(
    "over",
    [
        pytest.param("派出所来人了 拉开了 流血那个送医院了", id="trial-R66"),
        pytest.param("警察来了 都拉开了 头破的那个送去医院了", id="fresh"),
    ],
)
def test_trial_and_fresh_the_fight_over_with_the_hurt_taken_to_hospital_is_over_news(
    sim: Simulator, over: str
) -> None:
    _at(sim, 20, 10)
    say(sim, "4号楼居民群", "钟阿姨", FIGHT)
    _at(sim, 20, 40)
    sent = say(sim, "4号楼居民群", "钟阿姨", over)
    assert not any("情况加重" in t for t in _texts(sent)), _texts(sent)
    assert any("居民称险情已解除" in t for t in _texts(sent)), _texts(sent)


@pytest.mark.parametrize(
    "stopped",
    [
        pytest.param("物业来关了阀门 水停了", id="trial-R95"),
        pytest.param("关了总阀 水不喷了", id="fresh"),
    ],
)
def test_trial_and_fresh_water_stopped_is_over_news_of_the_burst_pipe(
    sim: Simulator, stopped: str
) -> None:
    _at(sim, 7, 30)
    say(sim, "2号楼居民群", "王大妈", "2单元一楼的水管爆了 水哗哗往外喷 流到电梯井那去了")
    _at(sim, 7, 50)
    texts = _texts(say(sim, "2号楼居民群", "王大妈", stopped))
    assert any("居民称险情已解除" in t for t in texts), texts
    assert not any("配电设备" in t or "自家总水阀" in t for t in texts), texts


SEARCH = "我婆婆有老年痴呆 半夜自己开门出去了 穿着红棉袄 我们找了一圈没找着 3号楼"


@pytest.mark.parametrize(
    "asked",
    [
        pytest.param(
            "各位邻居谁看到一个穿红棉袄的老太太 70多岁 头发花白 从3号楼走出去的", id="trial-R86"
        ),
        pytest.param("有没有人看到一个老爷爷 戴灰帽子 从5号楼出去的", id="fresh"),
    ],
)
def test_trial_and_fresh_asking_the_neighbours_who_saw_someone_gone_out_is_a_search(
    sim: Simulator, asked: str
) -> None:
    _at(sim, 1, 40)
    sent = say(sim, "幸福里业主群", "马大姐", asked)
    assert any("【紧急 #1】" in t and "走失" in t for t in _paged(sent)), _texts(sent)


@pytest.mark.parametrize(
    "sighting",
    [
        pytest.param("刚在东门看见一个穿红棉袄的老太太往外走 是不是那家的", id="trial-R87"),
        pytest.param("菜市场门口坐着一个穿红棉袄的老奶奶 是不是要找的", id="fresh"),
    ],
)
def test_trial_and_fresh_a_sighting_pointing_at_the_search_from_another_chat_is_a_lead(
    sim: Simulator, sighting: str
) -> None:
    _at(sim, 1, 30)
    say(sim, "3号楼居民群", "马大姐", SEARCH)
    _at(sim, 1, 50)
    sent = say(sim, "1号楼居民群", "夜猫子", sighting)
    assert any("【工单 #1 线索】" in t for t in _texts(sent)), _texts(sent)
    assert not any("#2" in t for t in _texts(sent)), _texts(sent)


@pytest.mark.parametrize(
    "duds",
    [
        pytest.param("楼下满地烟花筒子和炮皮 还有没炸的哑炮 小孩在捡 太危险了", id="trial-R92"),
        pytest.param("门口好几个没炸的哑炮 谁来清一下", id="fresh"),
    ],
)
def test_trial_and_fresh_duds_on_the_ground_are_a_request_of_their_own(
    sim: Simulator, duds: str
) -> None:
    _at(sim, 7, 20)
    say(sim, "6号楼居民群", "何先生", "6号楼门口的垃圾站满了 鞭炮纸壳子 外卖盒子堆成山 风一吹满地都是")
    _at(sim, 7, 30)
    texts = _texts(say(sim, "6号楼居民群", "何先生", duds))
    assert any("已收到您反映的问题（工单 #2" in t for t in texts), texts


@pytest.mark.parametrize(
    "told",
    [
        pytest.param("豆豆妈 你家狗在3号楼后面的车棚下面 我看见了 躲着不出来", id="trial-R39"),
        pytest.param("看见你家猫了 在2号楼楼道里 躲着不出来", id="fresh"),
    ],
)
def test_trial_and_fresh_a_pets_owner_told_where_it_hides_is_no_page(
    sim: Simulator, told: str
) -> None:
    _at(sim, 16, 10)
    sent = say(sim, "5号楼居民群", "热心邻居", told)
    assert not _paged(sent), _texts(sent)
    assert not any("工单" in t for t in _texts(sent)), _texts(sent)


@pytest.mark.parametrize(
    "same",
    [
        pytest.param("1号跟2号说的是一个老人", id="trial-S26"),
        pytest.param("2号和1号是同一个人", id="fresh"),
    ],
)
def test_trial_and_fresh_two_tickets_of_one_person_are_merged(sim: Simulator, same: str) -> None:
    _at(sim, 9, 0)
    say(sim, "1号楼居民群", "老孙", "1号楼2单元老孙头在楼道摔了一跤 起不来了")
    _at(sim, 9, 10)
    # (told as the trial told it, "2单元那个老爷子摔倒了 腿动不了" now joins #1 at once: a fall is
    # a hazard family since day 61; the test below)
    say(sim, "1号楼居民群", "小李", "2单元那个老爷子腿动不了 谁来帮帮忙")
    _at(sim, 11, 20)
    texts = _texts(say(sim, "1号楼党小组", "张建国", same))
    assert any("工单 #2 已合并到工单 #1" in t for t in texts), texts


def test_trial_the_same_fall_told_twice_in_ten_minutes_is_one_ticket(sim: Simulator) -> None:
    _at(sim, 9, 0)
    say(sim, "1号楼居民群", "老孙", "1号楼2单元老孙头在楼道摔了一跤 起不来了")
    _at(sim, 9, 10)
    texts = _texts(say(sim, "1号楼居民群", "小李", "2单元那个老爷子摔倒了 腿动不了"))
    assert any("已有居民反映过（工单 #1" in t for t in texts), texts


@pytest.mark.parametrize(
    "cancel",
    [
        pytest.param("取消报名 灯谜那个 我那天要加班", id="trial-R98"),
        pytest.param("猜灯谜那个帮我取消一下", id="fresh"),
    ],
)
def test_trial_and_fresh_cancelling_a_sign_up_never_made_is_answered_not_ticketed(
    sim: Simulator, cancel: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", LANTERNS)
    _at(sim, 9, 0)
    texts = _texts(say(sim, "5号楼居民群", "豆豆妈", cancel))
    assert any("没有报名" in t for t in texts), texts
    assert not any("工单" in t for t in texts), texts


def test_a_staff_answer_on_a_sign_up_ticket_reaches_the_resident(sim: Simulator) -> None:
    _at(sim, 8, 0)
    say(sim, "5号楼居民群", "豆豆妈", "我想给孩子报个名 元宵节那天社区有活动吗")
    _at(sim, 13, 25)
    texts = _texts(say(sim, "5号楼党小组", "周海", "#1 有猜灯谜 到时候群里发通知 直接回复报名就行"))
    assert any(t.startswith("工单 #1 已办结") for t in texts), texts


@pytest.mark.parametrize(
    "upstairs",
    [
        pytest.param(
            "我奶奶住2号楼8楼 电梯坏了一天了 她一个人下不来楼 年夜饭我们接不出来 能不能帮帮忙",
            id="trial-R56",
        ),
        pytest.param("电梯停了两天 我妈一个人在12楼下不了楼 谁能帮忙送点菜", id="fresh"),
    ],
)
def test_trial_and_fresh_someone_upstairs_with_the_lift_broken_is_a_ticket_not_a_trapped_page(
    sim: Simulator, upstairs: str
) -> None:
    _at(sim, 19, 0)
    sent = say(sim, "2号楼居民群", "吴奶奶的孙女", upstairs)
    assert not _paged(sent), _texts(sent)
    assert any("【新工单 #1】" in t for t in _texts(sent)), _texts(sent)
    assert not any("警铃" in t for t in _texts(sent)), _texts(sent)
