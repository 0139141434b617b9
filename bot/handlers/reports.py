"""Residents' messages: requests become tickets, chatter stays silent."""

from __future__ import annotations

from bot.context import Context
from service.outbox import Notice
from service.tickets import flows
from service.understanding import Classifier

ASK_BUILDING_REPLY = "请问是哪栋楼、哪个单元？请连同问题再发一次，例如：3号楼2单元楼道灯坏了。"


class ReportHandler:
    def __init__(self, classifier: Classifier) -> None:
        self._classifier = classifier

    def __call__(self, ctx: Context) -> list[Notice] | None:
        # Staff groups are for staff talk; only resident groups and private chats open tickets.
        if ctx.group is not None and ctx.group.is_staff_group:
            return None
        understanding = self._classifier.classify(ctx.text)
        if not understanding.is_request:
            return None
        if ctx.is_private and understanding.building is None and not understanding.emergency:
            # A private chat has no building of its own; ask rather than guess.
            return [ctx.reply(ASK_BUILDING_REPLY)]
        report = flows.Report(
            text=ctx.text, reporter=ctx.actor, room_id=ctx.room_id, group=ctx.group
        )
        return flows.open_ticket(ctx.session, ctx.community, report, understanding, ctx.now).notices
