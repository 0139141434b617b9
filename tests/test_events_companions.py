"""Issue 11 leftover: a sign-up that brings someone along takes a place for each person. The
organiser counting chairs must see 2 for 我来 带着我老伴, and a family of three must not take
the last place of one."""

from __future__ import annotations

from bot.simulator import Simulator
from tests.dialog import verify_dialog

_HAIRCUT = """
        社区党委工作群 | 王书记 | 通知 12月5日9:00 义务理发 地点:4号楼门口 对象:4号楼居民群 名额:4
        -> 社区党委工作群: @王书记 已发布活动 #E30：义务理发 / 时间：12月5日（周六）09:00，约90分钟 / 地点：4号楼门口 / 对象：4号楼居民群 / 名额：4人 / 提醒：前一天18:00、开始前1小时 / 取消请回复“取消 #E30”，改期请回复“改期 #E30 月日 时:分”。
        -> 4号楼居民群: 【活动通知】义务理发 #E30 / 时间：12月5日（周六）09:00 / 地点：4号楼门口 / 名额：共4人，还剩4个 / 报名请回复“报名 #E30”，已报名但去不了请回复“取消报名 #E30”。
"""


def test_companions_take_places_and_a_party_that_does_not_fit_waits(sim: Simulator) -> None:
    verify_dialog(
        sim,
        _HAIRCUT
        + """
        4号楼居民群 | 柏阿姨 | 我报名 还有两位老姐妹一起
        -> 4号楼居民群: @柏阿姨 已为您报名（共3人）：义务理发 #E30，12月5日（周六）09:00。共4人，还剩1个。
        4号楼居民群 | 齐师傅 | 我们俩都去
        -> 4号楼居民群: @齐师傅 #E30 名额只剩1个，您一行2人，已为您登记候补（共2人）（第1位），有人取消时会通知您。
        4号楼居民群 | 乔奶奶 | 报名 #E30
        -> 4号楼居民群: @乔奶奶 已为您报名：义务理发 #E30，12月5日（周六）09:00。您报上了最后一个名额（共4人）。
        4号楼党小组 | 孙丽 | #E30
        -> 4号楼党小组: @孙丽 义务理发 #E30 / 时间：12月5日（周六）09:00，约90分钟 / 地点：4号楼门口 / 对象：4号楼居民群 / 组织人：王书记 / 名额：共4人，已满，可报名候补 / 已报名（4）：柏阿姨（共3人）、乔奶奶 / 候补（1）：齐师傅（共2人）
        # three places free up: the waiting pair moves up together
        4号楼居民群 | 柏阿姨 | 取消报名 #E30
        -> 4号楼居民群: @柏阿姨 已取消您的报名：义务理发 #E30。
        -> 4号楼居民群: @齐师傅 有人取消了报名，您已从候补转为正式报名：义务理发 #E30，12月5日（周六）09:00，4号楼门口。
        """,
    )


def test_a_sign_up_for_oneself_takes_one_place_and_a_pair_two(sim: Simulator) -> None:
    verify_dialog(
        sim,
        _HAIRCUT
        + """
        4号楼居民群 | 柏阿姨 | 带我一个
        -> 4号楼居民群: @柏阿姨 已为您报名：义务理发 #E30，12月5日（周六）09:00。共4人，还剩3个。
        4号楼居民群 | 齐师傅 | 报名+1
        -> 4号楼居民群: @齐师傅 已为您报名：义务理发 #E30，12月5日（周六）09:00。共4人，还剩2个。
        4号楼居民群 | 尤女士 | 我和我女儿两个人 算我们一份
        -> 4号楼居民群: @尤女士 已为您报名（共2人）：义务理发 #E30，12月5日（周六）09:00。您报上了最后的名额（共4人）。
        """,
    )
