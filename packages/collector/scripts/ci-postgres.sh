#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on loopback for the collector's storage tests and prints its
# connection URL on stdout (everything else goes to stderr). Installs Debian's `postgresql`
# when it is missing. Exits non-zero if anything fails, so the caller can skip those tests.
#   export PV_TEST_DATABASE_URL="$(packages/collector/scripts/ci-postgres.sh)"
#   packages/collector/scripts/ci-postgres.sh stop
set -euo pipefail
PORT="${PV_TEST_PG_PORT:-55432}"
DIR="${PV_TEST_PG_DIR:-/tmp/pupil-voice-ci-pg}"

if [ "${1:-}" = "stop" ]; then
  BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$BIN" ] && [ -f "$DIR/data/postmaster.pid" ] || exit 0
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "'$BIN/pg_ctl' -D '$DIR/data' -m fast stop" >&2
  else "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >&2; fi
  rm -rf "$DIR"
  exit 0
fi

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "installing postgresql (Debian package)" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
fi
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

# The server refuses to run as root: run it as the `postgres` user when we are root.
as_owner() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

if [ -f "$DIR/data/postmaster.pid" ]; then as_owner "'$BIN/pg_ctl' -D '$DIR/data' -m fast stop" >&2 || true; fi
rm -rf "$DIR"; mkdir -p "$DIR"
[ "$(id -u)" -eq 0 ] && chown postgres "$DIR"
as_owner "'$BIN/initdb' -D '$DIR/data' -U postgres --auth=trust -E UTF8 --no-locale" >/dev/null
as_owner "'$BIN/pg_ctl' -D '$DIR/data' -l '$DIR/log' -w -o \"-c listen_addresses=127.0.0.1 -p $PORT -k '$DIR' -c fsync=off\" start" >&2
"$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres pupil_voice_test >&2
echo "postgres://postgres@127.0.0.1:$PORT/pupil_voice_test"
