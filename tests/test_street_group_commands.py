"""The street office's people act in the 街道党工委's group on what the ladder brought there,
naming the community first ("金茂 #1 接单"): only that community's bot answers, its replies
name it, and the other community's tickets of the same number are untouched."""

from __future__ import annotations

import asyncio
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.shell import ScriptMessage, format_sent, run_line
from bot.simulator import Simulator
from service.bootstrap import Core, open_core
from service.clock import FakeClock
from service.community import ConfigError
from service.community.chatwords import load_chat_words
from service.models import Ticket
from service.settings import Settings
from service.street.addressing import Addressed, addressed, short_name
from tests.dialog import talk
from tests.sample_config import JINMAO, SAMPLE, config_copy

ZONE = ZoneInfo("Asia/Shanghai")
STREET_GROUP = "幸福街道党工委工作群"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 12, 15, 8, 0, tzinfo=ZONE))


def _say(core: Core, clock: FakeClock, sender: str, text: str) -> list[str]:
    """One message in the street's group (a quote-reply spans lines, which a transcript's
    line cannot), and what the community's bot says to it."""
    sim = Simulator(core, clock)
    try:
        message = ScriptMessage(0, STREET_GROUP, sender, text)
        return [format_sent(m) for m in asyncio.run(run_line(sim, message))]
    finally:
        sim.close()


def _tickets(core: Core) -> list[tuple[int, str, str | None]]:
    with core.factory() as session:
        rows = session.execute(
            select(Ticket.id, Ticket.state, Ticket.claimed_by).order_by(Ticket.id)
        )
        return [(i, s, c) for i, s, c in rows]


# An old man collapsed in 金茂's 4号楼 at night; nobody claims it, so at 23:10 the ladder has
# brought emergency #1 of 金茂 to the street's group.
COLLAPSE_IN_JINMAO = """
    @clock 2026-12-15 22:40
    4号楼居民群 | 唐阿姨 | 4号楼3单元有个老人倒在楼梯上叫不醒
    -> 4号楼居民群: @唐阿姨 已收到您反映的问题（工单 #1：有个老人倒在楼梯上叫不醒，4号楼3单元），已转4号楼党小组处理。请立即拨打120，保持病人平躺，不要随意搬动。
    -> 4号楼党小组: 【紧急 #1】4号楼3单元 有个老人倒在楼梯上叫不醒 / 类别：应急处理·急病 / 居民原话：4号楼3单元有个老人倒在楼梯上叫不醒 / 反映人：唐阿姨（4号楼居民群） / 已告知居民：请立即拨打120，保持病人平躺，不要随意搬动。 / 负责：4号楼党小组。请立即跟进，接单回复：#1 接单
    -> 第一网格党支部群: 【紧急 #1】4号楼3单元 有个老人倒在楼梯上叫不醒 / 类别：应急处理·急病 / 居民原话：4号楼3单元有个老人倒在楼梯上叫不醒 / 反映人：唐阿姨（4号楼居民群） / 已告知居民：请立即拨打120，保持病人平躺，不要随意搬动。 / 负责：4号楼党小组。请立即跟进，接单回复：#1 接单
    -> 社区党委工作群: @高值班 【紧急 #1】4号楼3单元 有个老人倒在楼梯上叫不醒 / 类别：应急处理·急病 / 居民原话：4号楼3单元有个老人倒在楼梯上叫不醒 / 反映人：唐阿姨（4号楼居民群） / 已告知居民：请立即拨打120，保持病人平躺，不要随意搬动。 / 负责：4号楼党小组。请立即跟进，接单回复：#1 接单
    @clock 2026-12-15 23:10
    -> 社区党委工作群: 【超时上报】工单 #1：有个老人倒在楼梯上叫不醒，4号楼3单元，超时未接单（时限 12月15日 22:55）。负责：4号楼党小组。请尽快回复：#1 接单
    -> 幸福街道党工委工作群: 【街道督办·紧急】金茂社区 工单 #1：有个老人倒在楼梯上叫不醒，4号楼3单元（应急处理·急病），超时未接单（时限 12月15日 22:55）。负责：4号楼党小组。请督促金茂社区尽快处理；街道直接接单请回复：金茂 #1 接单
"""

# A stairwell lamp in 幸福里's 1号楼: ticket #1 of 幸福里, with its building, not the street.
LAMP_IN_XINGFULI = """
    @clock 2026-12-15 09:00
    1号楼居民群 | 小王 | 1号楼2单元楼道灯坏了好几天了
    -> 1号楼居民群: @小王 已收到您反映的问题（工单 #1：楼道灯坏了好几天了，1号楼2单元），已转1号楼党小组处理。
    -> 1号楼党小组: 【新工单 #1】维修维护·照明 / 地点：1号楼2单元 / 居民原话：1号楼2单元楼道灯坏了好几天了 / 反映人：小王（1号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
"""


