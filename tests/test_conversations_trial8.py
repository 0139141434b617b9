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
        -> 3号楼居民群: @王阿姨 已收到您反映的问题（工单 #1：我们楼里有个独居的孙大爷，3号楼），已转3号楼党小组处理。
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


def test_a_neighbour_who_cannot_get_in_is_not_told_to_lay_the_patient_flat(
    sim: Simulator,
) -> None:
    """The resident outside a locked door cannot reach the person: call 120 and say the door
    does not open, not 保持病人平躺."""
    verify_dialog(
        sim,
        """
        4号楼居民群 | 钱阿姨 | 对门刘大爷家里刚才砰的一声 喊他没人答应 敲门也不开
        -> 4号楼居民群: @钱阿姨 已收到您反映的问题（工单 #1：喊他没人答应，4号楼），已转4号楼党小组处理。请立即拨打120，说明门打不开、屋里的人可能出事，必要时拨打110或119帮忙开门，请在门外等候。
        -> 4号楼党小组: 【紧急 #1】4号楼 喊他没人答应 / 类别：应急处理·急病 / 居民原话：对门刘大爷家里刚才砰的一声 喊他没人答应 敲门也不开 / 反映人：钱阿姨（4号楼居民群） / 已告知居民：请立即拨打120，说明门打不开、屋里的人可能出事，必要时拨打110或119帮忙开门，请在门外等候。 / 负责：4号楼党小组。请立即跟进，接单回复：#1 接单
        -> 第二网格党支部群: 【紧急 #1】4号楼 喊他没人答应 / 类别：应急处理·急病 / 居民原话：对门刘大爷家里刚才砰的一声 喊他没人答应 敲门也不开 / 反映人：钱阿姨（4号楼居民群） / 已告知居民：请立即拨打120，说明门打不开、屋里的人可能出事，必要时拨打110或119帮忙开门，请在门外等候。 / 负责：4号楼党小组。请立即跟进，接单回复：#1 接单
        -> 社区党委工作群: @刘值班 【紧急 #1】4号楼 喊他没人答应 / 类别：应急处理·急病 / 居民原话：对门刘大爷家里刚才砰的一声 喊他没人答应 敲门也不开 / 反映人：钱阿姨（4号楼居民群） / 已告知居民：请立即拨打120，说明门打不开、屋里的人可能出事，必要时拨打110或119帮忙开门，请在门外等候。 / 负责：4号楼党小组。请立即跟进，接单回复：#1 接单
        """,
    )


def test_after_an_emergency_the_bystander_is_asked_whether_everyone_is_safe(
    sim: Simulator,
) -> None:
    """Someone who reported a fight between strangers is not asked about their own family."""
    verify_dialog(
        sim,
        """
        2号楼居民群 | 老郑 | 2号楼门口两个男的打起来了 一个拿着棍子
        -> 2号楼居民群: @老郑 已收到您反映的问题（工单 #1：门口两个男的打起来了，2号楼），已转2号楼党小组处理。请立即拨打110，远离冲突现场，注意自身安全。
        -> 2号楼党小组: 【紧急 #1】2号楼 门口两个男的打起来了 / 类别：应急处理·打架 / 居民原话：2号楼门口两个男的打起来了 一个拿着棍子 / 反映人：老郑（2号楼居民群） / 已告知居民：请立即拨打110，远离冲突现场，注意自身安全。 / 负责：2号楼党小组。请立即跟进，接单回复：#1 接单
        -> 第一网格党支部群: 【紧急 #1】2号楼 门口两个男的打起来了 / 类别：应急处理·打架 / 居民原话：2号楼门口两个男的打起来了 一个拿着棍子 / 反映人：老郑（2号楼居民群） / 已告知居民：请立即拨打110，远离冲突现场，注意自身安全。 / 负责：2号楼党小组。请立即跟进，接单回复：#1 接单
        -> 社区党委工作群: @刘值班 【紧急 #1】2号楼 门口两个男的打起来了 / 类别：应急处理·打架 / 居民原话：2号楼门口两个男的打起来了 一个拿着棍子 / 反映人：老郑（2号楼居民群） / 已告知居民：请立即拨打110，远离冲突现场，注意自身安全。 / 负责：2号楼党小组。请立即跟进，接单回复：#1 接单
        2号楼党小组 | 陈桂兰 | #1 接单
        -> 2号楼党小组: 工单 #1 已由陈桂兰接单。
        -> 第一网格党支部群: 工单 #1 已由陈桂兰接单。
        -> 社区党委工作群: 工单 #1 已由陈桂兰接单。
        -> 2号楼居民群: @老郑 您反映的问题（工单 #1）已有工作人员接单，陈桂兰正在处理。
        2号楼党小组 | 陈桂兰 | #1 已处理 派出所来人带走了
        -> 2号楼党小组: 工单 #1 已办结（陈桂兰）：派出所来人带走了
        -> 第一网格党支部群: 工单 #1 已办结（陈桂兰）：派出所来人带走了
        -> 社区党委工作群: 工单 #1 已办结（陈桂兰）：派出所来人带走了
        -> 2号楼居民群: @老郑 您反映的问题（工单 #1：门口两个男的打起来了）已处理：派出所来人带走了。请问现在大家都安全了吗？回复“安全了”即可，需要帮助请随时说。
        """,
    )


