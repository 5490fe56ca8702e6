#!/usr/bin/env bash
# Builds the forcescan wheel into target/wheels/: the `forcescan` command (the root crate's
# release binary, built exactly as `cargo install --path .` builds it) and the `forcescan` Python
# module (python/, PyO3, abi3: one wheel for every CPython >= 3.9).
#
# The binary travels in the wheel's data directory (forcescan-VERSION.data/scripts/), which pip
# installs into the environment's bin/ as it installs any wheel's scripts: the installed
# `forcescan` is the Rust binary itself, with no Python start-up in front of it.
#
# The extension is stripped of debug info (--strip); the command is left as cargo builds it.
#
# Needs maturin (pip install 'maturin>=1.5,<2'). Usage: scripts/build-wheel.sh [extra maturin args]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
command -v maturin >/dev/null || { echo "build-wheel.sh: maturin is missing (pip install 'maturin>=1.5,<2')" >&2; exit 2; }

cargo build --release --locked --bin forcescan
mkdir -p python/forcescan.data/scripts
install -m 0755 target/release/forcescan python/forcescan.data/scripts/forcescan

# The extension shares the root's target directory, so the dependencies the command was just
# built with (same versions, same release profile) are not compiled again.
cd python
CARGO_TARGET_DIR="$root/target" maturin build --release --locked --strip --out "$root/target/wheels" "$@"
