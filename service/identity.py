"""Who a chat contact is: configured people prove themselves once with a one-time code.

Nicknames are never trusted (anyone can call themselves 王书记). An administrator prints a code
for a person in config (`hongqiao staff code NAME`); that person sends `认证 CODE` to the bot in a
private chat, and from then on their contact id carries their roles.
"""

from __future__ import annotations

import secrets
import unicodedata
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from service.attempts import Limit
from service.community import Community, Person
from service.errors import InvalidInput, NotFound
from service.models import StaffBinding, StaffCode

CODE_VALIDITY = timedelta(hours=24)
# No 0/O, 1/I/L: codes are read off a screen and typed on a phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8

CODE_FREE_TRIES = 5  # wrong codes one person may send before the waits begin
ROOM_FREE_TRIES = 10  # ... and all senders in one room
BAD_CODE_ZH = "认证码无效或已过期，请联系社区管理员重新获取。"


def normalise_code(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().upper().replace(" ", "").replace("-", "")


def issue_code(session: Session, community: Community, person_name: str, now: datetime) -> str:
    """A fresh code for a configured person; earlier unused codes of that person stop working."""
    person = community.person(person_name)
    if person is None:
        raise NotFound(
            f"{person_name!r} is not in the community's people",
            f"配置中没有“{person_name}”这个人。",
        )
    session.execute(
        delete(StaffCode).where(StaffCode.person_name == person.name, StaffCode.used_at.is_(None))
    )
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    session.add(
        StaffCode(
            code=code,
            person_name=person.name,
            created_at=now,
            expires_at=now + CODE_VALIDITY,
        )
    )
    return code


def redeem_code(
    session: Session, community: Community, raw_code: str, contact_id: str, now: datetime
) -> Person:
    """Bind contact_id to the code's person; the code works once, within its validity."""
    code = normalise_code(raw_code)
    row = session.get(StaffCode, code) if 0 < len(code) <= 32 else None
    if row is None or row.used_at is not None or row.expires_at <= now:
        raise InvalidInput(f"unusable staff code from {contact_id}", BAD_CODE_ZH)
    person = community.person(row.person_name)
    if person is None:  # removed from config after the code was printed
        raise InvalidInput(f"staff code for unknown person {row.person_name!r}", BAD_CODE_ZH)
    row.used_at = now
    row.used_by = contact_id
    binding = session.get(StaffBinding, contact_id)
    if binding is None:
        session.add(StaffBinding(contact_id=contact_id, person_name=person.name, bound_at=now))
    else:
        binding.person_name = person.name
        binding.bound_at = now
    return person


def code_limits(contact_id: str, room_id: str) -> tuple[Limit, Limit]:
    """Wrong `认证` codes count per person (contact) and per room (service.attempts' rule)."""
    return (
        Limit(f"code-contact:{contact_id}", CODE_FREE_TRIES),
        Limit(f"code-room:{room_id}", ROOM_FREE_TRIES),
    )


def revoke_code(session: Session, raw_code: str) -> bool:
    """Spoil a code that was shown where others could read it."""
    row = session.get(StaffCode, normalise_code(raw_code))
    if row is None or row.used_at is not None:
        return False
    session.delete(row)
    return True


def person_for_contact(session: Session, community: Community, contact_id: str) -> Person | None:
    binding = session.get(StaffBinding, contact_id)
    return community.person(binding.person_name) if binding is not None else None


def contact_for_person(session: Session, person_name: str) -> str | None:
    """The most recently bound contact of a person (for @mentions), if any."""
    stmt = (
        select(StaffBinding.contact_id)
        .where(StaffBinding.person_name == person_name)
        .order_by(StaffBinding.bound_at.desc())
        .limit(1)
    )
    return session.scalar(stmt)
