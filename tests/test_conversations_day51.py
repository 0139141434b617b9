"""Day 51 (docs/trials/day51/, a first contact on the street-group work of the thirty-first
session, a cold December week): trial sentences ("trial") next to wordings of mine ("fresh").

Two emergencies were not paged:
- R72, a child crying alone behind a locked door for an hour, told by a man whose clutter ticket
  for that stairwell was open: its "一个多小时了" read as a chase of the clutter. A situation told
  at length chases only a ticket it shares words with.
- R92, an old woman alone at 02:00 with chest pain, whose husband had been taken to hospital:
  "老头子住院了" after her symptoms read as news that the danger was over. Symptoms told by one
  who says she is alone (`alone_words`) are not over because somebody else is in hospital."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _paged
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    "told",
    [
        pytest.param(
            "2号楼1单元四楼 有个小孩在家里哭了一个多小时了 一直喊妈妈 敲门没人开 大人好像不在家",
            id="trial-R72",
        ),
        pytest.param(
            "2号楼1单元三楼有个小女孩一直在哭 哭了快两个小时了 敲门也没大人应 听着嗓子都哑了",
            id="fresh",
        ),
    ],
)
def test_trial_and_fresh_a_child_crying_alone_is_paged_not_a_chase_of_the_stairwell_clutter(
    sim: Simulator, told: str
) -> None:
    _at(sim, 16, 0)
    say(
        sim,
        "2号楼居民群",
        "冯大哥",
        "2号楼1单元楼道里堆了好多纸箱和旧沙发 谁家搬家扔的 消防通道都堵了",
    )
    _at(sim, 19, 20)
    sent = say(sim, "2号楼居民群", "冯大哥", told)
    assert _paged(sent), _texts(sent)
    assert not any("居民补充" in t for t in _texts(sent)), _texts(sent)


def test_a_short_chase_by_the_same_man_still_chases_his_clutter(sim: Simulator) -> None:
    """What the length rule keeps: "都两个小时了 到底有没有人管" is his chase, not a page."""
    _at(sim, 16, 0)
    say(
        sim,
        "2号楼居民群",
        "冯大哥",
        "2号楼1单元楼道里堆了好多纸箱和旧沙发 谁家搬家扔的 消防通道都堵了",
    )
    _at(sim, 18, 10)
    sent = _texts(say(sim, "2号楼居民群", "冯大哥", "都两个小时了 到底有没有人管"))
    assert any("工单 #1" in t for t in sent) and not any("紧急" in t for t in sent), sent


@pytest.mark.parametrize(
    "told",
    [
        pytest.param("睡不着 心口疼得厉害 喘不上气 老头子住院了家里就我一个", id="trial-R92"),
        pytest.param("半夜胸口闷得慌 喘不过气来 老伴住院了 家里就我一个人", id="fresh"),
        pytest.param(
            "胸口闷得慌 喘不过气来 老伴送医院了 家里就我一个人",
            id="fresh-left",
            marks=pytest.mark.xfail(
                reason="left: the classifier reads 送医院了 as the danger over, before any rule",
                strict=True,
            ),
        ),
    ],
)
def test_trial_and_fresh_an_old_woman_alone_with_chest_pain_is_paged_at_night(
    sim: Simulator, told: str
) -> None:
    _at(sim, 12, 30)
    say(
        sim,
        "1号楼居民群",
        "何奶奶",
        "我家老头子在卫生间摔倒了 起不来 喊他也就哼哼 我一个人扶不动 1号楼1单元402",
    )
    say(sim, "1号楼党小组", "张建国", "#1 接单")
    _at(sim, 13, 10)
    say(sim, "1号楼居民群", "何奶奶", "救护车来了 抬下去了 谢谢邻居们帮忙")
    say(sim, "1号楼党小组", "张建国", "#1 已处理 120送医院了")
    _at(sim, 16, 20)
    say(
        sim,
        "1号楼居民群",
        "何奶奶",
        "老头子住院了 医生说股骨骨折 我一个人在家 晚上有点怕 社区能不能有人来看看",
    )
    say(sim, "1号楼党小组", "张建国", "#2 我晚上去看看何奶奶 给她留了电话")
    _at(sim, 23, 50)
    sent = say(sim, "1号楼居民群", "何奶奶", told)
    assert _paged(sent), _texts(sent)
    assert not any("夜间已记下" in t for t in _texts(sent)), _texts(sent)


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("早上好 今天零下7度 大家注意保暖🙏", id="trial-R96"),
        pytest.param("大家好 明天降温 出门多穿点👍", id="fresh"),
    ],
)
def test_trial_and_fresh_a_greeting_to_the_group_is_no_all_clear_of_the_fire(
    sim: Simulator, said: str
) -> None:
    """After "请问现在大家都安全了吗", a greeting to everyone with an emoji is chat: the fire's
    ticket still waits for the resident's word."""
    _at(sim, 18, 0)
    say(sim, "6号楼居民群", "小郑", "6号楼3单元 我家厨房油锅着了 火苗蹿到抽油烟机上了 盖不住")
    say(sim, "6号楼党小组", "吴敏", "#1 马上去 已打119")
    _at(sim, 18, 30)
    say(sim, "6号楼党小组", "吴敏", "#1 已处理 消防来了 火灭了 没人受伤")
    _at(sim, 18, 40)
    told = _texts(say(sim, "6号楼居民群", "小郑", said))
    assert not any("安全" in t or "已完结" in t for t in told), told
    confirmed = _texts(say(sim, "6号楼居民群", "小郑", "安全了 谢谢🙏"))
    assert any("已完结" in t for t in confirmed), confirmed


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("周六晚上的平安巡逻算我一个", id="trial-R59"),
        pytest.param("周六那个巡逻我也报名", id="fresh"),
    ],
)
def test_trial_and_fresh_a_patrol_named_is_never_a_sign_up_for_the_vaccine_day_that_saturday(
    sim: Simulator, said: str
) -> None:
    """The owners' chat has one Saturday event, the vaccine day; the resident names the patrol
    (another audience's): told so, never signed up for the vaccine day by its weekday alone."""
    sim.clock.set(datetime(2027, 12, 9, 9, 0, tzinfo=ZONE))
    announced = _texts(
        say(
            sim,
            "社区党委工作群",
            "王书记",
            "通知 12月11日09:00 流感疫苗接种日 地点:社区卫生服务站 对象:幸福里业主群 名额:40 时长:3小时",
        )
    )
    assert any("流感疫苗接种日" in t for t in announced), announced
    sim.clock.set(datetime(2027, 12, 9, 17, 10, tzinfo=ZONE))
    told = _texts(say(sim, "幸福里业主群", "陈先生", said))
    assert told and not any("已为您报名" in t for t in told), told
    signed = _texts(say(sim, "幸福里业主群", "陈先生", "周六打疫苗的算我一个"))
    assert any("已为您报名：流感疫苗接种日" in t for t in signed), signed


