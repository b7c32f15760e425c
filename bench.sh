#!/usr/bin/env bash
# Training throughput of the paper's network (1024 inputs, depth x width tanh layers, or --activations, 10
# softmax units, batch 10, NLL, SGD): our trainer on each kernel and PyTorch (one thread) side by side, in
# examples/s (median of repetitions) with the ratio to PyTorch. See bench/README.md.
#
#   ./bench.sh                          the full table: float32 and float64, depths 1 3 5, widths 250 500 1000
#   ./bench.sh --quick                  depth 5, width 1000 only, fewer repetitions
#   ./bench.sh --depths 5 --widths 500,1000 --precisions float32 --repetitions 3 --seconds 1
#   ./bench.sh --trials 2               two trials at once, one per core: per-trial rate and ratio to one trial
#   ./bench.sh --trials 2 --clock cpu   the same per CPU-second of each trial's thread (on a shared machine)
#   ./bench.sh --quick --activations tanh,sigmoid,softsign    each activation against torch's
#   ./bench.sh --no-torch               our kernels only
#   ./bench.sh --rounds 5               five rounds per network, ours and torch alternating (3 by default)
#   ./bench.sh --quick --java-homes /usr/lib/jvm/java-17-openjdk-amd64,/usr/lib/jvm/temurin-25-jdk-amd64
#                                       ours on each JDK in turn (columns vector@17, vector@25), then torch
set -euo pipefail
cd "$(dirname "$0")"

precisions=float32,float64 activations=tanh depths=1,3,5 widths=250,500,1000 kernels=ejml,vector
repetitions=5 seconds=1.0 warmup=8 trials=1 clock=wall torch=yes rounds=3 java_homes=
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) depths=5 widths=1000 repetitions=3 ;;
    --rounds) rounds=$2; shift ;;
    --precisions) precisions=$2; shift ;;
    --activations) activations=$2; shift ;;
    --depths) depths=$2; shift ;;
    --widths) widths=$2; shift ;;
    --kernels) kernels=$2; shift ;;
    --repetitions) repetitions=$2; shift ;;
    --seconds) seconds=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --trials) trials=$2; shift ;;
    --clock) clock=$2; shift ;;
    --java-homes) java_homes=$2; shift ;;
    --no-torch) torch=no ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

python=/usr/bin/python3
if [ "$torch" = yes ] && ! "$python" -c 'import torch, numpy' 2>/dev/null; then
  echo "bench.sh: PyTorch is missing; install it with" >&2
  echo "  apt-get install python3-torch python3-numpy libopenblas0-pthread" >&2
  echo "or run with --no-torch" >&2
  exit 1
fi

# build trainer-core and its test classes (the benchmark lives there), and snapshot them so that a
# concurrent build cannot change the classes under a running measurement
mvn -q -B -o -pl trainer-core test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt >&2
snapshot=$(mktemp -d)
trap 'rm -rf "$snapshot"' EXIT
cp -r trainer-core/target/classes trainer-core/target/test-classes "$snapshot"/
classpath="$snapshot/classes:$snapshot/test-classes:$(cat trainer-core/target/bench-classpath.txt)"

source scripts/launch-settings.sh   # the java and the Vector API flag
results="$snapshot/results.tsv"
echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# each measurement line, tab-separated: round, precision, activation, depth, width, kernel, trials, examples/s
tag() { awk -v round="$round" '{ print round "\t" $0; fflush() }'; }
# the JVMs ours runs on: java_bin ($JAVA_HOME/bin/java, else the java on PATH), or each --java-homes entry's
# bin/java, its kernels then named after the JDK's feature version (vector@25)
javas=("$java_bin") labels=("")
if [ -n "$java_homes" ]; then
  javas=() labels=()
  for home in ${java_homes//,/ }; do
    [ -x "$home/bin/java" ] || { echo "bench.sh: --java-homes: $home/bin/java is not an executable" >&2; exit 2; }
    javas+=("$home/bin/java")
    labels+=("@$("$home/bin/java" -XshowSettings:properties -version 2>&1 |
      awk '$1 == "java.specification.version" { print $3 }')")
  done
fi
ours() {  # ours TRIALS PRECISION ACTIVATION DEPTH WIDTH, on each JVM in turn
  for ((jvm = 0; jvm < ${#javas[@]}; jvm++)); do
    "${javas[jvm]}" "$vector_api_flag" -cp "$classpath" org.glorotsweep.core.bench.TrainingBenchmark \
      --precisions "$2" --activations "$3" --depths "$4" --widths "$5" --kernels "$kernels" --trials "$1" \
      --repetitions "$repetitions" --seconds "$seconds" --warmup "$warmup" --clock "$clock" \
      2> >(grep -v 'incubator modules' >&2) |
      awk -v label="${labels[jvm]}" 'BEGIN { OFS = "\t" } { $5 = $5 label; print; fflush() }' FS='\t' |
      tag | tee -a "$results" >&2
  done
}
torch() {  # torch PRECISION ACTIVATION DEPTH WIDTH
  # one thread, torch's and OpenBLAS's; OPENBLAS_CORETYPE/L2_SIZE, set on some machines for old OpenBLAS
  # builds, are unset so that OpenBLAS picks its kernels for this processor
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \
    "$python" bench/torch_reference.py --precisions "$1" --activations "$2" --depths "$3" --widths "$4" \
    --repetitions "$repetitions" --seconds "$seconds" --warmup "$warmup" | tag | tee -a "$results" >&2
}
cores=$(nproc)
load_note() {  # prints the load average; warns when other work is over half the cores
  # the 1-minute average still counts the bench's own thread, busy until a moment ago: one of the load is ours
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  echo "# round $round of $1: load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  if awk -v l="$load" -v c="$cores" 'BEGIN { exit !(l - 1 > c / 2) }'; then
    echo "# WARNING: load average $load is more than the bench's own thread plus half of the $cores cores;" \
      "other work is skewing these figures" >&2
  fi
}
# network by network, in rounds that alternate ours and torch (A B A B ...), so that a change of load
# hits both sides; each ratio is taken within a round
for precision in ${precisions//,/ }; do
  for activation in ${activations//,/ }; do
    for depth in ${depths//,/ }; do
      for width in ${widths//,/ }; do
        for round in $(seq 1 "$rounds"); do
          load_note "$precision $activation $depth x $width"
          ours "$trials" "$precision" "$activation" "$depth" "$width"
          if [ "$trials" != 1 ]; then
            ours 1 "$precision" "$activation" "$depth" "$width"  # the one-trial rate the parallel one is compared with
          elif [ "$torch" = yes ]; then
            torch "$precision" "$activation" "$depth" "$width"
          fi
        done
      done
    done
  done
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$python" bench/table.py "$results"
