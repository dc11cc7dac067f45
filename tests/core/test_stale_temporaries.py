"""After a crash (SIGKILL, power loss) our temporary files stay behind; the desktop app removes
the stale ones at start — only ours, only stale, never through a symbolic link."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from app.core.fsutil import STALE_AFTER_S, remove_stale_temporaries


def _killed_mid_write(folder) -> list[str]:
    """A real AtomicFile left behind by a process killed before it committed."""
    child = textwrap.dedent("""
        import os, signal, sys
        from app.core.fsutil import AtomicFile
        with AtomicFile(os.path.join(sys.argv[1], "投标文件.pdf.bidx")) as f:
            f.write(b"half")
            f.flush()
            os.kill(os.getpid(), signal.SIGKILL)
    """)
    subprocess.run([sys.executable, "-c", child, str(folder)], check=False)
    return sorted(os.listdir(folder))


def test_a_stale_temporary_of_a_killed_writer_is_removed_and_nothing_else(tmp_path):
    folder = tmp_path / "bids" / "encrypted"
    folder.mkdir(parents=True)
    left = _killed_mid_write(folder)
    assert len(left) == 1 and left[0].startswith(".~投标文件.pdf.bidx.")
    others = [folder / "bid.pdf.bidx", folder / ".~notes.tmp", folder / "draft.tmp", tmp_path / ".~x.abcdefgh.tmp.keep"]
    for path in others:
        path.write_bytes(b"someone else's")
    old = 10 ** 9
    for path in folder.iterdir():
        os.utime(path, (old, old))
    outside = tmp_path.parent / f"{tmp_path.name}-outside.abcdefgh.tmp"
    outside.write_bytes(b"not in a folder we clean")
    (folder / ".~link.abcdefgh.tmp").symlink_to(outside)
    removed = remove_stale_temporaries([tmp_path])
    assert [p.name for p in removed] == left
    assert sorted(os.listdir(folder)) == sorted([".~link.abcdefgh.tmp", "bid.pdf.bidx", ".~notes.tmp", "draft.tmp"])
    assert outside.exists()


def test_a_temporary_still_being_written_stays(tmp_path):
    left = _killed_mid_write(tmp_path)
    assert remove_stale_temporaries([tmp_path]) == []  # just written: it may be another instance's
    later = lambda: os.path.getmtime(tmp_path / left[0]) + STALE_AFTER_S + 1  # noqa: E731
    assert [p.name for p in remove_stale_temporaries([tmp_path], clock=later)] == left
