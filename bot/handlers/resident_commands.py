"""Residents' words: ratings (`满意`, `不满意 原因`, with or without `#12`) and `我的工单`."""

from __future__ import annotations

from bot import commands
from bot.context import Context
from service.outbox import Notice
from service.tickets import flows, messages


def handle(ctx: Context) -> list[Notice] | None:
    command = commands.parse(ctx.text, ctx.community.words)
    if isinstance(command, commands.WordCommand) and command.verb == "mine":
        tickets = flows.my_open_tickets(ctx.session, ctx.actor)
        return [ctx.reply(messages.my_tickets(tickets))]
    if isinstance(command, commands.Rating):
        # "不满意物业的服务…" with nothing to rate is a complaint, not a rating: let it through.
        waiting = flows.tickets_waiting_for_rating(ctx.session, ctx.actor, ctx.room_id)
        if not command.is_bare and not waiting and command.ticket_id is None:
            return None
        outcome = flows.rate_ticket(
            ctx.session,
            command.ticket_id,
            ctx.actor,
            ctx.room_id,
            command.satisfied,
            command.reason,
            ctx.now,
        )
        return outcome.notices
    return None
