"""Kinds of misreading set AM met on first contact (docs/understanding.md, set AM), read as
structures, on the set's own lines (tuned on: they measure nothing about unseen text) and on
wordings of mine written after the change ("own"): a drama watched, news asked about, a fight
at the supermarket, a fall at one's building site, warmth enjoyed in Sichuanese, someone met who
was trapped yesterday, a giveaway or a sale, a noise that stopped, a drain a neighbour cleared,
people's kindness page nobody and open no ticket; paper burnt for the dead or a chimney's smoke
is a neighbour's nuisance unless it fills the stairwell; firecrackers are no sparks; someone in
a lift car stopped between floors is trapped."""

from __future__ import annotations

import pytest

from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        # set AM
        "繁花里宝总那个仓库失火那段拍得真好 昨晚熬夜看完了",
        "你们看那个新闻没 有个大爷在冰面上钓鱼掉进去了 幸亏旁边人拿绳子拉上来了",
        "吐槽一下 今天在超市排队结账 有人插队还吵起来了 差点打起来 保安来了才散",
        "我们工地今天有人从脚手架上摔下来了 还好系了安全带 吓死我了",
        "今年屋头暖气巴适得很 我老汉儿说比老家烤火盆安逸多了",
        "昨天那个被困在电梯里的外卖小哥我认识 人挺好的 今天还来送单了 没事",
        "有没有人要小猫 过年回老家没法带 免费送 疫苗都打了",
        "有没有人要二手电暖器 我们回老家用不上了 五十块拿走",
        "刚才谁家的电动车报警器一直响 吵死了 现在终于停了",
        "隔壁那个大哥刚才帮我把堵了的下水道通好了 还不收钱 好人一生平安",
        "今天在电梯里碰见王书记了 她说年前会挨家挨户走访独居老人 真的很暖心",
        "看到隔壁小区停电三天的新闻 吓得我赶紧买了个充电宝",
        # own
        "狂飙里那场火灾戏拍得真好 我一口气熬夜看完了",
        "你们看那个新闻没 有个小孩在冰上玩掉进去了 幸好被救上来了",
        "我们工地昨天有个师傅从架子上滑下来了 还好有安全网",
        "这暖气烧得巴适 比老家烤火盆安逸多了",
        "有没有人要一只小狗 过年带不走 免费送",
        "闲置婴儿车 九成新 一百块拿走",
        "电动车报警器响了半天 现在终于停了",
        "王书记说年前要给独居老人送年货 好暖心",
    ],
)
def test_a_screen_news_elsewhere_a_sale_or_kindness_is_no_request(text: str) -> None:
    category, level = category_and_level(text)
    assert (category, level) == ("none", None)


@pytest.mark.parametrize(
    "text",
    [
        # set AM
        "二楼那家又在阳台上烧东西 说是烧纸 烟全往楼上飘 我家孩子咳嗽一晚上了 跟他家说了好几遍",
        "楼下小孩天天在楼道里甩炮 噼里啪啦的 我家老人吓得心慌 家长也不管",
        "业主群里说一下 6号楼那户把一楼的花园围起来扩建成了小房子 还通了烟囱 烟直接往我家窗户里飘",
        # own
        "楼下那家又在烧纸 烟全往我家飘 说了好几次也不听",
    ],
)
def test_paper_burnt_firecrackers_or_a_chimney_are_a_neighbours_nuisance(text: str) -> None:
    category, level = category_and_level(text)
    assert (category, level) == ("dispute", None)


@pytest.mark.parametrize(
    "text",
    [
        "5栋楼道里有人在烧纸 烟把整个楼道都熏满了 看不见路",  # an earlier set: still a danger
        "电梯门开了一半卡住了 轿厢比楼层低了半米多 里面一个抱孩子的女的不敢往上爬 一号楼二单元",
        "3号楼电梯停在两层中间了 门开了一条缝 里面一个老太太不敢往下跳",  # own
    ],
)
def test_smoke_filling_the_stairwell_or_someone_in_a_stopped_car_is_a_danger(text: str) -> None:
    category, level = category_and_level(text)
    assert category == "emergency" and level is not None
