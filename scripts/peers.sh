#!/usr/bin/env bash
# Installs the other chat servers the lab drives, from Debian's packages, when they are missing.
# Sourced by ./lab test, ./lab simulate and ./lab compare. Nothing is started here: the lab starts each
# server on a free loopback port with the configuration in simulator/src/main/resources/peers/, and
# stops it.
# shellcheck source=scripts/apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

# chatlab_peer_installed PROGRAM: whether the server program is on this machine.
chatlab_peer_installed() {
  [ -x "/usr/sbin/$1" ] || command -v "$1" >/dev/null 2>&1
}

chatlab_install_peers() { # installs mosquitto (MQTT), ngircd (IRC), prosody and ejabberd (XMPP) when missing; returns 1 when it cannot
  local missing=()
  chatlab_peer_installed mosquitto || missing+=(mosquitto)
  chatlab_peer_installed ngircd || missing+=(ngircd)
  chatlab_peer_installed prosody || missing+=(prosody)
  chatlab_peer_installed ejabberdctl || missing+=(ejabberd)
  [ ${#missing[@]} -eq 0 ] && return 0
  chatlab_apt_install "the MQTT, IRC and XMPP drivers' tests and --server mosquitto|ngircd|prosody|ejabberd" "${missing[@]}"
}

chatlab_install_tsung() { # installs Tsung (the load tool ./lab crosscheck sets beside the lab) when missing; returns 1 when it cannot
  chatlab_peer_installed tsung && return 0
  chatlab_apt_install "./lab crosscheck and its test" tsung
}
