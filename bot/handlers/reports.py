"""Residents' messages: requests become tickets, chatter stays silent."""

from __future__ import annotations

from bot.context import Context
from service.outbox import Notice
from service.tickets import flows
from service.understanding import Classifier


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
        report = flows.Report(
            text=ctx.text, reporter=ctx.actor, room_id=ctx.room_id, group=ctx.group
        )
        return flows.open_ticket(ctx.session, ctx.community, report, understanding, ctx.now).notices
