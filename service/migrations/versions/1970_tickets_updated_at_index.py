"""tickets.updated_at indexed: the street overview asks each community for its newest change

Revision ID: 1970
Revises: 1960
"""

from collections.abc import Sequence

from alembic import op

revision: str = "1970"
down_revision: str | None = "1960"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index("ix_tickets_updated_at", ["updated_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index("ix_tickets_updated_at")
