#!/usr/bin/env bash
# A/B of our step between an earlier commit and the working tree, measured in one run: rounds of
# TrainingBenchmark alternate A (the commit) and B (the working tree), A B A B ..., so that a change of the
# machine's load hits both; prints every measurement, then per network the median of each side over the
# rounds, their spread (min-max) and B/A. The load average is printed before and after. See bench/README.md.
# With --main, another benchmark class that prints lines of the same kind (tab-separated, the value last)
# alternates instead, with the remaining arguments as its own.
#
#   bench/ab.sh REV [--rounds 3] [TrainingBenchmark options: --precisions --activations --depths --widths
#                    --kernels --repetitions --seconds --warmup --clock]
#   bench/ab.sh HEAD~1 --precisions float64 --activations tanh,sigmoid --clock cpu
#   bench/ab.sh HEAD~1 --rounds 5 --main org.glorotsweep.core.bench.KernelCostBench 3
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n '2,12p' "$0"; exit 2; }
rev=$1; shift
rounds=3
if [ "${1:-}" = --rounds ]; then rounds=$2; shift 2; fi
if [ "${1:-}" = --main ]; then
  main=$2; shift 2
  options=("$@")
else
  main=org.glorotsweep.core.bench.TrainingBenchmark
  options=(--kernels vector --depths 5 --widths 1000 --repetitions 3 --seconds 1 --warmup 8 "$@")
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -q -B -o -pl trainer-core test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt >&2
mkdir "$work/B" "$work/A"
cp -r trainer-core/target/classes trainer-core/target/test-classes "$work/B"/
git archive "$rev" | tar -x -C "$work/A"
(cd "$work/A" && mvn -q -B -o -pl trainer-core test-compile >&2)
dependencies=$(cat trainer-core/target/bench-classpath.txt)
source scripts/launch-settings.sh   # the Vector API flag

results="$work/results.tsv"
echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); A = $rev" \
  "($(git rev-parse --short "$rev")), B = working tree" >&2
for round in $(seq "$rounds"); do
  for side in A B; do
    if [ "$side" = A ]; then classes="$work/A/trainer-core/target"; else classes="$work/B"; fi
    java "$vector_api_flag" -cp "$classes/classes:$classes/test-classes:$dependencies" \
        "$main" "${options[@]}" 2> >(grep -v 'incubator modules' >&2) \
      | sed "s/^/$side\t/" | tee -a "$results" >&2
  done
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
/usr/bin/python3 - "$results" <<'PYTHON'
import statistics, sys
from collections import defaultdict
rates = defaultdict(lambda: defaultdict(list))
for line in open(sys.argv[1]):
    side, *network, rate = line.rstrip("\n").split("\t")
    rates[tuple(network)][side].append(float(rate))
print("network\tA median (min-max)\tB median (min-max)\tB/A")
for network, sides in rates.items():
    a, b = statistics.median(sides["A"]), statistics.median(sides["B"])
    cells = [f"{statistics.median(v):.0f} ({min(v):.0f}-{max(v):.0f})" for v in (sides["A"], sides["B"])]
    print(" ".join(network), *cells, f"{b / a:.2f}", sep="\t")
PYTHON
