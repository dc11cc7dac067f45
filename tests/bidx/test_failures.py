"""Cancel, SIGKILL and write failures: the target path is never left holding a partial file."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.core import bidx
from app.core.errors import Cancelled, InvalidInput
from app.core.tasks import CancelToken
from tests.bidx.conftest import SMALL_CHUNK, listing

C = SMALL_CHUNK


def cancel_after(token: CancelToken, limit: int):
    def progress(done: int, total: int) -> None:
        if done >= limit:
            token.cancel()

    return progress


def test_cancel_during_encryption_leaves_nothing(make_file, key, outdir: Path) -> None:
    token = CancelToken()
    with pytest.raises(Cancelled):
        bidx.encrypt_file(make_file(50 * C), outdir, [key.public_key()], options=bidx.EncryptOptions(chunk_size=C),
                          progress=cancel_after(token, 5 * C), cancel=token)
    assert listing(outdir) == []


def test_cancel_during_a_batch_removes_the_finished_files_too(make_file, key, outdir: Path) -> None:
    token = CancelToken()
    sources = [make_file(10 * C, "a"), make_file(50 * C, "b")]
    with pytest.raises(Cancelled):
        bidx.encrypt_files(sources, outdir, [key.public_key()], options=bidx.EncryptOptions(chunk_size=C),
                           progress=cancel_after(token, 20 * C), cancel=token)
    assert listing(outdir) == []


def test_cancel_during_decryption_leaves_nothing(make_file, encrypt, key, plaindir: Path) -> None:
    container = encrypt(make_file(50 * C))
    token = CancelToken()
    with pytest.raises(Cancelled):
        bidx.decrypt_file(container, key, plaindir, progress=cancel_after(token, 5 * C), cancel=token)
    assert listing(plaindir) == []


def test_progress_is_monotonic_and_ends_at_the_total(make_file, encrypt, key, plaindir: Path) -> None:
    seen: list[tuple[int, int]] = []
    container = encrypt(make_file(7 * C + 3))
    bidx.rehearse(container, key, progress=lambda d, t: seen.append((d, t)))
    assert [d for d, _ in seen] == [C * i for i in range(1, 8)] + [7 * C + 3]
    assert {t for _, t in seen} == {7 * C + 3}


_KILL_CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from app.core import bidx
    from app.core.gm import load_public_key

    def progress(done, total):
        if done >= 4 * 65536:
            print("started", flush=True)
            time.sleep(60)  # the parent kills us here, mid-file

    source, outdir, pub = sys.argv[1:4]
    recipient = load_public_key(Path(pub).read_bytes())
    bidx.encrypt_file(source, outdir, [recipient], options=bidx.EncryptOptions(chunk_size=65536), progress=progress)
""")


def test_sigkill_during_encryption_leaves_nothing_at_the_output_path(make_file, pem_files, outdir: Path) -> None:
    source = make_file(64 * 65536, "big.bin")
    child = subprocess.Popen(
        [sys.executable, "-c", _KILL_CHILD, str(source), str(outdir), str(pem_files["pub0"])],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "started"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert not (outdir / "big.bin.bidx").exists()
    leftovers = listing(outdir)
    assert all(name.startswith(".~big.bin.bidx.") and name.endswith(".tmp") for name in leftovers), leftovers


def _limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def _run_limited(args: list[str], limit: int, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app.cli.main", *args], capture_output=True, text=True, cwd=cwd,
        preexec_fn=_limit_file_size(limit), env=dict(os.environ, EBID_HOME=str(cwd / "home")),
    )


def test_file_size_limit_during_encryption(make_file, pem_files, tmp_path: Path, outdir: Path) -> None:
    source = make_file(300_000)
    done = _run_limited(["bid", "encrypt", str(source), "-r", str(pem_files["pub0"]), "-o", str(outdir),
                         "--chunk-size", "65536"], 100_000, tmp_path)
    assert done.returncode == 2, done.stderr
    assert "larger than this system allows" in done.stderr
    assert done.stderr.count("\n") == 1  # one line, no traceback
    assert listing(outdir) == []


def test_file_size_limit_during_decryption(make_file, encrypt, pem_files, tmp_path, plaindir) -> None:
    container = encrypt(make_file(300_000), chunk_size=65536)
    done = _run_limited(["bid", "decrypt", str(container), "--key", str(pem_files["key0"]), "-o", str(plaindir)],
                        100_000, tmp_path)
    assert done.returncode == 2, done.stderr
    assert "larger than this system allows" in done.stderr
    assert listing(plaindir) == []


def test_output_folder_under_a_file(make_file, key, tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_bytes(b"")
    with pytest.raises(InvalidInput, match="not a folder"):
        bidx.encrypt_file(make_file(10), blocker, [key.public_key()])
    with pytest.raises(InvalidInput, match="does not exist"):
        bidx.encrypt_file(make_file(10, "other"), blocker / "sub", [key.public_key()])


def test_unreadable_inputs_are_input_errors(key, tmp_path: Path, outdir: Path) -> None:
    with pytest.raises(InvalidInput, match="Cannot read"):
        bidx.encrypt_file(tmp_path / "missing.pdf", outdir, [key.public_key()])
    with pytest.raises(InvalidInput, match="not a regular file"):
        bidx.encrypt_file(tmp_path, outdir, [key.public_key()])
    with pytest.raises(InvalidInput, match="Cannot read"):
        bidx.rehearse(tmp_path / "missing.bidx", key)
    not_bidx = tmp_path / "plain.txt"
    not_bidx.write_bytes(b"hello, this is not a container at all")
    with pytest.raises(InvalidInput, match="not a BIDX"):
        bidx.inspect_container(not_bidx)
    assert listing(outdir) == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["TERM", "HUP"])
def test_a_signal_during_cli_decryption_leaves_no_plaintext(make_file, encrypt, key, pem_files, tmp_path: Path,
                                                            signum) -> None:
    """kill -TERM, or closing the terminal (SIGHUP), stops ebid the way Ctrl-C does."""
    container = encrypt(make_file(256 << 20, "big.pdf"), chunk_size=bidx.DEFAULT_CHUNK_SIZE)
    out = tmp_path / "opened"
    out.mkdir()
    child = subprocess.Popen(
        [sys.executable, "-m", "app.cli.main", "bid", "decrypt", str(container), "-o", str(out),
         "--key", str(pem_files["key0"]), "--workers", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=dict(os.environ, EBID_HOME=str(tmp_path / "home")),
    )
    try:
        deadline = time.monotonic() + 60
        while not any(p.stat().st_size > (8 << 20) for p in out.iterdir()) and time.monotonic() < deadline:
            assert child.poll() is None, child.stderr.read()
            time.sleep(0.01)
        child.send_signal(signum)
        _, stderr = child.communicate(timeout=60)
    finally:
        child.kill()
    assert child.returncode == 128 + signum, stderr
    assert "stopped by" in stderr and "Traceback" not in stderr
    assert listing(out) == []  # neither big.pdf nor its temporary file
