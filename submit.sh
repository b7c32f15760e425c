#!/usr/bin/env bash
# Runs the glorot-sweep application through spark-submit.
#
#   ./submit.sh [spark-submit options] plan|run|status|sql|report ARGS...   (--help on each subcommand)
#
# With SPARK_HOME set, uses $SPARK_HOME/bin/spark-submit (pass --master spark://..., yarn, k8s://...,
# --conf ...). Without it, runs Spark from the project's own jars (sweep-driver/target/spark-home/jars) with
# master local[*] unless --master is given, building the project first if needed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
app_jar="$root/sweep-driver/target/sweep-driver-0.1.0-SNAPSHOT-app.jar"
spark_jars="$root/sweep-driver/target/spark-home/jars"
main_class=org.glorotsweep.sweep.cli.Main

# Everything before the subcommand is for spark-submit; the subcommand and what follows is for the app.
spark_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    plan|run|status|sql|report|--help) break ;;
    *) spark_args+=("$1"); shift ;;
  esac
done
if [[ $# -eq 0 ]]; then
  echo "usage: $0 [spark-submit options] plan|run|status|sql|report ARGS... (--help on each)" >&2
  exit 2
fi

# JVM options the trainer and an in-process Spark need: the Vector API for the fast kernels, the module
# openings Spark's own launcher adds on Java 17+, and quiet Spark logging.
source "$root/scripts/spark-jvm-options.sh"
jvm_opts=(--add-modules=jdk.incubator.vector
  -Dlog4j2.configurationFile="$root/conf/log4j2.properties" "${spark_jvm_options[@]}")

if [[ -n "${SPARK_HOME:-}" ]]; then
  if [[ ! -f "$app_jar" ]]; then
    (cd "$root" && mvn -q -B -DskipTests package)
  fi
  exec "$SPARK_HOME/bin/spark-submit" \
    --driver-java-options "${jvm_opts[*]}" \
    --conf "spark.executor.extraJavaOptions=--add-modules=jdk.incubator.vector" \
    --class "$main_class" "${spark_args[@]}" "$app_jar" "$@"
fi

if [[ ! -f "$app_jar" || ! -d "$spark_jars" ]]; then
  echo "building glorot-sweep (first run only) ..." >&2
  (cd "$root" && mvn -q -B -DskipTests package)
fi
master=(--master "local[*]")
for arg in "${spark_args[@]}"; do
  if [[ "$arg" == --master || "$arg" == --master=* ]]; then master=(); fi
done
exec java "${jvm_opts[@]}" -cp "$spark_jars/*" org.apache.spark.deploy.SparkSubmit \
  "${master[@]}" \
  --conf "spark.executor.extraJavaOptions=--add-modules=jdk.incubator.vector" \
  --class "$main_class" "${spark_args[@]}" "$app_jar" "$@"
