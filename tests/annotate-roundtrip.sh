#!/usr/bin/env bash
# The Word round trip, end to end: every .docx fixture (and one more with
# safe fixes split across formatted runs) is annotated by `dueregard
# annotate`, then checked from outside with python-docx and LibreOffice (see
# tests/annotate_roundtrip.py for what is asserted).
#
# Installs only what is missing: Debian's libreoffice-writer-nogui (headless
# soffice, as root) and python-docx into the tools venv the Python tests use
# (.venv-python, made as bindings-python/test.sh makes it). A second run
# installs nothing.
#
#     bash tests/annotate-roundtrip.sh
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv-python
PYTHON=${PYTHON:-python3}
WORK="$PWD/target/annotate-roundtrip"

step() { printf '\n== %s\n' "$*"; }

step "LibreOffice headless (libreoffice-writer-nogui)"
if command -v soffice >/dev/null; then
    echo "present: $(soffice --version 2>/dev/null | head -n 1)"
elif [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui
else
    echo "soffice is missing and this is not root, so it cannot be installed: install libreoffice-writer-nogui" >&2
    exit 1
fi

step "python-docx ($VENV)"
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
[ -f "$VENV/.gitignore" ] || printf '*\n' > "$VENV/.gitignore"
if "$VENV/bin/python" -c 'import docx' 2>/dev/null; then
    echo "present: python-docx $("$VENV/bin/python" -c 'from importlib.metadata import version; print(version("python-docx"))')"
else
    "$VENV/bin/python" -m pip install --quiet "python-docx>=1.1,<2"
fi

step "dueregard"
cargo build -q -p dueregard --bin dueregard

step "annotate every fixture and check the copies"
rm -rf "$WORK"
mkdir -p "$WORK"
"$VENV/bin/python" tests/annotate_roundtrip.py target/debug/dueregard tests/fixtures/docx "$WORK"
