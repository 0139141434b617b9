"""Inbound messages to domain flows. Handlers return notices; the router writes them to the
outbox in the same transaction as the change, so a reply is never sent for a lost change."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from bot import commands
from bot.identity import IdentityResolver
from bot.messages import InboundMessage, direct_room
from service.actors import Actor
from service.clock import Clock
from service.community import Community, Group
from service.community.rooms import group_for_room
from service.db import transaction
from service.errors import DomainError
from service.models import SeenMessage
from service.outbox import Mention, Notice, enqueue
from service.tickets import flows
from service.understanding import Classifier

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 20_000
VOICE_REPLY = "请用文字描述问题，方便我们登记。"
TOO_LONG_REPLY = "消息太长了，请精简后分几条发送，谢谢。"
FAILURE_REPLY = "抱歉，系统暂时出了点问题，请稍后再试。"
HELP_REPLY = "没看懂这条指令。办结工单请回复：#工单号 已处理 处理说明，例如 #12 已处理 换了灯泡"
BAD_REF_REPLY = "工单编号应为数字，例如：#12 已处理 换了灯泡"


@dataclass(frozen=True)
class Context:
    session: Session
    message: InboundMessage
    actor: Actor
    group: Group | None

    def reply(self, text: str) -> Notice:
        room = self.message.room_id or direct_room(self.message.sender_id)
        return Notice(text, room_id=room, mentions=(Mention(self.actor.id, self.actor.name),))


class Router:
    def __init__(
        self,
        factory: sessionmaker[Session],
        community: Community,
        classifier: Classifier,
        clock: Clock,
        identities: IdentityResolver,
    ) -> None:
        self._factory = factory
        self._community = community
        self._classifier = classifier
        self._clock = clock
        self._identities = identities

    def handle(self, message: InboundMessage) -> None:
        """Handle one message exactly once; a failure rolls back and tells the sender."""
        try:
            with transaction(self._factory) as session:
                if session.get(SeenMessage, message.message_id) is not None:
                    log.info("ignoring re-delivered message %s", message.message_id)
                    return
                session.add(SeenMessage(message_id=message.message_id, seen_at=self._clock.now()))
                notices = self._route(session, message)
                enqueue(session, f"in:{message.message_id}", notices, self._clock.now())
        except Exception:
            log.exception(
                "failed to handle message %s from %s", message.message_id, message.sender_id
            )
            self._apologise(message)

    def _apologise(self, message: InboundMessage) -> None:
        room = message.room_id or direct_room(message.sender_id)
        try:
            with transaction(self._factory) as session:
                notice = Notice(
                    FAILURE_REPLY,
                    room_id=room,
                    mentions=(Mention(message.sender_id, message.sender_name),),
                )
                enqueue(session, f"in:{message.message_id}:failed", [notice], self._clock.now())
        except Exception:
            log.exception("could not even queue the apology for message %s", message.message_id)

    def _route(self, session: Session, message: InboundMessage) -> list[Notice]:
        now = self._clock.now()
        group = (
            group_for_room(session, self._community, message.room_id, message.room_topic, now)
            if message.room_id
            else None
        )
        if message.room_id and group is None:
            log.debug("ignoring message in unbound room %s", message.room_id)
            return []
        actor = self._identities.resolve(session, message.sender_id, message.sender_name)
        ctx = Context(session, message, actor, group)
        if message.kind == "voice":
            return [ctx.reply(VOICE_REPLY)]
        if message.kind != "text":
            return []
        if len(message.text) > MAX_TEXT_CHARS:
            return [ctx.reply(TOO_LONG_REPLY)]
        try:
            command = commands.parse(message.text)
            if command is not None:
                return self._command(ctx, command)
            return self._report(ctx)
        except DomainError as exc:
            log.info("refused message %s: %s", message.message_id, exc.detail)
            return [ctx.reply(exc.user_message)]

    def _command(
        self, ctx: Context, command: commands.TicketCommand | commands.UnknownTicketCommand
    ) -> list[Notice]:
        if isinstance(command, commands.UnknownTicketCommand):
            return [ctx.reply(HELP_REPLY)]
        if command.ticket_id is None:
            return [ctx.reply(BAD_REF_REPLY)]
        now = self._clock.now()
        if command.verb == "resolve":
            outcome = flows.resolve_ticket(
                ctx.session, self._community, command.ticket_id, ctx.actor, command.argument, now
            )
            return outcome.notices
        return [ctx.reply(HELP_REPLY)]

    def _report(self, ctx: Context) -> list[Notice]:
        # Staff groups are for staff talk; only resident groups and private chats open tickets.
        if ctx.group is not None and ctx.group.is_staff_group:
            return []
        understanding = self._classifier.classify(ctx.message.text)
        if not understanding.is_request:
            return []
        report = flows.Report(
            text=ctx.message.text,
            reporter=ctx.actor,
            room_id=ctx.message.room_id or direct_room(ctx.message.sender_id),
            group=ctx.group,
        )
        outcome = flows.open_ticket(
            ctx.session, self._community, report, understanding, self._clock.now()
        )
        return outcome.notices
