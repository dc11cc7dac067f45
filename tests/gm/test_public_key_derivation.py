"""Public keys from private keys (issue 16 §7): GmSSL's k·G in C where the gmssl-pyx wheel exists,
the blinded fixed-length ladder elsewhere; both agree with the standard and with each other, and
the keystore takes the C path."""

from __future__ import annotations

import secrets

import pytest

from app.core import gm
from app.core.gm import sm2, sm2_backends, sm2_ladder, sm2_native
from app.core.gm.sm2_curve import GX, GY, N, is_on_curve

# GB/T 32918.5 Annex A (shared/design/CRYPTO-FACTS.md)
D_A = int("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8", 16)
X_A = int("09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020", 16)
Y_A = int("CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13", 16)
EDGES = [1, 2, 3, N - 2, N - 3, 1 << 255, (1 << 256) - 1 - (1 << 224), D_A]


@pytest.fixture(scope="module")
def native():
    multiply = sm2_native.load()
    if multiply is None:
        try:
            import gmssl_pyx  # noqa: F401
        except ImportError:
            pytest.skip("gmssl-pyx has no wheel for this platform")
        pytest.fail("gmssl-pyx imports but its GmSSL k·G failed the known-answer check")
    return multiply


def test_the_c_path_and_the_fallback_give_the_standard_public_key(native):
    assert native(D_A) == (X_A, Y_A)
    assert sm2_ladder.multiply_base(D_A) == (X_A, Y_A)
    assert sm2_backends._EC.kG(D_A) == (X_A, Y_A)  # gmalg, the independent reference


def test_the_c_path_and_the_fallback_agree(native):
    for d in EDGES + [secrets.randbelow(N - 2) + 1 for _ in range(25)]:
        point = native(d)
        assert point == sm2_ladder.multiply_base(d) == sm2_backends._EC.kG(d), hex(d)
        assert is_on_curve(*point)
    assert native(1) == (GX, GY)


def test_the_ladder_multiplies_any_point_as_gmalg_does():
    point = (X_A, Y_A)
    for k in EDGES + [secrets.randbelow(N - 2) + 1 for _ in range(10)]:
        assert sm2_ladder.multiply(k, point) == sm2_backends._EC.ec.mul(k, point)


def test_the_ladder_runs_the_same_operations_for_every_scalar(monkeypatch):
    """Not constant time (Python cannot be), but no step depends on the scalar's bits or length."""
    trace: list[str] = []
    double, add = sm2_ladder._double, sm2_ladder._add
    monkeypatch.setattr(sm2_ladder, "_double", lambda p: trace.append("D") or double(p))
    monkeypatch.setattr(sm2_ladder, "_add", lambda p, q: trace.append("A") or add(p, q))
    traces = []
    for k in (1, 2, 1 << 200, N - 2, D_A):
        trace.clear()
        sm2_ladder.multiply_base(k)
        traces.append(list(trace))
    assert all(t == traces[0] for t in traces) and len(traces[0]) == 1 + 2 * 321


def test_the_walked_scalar_is_blinded_and_of_fixed_length():
    walked = {sm2_ladder._fixed_length(D_A) for _ in range(8)}
    assert len(walked) == 8  # a fresh blind every time
    for k in walked | {sm2_ladder._fixed_length(1), sm2_ladder._fixed_length(N - 2)}:
        assert k.bit_length() == 322 and k % N in (D_A, 1, N - 2)


def test_the_gmssl_backend_derives_public_keys_in_c(native, monkeypatch):
    backend = sm2_backends.select("gmssl-pyx")
    assert backend.native_base is not None
    _no_python_multiplication(monkeypatch)
    assert backend.public_point(D_A) == (X_A, Y_A)
    assert backend.matches(D_A, X_A, Y_A) and not backend.matches(D_A, X_A, (Y_A + 1))


def _no_python_multiplication(monkeypatch) -> None:
    def refuse(*_args):
        raise AssertionError("a pure-Python scalar multiplication ran")

    monkeypatch.setattr(sm2_ladder, "multiply_base", refuse)
    monkeypatch.setattr(sm2_backends._EC, "kG", refuse)


def test_keys_taken_from_the_keystore_are_derived_in_c(native, monkeypatch, tmp_path):
    from app.core.keystore import Keystore, NullUnlockCache

    previous = sm2.backend_name()
    sm2.use_backend("gmssl-pyx")
    try:
        with Keystore.open(tmp_path / "k.sqlite", unlock_cache=NullUnlockCache()) as store:
            unlocked = store.initialise("public key 派生".encode())
            key = gm.SM2PrivateKey(D_A)
            store.add_encryption_key(unlocked, label="bid key", private_key=key)
            licence = store.add_licence(
                unlocked, certificate=b"\x30\x03\x02\x01\x01", private_key=gm.SM2PrivateKey.generate(),
                enterprise_code="91350100M000100Y43", enterprise_name="测试", holder_name="张三",
                role="legal_representative", not_before=store.clock(), not_after=store.clock(),
            )
            _no_python_multiplication(monkeypatch)
            (info,) = store.list_encryption_keys()
            opened = store.encryption_private_key(info.id, unlocked, purpose="test")
            assert (opened.public_key().x, opened.public_key().y) == (X_A, Y_A)
            assert store.encryption_public_key(info.id, unlocked) == key.public_key()
            store.private_key(licence.id, unlocked, purpose="test")
            assert gm.SM2PrivateKey.from_bytes(D_A.to_bytes(32, "big")).public_key() == key.public_key()
    finally:
        sm2.use_backend(previous)
