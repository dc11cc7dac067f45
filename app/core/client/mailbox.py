"""The key-backup mailbox and the key registry's backup state, for one licence holder (every
call signed like the rest of :class:`~.client.HolderClient`'s; docs/protocols/key-backup.md §4)."""

from __future__ import annotations

import base64

from ..wire import BackupIn, BackupState, Candidates, KeyRecord, MessageIn, MessageMeta
from .client import HolderClient, _body, _many


class MailboxClient:
    def __init__(self, holder: HolderClient) -> None:
        self.holder = holder

    def post(self, frame: bytes) -> MessageMeta:
        body = _body(MessageIn, frame=base64.b64encode(frame).decode("ascii"))
        return MessageMeta.model_validate(self.holder.call("POST", "/mailbox/messages", body).json())

    def inbox(self, key_id: str) -> list[MessageMeta]:
        return _many(MessageMeta, self.holder.call("GET", "/mailbox/messages", params={"key": key_id}))

    def message(self, message_id: str) -> MessageMeta:
        return MessageMeta.model_validate(self.holder.call("GET", f"/mailbox/messages/{message_id}").json())

    def delete(self, message_id: str) -> None:
        self.holder.call("DELETE", f"/mailbox/messages/{message_id}")

    def candidates(self, key_id: str) -> Candidates:
        response = self.holder.call("GET", "/mailbox/records", params={"key": key_id})
        return Candidates.model_validate(response.json())

    def record(self, record_id: str) -> KeyRecord:
        return KeyRecord.model_validate(self.holder.call("GET", f"/mailbox/records/{record_id}").json())

    def record_backup(self, key_id: str, holder_key: str, package_id: str, proof: bytes) -> BackupState:
        body = _body(BackupIn, key_id=key_id, holder_key=holder_key, package_id=package_id,
                     proof=base64.b64encode(proof).decode("ascii"))
        return BackupState.model_validate(self.holder.call("POST", "/mailbox/backups", body).json())

    def backups(self, key_id: str) -> list[BackupState]:
        return _many(BackupState, self.holder.call("GET", "/mailbox/backups", params={"key": key_id}))
