#!/usr/bin/env bash
# A whole OrleansSweep cluster on this machine, loopback only: one scratch Redis and K silos (every silo hosts cell
# and sweep grains; there are no roles).
#
#   bash deploy/local-cluster.sh start [K]   publishes the silo and the sweep command, starts Redis + K silos (K = 2)
#   bash deploy/local-cluster.sh status      Redis, each silo's process and /health, the submit line
#   bash deploy/local-cluster.sh stop        SIGTERM to every silo, then Redis; SIGKILL whatever outlives the grace
#
# `start` prints the exact line to submit with, e.g.
#   out/local-cluster/bin/sweep/sweep submit SPEC --cluster redis://127.0.0.1:PORT --cluster-id ID
#
# Every start takes a fresh cluster id: a silo joining an old id would first wait for the stale membership rows of a
# crashed run to be declared dead. Redis runs on a free port with its own scratch folder, no RDB snapshots and no AOF
# (nothing here is meant to outlive `stop`; deploy/redis/redis.conf is the durable production setting).
#
# Environment: ORLEANSSWEEP_CLUSTER_DIR     scratch folder (default out/local-cluster): bin, redis, logs, pids
#              ORLEANSSWEEP_REDIS_PORT      Redis port on 127.0.0.1 (default: a free one)
#              ORLEANSSWEEP_CONCURRENCY     cells at once per silo (default: cores / K, at least 1)
#              ORLEANSSWEEP_START_TIMEOUT   seconds to wait for Redis and every silo's /health (default 120)
#              ORLEANSSWEEP_STOP_GRACE      seconds between SIGTERM and SIGKILL (default 30)
#              DOTNET                       the dotnet command used to publish (default dotnet)
#              OTEL_*                       passed on to the silos (traces and metrics; see deploy/otel/README.md)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$(realpath -m "${ORLEANSSWEEP_CLUSTER_DIR:-$root/out/local-cluster}")
start_timeout=${ORLEANSSWEEP_START_TIMEOUT:-120}
stop_grace=${ORLEANSSWEEP_STOP_GRACE:-30}
host=127.0.0.1
silo_command="$dir/bin/silo/orleanssweep-silo"

say() { echo "local-cluster: $*"; }
fail() { echo "local-cluster: $*" >&2; exit 1; }

# True when something accepts connections on 127.0.0.1:$1 (bash's /dev/tcp; a refused connect returns at once).
listening() { (exec 3<>"/dev/tcp/$host/$1") 2>/dev/null; }

# A port in 20000–32767 (below Linux's ephemeral range, so outgoing connections do not take it) that nothing listens on
# and that this start has not handed out yet; left in $port (no subshell, so $taken remembers it).
taken=" "
free_port() {
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 12768 ))
    if [[ "$taken" != *" $port "* ]] && ! listening "$port"; then
      taken+="$port "
      return 0
    fi
  done
  fail "no free port found in 20000-32767"
}

