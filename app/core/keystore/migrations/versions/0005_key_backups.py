"""Key backup (docs/protocols/key-backup.md): registry ids and origins of encryption keys, keys
held for other holders, the owner's sent backups, recovery requests and seen message ids.

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
    with op.batch_alter_table("encryption_keys") as batch:
        batch.add_column(sa.Column("registry_id", sa.String(40), nullable=True))
        batch.add_column(sa.Column("origin", sa.String(16), nullable=False, server_default="own"))
        batch.create_index("ix_encryption_keys_registry_id", ["registry_id"])
    op.create_table(
        "held_keys",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("registry_id", sa.String(40), nullable=False, index=True),
        sa.Column("key_sm3", sa.String(64), nullable=False, index=True),
        sa.Column("public_key", sa.LargeBinary, nullable=False),
        sa.Column("private_key", sa.LargeBinary, nullable=False),
        sa.Column("owner_name", sa.Text, nullable=False),
        sa.Column("owner_person_id", sa.String(40), nullable=False),
        sa.Column("owner_masked_id", sa.String(32), nullable=False),
        sa.Column("owner_serial", sa.String(40), nullable=False),
        sa.Column("enterprise_code", sa.String(18), nullable=False),
        sa.Column("enterprise_name", sa.Text, nullable=False),
        sa.Column("wait_hours", sa.Integer, nullable=False),
        sa.Column("package_id", sa.String(34), nullable=False, unique=True),
        sa.Column("sealed_to", sa.String(40), nullable=False),
        sa.Column("held_since", sa.DateTime, nullable=False),
    )
    op.create_table(
        "key_backups",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("encryption_key_id", sa.Integer,
                  sa.ForeignKey("encryption_keys.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("holder_record", sa.String(40), nullable=False),
        sa.Column("holder_name", sa.Text, nullable=False),
        sa.Column("package_id", sa.String(34), nullable=False, unique=True),
        sa.Column("wait_hours", sa.Integer, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("sent_at", sa.DateTime, nullable=False),
        sa.Column("verified_at", sa.DateTime, nullable=True),
    )
    op.create_table(
        "recovery_requests",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("message_id", sa.String(34), nullable=False, unique=True),
        sa.Column("direction", sa.String(8), nullable=False),
        sa.Column("subject", sa.String(40), nullable=False),
        sa.Column("peer_record", sa.String(40), nullable=False),
        sa.Column("new_key", sa.String(40), nullable=False),
        sa.Column("requester_name", sa.Text, nullable=False),
        sa.Column("requester_masked_id", sa.String(32), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("grant_id", sa.String(34), nullable=True),
        sa.Column("not_before", sa.DateTime, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "seen_messages",
        sa.Column("message_id", sa.String(34), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("seen_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
    )
