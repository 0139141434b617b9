"""The member list: configured people, their groups, and contacts from the last import."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.community.config import Community
from service.models import MemberContact

ROLE_LABELS_ZH = {
    "admin": "管理员",
    "secretary": "书记",
    "duty": "值班",
    "grid_head": "网格长",
    "party_leader": "党小组长",
    "property": "物业",
}


@dataclass(frozen=True)
class Member:
    name: str
    roles: tuple[str, ...]
    groups: tuple[str, ...]
    phone: str | None
    building: int | None

    @property
    def role_labels(self) -> str:
        return "、".join(ROLE_LABELS_ZH.get(r, r) for r in self.roles)


def members(session: Session, community: Community) -> list[Member]:
    contacts = {c.name: c for c in session.scalars(select(MemberContact))}
    out = []
    for person in community.people:
        groups = tuple(
            g.name for g in community.groups if person.name in g.members or g.leader == person.name
        )
        contact = contacts.get(person.name)
        out.append(
            Member(
                person.name,
                person.roles,
                groups,
                contact.phone if contact else None,
                contact.building if contact else None,
            )
        )
    return out
