"""members: the bulletins and rankings as sent, kept for the 党员积分 page (sent outbox rows are
pruned after the retention); the ones still in the outbox are copied over

Revision ID: 1600
Revises: 1570
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1600"
down_revision: str | None = "1570"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table(
        "member_bulletins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cause", sa.String(length=40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("cause"),
    )
    outbox = sa.table(
        "outbox",
        sa.column("idempotency_key", sa.String()),
        sa.column("text", sa.Text()),
        sa.column("created_at", sa.DateTime()),
    )
    rows = op.get_bind().execute(
        sa.select(outbox.c.idempotency_key, outbox.c.text, outbox.c.created_at).where(
            sa.or_(
                outbox.c.idempotency_key.like("bulletin:%:0"),
                outbox.c.idempotency_key.like("ranking:%:0"),
            )
        )
    )
    kept = [
        {"cause": key.removesuffix(":0"), "text": text, "sent_at": at} for key, text, at in rows
    ]
    if kept:
        op.bulk_insert(table, kept)


def downgrade() -> None:
    op.drop_table("member_bulletins")
