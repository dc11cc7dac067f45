"""Peer cards (docs/protocols/key-backup.md §2.2): authority roots pinned by the user for the
offline transport, with the freshest revocation list seen for each, and the signed cards of
other devices' registered keys.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "peer_roots",
        sa.Column("fingerprint", sa.String(64), primary_key=True),
        sa.Column("certificate", sa.LargeBinary, nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("pinned_by", sa.String(16), nullable=False),
        sa.Column("pinned_at", sa.DateTime, nullable=False),
        sa.Column("crl", sa.LargeBinary, nullable=False),
        sa.Column("crl_number", sa.Integer, nullable=False),
        sa.Column("crl_next_update", sa.DateTime, nullable=True),
    )
    op.create_table(
        "peer_cards",
        sa.Column("record_id", sa.String(40), primary_key=True),
        sa.Column("key_sm3", sa.String(64), nullable=False, index=True),
        sa.Column("public_key", sa.LargeBinary, nullable=False),
        sa.Column("holder_name", sa.Text, nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("person_id", sa.String(40), nullable=False),
        sa.Column("serial", sa.String(40), nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("enterprise_code", sa.String(18), nullable=False),
        sa.Column("root_fingerprint", sa.String(64),
                  sa.ForeignKey("peer_roots.fingerprint", ondelete="CASCADE"), nullable=False),
        sa.Column("card", sa.LargeBinary, nullable=False),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Column("expires", sa.DateTime, nullable=False),
        sa.Column("imported_at", sa.DateTime, nullable=False),
    )
