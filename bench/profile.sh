#!/usr/bin/env bash
# Where a real trial's time goes: one Shapeset trial of the paper's network (ShapesetTrialProfile, online
# data, learning curves at the start and end) under Java Flight Recorder, then each part of the step's share
# of the training thread's samples, in Java and in native code (bench/profile_table.py). See bench/README.md.
#
#   bench/profile.sh [PRECISION ACTIVATION DEPTH WIDTH UPDATES]    default: float32 tanh 5 1000 3000
set -euo pipefail
cd "$(dirname "$0")/.."
precision=${1:-float32} activation=${2:-tanh} depth=${3:-5} width=${4:-1000} updates=${5:-3000}

mvn -q -B -o -pl trainer-core test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt >&2
# a snapshot of the classes, so that a concurrent build cannot change them under the recording
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r trainer-core/target/classes trainer-core/target/test-classes "$work"/
classpath="$work/classes:$work/test-classes:$(cat trainer-core/target/bench-classpath.txt)"
source scripts/launch-settings.sh   # the Vector API flag
# JFR's profile settings, with threads in native code (StrictMath's fdlibm on Java 17) sampled as often as
# threads in Java code, so that the two kinds of samples weigh the same
jdk_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
sed '/jdk.NativeMethodSample/,/<\/event>/s/20 ms/10 ms/' "$jdk_home/lib/jfr/profile.jfc" > "$work/settings.jfc"
recording="$work/recording.jfr"
echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg);" \
  "$precision $activation ${depth}x$width, $updates updates" >&2
java "$vector_api_flag" -XX:StartFlightRecording=settings="$work/settings.jfc",filename="$recording" \
  -cp "$classpath" org.glorotsweep.core.bench.ShapesetTrialProfile \
  "$precision" "$activation" "$depth" "$width" "$updates" 2> >(grep -v 'incubator modules' >&2) >&2
jfr print --events jdk.ExecutionSample,jdk.NativeMethodSample --stack-depth 96 "$recording" \
  | bench/profile_table.py
