"""The street office's group (街道党工委工作群): its people's ticket commands, each naming the
community first ("金茂 #1 接单"); bot/router.py hands a community's bot only what names it.

Only what reads as a command is acted on there: the rest is the street's own conversation."""

from __future__ import annotations

import difflib
import re

from bot import commands
from bot.context import Context
from bot.handlers import ticket_commands
from service.outbox import Notice
from service.street.addressing import short_name
from service.tickets import flows

_REF = re.compile(r"[#＃]")


def _command(ctx: Context) -> commands.Command | None:
    command = commands.parse(ctx.text, ctx.community.words)
    return None if isinstance(command, commands.Rating) else command


def handle(ctx: Context) -> list[Notice] | None:
    """A ticket command addressed to this community: as in its staff groups, except that words
    after "#12" asking how it stands (street_asks) are answered with its progress."""
    command = _command(ctx)
    if command is None:
        return None
    if (
        isinstance(command, commands.UnknownTicketCommand)
        and command.ticket_id is not None
        and any(w in command.said for w in ctx.community.words.street_asks)
    ):
        progress = flows.ticket_progress(ctx.session, ctx.community, command.ticket_id, ctx.actor)
        return [ctx.reply(progress)]
    return _told_to_the_community(ctx, ticket_commands.handle(ctx))


def _told_to_the_community(ctx: Context, notices: list[Notice] | None) -> list[Notice] | None:
    """What the street did to a ticket (claimed, closed, handed on) reaches the community's own
    group as well as the responsible one: the community heard of the escalation, and its duty
    person must not go on chasing what the street has in hand."""
    if not notices:
        return notices
    top = ctx.community.community_group.name
    if any(n.group == top for n in notices):
        return notices
    for notice in notices:
        group = ctx.community.group(notice.group) if notice.group else None
        if group is not None and group.is_staff_group:
            return [*notices, Notice(notice.text, group=top)]
    return notices


def unaddressed(ctx: Context) -> list[Notice] | None:
    """A command naming no community (the first community's bot answers it, once for all):
    how to name one, as each community numbers its tickets from #1, with the community its
    first words look most like ("金毛 #3 接单": 金茂)."""
    if _command(ctx) is None:
        return None
    seat = ctx.community.street
    names = seat.communities if seat is not None else (ctx.community.name,)
    shorts = [short_name(name) for name in names]
    text = commands.normalise(ctx.text)
    ref = _REF.search(text)
    before, command = (text[: ref.start()].strip(), text[ref.start() :]) if ref else ("", text)
    likely = difflib.get_close_matches(before, shorts, n=1, cutoff=0.3) if before else []
    example = f"{likely[0] if likely else shorts[-1]} {command[:30]}"
    return [
        ctx.reply(
            f"本群各社区的工单都从 #1 编号，请在指令前写明社区，例如：{example}"
            f"（本街道社区：{'、'.join(shorts)}）"
        )
    ]
