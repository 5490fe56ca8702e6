#!/bin/bash
# first_sight.sh [PATCH]: how a change does on files forcescan had not yet been fitted to,
# without scoring a held-out half.
#
# Each developed half was first seen by one commit: 5d456de saw dev5/ (then held out, never
# looked into) and dev6/ before any work on them; 5bff36b saw dev7/ (then held out) and dev8/.
# Their misses there are what unseen files look like to forcescan. This builds those commits in
# worktrees under ${FIRST_SIGHT_DIR:-/tmp/first-sight}, once as they were and once with PATCH
# (a `git diff` of the change, back-ported by hand if it does not apply), and prints each half's
# score before and after, and the lines that moved (developed halves only: never a held-out one).
#
#     git diff HEAD~1 -- src > /tmp/change.patch
#     corpus/context/tools/first_sight.sh /tmp/change.patch
set -euo pipefail
root=$(git rev-parse --show-toplevel)
dir=${FIRST_SIGHT_DIR:-/tmp/first-sight}
patch=${1:-}
mkdir -p "$dir"
build() { # commit name [patch]
  local wt=$dir/$2
  [ -d "$wt" ] || git -C "$root" worktree add -q --detach "$wt" "$1"
  git -C "$wt" reset -q --hard "$1"
  if [ -n "${3:-}" ]; then git -C "$wt" apply -3 "$3" >&2; fi
  (cd "$wt" && CARGO_TARGET_DIR=$dir/target-$2 cargo build --release --locked -q)
  echo "$dir/target-$2/release/forcescan"
}
score() { python3 "$root/corpus/context/tools/score.py" "$1" "$root/corpus/context/$2" --detail; }
for pair in "5d456ded dev5 dev6" "5bff36bd dev7 dev8"; do
  set -- $pair
  base=$(build "$1" "base-$1")
  new=$base
  if [ -n "$patch" ]; then new=$(build "$1" "new-$1" "$patch"); fi
  for half in "$2" "$3"; do
    b=$(score "$base" "$half"); n=$(score "$new" "$half")
    echo "$half at $1: $(head -1 <<<"$b" | sed 's/.*recall/recall/') -> $(head -1 <<<"$n" | sed 's/.*recall/recall/')"
    diff <(tail -n +2 <<<"$b") <(tail -n +2 <<<"$n") | grep '^[<>]' || true
  done
done