def test_the_street_claims_and_closes_the_emergency_it_was_told_of_naming_the_community(
    core: Core, jinmao: Core, clock: FakeClock
) -> None:
    """周主任 reads 金茂's #1, sees it in 金茂's list for the street, claims and closes it: the
    building's group and the resident hear it as from any staff, every reply in the street's
    group names 金茂社区, and 幸福里's bot, in the same group, says nothing and changes nothing."""
    talk(core, clock, LAMP_IN_XINGFULI)
    talk(
        jinmao,
        clock,
        COLLAPSE_IN_JINMAO
        + """
        幸福街道党工委工作群 | 周主任 | 金茂 #1 进度
        -> 幸福街道党工委工作群: @周主任 金茂社区：工单 #1：有个老人倒在楼梯上叫不醒，4号楼3单元。当前状态：待受理。负责：4号楼党小组，超时未接单。
        幸福街道党工委工作群 | 周主任 | 金茂 待办
        -> 幸福街道党工委工作群: @周主任 金茂社区：幸福街道党工委工作群待办工单（1件，紧急的在前，其余最早的在前）： / 【紧急】#1 4号楼3单元 有个老人倒在楼梯上叫不醒：待受理，30分钟前（超时上报，负责：4号楼党小组）
        幸福街道党工委工作群 | 周主任 | 金茂社区 #1 接单
        -> 4号楼党小组: 【街道】工单 #1 已由周主任接单。
        -> 第一网格党支部群: 【街道】工单 #1 已由周主任接单。
        -> 社区党委工作群: 【街道】工单 #1 已由周主任接单。
        -> 4号楼居民群: @唐阿姨 您反映的问题（工单 #1）已有工作人员接单，街道周主任正在处理。
        -> 幸福街道党工委工作群: @周主任 金茂社区：工单 #1 已由周主任接单。
        幸福街道党工委工作群 | 周主任 | 【金茂社区】#1 处理好了 已联系家属送医
        -> 4号楼党小组: 【街道】工单 #1 已办结（周主任）：已联系家属送医
        -> 第一网格党支部群: 【街道】工单 #1 已办结（周主任）：已联系家属送医
        -> 社区党委工作群: 【街道】工单 #1 已办结（周主任）：已联系家属送医
        -> 4号楼居民群: @唐阿姨 您反映的问题（工单 #1：有个老人倒在楼梯上叫不醒）已处理：已联系家属送医。请问现在大家都安全了吗？回复“安全了”即可，需要帮助请随时说。
        -> 幸福街道党工委工作群: @周主任 金茂社区：工单 #1 已办结（周主任）：已联系家属送医
        """,
    )
    # 幸福里's bot hears the same lines in the same group: none names 幸福里, so it is silent.
    talk(
        core,
        clock,
        """
        @clock 2026-12-15 23:20
        幸福街道党工委工作群 | 周主任 | 金茂 #1 进度
        幸福街道党工委工作群 | 周主任 | 金茂社区 #1 接单
        幸福街道党工委工作群 | 周主任 | 【金茂社区】#1 处理好了 已联系家属送医
        """,
    )
    assert _tickets(jinmao) == [(1, "resolved", "周主任")]
    assert _tickets(core) == [(1, "open", None)]


def test_the_communitys_staff_read_that_the_street_acted_and_what_it_noted(
    jinmao: Core, clock: FakeClock
) -> None:
    """许干事's claim and note reach 金茂's groups marked 【街道】 (its staff do not know her
    name), the note with its words; "哦 金茂 #1" and "请问金茂 #1 进度" name 金茂 after a
    word that opens them."""
    talk(
        jinmao,
        clock,
        COLLAPSE_IN_JINMAO
        + """
        幸福街道党工委工作群 | 许干事 | 金茂 #1 我来
        -> 4号楼党小组: 【街道】工单 #1 已由许干事接单。
        -> 第一网格党支部群: 【街道】工单 #1 已由许干事接单。
        -> 社区党委工作群: 【街道】工单 #1 已由许干事接单。
        -> 4号楼居民群: @唐阿姨 您反映的问题（工单 #1）已有工作人员接单，街道许干事正在处理。
        -> 幸福街道党工委工作群: @许干事 金茂社区：工单 #1 已由许干事接单。
        幸福街道党工委工作群 | 许干事 | 金茂 #1 备注 已联系老人女儿 120在路上
        -> 4号楼党小组: 【街道】已为工单 #1 添加备注（许干事）：已联系老人女儿 120在路上。
        -> 幸福街道党工委工作群: @许干事 金茂社区：已为工单 #1 添加备注（许干事）：已联系老人女儿 120在路上。
        -> 社区党委工作群: 【街道】已为工单 #1 添加备注（许干事）：已联系老人女儿 120在路上。
        幸福街道党工委工作群 | 周主任 | 哦 金茂 #1
        -> 幸福街道党工委工作群: @周主任 金茂社区：工单 #1：有个老人倒在楼梯上叫不醒，4号楼3单元。当前状态：处理中，许干事正在处理。最新进展：12月15日 23:10 许干事：已联系老人女儿 120在路上。负责：4号楼党小组。
        幸福街道党工委工作群 | 周主任 | 请问金茂 #1 进度
        -> 幸福街道党工委工作群: @周主任 金茂社区：工单 #1：有个老人倒在楼梯上叫不醒，4号楼3单元。当前状态：处理中，许干事正在处理。最新进展：12月15日 23:10 许干事：已联系老人女儿 120在路上。负责：4号楼党小组。
        """,
    )