def test_someone_on_a_windowsill_gets_advice_for_a_height_not_the_generic_line(
    sim: Simulator,
) -> None:
    verify_dialog(
        sim,
        """
        1号楼居民群 | 小郭 | 1号楼6楼有个人坐在窗台上 腿在外面 好像要跳
        -> 1号楼居民群: @小郭 已收到您反映的问题（工单 #1：6楼有个人坐在窗台上，1号楼），已转1号楼党小组处理。请立即拨打110和119，尽量稳住对方、不要大声刺激，并让下方行人远离。
        -> 1号楼党小组: 【紧急 #1】1号楼 6楼有个人坐在窗台上 / 类别：应急处理·高处危险 / 居民原话：1号楼6楼有个人坐在窗台上 腿在外面 好像要跳 / 反映人：小郭（1号楼居民群） / 已告知居民：请立即拨打110和119，尽量稳住对方、不要大声刺激，并让下方行人远离。 / 负责：1号楼党小组。请立即跟进，接单回复：#1 接单
        -> 第一网格党支部群: 【紧急 #1】1号楼 6楼有个人坐在窗台上 / 类别：应急处理·高处危险 / 居民原话：1号楼6楼有个人坐在窗台上 腿在外面 好像要跳 / 反映人：小郭（1号楼居民群） / 已告知居民：请立即拨打110和119，尽量稳住对方、不要大声刺激，并让下方行人远离。 / 负责：1号楼党小组。请立即跟进，接单回复：#1 接单
        -> 社区党委工作群: @刘值班 【紧急 #1】1号楼 6楼有个人坐在窗台上 / 类别：应急处理·高处危险 / 居民原话：1号楼6楼有个人坐在窗台上 腿在外面 好像要跳 / 反映人：小郭（1号楼居民群） / 已告知居民：请立即拨打110和119，尽量稳住对方、不要大声刺激，并让下方行人远离。 / 负责：1号楼党小组。请立即跟进，接单回复：#1 接单
        """,
    )


def test_thanks_rates_the_one_ticket_waiting_for_a_rating_not_the_emergency_waiting_for_safe(
    sim: Simulator,
) -> None:
    """刘姐 has a repair to rate and an emergency waiting for "安全了": 好了 谢谢 rates the repair,
    without asking for a number."""
    verify_dialog(
        sim,
        """
        5号楼居民群 | 刘姐 | 5号楼单元门禁刷不开了
        -> 5号楼居民群: @刘姐 已收到您反映的问题（工单 #1：单元门禁刷不开了，5号楼），已转5号楼党小组处理。
        -> 5号楼党小组: 【新工单 #1】维修维护·门禁 / 地点：5号楼 / 居民原话：5号楼单元门禁刷不开了 / 反映人：刘姐（5号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        5号楼居民群 | 刘姐 | 5号楼电梯卡住了 我婆婆在里面出不来
        -> 5号楼居民群: @刘姐 已收到您反映的问题（工单 #2：电梯卡住了，5号楼），已转5号楼党小组处理。请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。
        -> 5号楼党小组: 【紧急 #2】5号楼 电梯卡住了 / 类别：应急处理·被困 / 居民原话：5号楼电梯卡住了 我婆婆在里面出不来 / 反映人：刘姐（5号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：5号楼党小组。请立即跟进，接单回复：#2 接单
        -> 第二网格党支部群: 【紧急 #2】5号楼 电梯卡住了 / 类别：应急处理·被困 / 居民原话：5号楼电梯卡住了 我婆婆在里面出不来 / 反映人：刘姐（5号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：5号楼党小组。请立即跟进，接单回复：#2 接单
        -> 社区党委工作群: @刘值班 【紧急 #2】5号楼 电梯卡住了 / 类别：应急处理·被困 / 居民原话：5号楼电梯卡住了 我婆婆在里面出不来 / 反映人：刘姐（5号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：5号楼党小组。请立即跟进，接单回复：#2 接单
        5号楼党小组 | 周海 | #2 已处理 人已接出来了
        -> 5号楼党小组: 工单 #2 已办结（周海）：人已接出来了
        -> 第二网格党支部群: 工单 #2 已办结（周海）：人已接出来了
        -> 社区党委工作群: 工单 #2 已办结（周海）：人已接出来了
        -> 5号楼居民群: @刘姐 您反映的问题（工单 #2：电梯卡住了）已处理：人已接出来了。请问现在大家都安全了吗？回复“安全了”即可，需要帮助请随时说。
        @clock +1h
        5号楼党小组 | 周海 | #1 已处理 门禁重启了
        -> 5号楼党小组: 工单 #1 已办结（周海）：门禁重启了
        -> 5号楼居民群: @刘姐 您反映的问题（工单 #1：单元门禁刷不开了）已处理：门禁重启了。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        5号楼居民群 | 刘姐 | 好了 谢谢
        -> 5号楼居民群: @刘姐 不客气！已按“满意”记下您对工单 #1 的评价，此单完结。
        -> 5号楼党小组: 工单 #1 居民评价：满意，已完结。
        """,
    )


