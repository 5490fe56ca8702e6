#!/usr/bin/env bash
# Checks the dependency tree with cargo-deny, offline: licences (deny.toml's allow-list), bans
# (wildcards; duplicate major versions are warnings) and sources (crates.io only). Installs
# cargo-deny from crates.io first if it is missing (a few minutes on 2 cores).
#
# Advisories are not checked here: they need the RustSec advisory database, which cargo-deny fetches
# from the network. Where it can be reached, run `cargo deny check advisories` too.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! cargo deny --version >/dev/null 2>&1; then
    cargo install --locked cargo-deny
fi
for manifest in Cargo.toml fuzz/Cargo.toml; do
    echo "== $manifest"
    cargo deny --manifest-path "$manifest" --config deny.toml --offline --locked check licenses bans sources
done
