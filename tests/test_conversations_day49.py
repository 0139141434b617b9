"""Day 49 (docs/trials/day49/report.md, first contact on 84d63ec, a June week of plum rains,
高考 and 端午): trial sentences ("trial") next to wordings of mine ("fresh").

1. understanding: a danger told as a lesson not learned is no page, and the building it names
   is not the ticket's (R011); a creature crawling out is no one at a height (R018: still a
   可能紧急 page by word statistics, no longer 高处危险); papers mislaid are no missing person
   (R084); a cry over the washing or the heat is no page (R070,
   R138); water rising where an old man lives is a flood, with flood advice (R066); a quarrel
   come to blows is a fight (R121); a plea to the dancers to stop is a noise complaint (R014);
   asking whether news of a cut is true is a question for staff (R037);
2. all-clears: power back with the fridge humming again, the bikes moved, a report owned up to
   as a mistake, a manhole covered (R055, R101, R086, R030); one more bike now is no all-clear
   (R039);
3. events: a day of the month picks the market among two of that name (R080);
4. staff: "我们先接了 下礼拜来看" claims, it does not close (S62); a transfer into another grid
   goes through the community group, asked to hand it on (S06)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.simulator import Simulator
from service.models import Ticket
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _paged
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


def _tickets(sim: Simulator) -> list[Ticket]:
    with sim.core.factory() as session:
        return list(session.scalars(select(Ticket).order_by(Ticket.id)))


def _reply_to(sent: list, sender: str) -> list[str]:  # type: ignore[type-arg]
    """What the sender reads addressed to them."""
    return [m.text for m in sent if any(x.name == sender for x in m.mentions)]


# -- 1. understanding -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "楼道里又有人把电瓶车推进来充电了 就停在2单元楼梯口 今天早上1号楼刚冒烟 还不长记性",
            id="trial-R011",
        ),
        pytest.param(
            "单元门口又停满了充电的电动车 早上3号楼那边刚起过火 一点不吸取教训", id="fresh"
        ),
    ],
)
def test_trial_and_fresh_a_danger_told_as_a_lesson_is_no_page_and_not_the_tickets_building(
    sim: Simulator, text: str
) -> None:
    _at(sim, 8, 30)
    sent = say(sim, "6号楼居民群", "陈姐", text)
    assert not _paged(sent), _texts(sent)
    (ticket,) = _tickets(sim)
    assert (ticket.building, ticket.emergency) == ("6", False)
    assert any("6号楼" in t for t in _reply_to(sent, "陈姐")), _texts(sent)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("还有伐 楼道里蜈蚣爬出来了 老大一条 吓煞人", id="trial-R018"),
        pytest.param("地下室门口爬出好几只老鼠 吓死人了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_creature_crawling_out_is_no_one_at_a_height(
    sim: Simulator, text: str
) -> None:
    _at(sim, 9, 40)
    sent = say(sim, "2号楼居民群", "钱阿婆", text)
    told = _reply_to(sent, "钱阿婆")
    assert told and not any("稳住对方" in t for t in told), _texts(sent)
    assert [t.subcategory for t in _tickets(sim)] != ["高处危险"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "孩子明天高考 身份证找不到了 翻遍了 派出所今天周末能办临时身份证吗 急死了",
            id="trial-R084",
        ),
        pytest.param("儿子准考证找不到了 明天就考试 急死人 能补办吗", id="fresh"),
    ],
)
def test_trial_and_fresh_mislaid_papers_are_a_question_not_a_missing_person(
    sim: Simulator, text: str
) -> None:
    _at(sim, 9, 30)
    sent = say(sim, "3号楼居民群", "宝妈小吴", text)
    assert not _paged(sent), _texts(sent)
    assert [t.category for t in _tickets(sim)] == ["inquiry"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("救命 这鬼天气 衣服晾了三天还是湿的 家里都要长蘑菇了🍄😂", id="trial-R070"),
        pytest.param("救命啊 梅雨天被子晒不干 都一股霉味了😭", id="fresh-washing"),
        pytest.param("热晕了热晕了 今天37度 空调开到最低都没用🥵", id="trial-R138"),
        pytest.param("要热晕了 三十八度 电扇吹出来都是热风", id="fresh-heat"),
    ],
)
def test_trial_and_fresh_a_cry_over_the_weather_is_no_ticket(sim: Simulator, text: str) -> None:
    _at(sim, 12, 0)
    sent = say(sim, "幸福里业主群", "吃瓜群众", text)
    assert not _paged(sent) and not _tickets(sim), _texts(sent)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "地下室进水了 2单元地下室住着个收废品的老头 腿脚不好 水已经漫过第三级台阶了 喊他没人应",
            id="trial-R066",
        ),
        pytest.param("车库进水了 里面住着个看车的大爷 水已经涨到膝盖 敲门没反应", id="fresh"),
    ],
)
def test_trial_and_fresh_water_rising_where_an_old_man_lives_is_a_flood_with_flood_advice(
    sim: Simulator, text: str
) -> None:
    _at(sim, 3, 10)
    sent = say(sim, "4号楼居民群", "小贾", text)
    assert _paged(sent), _texts(sent)
    (told,) = _reply_to(sent, "小贾")
    assert "不要蹚水" in told and "平躺" not in told, told
    assert _tickets(sim)[0].subcategory == "水淹危险"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "广场上跳舞的跟一个考生家长吵起来了 已经动手推人了 有个阿姨摔地上了", id="trial-R121"
        ),
        pytest.param("两家人在楼下吵着吵着动起手来了 有个老头被推倒了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_quarrel_come_to_blows_is_a_fight_for_the_police(
    sim: Simulator, text: str
) -> None:
    _at(sim, 19, 40)
    sent = say(sim, "3号楼居民群", "退休张老师", text)
    assert _paged(sent), _texts(sent)
    (told,) = _reply_to(sent, "退休张老师")
    assert "110" in told and "平躺" not in told, told


@pytest.mark.parametrize(
    ("text", "category"),
    [
        pytest.param(
            "跳广场舞的阿姨们 下周一周二高考 能不能这两天晚上停一停 我们楼好几个考生呢",
            "dispute",
            id="trial-R014",
        ),
        pytest.param("楼下跳舞的音箱 晚上停一停行吗 孩子周一高考", "dispute", id="fresh-plea"),
        pytest.param(
            "听说明天开始全小区停水三天 要换主管道 真的假的？？ 也没看见贴通知啊",
            "inquiry",
            id="trial-R037",
        ),
        pytest.param(
            "群里有人说下周全楼停电检修 是真的吗 物业也没贴通知", "inquiry", id="fresh-news"
        ),
    ],
)
def test_trial_and_fresh_a_plea_and_a_question_about_news_reach_staff(
    sim: Simulator, text: str, category: str
) -> None:
    _at(sim, 9, 0)
    sent = say(sim, "3号楼居民群", "小周", text)
    assert any(t.startswith("已收到您反映的问题") for t in _reply_to(sent, "小周")), _texts(sent)
    assert [t.category for t in _tickets(sim)] == [category]


# -- 2. all-clears ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("report", "back"),
    [
        pytest.param(
            "5号楼3单元从中午就停电了 冰箱里的东西都化了 啥时候来电啊",
            "来电了来电了 冰箱又嗡嗡响了😂",
            id="trial-R055",
        ),
        pytest.param(
            "5号楼3单元一早就停水了 衣服泡在洗衣机里",
            "有水了有水了 洗衣机又转起来了",
            id="fresh-R055",
        ),
        pytest.param(
            "楼道里又有人把电瓶车推进来充电了 就停在2单元楼梯口",
            "电瓶车推走了 楼道清爽了",
            id="trial-R101",
        ),
        pytest.param(
            "2单元有人给电动车飞线充电 线从三楼窗户吊下来",
            "飞线拆了 电动车也挪走了",
            id="fresh-R101",
        ),
        pytest.param(
            "5号楼3单元楼上往我家滴水 一滴一滴的",
            "不好意思 搞错了 滴水是我家自己热水器管子松了 已经拧好了 没事了",
            id="trial-R086",
        ),
        pytest.param(
            "5号楼3单元厨房顶上滴水 是不是楼上漏了",
            "抱歉弄错了 是我家阳台的水管 已经拧紧了",
            id="fresh-R086",
        ),
    ],
)
def test_trial_and_fresh_a_resident_saying_their_problem_is_over_tells_the_group(
    sim: Simulator, report: str, back: str
) -> None:
    _at(sim, 16, 0)
    say(sim, "5号楼居民群", "周大姐", report)
    _at(sim, 19, 50)
    sent = say(sim, "5号楼居民群", "周大姐", back)
    told = _texts(sent)
    assert any("居民称已恢复" in t for t in told), told
    assert not any("耐心等一等" in t for t in told), told


@pytest.mark.parametrize(
    "over",
    [
        pytest.param("物业来把井盖盖上了 还拉了警示带 孩子们都回家了👍", id="trial-R030"),
        pytest.param("井盖已经盖好了 围上了警戒线 小孩都回家了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_manhole_covered_is_news_the_danger_is_over(
    sim: Simulator, over: str
) -> None:
    _at(sim, 11, 0)
    sent = say(sim, "5号楼居民群", "小宋", "5号楼后面那个下水道井盖被水冲开了 小孩在旁边蹚水玩")
    assert _paged(sent), _texts(sent)
    _at(sim, 11, 50)
    told = _texts(say(sim, "5号楼居民群", "小宋", over))
    assert any("居民称险情已解除" in t for t in told), told


@pytest.mark.parametrize(
    "worse",
    [
        pytest.param(
            "2单元楼梯口那电瓶车还在 现在又多了一辆 插线板从一楼窗户里拉出来的", id="trial-R039"
        ),
        pytest.param("冒烟那辆还在楼道里 又推进来一辆 电线从窗户拉出来的", id="fresh"),
    ],
)
def test_trial_and_fresh_one_more_bike_is_no_all_clear(sim: Simulator, worse: str) -> None:
    _at(sim, 7, 40)
    sent = say(sim, "6号楼居民群", "陈姐", "6号楼2单元楼道里那辆电瓶车在冒白烟 一股塑料烧焦的味道")
    assert _paged(sent), _texts(sent)
    _at(sim, 8, 20)
    told = _texts(say(sim, "6号楼居民群", "陈姐", worse))
    assert not any("险情已解除" in t for t in told), told


# -- 3. events --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        pytest.param("28号的便民服务集市我报个名 我会理发 可以去帮忙", "12月28日", id="trial-R080"),
        pytest.param("1月14号那场集市算我一个 我去量血压", "1月14日", id="fresh"),
    ],
)
def test_trial_and_fresh_a_day_of_the_month_picks_the_market_of_that_day(
    sim: Simulator, text: str, date: str
) -> None:
    _at(sim, 9, 0)
    (reply,) = _reply_to(say(sim, "幸福里业主群", "6栋小马", text), "6栋小马")
    assert reply.startswith("已为您报名") and date in reply, reply


# -- 4. staff ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "later",
    [
        pytest.param("#1 外墙要走维修基金 我们先接了 下礼拜来看", id="trial-S62"),
        pytest.param("#1 这个我们接了 下个星期安排人来修", id="fresh"),
    ],
)
def test_trial_and_fresh_taking_a_job_for_next_week_claims_it(sim: Simulator, later: str) -> None:
    _at(sim, 10, 0)
    say(sim, "1号楼居民群", "小林妈妈", "1号楼3单元我家墙角发霉 是不是外墙渗水了")
    say(sim, "1号楼党小组", "张建国", "#1 转物业")
    _at(sim, 12, 12)
    told = _texts(say(sim, "物业服务中心群", "钱经理", later))
    assert not any("已办结" in t or "已处理" in t for t in told), told
    assert _tickets(sim)[0].state == "claimed"


@pytest.mark.parametrize(
    ("group", "sender", "words"),
    [
        pytest.param(
            "1号楼党小组",
            "张建国",
            "#1 不是我们楼的 是6号楼2单元楼道停电瓶车 转6号楼",
            id="trial-S06",
        ),
        pytest.param("第一网格党支部群", "李网格长", "#1 转5号楼", id="fresh"),
    ],
)
def test_trial_and_fresh_a_transfer_into_another_grid_goes_through_the_community(
    sim: Simulator, group: str, sender: str, words: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "1号楼居民群", "小林妈妈", "1号楼2单元楼道灯坏了好几天了")
    _at(sim, 8, 25)
    told = _texts(say(sim, group, sender, words))
    assert any(t.startswith("跨网格转办由社区安排：工单 #1 已转社区党委工作群") for t in told), told
    notice = [t for t in told if t.startswith("【新工单 #1】")]
    assert notice and "由1号楼党小组转来：请转" in notice[0], told
    assert _tickets(sim)[0].assigned_group == "社区党委工作群"
