#!/usr/bin/env bash
# Installs Debian's chromium for the report tests when it is missing and this machine can.
# Sourced by scripts/test.sh. Without it, the browser checks are skipped with a reason.

chatlab_install_chromium() {
  if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || [ -n "${CHROMIUM:-}" ]; then
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "lab: no Chromium, and no apt-get to install it: the report's browser checks will be skipped." >&2
    return 0
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"; else
      echo "lab: no Chromium, and not root to install it: the report's browser checks will be skipped." >&2
      return 0
    fi
  fi
  echo "lab: installing Debian's chromium for the report tests (one time)..." >&2
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium; } >/dev/null 2>&1; then
    echo "lab: installing chromium failed: the report's browser checks will be skipped." >&2
  fi
  return 0
}
