"""Neutral chat message types shared by every gateway."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from service.outbox import DIRECT_PREFIX, Mention, direct_room
from service.textclean import clean, clean_line

__all__ = [
    "DIRECT_PREFIX",
    "InboundMessage",
    "MessageKind",
    "OutboundMessage",
    "direct_room",
    "is_direct",
]

MessageKind = Literal["text", "image", "voice", "video", "file", "link", "mini_program", "other"]


@dataclass(frozen=True)
class InboundMessage:
    message_id: str
    sender_id: str
    sender_name: str
    text: str
    room_id: str | None = None  # None: a private chat with the bot
    room_topic: str | None = None
    kind: MessageKind = "text"
    # The room's member contact ids, read only while the room is not bound yet (rooms.py).
    room_members: tuple[str, ...] = ()

    def cleaned(self) -> InboundMessage:
        """The message as people meant it (service.textclean): what every handler reads. Ids are
        cleaned too: the simulator and the playground use names as ids."""
        topic = clean_line(self.room_topic) if self.room_topic is not None else None
        return replace(
            self,
            sender_id=clean(self.sender_id),
            sender_name=clean_line(self.sender_name),
            text=clean(self.text),
            room_id=clean(self.room_id) if self.room_id is not None else None,
            room_topic=topic,
        )


@dataclass(frozen=True)
class OutboundMessage:
    room_id: str
    text: str
    mentions: tuple[Mention, ...] = field(default=())
    group: str | None = None  # the configured group it is for, when it has one

    def rendered(self) -> str:
        """The text as a chat user sees it, mentions first."""
        prefix = "".join(f"@{m.name} " for m in self.mentions)
        return prefix + self.text


def is_direct(room_id: str) -> bool:
    return room_id.startswith(DIRECT_PREFIX)
