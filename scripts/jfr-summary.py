#!/usr/bin/env python3
"""Summarises a Java Flight Recorder file by frame: the top frames of the execution and native
method samples, then how many samples each chatlab, SQLite and Jackson frame appears in.

    scripts/jfr-summary.py RECORDING.jfr [--depth 64] [--keep 400]

It runs the JDK's `jfr print` (from $JAVA_HOME, or `jfr` on the PATH). Record with, for example,
LAB_JAVA_OPTS="-XX:StartFlightRecording=filename=server.jfr,settings=profile,\
jdk.ExecutionSample#period=2ms,jdk.NativeMethodSample#period=2ms" ./lab server ...
"""
import argparse
import collections
import os
import re
import shutil
import subprocess
import sys

KEEP = ("chatlab", "sqlite", "jackson.databind.ObjectMapper.write", "NativeDB")


def jfr_tool():
    home = os.environ.get("JAVA_HOME")
    if home and os.path.exists(os.path.join(home, "bin", "jfr")):
        return os.path.join(home, "bin", "jfr")
    found = shutil.which("jfr")
    if not found:
        sys.exit("jfr-summary: no jfr tool: set JAVA_HOME to a JDK")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("recording")
    parser.add_argument("--depth", type=int, default=64)
    parser.add_argument("--keep", type=int, default=400, help="inclusive frames to look through")
    args = parser.parse_args()
    if not os.path.isfile(args.recording):
        sys.exit(f"jfr-summary: {args.recording} is not a file")
    for event in ("jdk.ExecutionSample", "jdk.NativeMethodSample"):
        text = subprocess.run([jfr_tool(), "print", "--events", event, "--stack-depth", str(args.depth), args.recording],
                              check=True, capture_output=True, text=True).stdout
        samples = text.split(event + " {")[1:]
        top, inclusive = collections.Counter(), collections.Counter()
        for sample in samples:
            frames = re.findall(r"^\s+([\w.$<>]+)\(", sample, re.M)
            if frames:
                top[frames[0]] += 1
                inclusive.update(set(frames))
        print(f"===== {event} {len(samples)}")
        for frame, n in top.most_common(12):
            print(n, frame)
        print("--- inclusive chatlab/sqlite/jackson")
        for frame, n in inclusive.most_common(args.keep):
            if any(k in frame for k in KEEP):
                print(n, frame)


if __name__ == "__main__":
    main()
