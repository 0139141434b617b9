"""Inbound messages to handlers. Handlers return notices; the router writes them to the outbox
in the same transaction as the change, so a reply is never sent for a change that was lost."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from sqlalchemy import bindparam, insert, select
from sqlalchemy.orm import Session, sessionmaker

from bot.context import Context
from bot.handlers import Handler, street
from bot.identity import IdentityResolver
from bot.messages import InboundMessage, direct_room
from service.clock import Clock
from service.community import Community
from service.community.rooms import group_for_room
from service.db import transaction
from service.errors import DomainError
from service.models import SeenMessage
from service.outbox import Mention, Notice, enqueue
from service.understanding import Classifier

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 20_000
VOICE_REPLY = "请用文字描述问题，方便我们登记。"
TOO_LONG_REPLY = "消息太长了，请精简后分几条发送，谢谢。"
FAILURE_REPLY = "抱歉，系统暂时出了点问题，请稍后再试。"


_SEEN = select(SeenMessage.message_id).where(SeenMessage.message_id == bindparam("id"))


class Router:
    def __init__(
        self,
        factory: sessionmaker[Session],
        community: Community,
        clock: Clock,
        identities: IdentityResolver,
        handlers: Sequence[Handler],
        unbound_handlers: Sequence[Handler] = (),
        reader: Classifier | None = None,
    ) -> None:
        self._factory = factory
        self._community = community
        self._clock = clock
        self._identities = identities
        self._handlers = list(handlers)
        self._unbound_handlers = list(unbound_handlers)
        self._reader = reader

    def handle(self, message: InboundMessage) -> None:
        """Handle one message exactly once; a failure rolls back and tells the sender."""
        message = message.cleaned()
        try:
            self._in_one_transaction(message, self._route)
        except _Refused as refused:
            # A handler refused (DomainError): everything the message did is rolled back with
            # the transaction (no savepoint per handler, which cost a fifth of a message), and
            # the refusal is the answer, recorded with the message as seen.
            self._answer_refusal(message, refused.notice)
        except Exception:
            log.exception(
                "failed to handle message %s from %s", message.message_id, message.sender_id
            )
            self._apologise(message)

    def _in_one_transaction(
        self, message: InboundMessage, answer: Callable[[Session, InboundMessage], list[Notice]]
    ) -> None:
        """Mark the message seen, answer it and queue the answer, in one transaction."""
        with transaction(self._factory) as session:
            # Core statements: cheaper than the ORM, and nothing else here reads the row.
            conn = session.connection()
            if conn.execute(_SEEN, {"id": message.message_id}).first() is not None:
                log.info("ignoring re-delivered message %s", message.message_id)
                return
            conn.execute(
                insert(SeenMessage),
                {"message_id": message.message_id, "seen_at": self._clock.now()},
            )
            notices = answer(session, message)
            enqueue(session, f"in:{message.message_id}", notices, self._clock.now())

    def _answer_refusal(self, message: InboundMessage, notice: Notice) -> None:
        try:
            self._in_one_transaction(message, lambda _session, _message: [notice])
        except Exception:
            log.exception("could not queue the refusal for message %s", message.message_id)
            self._apologise(message)

    def _apologise(self, message: InboundMessage) -> None:
        room = message.room_id or direct_room(message.sender_id)
        mentions = (Mention(message.sender_id, message.sender_name),) if message.room_id else ()
        try:
            with transaction(self._factory) as session:
                notice = Notice(FAILURE_REPLY, room_id=room, mentions=mentions)
                enqueue(session, f"in:{message.message_id}:failed", [notice], self._clock.now())
        except Exception:
            log.exception("could not queue the apology for message %s", message.message_id)

    def _route(self, session: Session, message: InboundMessage) -> list[Notice]:
        now = self._clock.now()
        group = None
        handlers = self._handlers
        if message.room_id is not None:
            group = group_for_room(
                session,
                self._community,
                message.room_id,
                message.room_topic,
                now,
                message.room_members,
            )
            if group is None:
                log.debug("message in unbound room %s: only binding is read", message.room_id)
                handlers = self._unbound_handlers
            elif group.kind == "street":
                # Every community's bot is in the street office's group: each reads only what
                # names its community, so no "#1" there is taken by the wrong community.
                turn = street.turn(self._community, message, now)
                if turn is None:
                    log.debug("message in the street group %s: not for us", group.name)
                    return []
                message, handlers = turn
        actor = self._identities.resolve(session, message.sender_id, message.sender_name)
        ctx = Context(session, self._community, message, actor, group, now, self._reader)
        if message.kind == "voice" and handlers is self._handlers:
            return [ctx.reply(VOICE_REPLY)]
        if message.kind != "text":
            return []
        if len(message.text) > MAX_TEXT_CHARS:
            return [ctx.reply(TOO_LONG_REPLY)]
        for handler in handlers:
            try:
                notices = handler(ctx)
            except DomainError as exc:
                log.info("refused message %s: %s", message.message_id, exc.detail)
                in_staff_group = group is not None and group.takes_staff_commands
                staff_line = exc.staff_message if in_staff_group else None
                text = staff_line or exc.user_message
                raise _Refused(street.named_here(ctx, ctx.reply(text))) from exc
            if notices is not None:
                return [street.named_here(ctx, notice) for notice in notices]
        return []


class _Refused(Exception):
    """A handler refused the message: the transaction rolls back, this notice is the answer."""

    def __init__(self, notice: Notice) -> None:
        super().__init__(notice.text)
        self.notice = notice