def test_the_street_asking_every_community_what_is_left_undone_gets_each_ones_answer(
    core: Core, jinmao: Core, clock: FakeClock
) -> None:
    """ "两个社区还有啥没办完的" names no community but all: each bot answers for its own, with
    what to chase first and then the rest (what is asked for: 还有啥); words to every community
    that ask nothing are left alone."""
    talk(core, clock, LAMP_IN_XINGFULI)
    talk(jinmao, clock, COLLAPSE_IN_JINMAO)
    asked = """
        @clock 2026-12-15 23:20
        幸福街道党工委工作群 | 周主任 | 两个社区还有啥没办完的
        -> 幸福街道党工委工作群: @周主任 {answer}
        幸福街道党工委工作群 | 周主任 | 各社区注意安全 有事及时报
        """
    talk(
        core,
        clock,
        asked.format(
            answer="幸福里社区：未办结工单 1 件，没有超时的。均未超时：1号楼2单元 楼道灯坏了好几天了"
            "（#1，负责：1号楼党小组）。查看请回复：幸福里 #1 进度"
        ),
    )
    talk(
        jinmao,
        clock,
        asked.format(
            answer="金茂社区：未办结工单 1 件，其中超时 1 件、紧急 1 件。需督办：4号楼3单元"
            " 有个老人倒在楼梯上叫不醒（#1，紧急，超时未接单，负责：4号楼党小组）。"
            "查看请回复：金茂 #1 进度"
        ),
    )


def test_the_street_in_looser_words_claims_asks_closes_and_counts(
    jinmao: Core, clock: FakeClock
) -> None:
    """The third street trial's loose wordings (docs/trials/street-group3; here in words of
    mine): a claim said "我来接"; a question naming the matter, not the number; a closing with
    no number by the one who holds the ticket, after "嗯嗯"; how many are left, asked of one
    community or of both ("两边"); a bare 待办 answered by each community."""
    talk(
        jinmao,
        clock,
        COLLAPSE_IN_JINMAO
        + """
        幸福街道党工委工作群 | 许干事 | 哦 金茂#1 我来接
        -> 4号楼党小组: 【街道】工单 #1 已由许干事接单。
        -> 第一网格党支部群: 【街道】工单 #1 已由许干事接单。
        -> 社区党委工作群: 【街道】工单 #1 已由许干事接单。
        -> 4号楼居民群: @唐阿姨 您反映的问题（工单 #1）已有工作人员接单，街道许干事正在处理。
        -> 幸福街道党工委工作群: @许干事 金茂社区：工单 #1 已由许干事接单。
        幸福街道党工委工作群 | 周主任 | 金茂那边倒在楼梯上的老人怎么样了
        -> 幸福街道党工委工作群: @周主任 金茂社区：工单 #1：有个老人倒在楼梯上叫不醒，4号楼3单元。当前状态：处理中，许干事正在处理。负责：4号楼党小组。
        幸福街道党工委工作群 | 周主任 | 请问金茂还有几件没结的
        -> 幸福街道党工委工作群: @周主任 金茂社区：未办结工单 1 件，其中紧急 1 件。需督办：4号楼3单元 有个老人倒在楼梯上叫不醒（#1，紧急，负责：4号楼党小组）。查看请回复：金茂 #1 进度
        幸福街道党工委工作群 | 许干事 | 嗯嗯 金茂那个老人 已送医院 家属陪着 已处理
        -> 4号楼党小组: 【街道】工单 #1 已办结（许干事）：已送医院 家属陪着
        -> 第一网格党支部群: 【街道】工单 #1 已办结（许干事）：已送医院 家属陪着
        -> 社区党委工作群: 【街道】工单 #1 已办结（许干事）：已送医院 家属陪着
        -> 4号楼居民群: @唐阿姨 您反映的问题（工单 #1：有个老人倒在楼梯上叫不醒）已处理：已送医院 家属陪着。请问现在大家都安全了吗？回复“安全了”即可，需要帮助请随时说。
        -> 幸福街道党工委工作群: @许干事 金茂社区：工单 #1 已办结（许干事）：已送医院 家属陪着
        幸福街道党工委工作群 | 周主任 | 各位 今天两边还有几件没结的
        -> 幸福街道党工委工作群: @周主任 金茂社区：目前没有未办结的工单。
        幸福街道党工委工作群 | 周主任 | 待办
        -> 幸福街道党工委工作群: @周主任 金茂社区：目前没有升到街道的工单，社区里也没有未办结的工单。
        幸福街道党工委工作群 | 周主任 | 好的 我再给孟书记打个电话
        """,
    )
    assert _tickets(jinmao) == [(1, "resolved", "许干事")]


def test_the_street_hears_the_community_claim_and_close_what_it_was_told_of(
    jinmao: Core, clock: FakeClock
) -> None:
    """The ladder asked the street to press 金茂 about emergency #1: when 金茂's own staff claim
    and close it, the street's group hears so, the community named."""
    talk(
        jinmao,
        clock,
        COLLAPSE_IN_JINMAO
        + """
        4号楼党小组 | 唐静 | #1 收到我来 已打120
        -> 4号楼党小组: 工单 #1 已由唐静接单。
        -> 第一网格党支部群: 工单 #1 已由唐静接单。
        -> 社区党委工作群: 工单 #1 已由唐静接单。
        -> 幸福街道党工委工作群: 金茂社区：工单 #1 已由唐静接单：已打120。
        -> 4号楼居民群: @唐阿姨 您反映的问题（工单 #1）已有工作人员接单，唐静正在处理：已打120。
        @clock +20m
        4号楼党小组 | 唐静 | #1 已处理 120接走了 家属跟着
        -> 4号楼党小组: 工单 #1 已办结（唐静）：120接走了 家属跟着
        -> 第一网格党支部群: 工单 #1 已办结（唐静）：120接走了 家属跟着
        -> 社区党委工作群: 工单 #1 已办结（唐静）：120接走了 家属跟着
        -> 幸福街道党工委工作群: 金茂社区：工单 #1 已办结（唐静）：120接走了 家属跟着
        -> 4号楼居民群: @唐阿姨 您反映的问题（工单 #1：有个老人倒在楼梯上叫不醒）已处理：120接走了 家属跟着。请问现在大家都安全了吗？回复“安全了”即可，需要帮助请随时说。
        """,
    )


