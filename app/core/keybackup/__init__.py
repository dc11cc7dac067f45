"""Key backup between devices (备份, 备份验证, 申请恢复, 确认恢复): the message frame
(:mod:`.frame`) and each step on a device (:mod:`.flows`). Spec: docs/protocols/key-backup.md."""

from .frame import Kind, MessageRefused

__all__ = ["Kind", "MessageRefused"]
