#!/usr/bin/env bash
# Builds the dueregard wheel (abi3: CPython 3.9 and later) into bindings-python/dist/.
# Installs maturin into the tools venv (.venv-python at the repository root) first,
# only if it is missing, so a second run installs nothing.
#
#     bash bindings-python/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv-python
PYTHON=${PYTHON:-python3}

if [ ! -x "$VENV/bin/python" ]; then
    echo "creating $VENV"
    "$PYTHON" -m venv "$VENV"
fi
# Keep the venv out of git without touching the repository's .gitignore.
[ -f "$VENV/.gitignore" ] || printf '*\n' > "$VENV/.gitignore"

if [ ! -x "$VENV/bin/maturin" ]; then
    "$VENV/bin/python" -m pip install --quiet "maturin>=1.7,<2"
fi

# Only this build's wheel in dist/, so installing dist/*.whl is unambiguous.
rm -f bindings-python/dist/dueregard-*.whl
"$VENV/bin/maturin" build --release --locked \
    -m bindings-python/Cargo.toml \
    -o bindings-python/dist \
    --interpreter "$VENV/bin/python"
ls bindings-python/dist/dueregard-*.whl
