#!/usr/bin/env bash
# One lane of `npm run test:browser`: the signal-cut browser tests, then the QA catalog. The
# catalog runs even when the signal tests failed (its report is worth having); the lane fails
# when either did.
set -uo pipefail
npm run test:signal
signal=$?
npm run test:qa
qa=$?
[ "$signal" -eq 0 ] && [ "$qa" -eq 0 ]
