#!/usr/bin/env bash
# Sums the <Counters> of one or more TRX files and prints "N passed, N failed[, N skipped]".
# Exits 1 if a test failed (failed, error, timeout or aborted) and 2 if no TRX file was given.
set -euo pipefail

counter() { # FILE NAME -> the attribute's value in <Counters ...>, 0 if absent
  local value
  value="$(tr '\n' ' ' <"$1" | grep -o '<Counters [^>]*>' | grep -oE " $2=\"[0-9]+\"" | grep -oE '[0-9]+' | head -n 1 || true)"
  echo "${value:-0}"
}

# xUnit's skipped tests are results with outcome NotExecuted, not always in the notExecuted counter.
skipped_count() { # FILE
  local counted results
  counted="$(counter "$1" notExecuted)"
  results="$(tr '\n' ' ' <"$1" | grep -o '<UnitTestResult [^>]*>' | grep -c 'outcome="NotExecuted"' || true)"
  echo $((results > counted ? results : counted))
}

main() {
  local file passed=0 failed=0 skipped=0 name
  (($# > 0)) || { echo "0 passed, 0 failed"; return 2; }
  for file in "$@"; do
    passed=$((passed + $(counter "$file" passed)))
    for name in failed error timeout aborted; do
      failed=$((failed + $(counter "$file" "$name")))
    done
    skipped=$((skipped + $(skipped_count "$file")))
  done
  if ((skipped > 0)); then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi
  ((failed == 0))
}

main "$@"
