"""schedule_requests: job changes the scheduler follows, whichever process runs it

Revision ID: 1980
Revises: 1970
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1980"
down_revision: str | None = "1970"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "schedule_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("schedule_requests")
