#!/usr/bin/env bash
# Runs commands at the same time and prints each one's output whole, in order, once it ends, so
# logs do not interleave. For suites that share no state (each starts its own server, data folder
# and browser profile). Exits non-zero when any command failed, naming it.
#   scripts/side-by-side.sh "npm run test:browser" "npm run test:qa"
set -uo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [<command>...]" >&2
  exit 2
fi

LOGS=$(mktemp -d "${TMPDIR:-/tmp}/runtut-side.XXXXXX")
pids=()
index=0
for command in "$@"; do
  # Each command in its own process group, so an interrupt stops its servers and browsers too.
  setsid bash -c "$command" >"$LOGS/$index.log" 2>&1 &
  pids+=("$!")
  index=$((index + 1))
done

stop_all() {
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
}
trap 'stop_all; exit 130' INT TERM

failed=()
index=0
for command in "$@"; do
  wait "${pids[$index]}"
  code=$?
  echo "===== $command (exit $code) ====="
  cat "$LOGS/$index.log"
  [ "$code" -eq 0 ] || failed+=("$index")
  index=$((index + 1))
done

# A CI log is often read from its tail: name what failed in each failed command once more there,
# so a failure in the first command is not buried under the later commands' output.
for index in "${failed[@]}"; do
  printf 'side-by-side: failed: %s\n' "${@:$((index + 1)):1}" >&2
  grep -E '(^| )(FAIL|✗|×) |FAILED|AssertionError|Error: |Test Files .*failed|Tests .*failed' \
    "$LOGS/$index.log" | head -n 40 | sed 's/^/  /' >&2
done
rm -rf "$LOGS"
[ "${#failed[@]}" -eq 0 ] || exit 1
