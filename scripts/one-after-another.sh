#!/usr/bin/env bash
# One lane of `npm run test:browser`: runs each command in turn, all of them even when an
# earlier one failed (each report is worth having), and fails when any did, naming it.
#   scripts/one-after-another.sh "npm run test:signal" "npm run test:qa"
set -uo pipefail
failed=()
for command in "$@"; do
  bash -c "$command" || failed+=("$command")
done
if [ "${#failed[@]}" -gt 0 ]; then
  printf 'one-after-another: failed: %s\n' "${failed[@]}" >&2
  exit 1
fi
