#!/usr/bin/env bash
# Finds a JDK of version 21 or newer and exports JAVA_HOME. Sourced by ./lab and .ci/run.
# Order: $JAVA_HOME, the java on the PATH, then the newest JDK under /usr/lib/jvm.

chatlab_jdk_major() { # prints the major version of the JDK at $1, or nothing
  local home="$1" version=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)"/\1/p' "$home/release")
  fi
  if [ -z "$version" ]; then
    version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')
  fi
  version=${version#1.}
  echo "${version%%[.+-]*}"
}

chatlab_find_jdk() {
  local candidates=() home major best="" best_major=0
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for home in "${candidates[@]}"; do
    major=$(chatlab_jdk_major "$home")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$home"
      return 0
    fi
  done
  for home in /usr/lib/jvm/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$home" ] || continue
    major=$(chatlab_jdk_major "$home")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$home"
      best_major=$major
    fi
  done
  [ -n "$best" ] && echo "$best"
}

chatlab_use_jdk() {
  local home
  home=$(chatlab_find_jdk) || true
  if [ -z "$home" ]; then
    echo "chatlab needs a JDK of version 21 or newer, and none was found." >&2
    echo "Looked at \$JAVA_HOME, the java on the PATH and /usr/lib/jvm. Install one (e.g. Temurin 21) or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$home"
  export PATH="$JAVA_HOME/bin:$PATH"
}
