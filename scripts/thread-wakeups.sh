#!/usr/bin/env bash
# Counts how often each thread of a running JVM is switched out, over a window, from /proc:
#   scripts/thread-wakeups.sh [--seconds N] PID [PID...]
# For each process, prints per thread (by its Java name, from jstack) the voluntary switches a
# second (the thread parked or slept: each one a wake-up later), the involuntary ones (it was
# preempted) and the cores of CPU it used. Run it during the measured load of a capacity run:
#   ./lab simulate unicast-capacity --out /tmp/run &   sleep 45
#   scripts/thread-wakeups.sh "$(pgrep -f chatlab.cmd.SimulateMain)" "$(pgrep -f chatlab.server.ServerMain)"
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_=10
usage() { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --seconds) SECONDS_="$2"; shift 2 ;;
    -*) echo "thread-wakeups: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || { usage >&2; exit 2; }
case "$SECONDS_" in ''|*[!0-9]*|0) echo "thread-wakeups: --seconds takes a whole number from 1" >&2; exit 2 ;; esac
for pid in "$@"; do
  [ -d "/proc/$pid" ] || { echo "thread-wakeups: no process $pid" >&2; exit 2; }
done
source "$ROOT/scripts/jdk.sh"
chatlab_use_jdk >/dev/null
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
snap() { # pid file: tid voluntary involuntary cpu-ticks
  for t in /proc/"$1"/task/*; do
    awk -v tid="${t##*/}" '/^voluntary_ctxt/{v=$2} /^nonvoluntary_ctxt/{n=$2} END{printf "%s %s %s ", tid, v, n}' "$t/status" 2>/dev/null \
      && awk '{print $14+$15}' "$t/stat" 2>/dev/null || true
  done > "$2"
}
for pid in "$@"; do snap "$pid" "$SCRATCH/$pid.a"; done
sleep "$SECONDS_"
for pid in "$@"; do snap "$pid" "$SCRATCH/$pid.b"; "$JAVA_HOME/bin/jstack" "$pid" > "$SCRATCH/$pid.j" 2>/dev/null || true; done
python3 - "$SCRATCH" "$SECONDS_" "$(getconf CLK_TCK)" "$@" <<'PY'
import re, sys
scratch, seconds, hz, pids = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
def load(path):
    rows = {}
    for line in open(path):
        f = line.split()
        if len(f) == 4:
            rows[f[0]] = [int(x) for x in f[1:]]
    return rows
for pid in pids:
    names = {}
    for line in open(f"{scratch}/{pid}.j"):
        m = re.match(r'"([^"]+)".*nid=(0x[0-9a-f]+|\d+)', line)
        if m:
            names[str(int(m.group(2), 0))] = m.group(1)
    a, b = load(f"{scratch}/{pid}.a"), load(f"{scratch}/{pid}.b")
    rows, vol, invol = [], 0, 0
    for tid, after in b.items():
        before = a.get(tid, [0, 0, 0])
        d = [after[i] - before[i] for i in range(3)]
        vol += d[0]; invol += d[1]
        rows.append((d[0], d[1], d[2], names.get(tid, "thread " + tid)))
    print(f"process {pid}: {vol / seconds:,.0f} voluntary and {invol / seconds:,.0f} involuntary switches a second")
    print("| thread | voluntary/s | involuntary/s | cores |")
    print("|---|---:|---:|---:|")
    for v, n, t, name in sorted(rows, reverse=True)[:10]:
        print(f"| {name} | {v / seconds:,.0f} | {n / seconds:,.0f} | {t / hz / seconds:.2f} |")
    print()
PY
