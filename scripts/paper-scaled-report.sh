#!/usr/bin/env bash
# Writes the committed report of the scaled paper run (conf/paper-scaled.yaml) into results/paper-scaled/:
# index.html and one CSV per table and figure, made by `./submit.sh report` from the sweep's output.
#
#   scripts/paper-scaled-report.sh [OUTPUT]
#
# OUTPUT is the run's output location (default: target/sweeps, the config's `output`), e.g. after
#   ./submit.sh run conf/paper-scaled.yaml --output /tmp/paper-scaled
#   scripts/paper-scaled-report.sh /tmp/paper-scaled
# The report replaces the folder's previous contents. It says how many trials were committed and with which
# status (section "Trials committed, by status"): a report of a sweep still running is a partial report, and
# the script then stops with exit code 3 unless --partial is given. Last, it prints the report's Shapeset
# Table 1 beside the paper's as a Markdown table, for the README.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sweep=paper-scaled
config="$root/conf/paper-scaled.yaml"
dest="$root/results/paper-scaled"
partial=false
output=
for arg in "$@"; do
  case "$arg" in
    --partial) partial=true ;;
    -*) echo "paper-scaled-report.sh: unknown option '$arg'; usage: $0 [--partial] [OUTPUT]" >&2; exit 2 ;;
    *) output="$arg" ;;
  esac
done
output="${output:-$root/target/sweeps}"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
"$root/submit.sh" report "$output" --sweep "$sweep" --out "$scratch/report"

# Trials the config plans (plan's "N trials, about ..." line) against those committed (the report's status table).
planned="$("$root/submit.sh" plan "$config" 2>/dev/null | sed -n 's/^\([0-9][0-9]*\) trials, about .*/\1/p')"
if [[ -z "$planned" ]]; then
  echo "paper-scaled-report.sh: '$root/submit.sh plan $config' did not say how many trials it plans" >&2
  exit 2
fi
committed="$(tail -n +2 "$scratch/report/trial_status.csv" | awk -F, '{n += $2} END {print n + 0}')"
echo "sweep $sweep: $committed of $planned planned trials committed"
if [[ "$committed" -lt "$planned" && "$partial" != true ]]; then
  echo "paper-scaled-report.sh: the sweep is not finished; nothing written (--partial writes it anyway)" >&2
  exit 3
fi

rm -rf "$dest"
mkdir -p "$dest"
cp "$scratch/report/"* "$dest/"
du -sh "$dest"

# Table 1 on Shapeset, ours beside the paper's, in percent (table1.csv: RFC 4180 with CRLF; no field of a
# Shapeset row holds a comma).
awk -F, '
  { sub(/\r$/, "") }
  NR == 1 {
    for (i = 1; i <= NF; i++) col[$i] = i
    print "| Model | paper | ours (mean) | std over repeats | 95% interval | ours - paper | worse than best of column (z-test) | learning rate (grid) |"
    print "|---|---|---|---|---|---|---|---|"
    next
  }
  $col["dataset"] == "shapeset" {
    if ($col["our_error_percent"] == "") {
      printf "| %s | %.2f | missing | | | | | |\n", $col["model"], $col["paper_error_percent"]
      next
    }
    std = $col["our_std_percent"] == "" ? "n/a (" $col["repeats"] " repeat)" : sprintf("%.2f", $col["our_std_percent"])
    interval = $col["our_low95_percent"] == "" ? "unknown" \
        : sprintf("%.2f-%.2f", $col["our_low95_percent"], $col["our_high95_percent"])
    edge = $col["lr_at_grid_edge"] == "true" ? "; at the grid edge" : ""
    grid = $col["lr_grid"]
    gsub(/;/, ", ", grid)
    printf "| %s | %.2f | %.2f | %s | %s | %+.2f | %s | %s (%s%s) |\n", $col["model"], $col["paper_error_percent"],
        $col["our_error_percent"], std, interval, $col["difference"], $col["worse_than_best_of_column"] == "true" ? "yes" : "no",
        $col["learning_rate"], grid, edge
  }' "$dest/table1.csv"