def test_a_command_naming_no_community_is_answered_once_with_how_to_name_one(
    core: Core, jinmao: Core, clock: FakeClock
) -> None:
    """ "#1 接单" in the street's group could be either community's #1: the street's first
    community's bot (幸福里) says how to name one, 金茂's says nothing, and neither acts.
    Talk that is no command gets no answer from either; a question naming 金茂 and its matter
    gets that ticket's progress from 金茂's bot alone."""
    talk(core, clock, LAMP_IN_XINGFULI)
    talk(jinmao, clock, COLLAPSE_IN_JINMAO)
    lines = """
        @clock 2026-12-15 23:15
        幸福街道党工委工作群 | 周主任 | 大家辛苦了 今晚值班的同志注意看群
        幸福街道党工委工作群 | 许干事 | 金茂那个老人的事 家属联系上了吗
        {answer}
    """
    talk(core, clock, lines.format(answer=""))
    talk(
        jinmao,
        clock,
        lines.format(
            answer="-> 幸福街道党工委工作群: @许干事 金茂社区：工单 #1：有个老人倒在楼梯上叫不醒，"
            "4号楼3单元。当前状态：待受理。负责：4号楼党小组，超时未接单。"
        ),
    )
    talk(
        core,
        clock,
        """
        幸福街道党工委工作群 | 周主任 | #1 接单
        -> 幸福街道党工委工作群: @周主任 本群各社区的工单都从 #1 编号，请在指令前写明社区，例如：金茂 #1 接单（本街道社区：幸福里、金茂）
        """,
    )
    talk(jinmao, clock, "幸福街道党工委工作群 | 周主任 | #1 接单")
    assert _tickets(jinmao) == [(1, "open", None)]
    assert _tickets(core) == [(1, "open", None)]


def test_the_street_in_its_own_words_traditional_characters_and_questions(
    core: Core, jinmao: Core, clock: FakeClock
) -> None:
    """Unseen by the code's author (the street trial of this session): 金茂社區 #1 接單 in
    traditional characters claims; a question after the number is answered with the progress,
    never kept as a note the resident would read; a note's reply suggests the command with the
    community's name; a misspelt name is answered with the community it looks like, and a bare
    "我来处理" (which community's?) with how to name one; the street's own matters are no claim."""
    talk(core, clock, LAMP_IN_XINGFULI)
    talk(
        jinmao,
        clock,
        COLLAPSE_IN_JINMAO
        + """
        幸福街道党工委工作群 | 周主任 | 金茂 #1 咋回事 这么久了还没人管？
        -> 幸福街道党工委工作群: @周主任 金茂社区：工单 #1：有个老人倒在楼梯上叫不醒，4号楼3单元。当前状态：待受理。负责：4号楼党小组，超时未接单。已把您的督促转告4号楼党小组和社区。
        -> 4号楼党小组: 【街道督促】工单 #1：有个老人倒在楼梯上叫不醒，4号楼3单元：咋回事 这么久了还没人管？（周主任）。请尽快办理并回复进展。
        -> 社区党委工作群: 【街道督促】工单 #1：有个老人倒在楼梯上叫不醒，4号楼3单元：咋回事 这么久了还没人管？（周主任）。请尽快办理并回复进展。
        幸福街道党工委工作群 | 周主任 | 金茂社區 #1 接單
        -> 4号楼党小组: 【街道】工单 #1 已由周主任接单。
        -> 第一网格党支部群: 【街道】工单 #1 已由周主任接单。
        -> 社区党委工作群: 【街道】工单 #1 已由周主任接单。
        -> 4号楼居民群: @唐阿姨 您反映的问题（工单 #1）已有工作人员接单，街道周主任正在处理。
        -> 幸福街道党工委工作群: @周主任 金茂社区：工单 #1 已由周主任接单。
        幸福街道党工委工作群 | 周主任 | 金茂 #1 高值班已经到楼下了
        -> 幸福街道党工委工作群: @周主任 金茂社区：已记下，但工单 #1 仍未办结，居民未收到通知。办结请回复：金茂 #1 已处理 处理说明
        """,
    )
    talk(
        core,
        clock,
        """
        # a question to a name one letter off: 金茂's bot answers it (street trial 8, D085)
        幸福街道党工委工作群 | 周主任 | 金毛 #1 进度
        幸福街道党工委工作群 | 周主任 | 幸福 #1 进度
        -> 幸福街道党工委工作群: @周主任 幸福里社区：工单 #1：楼道灯坏了好几天了，1号楼2单元。当前状态：待受理。负责：1号楼党小组。
        幸福街道党工委工作群 | 许干事 | 我来处理
        -> 幸福街道党工委工作群: @许干事 本群各社区的工单都从 #1 编号，请在指令前写明社区，例如：金茂 我来处理（本街道社区：幸福里、金茂）
        幸福街道党工委工作群 | 许干事 | 明天会议室的事我来处理
        """,
    )
    with jinmao.factory() as session:
        ticket = session.get_one(Ticket, 1)
        notes = [e.note for e in ticket.events if e.kind == "note"]
    # "咋回事 这么久了还没人管？" asks and presses (还没人管: street trial 10 S08): kept as a press
    assert notes == ["咋回事 这么久了还没人管？", "高值班已经到楼下了"]


