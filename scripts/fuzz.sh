#!/usr/bin/env bash
# ./lab fuzz: builds the test classes and their class paths, then runs chatlab.cmd.FuzzMain.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
for arg in "$@"; do
  case "$arg" in
    -h|--help|-V|--version)
      exec "$JAVA_HOME/bin/java" -cp "$ROOT/simulator/target/chatlab-simulator.jar" chatlab.cmd.FuzzMain "$@" ;;
  esac
done
echo "lab: building the fuzz targets..." >&2
# The targets are test classes: compile them, and write each module's test class path for the fuzzing JVMs.
./mvnw -q -B -DskipTests -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz.classpath \
  package dependency:build-classpath -pl system,simulator >&2
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED ${LAB_JAVA_OPTS:-} \
  -cp "$ROOT/simulator/target/chatlab-simulator.jar" chatlab.cmd.FuzzMain --root="$ROOT" "$@"
