"""visits: 党员包户 visits and the reminders sent for them

Revision ID: 1700
Revises: 1650
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1700"
down_revision: str | None = "1650"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "household_visits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household", sa.String(length=40), nullable=False),
        sa.Column("member_name", sa.String(length=128), nullable=False),
        sa.Column("actor_id", sa.String(length=128), nullable=False),
        sa.Column("outcome", sa.String(length=8), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("visited_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_household_visits_household", "household_visits", ["household"])
    op.create_index("ix_household_visits_visited_at", "household_visits", ["visited_at"])
    op.create_table(
        "visit_reminders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household", sa.String(length=40), nullable=False),
        sa.Column("stage", sa.String(length=12), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("household", "due_at", "stage"),
    )
    op.create_index("ix_visit_reminders_household", "visit_reminders", ["household"])


def downgrade() -> None:
    op.drop_table("visit_reminders")
    op.drop_table("household_visits")
