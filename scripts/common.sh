# shellcheck shell=bash disable=SC2034 # the paths are used by the scripts that source this file
# Shared paths and logging for ./fed and its helper scripts. Sourced, not run.

FED_ROOT="${FED_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
FED_DATA="$FED_ROOT/.data"
FED_MNIST_DIR="$FED_DATA/mnist"
FED_BLOB_DIR="$FED_DATA/blobs"
FED_RESULTS="$FED_ROOT/results"

log() { printf 'fed: %s\n' "$*" >&2; }
die() { printf 'fed: error: %s\n' "$*" >&2; exit 1; }
