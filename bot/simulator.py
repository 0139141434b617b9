"""The built-in simulator: the whole bot against an in-process gateway that records sends."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from bot.dispatcher import Dispatcher
from bot.handlers import default_handlers, unbound_room_handlers
from bot.identity import TrustedNames
from bot.messages import InboundMessage, OutboundMessage
from bot.router import Router
from service.bootstrap import Core
from service.clock import Clock
from service.understanding import Classifier


@dataclass(frozen=True)
class ChatLine:
    room_id: str
    sender: str  # "" for the bot
    text: str
    at: datetime


@dataclass
class RecordingGateway:
    sent: list[OutboundMessage] = field(default_factory=list)

    async def send(self, message: OutboundMessage) -> None:
        self.sent.append(message)


class Simulator:
    def __init__(self, core: Core, clock: Clock, classifier: Classifier | None = None) -> None:
        self.core = core
        self.clock = clock
        self.gateway = RecordingGateway()
        self.transcript: list[ChatLine] = []
        self.router = Router(
            core.factory,
            core.community,
            clock,
            TrustedNames(core.community),
            default_handlers(classifier or Classifier.default()),
            unbound_room_handlers(),
        )
        self.dispatcher = Dispatcher(core.factory, self.gateway, clock)

    async def say(self, group: str, sender: str, text: str) -> list[OutboundMessage]:
        """One message from `sender` in `group`; returns everything the bot said because of it."""
        self.transcript.append(ChatLine(group, sender, text, self.clock.now()))
        self.router.handle(
            InboundMessage(
                message_id=f"sim-{uuid.uuid4().hex}",
                sender_id=sender,
                sender_name=sender,
                text=text,
                room_id=group,
                room_topic=group,
            )
        )
        return await self.deliver()

    async def deliver(self) -> list[OutboundMessage]:
        before = len(self.gateway.sent)
        await self.dispatcher.drain()
        new = self.gateway.sent[before:]
        for message in new:
            self.transcript.append(
                ChatLine(message.room_id, "", message.rendered(), self.clock.now())
            )
        return new
