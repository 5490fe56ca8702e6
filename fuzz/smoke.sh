#!/usr/bin/env bash
# Short fuzz run of every target (default 60 s each), with what this machine has:
#
#  * cargo-fuzz on nightly (coverage-guided libFuzzer) when `cargo +nightly fuzz` works; inputs that
#    reach new code are added to fuzz/corpus/<target>/, failures go to fuzz/artifacts/<target>/;
#  * otherwise, or with --stable, the stable-Rust mutation driver in fuzz/src/lib.rs (`smoke`),
#    run through `cargo test --release --test fuzz`.
#
# Either way `cargo test` replays fuzz/corpus/ and fuzz/artifacts/ from then on: commit what a run
# adds (after `cargo +nightly fuzz cmin <target> -s none` if the corpus grew large).
#
#   fuzz/smoke.sh                 # every target, 60 s each
#   fuzz/smoke.sh 300 scan        # 5 minutes of the scan target
#   fuzz/smoke.sh --stable 60     # force the stable driver
#
# Exit status: 0 when no target failed.
set -euo pipefail
cd "$(dirname "$0")/.."

stable=0
if [ "${1:-}" = "--stable" ]; then
    stable=1
    shift
fi
secs="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    # The name that follows each [[bin]] header.
    mapfile -t targets < <(awk '/^\[\[bin\]\]/ { bin = 1; next } bin && /^name = / { gsub(/"/, "", $3); print $3; bin = 0 }' fuzz/Cargo.toml)
fi

if [ $stable -eq 0 ] && ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "smoke.sh: cargo-fuzz on nightly is not available (rustup toolchain install nightly;" \
        "cargo install --locked cargo-fuzz); using the stable driver" >&2
    stable=1
fi

if [ $stable -eq 1 ]; then
    for t in "${targets[@]}"; do
        FORCESCAN_SMOKE_SECS="$secs" FORCESCAN_SMOKE_TARGET="$t" \
            cargo test --release --locked --test fuzz timed_smoke_run_of_every_target -- --ignored --nocapture
    done
    exit 0
fi

# No sanitizer: the code under test is safe Rust, and ASan halves the speed. Debug assertions and
# overflow checks stay on (cargo-fuzz's default build). -timeout makes a slow input a failure:
# nothing should take seconds on 16 KiB.
cargo +nightly fuzz build -s none
failed=()
for t in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$t"
    echo "== $t: $secs s"
    if ! cargo +nightly fuzz run -s none "$t" -- -max_total_time="$secs" -timeout=10 -max_len=16384 \
        -rss_limit_mb=2048 -print_final_stats=1 2>"fuzz/target/$t.log"; then
        failed+=("$t")
        tail -40 "fuzz/target/$t.log" >&2
    fi
    grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "fuzz/target/$t.log" || true
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "smoke.sh: failed: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
    exit 1
fi
echo "smoke.sh: ${#targets[@]} targets, $secs s each, no failure"
