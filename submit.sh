#!/usr/bin/env bash
# Runs the glorot-sweep application through spark-submit.
#
#   ./submit.sh [spark-submit options] plan|run|status|sql|report|reproduce ARGS...   (--help on each subcommand)
#
# With SPARK_HOME set, uses $SPARK_HOME/bin/spark-submit (pass --master spark://..., yarn, k8s://...,
# --conf ...). Without it, runs Spark from the project's own jars (sweep-driver/target/spark-home/jars) with
# master local[*] unless --master is given. Either way it builds the project first when the app jar is missing
# or older than a source file or POM.
#
# A local run (master local[...], or a standalone master on 127.0.0.1/localhost such as cluster.sh's) listens on
# 127.0.0.1 only: the driver, its block manager and Spark's UI. To listen elsewhere, set SPARK_LOCAL_IP to the
# address to bind (Spark's own variable: the one setting its UI honours), e.g. SPARK_LOCAL_IP=10.0.0.5.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$root/scripts/launch-settings.sh"
main_class=org.glorotsweep.sweep.cli.Main

# Everything before the subcommand is for spark-submit; the subcommand and what follows is for the app.
# spark-submit's options are checked here, by name, because spark-submit itself answers an unknown one with a
# stack trace; a word that is neither an option, an option's value nor a subcommand is an unknown subcommand.
usage="usage: $0 [spark-submit options] plan|run|status|sql|report|reproduce ARGS... (--help on each)"
spark_valued=(--master --deploy-mode --class --name --jars --packages --exclude-packages --repositories --files
  --archives --conf -c --properties-file --driver-memory --driver-java-options --driver-library-path
  --driver-class-path --executor-memory --executor-cores --driver-cores --total-executor-cores --num-executors
  --proxy-user --principal --keytab --queue --py-files --kill --status --remote)
spark_switches=(--verbose -v --supervise --version)
one_of() { local word="$1" each; shift; for each in "$@"; do [[ "$each" == "$word" ]] && return 0; done; return 1; }
fail_usage() { echo "submit.sh: $1" >&2; echo "$usage" >&2; exit 2; }
spark_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    plan|run|status|sql|report|reproduce|--help) break ;;
  esac
  if one_of "${1%%=*}" "${spark_valued[@]}" && [[ "$1" == *=* ]]; then
    spark_args+=("$1"); shift
  elif one_of "$1" "${spark_valued[@]}"; then
    [[ $# -ge 2 ]] || fail_usage "spark-submit option $1 needs a value"
    spark_args+=("$1" "$2"); shift 2
  elif one_of "$1" "${spark_switches[@]}"; then
    spark_args+=("$1"); shift
  elif [[ "$1" == -* ]]; then
    fail_usage "unknown spark-submit option '$1' (spark-submit --help lists them)"
  else
    fail_usage "unknown command '$1'; expected plan, run, status, sql, report or reproduce"
  fi
done
if [[ $# -eq 0 ]]; then
  echo "$usage" >&2
  exit 2
fi

# The master spark-submit will use: --master if given, else (with SPARK_HOME) spark.master from its
# spark-defaults.conf, else local[*].
master=
for ((i = 0; i < ${#spark_args[@]}; i++)); do
  case "${spark_args[i]}" in
    --master) master="${spark_args[i + 1]:-}" ;;
    --master=*) master="${spark_args[i]#--master=}" ;;
  esac
done
master_args=()
if [[ -z "$master" && -n "${SPARK_HOME:-}" ]]; then
  master="$(sed -n -E 's/^[[:space:]]*spark\.master[[:space:]=]+([^[:space:]]+).*$/\1/p' \
    "$SPARK_HOME/conf/spark-defaults.conf" 2>/dev/null | tail -n 1)"
fi
if [[ -z "$master" ]]; then
  master="local[*]"
  master_args=(--master "$master")
fi
if [[ "$master" =~ ^local(\[.*\])?$ || "$master" =~ ^local-cluster\[ ||
      "$master" =~ ^spark://(127\.[0-9.]+|localhost|\[::1\])(:[0-9]+)?$ ]]; then
  export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
fi

# JVM options the driver needs: the Vector API for the fast kernels, the module openings Spark's own launcher
# adds on Java 17+, and quiet Spark logging. Executors need nothing more: Spark 4.2's launcher starts every
# executor with the same flags (its JavaModuleOptions, which include the Vector API module).
jvm_opts=("$vector_api_flag" -Dlog4j2.configurationFile="$root/conf/log4j2.properties" "${spark_jvm_options[@]}")

# The jars are (re)built when missing or older than a source file or POM of the checkout, so a pull or an edit
# never runs yesterday's code.
stale_build() {
  [[ ! -f "$app_jar" || ! -d "$spark_home/jars" ]] ||
    [[ -n "$(find "$root/pom.xml" "$root/trainer-core" "$root/sweep-driver" \( -path '*/target' -prune \) -o \
      -type f \( -path '*/src/*' -o -name pom.xml \) -newer "$app_jar" -print -quit)" ]]
}

if [[ -n "${SPARK_HOME:-}" ]]; then
  if stale_build; then
    echo "building glorot-sweep (its jar is missing or older than the sources) ..." >&2
    (cd "$root" && mvn -q -B -DskipTests package)
  fi
  exec "$SPARK_HOME/bin/spark-submit" "${master_args[@]}" --driver-java-options "${jvm_opts[*]}" \
    --class "$main_class" "${spark_args[@]}" "$app_jar" "$@"
fi

if stale_build; then
  echo "building glorot-sweep (its jar is missing or older than the sources) ..." >&2
  (cd "$root" && mvn -q -B -DskipTests package)
fi
exec "$java_bin" "${jvm_opts[@]}" -cp "$spark_home/jars/*" org.apache.spark.deploy.SparkSubmit "${master_args[@]}" \
  --class "$main_class" "${spark_args[@]}" "$app_jar" "$@"
