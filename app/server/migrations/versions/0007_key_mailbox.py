"""The key-backup mailbox: sealed messages between devices, and the registry's backup state.

Revision ID: 0007
Revises: 0004 (the merger re-chains it after 0005 and 0006)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mailbox_messages",
        sa.Column("message_id", sa.String(34), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("credit_code", sa.String(18), nullable=False),
        sa.Column("sender_serial", sa.String(40), nullable=False),
        sa.Column("sender_person_id", sa.String(40), nullable=False),
        sa.Column("sender_name", sa.Text, nullable=False),
        sa.Column("recipient_key", sa.String(40), nullable=False, index=True),
        sa.Column("subject", sa.String(40), nullable=False, index=True),
        sa.Column("reply_to", sa.String(34), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("frame", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False, index=True),
        sa.Column("deliver_after", sa.DateTime, nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "key_backup_states",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key_id", sa.String(40), nullable=False, index=True),
        sa.Column("holder_key", sa.String(40), nullable=False),
        sa.Column("holder_serial", sa.String(40), nullable=False),
        sa.Column("holder_person_id", sa.String(40), nullable=False),
        sa.Column("holder_name", sa.Text, nullable=False),
        sa.Column("holder_role", sa.String(32), nullable=False),
        sa.Column("package_id", sa.String(34), nullable=False),
        sa.Column("verified_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("key_id", "holder_key", name="uq_key_backup_holder"),
    )
