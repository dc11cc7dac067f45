"""Initial keystore schema: meta, device identity, licences, encryption keys.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "device_identity",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("public_key", sa.LargeBinary, nullable=False),
        sa.Column("private_key", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.CheckConstraint("id = 1", name="ck_device_identity_single"),
    )
    op.create_table(
        "licences",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("certificate", sa.LargeBinary, nullable=False),
        sa.Column("private_key", sa.LargeBinary, nullable=False),
        sa.Column("enterprise_code", sa.String(18), nullable=False),
        sa.Column("enterprise_name", sa.Text, nullable=False),
        sa.Column("holder_name", sa.Text, nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("not_before", sa.DateTime, nullable=False),
        sa.Column("not_after", sa.DateTime, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "encryption_keys",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("licence_id", sa.Integer, sa.ForeignKey("licences.id", ondelete="SET NULL"), nullable=True),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("public_key", sa.LargeBinary, nullable=False),
        sa.Column("private_key", sa.LargeBinary, nullable=False),
        sa.Column("certificate", sa.LargeBinary, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("encryption_keys")
    op.drop_table("licences")
    op.drop_table("device_identity")
    op.drop_table("meta")
