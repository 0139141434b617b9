"""The built-in simulator: the whole bot against an in-process gateway that records sends."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from bot.dispatcher import Dispatcher
from bot.handlers import default_handlers, unbound_room_handlers
from bot.identity import TrustedNames
from bot.messages import InboundMessage, OutboundMessage
from bot.router import Router
from service.bootstrap import Core
from service.clock import Clock, FakeClock
from service.community.rooms import bind_simulated_rooms
from service.db import transaction
from service.jobs import manual_scheduling
from service.scheduling import ManualScheduling, Scheduling
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


class SimulationError(Exception):
    """The simulation cannot do what was asked (e.g. move a real clock)."""


class Simulator:
    """With a FakeClock the simulator runs its own ManualScheduling (started at once, catching
    up what is overdue); with a real clock the caller may pass the scheduler it runs."""

    def __init__(
        self,
        core: Core,
        clock: Clock,
        classifier: Classifier | None = None,
        scheduling: Scheduling | None = None,
        may_send: Callable[[], bool] = lambda: True,
    ) -> None:
        self.core = core
        self.clock = clock
        with transaction(core.factory) as session:
            bind_simulated_rooms(session, core.community, clock.now())
        self.gateway = RecordingGateway()
        self.transcript: list[ChatLine] = []
        reader = classifier or Classifier.default()
        self.router = Router(
            core.factory,
            core.community,
            clock,
            TrustedNames(core.community),
            default_handlers(reader, core.events),
            unbound_room_handlers(),
            reader,
        )
        self.dispatcher = Dispatcher(core.factory, self.gateway, clock, may_send=may_send)
        if scheduling is None and isinstance(clock, FakeClock):
            scheduling = manual_scheduling(core, clock)
        self.scheduling = scheduling

    async def advance_to(self, target: datetime) -> list[OutboundMessage]:
        """Move the fake clock, running each job that falls due at its own time and delivering
        what it queued at that time; returns everything said."""
        scheduling = self.scheduling
        if not isinstance(scheduling, ManualScheduling):
            raise SimulationError("only the simulated clock can be moved (use --script)")
        if target < self.clock.now():
            now = self.clock.now().astimezone(target.tzinfo)
            raise SimulationError(
                f"{target:%Y-%m-%d %H:%M} is before the simulated time {now:%Y-%m-%d %H:%M}"
            )
        said: list[OutboundMessage] = await self.deliver()
        while (due := scheduling.next_due()) is not None and due <= target:
            scheduling.run_until(max(due, self.clock.now()))
            said += await self.deliver()
        scheduling.run_until(target)
        return said + await self.deliver()

    def close(self) -> None:
        """Stop the scheduler and free its lease (a new Simulator may then take over)."""
        if self.scheduling is not None:
            self.scheduling.shutdown()

    async def say(
        self, group: str, sender: str, text: str, sender_id: str | None = None
    ) -> list[OutboundMessage]:
        """One message from `sender` in `group`; returns everything the bot said because of it.
        The sender's chat id is their name unless given (the playground's stand-ins)."""
        self.transcript.append(ChatLine(group, sender, text, self.clock.now()))
        message = InboundMessage(
            message_id=f"sim-{uuid.uuid4().hex}",
            sender_id=sender if sender_id is None else sender_id,
            sender_name=sender,
            text=text,
            room_id=group,
            room_topic=group,
        )
        # Off the loop, as the WeChat gateway does: in `hongqiao run` this loop also serves the
        # web, whose requests may hold the SQLite write lock this message waits for.
        await asyncio.to_thread(self.router.handle, message)
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
