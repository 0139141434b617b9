"""Who a chat sender is. Nicknames grant nothing on WeChat; the simulator trusts names."""

from __future__ import annotations

from typing import Protocol

from sqlalchemy.orm import Session

from service.actors import Actor
from service.community import Community


class IdentityResolver(Protocol):
    def resolve(self, session: Session, sender_id: str, sender_name: str) -> Actor: ...


class TrustedNames:
    """Simulator and tests: the sender id is the person's name in config."""

    def __init__(self, community: Community) -> None:
        self._community = community

    def resolve(self, session: Session, sender_id: str, sender_name: str) -> Actor:
        return Actor(sender_id, sender_name, self._community.person(sender_id))
