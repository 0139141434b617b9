"""Decision rules, each on messages written for the test (not taken from the corpus)."""

from __future__ import annotations

import pytest

from service.understanding import Classifier, Understanding


@pytest.fixture(scope="module")
def classify() -> object:
    return Classifier.default().classify


def run(classify: object, text: str) -> Understanding:
    result = classify(text)  # type: ignore[operator]
    assert isinstance(result, Understanding)
    return result


@pytest.mark.parametrize(
    ("text", "subcategory"),
    [
        ("电梯坏了有人被困在里面", "被困"),
        ("楼道灯坏了 而且楼道里好大的煤气味", "燃气泄漏"),
        ("三楼有人家着火了 浓烟滚滚", "火情"),
        ("楼下有个老人晕倒了 快来人", "急病"),
    ],
)
def test_emergency_wins_over_everything(classify: object, text: str, subcategory: str) -> None:
    result = run(classify, text)
    assert result.category == "emergency"
    assert result.emergency is True
    assert result.subcategory == subcategory
    assert any("danger" in r for r in result.reasons)


def test_broken_thing_without_danger_is_maintenance(classify: object) -> None:
    result = run(classify, "电梯坏了")
    assert (result.category, result.subcategory, result.emergency) == ("maintenance", "电梯", False)


@pytest.mark.parametrize(
    "text",
    ["万一着火了谁负责", "没有着火 是邻居在烧烤", "刚才说电梯困人是误报 里面没人"],
)
def test_hypothetical_negated_or_false_alarm_is_not_emergency(classify: object, text: str) -> None:
    assert run(classify, text).emergency is False


@pytest.mark.parametrize(
    "text",
    [
        "楼道灯已经修好了 谢谢物业",
        "谢谢师傅 暖气现在热了",
        "昨天说的下水道堵了 今天已经疏通了",
        "收到",
        "好的好的👌",
        "谢谢大家",
    ],
)
def test_fixed_thanks_or_acknowledgement_is_none(classify: object, text: str) -> None:
    result = run(classify, text)
    assert result.category == "none"
    assert result.summary == ""


def test_fixed_then_broken_again_is_a_request(classify: object) -> None:
    assert run(classify, "上周修好了 今天又坏了 电梯又停了").category == "maintenance"


def test_sarcastic_thanks_about_ongoing_noise_is_dispute(classify: object) -> None:
    assert run(classify, "真是谢谢楼上了 天天半夜跺脚 吵得睡不着").category == "dispute"


@pytest.mark.parametrize(
    "text",
    [
        "专业疏通下水道 马桶堵了 24小时上门 电话13912345678",
        "闲置婴儿车 九成新 自提 有要的私我",
        "【停水通知】明天9:00-17:00 3号楼停水 敬请谅解",
    ],
)
def test_adverts_and_notices_are_none(classify: object, text: str) -> None:
    assert run(classify, text).category == "none"


@pytest.mark.parametrize(
    "text", ["楼道灯什么时候能修好？", "请问电梯啥时候修啊", "停水了吗？怎么一滴水都没有"]
)
def test_question_about_broken_thing_is_maintenance(classify: object, text: str) -> None:
    assert run(classify, text).category == "maintenance"


def test_question_about_rules_is_inquiry(classify: object) -> None:
    result = run(classify, "请问办居住证需要什么材料")
    assert (result.category, result.subcategory) == ("inquiry", "证明办理")


def test_booking_activity_room_is_culture_even_as_question(classify: object) -> None:
    assert run(classify, "活动室周六上午能借用吗 我们合唱队想排练").category == "culture"


def test_neighbour_leak_is_dispute_roof_leak_is_maintenance(classify: object) -> None:
    neighbour = run(classify, "楼上漏水到我家天花板 敲门也不开 打电话不接")
    roof = run(classify, "屋顶漏水 顶楼天花板都湿了")
    assert (neighbour.category, neighbour.subcategory) == ("dispute", "邻里漏水")
    assert any("neighbour" in r for r in neighbour.reasons)
    assert roof.category == "maintenance"


def test_vulnerable_person_needing_help_is_care(classify: object) -> None:
    result = run(classify, "对门独居老人八十多了 腿脚不便 能不能请志愿者帮忙送饭")
    assert result.category == "care"


def test_traditional_characters_get_the_same_label(classify: object) -> None:
    pairs = [
        ("電梯壞了 三號樓", "电梯坏了 三号楼"),
        ("樓上天天跺腳 吵死了", "楼上天天跺脚 吵死了"),
        ("請問辦居住證需要什麼材料", "请问办居住证需要什么材料"),
    ]
    for traditional, simplified in pairs:
        a, b = run(classify, traditional), run(classify, simplified)
        assert (a.category, a.subcategory, a.building) == (b.category, b.subcategory, b.building)


