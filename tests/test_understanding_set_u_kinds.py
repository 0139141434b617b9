"""Kinds of misreading set U met on first contact (docs/understanding.md, set U), read as
structures, on the set's own lines (tuned on: they measure nothing about unseen text) and on
wordings written before the change ("fresh"; 14 / 22 before, 21 / 22 after, in
docs/trials/sets/set_u_fresh_wordings.txt):
- a none the rules decided for a reason (a notice, a game, news elsewhere) is never made a
  request by word statistics (【社区公告】独居老人免费体检…);
- a what-if's own clause supposes, its consequence neither asks nor reports (要是哪天真停水停电一个
  星期 …撑不过三天; 假如我老了也一个人住，估计也得天天盼着孩子回来看看);
- a degree complement of mood or toil (气得头顶冒烟, 饿得快晕倒了), a word a parrot learned
  (学会说"救命"), an idiom of money (血流成河), a tip learned or shared (小常识, 学急救);
- youth and old times (年轻时, 以前这片), what a fee is (租金是每月300);
- help for someone who cannot see or walk (眼睛看不见, 腿不好使), company for a lonely mother
  (陪她聊聊天), a parcel taken, a dog barking in Cantonese (只狗成日吠);
while a question about an activity here (露天电影在哪放) asks, and danger told now still pages."""

from __future__ import annotations

import pytest

from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        # set U
        "【社区公告】独居老人免费体检下周二开始，请相关老人带身份证到卫生服务站",
        "这游戏里我的房子又被烧了，第三次了 😂",
        "要是哪天真停水停电一个星期，我家这点存粮估计撑不过三天 哈哈",
        "假如我老了也一个人住，估计也得天天盼着孩子回来看看",
        "被我家熊孩子气得头顶冒烟 哈哈",
        "减肥第三天，饿得快晕倒了 😂",
        '我家鹦鹉学会说"救命"了，每次听到都吓一跳',
        "股市今天暴跌，真是血流成河",
        "分享个小常识：闻到煤气味千万别开灯、别打电话，先开窗再出门",
        "我年轻时在厂里被困过一次电梯，所以到现在都爱走楼梯，哈哈",
        "地下车库的车位租金是每月300",
        # fresh
        "被作业气得头顶直冒烟 哈哈哈",
        "爬山爬得快晕过去了 不过风景真好",
        "基金这个月又是一片惨绿 血本无归",
        '我家八哥学会说"着火了" 吓死我妈了',
        "小常识：电梯被困千万别扒门 按警铃等着就行",
        "要是哪天小区停暖气一个月，我估计得冻成冰棍 哈哈",
        "假如以后我腿脚不好了，估计也得天天请人帮忙",
        "我年轻的时候在车间被困过一回 现在想想都怕",
        "以前这里是片菜地，一下雨就满地泥",
        "停车费是每月150，年付打九折",
        "这游戏里我的城堡又被人攻破了 气死了",
    ],
)
def test_told_in_jest_in_general_or_in_the_past_is_no_request(text: str) -> None:
    assert category_and_level(text) == ("none", None)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # set U
        ("俺们六号楼一单元有个老嬷嬷一个人过，腿不好使，恁社区能不能常来看看她", "care"),
        ("我妈一个人住4-1-201，最近老说心里闷得慌，有没有人能陪她聊聊天", "care"),
        ("我的快递被人拿走了，监控里是同楼的，怎么处理", "dispute"),
        ("隔离屋企只狗成日吠，吠到半夜都唔停，好烦啊", "dispute"),
        ("周末露天电影在哪放，几点开始", "culture"),
        # fresh
        ("我爸眼睛看不见，家里插座坏了他自己弄不了，能不能派人帮他修一下", "care"),
        ("五号楼有个老爷爷一个人过，耳朵背，社区能不能常来看看他", "care"),
        ("我奶奶一个人在家 整天不说话 有没有志愿者能陪她聊聊天", "care"),
        ("我放门口的快递被人拿走了 好几次了 怎么办", "dispute"),
        ("楼下只狗成日吠 吵到我哋瞓唔着", "dispute"),
        ("社区露天电影下周还放吗 想带孩子去看", "culture"),
    ],
)
def test_help_for_someone_a_taken_parcel_and_an_activity_asked_about_are_requests(
    text: str, category: str
) -> None:
    assert category_and_level(text)[0] == category


@pytest.mark.parametrize(
    "text",
    [
        "老人摔倒了 头上流血 叫不醒 快来人",
        "3号楼二单元楼道里煤气味特别浓 现在还在",
        "电梯停在五楼不动了 我女儿一个人在里面哭",
        "有人在楼道里喊着火了 烟都下来了",
    ],
)
def test_danger_told_now_still_pages_beside_these_kinds(text: str) -> None:
    assert category_and_level(text) == ("emergency", "emergency")
