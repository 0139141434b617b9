"""follower ratings: every resident who reported the same problem rates the fix for themselves

Revision ID: 1400
Revises: 1300
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1400"
down_revision: str | None = "1300"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("ticket_followers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rating", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("rated_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ticket_followers", schema=None) as batch_op:
        batch_op.drop_column("rated_at")
        batch_op.drop_column("rating")