def test_safe_and_thanks_from_the_reporter_of_an_emergency_gets_a_kind_answer(
    sim: Simulator,
) -> None:
    """The emergency was handled and already rated (or still open): 安全了 谢谢 is answered; still
    open, it is its all-clear, passed on to everyone the alert reached (since the seventeenth
    session, day 26 S98)."""
    verify_dialog(
        sim,
        """
        6号楼居民群 | 老吴 | 我妈不见了 有老年痴呆 早上出门到现在还没回来
        -> 6号楼居民群: @老吴 已收到您反映的问题（工单 #1：我妈不见了，6号楼），已转6号楼党小组处理。请立即拨打110报警，并提供走失者照片和衣着特征。
        -> 6号楼党小组: 【紧急 #1】6号楼 我妈不见了 / 类别：应急处理·走失 / 居民原话：我妈不见了 有老年痴呆 早上出门到现在还没回来 / 反映人：老吴（6号楼居民群） / 已告知居民：请立即拨打110报警，并提供走失者照片和衣着特征。 / 负责：6号楼党小组。请立即跟进，接单回复：#1 接单
        -> 第二网格党支部群: 【紧急 #1】6号楼 我妈不见了 / 类别：应急处理·走失 / 居民原话：我妈不见了 有老年痴呆 早上出门到现在还没回来 / 反映人：老吴（6号楼居民群） / 已告知居民：请立即拨打110报警，并提供走失者照片和衣着特征。 / 负责：6号楼党小组。请立即跟进，接单回复：#1 接单
        -> 社区党委工作群: @刘值班 【紧急 #1】6号楼 我妈不见了 / 类别：应急处理·走失 / 居民原话：我妈不见了 有老年痴呆 早上出门到现在还没回来 / 反映人：老吴（6号楼居民群） / 已告知居民：请立即拨打110报警，并提供走失者照片和衣着特征。 / 负责：6号楼党小组。请立即跟进，接单回复：#1 接单
        6号楼党小组 | 吴敏 | #1 接单
        -> 6号楼党小组: 工单 #1 已由吴敏接单。
        -> 第二网格党支部群: 工单 #1 已由吴敏接单。
        -> 社区党委工作群: 工单 #1 已由吴敏接单。
        -> 6号楼居民群: @老吴 您反映的问题（工单 #1）已有工作人员接单，吴敏正在处理。
        6号楼居民群 | 老吴 | 安全了 谢谢
        -> 6号楼居民群: @老吴 收到，谢谢您告诉我们！已转告6号楼党小组（工单 #1）。
        -> 6号楼党小组: 【工单 #1 居民补充】老吴：安全了 谢谢，请核实后回复 #1 已处理
        -> 第二网格党支部群: 【工单 #1 居民称险情已解除】老吴：安全了 谢谢（我妈不见了）。6号楼党小组正在核实。
        -> 社区党委工作群: 【工单 #1 居民称险情已解除】老吴：安全了 谢谢（我妈不见了）。6号楼党小组正在核实。
        """,
    )


