#!/bin/sh
# Mutation testing of one core rule module with mutmut (2.x), in a throw-away copy of the
# committed tree: mutmut edits the files it mutates in place, so it never runs in a checkout
# someone works in. Not part of CI. See tools/mutation/README.md.
#
#   tools/mutation/run.sh TARGET            e.g. bidx-format, attempts, licence, seal-format
#   tools/mutation/run.sh --list
#   REV=abc123 tools/mutation/run.sh TARGET   mutate that commit instead of HEAD (a "before" figure)
# Never run `mutmut show` or `mutmut results` in the copy while the run is going: mutmut keeps the
# mutant on disk and its cache open, and a second mutmut corrupts the run.
set -eu

REPO=$(cd "$(dirname "$0")/../.." && pwd)  # the checkout run.sh lives in: its HEAD is mutated
MUTVENV=${MUTVENV:-/tmp/mutvenv}
# A git worktree has no .venv of its own: fall back to the main checkout's (the common git dir's parent).
MAIN=$(cd "$(git -C "$REPO" rev-parse --git-common-dir)/.." 2>/dev/null && pwd || echo "$REPO")
if [ -n "${PROJECT_PYTHON:-}" ]; then PY=$PROJECT_PYTHON
elif [ -x "$REPO/.venv/bin/python" ]; then PY=$REPO/.venv/bin/python
elif [ -x "$MAIN/.venv/bin/python" ]; then PY=$MAIN/.venv/bin/python
else PY=python3; fi

# TARGET -> "files to mutate|tests that should kill their mutants"
target() {
    case "$1" in
        bidx-format)   echo "app/core/bidx/format.py|tests/bidx/test_limits.py tests/bidx/test_attacks.py tests/bidx/test_vectors.py tests/bidx/test_roundtrip.py" ;;
        bidx-naming)   echo "app/core/bidx/naming.py|tests/bidx/test_names.py tests/hostile/test_names.py" ;;
        bidx)          echo "app/core/bidx/|tests/bidx tests/hostile/test_names.py" ;;
        attempts)      echo "app/core/keystore/attempts.py|tests/keystore/test_attempts_rules.py tests/keystore/test_limits.py tests/keystore/test_password.py" ;;
        blobs)         echo "app/core/keystore/blobs.py|tests/keystore/test_limits.py tests/keystore/test_kdf_bounds.py tests/keystore/test_keys.py tests/keystore/test_no_cleartext.py" ;;
        keystore)      echo "app/core/keystore/|tests/keystore tests/hostile/test_keystore_rows.py" ;;
        licence-codes) echo "app/core/licence/codes.py|tests/licence/test_codes.py" ;;
        licence)       echo "app/core/licence/|tests/licence" ;;
        seal-format)   echo "app/core/seal/format/|tests/seal_format tests/hostile/test_format_limits.py" ;;
        qrtask)        echo "app/core/qrtask/|tests/qr tests/core/test_qrtask_rules.py tests/service/test_tasks.py tests/service/test_sign_tasks.py tests/hostile/test_parsers.py" ;;
        keybackup-frame) echo "app/core/keybackup/frame.py|tests/core/test_keybackup_frame.py tests/core/test_keybackup_card.py" ;;
        keybackup-card)  echo "app/core/keybackup/card.py|tests/core/test_keybackup_card.py" ;;
        keybackup-qrseq) echo "app/core/keybackup/qrseq.py|tests/core/test_keybackup_qrseq.py" ;;
        qrtask-rules)    echo "app/core/qrtask/uri.py,app/core/qrtask/canonical.py,app/core/qrtask/response.py,app/core/qrtask/document.py,app/core/qrtask/certificate.py|tests/core/test_qrtask_rules.py" ;;
        seal-header)     echo "app/core/seal/format/header.py,app/core/seal/format/der.py|tests/seal_format/test_header_rules.py tests/hostile/test_format_limits.py" ;;
        keybackup)     echo "app/core/keybackup/|tests/core/test_keybackup_frame.py tests/core/test_keybackup_card.py tests/service/test_key_backup_rules.py tests/service/test_key_backup_offline.py" ;;
        *) return 1 ;;
    esac
}

if [ "${1:-}" = "--list" ] || [ -z "${1:-}" ]; then
    for t in bidx-format bidx-naming bidx attempts blobs keystore licence-codes licence seal-format qrtask qrtask-rules keybackup keybackup-frame keybackup-card keybackup-qrseq seal-header; do
        echo "$t: $(target "$t")"
    done
    exit 0
fi
spec=$(target "$1") || { echo "unknown target $1 (try --list)" >&2; exit 2; }
paths=${spec%%|*}
tests=${TESTS:-${spec#*|}}  # TESTS="..." runs fewer tests (faster, weaker)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ebid-mutation-$1.XXXXXX")
REV=${REV:-HEAD}
git -C "$REPO" archive "$REV" | tar -x -C "$WORK"
echo "mutating $paths at $(git -C "$REPO" rev-parse --short "$REV") in $WORK (tests: $tests; python: $PY)"
cd "$WORK"
# mutmut 2 counts only exit code 1 as a failing run: a mutant that breaks an import (pytest exits 2,
# "interrupted") would be reported as surviving. `|| exit 1` makes every failure a kill (mutmut
# splits the runner with shlex and runs no shell: hence `sh -c`).
# pytest's plugins (hypothesis, schemathesis, pytest-qt) cost seconds of start-up per mutant, more
# than the rule tests themselves: off by default; AUTOLOAD=1 for tests that need one (qtbot).
if [ "${AUTOLOAD:-0}" = 1 ]; then NOAUTO=""; else NOAUTO="PYTEST_DISABLE_PLUGIN_AUTOLOAD=1"; fi
"$MUTVENV/bin/mutmut" run --paths-to-mutate "$paths" --no-progress --simple-output \
    --runner "sh -c 'env PYTHONPATH=$WORK QT_QPA_PLATFORM=offscreen $NOAUTO $PY -m pytest -x -q -p no:cacheprovider -p no:randomly $tests || exit 1'" \
    || true  # mutmut's exit code says survivors exist; the results below say which
"$MUTVENV/bin/mutmut" results
echo "copy: $WORK (mutmut show ID there prints a mutant's diff)"
