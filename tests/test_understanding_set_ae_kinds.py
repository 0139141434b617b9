"""Kinds of misreading set AE met on first contact (docs/understanding.md, set AE), read as
structures, on the set's own lines (tuned on: they measure nothing about unseen text) and on
wordings of mine written after the change ("own"):
- farewell words from someone who then cannot be reached, a pane half out of a high window over
  an entrance, someone prising a door open now: danger, told as situations;
- a smell owned up to, a smoke-alarm test, someone taken home unhurt, a scare caught in time, a
  thing searched for, shared advice, a plot, busy to dizziness, the other flat's cause, one's own
  dog denied: none;
- a van or a shop blocking the way is a dispute, a loose manhole to fix is maintenance, winter
  things for an elder are care, volunteering and a neighbours' feast are culture."""

from __future__ import annotations

import pytest

from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        # set AE
        "我们楼有个租户刚在群里发了些告别的话，说今晚就结束了，他住4号楼1702，电话打不通",
        "6号楼15楼有家的窗户玻璃框松了，风一吹哐哐响，半块玻璃已经探出来了，楼下是出入口",
        "有人在撬2单元301的门，戴着帽子口罩，撬了好几分钟了，还在，我在楼梯上看着不敢出声",
        # own
        "楼下小伙子半夜在朋友圈发了告别的话 打他电话一直关机",
        "3号楼高层有扇窗框松了 玻璃探出来一半 楼下是出入口",
        "有个人正在撬我对门的锁 我不敢出去",
    ],
)
def test_danger_told_as_a_situation_pages(text: str) -> None:
    category, level = category_and_level(text)
    assert category == "emergency" and level is not None


@pytest.mark.parametrize(
    "text",
    [
        # set AE
        "楼道里那股焦味是我家烤饼干烤糊了，对不住大家",
        "孩子把奶奶的假牙藏起来了，全家找了一下午，最后在玩具箱里",
        "刚刚是物业在测试烟感，叫得很响，大家不用下楼",
        "刚才那条说有人晕倒的，已经被家属接走了，医院检查没大碍",
        "今天给孙子炖了一锅排骨，煤气灶火开太大差点糊锅，幸好闻着味了",
        "孩子说学校里有同学流鼻血了，老师处理得很及时",
        "电视剧里那个电梯坠落的情节把我妈吓坏了，现在都不敢坐电梯了哈哈",
        "经验分享：家里老人走丢了，第一时间去物业调监控，比到处乱找强",
        "谢谢4号楼的王姐帮我接孩子，今天真是忙晕了",
        "我们单元水压正常，热水也有，可能是你家过滤器堵了",
        "不是我家的狗，我家狗一直在屋里睡觉呢",
        # own
        "走廊那股烟味是我家熏腊肉，马上开窗",
        "下午消防在测试警报 响的时候不用下楼",
        "早上摔倒那位阿姨被家属接走了 没大碍",
        "我爸的遥控器找了一晚上 原来在沙发缝里",
        "那部剧的剧情太吓人了 有人被困在火场 我现在还心慌",
        "年底加班加得晕头转向",
        "我家热水挺好的 应该是你家热水器的问题",
    ],
)
def test_chatter_with_danger_or_problem_words_is_none(text: str) -> None:
    assert category_and_level(text) == ("none", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # set AE
        ("搬家公司的车把路堵了一上午，喇叭按个不停", "dispute"),
        ("快递驿站的货堆到人行道上了，老人推轮椅都得绕到车道上", "dispute"),
        ("隔篱屋装修搞到成日嘈到死，冇人理㗎咩", "dispute"),
        ("路口那个井盖松了，每次车压过去咣咣的，夜里吵得睡不着，麻烦固定一下", "maintenance"),
        (
            "1号楼的吴奶奶说冬天怕冷，电热毯坏了又不敢买新的怕费电，能不能给她送点过冬的东西",
            "care",
        ),
        ("我能不能去社区老年食堂做义工？周末有空", "culture"),
        ("3号楼的各位，下周日楼下搞个百家宴怎么样，每家带一个拿手菜", "culture"),
        # own
        ("水果店的箱子堆到人行道上了 推婴儿车过不去", "dispute"),
        ("小区门口那个井盖松了 一踩就翘 麻烦加固一下", "maintenance"),
        ("2号楼的孤寡老人家里冷 谁能送点过冬的东西", "care"),
        ("周末想去社区图书室当义工 需要报名吗", "culture"),
    ],
)
def test_requests_in_everyday_words_get_their_category(text: str, expected: str) -> None:
    assert category_and_level(text) == (expected, None)
