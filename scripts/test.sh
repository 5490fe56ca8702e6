#!/usr/bin/env bash
# The whole test suite, what CI runs (.ci/run): the Rust tests, then the Python package's
# (scripts/test-python.sh: the wheel built and installed into a fresh venv, then pytest).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --locked
scripts/test-python.sh
