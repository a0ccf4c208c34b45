#!/usr/bin/env bash
# Installs Debian's chromium for the report tests when it is missing and this machine can.
# Sourced by scripts/test.sh. Without it, the browser checks are skipped with a reason.

# shellcheck source=scripts/apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

chatlab_install_chromium() {
  if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || [ -n "${CHROMIUM:-}" ]; then
    return 0
  fi
  chatlab_apt_install "the report's browser checks (skipped without it)" chromium || true
  return 0
}
