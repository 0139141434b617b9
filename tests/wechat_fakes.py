"""WeChat at the edge: a recording subclass of python-wechaty's own FakePuppet, driven through the
real `Wechaty` class, plus a few helpers for the in-process tests."""

from __future__ import annotations

import asyncio
import itertools
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from wechaty_puppet.schemas.event import (
    EventLoginPayload,
    EventLogoutPayload,
    EventMessagePayload,
)
from wechaty_puppet.schemas.types import ContactPayload, MessagePayload, RoomPayload

from bot import wechaty_compat
from bot.live import LiveBot, build_live
from bot.wechat import puppet_bot
from service.bootstrap import Core
from service.clock import FakeClock
from service.settings import Settings

BOT_ID = "wxid_bot"
BOT_NAME = "红桥小助手"


@dataclass(frozen=True)
class Sent:
    at: datetime
    conversation: str
    text: str
    mention_ids: tuple[str, ...]


class RecordingPuppet(wechaty_compat.FakePuppet):  # type: ignore[misc]
    """Records every text the bot sends (with the fake clock's time), echoes it back as a message
    event like real WeChat does, and lets a test inject messages, failures, login and logout."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__(wechaty_compat.PuppetOptions())
        self.clock = clock
        self.sent: list[Sent] = []
        self.failures: list[Exception] = []  # raised by the next sends ...
        self.failing_room: str | None = None  # ... to this conversation only, when set
        self.after_send: Callable[[Sent], None] = lambda _sent: None
        self._contact_payloads.clear()
        self.login_user_id = BOT_ID
        self.add_contact(BOT_ID, BOT_NAME)

    # -- world building ----------------------------------------------------------------------

    def add_contact(self, contact_id: str, name: str) -> None:
        self.add_fake_contact(ContactPayload(id=contact_id, name=name, friend=True))

    def add_room(self, room_id: str, topic: str, member_ids: list[str]) -> None:
        self.add_fake_room(
            RoomPayload(id=room_id, topic=topic, member_ids=[BOT_ID, *member_ids], owner_id=BOT_ID)
        )

    def inject(
        self,
        sender_id: str,
        text: str,
        room_id: str = "",
        *,
        kind: Any = wechaty_compat.MessageType.MESSAGE_TYPE_TEXT,
        sent_at: datetime | None = None,
        message_id: str | None = None,
        mention_ids: tuple[str, ...] = (),
    ) -> str:
        """A message from a person, as WeChat delivers it to the bot."""
        message_id = message_id or f"msg-{uuid.uuid4().hex}"
        when = sent_at or self.clock.now()
        self.add_fake_message(
            MessagePayload(
                id=message_id,
                from_id=sender_id,
                room_id=room_id,
                to_id="" if room_id else BOT_ID,
                text=text,
                type=kind,
                timestamp=int(when.timestamp() * 1000),
                mention_ids=list(mention_ids),
            )
        )
        self.emitter.emit("message", EventMessagePayload(message_id=message_id))
        return message_id

    def logout_now(self) -> None:
        self.emitter.emit("logout", EventLogoutPayload(contact_id=BOT_ID, data="kicked out"))

    def login_now(self) -> None:
        self.emitter.emit("login", EventLoginPayload(contact_id=BOT_ID))

    # -- the puppet API the bot uses -----------------------------------------------------------

    async def start(self) -> None:
        self.login_now()
        while True:
            await asyncio.sleep(3600)

    async def stop(self) -> None:
        self.emitter.remove_all_listeners()

    async def message_send_text(
        self, conversation_id: str, message: str, mention_ids: list[str] | None = None
    ) -> str:
        if self.failures and self.failing_room in (None, conversation_id):
            raise self.failures.pop(0)
        sent = Sent(self.clock.now(), conversation_id, message, tuple(mention_ids or ()))
        self.sent.append(sent)
        message_id = f"own-{uuid.uuid4().hex}"
        in_room = conversation_id in self._room_payloads
        self.add_fake_message(
            MessagePayload(
                id=message_id,
                from_id=BOT_ID,
                room_id=conversation_id if in_room else "",
                to_id="" if in_room else conversation_id,
                text=message,
                type=wechaty_compat.MessageType.MESSAGE_TYPE_TEXT,
                timestamp=int(self.clock.now().timestamp() * 1000),
            )
        )
        self.emitter.emit("message", EventMessagePayload(message_id=message_id))
        self.after_send(sent)
        return message_id

    async def room_member_payload(self, room_id: str, contact_id: str) -> None:
        return None  # FakePuppet's own pops the member out of the room for good

    def texts(self, conversation: str) -> list[str]:
        return [s.text for s in self.sent if s.conversation == conversation]


def fake_sleep(clock: FakeClock) -> Callable[[float], asyncio.Future[None]]:
    """Sleeping moves the fake clock; nothing waits for real."""

    async def sleep(seconds: float) -> None:
        clock.advance(timedelta(seconds=max(0.0, seconds)))
        await asyncio.sleep(0)

    return sleep  # type: ignore[return-value]


async def until(condition: Callable[[], bool], rounds: int = 500, seconds: float = 10.0) -> None:
    """Let the event loop run until condition holds (python-wechaty hands events on as tasks,
    and the gateway handles messages in a worker thread: after `rounds`, real time passes)."""
    deadline = time.monotonic() + seconds
    for n in itertools.count():
        if condition():
            return
        if n >= rounds and time.monotonic() > deadline:
            raise AssertionError("condition not reached")
        await asyncio.sleep(0 if n < rounds else 0.002)


def live_bot(core: Core, settings: Settings, puppet: RecordingPuppet, clock: FakeClock) -> LiveBot:
    return build_live(
        core,
        settings,
        puppet_bot(puppet),
        clock,
        sleep=fake_sleep(clock),
        rng=random.Random(5),
        environ={},
    )


async def connect(live: LiveBot) -> None:
    live.gateway.start()
    await until(lambda: live.gateway.logged_in)