def test_the_street_asking_in_its_own_words_is_answered_with_the_progress_and_whose_it_is(
    core: Core, jinmao: Core, clock: FakeClock
) -> None:
    """Unseen by the code's author (the second street trial of this session): questions after
    the number however written, and a misspelt name with nothing parseable after it, are
    answered; the street's question is never kept as the ticket's latest news."""
    talk(core, clock, LAMP_IN_XINGFULI)
    talk(
        jinmao,
        clock,
        COLLAPSE_IN_JINMAO
        + """
        幸福街道党工委工作群 | 许干事 | 金茂社区 #1 家属到了没
        -> 幸福街道党工委工作群: @许干事 金茂社区：工单 #1：有个老人倒在楼梯上叫不醒，4号楼3单元。当前状态：待受理。负责：4号楼党小组，超时未接单。
        幸福街道党工委工作群 | 许干事 | 金茂1号 什么情况 有人过去没有
        -> 幸福街道党工委工作群: @许干事 金茂社区：工单 #1：有个老人倒在楼梯上叫不醒，4号楼3单元。当前状态：待受理。负责：4号楼党小组，超时未接单。
        """,
    )
    talk(
        core,
        clock,
        """
        # a question to a name one letter off: 金茂's bot answers it (street trial 8, D085)
        幸福街道党工委工作群 | 许干事 | 金毛 #1 什么进度
        """,
    )
    with jinmao.factory() as session:
        ticket = session.get_one(Ticket, 1)
        assert not [e for e in ticket.events if e.kind == "note"]


def test_the_street_asking_why_a_buildings_lamp_is_not_mended_gets_that_ticket_not_the_number(
    jinmao: Core, clock: FakeClock
) -> None:
    """The third street trial's S41 in words of mine: "金茂1号楼道灯的那个 社区怎么还没弄" names
    building 1's lamp (ticket #2), never ticket #1, and asks why it is not done: its progress is
    the answer. A ticket the street hands on reads as sent by the street, its instruction the
    street's, not the building group's."""
    talk(jinmao, clock, COLLAPSE_IN_JINMAO)
    talk(
        jinmao,
        clock,
        """
        @clock 2026-12-16 09:00
        -> 4号楼党小组: 【早间汇总】夜间等待的新工单、居民补充和超时提醒： / 【超时提醒】工单 #1：有个老人倒在楼梯上叫不醒，4号楼3单元，超时未办结（时限 12月16日 00:40）。负责：4号楼党小组。请尽快回复：#1 已处理 处理说明
        -> 社区党委工作群: 【金茂社区超时工单 1 件】 / 【紧急】#1 4号楼3单元 有个老人倒在楼梯上叫不醒（4号楼党小组）超时未接单
        1号楼居民群 | 小罗 | 2单元楼道灯坏了三天了 晚上下楼看不见
        -> 1号楼居民群: @小罗 已收到您反映的问题（工单 #2：楼道灯坏了三天了，1号楼2单元），已转1号楼党小组处理。
        -> 1号楼党小组: 【新工单 #2】维修维护·照明 / 地点：1号楼2单元 / 居民原话：2单元楼道灯坏了三天了 晚上下楼看不见 / 反映人：小罗（1号楼居民群） / 接单请回复：#2 接单；办结后回复：#2 已处理 处理说明
        @clock 2026-12-16 15:30
        幸福街道党工委工作群 | 周主任 | 金茂1号楼道灯的那个 社区怎么还没弄
        -> 幸福街道党工委工作群: @周主任 金茂社区：工单 #2：楼道灯坏了三天了，1号楼2单元。当前状态：待受理。负责：1号楼党小组。
        幸福街道党工委工作群 | 周主任 | 金茂 #1 转 社区 让网格员马上去敲门
        -> 4号楼党小组: 【街道】工单 #1 已从4号楼党小组转至社区党委工作群。
        -> 社区党委工作群: 【街道】【紧急工单 #1】应急处理·急病 / 地点：4号楼3单元 / 居民原话：4号楼3单元有个老人倒在楼梯上叫不醒 / 反映人：唐阿姨（4号楼居民群） / 由街道（周主任）转来：让网格员马上去敲门 / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        -> 4号楼居民群: @唐阿姨 您反映的问题（工单 #1）已转社区党委处理。
        -> 幸福街道党工委工作群: @周主任 金茂社区：工单 #1 已从4号楼党小组转至社区党委工作群。
        """,
    )


