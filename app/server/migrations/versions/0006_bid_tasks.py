"""The bid tasks' records: the outcome of a task a platform page reports (``platform_tasks.outcome``,
canonical JSON: for a decrypt task the plaintext's SM3 and size, or why it was declined), and the
opening hall's decrypt tasks: which stored bid each one opens, the poll token its page uses, and the
task's one-time opening private key — sealed (SM2-encrypted to the platform key), and dropped once
the bid is decrypted or the task ends. And for the upload page's encrypt tasks: which project
and section each one is for and its poll token, and on each submission the encrypt task it was
uploaded for (``submissions.task_id``, NULL for a bid uploaded from the app's bid page).

Revision ID: 0006
Revises: 0004 (re-chained after 0005 when the sign task's migration lands)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("platform_tasks") as batch:
        batch.add_column(sa.Column("outcome", sa.Text, nullable=True))
    op.create_table(
        "platform_opening_tasks",
        sa.Column(
            "task_id", sa.String(40), sa.ForeignKey("platform_tasks.task_id"), primary_key=True
        ),
        sa.Column(
            "submission_id", sa.String(40), sa.ForeignKey("submissions.submission_id"),
            nullable=False, index=True,
        ),
        sa.Column("project_code", sa.String(64), nullable=False),
        sa.Column("credit_code", sa.String(18), nullable=False),
        sa.Column("poll_token", sa.String(64), nullable=False),
        sa.Column("opening_key_id", sa.String(64), nullable=False),
        sa.Column("opening_key_sealed", sa.LargeBinary, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("decrypted_at", sa.DateTime, nullable=True),
        sa.Column("plaintext_sm3", sa.String(64), nullable=True),
        sa.Column("plaintext_size", sa.BigInteger, nullable=True),
        sa.Column("plaintext_path", sa.Text, nullable=True),
    )
    op.create_index("ix_opening_tasks_enterprise", "platform_opening_tasks",
                    ["credit_code", "project_code"])
    op.create_table(
        "platform_upload_tasks",
        sa.Column(
            "task_id", sa.String(40), sa.ForeignKey("platform_tasks.task_id"), primary_key=True
        ),
        sa.Column("project_code", sa.String(64), nullable=False),
        sa.Column("section", sa.String(64), nullable=False),
        sa.Column("credit_code", sa.String(18), nullable=False),
        sa.Column("poll_token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_upload_tasks_enterprise", "platform_upload_tasks",
                    ["credit_code", "project_code"])
    with op.batch_alter_table("submissions") as batch:
        batch.add_column(sa.Column("task_id", sa.String(40), nullable=True))
        batch.create_index("ix_submissions_task_id", ["task_id"])


def downgrade() -> None:
    with op.batch_alter_table("submissions") as batch:
        batch.drop_index("ix_submissions_task_id")
        batch.drop_column("task_id")
    op.drop_index("ix_upload_tasks_enterprise", "platform_upload_tasks")
    op.drop_table("platform_upload_tasks")
    op.drop_index("ix_opening_tasks_enterprise", "platform_opening_tasks")
    op.drop_table("platform_opening_tasks")
    with op.batch_alter_table("platform_tasks") as batch:
        batch.drop_column("outcome")
