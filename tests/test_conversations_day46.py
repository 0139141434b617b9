"""Day 46 (docs/trials/day46/report.md, first contact on 73b1aaf): trial sentences ("trial") next
to wordings of mine ("fresh").

1. dangers: a fever with a fit and the ambulance slow is an emergency, told to lay the child on
   its side (R86); a charcoal brazier told from two chats is one page (R80, R81); a found dog
   shivering in the cold is no page (R15); a radiator dripping, then spraying, is its own ticket
   getting worse, with the radiator's advice (R16, R83); help asked for after the danger is over
   is a ticket of its own (R47);
2. staff: the answer to a resident's question about an event closes it and reaches them (T55,
   T46); saying two tickets are one keeps the one handed on to 物业 (T11);
3. residents: 不满意 with words of being sent elsewhere is of the ticket found not ours (U05); a
   sign-up for two in one sentence (R40), the companion busy that day (R93), the party counted
   at the end (U14)."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _paged
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


@pytest.mark.parametrize(
    "fit",
    [
        pytest.param(
            "孩子烧到39度4 刚才抽了一下 现在缓过来了 120说要等 谁家有车能送下医院", id="trial-R86"
        ),
        pytest.param("闺女发烧40度 刚才又抽了一下 眼睛往上翻", id="fresh"),
    ],
)
def test_trial_and_fresh_a_fever_with_a_fit_is_paged_and_the_child_laid_on_its_side(
    sim: Simulator, fit: str
) -> None:
    _at(sim, 2, 0)
    sent = say(sim, "2号楼居民群", "晓晓妈妈", fit)
    assert _paged(sent), _texts(sent)
    told = [t for t in _texts(sent) if t.startswith("已收到您反映的问题")]
    assert told and "侧躺" in told[0] and "平躺" not in told[0], _texts(sent)


@pytest.mark.parametrize(
    "second",
    [
        pytest.param("1号楼3单元一楼炭火味好大 那老两口说恶心想吐 窗户都糊着塑料布", id="trial-R81"),
        pytest.param("1号楼3单元那家一股炭盆味 老两口说头晕", id="fresh"),
    ],
)
def test_trial_and_fresh_a_charcoal_brazier_told_from_two_chats_is_one_page(
    sim: Simulator, second: str
) -> None:
    _at(sim, 22, 40)
    first = say(
        sim, "1号楼居民群", "老刘", "3单元101屋里烧着炭盆取暖 门窗关得死死的 我敲门里边人说头晕 恶心"
    )
    assert _paged(first), _texts(first)
    _at(sim, 22, 50)
    again = say(sim, "幸福里业主群", "阿芳", second)
    assert not _paged(again), _texts(again)
    assert any("已有居民反映过（工单 #1" in t for t in _texts(again)), _texts(again)


@pytest.mark.parametrize(
    "found",
    [
        pytest.param("谁家狗 金毛 戴红项圈 在6号楼车棚这冻得直哆嗦 主人快来领", id="trial-R15"),
        pytest.param("有只小泰迪在3号楼门口冻得直哆嗦 主人快来领回去", id="fresh"),
    ],
)
def test_trial_and_fresh_a_found_dog_shivering_is_no_page(sim: Simulator, found: str) -> None:
    _at(sim, 20, 30)
    sent = say(sim, "6号楼居民群", "黄毛", found)
    assert not _paged(sent), _texts(sent)
    assert not any("紧急" in t for t in _texts(sent)), _texts(sent)


@pytest.mark.parametrize(
    "worse",
    [
        pytest.param(
            "暖气片那滴水越来越大了 现在哗哗往外呲 地上全是水 都流到客厅了 阀门拧不动", id="trial-R16"
        ),
        pytest.param("暖气片接口崩开了 水哗哗往外喷 满地都是水", id="fresh"),
    ],
)
def test_trial_and_fresh_a_dripping_radiator_spraying_is_its_ticket_getting_worse(
    sim: Simulator, worse: str
) -> None:
    _at(sim, 18, 30)
    say(sim, "5号楼居民群", "刘姐", "我家1单元302暖气片接口那滴水 滴滴答答一下午了 接了半盆了")
    _at(sim, 20, 40)
    sent = say(sim, "5号楼居民群", "刘姐", worse)
    texts = _texts(sent)
    assert any("【紧急 #1 情况加重】" in t for t in _paged(sent)), texts
    assert not any("#2" in t for t in texts), texts
    assert any("暖气片的进水阀和回水阀" in t for t in texts), texts
    assert not any("自家总水阀" in t for t in texts), texts


@pytest.mark.parametrize(
    "help_asked",
    [
        pytest.param(
            "昨天摔的李奶奶髋骨骨折了 在医院做手术 她家就她一个人 谁能帮着喂喂她家猫", id="trial-R47"
        ),
        pytest.param("李奶奶住院了 人没事 就是家里的花没人浇 谁有空帮忙照看一下", id="fresh"),
    ],
)
def test_trial_and_fresh_help_asked_after_the_danger_is_over_is_a_ticket_of_its_own(
    sim: Simulator, help_asked: str
) -> None:
    _at(sim, 19, 20)
    say(sim, "1号楼居民群", "陈大爷", "1单元门口那段坡全冻上了 刚才一个老太太摔了一跤 坐地上半天起不来")
    _at(sim, 19, 30)
    say(sim, "1号楼居民群", "小周", "是3楼的李奶奶 我们先把她扶到楼道里了 腿不敢动 已经打120了")
    _at(sim, 21, 30)
    texts = _texts(say(sim, "1号楼居民群", "小周", help_asked))
    assert any("已收到您反映的问题（工单 #2" in t for t in texts), texts


PARTY_DAY = "通知 12月25日9:00 主题党日 地点:社区党群服务中心 对象:3号楼党小组"
DUMPLINGS = "通知 12月22日14:30 冬至包饺子 地点:社区党群服务中心 对象:幸福里业主群 名额:30"


@pytest.mark.parametrize(
    ("asked", "answer"),
    [
        pytest.param(
            "主题党日我们退休党员组织关系不在社区的能参加不",
            "#1 退休党员欢迎参加 党员证带不带都行",
            id="trial-R06-T55",
        ),
        pytest.param("主题党日家属能跟着来不", "#1 家属可以来 在后排旁听", id="fresh"),
    ],
)
def test_trial_and_fresh_the_answer_to_a_question_about_an_event_reaches_the_resident(
    sim: Simulator, asked: str, answer: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", PARTY_DAY)
    _at(sim, 19, 0)
    say(sim, "3号楼居民群", "王老师", asked)
    _at(sim, 21, 0)
    texts = _texts(say(sim, "3号楼党小组", "刘志强", answer))
    assert any(t.startswith("工单 #1 已办结") for t in texts), texts
    assert any(t.startswith("您咨询的问题（工单 #1") for t in texts), texts


@pytest.mark.parametrize(
    "asked",
    [
        pytest.param("包饺子的地方是哪个活动室 在几楼", id="trial-R90"),
        pytest.param("包饺子要不要自己带围裙", id="fresh"),
    ],
)
def test_trial_and_fresh_a_staff_answer_about_where_or_what_to_bring_reaches_the_resident(
    sim: Simulator, asked: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", DUMPLINGS)
    _at(sim, 9, 0)
    say(sim, "幸福里业主群", "饺子控", asked)
    _at(sim, 11, 25)
    texts = _texts(say(sim, "社区党委工作群", "王书记", "#1 就在社区党群服务中心一楼活动室"))
    assert any(t.startswith("您咨询的问题（工单 #1") for t in texts), texts


@pytest.mark.parametrize(
    "same",
    [
        pytest.param("1号跟2号是一回事", id="trial-T11"),
        pytest.param("2号和1号是同一件事", id="fresh"),
    ],
)
def test_trial_and_fresh_two_tickets_said_to_be_one_keep_the_one_handed_to_the_property(
    sim: Simulator, same: str
) -> None:
    _at(sim, 2, 30)
    say(sim, "1号楼居民群", "刘哥", "车棚那个顶子让雪压得往下塌 咔咔响 底下停着好多电动车")
    _at(sim, 7, 40)
    say(sim, "1号楼居民群", "刘哥", "车棚顶子这会儿塌了一半 幸亏夜里没人 电动车压了好几辆")
    _at(sim, 8, 32)
    say(sim, "1号楼党小组", "张建国", "#2 车棚顶子塌了 我们弄不了 转物业")
    _at(sim, 8, 36)
    texts = _texts(say(sim, "1号楼党小组", "张建国", same))
    assert any("工单 #1 已合并到工单 #2" in t for t in texts), texts
    _at(sim, 8, 45)
    texts = _texts(say(sim, "物业服务中心群", "钱经理", "#2 接单 下午派人清雪 把塌的顶棚拆了"))
    assert any("工单 #2 已由钱经理接单" in t for t in texts), texts


@pytest.mark.parametrize(
    "complaint",
    [
        pytest.param("又让我打12345 这不是踢皮球吗 不满意", id="trial-U05"),
        pytest.param("推来推去的 不满意", id="fresh"),
    ],
)
def test_trial_and_fresh_unsatisfied_at_being_sent_elsewhere_is_of_the_ticket_found_not_ours(
    sim: Simulator, complaint: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "5号楼居民群", "小何", "3单元一楼那家饭馆油烟直接排到我家窗户 熏死了 说了好几回了")
    _at(sim, 8, 30)
    say(sim, "5号楼居民群", "小何", "社区能开居住证明吗 孩子上学要 去哪开 带啥")
    _at(sim, 10, 0)
    say(sim, "5号楼党小组", "周海", "#2 居住证明带户口本和房产证或者租房合同 工作日到社区服务站一楼窗口开")
    _at(sim, 10, 5)
    say(sim, "5号楼党小组", "周海", "#1 非职责 饭馆油烟归生态环境局管 请拨打12345反映")
    _at(sim, 10, 20)
    texts = _texts(say(sim, "5号楼居民群", "小何", complaint))
    assert any("工单 #1" in t and "不满意非职责答复" in t for t in texts), texts
    assert not any("#2" in t for t in texts), texts


@pytest.mark.parametrize(
    ("sign_up", "seats_left"),
    [
        pytest.param("我和我闺女俩人报名包饺子🥟🥟", "还剩28个", id="trial-R40"),
        pytest.param("我跟老伴一起报名包饺子", "还剩28个", id="fresh"),
        pytest.param("给我妈报个名 我陪她来 俩人", "还剩28个", id="trial-U14"),
        pytest.param("帮我爸报个名包饺子 我陪他去 俩人", "还剩28个", id="fresh-U14"),
    ],
)
def test_trial_and_fresh_a_sign_up_for_two_in_one_sentence_takes_two_places(
    sim: Simulator, sign_up: str, seats_left: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", DUMPLINGS)
    _at(sim, 8, 20)
    texts = _texts(say(sim, "幸福里业主群", "饺子控", sign_up))
    assert any("已为您报名（共2人）" in t and seats_left in t for t in texts), texts


@pytest.mark.parametrize(
    "busy",
    [
        pytest.param("哎呀 我闺女周三要加班 包饺子就我一个人去了", id="trial-R93"),
        pytest.param("我闺女那天要上班 就我自己去", id="fresh"),
    ],
)
def test_trial_and_fresh_the_companion_busy_that_day_frees_one_place(
    sim: Simulator, busy: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", DUMPLINGS)
    _at(sim, 8, 20)
    say(sim, "幸福里业主群", "饺子控", "我和我闺女俩人报名包饺子")
    _at(sim, 11, 0)
    texts = _texts(say(sim, "幸福里业主群", "饺子控", busy))
    assert any("已改为1人" in t and "还剩29个" in t for t in texts), texts


def test_asking_whether_two_are_signed_up_is_no_sign_up(sim: Simulator) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", DUMPLINGS)
    _at(sim, 8, 20)
    texts = _texts(say(sim, "幸福里业主群", "饺子控", "我和老伴都报名了吗"))
    assert not any("已为您报名" in t for t in texts), texts


@pytest.mark.parametrize(
    "still",
    [
        pytest.param("我家还是不太热 比以前强点", id="trial-U18"),
        pytest.param("还是不够热 屋里才十七度", id="fresh"),
    ],
)
def test_trial_and_fresh_still_not_warm_enough_after_the_fix_is_unsatisfied_with_it(
    sim: Simulator, still: str
) -> None:
    _at(sim, 8, 10)
    say(sim, "3号楼居民群", "老郑", "3号楼暖气又不热了 家里才16度 老伴冻得直哆嗦")
    _at(sim, 9, 20)
    say(sim, "3号楼居民群", "刘奶奶", "我家暖气还是不热 穿着棉袄在屋里坐着 2单元302")
    _at(sim, 13, 0)
    say(sim, "3号楼党小组", "刘志强", "#1 换热站阀门调好了 楼里都热了 已处理")
    _at(sim, 13, 40)
    texts = _texts(say(sim, "3号楼居民群", "刘奶奶", still))
    assert any("工单 #1 已重新交给" in t for t in texts), texts
    assert not any("【新工单" in t for t in texts), texts


@pytest.mark.parametrize(
    "snow",
    [
        pytest.param("1单元楼梯口雪堆了半米 没人扫 推车都推不出去", id="trial-R58"),
        pytest.param("单元门口的雪堆了好几天了 没人铲", id="fresh"),
    ],
)
def test_trial_and_fresh_snow_left_lying_is_a_cleaning_request_not_clutter(
    sim: Simulator, snow: str
) -> None:
    _at(sim, 11, 20)
    texts = _texts(say(sim, "6号楼居民群", "王嫂", snow))
    assert any("【新工单 #1】维修维护·环境卫生" in t for t in texts), texts


@pytest.mark.parametrize(
    "found",
    [
        pytest.param("6号楼门口一个大爷坐地上 说找不着家了 穿着睡衣 问他住哪说不清", id="trial-R84"),
        pytest.param("楼下有个老奶奶迷路了 问她住哪说不清 一直在哭", id="fresh"),
    ],
)
def test_trial_and_fresh_someone_lost_found_at_the_door_is_told_to_be_stayed_with(
    sim: Simulator, found: str
) -> None:
    _at(sim, 1, 10)
    sent = say(sim, "6号楼居民群", "夜班回家", found)
    told = [t for t in _texts(sent) if t.startswith("已收到您反映的问题")]
    assert _paged(sent), _texts(sent)
    assert told and "陪着" in told[0] and "走失者照片" not in told[0], _texts(sent)


@pytest.mark.parametrize(
    "neighbour",
    [
        pytest.param("402赵奶奶还是没动静 昨晚灯也没开 我心里不踏实 社区能来人看看不", id="trial-R48"),
        pytest.param("301王大爷好几天没下楼了 谁能去看看", id="fresh"),
    ],
)
def test_trial_and_fresh_a_flat_named_by_who_lives_there_is_the_tickets_place(
    sim: Simulator, neighbour: str
) -> None:
    _at(sim, 9, 40)
    texts = _texts(say(sim, "4号楼居民群", "孙阿姨", neighbour))
    room = neighbour[:3]
    assert any("【新工单 #1】" in t and f"4号楼{room}室" in t for t in texts), texts
