#!/usr/bin/env bash
# Validates forcescan's SARIF with Microsoft's SARIF Multitool, using its GitHub Advanced Security
# ("Ghas") and SARIF rules: the closest thing to GitHub's own ingestion checks that runs offline.
#
# Scans demo/ (and corpus/ if present) with `-f sarif`, validates each file, prints every
# error-level result and exits 1 if there is any. The Multitool itself exits 0 even when it
# reports errors, so this script reads its output log instead of its exit status.
#
# Needs node/npm (the Multitool is installed from npm into target/sarif-multitool on first use)
# and cargo. Not part of `cargo test`: it downloads a ~100 MB tool.
#
#   scripts/sarif-multitool.sh            # demo/ and corpus/
#   scripts/sarif-multitool.sh x.sarif    # validate existing SARIF files instead
set -euo pipefail
cd "$(dirname "$0")/.."

version="${SARIF_MULTITOOL_VERSION:-5.7.0}"
tooldir="target/sarif-multitool"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -f "$tooldir/node_modules/@microsoft/sarif-multitool/package.json" ]; then
    echo "installing @microsoft/sarif-multitool@$version into $tooldir" >&2
    npm install --prefix "$tooldir" --no-audit --no-fund --loglevel=error \
        "@microsoft/sarif-multitool@$version" >&2
fi
# The platform package makes its binary executable in a postinstall script, which npm may have
# skipped (install scripts need approval in recent npm); resolve it and do it here.
multitool="$(cd "$tooldir" && node -p "require('@microsoft/sarif-multitool')")"
chmod u+x "$multitool"

files=()
if [ $# -gt 0 ]; then
    files=("$@")
else
    cargo build --quiet
    for tree in demo corpus; do
        [ -d "$tree" ] || continue
        out="$work/$tree.sarif"
        # Exit 1 means findings, which is expected; 2 (error or incomplete scan) is a failure.
        status=0
        target/debug/forcescan scan "$tree" -f sarif -o "$out" || status=$?
        if [ "$status" -gt 1 ]; then
            echo "forcescan scan $tree failed with exit code $status" >&2
            exit 1
        fi
        files+=("$out")
    done
fi

failed=0
for f in "${files[@]}"; do
    log="$work/validation-$(basename "$f").sarif"
    "$multitool" validate --rule-kind "Ghas;Sarif" --level "Error;Warning;Note" \
        --output "$log" "$f" >/dev/null
    # Print each result as `level rule: message` and count the errors.
    errors="$(node - "$log" <<'EOF'
const log = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
const run = log.runs[0];
const rules = Object.fromEntries((run.tool.driver.rules || []).map((r) => [r.id, r]));
let errors = 0;
for (const r of run.results || []) {
  const level = r.level || "warning";
  let text = r.message.text;
  if (text === undefined) {
    const rule = rules[r.ruleId] || rules[(r.ruleId || "").split("/")[0]];
    text = ((rule && rule.messageStrings && rule.messageStrings[r.message.id]) || {}).text || r.message.id;
    (r.message.arguments || []).forEach((a, i) => { text = text.split(`{${i}}`).join(a); });
  }
  if (level === "error") errors++;
  if (level !== "note") console.error(`  ${level} ${r.ruleId}: ${text}`);
}
for (const inv of run.invocations || []) {
  for (const n of [...(inv.toolExecutionNotifications || []), ...(inv.toolConfigurationNotifications || [])]) {
    if (n.level === "error") { errors++; console.error(`  tool error: ${n.message.text}`); }
  }
}
console.log(errors);
EOF
)"
    notes="$(node -e 'const l=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log((l.runs[0].results||[]).filter(r=>r.level==="note").length)' "$log")"
    echo "$(basename "$f"): $errors error(s), $notes note(s)"
    [ "$errors" -eq 0 ] || failed=1
done
exit "$failed"
