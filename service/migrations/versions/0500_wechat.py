"""WeChat live: staff codes and bindings, gateway status, outbox retry bookkeeping

Revision ID: 0500
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0500"
down_revision: str | None = "0600"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("next_attempt_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("parts_sent", sa.Integer(), nullable=False, server_default="0")
        )

    op.create_table(
        "staff_codes",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("person_name", sa.String(length=128), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("used_by", sa.String(length=128), nullable=True),
        sa.PrimaryKeyConstraint("code"),
    )
    with op.batch_alter_table("staff_codes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_staff_codes_person_name"), ["person_name"], unique=False
        )

    op.create_table(
        "staff_bindings",
        sa.Column("contact_id", sa.String(length=128), nullable=False),
        sa.Column("person_name", sa.String(length=128), nullable=False),
        sa.Column("bound_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("contact_id"),
    )
    with op.batch_alter_table("staff_bindings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_staff_bindings_person_name"), ["person_name"], unique=False
        )

    op.create_table(
        "gateway_status",
        sa.Column("gateway", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("account", sa.String(length=128), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("since", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("gateway"),
    )


def downgrade() -> None:
    op.drop_table("gateway_status")
    with op.batch_alter_table("staff_bindings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_bindings_person_name"))
    op.drop_table("staff_bindings")
    with op.batch_alter_table("staff_codes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_codes_person_name"))
    op.drop_table("staff_codes")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("parts_sent")
        batch_op.drop_column("next_attempt_at")
