"""members: registrations (在职党员报到), posts (设岗定责) and the points ledger (积分制)

Revision ID: 1560
Revises: 1400
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1560"
down_revision: str | None = "1540"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "member_registrations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("work_unit", sa.String(length=128), nullable=False),
        sa.Column("address", sa.String(length=128), nullable=False),
        sa.Column("building", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=10), nullable=True),
        sa.Column("room", sa.String(length=10), nullable=True),
        sa.Column("contact_id", sa.String(length=128), nullable=False),
        sa.Column("room_id", sa.String(length=128), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decided_by", sa.String(length=128), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_member_registrations_name", "member_registrations", ["name"])
    op.create_index("ix_member_registrations_contact_id", "member_registrations", ["contact_id"])
    op.create_index("ix_member_registrations_state", "member_registrations", ["state"])
    op.create_table(
        "member_posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_name", sa.String(length=128), nullable=False),
        sa.Column("post", sa.String(length=40), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=False),
        sa.Column("building", sa.Integer(), nullable=True),
        sa.Column("assigned_by", sa.String(length=128), nullable=False),
        sa.Column("assigned_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_member_posts_member_name", "member_posts", ["member_name"])
    op.create_table(
        "points_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_name", sa.String(length=128), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("source_kind", sa.String(length=12), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("source_key", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=128), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source_key"),
    )
    op.create_index("ix_points_entries_member_name", "points_entries", ["member_name"])
    op.create_index("ix_points_entries_at", "points_entries", ["at"])


def downgrade() -> None:
    op.drop_table("points_entries")
    op.drop_table("member_posts")
    op.drop_table("member_registrations")
