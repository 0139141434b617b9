"""What the eighth outside day trial found (docs/conversations.md, day 8), each checked on the
trial's own sentence and on new sentences of the same kind: a lost or found pet is no
emergency and no ticket, a forgetful neighbour who needs looking after is care, the headline of
a fire says the smoke, and a sleepless resident chatting at night is no noise complaint."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from service.understanding import Classifier
from tests.dialog import verify_dialog


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier.default()


@pytest.mark.parametrize(
    "said",
    [
        "我家猫丢了 橘色的 叫大黄 昨天晚上从窗户跑出去的 大家看到麻烦说一声🙏",
        "我家的小白狗今天早上跑丢了 脖子上有个红项圈 谁看到了告诉我一下",
        "邻居们 我家鹦鹉从阳台飞走了 绿色的 看到的麻烦说一声",
        "谁家的小泰迪跑丢了吗 白色的 在6栋楼下转悠半天了",
        "楼下有只小黑猫在转悠 谁家的 挺乖的",
        "大家看到一只泰迪 谁家的",
    ],
)
def test_a_lost_or_found_pet_is_neither_an_emergency_nor_a_ticket(
    classifier: Classifier, said: str
) -> None:
    understanding = classifier.classify(said)
    assert understanding.category == "none" and not understanding.emergency, said


@pytest.mark.parametrize(
    ("said", "category"),
    [
        ("谁家的狗天天在楼道里拉屎 太恶心了", "dispute"),
        ("谁家的猫天天晚上叫 叫得人睡不着", "dispute"),
        ("楼下一条大狗把小孩咬了 流了好多血", "emergency"),
        ("有两个人撬开302的门正往外搬东西 主人出差了 我在对门猫眼里看着", "emergency"),
    ],
)
def test_a_pet_that_causes_a_problem_or_bites_is_still_reported(
    classifier: Classifier, said: str, category: str
) -> None:
    assert classifier.classify(said).category == category, said


@pytest.mark.parametrize(
    "said",
    [
        "我们楼里有个独居的孙大爷 最近老是忘事 出门找不到家 孩子在国外 能不能帮忙照看一下",
        "楼上王奶奶一个人住 记性不好 出门找不到家 儿子在外地 能不能帮忙照顾一下",
    ],
)
def test_a_forgetful_neighbour_who_needs_looking_after_is_care_not_missing(
    classifier: Classifier, said: str
) -> None:
    understanding = classifier.classify(said)
    assert understanding.category == "care" and not understanding.emergency, said


def test_a_forgetful_parent_missing_now_still_pages(classifier: Classifier) -> None:
    understanding = classifier.classify("我爸老是忘事 今天早上出门到现在还没回来 电话也不接")
    assert understanding.emergency and understanding.subcategory == "走失"


def test_the_lost_cat_pages_nobody(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        6号楼居民群 | 孙先生 | 我家猫丢了 橘色的 叫大黄 昨天晚上从窗户跑出去的 大家看到麻烦说一声🙏
        """,
    )


def test_the_forgetful_old_man_goes_to_the_party_group_as_care_without_police_advice(
    sim: Simulator,
) -> None:
    verify_dialog(
        sim,
        """
        3号楼居民群 | 王阿姨 | 我们楼里有个独居的孙大爷 最近老是忘事 出门找不到家 孩子在国外 能不能帮忙照看一下
        -> 3号楼居民群: @王阿姨 已收到您反映的问题（工单 #1：楼里有个独居的孙大爷，3号楼），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #1】爱心帮扶·独居老人 / 地点：3号楼 / 居民原话：我们楼里有个独居的孙大爷 最近老是忘事 出门找不到家 孩子在国外 能不能帮忙照看一下 / 反映人：王阿姨（3号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        """,
    )


@pytest.mark.parametrize(
    ("said", "headline"),
    [
        ("2号楼一单元三楼走廊里全是烟 看不清 有股焦糊味", "三楼走廊里全是烟"),
        ("3单元楼梯间都是烟 呛得喘不过气 有股烧塑料的味道", "楼梯间都是烟"),
    ],
)
def test_a_fire_headline_says_the_smoke_not_only_the_smell(
    classifier: Classifier, said: str, headline: str
) -> None:
    understanding = classifier.classify(said)
    assert understanding.subcategory == "火情" and understanding.summary == headline


@pytest.mark.parametrize("said", ["睡不着 起来看看群", "半夜醒了睡不着 刷刷手机", "睡不着 冒个泡"])
def test_a_sleepless_resident_chatting_at_night_is_no_noise_complaint(
    classifier: Classifier, said: str
) -> None:
    assert classifier.classify(said).category == "none", said


@pytest.mark.parametrize(
    "said",
    [
        "楼上天天晚上十一二点还在拖椅子 咚咚咚的 孩子都睡不着",
        "楼下KTV到现在还在唱 吵得睡不着",
        "隔壁狗叫了一晚上 睡不着",
        "对面工地半夜还在干活 睡不着",
    ],
)
def test_a_noise_that_keeps_people_awake_is_still_a_complaint(
    classifier: Classifier, said: str
) -> None:
    assert classifier.classify(said).category == "dispute", said
