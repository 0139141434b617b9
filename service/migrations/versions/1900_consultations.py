"""consultations: 一事一议 consultations and their votes (issue #15)

Revision ID: 1900
Revises: 1700
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1900"
down_revision: str | None = "1700"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "consultations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=60), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("groups", sa.JSON(), nullable=False),
        sa.Column("deadline", sa.DateTime(), nullable=False),
        sa.Column("opened_by", sa.String(length=128), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("decision", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.String(length=128), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_consultations_deadline", "consultations", ["deadline"])
    op.create_index("ix_consultations_decided_at", "consultations", ["decided_at"])
    op.create_table(
        "consultation_votes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("voter_id", sa.String(length=128), nullable=False),
        sa.Column("voter_name", sa.String(length=128), nullable=False),
        sa.Column("group_name", sa.String(length=128), nullable=False),
        sa.Column("option", sa.Integer(), nullable=False),
        sa.Column("voted_at", sa.DateTime(), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["consultation_id"], ["consultations.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("consultation_id", "voter_id"),
    )
    op.create_index(
        "ix_consultation_votes_consultation_id", "consultation_votes", ["consultation_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_consultation_votes_consultation_id", table_name="consultation_votes")
    op.drop_table("consultation_votes")
    op.drop_index("ix_consultations_decided_at", table_name="consultations")
    op.drop_index("ix_consultations_deadline", table_name="consultations")
    op.drop_table("consultations")
