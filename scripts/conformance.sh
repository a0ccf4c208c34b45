#!/usr/bin/env bash
# The scenarios as a conformance suite against `./lab server` started with its defaults (rate limit,
# lockout, idle timeout), as the README tells users to run them. ./lab test runs this after verify.
# Usage: scripts/conformance.sh [MAVEN ARGS...]   (JAVA_HOME set; the jars built by verify)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
jar="$ROOT/system/target/chatlab-system.jar"
[ -f "$jar" ] || { echo "conformance: $jar is missing; build first (./lab build)" >&2; exit 1; }
work=$(mktemp -d)
server_pid=""
stop() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$jar" chatlab.server.ServerMain \
  --port 0 --db "$work/chatlab.db" >"$work/server.log" 2>&1 &
server_pid=$!
port=""
fingerprint=""
for _ in $(seq 1 600); do # up to 60 s for the JVM to start and print its whole banner
  if grep -q "Press Ctrl+C to stop." "$work/server.log"; then
    port=$(sed -n 's/.* listening on 127\.0\.0\.1:\([0-9][0-9]*\) .*/\1/p' "$work/server.log" | head -n 1)
    fingerprint=$(sed -n 's/.*certificate \(SHA256:[A-Za-z0-9+\/]*\).*/\1/p' "$work/server.log" | head -n 1)
    break
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "conformance: ./lab server did not start:" >&2
    cat "$work/server.log" >&2
    exit 1
  fi
  sleep 0.1
done
[ -n "$port" ] || { echo "conformance: ./lab server did not listen within 60 s" >&2; cat "$work/server.log" >&2; exit 1; }
echo "conformance: the scenarios against ./lab server with its defaults on tls://127.0.0.1:$port ($fingerprint)" >&2
./mvnw -B verify -pl scenarios -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ScenariosIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dchatlab.target="tls://127.0.0.1:$port" -Dchatlab.target.trust="$fingerprint" \
  -Dchatlab.reports="$ROOT/reports/scenarios/conformance" "$@"