def _new_years_party_announced(sim: Simulator) -> None:
    """王书记 announces the New Year's party (30 places) at 09:00; the clock then stands at 15:30."""
    sim.clock.set(datetime(2027, 12, 9, 9, 0, tzinfo=ZONE))
    say(
        sim,
        "社区党委工作群",
        "王书记",
        "通知 12月31日15:00 元旦联欢会 地点:社区党群服务中心多功能厅 对象:幸福里业主群、3号楼居民群 名额:30 时长:2小时",
    )
    sim.clock.set(datetime(2027, 12, 9, 15, 30, tzinfo=ZONE))


@pytest.mark.parametrize(
    ("said", "left"),
    [
        pytest.param("元旦联欢会报名+1 我老伴也去", 28, id="trial-R49"),
        pytest.param("联欢会我也报名 我家老头子也去", 28, id="fresh"),
        pytest.param("元旦联欢会我也报名", 29, id="alone"),
        # asked to be counted after the going (day 51 R103)
        pytest.param("元旦那个联欢会 我们老两口都去 算上", 28, id="trial-R103"),
        pytest.param("联欢会 我们一家三口都去 算上", 27, id="fresh-counted"),
        # someone named after 还有 (day 51 R84, said of the vaccine day)
        pytest.param("联欢会报名算我一个 还有我家隔壁王大爷 他没微信", 28, id="trial-R84"),
        pytest.param("元旦联欢会我报个名 还有对门的刘奶奶 她不会用手机", 28, id="fresh-named"),
    ],
)
def test_trial_and_fresh_one_of_the_family_going_along_takes_a_second_place(
    sim: Simulator, said: str, left: int
) -> None:
    _new_years_party_announced(sim)
    told = _texts(say(sim, "3号楼居民群", "张阿姨", said))
    assert any("已为您报名" in t and "元旦联欢会" in t and f"还剩{left}个" in t for t in told), told


