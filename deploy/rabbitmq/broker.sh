#!/usr/bin/env bash
# A private RabbitMQ node on 127.0.0.1 with its own scratch folder: no systemd, nothing under /var/lib/rabbitmq.
# Used by deploy/local-cluster.sh and by the integration tests (tests/OrleansSweep.Cluster.Tests).
#
#   broker.sh install            installs Debian's rabbitmq-server if it is missing (apt-get; sudo when not root)
#   broker.sh start DIR [PORT]   starts the node (AMQP on 127.0.0.1:PORT, default 5672) and waits until it listens
#   broker.sh stop DIR           stops the node (rabbitmqctl stop) and epmd (when no other node uses it)
#   broker.sh ctl DIR ARGS...    runs rabbitmqctl against the node (e.g. list_queues name messages consumers)
#   broker.sh running DIR        exit code 0 when the node's port answers
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${RABBITMQ_BIN:-/usr/lib/rabbitmq/bin}
loopback_erl_args="-kernel inet_dist_use_interface {127,0,0,1}"

die() { echo "broker.sh: $*" >&2; exit 1; }

install_broker() {
  [ -x "$bin/rabbitmq-server" ] && return 0
  echo "broker.sh: installing rabbitmq-server (Debian package) ..." >&2
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq rabbitmq-server >/dev/null \
    || die "could not install rabbitmq-server; install it with: sudo apt-get install rabbitmq-server"
}

# Every setting that would otherwise point at /etc, /var or the machine's network, for node DIR on PORT.
node_env() {
  local dir=$1 port=$2
  export HOME="$dir" ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$port" RABBITMQ_DIST_PORT=$((port + 20000)) \
    RABBITMQ_NODENAME="orleanssweep-$port@localhost" \
    RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" RABBITMQ_PID_FILE="$dir/rabbitmq.pid" \
    RABBITMQ_CONFIG_FILE="${ORLEANSSWEEP_RABBITMQ_CONF:-$here/rabbitmq.conf}" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" RABBITMQ_PLUGINS_EXPAND_DIR="$dir/plugins-expand" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="$loopback_erl_args" RABBITMQ_CTL_ERL_ARGS="$loopback_erl_args"
}

port_of() { [ -f "$1/port" ] || die "no broker was started in $1"; cat "$1/port"; }
answers() { (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  local dir=$1 port=${2:-5672}
  [ -x "$bin/rabbitmq-server" ] || die "rabbitmq-server is not installed; run: bash $here/broker.sh install (or sudo apt-get install rabbitmq-server)"
  answers "$port" && die "port $port on 127.0.0.1 is taken (another RabbitMQ?); stop it, or choose another port (ORLEANSSWEEP_AMQP_PORT=5673)"
  mkdir -p "$dir/log" && echo "$port" > "$dir/port"
  node_env "$dir" "$port"
  nohup "$bin/rabbitmq-server" > "$dir/log/server.out" 2>&1 &
  echo $! > "$dir/server.pid"
  # Ready when the AMQP port listens (~5-7 s); rabbitmqctl await_startup called too early exits 69.
  for _ in $(seq 1 300); do
    answers "$port" && return 0
    kill -0 "$(cat "$dir/server.pid")" 2>/dev/null || { tail -n 20 "$dir/log/server.out" >&2; die "rabbitmq-server exited; log in $dir/log"; }
    sleep 0.2
  done
  die "rabbitmq-server did not listen on 127.0.0.1:$port within 60 s; log in $dir/log"
}

stop() {
  local dir=$1 port; port=$(port_of "$dir")
  node_env "$dir" "$port"
  if [ -f "$dir/rabbitmq.pid" ] && kill -0 "$(cat "$dir/rabbitmq.pid")" 2>/dev/null; then
    "$bin/rabbitmqctl" -q stop "$dir/rabbitmq.pid" >/dev/null 2>&1 || kill "$(cat "$dir/rabbitmq.pid")" 2>/dev/null || true
  fi
  # epmd refuses to die while another node (another cluster, a test broker) is registered: that one keeps it.
  epmd -kill >/dev/null 2>&1 || true
}

ctl() { local dir=$1; shift; node_env "$dir" "$(port_of "$dir")"; "$bin/rabbitmqctl" -q "$@"; }

case "${1:-}" in
  install) install_broker ;;
  start) [ $# -ge 2 ] || die "usage: broker.sh start DIR [PORT]"; start "$2" "${3:-5672}" ;;
  stop) [ $# -ge 2 ] || die "usage: broker.sh stop DIR"; stop "$2" ;;
  ctl) [ $# -ge 3 ] || die "usage: broker.sh ctl DIR ARGS..."; dir=$2; shift 2; ctl "$dir" "$@" ;;
  running) [ $# -ge 2 ] || die "usage: broker.sh running DIR"; answers "$(port_of "$2")" ;;
  *) die "usage: broker.sh install | start DIR [PORT] | stop DIR | ctl DIR ARGS... | running DIR" ;;
esac
