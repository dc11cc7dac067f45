"""The platform's login web page: pre-login records (the task a login page shows, its poll
token, the page's CSRF token) and browser sessions opened by confirmed login tasks, at most
one per task.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "platform_login_pages",
        sa.Column("cookie_sm3", sa.String(64), primary_key=True),
        sa.Column(
            "task_id", sa.String(40), sa.ForeignKey("platform_tasks.task_id"), nullable=False
        ),
        sa.Column("poll_token", sa.String(64), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False, index=True),
    )
    op.create_table(
        "platform_web_sessions",
        sa.Column("session_sm3", sa.String(64), primary_key=True),
        # unique: one confirmed login task opens at most one browser session
        sa.Column(
            "task_id", sa.String(40), sa.ForeignKey("platform_tasks.task_id"), nullable=False,
            unique=True,
        ),
        sa.Column("serial", sa.String(40), nullable=False),
        sa.Column("credit_code", sa.String(18), nullable=False),
        sa.Column("enterprise_name", sa.Text, nullable=False),
        sa.Column("person_id", sa.String(40), nullable=False),
        sa.Column("person_name", sa.Text, nullable=False),
        sa.Column("role", sa.String(40), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False, index=True),
    )


def downgrade() -> None:
    op.drop_table("platform_web_sessions")
    op.drop_table("platform_login_pages")
