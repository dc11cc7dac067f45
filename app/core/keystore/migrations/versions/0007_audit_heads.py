"""Heads of the audit log countersigned by the service (docs/formats/keystore.md, audit log).

The anchor itself changes format in meta (version 2: counter, anchored-since, countersigned
seq) without a schema change: a version-1 anchor is still read and is replaced by the next
unlocked append.

Revision ID: 0007
Revises: 0006
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
        "audit_heads",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("head", sa.LargeBinary(32), nullable=False),
        sa.Column("counter", sa.Integer, nullable=False),
        sa.Column("store", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("audit_heads")
