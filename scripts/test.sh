#!/usr/bin/env bash
# ./lab test: installs what the tests need when it is missing, then runs every test.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  cat <<'TXT'
Usage: ./lab test [MAVEN ARGS...]

Installs what the tests need when it is missing, then runs ./mvnw -B verify with any extra
arguments, for example:
  ./lab test                         every unit, integration and scenario test
  ./lab test -pl system              only the system module
  ./lab test -Dit.test=LockoutIT     one integration test class
TXT
  exit 0
fi
exec ./mvnw -B verify "$@"
