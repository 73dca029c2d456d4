# shellcheck shell=bash
# The private PostgreSQL 15 cluster in .data/pg, run as user postgres on 127.0.0.1. Sourced.
# Two roles: fed_owner owns the database (migrations and grants at the app's start), fed_app is what the app
# runs as (owns nothing). Both sign in with generated passwords (scram-sha-256) kept in .data/secrets (mode 600);
# the superuser postgres is reachable only over the private socket, by the OS users root and postgres.

PG_BIN=/usr/lib/postgresql/15/bin
PG_ROOT="$FED_DATA/pg"
PG_DATA="$PG_ROOT/data"
PG_RUN="$PG_ROOT/run"
PG_LOG_DIR="$PG_ROOT/log"
PG_LOGFILE="$PG_LOG_DIR/postgresql.log"
PG_PORT="${FED_PG_PORT:-55432}"
PG_DATABASE=feddashboard
PG_OWNER_ROLE=fed_owner
PG_APP_ROLE=fed_app
PG_SECRETS="$FED_DATA/secrets"
PG_STARTED_HERE=0 # set to 1 when this invocation started the server

pg_password_file() { echo "$PG_SECRETS/$1.password"; } # ROLE

# Without a password: for messages. The app gets pg_connection_string with the password, through the environment only.
pg_connection_target() { # ROLE
  printf 'Host=127.0.0.1;Port=%s;Username=%s;Database=%s' "$PG_PORT" "$1" "$PG_DATABASE"
}

pg_connection_string() { # ROLE
  printf '%s;Password=%s' "$(pg_connection_target "$1")" "$(<"$(pg_password_file "$1")")"
}

# The tests' admin connection: the superuser over the private socket (peer authentication, no password).
pg_admin_connection_string() {
  printf 'Host=%s;Port=%s;Username=postgres;Database=postgres' "$PG_RUN" "$PG_PORT"
}

as_postgres() { # PROGRAM ARGS... (from /, which postgres can always enter)
  (cd / && runuser -u postgres -- "$PG_BIN/$1" "${@:2}")
}

pg_psql() { # ARGS... as the superuser, over the private socket
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_RUN" -p "$PG_PORT" -U postgres "$@"
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

# Written at every start, so a cluster made by an earlier version (trust for everyone) is upgraded in place.
pg_write_auth_config() {
  local changed=0
  pg_write_config_file pg_hba.conf <<'HBA' && changed=1
# Written by ./fed (scripts/postgres.sh) at every start; edits are overwritten.
# The superuser only over the private socket, as the OS users root and postgres (the scripts' own admin work:
# they can read the data folder anyway). Everyone else, and everything over TCP, with a password.
local   all   postgres                 peer map=fed_admins
local   all   all                      scram-sha-256
host    all   all      127.0.0.1/32    scram-sha-256
host    all   all      ::1/128         scram-sha-256
HBA
  pg_write_config_file pg_ident.conf <<'IDENT' && changed=1
# Written by ./fed (scripts/postgres.sh): who may act as the superuser over the private socket.
fed_admins   root       postgres
fed_admins   postgres   postgres
IDENT
  ((changed)) || return 0
  log "PostgreSQL asks for passwords (scram-sha-256) from now on (pg_hba.conf written)"
  if pg_is_running; then as_postgres pg_ctl reload -D "$PG_DATA" -s; fi
}

pg_write_config_file() { # NAME < CONTENT; true if the file changed
  local file="$PG_DATA/$1" content
  content="$(cat)"
  [[ -f $file && $(<"$file") == "$content" ]] && return 1
  printf '%s\n' "$content" >"$file"
  chown postgres:postgres "$file"
  chmod 600 "$file"
}

# A generated password per role, created once; mode 600 also mends a file copied in with a wider mode.
pg_ensure_password() { # ROLE
  local file
  file="$(pg_password_file "$1")"
  (umask 077 && mkdir -p "$PG_SECRETS")
  chmod 700 "$PG_SECRETS"
  if [[ ! -s $file ]]; then
    (umask 077 && od -An -tx1 -N24 /dev/urandom | tr -d ' \n' >"$file")
  fi
  chmod 600 "$file"
}

# Creates the roles if missing and sets their passwords from the files (on stdin: never on a command line).
pg_ensure_roles() {
  local role
  for role in "$PG_OWNER_ROLE" "$PG_APP_ROLE"; do
    pg_ensure_password "$role"
    pg_psql -d postgres <<SQL
SELECT format('CREATE ROLE %I LOGIN', '$role') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$role') \gexec
ALTER ROLE "$role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '$(<"$(pg_password_file "$role")")';
SQL
  done
}

# The owner owns the database and everything in it. A database made by an earlier version belongs to postgres:
# hand it over (owned sequences and indexes follow their tables).
pg_ensure_ownership() {
  pg_psql -d "$PG_DATABASE" <<SQL
ALTER DATABASE "$PG_DATABASE" OWNER TO "$PG_OWNER_ROLE";
DO \$\$
DECLARE
  owner regrole := '"$PG_OWNER_ROLE"'::regrole;
  item record;
BEGIN
  FOR item IN SELECT n.nspname FROM pg_namespace n WHERE n.nspname = 'hangfire' AND n.nspowner <> owner LOOP
    EXECUTE format('ALTER SCHEMA %I OWNER TO %I', item.nspname, owner);
  END LOOP;
  FOR item IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname IN ('public', 'hangfire') AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relowner <> owner LOOP
    EXECUTE format('ALTER TABLE %s OWNER TO %I', item.name, owner);
  END LOOP;
  FOR item IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname IN ('public', 'hangfire') AND c.relkind = 'S' AND c.relowner <> owner
                AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')) LOOP
    EXECUTE format('ALTER SEQUENCE %s OWNER TO %I', item.name, owner);
  END LOOP;
  FOR item IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname IN ('public', 'hangfire') AND p.proowner <> owner LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO %I', item.name, owner);
  END LOOP;
END \$\$;
SQL
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
  # The test suite runs many hosts at once, each with its pools (app, Hangfire workers); 100 connections ran out.
  if ! as_postgres pg_ctl start -D "$PG_DATA" -l "$PG_LOGFILE" -w -t 60 -s \
    -o "-p $PG_PORT -k '$PG_RUN' -c listen_addresses=127.0.0.1 -c max_connections=300"; then
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
  pg_ensure_roles
  if [[ $(pg_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'") != 1 ]]; then
    log "creating database $PG_DATABASE"
    pg_psql -d postgres -c "CREATE DATABASE $PG_DATABASE OWNER $PG_OWNER_ROLE"
  fi
  pg_ensure_ownership
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
  pg_write_auth_config
  pg_start
  pg_ensure_database
  # To the app through the environment: a command line is world-readable (/proc/PID/cmdline).
  # The owner's is handed on by ./fed run only (tests and benchmarks make databases of their own).
  export ConnectionStrings__Fed FED_TEST_CONNECTION FED_PG_PRIVATE=1
  ConnectionStrings__Fed="$(pg_connection_string "$PG_APP_ROLE")"
  FED_PG_OWNER_CONNECTION="$(pg_connection_string "$PG_OWNER_ROLE")"
  FED_TEST_CONNECTION="${FED_TEST_CONNECTION:-$(pg_admin_connection_string)}"
}

# Stops the server only if this invocation started it (used on exit).
pg_stop_if_started_here() {
  ((PG_STARTED_HERE == 1)) || return 0
  PG_STARTED_HERE=0
  pg_stop
}
