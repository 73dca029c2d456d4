# shellcheck shell=bash
# Runs a long command (dotnet run/test) in its own process group and forwards Ctrl-C / TERM to
# all of it, so the app shuts down and control comes back here for cleanup. Sourced.

CHILD_PID=""    # also the child's process group id (setsid)
CHILD_SIGNAL="" # name of the last signal forwarded, empty if none

forward_to_child() { # SIGNAL
  CHILD_SIGNAL="$1"
  if [[ -n $CHILD_PID ]]; then kill "-$1" -- "-$CHILD_PID" 2>/dev/null || true; fi
}

# After the leader (dotnet run) exits, give the rest of its group (the app) time to finish.
wait_for_group_exit() { # PGID
  local tries=0
  while kill -0 -- "-$1" 2>/dev/null; do
    if ((tries++ == 300)); then
      log "processes of group $1 still running after 30 s; killing them"
      kill -KILL -- "-$1" 2>/dev/null || true
      return 0
    fi
    sleep 0.1
  done
}

# Returns the command's exit status, or 128+N when it was stopped by a forwarded signal N.
run_child() { # COMMAND ARGS...
  local status saved_traps before
  saved_traps="$(trap -p INT TERM HUP)"
  CHILD_SIGNAL=""
  # A background job of a script starts with SIGINT/SIGQUIT ignored; give the child the defaults.
  (trap - INT QUIT && exec setsid "$@") </dev/null &
  CHILD_PID=$!
  trap 'forward_to_child INT' INT
  trap 'forward_to_child TERM' TERM HUP
  while :; do
    before="$CHILD_SIGNAL"
    CHILD_SIGNAL=""
    wait "$CHILD_PID" && status=0 || status=$?
    [[ -z $CHILD_SIGNAL ]] && { CHILD_SIGNAL="$before"; break; } # wait ended because the child did
  done
  wait_for_group_exit "$CHILD_PID"
  trap - INT TERM HUP
  eval "$saved_traps"
  CHILD_PID=""
  case "$CHILD_SIGNAL" in
    INT) return 130 ;;
    TERM) return 143 ;;
    *) return "$status" ;;
  esac
}
