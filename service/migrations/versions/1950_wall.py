"""回音壁: likes, tickets held out of the wall, digests sent (once per group and week)

Revision ID: 1950
Revises: 1900
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1950"
down_revision: str | None = "1900"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "wall_likes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.String(length=128), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ticket_id", "person_id"),
    )
    with op.batch_alter_table("wall_likes", schema=None) as batch_op:
        batch_op.create_index("ix_wall_likes_ticket_id", ["ticket_id"], unique=False)
    op.create_table(
        "wall_holds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("actor_name", sa.String(length=128), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ticket_id"),
    )
    op.create_table(
        "wall_digests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_name", sa.String(length=128), nullable=False),
        sa.Column("week", sa.String(length=10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("group_name", "week"),
    )


def downgrade() -> None:
    op.drop_table("wall_digests")
    op.drop_table("wall_holds")
    with op.batch_alter_table("wall_likes", schema=None) as batch_op:
        batch_op.drop_index("ix_wall_likes_ticket_id")
    op.drop_table("wall_likes")