# The process with this pid is still one we started: a recycled pid must never be signalled.
ours() { # pid expected-name
  [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' < "/proc/$1/cmdline" | grep -qF -- "$2"
}

redis_ping() { # port: PONG within 2 s
  local reply=""
  { exec 3<>"/dev/tcp/$host/$1"; } 2>/dev/null || return 1
  printf 'PING\r\n' >&3
  read -r -t 2 reply <&3 || true
  exec 3>&- 3<&-
  [[ "$reply" == +PONG* ]]
}

health() { # port: "200" when the silo's /health answers Healthy within 2 s
  local status=""
  { exec 3<>"/dev/tcp/$host/$1"; } 2>/dev/null || return 1
  printf 'GET /health HTTP/1.0\r\nHost: %s\r\n\r\n' "$host" >&3
  read -r -t 2 _ status _ <&3 || true
  exec 3>&- 3<&-
  [ "$status" = "200" ]
}

publish() {
  say "publishing the silo and the sweep command into $dir/bin (log: $dir/logs/publish.log)"
  # No node reuse and no shared compiler: no build server outlives this script or holds its caller's output pipes.
  local flags=(-nologo -v:q -nodeReuse:false -p:UseSharedCompilation=false)
  {
    ${DOTNET:-dotnet} publish "$root/silo/OrleansSweep.Silo.csproj" -c Release -o "$dir/bin/silo" "${flags[@]}" &&
      ${DOTNET:-dotnet} publish "$root/client/OrleansSweep.Client.csproj" -c Release -o "$dir/bin/sweep" "${flags[@]}"
  } < /dev/null > "$dir/logs/publish.log" 2>&1 || { tail -n 30 "$dir/logs/publish.log" >&2; fail "publish failed"; }
}

start_redis() {
  command -v redis-server >/dev/null || fail "redis-server is not installed: apt-get install -y redis-server"
  mkdir -p "$dir/redis"
  local attempt
  for attempt in 1 2 3; do
    if [ -n "${ORLEANSSWEEP_REDIS_PORT:-}" ]; then port=$ORLEANSSWEEP_REDIS_PORT; else free_port; fi
    rm -f "$dir/redis/redis.pid"
    # Scratch: loopback only, protected mode, no snapshots, no append-only file, its own folder and log.
    redis-server --bind "$host" --port "$port" --protected-mode yes --daemonize yes \
      --pidfile "$dir/redis/redis.pid" --dir "$dir/redis" --logfile "$dir/logs/redis.log" \
      --save "" --appendonly no < /dev/null > /dev/null 2>&1 || true
    for _ in $(seq 1 $(( start_timeout * 5 > 50 ? 50 : start_timeout * 5 ))); do
      if [ -s "$dir/redis/redis.pid" ] && redis_ping "$port"; then
        cp "$dir/redis/redis.pid" "$dir/pids/redis.pid"
        redis_port=$port
        return 0
      fi
      sleep 0.2
    done
    [ -n "${ORLEANSSWEEP_REDIS_PORT:-}" ] && break
    say "Redis did not come up on port $port (attempt $attempt); trying another port"
  done
  tail -n 20 "$dir/logs/redis.log" >&2 2>/dev/null || true
  fail "Redis did not start (log: $dir/logs/redis.log)"
}

start_silo() { # name silo-port gateway-port dashboard-port concurrency
  local name=$1
  nohup "$silo_command" --name "$name" --redis "$host:$redis_port" --cluster-id "$cluster_id" \
    --address "$host" --silo-port "$2" --gateway-port "$3" --dashboard-host "$host" --dashboard-port "$4" \
    --concurrency "$5" --fast-failure-detection true < /dev/null > "$dir/logs/$name.log" 2>&1 &
  echo $! > "$dir/pids/$name.pid"
  echo "$name $2 $3 $4" >> "$dir/silos"
}

submit_line() {
  echo "$dir/bin/sweep/sweep submit SPEC --cluster redis://$host:$redis_port --cluster-id $cluster_id"
}

start() {
  local silos=${1:-2}
  if ! [[ "$silos" =~ ^[0-9]+$ ]] || [ "$silos" -lt 1 ] || [ "$silos" -gt 32 ]; then
    echo "usage: local-cluster.sh start [1 ≤ K ≤ 32]" >&2; exit 2
  fi
  for file in "$dir"/pids/*.pid; do
    [ -f "$file" ] || continue
    if ours "$(cat "$file")" "$silo_command" || ours "$(cat "$file")" redis-server; then fail "already started in $dir (run: bash deploy/local-cluster.sh stop)"; fi
  done
  rm -rf "$dir/pids" "$dir/logs" "$dir/redis" "$dir/silos" "$dir/cluster.env"
  mkdir -p "$dir/logs" "$dir/pids"
  local cores; cores=$(nproc)
  local concurrency=${ORLEANSSWEEP_CONCURRENCY:-$(( cores / silos > 0 ? cores / silos : 1 ))}
  publish
  start_redis
  cluster_id="local-$(date -u +%Y%m%d%H%M%S)-$RANDOM"
  printf 'REDIS_PORT=%s\nCLUSTER_ID=%s\n' "$redis_port" "$cluster_id" > "$dir/cluster.env"
  say "Redis on $host:$redis_port (scratch $dir/redis, no persistence), cluster id $cluster_id"
  local i silo gateway
  for i in $(seq 1 "$silos"); do
    free_port; silo=$port
    free_port; gateway=$port
    free_port
    start_silo "silo-$i" "$silo" "$gateway" "$port" "$concurrency"
  done
  say "waiting up to ${start_timeout} s for $silos silo(s) to join"
  local deadline=$(( SECONDS + start_timeout ))
  while read -r name _ _ dashboard; do
    until health "$dashboard"; do
      if ! ours "$(cat "$dir/pids/$name.pid")" "$silo_command"; then
        tail -n 30 "$dir/logs/$name.log" >&2
        stop; fail "silo $name exited during start (log: $dir/logs/$name.log)"
      fi
      if [ "$SECONDS" -ge "$deadline" ]; then
        tail -n 30 "$dir/logs/$name.log" >&2
        stop; fail "silo $name was not healthy within ${start_timeout} s (log: $dir/logs/$name.log)"
      fi
      sleep 0.5
    done
  done < "$dir/silos"
  while read -r name silo gateway dashboard; do
    say "$name: silo $host:$silo, gateway $host:$gateway, dashboard http://$host:$dashboard/dashboard"
  done < "$dir/silos"
  say "$silos silo(s) × $concurrency cell(s) at once; logs in $dir/logs"
  say "submit:  $(submit_line)"
}

stop() {
  local silos=() names=() file
  for file in "$dir"/pids/silo-*.pid; do
    [ -f "$file" ] || continue
    silos+=("$(cat "$file")"); names+=("$(basename "$file" .pid)")
  done
  # Silos first: they leave the membership table (in Redis) while Redis is still there.
  stop_pids "$silo_command" "${silos[@]}"
  rm -f "$dir"/pids/silo-*.pid "$dir/silos"
  if [ -f "$dir/pids/redis.pid" ]; then
    stop_pids redis-server "$(cat "$dir/pids/redis.pid")"
    rm -f "$dir/pids/redis.pid"
    names+=(redis)
  fi
  if [ ${#names[@]} -gt 0 ]; then say "stopped ${names[*]}"; else say "nothing to stop in $dir"; fi
}

stop_pids() { # expected-command-line-part pid... : SIGTERM, wait up to the grace period, then SIGKILL
  local expect=$1; shift
  local live=() pid
  [ $# -gt 0 ] || return 0
  for pid in "$@"; do
    if ours "$pid" "$expect"; then kill -TERM "$pid" 2>/dev/null && live+=("$pid"); fi
  done
  if [ ${#live[@]} -eq 0 ]; then return 0; fi
  local deadline=$(( SECONDS + stop_grace ))
  while [ "$SECONDS" -lt "$deadline" ]; do
    local alive=0
    for pid in "${live[@]}"; do ours "$pid" "$expect" && alive=1; done
    if [ "$alive" -eq 0 ]; then return 0; fi
    sleep 0.2
  done
  for pid in "${live[@]}"; do
    if ours "$pid" "$expect"; then
      say "pid $pid outlived the ${stop_grace} s grace period: SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  for _ in $(seq 1 25); do
    local alive=0
    for pid in "${live[@]}"; do ours "$pid" "$expect" && alive=1; done
    if [ "$alive" -eq 0 ]; then return 0; fi
    sleep 0.2
  done
  fail "pids ${live[*]} survived SIGKILL"
}

status() {
  if [ ! -f "$dir/cluster.env" ]; then say "no cluster in $dir"; return 0; fi
  redis_port=$(sed -n 's/^REDIS_PORT=//p' "$dir/cluster.env"); cluster_id=$(sed -n 's/^CLUSTER_ID=//p' "$dir/cluster.env")
  if [ -f "$dir/pids/redis.pid" ] && redis_ping "$redis_port"; then
    say "Redis: running on $host:$redis_port (pid $(cat "$dir/pids/redis.pid")), cluster id $cluster_id"
  else
    say "Redis: NOT running (log: $dir/logs/redis.log)"
  fi
  if [ ! -f "$dir/silos" ]; then return 0; fi
  while read -r name silo gateway dashboard; do
    local pid; pid=$(cat "$dir/pids/$name.pid" 2>/dev/null || echo 0)
    if ! ours "$pid" "$silo_command"; then
      say "$name: DEAD (log: $dir/logs/$name.log)"
    elif health "$dashboard"; then
      say "$name: healthy (pid $pid), silo $host:$silo, gateway $host:$gateway, dashboard http://$host:$dashboard/dashboard"
    else
      say "$name: running but not healthy (pid $pid; log: $dir/logs/$name.log)"
    fi
  done < "$dir/silos"
  say "submit:  $(submit_line)"
}

case "${1:-}" in
  start) start "${2:-2}" ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: local-cluster.sh start [K] | status | stop" >&2; exit 2 ;;
esac
