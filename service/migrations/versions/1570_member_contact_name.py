"""members: the WeChat name a registration was sent under, so answers @ the right person

Revision ID: 1570
Revises: 1560
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1570"
down_revision: str | None = "1560"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("member_registrations") as batch:
        batch.add_column(sa.Column("contact_name", sa.String(length=128), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("member_registrations") as batch:
        batch.drop_column("contact_name")
