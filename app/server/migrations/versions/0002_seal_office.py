"""The seal office: imprint uploads and their review, issued seals (the seal-making records),
seal authorisations of agents, reviewer tokens and review page sessions.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SERIAL = sa.String(40)
STATES = "'pending', 'approved', 'rejected', 'superseded'"


def upgrade() -> None:
    op.create_table(
        "seal_imprints",
        sa.Column("imprint_id", sa.String(40), primary_key=True),
        sa.Column("credit_code", sa.String(18), nullable=False, index=True),
        sa.Column("seal_type", sa.String(40), nullable=False),
        sa.Column("shape", sa.String(16), nullable=False),
        sa.Column("width_mm", sa.Integer, nullable=False),
        sa.Column("height_mm", sa.Integer, nullable=False),
        sa.Column("png", sa.LargeBinary, nullable=False),
        sa.Column("width_px", sa.Integer, nullable=False),
        sa.Column("height_px", sa.Integer, nullable=False),
        sa.Column("dpi", sa.Float),
        sa.Column("precheck", sa.Text, nullable=False),
        sa.Column("precheck_passed", sa.Boolean, nullable=False),
        # The enterprise's agreement to the terms: an upload without it is refused, and the
        # database refuses a row without it as well.
        sa.Column("terms_accepted", sa.Boolean, nullable=False),
        sa.Column("terms_version", sa.String(40), nullable=False),
        sa.Column("uploaded_by_serial", SERIAL, nullable=False),
        sa.Column("uploaded_by_person", sa.String(40), nullable=False),
        sa.Column("uploaded_at", sa.DateTime, nullable=False),
        sa.Column("state", sa.String(16), nullable=False, index=True),
        sa.Column("reason", sa.Text),
        sa.Column("reviewed_by", sa.Text),
        sa.Column("reviewed_at", sa.DateTime),
        sa.Column("superseded_by", sa.String(40)),
        sa.Column("superseded_at", sa.DateTime),
        sa.CheckConstraint("terms_accepted", name="ck_seal_imprints_terms"),
        sa.CheckConstraint(f"state IN ({STATES})", name="ck_seal_imprints_state"),
    )
    op.create_table(
        "seals",
        sa.Column("seal_id", sa.String(64), primary_key=True),
        sa.Column(
            "imprint_id", sa.String(40), sa.ForeignKey("seal_imprints.imprint_id"), nullable=False
        ),
        sa.Column("credit_code", sa.String(18), nullable=False, index=True),
        sa.Column("seal_type", sa.String(40), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("der", sa.LargeBinary, nullable=False),
        sa.Column("valid_start", sa.DateTime, nullable=False),
        sa.Column("valid_end", sa.DateTime, nullable=False),
        sa.Column("made_at", sa.DateTime, nullable=False),
        sa.Column("made_by", sa.Text, nullable=False),
    )
    op.create_table(
        "seal_authorisations",
        sa.Column("authorisation_id", sa.String(40), primary_key=True),
        sa.Column(
            "seal_id", sa.String(64), sa.ForeignKey("seals.seal_id"), nullable=False, index=True
        ),
        sa.Column("credit_code", sa.String(18), nullable=False, index=True),
        sa.Column("agent_person_id", sa.String(40), nullable=False),
        sa.Column("granted_by", sa.String(40), nullable=False),
        sa.Column("start_at", sa.DateTime, nullable=False),
        sa.Column("end_at", sa.DateTime, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("revoked_at", sa.DateTime),
    )
    op.create_table(
        "reviewer_tokens",
        sa.Column("token_id", sa.String(40), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("token_sm3", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("revoked_at", sa.DateTime),
    )
    op.create_table(
        "review_sessions",
        sa.Column("session_sm3", sa.String(64), primary_key=True),
        sa.Column(
            "token_id", sa.String(40), sa.ForeignKey("reviewer_tokens.token_id"), nullable=False
        ),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "review_sessions",
        "reviewer_tokens",
        "seal_authorisations",
        "seals",
        "seal_imprints",
    ):
        op.drop_table(table)