def test_the_street_claiming_with_no_number_takes_the_one_ticket_the_ladder_brought_it(
    jinmao: Core, clock: FakeClock
) -> None:
    """A claim with no number, "金茂那个老人的 我来处理": one ticket of 金茂 waits in the street's
    group; it is claimed and named. Said again, nothing is left waiting, and the street is told
    so."""
    talk(jinmao, clock, COLLAPSE_IN_JINMAO)
    talk(
        jinmao,
        clock,
        """
        幸福街道党工委工作群 | 许干事 | 金茂那个老人的 我来处理
        -> 4号楼党小组: 【街道】工单 #1 已由许干事接单（4号楼3单元 有个老人倒在楼梯上叫不醒）。
        -> 第一网格党支部群: 【街道】工单 #1 已由许干事接单。
        -> 社区党委工作群: 【街道】工单 #1 已由许干事接单。
        -> 4号楼居民群: @唐阿姨 您反映的问题（工单 #1）已有工作人员接单，街道许干事正在处理。
        -> 幸福街道党工委工作群: @许干事 金茂社区：工单 #1 已由许干事接单（4号楼3单元 有个老人倒在楼梯上叫不醒）。
        幸福街道党工委工作群 | 许干事 | 金茂 我来处理
        -> 幸福街道党工委工作群: @许干事 金茂社区：本群目前没有等待接单的工单，谢谢您！如果说的是别的工单，请写明编号，格式：金茂 #编号 接单
        """,
    )
    assert _tickets(jinmao) == [(1, "claimed", "许干事")]


def test_what_the_street_holds_is_not_chased_in_the_community_and_residents_know_who_has_it(
    jinmao: Core, clock: FakeClock
) -> None:
    """The fourth street trial's leftovers: residents read that someone of the 街道 has their
    ticket (a name they do not know, otherwise); the building's group is not reminded in the
    morning of a ticket the street holds, nor the community's overdue list given it; the street
    closing it "那个老人 开锁进去了…" tells residents what was done, not the words that picked
    the ticket out."""
    talk(
        jinmao,
        clock,
        """
        @clock 2026-12-15 22:40
        4号楼居民群 | 唐阿姨 | 4号楼3单元对门王奶奶一个人住 敲了半天门没人应
        -> 4号楼居民群: @唐阿姨 已收到您反映的问题（工单 #1：对门王奶奶一个人住 敲了半天门没人应，4号楼3单元），已转4号楼党小组处理。请立即拨打120，说明门打不开、屋里的人可能出事，必要时拨打110或119帮忙开门，请在门外等候。
        -> 4号楼党小组: 【可能紧急 #1】4号楼3单元 对门王奶奶一个人住 敲了半天门没人应 / 类别：应急处理·急病 / 居民原话：4号楼3单元对门王奶奶一个人住 敲了半天门没人应 / 反映人：唐阿姨（4号楼居民群） / 已告知居民：请立即拨打120，说明门打不开、屋里的人可能出事，必要时拨打110或119帮忙开门，请在门外等候。 / （系统判断可能紧急，不一定是紧急情况，请尽快核实；如不紧急请回复：#1 非紧急） / 负责：4号楼党小组。请立即跟进，接单回复：#1 接单
        -> 第一网格党支部群: 【可能紧急 #1】4号楼3单元 对门王奶奶一个人住 敲了半天门没人应 / 类别：应急处理·急病 / 居民原话：4号楼3单元对门王奶奶一个人住 敲了半天门没人应 / 反映人：唐阿姨（4号楼居民群） / 已告知居民：请立即拨打120，说明门打不开、屋里的人可能出事，必要时拨打110或119帮忙开门，请在门外等候。 / （系统判断可能紧急，不一定是紧急情况，请尽快核实；如不紧急请回复：#1 非紧急） / 负责：4号楼党小组。请立即跟进，接单回复：#1 接单
        -> 社区党委工作群: @高值班 【可能紧急 #1】4号楼3单元 对门王奶奶一个人住 敲了半天门没人应 / 类别：应急处理·急病 / 居民原话：4号楼3单元对门王奶奶一个人住 敲了半天门没人应 / 反映人：唐阿姨（4号楼居民群） / 已告知居民：请立即拨打120，说明门打不开、屋里的人可能出事，必要时拨打110或119帮忙开门，请在门外等候。 / （系统判断可能紧急，不一定是紧急情况，请尽快核实；如不紧急请回复：#1 非紧急） / 负责：4号楼党小组。请立即跟进，接单回复：#1 接单
        @clock 2026-12-15 23:30
        -> 社区党委工作群: 【超时上报】工单 #1：对门王奶奶一个人住 敲了半天门没人应，4号楼3单元，超时未接单（时限 12月15日 22:55）。负责：4号楼党小组。请尽快回复：#1 接单
        -> 幸福街道党工委工作群: 【街道督办·紧急】金茂社区 工单 #1：对门王奶奶一个人住 敲了半天门没人应，4号楼3单元（应急处理·急病），超时未接单（时限 12月15日 22:55）。负责：4号楼党小组。请督促金茂社区尽快处理；街道直接接单请回复：金茂 #1 接单
        幸福街道党工委工作群 | 许干事 | 金茂那个老人的 我来处理
        -> 4号楼党小组: 【街道】工单 #1 已由许干事接单（4号楼3单元 对门王奶奶一个人住 敲了半天门没人应）。
        -> 第一网格党支部群: 【街道】工单 #1 已由许干事接单。
        -> 社区党委工作群: 【街道】工单 #1 已由许干事接单。
        -> 4号楼居民群: @唐阿姨 您反映的问题（工单 #1）已有工作人员接单，街道许干事正在处理。
        -> 幸福街道党工委工作群: @许干事 金茂社区：工单 #1 已由许干事接单（4号楼3单元 对门王奶奶一个人住 敲了半天门没人应）。
        @clock 2026-12-16 07:05
        @clock 2026-12-16 09:00
        @clock 2026-12-16 12:00
        幸福街道党工委工作群 | 许干事 | 金茂那个老人 开锁进去了 在卫生间摔倒了 已送医院 已处理
        -> 4号楼党小组: 【街道】工单 #1 已办结（许干事）：开锁进去了 在卫生间摔倒了 已送医院
        -> 第一网格党支部群: 【街道】工单 #1 已办结（许干事）：开锁进去了 在卫生间摔倒了 已送医院
        -> 社区党委工作群: 【街道】工单 #1 已办结（许干事）：开锁进去了 在卫生间摔倒了 已送医院
        -> 4号楼居民群: @唐阿姨 您反映的问题（工单 #1：对门王奶奶一个人住 敲了半天门没人应）已处理：开锁进去了 在卫生间摔倒了 已送医院。请问现在大家都安全了吗？回复“安全了”即可，需要帮助请随时说。
        -> 幸福街道党工委工作群: @许干事 金茂社区：工单 #1 已办结（许干事）：开锁进去了 在卫生间摔倒了 已送医院
        """,
    )
    assert _tickets(jinmao) == [(1, "resolved", "许干事")]


