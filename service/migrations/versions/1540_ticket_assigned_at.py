"""ticket assigned_at: a transfer starts the new group's clocks

Revision ID: 1540
Revises: 1400
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1540"
down_revision: str | None = "1530"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("assigned_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_column("assigned_at")
