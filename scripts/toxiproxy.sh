#!/usr/bin/env bash
# Installs the Toxiproxy server when it is missing. Sourced by ./lab; prints nothing when it is there.
# Toxiproxy ships no package here, so it is built from the Go module proxy and renamed
# toxiproxy-server (the module builds a binary called "server"). It goes into .tools/bin.

CHATLAB_TOXIPROXY_VERSION="${CHATLAB_TOXIPROXY_VERSION:-v2.5.0}"

chatlab_toxiproxy_path() { # prints the toxiproxy-server to use, or nothing
  local root="$1"
  if [ -x "$root/.tools/bin/toxiproxy-server" ]; then
    echo "$root/.tools/bin/toxiproxy-server"
  elif command -v toxiproxy-server >/dev/null 2>&1; then
    command -v toxiproxy-server
  fi
}

chatlab_install_toxiproxy() {
  local root="$1" bin tmp
  [ -n "${TOXIPROXY_URL:-}" ] && return 0 # an external Toxiproxy is configured
  [ -n "$(chatlab_toxiproxy_path "$root")" ] && return 0
  if ! command -v go >/dev/null 2>&1; then
    echo "lab: Toxiproxy is missing and Go is not installed to build it." >&2
    echo "     Install Go (https://go.dev/dl/), or put toxiproxy-server on the PATH, or set TOXIPROXY_URL." >&2
    return 1
  fi
  bin="$root/.tools/bin"
  tmp=$(mktemp -d)
  echo "lab: installing Toxiproxy $CHATLAB_TOXIPROXY_VERSION into .tools/bin (one time)..." >&2
  if ! GOBIN="$tmp" GOFLAGS=-buildvcs=false go install "github.com/Shopify/toxiproxy/v2/cmd/server@$CHATLAB_TOXIPROXY_VERSION" >&2; then
    rm -rf "$tmp"
    echo "lab: building Toxiproxy failed; see the messages above." >&2
    return 1
  fi
  mkdir -p "$bin"
  mv "$tmp/server" "$bin/toxiproxy-server"
  rm -rf "$tmp"
}