def test_voice_input_homophones_get_the_same_label(classify: object) -> None:
    assert run(classify, "店梯又怀了").category == "maintenance"
    assert run(classify, "楼到里一股煤汽味").category == "emergency"


def test_result_explains_itself(classify: object) -> None:
    result = run(classify, "2单元楼道灯坏了好几天了")
    assert result.summary == "楼道灯坏了好几天了"
    assert {"楼道灯", "坏了"} <= set(result.keywords)
    assert result.reasons
    assert len(result.summary) <= 16


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "😀😀😀",
        "'; DROP TABLE tickets;--",
        "<script>alert(1)</script>",
        "\x00\x01\x02\x1b[31m",
        "电梯坏了" * 1500,
        "a" * 6000,
        "\ud800",
        "🏳️‍🌈👨‍👩‍👧",
        "[流泪][流泪]",
        "@物业",
        "#",
        "3-",
        "-501",
    ],
)
def test_bad_input_never_raises(classify: object, text: str) -> None:
    result = run(classify, text)
    assert result.category in {"none", "maintenance"}
    assert isinstance(result.emergency, bool)


def test_empty_message_is_none_with_reason(classify: object) -> None:
    result = run(classify, "  ")
    assert result.category == "none"
    assert result.reasons == ("empty message",)


@pytest.mark.parametrize(
    "text",
    [
        "转发：关于开展夏季防溺水安全教育的通知",
        "社区通知：本周六8点到12点线路检修停电 请提前做好准备",
        "各位业主：明天上午电梯维保 暂停使用 请走楼梯",
        "关于小区燃气管道改造的公示 有疑问请联系物业",
    ],
)
def test_formal_notice_or_forward_is_none_even_with_danger_words(
    classify: object, text: str
) -> None:
    result = run(classify, text)
    assert (result.category, result.emergency) == ("none", False)
    assert any("notice" in r for r in result.reasons)


def test_supply_cut_off_for_someone_who_cannot_pay_is_care(classify: object) -> None:
    result = run(classify, "楼下独居的赵奶奶欠费被停气了 她实在交不起 做不了饭")
    assert result.category == "care"
    assert run(classify, "我们楼又停气了 做不了饭").category == "maintenance"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("地库出口被一辆车堵死了 车主赶紧来挪车", "dispute"),
        ("楼后面的排水沟堵死了 全是树叶和垃圾", "maintenance"),
    ],
)
def test_same_first_word_goes_to_the_reading_with_more_evidence(
    classify: object, text: str, category: str
) -> None:
    assert run(classify, text).category == category


def test_question_about_eligibility_rules_is_inquiry_not_care(classify: object) -> None:
    assert run(classify, "想问一下 独居老人有什么补贴政策").category == "inquiry"
    assert run(classify, "隔壁独居老人没人照顾 社区能去看看他吗").category == "care"


def test_thing_asked_about_without_a_fault_is_inquiry(classify: object) -> None:
    result = run(classify, "家里的大件垃圾放哪里")
    assert result.category == "inquiry"
    assert run(classify, "垃圾桶满了没人收 放哪里").category == "maintenance"


def test_weak_hint_after_solved_does_not_reopen(classify: object) -> None:
    assert run(classify, "楼上已经不吵了 社区的人来说过之后好多了").category == "none"


@pytest.mark.parametrize(
    "text",
    ["真棒啊 楼上每天早上六点准时剁肉", "谢谢楼上啊 又蹦迪到两点 我明天还要上班"],
)
def test_sarcasm_opens_a_nuisance_complaint(classify: object, text: str) -> None:
    assert run(classify, text).category == "dispute"


def test_either_or_question_asks_for_information(classify: object) -> None:
    assert run(classify, "独生子女奖励金是一次性发还是每年发").category == "inquiry"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("从楼上扔下来一个酒瓶 差点砸到人", "dispute"),
        ("楼下小孩踢球 把我家窗户玻璃砸坏了 家长也不管", "dispute"),
        ("6号楼电梯夹住人了 快来", "emergency"),
        ("有人被压在下面 快来人", "emergency"),
        ("门口的减速带被压碎了", "maintenance"),
    ],
)
def test_who_or_what_is_hit_decides(classify: object, text: str, category: str) -> None:
    assert run(classify, text).category == category


@pytest.mark.parametrize(
    "text",
    [
        "家电维修 空调清洗加氟 价格实惠 微信同号15800001111",
        "高价回收旧家电 上门回收 有需要的私聊",
        "昨天反映的门禁 今天刷卡能进了 给物业点个赞",
        "早上那个着火的是烧烤店的烟 大家别慌",
    ],
)
def test_more_adverts_fixes_and_false_alarms_are_none(classify: object, text: str) -> None:
    assert run(classify, text).category == "none"


def test_traditional_and_simplified_forms_count_once(classify: object) -> None:
    result = run(classify, "又停電了")
    assert result.category == "maintenance"
    assert sum(r.count("停电 +") for r in result.reasons) == 1
