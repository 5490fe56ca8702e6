#!/usr/bin/env bash
# Pre-push hook benchmark: a typical push of 3 commits to the 20,000-commit history of
# ../shared/bench/gen-history.py, forcescan's hook next to gitleaks on the same range.
#
#   benches/pre-push.sh [BARE-REPO]     # default: /work/bench-data/history, else target/bench-data/history-20000
#
# Clones the repository to a temporary directory (so `origin/main` is what the remote has), makes 3
# commits on main (one adds a file, one changes it, one adds a file in a new directory; no secrets), then times with hyperfine:
#   forcescan hook pre-push origin URL < "refs/heads/main <new> refs/heads/main <old>"
#   gitleaks git --log-opts=<old>..<new>
# Both must report nothing: the script checks their exit codes first.
set -euo pipefail
cd "$(dirname "$0")/.."
src="${1:-/work/bench-data/history}"
[ -d "$src" ] || src=target/bench-data/history-20000
[ -d "$src" ] || { echo "pre-push: no benchmark repository (run benches/git-history.sh first)" >&2; exit 2; }
cargo build --release --quiet
bin="$PWD/target/release/forcescan"
eval "$(../shared/bench/peers.sh)"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git clone -q "$src" "$tmp/w"
cd "$tmp/w"
git config user.name bench && git config user.email bench@example.com
old=$(git rev-parse HEAD)
echo "one" > bench-new-file.txt && git add -A && git commit -qm "bench 1"
echo "two" >> bench-new-file.txt && git add -A && git commit -qm "bench 2"
mkdir -p bench-dir && printf 'a\nb\n' > bench-dir/notes.md && git add -A && git commit -qm "bench 3"
new=$(git rev-parse HEAD)
echo "refs/heads/main $new refs/heads/main $old" > "$tmp/stdin"
# The same commits pushed as a new branch: the remote's id is zero, refs/remotes/origin/* bound it.
echo "refs/heads/main $new refs/heads/topic $(printf '%040d' 0)" > "$tmp/stdin-new"
echo "range $old..$new ($(git rev-list --count "$old..$new") commits; history $(git rev-list --count HEAD) commits)"
"$bin" hook pre-push origin "$src" < "$tmp/stdin"
"$GITLEAKS" git --no-banner --log-opts="$old..$new" . >/dev/null 2>&1 || { echo "gitleaks found something" >&2; exit 1; }
hyperfine -N --warmup 3 --runs 20 \
  -n "forcescan hook pre-push" "sh -c '$bin hook pre-push origin $src < $tmp/stdin'" \
  -n "forcescan hook pre-push (new branch)" "sh -c '$bin hook pre-push origin $src < $tmp/stdin-new'" \
  -n "gitleaks git --log-opts" "$GITLEAKS git --no-banner --log-opts=$old..$new ."
