"""help desk

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 15:31:26.433735
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "place_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("room_id", sa.String(length=128), nullable=False),
        sa.Column("sender_id", sa.String(length=128), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("place_questions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_place_questions_room_id"), ["room_id"], unique=False)

    op.create_table(
        "ticket_followers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.String(length=128), nullable=False),
        sa.Column("person_name", sa.String(length=128), nullable=False),
        sa.Column("room_id", sa.String(length=128), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("joined_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ticket_id", "person_id", "room_id"),
    )
    with op.batch_alter_table("ticket_followers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ticket_followers_ticket_id"), ["ticket_id"], unique=False
        )

    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("claimed_by", sa.String(length=128), nullable=True))
        batch_op.add_column(sa.Column("closed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("reopened_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("reopen_count", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column("complex", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("rating", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("rated_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("merged_into", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("referred_to", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("awaiting_place", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("claim_stage", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column("resolve_stage", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.create_foreign_key("fk_tickets_merged_into", "tickets", ["merged_into"], ["id"])


def downgrade() -> None:

    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_constraint("fk_tickets_merged_into", type_="foreignkey")
        batch_op.drop_column("resolve_stage")
        batch_op.drop_column("claim_stage")
        batch_op.drop_column("awaiting_place")
        batch_op.drop_column("referred_to")
        batch_op.drop_column("merged_into")
        batch_op.drop_column("rated_at")
        batch_op.drop_column("rating")
        batch_op.drop_column("complex")
        batch_op.drop_column("reopen_count")
        batch_op.drop_column("reopened_at")
        batch_op.drop_column("closed_at")
        batch_op.drop_column("claimed_by")
        batch_op.drop_column("claimed_at")

    with op.batch_alter_table("ticket_followers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_followers_ticket_id"))

    op.drop_table("ticket_followers")
    with op.batch_alter_table("place_questions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_place_questions_room_id"))

    op.drop_table("place_questions")
