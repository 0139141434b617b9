"""Neutral chat message types shared by every gateway."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from service.outbox import Mention

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


DIRECT_PREFIX = "dm:"


def direct_room(contact_id: str) -> str:
    """The room id the outbox uses for a private chat with one contact."""
    return DIRECT_PREFIX + contact_id
