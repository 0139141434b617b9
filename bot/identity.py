"""Who a chat sender is. Nicknames grant nothing on WeChat; the simulator trusts names."""

from __future__ import annotations

from typing import Protocol

from sqlalchemy.orm import Session

from service.actors import Actor
from service.community import Community
from service.identity import person_for_contact


class IdentityResolver(Protocol):
    def resolve(self, session: Session, sender_id: str, sender_name: str) -> Actor: ...


class TrustedNames:
    """Simulator and tests: the sender id is the person's name in config."""

    def __init__(self, community: Community) -> None:
        self._community = community

    def resolve(self, session: Session, sender_id: str, sender_name: str) -> Actor:
        return Actor(sender_id, sender_name, self._community.person(sender_id))


class BoundContacts:
    """WeChat: a sender is staff only when their contact id was bound with a one-time code
    (`认证 CODE`); until then, whatever their nickname, they are a resident."""

    def __init__(self, community: Community) -> None:
        self._community = community

    def resolve(self, session: Session, sender_id: str, sender_name: str) -> Actor:
        person = person_for_contact(session, self._community, sender_id)
        if person is None:
            return Actor(sender_id, sender_name)
        return Actor(sender_id, person.name, person)
