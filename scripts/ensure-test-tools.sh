#!/usr/bin/env bash
# Makes sure the tools the test suite needs are on this machine: Debian's Chromium (the browser
# tests never download a browser), PostgreSQL's server binaries (a throwaway server for the
# server tests) and ffmpeg (the course packaging tool and its tests). As root on Debian it installs what is missing; elsewhere it says what to install.
set -euo pipefail

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium fonts-dejavu-core)
command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
# ffmpeg/ffprobe: the packaging tool's tests encode a short video, and `course validate` probes media.
{ command -v ffmpeg && command -v ffprobe; } >/dev/null 2>&1 || missing+=(ffmpeg)
command -v runuser >/dev/null 2>&1 || [ "$(id -u)" -ne 0 ] || missing+=(util-linux)

[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-test-tools: installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
else
  echo "ensure-test-tools: please install: ${missing[*]} (Debian package names)" >&2
  exit 1
fi
