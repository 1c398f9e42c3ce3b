#!/usr/bin/env bash
# Builds the wheel, installs it into a fresh virtual environment, and runs the
# Python tests (the conformance corpus, every error path, the analyst example,
# check_arrow, and the analyst-at-scale engines: Dask, and Spark on Java 17).
# Installs only what is missing (Java with apt as root; the Python packages in
# requirements-test.txt with pip), so a second run installs nothing. Exits non-zero
# on any failure, including when pytest collects no tests.
#
#     bash bindings-python/test.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv-python          # tools: maturin, pytest, pandas, pyarrow, dask, pyspark, ...
FRESH=$VENV/fresh          # made anew each run: the wheel and nothing else of ours
PYTHON=${PYTHON:-python3}
REQUIREMENTS=bindings-python/requirements-test.txt

step() { printf '\n== %s\n' "$*"; }

step "java for the Spark test (openjdk-17-jre-headless)"
# Spark runs on a JVM; Debian's package, installed only when it is missing.
if dpkg -s openjdk-17-jre-headless >/dev/null 2>&1 && command -v java >/dev/null; then
    echo "present: $(java -version 2>&1 | head -n 1)"
elif [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless
else
    echo "not root, so not installing it: the Spark test will be skipped, saying so"
fi

step "python tools ($VENV)"
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
[ -f "$VENV/.gitignore" ] || printf '*\n' > "$VENV/.gitignore"
# Each line of the requirements that is not installed (or pinned to another version).
missing=$("$VENV/bin/python" - "$REQUIREMENTS" <<'PY'
import sys
from importlib.metadata import PackageNotFoundError, version

for line in open(sys.argv[1], encoding="utf-8"):
    req = line.split("#", 1)[0].strip()
    if not req:
        continue
    name = req.split("==")[0].split(">")[0].split("<")[0].split("[")[0].strip()
    try:
        have = version(name)
    except PackageNotFoundError:
        print(req)
        continue
    if "==" in req and have != req.split("==", 1)[1].strip():
        print(req)
PY
)
if [ -n "$missing" ]; then
    echo "installing: $(echo "$missing" | tr '\n' ' ')"
    mapfile -t missing_list <<< "$missing"
    "$VENV/bin/python" -m pip install --quiet "${missing_list[@]}"
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
