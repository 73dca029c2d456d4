# shellcheck shell=bash
# A private Redis in .data/redis on 127.0.0.1, for the nodes' live events and SignalR's backplane. Sourced.
# ./fed test starts it for the cross-node tests and ./fed cluster for its nodes; ./fed run does not (one node needs none).
# It keeps nothing on disk (--save '', no append-only file): pub/sub holds no data.

REDIS_ROOT="$FED_DATA/redis"
REDIS_PIDFILE="$REDIS_ROOT/redis.pid"
REDIS_LOGFILE="$REDIS_ROOT/redis.log"
FED_REDIS_PORT="${FED_REDIS_PORT:-56379}"
REDIS_STARTED_HERE=0 # set to 1 when this invocation started the server

# Prints the PID if the server of THIS folder is running (its pidfile names a live redis-server working in it).
redis_running_pid() {
  local pid
  [[ -f $REDIS_PIDFILE ]] || return 1
  pid="$(<"$REDIS_PIDFILE")"
  [[ $pid =~ ^[0-9]+$ && -d /proc/$pid ]] || return 1
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == redis-server ]] || return 1 # PID reused by something else
  [[ $(readlink "/proc/$pid/cwd") == "$(readlink -f "$REDIS_ROOT")" ]] || return 1
  echo "$pid"
}

redis_running_port() { cat "$REDIS_ROOT/port"; }

redis_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$FED_REDIS_PORT") 2>/dev/null; }

# FED_REDIS_PORT=auto: the running server's port, else the first free one from 56379.
redis_resolve_port() {
  [[ $FED_REDIS_PORT == auto ]] || return 0
  if redis_running_pid >/dev/null; then
    FED_REDIS_PORT="$(redis_running_port)"
    return 0
  fi
  FED_REDIS_PORT=56379
  while redis_port_in_use; do
    ((++FED_REDIS_PORT <= 56479)) || die "FED_REDIS_PORT=auto: no free port in 56379-56479"
  done
}

redis_answers() { [[ $(redis-cli -h 127.0.0.1 -p "$FED_REDIS_PORT" ping 2>/dev/null) == PONG ]]; }

# The setup step for commands that need Redis: the one in ConnectionStrings__Redis, or the private one on FED_REDIS_PORT.
ensure_redis() {
  if [[ -n ${ConnectionStrings__Redis:-} ]]; then
    log "using Redis from ConnectionStrings__Redis (no private server started)"
    return 0
  fi
  ensure_apt_packages "redis-server:/usr/bin/redis-server" "redis-tools:/usr/bin/redis-cli"
  redis_resolve_port
  if redis_running_pid >/dev/null; then
    [[ $(redis_running_port) == "$FED_REDIS_PORT" ]] ||
      die "the private Redis is running on port $(redis_running_port), not $FED_REDIS_PORT; set FED_REDIS_PORT=$(redis_running_port)"
    export FED_REDIS_PORT
    return 0
  fi
  if redis_port_in_use; then
    die "port $FED_REDIS_PORT on 127.0.0.1 is already in use by another process; set FED_REDIS_PORT to a free port (or auto)"
  fi
  mkdir -p "$REDIS_ROOT"
  rm -f "$REDIS_PIDFILE"
  log "starting Redis on 127.0.0.1:$FED_REDIS_PORT (log: .data/redis/redis.log)"
  redis-server --port "$FED_REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$REDIS_PIDFILE" --dir "$REDIS_ROOT" --logfile "$REDIS_LOGFILE" ||
    die "Redis did not start; see $REDIS_LOGFILE"
  printf '%s\n' "$FED_REDIS_PORT" >"$REDIS_ROOT/port"
  REDIS_STARTED_HERE=1
  local tries=0
  until redis_answers; do
    if ((++tries > 100)); then
      tail -n 20 "$REDIS_LOGFILE" >&2 || true
      die "Redis on 127.0.0.1:$FED_REDIS_PORT does not answer; see $REDIS_LOGFILE"
    fi
    sleep 0.1
  done
  export FED_REDIS_PORT
}

redis_stop() {
  local pid tries=0
  pid="$(redis_running_pid)" || return 0
  log "stopping Redis (port $(redis_running_port))"
  kill -TERM "$pid"
  while [[ -d /proc/$pid ]]; do
    ((++tries <= 100)) || { log "Redis (PID $pid) still running after 10 s"; return 1; }
    sleep 0.1
  done
}

# Stops the server only if this invocation started it (used on exit).
redis_stop_if_started_here() {
  ((REDIS_STARTED_HERE == 1)) || return 0
  REDIS_STARTED_HERE=0
  redis_stop
}
