"""Issue 11, day 9 (docs/conversations.md): a closing with no number that shares no words with
the one ticket in hand, while another waits, is asked about, never applied to the wrong ticket;
the number written last still names the ticket; 马上下楼 / 我上去 / 我下去开门 claim. New
sentences, not the trial's."""

from __future__ import annotations

from bot.commands import TicketCommand, parse
from bot.simulator import Simulator
from service.community.chatwords import default_chat_words
from tests.test_conversations_trial7 import _states
from tests.test_ticket_time_limits import say


def _texts(messages: list) -> list[str]:  # type: ignore[type-arg]
    return [m.text for m in messages]


def test_a_closing_without_number_that_fits_another_waiting_ticket_is_asked_not_applied(
    sim: Simulator,
) -> None:
    say(sim, "4号楼居民群", "秦阿姨", "4号楼2单元楼道灯坏了 晚上黑漆漆的")
    say(sim, "4号楼居民群", "于大爷", "4号楼门口垃圾桶满出来了 一股馊味")
    say(sim, "4号楼党小组", "孙丽", "#1 接单")
    asked = _texts(say(sim, "4号楼党小组", "孙丽", "垃圾桶那边已经处理好了"))
    assert len(asked) == 1 and "#1" in asked[0] and "#2" in asked[0] and "哪一张" in asked[0]
    assert _states(sim) == ["claimed", "open"]
    done = say(sim, "4号楼党小组", "孙丽", "楼道灯泡换好了 亮堂了")
    assert any("工单 #1 已办结" in t for t in _texts(done)), done
    assert _states(sim) == ["resolved", "open"]


def test_the_number_written_last_names_the_ticket() -> None:
    words = default_chat_words()
    command = parse("物业师傅来了 水管接头拧紧了 不滴了 #12", words)
    assert isinstance(command, TicketCommand) and command.ticket_id == 12
    assert command.verb == "resolve"
    assert parse("谢谢大家 #12", words) is None  # only a command is moved


def test_going_down_or_up_now_claims_the_emergency(sim: Simulator) -> None:
    say(sim, "5号楼居民群", "韦先生", "5号楼1单元我爸在卫生间摔倒了 起不来 头磕破了")
    claimed = say(sim, "5号楼党小组", "周海", "#1 马上下楼")
    assert any("工单 #1 已由周海接单" in t for t in _texts(claimed)), claimed
    assert _states(sim) == ["claimed"]
    for said in ("#9 我上去", "#9 我下去开门", "#9 这就上去看看"):
        command = parse(said, default_chat_words())
        assert isinstance(command, TicketCommand) and command.verb == "claim", said
