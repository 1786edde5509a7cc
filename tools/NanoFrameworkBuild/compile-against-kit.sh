#!/usr/bin/env bash
# Compiles every .nfproj of the repository (Foundation, core, ESP32 glue, board presets, the four sample apps)
# against the REAL nanoFramework package assemblies of the kit, the way the Windows nanoFramework
# build would: its <Compile> sources, its <Reference> assemblies (by name, from the kit's ref/) and
# the outputs of its <ProjectReference>s; then converts each output to a .pe with the kit's
# metadata processor, which rejects what the device cannot load. `dotnet build` compiles the same
# sources against tools/NanoReference instead; this is the check that those are the real APIs.
#
# usage: tools/NanoFrameworkBuild/compile-against-kit.sh [OUT_DIR]
#   The kit is ../shared/nanoframework beside the checkout, or $PHYTRACE_NANO_KIT.
#   Without it: prints "kit compile: skipped (...)" and exits 0. Exit 1 on any compile error.
#   Last line: "kit compile: N projects, E errors, W warnings". The glue's device tests
#   (tests/Phytrace.Nano.Esp32.DeviceTests) run in the device runner (tools/Phytrace.Nano.DeviceTestRunner),
#   beside the core's, and count in its totals.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
kit=${PHYTRACE_NANO_KIT:-$root/../shared/nanoframework}
out=${1:-$root/artifacts/kit-compile}

if [ ! -x "$kit/bin/nano-compile" ] || [ ! -d "$kit/ref" ]; then
  echo "kit compile: skipped (no nanoFramework kit at $kit: put the kit at ../shared/nanoframework beside the checkout or set PHYTRACE_NANO_KIT)"
  exit 0
fi
mkdir -p "$out"

# The projects, each after those it references.
projects=(
  src/Phytrace.Nano.Foundation/Phytrace.Nano.Foundation.nfproj
  src/Phytrace.Nano/Phytrace.Nano.nfproj
  src/Phytrace.Nano.Natives/Phytrace.Nano.Natives.nfproj
  src/Phytrace.Nano.Esp32/Phytrace.Nano.Esp32.nfproj
  boards/Phytrace.Nano.Boards/Phytrace.Nano.Boards.nfproj
)
for sample in "$root"/boards/*/*.nfproj; do
  case $sample in */Phytrace.Nano.Boards/*) continue ;; esac
  projects+=("${sample#"$root"/}")
done

# Values of one attribute of one element of an .nfproj, one per line (these files are written by hand, one element a line).
values() { grep -o "<$2 Include=\"[^\"]*\"" "$1" | sed -E "s/.*Include=\"([^\"]*)\"/\1/"; }
property() { grep -o "<$2>[^<]*</$2>" "$1" | head -n 1 | sed -E "s/<[^>]*>//g"; }

errors=0 warnings=0 built=0 outputs=()
for project in "${projects[@]}"; do
  file=$root/$project
  dir=$(dirname "$file")
  name=$(property "$file" AssemblyName)
  kind=$(property "$file" OutputType)
  target=library ext=dll
  [ "$kind" = Exe ] && { target=exe; ext=exe; }
  args=(-out "$out/$name.$ext" -target "$target" -optimize -nowarn:CS8632)
  while IFS= read -r ref; do
    [ -n "$ref" ] && [ "$ref" != mscorlib ] && args+=(-r "$ref")
  done < <(values "$file" Reference)
  while IFS= read -r ref; do
    [ -z "$ref" ] && continue
    refproj=$(cd "$dir" && realpath -m "${ref//\\//}")
    args+=(-r "$out/$(property "$refproj" AssemblyName).dll")
  done < <(values "$file" ProjectReference)
  sources=()
  while IFS= read -r src; do
    [ -z "$src" ] && continue
    src=${src//\\//}
    case $src in
      '**/*.cs') sources+=("$dir") ;;
      *) sources+=("$dir/$src") ;;
    esac
  done < <(values "$file" Compile)

  log=$(mktemp)
  "$kit/bin/nano-compile" "${args[@]}" "${sources[@]}" >"$log" 2>&1
  status=$?
  e=$(grep -c ': error ' "$log")
  w=$(grep -c ': warning ' "$log")
  if [ "$status" -eq 0 ] && [ "$e" -eq 0 ]; then
    # The metadata processor: what the device build deploys, and what nanoCLR loads.
    if ! "$kit/bin/nano-pe" "$out/$name.$ext" "${outputs[@]}" >>"$log" 2>&1; then
      echo "kit compile: $project: the metadata processor refused $name.$ext" >&2
      e=$((e + 1))
    fi
  elif [ "$e" -eq 0 ]; then
    e=1
  fi
  if [ "$e" -gt 0 ] || [ "$w" -gt 0 ]; then
    if grep -qE ': (error|warning) ' "$log"; then grep -E ': (error|warning) ' "$log"; else cat "$log"; fi | sed 's/^/  /' >&2
  fi
  [ "$target" = library ] && outputs+=("$out/$name.$ext")
  rm -f "$log"
  refs=$(printf '%s\n' "${args[@]}" | grep -c '^-r$')
  echo "kit compile: $project -> $name.$ext: $e errors, $w warnings ($refs references)"
  errors=$((errors + e)) warnings=$((warnings + w)) built=$((built + 1))
done
echo "kit compile: $built projects, $errors errors, $warnings warnings"
[ "$errors" -eq 0 ]
