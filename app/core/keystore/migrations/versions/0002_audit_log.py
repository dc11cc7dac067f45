"""Audit log table (hash-chained, append-only) and an index for licence lists by enterprise.

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

# The triggers stop the app (or a careless tool) from editing history; they do not stop someone
# who rewrites the file — that is what the hash chain and its anchor are for.
_TRIGGERS = {
    "audit_log_no_update": "UPDATE",
    "audit_log_no_delete": "DELETE",
}


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("event", sa.String(64), nullable=False),
        sa.Column("details", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.LargeBinary(32), nullable=False),
        sa.Column("hash", sa.LargeBinary(32), nullable=False),
    )
    for name, action in _TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER {name} BEFORE {action} ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
        )
    with op.batch_alter_table("licences") as batch:
        batch.create_index("ix_licences_enterprise_code", ["enterprise_code"])


def downgrade() -> None:
    with op.batch_alter_table("licences") as batch:
        batch.drop_index("ix_licences_enterprise_code")
    for name in _TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.drop_table("audit_log")
