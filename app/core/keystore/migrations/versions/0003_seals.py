"""Collected electronic seals (领章): the SESeal as issued, and fields copied out of it for lists.

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


def upgrade() -> None:
    op.create_table(
        "seals",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("seal_id", sa.String(64), nullable=False, unique=True),
        sa.Column("enterprise_code", sa.String(18), nullable=False, index=True),
        sa.Column("seal_type", sa.String(40), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("valid_start", sa.DateTime, nullable=False),
        sa.Column("valid_end", sa.DateTime, nullable=False),
        sa.Column("seal", sa.LargeBinary, nullable=False),
        sa.Column("picture", sa.LargeBinary, nullable=False),
        sa.Column(
            "licence_id",
            sa.Integer,
            sa.ForeignKey("licences.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("collected_at", sa.DateTime, nullable=False),
    )
