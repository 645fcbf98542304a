#!/usr/bin/env bash
# The whole OrleansSweep test suite, from a clean machine that has only the .NET SDK.
# Installs what the tests need (OpenBLAS/LAPACKE, Chromium, Redis, yamllint, shellcheck),
# builds once, runs every test project with the native kernels, then the science tests again with
# the kernels forced to the managed fallback, and ends with one line: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/tests/.results"
rm -rf "$results" && mkdir -p "$results"

say() { printf '\n== %s\n' "$*"; }

install_system_packages() {
  local wanted=(libopenblas0-pthread liblapacke chromium redis-server shellcheck yamllint)
  local missing=()
  for p in "${wanted[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  local todo=()
  for p in "${missing[@]}"; do [ -n "$p" ] && todo+=("$p"); done
  if [ ${#todo[@]} -gt 0 ]; then
    say "installing ${todo[*]}"
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${todo[@]}" >/dev/null
  fi
}

run_tests() { # name, project, extra args...
  local name=$1 project=$2; shift 2
  say "$name"
  dotnet test "$project" --no-build -c Release --logger "trx;LogFileName=$name.trx" \
    --results-directory "$results" "$@"
}

install_system_packages

say "build"
dotnet build OrleansSweep.sln -c Release -nologo -v:q || { echo "0 passed, 1 failed"; exit 1; }

status=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  ORLEANSSWEEP_KERNELS=auto run_tests "$name" "$project" || status=1
done
# The same science once more on the managed fallback, as a machine without OpenBLAS would run it.
ORLEANSSWEEP_KERNELS=managed run_tests "OrleansSweep.Science.Tests.managed" \
  tests/OrleansSweep.Science.Tests/OrleansSweep.Science.Tests.csproj --filter "Category!=Heavy" || status=1

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(get total); ran=$(get executed); ok=$(get passed); bad=$(get failed)
  passed=$((passed + ${ok:-0})); failed=$((failed + ${bad:-0}))
  skipped=$((skipped + ${total:-0} - ${ran:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a run that crashed counts as a failure
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo
echo "$line"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
