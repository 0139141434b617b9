"""A resident's news that an emergency is over ("孩子找到了"): when it was said

Revision ID: 1960
Revises: 1950
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1960"
down_revision: str | None = "1950"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("over_said_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_column("over_said_at")
