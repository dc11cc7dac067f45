"""The keystore file, its WAL and shared-memory files never hold a private key in the clear."""

from __future__ import annotations

from app.core.gm import SM2PrivateKey

from .conftest import PASSWORD


def _secrets(values: list[bytes]) -> list[bytes]:
    out = []
    for raw in values:
        out += [raw, raw.hex().encode(), raw.hex().upper().encode()]
    return out


def _files_bytes(path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in path.parent.glob(path.name + "*")}


def _assert_absent(path, secrets: list[bytes]) -> None:
    files = _files_bytes(path)
    assert path.name in files
    for name, data in files.items():
        for secret in secrets:
            assert secret not in data, f"a secret appears in {name}"


def test_no_private_key_or_master_key_in_any_file(store, unlocked, add_licence):
    keys = [SM2PrivateKey.generate() for _ in range(4)]
    for key in keys[:2]:
        add_licence(unlocked, key)
    store.add_encryption_key(unlocked, label="bid", private_key=keys[2])
    store.add_encryption_key(unlocked, label="bid 2", private_key=keys[3])
    store.create_device_identity(unlocked)
    device = store.device_private_key(unlocked, purpose="test")
    secrets = _secrets([k.to_bytes() for k in keys] + [device.to_bytes(), unlocked.master(), unlocked.data_key(), PASSWORD])
    assert (store.path.parent / (store.path.name + "-wal")).exists()  # the WAL is scanned too
    _assert_absent(store.path, secrets)

    new = store.change_password(PASSWORD, b"second password")
    secrets += _secrets([new.master(), new.data_key(), b"second password"])
    _assert_absent(store.path, secrets)
    store.close()  # checkpoint the WAL into the main file
    _assert_absent(store.path, secrets)
