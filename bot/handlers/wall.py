"""回音壁 in chat (issue #15): `#12 点赞` from anyone (counted once per person) and
`#12 不公示 原因` from staff who may act on the ticket. Rows `like` and `hold` of
config/commands.yaml ticket_verbs; the domain is service/wall/flows.py."""

from __future__ import annotations

from collections.abc import Callable

from bot.context import Context
from service.outbox import Notice
from service.wall import flows

VerbHandler = Callable[[Context, int, str], list[Notice]]


def _like(ctx: Context, ticket_id: int, _arg: str) -> list[Notice]:
    return [ctx.reply(flows.like(ctx.session, ticket_id, ctx.actor, ctx.now))]


def _hold(ctx: Context, ticket_id: int, arg: str) -> list[Notice]:
    reply = flows.hold(ctx.session, ctx.community, ticket_id, ctx.actor, arg, ctx.now)
    return [ctx.reply(reply)]


VERB_HANDLERS: dict[str, VerbHandler] = {"like": _like, "hold": _hold}