def test_a_note_says_the_ticket_is_still_open_and_the_property_group_is_not_told_to_transfer_to_itself(
    sim: Simulator,
) -> None:
    verify_dialog(
        sim,
        """
        3号楼居民群 | 张阿姨 | 3号楼单元门禁刷不开了
        -> 3号楼居民群: @张阿姨 已收到您反映的问题（工单 #1：单元门禁刷不开了，3号楼），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #1】维修维护·门禁 / 地点：3号楼 / 居民原话：3号楼单元门禁刷不开了 / 反映人：张阿姨（3号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        3号楼党小组 | 刘志强 | #1 转 物业
        -> 3号楼党小组: 工单 #1 已从3号楼党小组转至物业服务中心群。
        -> 物业服务中心群: 【新工单 #1】维修维护·门禁 / 地点：3号楼 / 居民原话：3号楼单元门禁刷不开了 / 反映人：张阿姨（3号楼居民群） / 由3号楼党小组转来 / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        -> 3号楼居民群: @张阿姨 您反映的问题（工单 #1）已转物业服务中心处理。
        物业服务中心群 | 钱经理 | #1 下午派人过去看看
        -> 物业服务中心群: 工单 #1 已由钱经理接单。
        -> 3号楼居民群: @张阿姨 您反映的问题（工单 #1）已有工作人员接单，钱经理正在处理：下午派人过去看看。
        物业服务中心群 | 钱经理 | #1 嗯嗯
        -> 物业服务中心群: @钱经理 已记下，但工单 #1 仍未办结，居民未收到通知。办结请回复：#1 已处理 处理说明
        """,
    )


def test_the_owners_group_is_not_asked_for_a_building_about_a_question_or_an_activity(
    sim: Simulator,
) -> None:
    verify_dialog(
        sim,
        """
        幸福里业主群 | 老孙 | 请问今年的物业费在哪里交 可以微信付吗
        -> 幸福里业主群: @老孙 已收到您反映的问题（工单 #1：请问今年的物业费在哪里交，未注明楼栋），已转社区党委处理。
        -> 社区党委工作群: 【新工单 #1】信息咨询·办事指南 / 地点：未注明楼栋 / 居民原话：请问今年的物业费在哪里交 可以微信付吗 / 反映人：老孙（幸福里业主群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        幸福里业主群 | 小冯 | 社区的乒乓球室周末开放吗 想约几个人打球
        -> 幸福里业主群: @小冯 已收到您反映的问题（工单 #2：想约几个人打球，未注明楼栋），已转社区党委处理。
        -> 社区党委工作群: 【新工单 #2】文化娱乐·场地预约 / 地点：未注明楼栋 / 居民原话：社区的乒乓球室周末开放吗 想约几个人打球 / 反映人：小冯（幸福里业主群） / 接单请回复：#2 接单；办结后回复：#2 已处理 处理说明
        幸福里业主群 | 老何 | 我家门口的路灯坏了好几天了
        -> 幸福里业主群: @老何 请问是几号楼几单元？回复楼号后我们马上转给负责的同志。
        """,
    )


@pytest.mark.parametrize(
    ("said", "title"),
    [
        ("请问新的电动车充电桩什么时候能用上", "请问新的电动车充电桩什么时候能用"),
        ("请问老年大学什么时候开学 在哪报名", "请问老年大学什么时候开学"),
    ],
)
def test_a_title_never_doubles_a_character_of_a_word_written_the_standard_way(
    classifier: Classifier, said: str, title: str
) -> None:
    """么时候 (a voice-input slip) is rewritten to 什么时候, but 什么时候 itself stays as it is."""
    assert classifier.classify(said).summary == title


@pytest.mark.parametrize(
    ("said", "title"),
    [
        ("请问孩子上小学划片是按户口还是按房产证 需要准备什么材料", "请问孩子上小学划片是按户口"),
    ],
)
def test_a_title_cut_short_does_not_end_on_a_word_that_leads_on(
    classifier: Classifier, said: str, title: str
) -> None:
    assert classifier.classify(said).summary == title


@pytest.mark.parametrize(
    ("said", "title"),
    [
        ("请问老年大学什么时候开学 在哪报名", "请问老年大学什么时候开学"),
        ("社区下周的义诊活动 要报名吗 在哪报", "社区下周的义诊活动 要报名吗"),
        ("楼上那家天天半夜拖椅子 跟他说了好几次 说了也不听", "楼上那家天天半夜拖椅子"),
    ],
)
def test_a_title_is_never_a_fragment_without_what_it_is_about(
    classifier: Classifier, said: str, title: str
) -> None:
    """要报名吗, 说了也不听: a clause this short takes in the one before it."""
    assert classifier.classify(said).summary == title
