# shellcheck shell=bash
# ./fed cluster: several dashboard nodes on this machine behind the front door, each in its own process group
# (setsid), logging to .data/cluster/NAME.log; cluster_stop_all (from on_exit) stops them all. Sourced.

CLUSTER_LOGS="$FED_DATA/cluster"
CLUSTER_PIDS=()  # process group ids, in start order
CLUSTER_NAMES=() # their names, same order

cluster_port_free() { # PORT
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

cluster_require_free_ports() { # PORT...
  local port
  for port in "$@"; do
    cluster_port_free "$port" || die "port $port on 127.0.0.1 is in use (another ./fed run or ./fed cluster?); stop it or choose other ports (FED_WEB_PORT, FED_NODE_PORT)"
  done
}

cluster_start() { # NAME WORKDIR COMMAND ARGS... (in the background, in a process group of its own)
  local name="$1" dir="$2"
  shift 2
  mkdir -p "$CLUSTER_LOGS"
  (cd "$dir" && trap - INT QUIT && exec setsid "$@") </dev/null >"$CLUSTER_LOGS/$name.log" 2>&1 &
  CLUSTER_PIDS+=("$!")
  CLUSTER_NAMES+=("$name")
}

# Node NAME on PORT, from the Release build; extra args go to the app (e.g. --edge edge-1). It advertises its own
# address to terminals: an edge node's is where its edge's agents are sent.
cluster_start_node() { # NAME PORT ARGS...
  local name="$1" port="$2"
  shift 2
  Fed__Node__Name="$name" Fed__Node__PublicUrl="http://127.0.0.1:$port/" cluster_start "$name" FedDashboard \
    dotnet bin/Release/net10.0/FedDashboard.dll --urls "http://127.0.0.1:$port" "$@"
}

cluster_start_front_door() { # PORT NODE_URLS (comma-separated)
  cluster_start front-door FedDashboard.FrontDoor \
    dotnet bin/Release/net10.0/FedDashboard.FrontDoor.dll --urls "http://127.0.0.1:$1" --nodes "$2"
}

cluster_wait_ready() { # NAME PORT PID: until /health/ready answers 200 (3 minutes at most)
  local tries=0
  until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$2/health/ready" 2>/dev/null; do
    if ! kill -0 "$3" 2>/dev/null; then
      tail -n 20 "$CLUSTER_LOGS/$1.log" >&2
      die "$1 exited before it was ready (log: .data/cluster/$1.log)"
    fi
    ((tries++ < 360)) || die "$1 was not ready within 3 minutes (log: .data/cluster/$1.log)"
    sleep 0.5
  done
}

# TERM to every group, newest first (the front door before the nodes), then a grace period for each. Not INT: a
# process started from a script running in the background inherits SIGINT ignored, and no trap can undo that.
cluster_stop_all() {
  local i
  ((${#CLUSTER_PIDS[@]} > 0)) || return 0
  log "stopping ${CLUSTER_NAMES[*]}"
  for ((i = ${#CLUSTER_PIDS[@]} - 1; i >= 0; i--)); do
    kill -TERM -- "-${CLUSTER_PIDS[i]}" 2>/dev/null || true
  done
  for ((i = ${#CLUSTER_PIDS[@]} - 1; i >= 0; i--)); do
    wait_for_group_exit "${CLUSTER_PIDS[i]}"
    wait "${CLUSTER_PIDS[i]}" 2>/dev/null || true
  done
  CLUSTER_PIDS=()
  CLUSTER_NAMES=()
}
