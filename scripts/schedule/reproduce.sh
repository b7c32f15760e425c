#!/usr/bin/env bash
# One scheduled reproduction run, the command every recipe in this folder runs:
#
#   cd "$GLOROT_SWEEP_HOME" && ./submit.sh $SPARK_OPTIONS reproduce "$REPRODUCE_OUTPUT" $REPRODUCE_OPTIONS
#
# from the variables of an environment file (local.env, cluster.env). Its exit code is reproduce's: 0 every
# trial identical or within tolerance, 1 some drifted or failed, 2 the command failed (4: a sweep driver holds
# the sweep), so systemd marks the service failed, and cron mails, when results no longer stand. Its last line
# of output is reproduce's one-line summary.
set -uo pipefail
: "${GLOROT_SWEEP_HOME:?set GLOROT_SWEEP_HOME to the glorot-sweep checkout}"
: "${REPRODUCE_OUTPUT:?set REPRODUCE_OUTPUT to the sweep output to reproduce}"
read -r -a spark_options <<< "${SPARK_OPTIONS:-}"
read -r -a reproduce_options <<< "${REPRODUCE_OPTIONS:-}"
cd "$GLOROT_SWEEP_HOME" || exit 2
exec ./submit.sh "${spark_options[@]}" reproduce "$REPRODUCE_OUTPUT" "${reproduce_options[@]}"
