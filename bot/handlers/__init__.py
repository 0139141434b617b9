"""Message handlers, tried in order; the first that returns a list of notices wins.

A handler returns None when the message is not for it. Add new chat features here."""

from __future__ import annotations

from collections.abc import Callable

from bot.context import Context
from bot.handlers import (
    auth,
    bindings,
    consultations,
    events,
    members,
    reports,
    resident_commands,
    ticket_commands,
    visits,
)
from service.events.config import EMPTY, EventsConfig
from service.outbox import Notice
from service.understanding import Classifier

Handler = Callable[[Context], list[Notice] | None]


def default_handlers(classifier: Classifier, events_config: EventsConfig = EMPTY) -> list[Handler]:
    return [
        auth.handle,  # 认证 CODE in a private chat binds a contact to a staff member
        bindings.handle,
        # Before the ticket commands: `#E7` is an event, not a malformed ticket number.
        events.EventCommands(events_config),
        members.handle,  # 报到, 批准/驳回, 设岗, 积分调整, 我的积分, 通报 (commands.yaml: members)
        visits.VisitHandler(classifier),  # 走访 3-2-501 一切正常 (households.yaml: words)
        consultations.handle,  # 议事, 投票 1, 议事结果 #Y1 (commands.yaml: consultations)
        ticket_commands.handle,
        resident_commands.handle,
        reports.ReportHandler(classifier),
    ]


def unbound_room_handlers() -> list[Handler]:
    """The only handlers that read rooms not bound to the community: admins binding them."""
    return [bindings.handle]
