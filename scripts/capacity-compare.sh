#!/usr/bin/env bash
# Runs one simulator scenario against a base revision's server and this working tree's, back to
# back and alternating, on this machine, and prints the figures side by side:
#   scripts/capacity-compare.sh [--base REV] [--rounds N] [--out DIR] [SCENARIO] [-- SIMULATE OPTIONS...]
# With -- --sweep PATH=V1,V2,... each side runs the sweep and the table has a row per step.
# The defaults compare the scenario unicast-capacity on the last commit (HEAD) with the working
# tree, in one round. Each side builds and runs from its own tree (the base in a temporary git
# worktree), and each run starts its own server, so both meet the same machine in the same
# state. The server's cores and CPU per delivery are the run summary's, over the measured load
# (warm-up and drain left out, as they are of the throughput); the last column divides its CPU
# over the whole run (logins, warm-up and drain included) by the measured deliveries, an upper
# bound kept for comparison with figures taken that way before.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE=HEAD
ROUNDS=1
SCENARIO=unicast-capacity
OUT=""
EXTRA=()
usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --base) BASE="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --) shift; EXTRA=("$@"); break ;;
    -*) echo "capacity-compare: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) SCENARIO="$1"; shift ;;
  esac
done
case "$ROUNDS" in ''|*[!0-9]*|0) echo "capacity-compare: --rounds takes a whole number from 1" >&2; exit 2 ;; esac
git -C "$ROOT" rev-parse --verify --quiet "$BASE^{commit}" >/dev/null \
  || { echo "capacity-compare: '$BASE' is not a revision of this repository" >&2; exit 2; }
OUT="${OUT:-$ROOT/reports/compare/$(date -u +%Y%m%d-%H%M%S)-$SCENARIO}"
mkdir -p "$OUT"
SCRATCH="$(mktemp -d)"
BASE_TREE="$SCRATCH/base"
git -C "$ROOT" worktree add --quiet --detach "$BASE_TREE" "$BASE"
trap 'git -C "$ROOT" worktree remove --force "$BASE_TREE" >/dev/null 2>&1 || true; rm -rf "$SCRATCH"' EXIT
echo "capacity-compare: $SCENARIO, base $(git -C "$ROOT" rev-parse --short "$BASE") against the working tree, $ROUNDS round(s), into $OUT" >&2
for round in $(seq 1 "$ROUNDS"); do
  for side in base new; do
    tree="$ROOT"; [ "$side" = base ] && tree="$BASE_TREE"
    echo "capacity-compare: round $round, $side" >&2
    (cd "$tree" && ./lab simulate "$SCENARIO" --out "$OUT/$side-$round" ${EXTRA[@]+"${EXTRA[@]}"}) >"$OUT/$side-$round.log" 2>&1 \
      || echo "capacity-compare: the $side run of round $round failed; see $OUT/$side-$round.log" >&2
  done
done
python3 - "$OUT" <<'EOF' | tee "$OUT/summary.md"
import json, os, re, sys
out = sys.argv[1]
print("| run | deliveries/s | send p50 ms | send p99 ms | deliver p99 ms | valid | server cores | server µs per delivery "
      "| upper bound, whole run |")
print("|---|---|---|---|---|---|---|---|---|")
def runs():  # each side's run, or each step of its sweep (-- --sweep PATH=V1,V2,...)
    for side in sorted(os.listdir(out)):
        path = os.path.join(out, side)
        if os.path.isfile(os.path.join(path, "results.json")):
            yield side, path
        elif os.path.isdir(path):
            steps = [s for s in os.listdir(path) if re.fullmatch(r"step-\d+", s)]
            for step in sorted(steps, key=lambda s: int(s.split("-")[1])):
                if os.path.isfile(os.path.join(path, step, "results.json")):
                    yield f"{side}/{step}", os.path.join(path, step)
for name, run in runs():
    results = os.path.join(run, "results.json")
    r = json.load(open(results))
    t, lat = r["throughput"], r["latency"]
    cores = per = whole = float("nan")
    summary = os.path.join(run, "summary.md")
    found = re.search(r"^Server: ([0-9.]+) of a core .*?, ([0-9,]+) µs of its CPU per delivery",
                      open(summary).read() if os.path.isfile(summary) else "", re.M)
    if found:
        cores, per = float(found.group(1)), float(found.group(2).replace(",", ""))
    stats = os.path.join(run, "server-stats.jsonl")
    if os.path.isfile(stats):
        rows = [json.loads(line) for line in open(stats) if line.strip()]
        if len(rows) > 1:
            whole = (rows[-1]["cpuNanos"] - rows[0]["cpuNanos"]) / 1e3 / max(1, t["deliveries"])
    print(f"| {name} | {t['deliveriesPerSecond']:,.0f} | {lat['send']['p50']:.1f} | {lat['send']['p99']:.1f} "
          f"| {lat['deliver']['p99']:.1f} | {r['validity']} | {cores:.2f} | {per:,.0f} | {whole:,.0f} |")
EOF
