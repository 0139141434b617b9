"""merge heads: understanding corrections (issue #10) and staff audit (issue #13)

Both branches revised 0700; the merge of main left two heads, so `alembic upgrade head`
stopped. This revision joins them and changes no table.

Revision ID: 1310
Revises: 1000, 1300
"""

from collections.abc import Sequence

revision: str = "1310"
down_revision: str | Sequence[str] | None = ("1000", "1300")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
