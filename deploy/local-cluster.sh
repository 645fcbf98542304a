#!/usr/bin/env bash
# A whole OrleansSweep cluster on this machine, loopback only: RabbitMQ, one coordinator silo and K worker silos.
#
#   bash deploy/local-cluster.sh start [K]   publishes the silo and the sweep command, starts everything (K = 2)
#   bash deploy/local-cluster.sh status      broker queues and silo processes
#   bash deploy/local-cluster.sh stop        stops the silos (running cells are handed back), then the broker
#
# Then, e.g.:  out/local-cluster/bin/sweep/sweep submit examples/gated-chaos.json --cluster rabbitmq://127.0.0.1:5672/
#
# Environment: ORLEANSSWEEP_CLUSTER_DIR  scratch folder (default out/local-cluster): binaries, broker, data, logs
#              ORLEANSSWEEP_AMQP_PORT    broker port on 127.0.0.1 (default 5672; choose another if it is taken)
#              ORLEANSSWEEP_CONCURRENCY  cells per worker silo (default: cores / K, at least 1)
#              DOTNET                    the dotnet command used to publish (default dotnet)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$(realpath -m "${ORLEANSSWEEP_CLUSTER_DIR:-$root/out/local-cluster}")
port=${ORLEANSSWEEP_AMQP_PORT:-5672}
broker="bash $root/deploy/rabbitmq/broker.sh"
stop_timeout=30

say() { echo "local-cluster: $*"; }

publish() {
  say "publishing the silo and the sweep command into $dir/bin"
  ${DOTNET:-dotnet} publish "$root/silo/OrleansSweep.Silo.csproj" -c Release -o "$dir/bin/silo" -nologo -v:q >/dev/null
  ${DOTNET:-dotnet} publish "$root/client/OrleansSweep.Client.csproj" -c Release -o "$dir/bin/sweep" -nologo -v:q >/dev/null
}

start_silo() { # name role [extra args]
  local name=$1 role=$2; shift 2
  nohup "$dir/bin/silo/orleanssweep-silo" --role "$role" --name "$name" --broker "rabbitmq://127.0.0.1:$port/" \
    --stop-timeout "$stop_timeout" "$@" > "$dir/logs/$name.log" 2>&1 &
  echo $! > "$dir/pids/$name.pid"
}

start() {
  local workers=${1:-2}
  [[ "$workers" =~ ^[0-9]+$ ]] && [ "$workers" -ge 1 ] || { echo "usage: local-cluster.sh start [K ≥ 1]" >&2; exit 2; }
  if ls "$dir"/pids/*.pid >/dev/null 2>&1; then say "already started in $dir (stop it first)"; exit 1; fi
  local concurrency=${ORLEANSSWEEP_CONCURRENCY:-$(( $(nproc) / workers > 0 ? $(nproc) / workers : 1 ))}
  $broker install
  mkdir -p "$dir/logs" "$dir/pids" "$dir/data"
  publish
  say "starting RabbitMQ on 127.0.0.1:$port (scratch $dir/broker)"
  $broker start "$dir/broker" "$port"
  start_silo coordinator coordinator --data "$dir/data"
  for i in $(seq 1 "$workers"); do
    start_silo "worker-$i" worker --concurrency "$concurrency"
  done
  say "coordinator + $workers worker silo(s) × $concurrency cell(s) at once; logs in $dir/logs"
  say "submit:  $dir/bin/sweep/sweep submit SPEC --cluster rabbitmq://127.0.0.1:$port/"
  say "follow:  $dir/bin/sweep/sweep watch ID --cluster rabbitmq://127.0.0.1:$port/"
}

stop() {
  local pids=()
  for file in "$dir"/pids/*.pid; do
    [ -f "$file" ] || continue
    local pid; pid=$(cat "$file")
    kill -TERM "$pid" 2>/dev/null && pids+=("$pid")
    rm -f "$file"
  done
  # SIGTERM lets running cells finish within the stop timeout, else hands their commands back to the broker.
  for _ in $(seq 1 $(( (stop_timeout + 20) * 5 ))); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && break
    sleep 0.2
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  [ ${#pids[@]} -gt 0 ] && say "stopped ${#pids[@]} silo(s)"
  if [ -f "$dir/broker/port" ]; then $broker stop "$dir/broker" && say "stopped RabbitMQ"; fi
}

status() {
  if [ -f "$dir/broker/port" ] && $broker running "$dir/broker"; then
    say "RabbitMQ listens on 127.0.0.1:$(cat "$dir/broker/port")"
    $broker ctl "$dir/broker" list_queues name messages_ready messages_unacknowledged consumers 2>/dev/null \
      | awk -F'\t' '$1 != "name" && NF == 4 { printf "  queue %-50s ready %s, unacked %s, consumers %s\n", $1, $2, $3, $4 }' || true
  else
    say "RabbitMQ is not running"
  fi
  for file in "$dir"/pids/*.pid; do
    [ -f "$file" ] || continue
    local name; name=$(basename "$file" .pid)
    if kill -0 "$(cat "$file")" 2>/dev/null; then say "silo $name: running (pid $(cat "$file"))"; else say "silo $name: DEAD (see $dir/logs/$name.log)"; fi
  done
}

case "${1:-}" in
  start) start "${2:-2}" ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: local-cluster.sh start [K] | status | stop" >&2; exit 2 ;;
esac
