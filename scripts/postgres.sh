# shellcheck shell=bash
# The private PostgreSQL 15 cluster in .data/pg, run as user postgres on 127.0.0.1. Sourced.

PG_BIN=/usr/lib/postgresql/15/bin
PG_ROOT="$FED_DATA/pg"
PG_DATA="$PG_ROOT/data"
PG_RUN="$PG_ROOT/run"
PG_LOG_DIR="$PG_ROOT/log"
PG_LOGFILE="$PG_LOG_DIR/postgresql.log"
PG_PORT="${FED_PG_PORT:-55432}"
PG_DATABASE=feddashboard
PG_STARTED_HERE=0 # set to 1 when this invocation started the server

pg_connection_string() { # DATABASE
  printf 'Host=127.0.0.1;Port=%s;Username=postgres;Database=%s' "$PG_PORT" "$1"
}

as_postgres() { # PROGRAM ARGS... (from /, which postgres can always enter)
  (cd / && runuser -u postgres -- "$PG_BIN/$1" "${@:2}")
}

pg_psql() { # ARGS... as the superuser, over the private socket
  "$PG_BIN/psql" -X -q -h "$PG_RUN" -p "$PG_PORT" -U postgres "$@"
}

# Every parent folder of .data/pg must be enterable by postgres (e.g. a clone under /root).
pg_make_path_traversable() {
  runuser -u postgres -- test -x "$PG_ROOT" && return 0
  local dir="" part parts
  IFS=/ read -ra parts <<<"${PG_ROOT#/}"
  for part in "${parts[@]}"; do # from / downwards: the first closed folder hides the rest
    dir="$dir/$part"
    if ! runuser -u postgres -- test -x "$dir"; then
      log "granting search permission (o+x) on $dir so user postgres can reach .data/pg"
      chmod o+x "$dir"
    fi
  done
}

pg_prepare_folders() {
  id postgres >/dev/null 2>&1 || die "user postgres does not exist (is postgresql-15 installed?)"
  mkdir -p "$PG_DATA" "$PG_RUN" "$PG_LOG_DIR"
  chmod 700 "$PG_DATA"
  local dir
  for dir in "$PG_ROOT" "$PG_DATA" "$PG_RUN" "$PG_LOG_DIR"; do
    [[ $(stat -c %U "$dir") == postgres ]] || chown -R postgres:postgres "$dir"
  done
  pg_make_path_traversable
}

pg_init_once() {
  [[ -f $PG_DATA/PG_VERSION ]] && return 0
  [[ -z $(ls -A "$PG_DATA") ]] || die "$PG_DATA is not empty but holds no cluster; move it away"
  log "creating the private PostgreSQL cluster in .data/pg/data"
  as_postgres initdb -D "$PG_DATA" -A trust -U postgres -E UTF8 --no-locale >"$PG_LOG_DIR/initdb.log" 2>&1 ||
    die "initdb failed; see $PG_LOG_DIR/initdb.log"
}

# Prints the postmaster's PID if the server of THIS data folder is running.
pg_running_pid() {
  local pid
  [[ -f $PG_DATA/postmaster.pid ]] || return 1
  pid="$(head -n 1 "$PG_DATA/postmaster.pid")"
  [[ $pid =~ ^[0-9]+$ && -d /proc/$pid ]] || return 1
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == postgres ]] || return 1 # PID reused by something else
  [[ $(readlink "/proc/$pid/cwd") == "$(readlink -f "$PG_DATA")" ]] || return 1
  echo "$pid"
}

pg_running_port() { sed -n 4p "$PG_DATA/postmaster.pid"; }

pg_is_running() { pg_running_pid >/dev/null; }

pg_remove_stale_pid() {
  [[ -f $PG_DATA/postmaster.pid ]] || return 0
  log "removing stale postmaster.pid (PID $(head -n 1 "$PG_DATA/postmaster.pid") is not a running server of this cluster)"
  rm -f "$PG_DATA/postmaster.pid" "$PG_RUN"/.s.PGSQL.*
}

pg_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; }

pg_check_port_free() {
  pg_port_in_use || return 0
  local who
  who="$(ss -Hltnp "sport = :$PG_PORT" 2>/dev/null | grep -o 'users:.*' | head -n 1 || true)"
  die "port $PG_PORT on 127.0.0.1 is already in use by another process ${who:+($who)}; set FED_PG_PORT to a free port"
}

# FED_PG_PORT=auto (used by CI): the running cluster's port, else the first free one from 55432.
pg_resolve_port() {
  [[ $PG_PORT == auto ]] || return 0
  if pg_is_running; then
    PG_PORT="$(pg_running_port)"
    return 0
  fi
  PG_PORT=55432
  while pg_port_in_use; do
    ((++PG_PORT <= 55532)) || die "FED_PG_PORT=auto: no free port in 55432-55532"
  done
}

pg_start() {
  pg_resolve_port
  if pg_is_running; then
    [[ $(pg_running_port) == "$PG_PORT" ]] ||
      die "the private cluster is running on port $(pg_running_port), not $PG_PORT; run './fed db stop' first or set FED_PG_PORT=$(pg_running_port)"
    return 0
  fi
  pg_remove_stale_pid
  pg_check_port_free
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT (log: .data/pg/log/postgresql.log)"
  if ! as_postgres pg_ctl start -D "$PG_DATA" -l "$PG_LOGFILE" -w -t 60 -s \
    -o "-p $PG_PORT -k '$PG_RUN' -c listen_addresses=127.0.0.1"; then
    tail -n 20 "$PG_LOGFILE" >&2 || true
    die "PostgreSQL did not start; see $PG_LOGFILE"
  fi
  PG_STARTED_HERE=1
}

pg_stop() {
  pg_is_running || return 0
  log "stopping PostgreSQL (port $(pg_running_port))"
  as_postgres pg_ctl stop -D "$PG_DATA" -m fast -w -t 60 -s
}

pg_ensure_database() {
  [[ $(pg_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'") == 1 ]] && return 0
  log "creating database $PG_DATABASE"
  pg_psql -d postgres -c "CREATE DATABASE $PG_DATABASE"
}

# Admin connection (Database=postgres) to the same server as ConnectionStrings__Fed.
admin_connection_from() { # CONNECTION_STRING
  local cs="$1"
  if grep -qiE '(^|;)[[:space:]]*(database|db)[[:space:]]*=' <<<"$cs"; then
    sed -E 's/(^|;)[[:space:]]*(database|db)[[:space:]]*=[^;]*/\1Database=postgres/I' <<<"$cs"
  else
    printf '%s;Database=postgres' "${cs%;}"
  fi
}

# The setup step: use the given server, or run the private one, and export connection strings.
ensure_database() {
  if [[ -n ${ConnectionStrings__Fed:-} ]]; then
    log "using the database from ConnectionStrings__Fed (no private server started)"
    export FED_TEST_CONNECTION="${FED_TEST_CONNECTION:-$(admin_connection_from "$ConnectionStrings__Fed")}"
    return 0
  fi
  pg_prepare_folders
  pg_init_once
  pg_start
  pg_ensure_database
  export ConnectionStrings__Fed FED_TEST_CONNECTION
  ConnectionStrings__Fed="$(pg_connection_string "$PG_DATABASE")"
  FED_TEST_CONNECTION="${FED_TEST_CONNECTION:-$(pg_connection_string postgres)}"
}

# Stops the server only if this invocation started it (used on exit).
pg_stop_if_started_here() {
  ((PG_STARTED_HERE == 1)) || return 0
  PG_STARTED_HERE=0
  pg_stop
}
