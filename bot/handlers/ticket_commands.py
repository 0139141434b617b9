"""Staff replies on tickets: `#12 已处理 换了灯泡`."""

from __future__ import annotations

from bot import commands
from bot.context import Context
from service.outbox import Notice
from service.tickets import flows

HELP_REPLY = "没看懂这条指令。办结工单请回复：#工单号 已处理 处理说明，例如 #12 已处理 换了灯泡"
BAD_REF_REPLY = "工单编号应为数字，例如：#12 已处理 换了灯泡"


def handle(ctx: Context) -> list[Notice] | None:
    command = commands.parse(ctx.text)
    if command is None:
        return None
    if isinstance(command, commands.UnknownTicketCommand):
        return [ctx.reply(HELP_REPLY)]
    if command.ticket_id is None:
        return [ctx.reply(BAD_REF_REPLY)]
    if command.verb == "resolve":
        outcome = flows.resolve_ticket(
            ctx.session, ctx.community, command.ticket_id, ctx.actor, command.argument, ctx.now
        )
        return outcome.notices
    return [ctx.reply(HELP_REPLY)]
