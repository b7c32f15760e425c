#!/usr/bin/env bash
# Starts, inspects and stops a Spark standalone cluster on this machine: a master and N workers, each its own
# JVM on 127.0.0.1, run from the project's own Spark jars (sweep-driver/target/spark-home, built if missing).
#
#   ./cluster.sh start [--workers N] [--cores C] [--memory M] [--port P] [--ui-port P] [--dir DIR] [--timeout S]
#                      [--auth]
#   ./cluster.sh status [--dir DIR]
#   ./cluster.sh stop [--dir DIR]
#
# start waits until every worker has registered, then prints the master URL. Submit to it with an absolute or
# relative --output (relative paths resolve against the submitting directory):
#   ./submit.sh --master spark://127.0.0.1:7077 run conf/smoke.yaml
# Defaults: 1 worker offering 2 cores and 2g to executors, master port 7077, web UI port 8080, state under
# target/cluster (pid files, master.log, worker-N.log, and work/ with each executor's stdout and stderr).
#
# --auth turns on Spark's authentication (spark.authenticate) with a secret generated at start, and with it
# AES encryption of RPC traffic (spark.network.crypto.enabled) and of the applications' local spill and
# shuffle files (spark.io.encryption.enabled). The secret and these settings are written to
# DIR/spark-auth.conf, readable by its owner only, which the master and workers load and a submitting driver
# passes with --properties-file:
#   ./submit.sh --properties-file target/cluster/spark-auth.conf --master spark://127.0.0.1:7077 run CONFIG
# A driver without the secret is refused. The secret never appears on a command line or in a log.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$root/scripts/launch-settings.sh"
daemon_memory=512m
usage="usage: $0 start [--workers N] [--cores C] [--memory M] [--port P] [--ui-port P] [--dir DIR] [--timeout S]
                   [--auth]
       $0 status [--dir DIR]
       $0 stop [--dir DIR]"

fail() {
  echo "cluster.sh: $*" >&2
  exit 1
}

