"""Initial service schema: the authority's records, replay nonces, counters, the platform's
projects, bid submissions and the encryption-key registry.

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

SERIAL = sa.String(40)  # certificate serials as lower-case hex (127-bit values overflow BIGINT)


def upgrade() -> None:
    _authority()
    _platform()


def _authority() -> None:
    op.create_table(
        "persons",
        sa.Column("person_id", sa.String(40), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("id_number", sa.String(18), nullable=False, unique=True),
        sa.Column("mobile", sa.String(11)),
    )
    op.create_table(
        "enterprises",
        sa.Column("credit_code", sa.String(18), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("registration_place", sa.Text, nullable=False),
        sa.Column("legal_rep_name", sa.Text, nullable=False),
        sa.Column("legal_rep_id_number", sa.String(18), nullable=False),
        sa.Column("legal_rep_mobile", sa.String(11)),
    )
    op.create_table(
        "managers",
        sa.Column("manager_id", sa.String(40), primary_key=True),
        sa.Column("credit_code", sa.String(18), nullable=False, index=True),
        sa.Column("person_id", sa.String(40), nullable=False),
        sa.Column("added_by", sa.String(40), nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("credit_code", "person_id", name="uq_managers_person"),
    )
    op.create_table(
        "authorisations",
        sa.Column("authorisation_id", sa.String(40), primary_key=True),
        sa.Column("credit_code", sa.String(18), nullable=False, index=True),
        sa.Column("agent_person_id", sa.String(40), nullable=False),
        sa.Column("granted_by", sa.String(40), nullable=False),
        sa.Column("mode", sa.String(20), nullable=False),
        sa.Column("matters", sa.Text, nullable=False),
        sa.Column("start_at", sa.DateTime, nullable=False),
        sa.Column("end_at", sa.DateTime, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("revoked_at", sa.DateTime),
    )
    op.create_table(
        "licences",
        sa.Column("serial", SERIAL, primary_key=True),
        sa.Column("credit_code", sa.String(18), nullable=False, index=True),
        sa.Column("person_id", sa.String(40), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("grant_id", sa.String(40), nullable=False),
        sa.Column("certificate", sa.LargeBinary, nullable=False),
        sa.Column("not_before", sa.DateTime, nullable=False),
        sa.Column("not_after", sa.DateTime, nullable=False),
        sa.Column("issued_at", sa.DateTime, nullable=False),
        sa.Column("revoked_at", sa.DateTime),
        sa.Column("revocation_reason", sa.String(40)),
    )
    op.create_table(
        "nonces",
        sa.Column("nonce", sa.String(200), primary_key=True),
        sa.Column("expires_at", sa.DateTime, nullable=False, index=True),
    )
    op.create_table(
        "counters",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )


def _platform() -> None:
    op.create_table(
        "projects",
        sa.Column("code", sa.String(64), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("tenderee", sa.Text, nullable=False),
        sa.Column("sections", sa.Text, nullable=False),
        sa.Column("bid_deadline", sa.DateTime, nullable=False),
        sa.Column("opening_time", sa.DateTime, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "submissions",
        sa.Column("submission_id", sa.String(40), primary_key=True),
        sa.Column("project_code", sa.String(64), sa.ForeignKey("projects.code"), nullable=False),
        sa.Column("section", sa.String(64), nullable=False),
        sa.Column("credit_code", sa.String(18), nullable=False, index=True),
        sa.Column("serial", SERIAL, nullable=False),
        sa.Column("person_id", sa.String(40), nullable=False),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("sm3", sa.String(64), nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.Column("receipt", sa.Text, nullable=False),
        sa.Column("receipt_signature", sa.LargeBinary, nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "encryption_keys",
        sa.Column("key_id", sa.String(40), primary_key=True),
        sa.Column("credit_code", sa.String(18), nullable=False, index=True),
        sa.Column("person_id", sa.String(40), nullable=False),
        sa.Column("serial", SERIAL, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("public_key", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("serial", "public_key", name="uq_encryption_keys_device"),
    )
