"""Kinds of misreading set T met on first contact (docs/understanding.md, set T), read as
structures, on the set's own lines (tuned on: they measure nothing about unseen text) and on
wordings written before the change ("fresh"; 16 / 25 before, 23 / 25 after, in
docs/trials/sets/set_t_fresh_wordings.txt):
- a what-if whose clause holds every problem word, asking nothing and telling nothing going on
  (要是哪天小区停水三天 我估计得去我妈家住);
- a rule or a fee told in general (按规定楼道里是不能堆放杂物的; 小区的停车费是按月交的);
- safety tips (容易起火, 一定要开窗通风, 遇到电梯被困别扒门), forwarded (转给大家：) or said to all
  (提醒一下大家);
- a comparison (我的心跟爆了的水管一样), a game (王者又掉星了), a figure told laughing (笑死 …被作业困住了);
- a memory missed or thanked for (小时候 …挺怀念的; 多亏 …已经出院了);
while a report that cites a rule, a what-if after a fault, a wish and a fight told in dialect
are still read as what they are."""

from __future__ import annotations

import pytest

from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        # set T
        "假如停电一个礼拜，我家冰箱里的肉就全完了😂",
        "要是电梯真坏了 我这八十岁的老腿可爬不上十二楼 想想都怕",
        "如果以后小区装了充电桩 估计楼道里就没人推电动车了",
        "按规定楼道里是不能堆放杂物的 物业之前开会讲过",
        "物业费是按建筑面积收的 合同上写得清清楚楚",
        "消防通道不能停车 被拍到要罚款的 咱小区去年就罚过",
        "提醒一下大家 电动车千万别推进楼道充电 容易起火",
        "转给大家：闻到燃气味不要开关任何电器 先开窗 出了门再打电话",
        "股票又跳水了 我的心跟爆了的水管一样哗哗流血",
        "我这破手机卡得跟困在电梯里一样 上不去下不来",
        "王者又掉星了 队友全是坑 气死我了",
        "笑死 我儿子说他被作业困住了 出不来了 要求救援",
        "一到周一我就想喊救命",
        "今天外面好冷 零下八度 出门耳朵都要冻掉了",
        "小时候我们住大杂院 谁家煤炉子冒烟了全院都跑出来看 现在想想挺怀念的",
        "昨天我妈晕倒 多亏王书记帮忙叫的救护车 今天已经出院了 真心感谢",
        # fresh
        "要是哪天小区停水三天 我估计得去我妈家住",
        "按规定电动车是不能上楼的 物业贴过通知",
        "小区的停车费是按月交的 一个月一百五",
        "垃圾分类现在是要罚款的 乱扔被拍到罚五十",
        "冬天用电暖器的注意了 别在上面烘衣服 容易着火",
        "转给家里有老人的：老人摔倒了别急着扶 先看看情况再说",
        "我家孩子说他被数学题困住了 哈哈",
    ],
)
def test_what_ifs_rules_tips_and_jokes_are_no_request(text: str) -> None:
    assert category_and_level(text) == ("none", None), text


def test_advice_for_when_it_happens_pages_nobody() -> None:
    # Set T; the tip is still read as a request (the learned request-vs-none reading).
    assert (
        category_and_level("遇到电梯被困别扒门 按警铃等救援 这个一定要跟家里老人孩子讲")[1] is None
    )


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("楼道灯坏了 万一老人摔了怎么办", "maintenance"),
        ("如果着火了怎么办 楼道全是杂物", "dispute"),
        ("如果可以的话 麻烦派人来看看 楼道灯坏了", "maintenance"),
        ("周六早上七点半就开始电钻装修 这是哪家啊 规定不是八点半以后吗 @物业", "dispute"),
        ("要是有个编织小组就好了，冬天一起织毛衣聊聊天多好", "culture"),
    ],
)
def test_a_report_or_a_wish_beside_a_what_if_or_a_rule_is_still_one(
    text: str, category: str
) -> None:
    assert category_and_level(text)[0] == category, text


@pytest.mark.parametrize(
    "text",
    [
        "哎哟喂 楼门口俩爷们儿抡着板儿砖干起来了 一个脑袋都开瓢了",  # set T
        "楼下两个人打起来了 一个头都破了 满脸是血",  # fresh
        "哈哈 电梯卡住了 我和我妈被困在里面了 快来人",
        "水从楼上灌下来了 整个楼梯间跟瀑布一样 电梯井也在进水",  # set T, beside a comparison
        "同事半夜给我发了像遗书一样的微信 现在关机了 他住4号楼2单元",  # a likeness of a real thing
        "我邻居刚给我发消息说吃了一整瓶安眠药，她住2-403，我人在外地",  # set R
    ],
)
def test_danger_told_beside_those_words_still_pages(text: str) -> None:
    assert category_and_level(text)[0] == "emergency", text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # left from set T, mended in the twelfth session
        ("扫地机器人被困在沙发底下了 哈哈", ("none", None)),
        ("我家无人机卡在树上了 谁有长竿子借一下", ("none", None)),
        ("遇到电梯被困别扒门 按警铃等救援", ("none", None)),
        ("我在六号楼一单元电体里卡住了", ("emergency", "emergency")),
        ("我们在3号楼二单元电梯里 卡在两层中间了", ("emergency", "emergency")),
        ("孩子的手被玩具车卡住了 拔不出来 一直哭", ("emergency", "possible")),
    ],
)
def test_a_thing_stuck_and_a_tip_page_nobody_while_the_writer_in_a_lift_does(
    text: str, expected: tuple[str, str | None]
) -> None:
    assert category_and_level(text) == expected