def test_fourth_trial_todo_with_nothing_escalated_a_mistyped_name_and_a_child_not_a_son(
    jinmao: Core, clock: FakeClock
) -> None:
    """The fourth street trial (docs/trials/street-group4), in words of mine: "待办" with nothing
    brought to the street yet says what the community still has open, never a bare "nothing to
    do"; asked with the community's name mistyped ("金贸"), each community answers for its own;
    "被困的小孩" asks after the ticket of "我孙子被关在电梯里" (its kind, 被困)."""
    talk(
        jinmao,
        clock,
        """
        @clock 2026-12-15 09:00
        1号楼居民群 | 何阿姨 | 1单元电梯停在半路了 我孙子被关在里面 一直哭
        -> 1号楼居民群: @何阿姨 已收到您反映的问题（工单 #1：电梯停在半路了 我孙子被关在里面，1号楼1单元），已转1号楼党小组处理。请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。
        -> 1号楼党小组: 【紧急 #1】1号楼1单元 电梯停在半路了 我孙子被关在里面 / 类别：应急处理·被困 / 居民原话：1单元电梯停在半路了 我孙子被关在里面 一直哭 / 反映人：何阿姨（1号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：1号楼党小组。请立即跟进，接单回复：#1 接单
        -> 第一网格党支部群: 【紧急 #1】1号楼1单元 电梯停在半路了 我孙子被关在里面 / 类别：应急处理·被困 / 居民原话：1单元电梯停在半路了 我孙子被关在里面 一直哭 / 反映人：何阿姨（1号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：1号楼党小组。请立即跟进，接单回复：#1 接单
        -> 社区党委工作群: @高值班 【紧急 #1】1号楼1单元 电梯停在半路了 我孙子被关在里面 / 类别：应急处理·被困 / 居民原话：1单元电梯停在半路了 我孙子被关在里面 一直哭 / 反映人：何阿姨（1号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：1号楼党小组。请立即跟进，接单回复：#1 接单
        幸福街道党工委工作群 | 许干事 | 待办
        -> 幸福街道党工委工作群: @许干事 金茂社区：目前没有升到街道的工单。未办结工单 1 件，其中紧急 1 件。需督办：1号楼1单元 电梯停在半路了 我孙子被关在里面（#1，紧急，负责：1号楼党小组）。查看请回复：金茂 #1 进度
        幸福街道党工委工作群 | 周主任 | 金贸那边还有几件没结的？
        -> 幸福街道党工委工作群: @周主任 金茂社区：未办结工单 1 件，其中紧急 1 件。需督办：1号楼1单元 电梯停在半路了 我孙子被关在里面（#1，紧急，负责：1号楼党小组）。查看请回复：金茂 #1 进度
        幸福街道党工委工作群 | 周主任 | 金茂那个被困的小孩出来了没
        -> 幸福街道党工委工作群: @周主任 金茂社区：工单 #1：电梯停在半路了 我孙子被关在里面，1号楼1单元。当前状态：待受理。负责：1号楼党小组。
        """,
    )


def test_the_street_reads_any_ticket_and_acts_only_on_those_the_ladder_brought_it(
    core: Core, clock: FakeClock
) -> None:
    """幸福里's lamp is with its building, not late: 周主任 may read its progress, and is told
    it is not with the street yet when he tries to close it."""
    talk(
        core,
        clock,
        LAMP_IN_XINGFULI
        + """
        幸福街道党工委工作群 | 周主任 | 幸福里 #1 进度
        -> 幸福街道党工委工作群: @周主任 幸福里社区：工单 #1：楼道灯坏了好几天了，1号楼2单元。当前状态：待受理。负责：1号楼党小组。
        幸福街道党工委工作群 | 周主任 | 幸福里 #1 已处理
        -> 幸福街道党工委工作群: @周主任 幸福里社区：工单 #1 尚未上报街道，现由1号楼党小组办理。查看进度请回复：幸福里 #1 进度
        幸福街道党工委工作群 | 周主任 | 幸福里 #9 进度
        -> 幸福街道党工委工作群: @周主任 幸福里社区：未找到工单 #9，请核对编号。
        """,
    )
    assert _tickets(core) == [(1, "open", None)]


