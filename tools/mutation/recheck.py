"""Re-check surviving mutants of a finished (or running) run against the tests of another commit,
one at a time, without touching the run's copy: each mutant is applied with mutmut's own
mutation code to a fresh export of REV, and the tests run there.

    /tmp/mutvenv/bin/python tools/mutation/recheck.py RUN_DIR TESTS... [--rev REV]

RUN_DIR is the copy run.sh printed; its mutmut cache is read read-only (its survivors, by file,
line and index). Prints KILLED or SURVIVED per mutant and the diff of each survivor.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from mutmut import Context, RelativeMutationID, mutate

REPO = Path(__file__).resolve().parents[2]


def survivors(run_dir: Path) -> list[tuple[int, str, int, str, int]]:
    db = sqlite3.connect(f"file:{run_dir / '.mutmut-cache'}?mode=ro", uri=True)
    return db.execute(
        'select m.id, f.filename, l.line_number, l.line, m."index" from Mutant m join Line l on m.line = l.id '
        "join SourceFile f on l.sourcefile = f.id where m.status = 'bad_survived' order by m.id").fetchall()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("run_dir", type=Path)
    parser.add_argument("tests", nargs="+")
    parser.add_argument("--rev", default="HEAD")
    parser.add_argument("--python", default=os.environ.get("PROJECT_PYTHON", ""))
    args = parser.parse_args()
    common = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--git-common-dir"], capture_output=True,
                            text=True, check=True).stdout.strip()
    python = args.python or str((REPO / common).resolve().parent / ".venv/bin/python")
    killed = 0
    found = survivors(args.run_dir)
    for pk, filename, line_number, line, index in found:
        with tempfile.TemporaryDirectory(prefix="ebid-recheck-") as work:
            archive = subprocess.run(["git", "-C", str(REPO), "archive", args.rev], capture_output=True, check=True)
            subprocess.run(["tar", "-x", "-C", work], input=archive.stdout, check=True)
            path = Path(work) / filename
            source = path.read_text()
            context = Context(source=source, filename=filename, mutation_id=RelativeMutationID(
                filename=filename, line=line, index=index, line_number=line_number))
            mutated, _ = mutate(context)
            if mutated == source:
                print(f"{pk}: {filename}:{line_number + 1} no longer applies at {args.rev}")
                continue
            path.write_text(mutated)
            env = dict(os.environ, PYTHONPATH=work, QT_QPA_PLATFORM="offscreen", PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
            result = subprocess.run([python, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *args.tests],
                                    cwd=work, env=env, capture_output=True)
            status = "KILLED" if result.returncode != 0 else "SURVIVED"
            killed += result.returncode != 0
            print(f"{pk}: {status} {filename}:{line_number + 1}")
            if status == "SURVIVED":
                for diff in difflib.unified_diff(source.splitlines(), mutated.splitlines(), lineterm="", n=0):
                    if not diff.startswith(("---", "+++", "@@")):
                        print("    " + diff)
    print(f"{killed} of {len(found)} survivors killed at {args.rev}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
