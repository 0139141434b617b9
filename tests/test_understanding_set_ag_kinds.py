"""Kinds of misreading set AG met on first contact (docs/understanding.md, set AG), read as
structures, on the set's own lines (tuned on: they measure nothing about unseen text) and on
wordings of mine written after the change ("own"):
- an ambulance that cannot get in, someone cornered by a snarling dog, a sting swelling with
  dizziness, a dose of medicine taken twice: danger, told as situations;
- a joke about a cat, a robot vacuum "calling for help", someone taken to hospital and fine, a
  question answered from experience: none; locked out is no one trapped;
- a child left without food is care, an access QR code or a rule about couriers is asked, pickling
  in the stairwell is a dispute, a pet day with a 接龙 is culture."""

from __future__ import annotations

import pytest

from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        # set AG
        "急救车进不来！大门道闸打不开 车上有病人",
        "一只大狗把送外卖的堵在单元门口 龇着牙往他身上扑 他不敢动",
        "闺女被马蜂蛰了好几下 脸肿了 开始说头晕",
        "我家老人降压药吃了两遍 现在头晕心慌 血压量着特别低",
        # own
        "救护车进不来 东门的杆子抬不起来 车上是个老人",
        "孩子被蜜蜂蜇了 嘴唇肿了 有点喘",
        "我爸把安眠药吃重了 现在叫不太醒",
    ],
)
def test_danger_told_as_a_situation_pages(text: str) -> None:
    category, level = category_and_level(text)
    assert category == "emergency" and level is not None


@pytest.mark.parametrize(
    "text",
    [
        # set AG
        "说个笑话 我家猫把智能锁的密码按对了 自己开门出去溜达 然后又在门口喊我开门",
        "新买的扫地机器人卡在沙发底下一直喊救命 笑死我了",
        "刚刚那个说心口疼的大爷 是我邻居 家里人已经陪着去医院了 检查没大事",
        "有人问门禁卡补办 就在物业前台 带身份证 20块 我昨天刚办的",
        # own
        "讲个笑话 我家狗自己把门拱开了 在楼道里转了一圈又回来了",
        "家里的扫地机器人又卡在床底下了 一直在那叫",
        "早上头晕的那位阿姨 家里人陪着去医院了 检查没大事",
    ],
)
def test_chatter_with_danger_or_problem_words_is_none(text: str) -> None:
    assert category_and_level(text) == ("none", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # set AG
        (
            "家里老人不会用智能门锁也不会手机刷门禁，老被关在外面，能不能有人上门手把手教一下，1号楼",
            "care",
        ),
        (
            "隔壁小孩说他妈三天没回家了，家里没吃的，我先给他煮了碗面，社区能不能来了解下情况",
            "care",
        ),
        ("访客二维码在哪生成啊 朋友来了在大门口等着呢", "inquiry"),
        ("外卖员到底能不能送上楼 是不是小区规定不让进", "inquiry"),
        ("楼下那家天天在楼道里腌酸菜 那味儿老冲了 跟他说也不好使", "dispute"),
        ("想搞个宠物友好日 大家带毛孩子来草坪玩 有兴趣的接龙🐕", "culture"),
        # own
        ("我妈老是被关在门外 新门锁她不会用 谁能来教教她", "care"),
        ("小区规定快递车不让进吗 我的大件怎么送", "inquiry"),
    ],
)
def test_requests_in_everyday_words_get_their_category(text: str, expected: str) -> None:
    assert category_and_level(text) == (expected, None)
