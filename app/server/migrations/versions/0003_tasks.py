"""QR tasks of the platform (docs/protocols/qr-tasks.md): one row per task, its signed document,
the SM3 of its secret and poll token, its state, and the holder's signed response.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

STATES = "'waiting', 'scanned', 'confirmed', 'cancelled', 'expired'"


def upgrade() -> None:
    op.create_table(
        "platform_tasks",
        sa.Column("task_id", sa.String(40), primary_key=True),
        sa.Column("task_type", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("secret_sm3", sa.String(64), nullable=False),
        sa.Column("poll_sm3", sa.String(64), nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.Column("requester_address", sa.Text, nullable=False),
        sa.Column("requester_agent", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False, index=True),
        sa.Column("scanned_at", sa.DateTime),
        sa.Column("finished_at", sa.DateTime),
        sa.Column("serial", sa.String(40)),
        sa.Column("credit_code", sa.String(18)),
        sa.Column("enterprise_name", sa.Text),
        sa.Column("person_id", sa.String(40)),
        sa.Column("person_name", sa.Text),
        sa.Column("role", sa.String(40)),
        sa.Column("response", sa.Text),
        sa.Column("response_signature", sa.LargeBinary),
        sa.CheckConstraint(f"state IN ({STATES})", name="ck_platform_tasks_state"),
    )


def downgrade() -> None:
    op.drop_table("platform_tasks")
