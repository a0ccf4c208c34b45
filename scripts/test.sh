#!/usr/bin/env bash
# ./lab test: installs what the tests need when it is missing, then runs every test.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  cat <<'TXT'
Usage: ./lab test [MAVEN ARGS...]

Installs what the tests need when it is missing (Toxiproxy, built with Go into .tools/bin;
Debian's chromium, for the report checks, where apt-get can; for the web client's browser tests,
Debian's chromium-driver and firefox-esr, and geckodriver built with cargo into .tools/bin;
Debian's mosquitto, ngircd, prosody and ejabberd, for the MQTT, IRC and XMPP drivers' tests, and tsung, for
the cross-check's),
then runs ./mvnw -B verify with
any extra arguments. Without arguments it then runs the scenarios once more as a conformance
suite against ./lab server started with its defaults (reports in reports/scenarios/conformance/),
and fuzzes every decoder of untrusted bytes for 10 seconds each (./lab fuzz; report in
system/target/fuzz-quick/). The fuzz tests also replay their committed inputs in every run.
For example:
  ./lab test                                  every unit, integration and scenario test, then conformance
  ./lab test -pl system                       only the system module
  ./lab test -pl system -Dit.test=LockoutIT   one integration test class
  ./lab test -pl scenarios -am -Dchatlab.target=127.0.0.1:4242
                                              the scenarios against a server you started
  ./lab test -pl scenarios -am -Dcucumber.filter.tags=@toxiproxy
                                              only the fault scenarios

  ./lab test -pl web -am -Dit.test='Chromium*IT,Firefox*IT' -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
                                              only the web client's browser tests

With CI=true, a missing Toxiproxy fails the run instead of skipping the fault scenarios, and a
missing browser or driver fails it instead of skipping the web client's browser tests.
TXT
  exit 0
fi
# shellcheck source=scripts/toxiproxy.sh
source "$ROOT/scripts/toxiproxy.sh"
# shellcheck source=scripts/chromium.sh
source "$ROOT/scripts/chromium.sh"
chatlab_install_chromium
# shellcheck source=scripts/browsers.sh
source "$ROOT/scripts/browsers.sh"
if ! chatlab_install_browsers "$ROOT"; then
  if [ "${CI:-}" = "true" ]; then
    echo "lab: Chromium, Firefox and their drivers are required in CI; stopping." >&2
    exit 1
  fi
  echo "lab: carrying on without them; the web client's browser tests will be skipped." >&2
fi
if ! chatlab_install_toxiproxy "$ROOT"; then
  if [ "${CI:-}" = "true" ]; then
    echo "lab: Toxiproxy is required in CI; stopping." >&2
    exit 1
  fi
  echo "lab: carrying on without Toxiproxy; the fault scenarios will be skipped." >&2
fi
# shellcheck source=scripts/peers.sh
source "$ROOT/scripts/peers.sh"
if ! chatlab_install_peers; then
  if [ "${CI:-}" = "true" ]; then
    echo "lab: mosquitto, ngircd, prosody and ejabberd are required in CI; stopping." >&2
    exit 1
  fi
  echo "lab: carrying on without mosquitto, ngircd, prosody or ejabberd; the MQTT, IRC and XMPP drivers' tests will be skipped." >&2
fi
if ! chatlab_install_tsung; then
  if [ "${CI:-}" = "true" ]; then
    echo "lab: Tsung is required in CI (the cross-check's test); stopping." >&2
    exit 1
  fi
  echo "lab: carrying on without Tsung; the cross-check's test will be skipped." >&2
fi
export PATH="$ROOT/.tools/bin:$PATH"
./mvnw -B verify "$@"
# With no arguments, the whole suite: the scenarios again, as a conformance suite against
# ./lab server started with its defaults, as users run them against their own servers.
if [ $# -eq 0 ]; then
  "$ROOT/scripts/conformance.sh"
  # A short fuzzing run of every target: a finding fails the run, and its input is kept.
  "$ROOT/scripts/fuzz.sh" --duration 10s --jobs 2 --out "$ROOT/system/target/fuzz-quick"
fi
