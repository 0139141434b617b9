"""Staff replies on tickets (`#12 接单`, `#12 已处理 …`, `#12 转 物业` …) and the staff words
`待办`, `统计`, `工单 #12`; residents' `#12 撤销` and `#12 进度`."""

from __future__ import annotations

from bot import commands
from bot.context import Context
from service.errors import InvalidInput, NotPermitted
from service.outbox import Notice
from service.tickets import flows, messages, stats

HELP_REPLY = (
    "没看懂这条指令。可以回复：#工单号 接单、#工单号 已处理 处理说明、#工单号 转 物业、"
    "#工单号 备注 内容、#工单号 进度"
)
BAD_REF_REPLY = "工单编号应为数字，例如：#12 已处理 换了灯泡"
STAFF_ONLY_REPLY = "抱歉，这条指令只对本群的工作人员开放。"


def _require_number(ticket_id: int | None) -> int:
    if ticket_id is None:
        raise InvalidInput("ticket reference is not a number", BAD_REF_REPLY)
    return ticket_id


def handle(ctx: Context) -> list[Notice] | None:
    command = commands.parse(ctx.text)
    if isinstance(command, commands.UnknownTicketCommand):
        if command.ticket_id is not None:
            return [ctx.reply(HELP_REPLY)]
        # "#话题" in a resident group is a hashtag, not a command; staff get told how to write one.
        staff_room = ctx.group is not None and ctx.group.is_staff_group
        return [ctx.reply(BAD_REF_REPLY)] if staff_room else None
    if isinstance(command, commands.TicketCommand):
        return _ticket_verb(ctx, command)
    if isinstance(command, commands.WordCommand) and command.verb != "mine":
        return _word(ctx, command)
    return None


def _ticket_verb(ctx: Context, command: commands.TicketCommand) -> list[Notice]:
    ticket_id = _require_number(command.ticket_id)
    s, c, actor, now, arg = ctx.session, ctx.community, ctx.actor, ctx.now, command.argument
    if command.verb == "claim":
        return flows.claim_ticket(s, c, ticket_id, actor, now).notices
    if command.verb == "resolve":
        return flows.resolve_ticket(s, c, ticket_id, actor, arg, now).notices
    if command.verb == "transfer":
        if not arg:
            raise InvalidInput("transfer without a target", "请写明转给谁，例如：#12 转 物业")
        return flows.transfer_ticket(s, c, ticket_id, actor, arg, now).notices
    if command.verb == "note":
        return flows.add_note(s, c, ticket_id, actor, arg, now).notices
    if command.verb == "merge":
        into = commands.merge_target(arg)
        if into is None:
            raise InvalidInput(
                "merge without a target number", "请写明合并到哪张工单，例如：#12 重复 #10"
            )
        return flows.merge_ticket(s, c, ticket_id, into, actor, now).notices
    if command.verb == "not_responsible":
        return flows.mark_not_responsible(s, c, ticket_id, actor, arg, now).notices
    if command.verb == "complex":
        return flows.mark_complex(s, c, ticket_id, actor, now).notices
    if command.verb == "cancel":
        return flows.cancel_ticket(s, ticket_id, actor, ctx.room_id, now).notices
    if command.verb == "progress":
        return [ctx.reply(flows.ticket_progress(s, c, ticket_id, actor))]
    return [ctx.reply(HELP_REPLY)]


def _word(ctx: Context, command: commands.WordCommand) -> list[Notice]:
    if command.verb == "progress":
        ticket_id = _require_number(command.ticket_id)
        return [ctx.reply(flows.ticket_progress(ctx.session, ctx.community, ticket_id, ctx.actor))]
    if command.verb == "detail":
        ticket_id = _require_number(command.ticket_id)
        text = flows.ticket_timeline(ctx.session, ctx.community, ticket_id, ctx.actor)
        return [ctx.reply(text)]
    group = ctx.group
    if group is None or not group.is_staff_group or ctx.actor.person is None:
        raise NotPermitted(f"{ctx.actor.id} used staff word {command.verb}", STAFF_ONLY_REPLY)
    if not ctx.community.may_act_for(ctx.actor.person, group):
        raise NotPermitted(f"{ctx.actor.id} is not staff of {group.name}", STAFF_ONLY_REPLY)
    if command.verb == "todo":
        tickets = flows.group_todo(ctx.session, group)
        return [ctx.reply(messages.todo(group.name, tickets, ctx.now))]
    scope = _scope_of(ctx)
    start, end = stats.month_of(ctx.now, ctx.community)
    figures = stats.compute_figures(ctx.session, ctx.community, start, end, scope)
    title = f"本月统计（{scope.label(ctx.community)}）"
    return [ctx.reply(stats.format_figures(figures, title))]


def _scope_of(ctx: Context) -> stats.Scope:
    group = ctx.group
    if group is not None and group.kind == "party" and group.building is not None:
        return stats.Scope("building", group.building)
    if group is not None and group.kind == "grid" and group.grid is not None:
        return stats.Scope("grid", group.grid)
    return stats.Scope("community")
