#!/usr/bin/env bash
# The Python half of the test suite: builds the wheel (scripts/build-wheel.sh), installs it into a
# fresh virtual environment with what the tests need from PyPI, and runs pytest (python/tests):
# the API against the `forcescan` command the wheel installed, and forcescan.spark in a real
# Spark session (local[2]).
#
# Needs python3 (>= 3.9, with venv) and Java 17 or later (for Spark); installs maturin, pytest,
# pyspark, pyarrow and pandas into the venv. The Spark tests then run a second time with PySpark
# 3.5, the oldest supported. Usage: scripts/test-python.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

missing=()
command -v python3 >/dev/null || missing+=("python3 (3.9 or later)")
if command -v python3 >/dev/null; then
  python3 -c 'import sys; sys.exit(sys.version_info < (3, 9))' || missing+=("python3 3.9 or later (found $(python3 -V 2>&1))")
  python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=("python3's venv and ensurepip modules (Debian: apt-get install python3-venv)")
fi
if ! java -version >/dev/null 2>&1; then
  missing+=("Java 17 or later for Spark (java -version failed; Debian: apt-get install openjdk-17-jre-headless)")
else
  jv=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  [ "${jv:-0}" -ge 17 ] || missing+=("Java 17 or later for Spark (found: $(java -version 2>&1 | head -1))")
fi
if [ ${#missing[@]} -gt 0 ]; then
  printf 'test-python.sh: missing: %s\n' "${missing[@]}" >&2
  exit 2
fi
java -version 2>&1 | head -1

venv="$root/target/python-test-venv"
python3 -m venv --clear "$venv"
pip=("$venv/bin/python" -m pip --disable-pip-version-check --quiet)
"${pip[@]}" install --upgrade pip
# What the build and the tests need, from PyPI (pandas < 3: PySpark does not support it yet).
"${pip[@]}" install 'maturin>=1.5,<2' 'pytest>=7,<10' 'pyspark>=3.5,<5' 'pyarrow>=11' 'pandas>=1.5,<3'

rm -f target/wheels/forcescan-*.whl
PATH="$venv/bin:$PATH" scripts/build-wheel.sh
"${pip[@]}" install target/wheels/forcescan-*.whl

# From outside the source tree, so `import forcescan` is the installed wheel.
cd "$root/python/tests"
PATH="$venv/bin:$PATH" "$venv/bin/python" -m pytest -p no:cacheprovider -q "$@"

# forcescan.spark promises PySpark 3.5 and later: its tests again with the oldest (3.5.x), unless
# FORCESCAN_SKIP_SPARK35=1. PySpark 3.5 predates pandas 3 and pyarrow 20.
if [ "${FORCESCAN_SKIP_SPARK35:-0}" != 1 ] && [ $# -eq 0 ]; then
  old="$root/target/python-test-venv-spark35"
  python3 -m venv --clear "$old"
  "$old/bin/python" -m pip --disable-pip-version-check --quiet install \
    'pytest>=7,<10' 'pyspark>=3.5,<3.6' 'pyarrow>=11,<20' 'pandas>=1.5,<3' "$root"/target/wheels/forcescan-*.whl
  echo "PySpark $("$old/bin/python" -c 'import pyspark; print(pyspark.__version__)'):"
  PATH="$old/bin:$PATH" "$old/bin/python" -m pytest -p no:cacheprovider -q -W ignore::DeprecationWarning test_spark.py
fi
