#!/usr/bin/env bash
# Makes TorchSharp's native wrapper load on systems whose libstdc++ predates GLIBCXX_3.4.32
# (Debian 12): marks that version requirement weak and supplies its one symbol from a shim.
# Usage: build/patch-torchsharp.sh <output folder>. Idempotent; a no-op where not needed.
set -euo pipefail

readonly required_version=GLIBCXX_3.4.32
readonly shim_name=libfed-ios-base-init-shim.so
readonly script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

fail() { echo "patch-torchsharp: error: $*" >&2; exit 1; }
say() { echo "patch-torchsharp: $*"; }

[[ $# -eq 1 ]] || fail "usage: $0 <output folder>"
out_dir="${1%/}"

system_libstdcxx() {
    local ldconfig
    for ldconfig in ldconfig /sbin/ldconfig /usr/sbin/ldconfig; do
        if command -v "$ldconfig" >/dev/null; then
            "$ldconfig" -p | awk '/libstdc\+\+\.so\.6 .*x86-64/ { print $NF; exit }'
            return
        fi
    done
}

# Prints "<file offset of the Vernaux flags> <flags>" for the required version, or nothing.
vernaux_flags_location() {
    local section entry flags
    read -r section entry flags < <(readelf -V --wide "$1" | awk -v want="$required_version" '
        /Version needs section/ { in_needs = 1; next }
        in_needs && /Offset:/ { for (i = 1; i <= NF; i++) if ($i == "Offset:") base = $(i + 1) }
        in_needs && $2 == "Name:" && $3 == want {
            print base, substr($1, 1, length($1) - 1), $5
            exit
        }') || true
    [[ -n "${entry:-}" ]] || return 0
    echo "$(( section + entry + 4 )) $flags"
}

is_patched() {
    local lib="$1" location
    [[ -f "$(dirname "$lib")/$shim_name" ]] || return 1
    readelf -d "$lib" | grep -qF "[$shim_name]" || return 1
    location="$(vernaux_flags_location "$lib")"
    [[ "${location#* }" == *WEAK* ]]
}

mark_version_weak() {
    local lib="$1" offset flags
    read -r offset _ <<<"$(vernaux_flags_location "$lib")"
    [[ -n "$offset" ]] || fail "$lib: no Vernaux entry for $required_version found by readelf -V"
    flags=$(od -An -tu2 -j "$offset" -N2 "$lib" | tr -d ' ')
    flags=$(( flags | 2 ))  # VER_FLG_WEAK: glibc's loader then tolerates the missing version
    printf "\\$(printf '%03o' $(( flags & 255 )))\\$(printf '%03o' $(( flags >> 8 )))" |
        dd of="$lib" bs=1 seek="$offset" conv=notrunc status=none
}

patch_library() {
    local lib="$1" dir tmp
    dir="$(dirname "$lib")"
    if ! vernaux_flags_location "$lib" | grep -q .; then
        say "$lib does not require $required_version; nothing to do"
        return
    fi
    if is_patched "$lib"; then
        say "$lib already patched"
        return
    fi
    command -v patchelf >/dev/null ||
        fail "patchelf is missing; install it with: sudo apt-get install patchelf"
    command -v cc >/dev/null ||
        fail "a C compiler (cc) is missing; install it with: sudo apt-get install gcc"

    cc -shared -fPIC -O2 -o "$dir/$shim_name" "$script_dir/ios-base-library-init-shim.c"

    # Work on a private copy: the output file may be a hard link into the NuGet cache.
    tmp="$lib.patching.$$"
    cp -p "$lib" "$tmp"
    trap 'rm -f "$tmp"' EXIT
    if ! readelf -d "$tmp" | grep -qF "[$shim_name]"; then
        patchelf --add-needed "$shim_name" "$tmp"
    fi
    # After patchelf: it may have moved sections, so offsets are read afresh.
    mark_version_weak "$tmp"
    mv -f "$tmp" "$lib"
    trap - EXIT
    is_patched "$lib" || fail "$lib: patch did not take effect"
    say "patched $lib"
}

libstdcxx="$(system_libstdcxx || true)"
if [[ -n "$libstdcxx" ]] && grep -qaF "$required_version" "$libstdcxx"; then
    say "system libstdc++ ($libstdcxx) has $required_version; no patch needed"
    exit 0
fi

found=0
for lib in "$out_dir/runtimes/linux-x64/native/libLibTorchSharp.so" "$out_dir/libLibTorchSharp.so"; do
    if [[ -f "$lib" ]]; then
        found=1
        patch_library "$lib"
    fi
done
[[ $found -eq 1 ]] || say "no libLibTorchSharp.so under $out_dir; nothing to do"
