#!/usr/bin/env bash
# Installs Debian packages when this machine can (apt-get, and root or password-less sudo).
# Sourced by the scripts that install what the tests and the lab need.

# chatlab_apt_install PURPOSE PACKAGE...: installs the packages for PURPOSE; returns 1, saying why, when it cannot.
chatlab_apt_install() {
  local purpose="$1" sudo=""
  shift
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "lab: missing $*, and no apt-get to install them ($purpose)." >&2
    return 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"; else
      echo "lab: missing $*, and not root to install them ($purpose)." >&2
      return 1
    fi
  fi
  echo "lab: installing Debian's $* for $purpose (one time)..." >&2
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@"; } >/dev/null 2>&1; then
    echo "lab: installing $* failed ($purpose)." >&2
    return 1
  fi
}
