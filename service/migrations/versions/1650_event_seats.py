"""events: how many people one sign-up brings (我报名 带我孙子 takes two places)

Revision ID: 1650
Revises: 1600
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1650"
down_revision: str | None = "1600"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("event_responses") as batch:
        batch.add_column(
            sa.Column("seats", sa.Integer(), nullable=False, server_default=sa.text("1"))
        )


def downgrade() -> None:
    with op.batch_alter_table("event_responses") as batch:
        batch.drop_column("seats")
