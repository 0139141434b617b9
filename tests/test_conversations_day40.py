"""Day 40 (docs/trials/day40/report.md, first contact on f95d9bd): trial sentences ("trial")
next to wordings of mine ("fresh").

1. a branch broken by snow is no medical emergency (R52); a lost pet is no lead of a missing
   person, its finding no all-clear of the search (R36, R61);
2. all-clears in everyday words of a gas smell, a fight and a burst pipe (R51, R93, R96); fixed,
   with thanks, naming nothing, of one's one open ticket (R57);
3. staff: "26号门禁 …已处理" closes #26 (S81); "7号和38号是一回事" keeps the older (S05); an answer
   to a "开不开" question reaches the resident (S40); a 签到 with one unknown name records the
   others (S41); work done naming two open tickets is asked about, never silence (R56);
4. "我带孙子来了 包饺子报名" signs up (T07)."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.simulator import Simulator
from service.models import Ticket
from tests.test_conversations_day22 import ZONE, _at
from tests.test_conversations_resid16 import _paged
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

MISSING_MAN = (
    "我家老爷子有点糊涂 早上7点出去买菜到现在没回来 穿蓝色羽绒服戴灰色毛线帽 我们是3号楼的"
    " 谁看见了告诉我一声"
)
DUMPLINGS = "通知 12月20日9:30 包饺子志愿活动 地点:社区活动室 对象:幸福里业主群 名额:12"


def _state(sim: Simulator, ticket_id: int) -> str:
    with sim.core.factory() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        return ticket.state


# -- 1. no danger of a person ---------------------------------------------------------------


@pytest.mark.parametrize(
    "branch",
    [
        pytest.param(
            "中心花园那棵大柳树被雪压断了一根大树枝 耷拉在路上 小孩别去那玩", id="trial-R52"
        ),
        pytest.param("2号楼门口的晾衣架被雪压断了 横在路上 大家绕着点走", id="fresh"),
    ],
)
def test_trial_and_fresh_something_broken_by_snow_gets_no_first_aid_advice(
    sim: Simulator, branch: str
) -> None:
    _at(sim, 15, 30)
    texts = _texts(say(sim, "幸福里业主群", "老周", branch))
    assert not any("保持病人平躺" in t or "拨打120" in t for t in texts), texts
    assert not any("急病" in t for t in texts), texts


@pytest.mark.parametrize(
    ("lost", "found"),
    [
        pytest.param(
            "谁看到我家小泰迪了 棕色的 叫豆豆 早上在2号楼下跑丢了 好着急😭",
            "豆豆找到了 躲在3号楼车棚里 谢谢大家帮忙转发❤️",
            id="trial-R36-R61",
        ),
        pytest.param(
            "我家橘猫跑出去了 胖胖的 脖子上有个铃铛 有人看到吗",
            "咪咪回来了 自己跑回3号楼楼道了 谢谢大家",
            id="fresh",
        ),
    ],
)
def test_trial_and_fresh_a_lost_pet_is_never_the_missing_man_searched_for(
    sim: Simulator, lost: str, found: str
) -> None:
    _at(sim, 9, 0)
    say(sim, "幸福里业主群", "刘大姐", MISSING_MAN)
    _at(sim, 9, 30)
    texts = _texts(say(sim, "幸福里业主群", "小美", lost))
    assert not any("线索" in t for t in texts), texts
    _at(sim, 12, 30)
    texts = _texts(say(sim, "幸福里业主群", "小美", found))
    assert not any("工单 #1" in t for t in texts), texts
    assert _state(sim, 1) != "resolved"


# -- 2. all-clears --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("danger", "over"),
    [
        pytest.param(
            "5号楼3单元二楼楼道一股煤气味 越来越冲 好像是201家飘出来的",
            "煤气味没了 是201家灶台阀门没关严 燃气公司来看过了",
            id="trial-R51",
        ),
        pytest.param(
            "5号楼3单元楼道里好大一股燃气味 不知道谁家的",
            "燃气公司来了 味道没了 是楼下灶台的管子松了",
            id="fresh-gas",
        ),
        pytest.param(
            "楼上503两口子打起来了 女的一直在哭喊 砸东西的声音一下一下的 5号楼1单元",
            "警察来了 楼上消停了",
            id="trial-R93",
        ),
        pytest.param(
            "5号楼1单元楼上两口子又打起来了 摔东西 孩子在哭",
            "保安上去了 现在不打了",
            id="fresh-fight",
        ),
        pytest.param(
            "我家地暖管子爆了 水哗哗往外冒 已经流到楼下了 总阀在哪关啊 5号楼1单元602",
            "物业师傅来了 阀门关上了 在拖水",
            id="trial-R96",
        ),
        pytest.param(
            "5号楼1单元602暖气管爆了 热水喷了一屋子 楼下都在滴",
            "师傅把总阀关上了 不喷了 正在收拾",
            id="fresh-pipe",
        ),
    ],
)
def test_trial_and_fresh_the_reporter_saying_it_is_over_is_over_news(
    sim: Simulator, danger: str, over: str
) -> None:
    _at(sim, 14, 0)
    assert _paged(say(sim, "5号楼居民群", "周阿姨", danger))
    _at(sim, 15, 20)
    texts = _texts(say(sim, "5号楼居民群", "周阿姨", over))
    assert not any("当前状态" in t for t in texts), texts
    assert any("#1 已处理" in t for t in texts), texts


@pytest.mark.parametrize(
    "fixed",
    [
        pytest.param("撒了盐好多了 满意👍", id="trial-R57"),
        pytest.param("铺了垫子不滑了 谢谢", id="fresh"),
    ],
)
def test_trial_and_fresh_fixed_with_thanks_naming_nothing_is_news_of_ones_one_ticket(
    sim: Simulator, fixed: str
) -> None:
    _at(sim, 7, 40)
    say(sim, "5号楼居民群", "小刘", "5号楼1单元门口那个坡道结冰了 滑得要命 刚才送奶的小伙子摔了一跤")
    _at(sim, 14, 20)
    texts = _texts(say(sim, "5号楼居民群", "小刘", fixed))
    assert any("居民称已恢复" in t and "工单 #1" in t for t in texts), texts


# -- 3. staff -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "closing",
    [
        pytest.param("1号门禁 找电工修好了 已处理", id="trial-S81"),
        pytest.param("1号门禁弄好了 换了个读卡器", id="fresh"),
    ],
)
def test_trial_and_fresh_a_number_before_the_card_reader_closes_that_ticket(
    sim: Simulator, closing: str
) -> None:
    _at(sim, 9, 0)
    say(sim, "4号楼居民群", "小孙", "4号楼2单元单元门禁冻住了 刷卡没反应")
    say(sim, "4号楼党小组", "孙丽", "#1 接单")
    _at(sim, 10, 0)
    say(sim, "4号楼居民群", "老吴", "4号楼楼道灯不亮了")
    _at(sim, 15, 45)
    texts = _texts(say(sim, "4号楼党小组", "孙丽", closing))
    assert any("工单 #1 已办结" in t for t in texts), texts
    assert _state(sim, 1) == "resolved"


@pytest.mark.parametrize(
    "merge",
    [
        pytest.param("1号和2号是一回事 都是刘奶奶家暖气", id="trial-S05"),
        pytest.param("2号跟1号是一回事", id="fresh"),
    ],
)
def test_trial_and_fresh_a_merge_in_words_keeps_the_older_ticket(
    sim: Simulator, merge: str
) -> None:
    _at(sim, 8, 0)
    say(
        sim,
        "3号楼居民群",
        "刘奶奶",
        "我一个人住 暖气不热 手脚冰凉 孩子都在外地 能不能来个人帮我看看 3号楼1单元101",
    )
    _at(sim, 21, 30)
    say(sim, "3号楼居民群", "刘奶奶", "哎 谁能帮我看看暖气 晚上冷得睡不着")
    _at(sim, 21, 40)
    texts = _texts(say(sim, "3号楼党小组", "刘志强", merge))
    assert any("工单 #2 已合并到工单 #1" in t for t in texts), texts
    _at(sim, 21, 50)
    texts = _texts(
        say(sim, "3号楼党小组", "刘志强", "#1 去看望了刘奶奶 暖气阀门没开 帮她打开了")
    )
    assert any("工单 #1 已办结" in t for t in texts), texts


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        pytest.param(
            "社区乒乓球室冬天开不开啊 周末想去打两拍",
            "#1 乒乓球室冬天照常开 周二到周日9点到17点 在社区二楼",
            id="trial-S40",
        ),
        pytest.param(
            "社区图书室过年开不开 孩子放假想去看书",
            "#1 图书室春节放假三天 初四照常开",
            id="fresh",
        ),
        pytest.param(
            "书法班寒假还上不上 是不是要停了",
            "#1 寒假照常上课 每周六上午九点",
            id="fresh-misread",
            marks=pytest.mark.xfail(
                strict=True,
                reason="read as a repair (要停了 of an outage), not a question about a class: "
                "the answer is kept as a note",
            ),
        ),
    ],
)
def test_trial_and_fresh_an_answer_to_a_yes_or_no_question_reaches_the_resident(
    sim: Simulator, question: str, answer: str
) -> None:
    _at(sim, 10, 0)
    say(sim, "4号楼居民群", "赵老师", question)
    _at(sim, 11, 5)
    messages = say(sim, "4号楼党小组", "孙丽", answer)
    told = [m.text for m in messages if m.room_id == "4号楼居民群"]
    assert any("答复如下" in t for t in told), _texts(messages)


def test_trial_a_check_in_with_one_unknown_name_records_the_others(sim: Simulator) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", DUMPLINGS)
    say(sim, "幸福里业主群", "张阿姨", "包饺子算我一个 我擀皮儿快😄")
    say(sim, "幸福里业主群", "小陈", "接龙 包饺子\n1.张阿姨\n2.李大爷\n3.小陈\n4.小陈妈妈")
    sim.clock.set(datetime(2026, 12, 20, 11, 8, tzinfo=ZONE))
    texts = _texts(
        say(sim, "社区党委工作群", "王书记", "签到 #E30 张阿姨 李大爷 小陈妈妈 孙大妈")
    )
    assert any("出勤3人" in t and "没有找到：孙大妈" in t for t in texts), texts


@pytest.mark.parametrize(
    "done",
    [
        pytest.param("1单元门口坡道撒了融雪剂 铺了草垫子", id="trial-R56"),
        pytest.param("单元门口坡道的冰铲掉了 撒了盐", id="fresh"),
    ],
)
def test_trial_and_fresh_work_done_naming_two_open_tickets_is_never_silence(
    sim: Simulator, done: str
) -> None:
    _at(sim, 7, 40)
    say(sim, "5号楼居民群", "小刘", "5号楼1单元门口那个坡道结冰了 滑得要命 刚才送奶的小伙子摔了一跤")
    _at(sim, 8, 0)
    say(sim, "5号楼居民群", "王大爷", "1单元门口坡道太滑了 能不能撒点盐")
    _at(sim, 14, 0)
    texts = _texts(say(sim, "5号楼党小组", "周海", done))
    # never silence: asked which, or kept on the one its words name best
    assert any("哪张工单" in t or "已记下" in t for t in texts), texts


# -- 4. sign-ups ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("signup", "party"),
    [
        pytest.param("我带孙子来了 包饺子报名", 2, id="trial-T07"),
        pytest.param("包饺子报名 就我一个", 1, id="fresh"),
    ],
)
def test_trial_and_fresh_the_events_words_then_sign_up_signs_up(
    sim: Simulator, signup: str, party: int
) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", DUMPLINGS)
    _at(sim, 8, 10)
    texts = _texts(say(sim, "幸福里业主群", "孙大妈", signup))
    assert any("已为您报名" in t for t in texts), texts
    assert any(f"还剩{12 - party}个" in t for t in texts), texts
    assert not any("工单" in t for t in texts), texts


@pytest.mark.parametrize(
    "heating",
    [
        pytest.param("我家暖气半夜也不热 明天能来看看吗 5号楼1单元301", id="trial-R91"),
        pytest.param("5号楼1单元301 暖气片冰凉的 能派人来看看吗", id="fresh"),
    ],
)
def test_trial_and_fresh_cold_heating_is_no_part_of_ones_request_to_stop_it(
    sim: Simulator, heating: str
) -> None:
    _at(sim, 14, 0)
    say(sim, "5号楼居民群", "王姐", "我家常年不住人 能不能申请暖气停供 少交点供暖费")
    _at(sim, 16, 30)
    texts = _texts(say(sim, "5号楼居民群", "王姐", heating))
    assert any("工单 #2" in t and "301室" in t for t in texts), texts


@pytest.mark.parametrize(
    "remark",
    [
        pytest.param("安全了 就是楼下邻居家天花板泡了", id="trial-T06"),
        pytest.param("没事了 不过楼道里还有好多水", id="fresh"),
    ],
)
def test_trial_and_fresh_safe_with_something_left_reaches_those_handling_it(
    sim: Simulator, remark: str
) -> None:
    _at(sim, 0, 30)
    say(
        sim,
        "6号楼居民群",
        "何姐",
        "我家地暖管子爆了 水哗哗往外冒 已经流到楼下了 总阀在哪关啊 6号楼1单元602",
    )
    _at(sim, 8, 55)
    say(sim, "6号楼党小组", "吴敏", "#1 收到我来")
    _at(sim, 9, 0)
    say(sim, "6号楼党小组", "吴敏", "#1 已处理 602地暖管子物业换了一截 楼下那家也看过了")
    _at(sim, 9, 2)
    messages = say(sim, "6号楼居民群", "何姐", remark)
    heard = [m.text for m in messages if m.room_id == "6号楼党小组"]
    assert any(remark in t for t in heard), _texts(messages)
    assert any(m.room_id == "6号楼居民群" for m in messages), _texts(messages)


@pytest.mark.parametrize(
    "stopgap",
    [
        pytest.param("楼道玻璃先用塑料布封上了 明天换玻璃", id="trial-S70"),
        pytest.param("窗户那先拿纸板挡上了 玻璃得等师傅", id="fresh"),
    ],
)
def test_trial_and_fresh_a_stopgap_on_ones_own_ticket_is_kept_on_it(
    sim: Simulator, stopgap: str
) -> None:
    _at(sim, 9, 0)
    say(sim, "3号楼居民群", "孙大妈", "早 3单元楼道窗户玻璃碎了 冷风往里灌 楼道冻死人")
    _at(sim, 14, 35)
    say(sim, "3号楼党小组", "刘志强", "#1 收到我来")
    _at(sim, 14, 40)
    texts = _texts(say(sim, "3号楼党小组", "刘志强", stopgap))
    assert any("工单 #1" in t for t in texts), texts
    assert _state(sim, 1) != "resolved"