def test_someone_not_of_the_street_is_refused_there_and_a_quote_names_the_community(
    core: Core, jinmao: Core, clock: FakeClock
) -> None:
    """A stranger in the street's group naming 金茂 is told whose ticket it is, as in any staff
    group, and changes nothing; a quote-reply of the street's notice names 金茂 through the
    notice, so 金茂's bot alone takes it."""
    talk(core, clock, LAMP_IN_XINGFULI)
    talk(
        jinmao,
        clock,
        COLLAPSE_IN_JINMAO
        + """
        幸福街道党工委工作群 | 路人甲 | 金茂 #1 接单
        -> 幸福街道党工委工作群: @路人甲 金茂社区：抱歉，只有4号楼党小组及上级的工作人员可以处理工单 #1。
        """,
    )
    quote = "「幸福街道党工委工作群：【街道督办】金茂社区 工单 #1：有个老人倒在楼梯上叫不醒」"
    said = _say(jinmao, clock, "许干事", f"{quote}\n- - - - - - - - - -\n接单")
    assert said == [
        "-> 4号楼党小组: 【街道】工单 #1 已由许干事接单。",
        "-> 第一网格党支部群: 【街道】工单 #1 已由许干事接单。",
        "-> 社区党委工作群: 【街道】工单 #1 已由许干事接单。",
        "-> 4号楼居民群: @唐阿姨 您反映的问题（工单 #1）已有工作人员接单，街道许干事正在处理。",
        "-> 幸福街道党工委工作群: @许干事 金茂社区：工单 #1 已由许干事接单。",
    ]
    assert _say(core, clock, "许干事", f"{quote}\n- - - - - - - - - -\n接单") == []
    assert _tickets(jinmao) == [(1, "claimed", "许干事")]


def test_in_a_street_of_one_community_no_name_is_needed(
    settings: Settings, database_url: str, clock: FakeClock, tmp_path: Path
) -> None:
    config = config_copy(tmp_path)
    street = config / "street.yaml"
    street.write_text(
        street.read_text(encoding="utf-8").replace(
            "communities: [xingfuli, jinmao]", "communities: [jinmao]"
        ),
        encoding="utf-8",
    )
    alone = open_core(Settings(config_dir=config), database_url=database_url, fresh=True)
    try:
        talk(
            alone,
            clock,
            COLLAPSE_IN_JINMAO
            + """
            幸福街道党工委工作群 | 周主任 | #1 接单
            -> 4号楼党小组: 【街道】工单 #1 已由周主任接单。
            -> 第一网格党支部群: 【街道】工单 #1 已由周主任接单。
            -> 社区党委工作群: 【街道】工单 #1 已由周主任接单。
            -> 4号楼居民群: @唐阿姨 您反映的问题（工单 #1）已有工作人员接单，街道周主任正在处理。
            -> 幸福街道党工委工作群: @周主任 金茂社区：工单 #1 已由周主任接单。
            """,
        )
        assert _tickets(alone) == [(1, "claimed", "周主任")]
    finally:
        alone.engine.dispose()


def test_a_street_person_with_a_communitys_persons_name_is_refused(
    settings: Settings, database_url: str, tmp_path: Path
) -> None:
    config = config_copy(tmp_path)
    street = config / "street.yaml"
    street.write_text(
        street.read_text(encoding="utf-8").replace("{name: 许干事}", "{name: 何军}"),
        encoding="utf-8",
    )
    with pytest.raises(
        ConfigError, match="'何军' is one of the street's people and also one of 金茂社区's"
    ):
        open_core(Settings(config_dir=config), database_url=database_url, community=JINMAO)


QUOTE = re.compile(load_chat_words(SAMPLE).quote_reply, re.S)  # as config/commands.yaml has it
STREET = ("幸福里社区", "金茂社区", "金茂花园社区")


@pytest.mark.parametrize(
    ("said", "community", "rest"),
    [
        ("金茂 #1 接单", "金茂社区", "#1 接单"),
        ("金茂社区#1接单", "金茂社区", "#1接单"),
        ("【金茂社区】待办", "金茂社区", "待办"),
        ("@金茂社区 #3 进度", "金茂社区", "#3 进度"),
        ("金茂：#2 转 物业", "金茂社区", "#2 转 物业"),
        ("金茂花园 #1 接单", "金茂花园社区", "#1 接单"),
        ("幸福里社区 #1 已处理 灯换好了", "幸福里社区", "#1 已处理 灯换好了"),
        ("#1 接单", None, "#1 接单"),
        ("我们金茂 #1 接单", None, "我们金茂 #1 接单"),
        ("金茂", None, "金茂"),
    ],
)
def test_a_street_message_is_for_the_community_it_names_first(
    said: str, community: str | None, rest: str
) -> None:
    assert addressed(said, STREET, QUOTE) == Addressed(community, rest)


def test_a_quote_reply_is_for_the_one_community_its_notice_names() -> None:
    quoted = "「红桥：【街道督办】金茂社区 工单 #1：电梯停了」\n- - - - -\n接单"
    assert addressed(quoted, STREET, QUOTE) == Addressed("金茂社区", quoted)
    garden = quoted.replace("金茂社区", "金茂花园社区")
    assert addressed(garden, STREET, QUOTE).community == "金茂花园社区"
    both = "「红桥：金茂和金茂花园的 #1 都超时了」\n- - - - -\n接单"
    assert addressed(both, STREET, QUOTE).community is None
    assert addressed("金茂 #1 接单", ("金茂社区",), QUOTE).community == "金茂社区"
    assert addressed("#1 接单", ("金茂社区",), QUOTE).community == "金茂社区"
    assert short_name("金茂社区") == "金茂" and short_name("社区") == "社区"
