"""Writes tests/data/keystore-v1.sqlite: a keystore saved by schema revision 0001.

Run once, at the commit that introduced revision 0001 (later code may write tables that revision
lacks); the file is committed and must never be regenerated. tests/keystore/test_migration.py
holds the password and the expected contents.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

from app.core.gm import SM2PrivateKey, sm3
from app.core.keystore import Keystore
from app.core.keystore.db import current_revision

PASSWORD = "v1-fixture-密码".encode()


def scalar(label: str) -> SM2PrivateKey:
    return SM2PrivateKey.from_bytes(sm3(label.encode()))


def main(target: Path) -> None:
    with Keystore.open(target) as ks:
        assert current_revision(ks.engine) == "0001"
        unlocked = ks.initialise(PASSWORD)
        ks.create_device_identity(unlocked)
        for n in (1, 2):
            ks.add_licence(
                unlocked, certificate=f"opaque DER {n}".encode(), private_key=scalar(f"fixture licence {n}"),
                enterprise_code="91350100M000100Y43", enterprise_name="福建测试科技有限公司",
                holder_name="张三", role="legal_representative" if n == 1 else "agent",
                not_before=datetime(2026, 1, 1, tzinfo=timezone.utc),
                not_after=datetime(2026, 1, 4, tzinfo=timezone.utc),
            )
        ks.add_encryption_key(unlocked, label="bid key", private_key=scalar("fixture encryption key"), licence_id=1)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
