"""The platform's sign tasks (docs/protocols/qr-tasks.md §11): the file a logged-in browser asked
to have sealed, the poll token of its page, and — once the holder confirmed and the platform
verified it — the seal used and the GB/T 38540 ``SES_Signature``.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "platform_sign_tasks",
        sa.Column(
            "task_id", sa.String(40), sa.ForeignKey("platform_tasks.task_id"), primary_key=True
        ),
        # the login task of the browser session that asked (one session per login task)
        sa.Column("session_task_id", sa.String(40), nullable=False, index=True),
        sa.Column("credit_code", sa.String(18), nullable=False),
        sa.Column("poll_token", sa.String(64), nullable=False),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("media_type", sa.String(130), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("sm3", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("seal_id", sa.String(64), nullable=True),
        sa.Column("seal_name", sa.Text, nullable=True),
        sa.Column("signature", sa.LargeBinary, nullable=True),
        sa.Column("signed_at", sa.DateTime, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("platform_sign_tasks")
