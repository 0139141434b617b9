"""Bearer tokens for the REST API: shown once, stored as a SHA-256 hash."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.models import ApiToken, StaffAccount
from service.textclean import clean

PREFIX = "hq_"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(session: Session, account: StaffAccount, label: str, now: datetime) -> str:
    token = PREFIX + secrets.token_urlsafe(32)
    session.add(
        ApiToken(
            account_id=account.id,
            token_hash=_digest(token),
            label=clean(label).strip()[:64] or "api",
            created_at=now,
        )
    )
    return token


def account_for_token(session: Session, token: str, now: datetime) -> StaffAccount | None:
    if not token.startswith(PREFIX) or len(token) > 200:
        return None
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == _digest(token)))
    if row is None:
        return None
    account = session.get(StaffAccount, row.account_id)
    if account is None or not account.active:
        return None
    row.last_used_at = now
    return account


def tokens_of(session: Session, account: StaffAccount) -> list[ApiToken]:
    stmt = select(ApiToken).where(ApiToken.account_id == account.id).order_by(ApiToken.id)
    return list(session.scalars(stmt))


def revoke_token(session: Session, account: StaffAccount, token_id: int) -> bool:
    row = session.get(ApiToken, token_id)
    if row is None or row.account_id != account.id:
        return False
    session.delete(row)
    return True
