#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the tests' PostgreSQL pass and prints its URL.
#   scripts/start-test-postgres.sh DIRECTORY [PORT]
# The cluster lives in DIRECTORY (created), listens on 127.0.0.1:PORT (default 55432) and on a
# unix socket in DIRECTORY, trusts local connections (a test cluster holds no real data) and is
# tuned for tests (fsync off). PostgreSQL refuses to run as root: as root, the cluster is run by
# the `postgres` user that Debian's package creates.
set -euo pipefail
directory="$(realpath -m "${1:?usage: start-test-postgres.sh DIRECTORY [PORT]}")"
port="${2:-55432}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -x "$bin/initdb" ] || { echo "error: PostgreSQL is not installed (apt-get install -y postgresql)" >&2; exit 1; }
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
mkdir -p "$directory"
[ "$(id -u)" = 0 ] && chown postgres "$directory"
if [ ! -f "$directory/PG_VERSION" ]; then
  as_owner "$bin/initdb" -D "$directory" -U crowdaudit --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! as_owner "$bin/pg_ctl" -D "$directory" status >/dev/null 2>&1; then
  as_owner "$bin/pg_ctl" -D "$directory" -l "$directory/server.log" -w start \
    -o "-p $port -k $directory -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
fi
echo "postgres://crowdaudit@127.0.0.1:$port/postgres"
