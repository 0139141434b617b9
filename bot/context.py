"""What a handler gets to see about one inbound message."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.messages import InboundMessage, direct_room
from service.actors import Actor
from service.community import Community, Group
from service.outbox import Mention, Notice
from service.understanding import Classifier


@dataclass(frozen=True)
class Context:
    session: Session
    community: Community
    message: InboundMessage
    actor: Actor
    group: Group | None  # None in a private chat
    now: datetime
    # The reader of requests, for handlers outside the residents' chats (a finding the street
    # tells in its group); None where no classifier is loaded.
    reader: Classifier | None = None

    @property
    def text(self) -> str:
        return self.message.text

    @property
    def room_id(self) -> str:
        return self.message.room_id or direct_room(self.message.sender_id)

    @property
    def is_private(self) -> bool:
        return self.message.room_id is None

    def reply(self, text: str) -> Notice:
        """Answer the sender where they wrote, with an @mention in a group."""
        mentions = () if self.is_private else (Mention(self.actor.id, self.actor.name),)
        return Notice(text, room_id=self.room_id, mentions=mentions)
