"""understanding: possible-emergency level on tickets, staff corrections of readings

Revision ID: 1000
Revises: 0700
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1000"
down_revision: str | None = "0700"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("emergency_level", sa.String(length=16), nullable=True))
    op.create_table(
        "understanding_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("before_category", sa.String(length=20), nullable=False),
        sa.Column("before_subcategory", sa.String(length=40), nullable=True),
        sa.Column("before_emergency", sa.Boolean(), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("subcategory", sa.String(length=40), nullable=True),
        sa.Column("emergency", sa.Boolean(), nullable=False),
        sa.Column("actor_id", sa.String(length=128), nullable=False),
        sa.Column("actor_name", sa.String(length=128), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("understanding_corrections", schema=None) as batch_op:
        batch_op.create_index("ix_understanding_corrections_ticket_id", ["ticket_id"])
        batch_op.create_index("ix_understanding_corrections_at", ["at"])


def downgrade() -> None:
    with op.batch_alter_table("understanding_corrections", schema=None) as batch_op:
        batch_op.drop_index("ix_understanding_corrections_at")
        batch_op.drop_index("ix_understanding_corrections_ticket_id")
    op.drop_table("understanding_corrections")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_column("emergency_level")
