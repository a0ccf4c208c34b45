#!/usr/bin/env bash
# Installs what the web client's browser tests need when it is missing: Debian's chromium and
# chromium-driver, Debian's firefox-esr, and geckodriver (built with cargo into .tools/bin).
# Sourced by scripts/test.sh. Returns 1 when something is still missing afterwards; test.sh
# stops then under CI=true, and otherwise the browser tests skip with a reason.

# shellcheck source=scripts/apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

CHATLAB_GECKODRIVER_VERSION="${CHATLAB_GECKODRIVER_VERSION:-0.36.0}"

chatlab_browsers_missing() { # prints what is missing, one name per line
  local root="$1"
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || echo chromium
  [ -x /usr/bin/chromedriver ] || command -v chromedriver >/dev/null 2>&1 || echo chromium-driver
  command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1 || echo firefox-esr
  [ -x "$root/.tools/bin/geckodriver" ] || command -v geckodriver >/dev/null 2>&1 || echo geckodriver
}

chatlab_install_browsers() {
  local root="$1" missing packages=() cargo
  missing="$(chatlab_browsers_missing "$root")"
  [ -z "$missing" ] && return 0
  for name in chromium chromium-driver firefox-esr; do
    if grep -qx "$name" <<<"$missing"; then packages+=("$name"); fi
  done
  if [ ${#packages[@]} -gt 0 ]; then
    chatlab_apt_install "the browser tests" "${packages[@]}" || true
  fi
  if grep -qx geckodriver <<<"$missing"; then
    cargo="$(command -v cargo || true)"
    [ -z "$cargo" ] && [ -x "$HOME/.cargo/bin/cargo" ] && cargo="$HOME/.cargo/bin/cargo"
    if [ -z "$cargo" ]; then
      echo "lab: geckodriver is missing and cargo is not installed to build it (https://rustup.rs)." >&2
    else
      echo "lab: building geckodriver $CHATLAB_GECKODRIVER_VERSION into .tools/bin (one time)..." >&2
      "$cargo" install --locked --quiet --root "$root/.tools" --version "$CHATLAB_GECKODRIVER_VERSION" geckodriver >&2 \
        || echo "lab: building geckodriver failed; see the messages above." >&2
    fi
  fi
  missing="$(chatlab_browsers_missing "$root")"
  if [ -n "$missing" ]; then
    echo "lab: still missing for the browser tests: $(tr '\n' ' ' <<<"$missing")" >&2
    return 1
  fi
  return 0
}