# Whether pid file $1 names a live process running Java class $2 (a stale file's pid may have been reused).
running() {
  [[ -f "$1" ]] && ps -p "$(cat "$1")" -o args= 2>/dev/null | grep -q -- "$2"
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Starts daemon $1 in the background: java with Spark's JVM options and jars, then the rest of the arguments
# (further JVM options, the main class and its arguments); its output goes to $1.log, its pid to $1.pid.
# A port that is taken fails the daemon instead of Spark moving it to the next port, away from its URL.
launch() {
  local name="$1"
  shift
  nohup "$java_bin" -Xmx"$daemon_memory" "${spark_jvm_options[@]}" -Dspark.port.maxRetries=0 \
    -cp "$spark_home/jars/*" "$@" \
    >"$dir/$name.log" 2>&1 </dev/null &
  echo $! >"$dir/$name.pid"
}

# Writes the properties file of an authenticated cluster (see --auth above; start removed any old one): created
# empty with mode 600 before the secret goes in, so no other user can read it at any moment.
write_auth_properties() {
  local secret
  secret="$(od -A n -t x1 -N 32 /dev/urandom | tr -d ' \n')"
  [[ ${#secret} -eq 64 ]] || fail "could not read a secret from /dev/urandom"
  (umask 077 && : >"$auth_properties")
  cat >>"$auth_properties" <<PROPERTIES
# Written by cluster.sh start --auth: this cluster's shared secret. Readable by its owner only; pass this file to
# submit.sh with --properties-file to run on the cluster.
spark.authenticate=true
spark.authenticate.secret=$secret
spark.network.crypto.enabled=true
spark.io.encryption.enabled=true
PROPERTIES
}

# The master's state as JSON, from its web UI (HTTP through bash's /dev/tcp: no client tool needed).
master_json() {
  local url response
  url="$(cat "$dir/ui.url")"
  response="$(exec 2>/dev/null 3<>"/dev/tcp/127.0.0.1/${url##*:}" &&
    printf 'GET /json/ HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && timeout 5 cat <&3)" || return 1
  [[ "$response" == "HTTP/1."?" 200 "* ]] || return 1
  printf '%s\n' "${response#*$'\r\n\r\n'}"
}

# A top-level field of the master's JSON (Spark pretty-prints it: top-level keys are indented by two spaces).
json_field() {
  sed -n -E "s/^  \"$2\" : \"?([^\",]*)\"?,?\$/\\1/p" <<<"$1"
}

# Stops daemon $1 (Java class $2) by its pid file: SIGTERM, then SIGKILL after 30 seconds.
stop_daemon() {
  local pid_file="$dir/$1.pid"
  if running "$pid_file" "$2"; then
    local pid
    pid="$(cat "$pid_file")"
    kill "$pid"
    for _ in $(seq 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "$1 (pid $pid) did not stop in 30 s; killing it" >&2
      kill -9 "$pid"
    fi
  fi
  rm -f "$pid_file"
}

stop_cluster() {
  local pid_file
  for pid_file in "$dir"/worker-*.pid; do
    if [[ -e "$pid_file" ]]; then
      stop_daemon "$(basename "$pid_file" .pid)" org.apache.spark.deploy.worker.Worker
    fi
  done
  stop_daemon master org.apache.spark.deploy.master.Master
  rm -f "$auth_properties"
}

# Polls until the master's JSON satisfies $1 (a function of the JSON text) or $timeout seconds pass; on failure
# prints the logs, stops the cluster and exits.
await() {
  local condition="$1" failure="$2 within $timeout s" deadline=$((SECONDS + timeout)) json
  while ((SECONDS < deadline)); do
    if ! running "$dir/master.pid" org.apache.spark.deploy.master.Master; then
      failure="$2: the master exited"
      break
    fi
    if json="$(master_json)" && "$condition" "$json"; then
      return 0
    fi
    sleep 1
  done
  local log
  for log in "$dir"/*.log; do
    echo "---- $log (last 40 lines)" >&2
    tail -n 40 "$log" >&2
  done
  stop_cluster
  fail "$failure"
}

master_alive() {
  [[ "$(json_field "$1" status)" == ALIVE ]]
}

workers_registered() {
  [[ "$(json_field "$1" aliveworkers)" == "$workers" ]]
}

start() {
  if running "$dir/master.pid" org.apache.spark.deploy.master.Master; then
    fail "a cluster is already running from $dir ($(cat "$dir/master.url")); stop it first"
  fi
  local p
  for p in "$port" "$ui_port"; do
    if port_in_use "$p"; then
      fail "port $p on 127.0.0.1 is in use; choose another with --port or --ui-port"
    fi
  done
  if [[ ! -f "$app_jar" || ! -d "$spark_home/jars" ]]; then
    echo "building glorot-sweep (first run only) ..." >&2
    (cd "$root" && mvn -q -B -DskipTests package)
  fi
  mkdir -p "$dir/work"
  rm -f "$dir"/*.log "$dir"/*.pid "$auth_properties"
  echo "spark://127.0.0.1:$port" >"$dir/master.url"
  echo "http://127.0.0.1:$ui_port" >"$dir/ui.url"
  local properties=() submit_properties=""
  if [[ "$auth" == yes ]]; then
    write_auth_properties
    properties=(--properties-file "$auth_properties")
    submit_properties="--properties-file $auth_properties "
  fi

  # The worker starts each executor from $SPARK_HOME/jars (it needs the Scala version to find them) and binds
  # it, like the daemons, to SPARK_LOCAL_IP.
  export SPARK_HOME="$spark_home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
  # The REST submission server is off: clients here submit in client mode, and it would need a third port.
  launch master -Dspark.master.rest.enabled=false org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$port" --webui-port "$ui_port" "${properties[@]}"
  await master_alive "the master did not come up"
  local i
  for i in $(seq "$workers"); do
    launch "worker-$i" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --webui-port 0 \
      --cores "$cores" --memory "$memory" --work-dir "$dir/work" "${properties[@]}" "$(cat "$dir/master.url")"
  done
  await workers_registered "not all $workers workers registered"
  echo "master $(cat "$dir/master.url") with $workers worker(s) of $cores cores and $memory; web UI $(cat "$dir/ui.url")"
  if [[ "$auth" == yes ]]; then
    echo "authentication and encryption on; the secret is in $auth_properties (mode 600)"
  fi
  echo "submit with: ./submit.sh $submit_properties--master $(cat "$dir/master.url") run CONFIG"
}

status() {
  if ! running "$dir/master.pid" org.apache.spark.deploy.master.Master; then
    echo "no cluster running from $dir"
    exit 1
  fi
  local json
  json="$(master_json)" || fail "the master (pid $(cat "$dir/master.pid")) does not answer on $(cat "$dir/ui.url")"
  echo "master $(cat "$dir/master.url") ($(json_field "$json" status)), web UI $(cat "$dir/ui.url")"
  if [[ -f "$auth_properties" ]]; then
    echo "authentication and encryption on: submit with --properties-file $auth_properties"
  else
    echo "authentication off"
  fi
  echo "workers alive: $(json_field "$json" aliveworkers); cores used: $(json_field "$json" coresused)/$(json_field "$json" cores); memory used (MB): $(json_field "$json" memoryused)/$(json_field "$json" memory)"
  echo "logs: $dir/*.log; executor logs: $dir/work"
}

[[ $# -ge 1 ]] || { echo "$usage" >&2; exit 2; }
command="$1"
shift
workers=1 cores=2 memory=2g port=7077 ui_port=8080 dir="$root/target/cluster" timeout=180 auth=no
while [[ $# -gt 0 ]]; do
  if [[ "$command $1" == "start --auth" ]]; then
    auth=yes
    shift
    continue
  fi
  [[ $# -ge 2 ]] || { echo "option $1 needs a value" >&2; echo "$usage" >&2; exit 2; }
  case "$command $1" in
    "start --workers") workers="$2" ;;
    "start --cores") cores="$2" ;;
    "start --memory") memory="$2" ;;
    "start --port") port="$2" ;;
    "start --ui-port") ui_port="$2" ;;
    "start --timeout") timeout="$2" ;;
    *" --dir") if [[ "$2" == /* ]]; then dir="$2"; else dir="$PWD/$2"; fi ;;
    *) echo "unknown option $1 for '$command'" >&2; echo "$usage" >&2; exit 2 ;;
  esac
  shift 2
done
for n in "$workers" "$cores" "$port" "$ui_port" "$timeout"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "'$n' is not a positive whole number" >&2; exit 2; }
done
[[ "$memory" =~ ^[1-9][0-9]*[mMgG]$ ]] || { echo "--memory '$memory': expected e.g. 2g or 512m" >&2; exit 2; }
auth_properties="$dir/spark-auth.conf"

case "$command" in
  start) start ;;
  status) status ;;
  stop) stop_cluster; echo "cluster under $dir stopped" ;;
  help | --help | -h) echo "$usage" ;;
  *) echo "$usage" >&2; exit 2 ;;
esac
