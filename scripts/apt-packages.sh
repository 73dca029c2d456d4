# shellcheck shell=bash
# Installs the Debian packages the project needs, only those that are missing. Sourced.

# "package:file-that-proves-it-is-installed"
FED_APT_NEEDS=(
  "postgresql-15:/usr/lib/postgresql/15/bin/postgres"
  "postgresql-client-15:/usr/lib/postgresql/15/bin/psql"
  "patchelf:/usr/bin/patchelf"
  "chromium:/usr/bin/chromium"
  "npm:/usr/bin/npm"
)

missing_apt_packages() { # ENTRY...
  local entry
  for entry in "$@"; do
    [[ -e ${entry#*:} ]] || printf '%s\n' "${entry%%:*}"
  done
}

# With no arguments the packages every command needs; a command that needs more names them ("package:file").
ensure_apt_packages() { # [ENTRY...]
  local needs=("$@") missing
  ((${#needs[@]} > 0)) || needs=("${FED_APT_NEEDS[@]}")
  mapfile -t missing < <(missing_apt_packages "${needs[@]}")
  ((${#missing[@]} == 0)) && return 0
  ((EUID == 0)) || die "missing packages (${missing[*]}); run ./fed as root to install them, or install them yourself"
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  mapfile -t missing < <(missing_apt_packages "${needs[@]}")
  ((${#missing[@]} == 0)) || die "still missing after apt-get install: ${missing[*]}"
}

ensure_dotnet() {
  command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is not on PATH; it is part of the machine image, not installed by ./fed"
  export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}