@pytest.mark.parametrize(
    ("said", "advice"),
    [
        pytest.param(
            "3单元五楼冒黑烟了 楼道里都是烟 我们在六楼 往下跑还是待家里", "关紧家门", id="trial-R65"
        ),
        pytest.param("楼上着火了吧 楼梯间都是烟 我们在七楼下不去", "关紧家门", id="fresh"),
        pytest.param("3单元那边着火了 我在楼下都看到火苗了", "盖住油锅", id="no-own-situation"),
    ],
)
def test_trial_and_fresh_a_witness_gets_the_advice_for_their_own_situation(
    sim: Simulator, said: str, advice: str
) -> None:
    """A neighbour above the kitchen fire, with smoke in the stairwell, is told to stay in and
    seal the door, not to cover the pan; one who tells nothing of their own gets the fire's."""
    _at(sim, 18, 0)
    say(sim, "6号楼居民群", "小郑", "6号楼3单元 我家厨房油锅着了 火苗蹿到抽油烟机上了 盖不住")
    _at(sim, 18, 10)
    told = _texts(say(sim, "6号楼居民群", "老吴", said))
    assert any("已有居民反映过" in t and advice in t for t in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("谢谢社区 刚和我妈视频 说下午有人去看她了 还送了米 暖气也热", id="trial-R76"),
        pytest.param("谢谢你们 我爸打电话说上午有人来看过了 挺好的", id="fresh"),
    ],
)
def test_trial_and_fresh_a_daughter_thanking_for_the_visit_is_news_that_it_was_made(
    sim: Simulator, said: str
) -> None:
    """The visit she asked for was made: her group is asked to check and close the ticket, and
    she is thanked, not told to wait longer."""
    sim.clock.set(datetime(2027, 12, 9, 10, 50, tzinfo=ZONE))
    say(
        sim,
        "6号楼居民群",
        "林女士",
        "我妈一个人住6号楼2单元101 八十多了 这两天寒潮我在外地回不去 社区能不能有人去看看她",
    )
    say(sim, "6号楼党小组", "吴敏", "#1 接单 下午我去看看")
    sim.clock.set(datetime(2027, 12, 9, 20, 0, tzinfo=ZONE))
    told = _texts(say(sim, "6号楼居民群", "林女士", said))
    assert any("谢谢告知" in t and "#1" in t for t in told), told
    assert any("居民称已恢复" in t and "#1 已处理" in t for t in told), told
    assert not any("耐心" in t for t in told), told


@pytest.mark.parametrize(
    ("chain", "new"),
    [
        pytest.param(
            "元旦联欢会接龙\n1.孙阿姨\n2.刘大妈\n3.孙阿姨家小孙女",
            "孙阿姨、刘大妈、孙阿姨家小孙女",
            id="trial-R109",
        ),
        pytest.param(
            "联欢会接龙\n1.孙阿姨\n2.孙阿姨的大孙子", "孙阿姨、孙阿姨的大孙子", id="fresh"
        ),
    ],
)
def test_trial_and_fresh_a_grandchild_listed_after_her_grandmother_is_one_more(
    sim: Simulator, chain: str, new: str
) -> None:
    """ "孙阿姨家小孙女" on a 接龙 under 孙阿姨 is her granddaughter, a place of her own, not
    孙阿姨 again."""
    _new_years_party_announced(sim)
    told = _texts(say(sim, "3号楼居民群", "孙阿姨", chain))
    assert any(f"新报名{new.count('、') + 1}人：{new}" in t for t in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param(
            "我爸刚才自己跑出去了 被6号楼邻居送回来了 谢谢大家 社区有没有防走失手环可以申请",
            id="trial-R87",
        ),
        pytest.param(
            "我妈下午走丢了一会 被3号楼的大姐领回来了 谢谢 请问社区的防走失定位器怎么申请",
            id="fresh",
        ),
    ],
)
def test_trial_and_fresh_a_question_after_thanks_for_help_already_come_is_answered(
    sim: Simulator, said: str
) -> None:
    """The lost father is home (no danger, no page), but the question after the thanks is one
    for staff: an inquiry ticket in the asker's own building group, not the helper's."""
    sim.clock.set(datetime(2027, 12, 9, 21, 50, tzinfo=ZONE))
    sent = say(sim, "5号楼居民群", "钱叔", said)
    told = _texts(sent)
    assert not _paged(sent), told
    assert any("已收到您反映的问题" in t for t in told), told
    assert any(m.room_id == "5号楼党小组" and "信息咨询" in m.text for m in sent), told


