#!/usr/bin/env bash
# Builds the wheel, installs it into a fresh virtual environment, and runs the
# Python tests (the conformance corpus, every error path, the analyst example).
# Installs only what is missing, so a second run installs nothing. Exits non-zero
# on any failure, including when pytest collects no tests.
#
#     bash bindings-python/test.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv-python          # tools: maturin, pytest, pandas, matplotlib, openpyxl
FRESH=$VENV/fresh          # made anew each run: the wheel and nothing else of ours
PYTHON=${PYTHON:-python3}

step() { printf '\n== %s\n' "$*"; }

step "python tools ($VENV)"
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
[ -f "$VENV/.gitignore" ] || printf '*\n' > "$VENV/.gitignore"
missing=()
[ -x "$VENV/bin/maturin" ] || missing+=("maturin>=1.7,<2")
for module in pytest pandas matplotlib openpyxl; do
    "$VENV/bin/python" -c "import $module" 2>/dev/null || missing+=("$module")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}"
    "$VENV/bin/python" -m pip install --quiet "${missing[@]}"
else
    echo "all present"
fi
"$VENV/bin/python" --version

step "build the wheel"
bash bindings-python/build.sh

step "install it into a fresh venv ($FRESH)"
rm -rf "$FRESH"
"$VENV/bin/python" -m venv "$FRESH"
# The fresh venv sees the tools venv's packages (pytest, pandas, ...) through a
# .pth file placed after its own site-packages, so the wheel installed here is
# the only dueregard it can import, and the heavy packages are not reinstalled.
tools_site=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
fresh_site=$("$FRESH/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
echo "$tools_site" > "$fresh_site/_dueregard_test_tools.pth"
"$FRESH/bin/python" -m pip install --quiet --no-deps --no-index bindings-python/dist/dueregard-*.whl
"$FRESH/bin/python" -c 'import dueregard; print("dueregard", dueregard.__version__, "from", dueregard.__file__)'

step "pytest"
# Exit status 5 (no tests collected) is a failure here, as is any other non-zero status.
"$FRESH/bin/python" -m pytest bindings-python/tests -p no:cacheprovider -q "$@"
