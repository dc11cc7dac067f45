"""The device's QR task history: each answer given to a platform's task and what became of it.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "task_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("task_id", sa.String(22), nullable=False, index=True),
        sa.Column("task_type", sa.String(16), nullable=False),
        sa.Column("platform_name", sa.Text, nullable=False),
        sa.Column("platform_url", sa.Text, nullable=False),
        sa.Column("answer", sa.String(8), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("licence_serial", sa.String(40), nullable=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("outcome", sa.Text, nullable=False),
        sa.Column("document_sm3", sa.String(64), nullable=False),
    )