@pytest.mark.parametrize(
    ("night", "morning"),
    [
        pytest.param(
            "半夜冻醒了 暖气片冰凉的 明天再不修我就打12345了",
            "还是没修 今天几点能来人",
            id="trial-R90-R97",
        ),
        pytest.param(
            "凌晨两点被冻醒 屋里就十二度 再不来修老人孩子都要感冒了",
            "还是没人修啊 几点过来",
            id="fresh",
        ),
    ],
)
def test_trial_and_fresh_his_heating_still_cold_at_night_and_next_morning_chases_his_ticket(
    sim: Simulator, night: str, morning: str
) -> None:
    """His reopened heating ticket, chased at night with a threat and the next morning asking
    when: both are added to his ticket (no new ticket), and he is told how it stands."""
    sim.clock.set(datetime(2027, 12, 9, 7, 50, tzinfo=ZONE))
    say(sim, "3号楼居民群", "孙大爷", "2单元我们家暖气温吞吞的 摸着跟没开一样 我家602")
    say(sim, "3号楼党小组", "刘志强", "#1 已处理 物业放过气了")
    say(sim, "3号楼居民群", "孙大爷", "不满意 还是不热")
    for when, said in (
        (datetime(2027, 12, 9, 23, 50, tzinfo=ZONE), night),
        (datetime(2027, 12, 10, 7, 20, tzinfo=ZONE), morning),
    ):
        sim.clock.set(when)
        told = _texts(say(sim, "3号楼居民群", "孙大爷", said))
        assert any("工单 #1" in t and "当前状态" in t for t in told), told
        assert not any("已收到您反映的问题" in t for t in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param(
            "楼上漏水漏到我家卫生间了 天花板一直往下滴 楼上302敲门没人 我是202", id="trial-R09"
        ),
        pytest.param("楼上漏水 漏到我家厨房了 天花板往下滴 敲门也没人开", id="fresh"),
    ],
)
def test_trial_and_fresh_a_leak_from_upstairs_is_a_neighbours_leak_not_something_thrown(
    sim: Simulator, said: str
) -> None:
    sim.clock.set(datetime(2027, 12, 9, 8, 50, tzinfo=ZONE))
    told = _texts(say(sim, "2号楼居民群", "吴先生", said))
    assert any("矛盾调处·邻里漏水" in t for t in told), told
    assert not any("高空抛物" in t for t in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("元旦联欢会我报名 我们舞蹈队能出个节目不", id="trial-R23"),
        pytest.param("联欢会算我一个 要自己带凳子吗", id="fresh"),
    ],
)
def test_trial_and_fresh_a_sign_up_with_a_question_signs_up_and_asks_staff(
    sim: Simulator, said: str
) -> None:
    """She signs up and asks something only staff can answer: she takes a place, and the
    question reaches her building's group as a ticket."""
    _new_years_party_announced(sim)
    sent = say(sim, "3号楼居民群", "张阿姨", said)
    told = _texts(sent)
    assert any("已为您报名：元旦联欢会" in t and "还剩29个" in t for t in told), told
    assert any(m.room_id == "3号楼党小组" and "【新工单" in m.text for m in sent), told
    # another resident's other question about the party is a question of its own
    other = _texts(say(sim, "3号楼居民群", "李阿姨", "元旦联欢会要自己带保温杯吗"))
    assert any("已收到您反映的问题（工单 #2" in t for t in other), other


@pytest.mark.parametrize(
    "said",
    [
        pytest.param(
            "对门王奶奶一个人住，敲了半天门没人应，电话也不接，平时这个点她都在家的，我有点担心",
            id="street-trial4",
        ),
        pytest.param("隔壁刘大爷一个人住 敲了好久门都没动静 手机也打不通", id="fresh"),
    ],
)
def test_trial_and_fresh_knocking_at_a_door_nobody_opens_gets_the_advice_for_a_locked_door(
    sim: Simulator, said: str
) -> None:
    """Whoever cannot get in is told to call 120 and have the door opened, never to keep a
    patient they cannot reach lying flat."""
    sim.clock.set(datetime(2027, 12, 9, 10, 30, tzinfo=ZONE))
    told = _texts(say(sim, "6号楼居民群", "李阿姨", said))
    assert any("门打不开" in t for t in told), told
    assert not any("平躺" in t for t in told), told
