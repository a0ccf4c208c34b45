#!/usr/bin/env bash
# Installs the other chat servers the lab drives, from Debian's packages, when they are missing.
# Sourced by ./lab test and ./lab simulate. Nothing is started here: the lab starts each server on a
# free loopback port with the configuration in simulator/src/main/resources/peers/, and stops it.
# shellcheck source=scripts/apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

chatlab_install_peers() { # installs mosquitto (MQTT) when missing; returns 1 when it cannot
  [ -x /usr/sbin/mosquitto ] || command -v mosquitto >/dev/null 2>&1 && return 0
  chatlab_apt_install "the MQTT driver's tests and --server mosquitto" mosquitto
}
