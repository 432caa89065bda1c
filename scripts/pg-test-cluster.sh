#!/usr/bin/env bash
# A throw-away PostgreSQL 15 + PostGIS cluster for the tests: initdb in a temporary folder
# (as a non-root user: the server refuses root), a free port on 127.0.0.1, a socket in the
# same folder, a superuser with a password and an empty database `rt_test` with PostGIS.
#
#   scripts/pg-test-cluster.sh start DIR   # prints nothing else; writes DIR/env.sh
#   scripts/pg-test-cluster.sh stop DIR    # stops the server and removes DIR
#   scripts/pg-test-cluster.sh halt DIR    # stops the server (pg_ctl stop -m fast), keeps DIR
#   scripts/pg-test-cluster.sh resume DIR  # starts a halted server again, on the same port
#
# DIR and its parents must be readable by that user (use e.g. `mktemp -d /tmp/rt-pg.XXXXXX`).
# DIR/env.sh exports RT_TEST_PG (a postgresql:// URI for the superuser), RT_TEST_PG_HOST,
# RT_TEST_PG_PORT, RT_TEST_PG_SUPERUSER and RT_TEST_PG_PASSWORD. Nothing is left running
# after `stop`; nothing outside DIR is written.
set -euo pipefail
action=${1:-}
dir=${2:-}
[ -n "$action" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop|halt|resume DIR" >&2; exit 2; }

bindir=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)
[ -x "$bindir/initdb" ] || { echo "$0: PostgreSQL 15 is not installed (scripts/install-deps.sh installs it)" >&2; exit 1; }

# Run the server as an unprivileged user: the current one, or `postgres` when we are root.
if [ "$(id -u)" -eq 0 ]; then
  runas=(runuser -u postgres --)
else
  runas=()
fi

# The server's options: the port given, the socket in DIR, only 127.0.0.1.
start_server() {
  local dir=$1 port=$2
  "${runas[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c fsync=on -c max_connections=100" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
}

case "$action" in
  start)
    mkdir -p "$dir"
    chmod 755 "$dir"
    data="$dir/data"
    mkdir -p "$data"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$data" "$dir"
    password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)
    printf '%s\n' "$password" > "$dir/pwfile"
    chmod 600 "$dir/pwfile"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/pwfile"
    "${runas[@]}" "$bindir/initdb" -D "$data" -U rt_super --pwfile="$dir/pwfile" \
      --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    rm -f "$dir/pwfile"
    # A free port: ask the kernel for one, then hand it to the server.
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    echo "$port" > "$dir/port"
    start_server "$dir" "$port"
    export PGPASSWORD="$password"
    psql -X -q -h 127.0.0.1 -p "$port" -U rt_super -d postgres -v ON_ERROR_STOP=1 \
      -c "CREATE DATABASE rt_test" >/dev/null
    psql -X -q -h 127.0.0.1 -p "$port" -U rt_super -d rt_test -v ON_ERROR_STOP=1 \
      -c "CREATE EXTENSION postgis" >/dev/null
    cat > "$dir/env.sh" <<ENV
export RT_TEST_PG='postgresql://rt_super:$password@127.0.0.1:$port/rt_test'
export RT_TEST_PG_HOST=127.0.0.1
export RT_TEST_PG_PORT=$port
export RT_TEST_PG_SUPERUSER=rt_super
export RT_TEST_PG_PASSWORD='$password'
ENV
    ;;
  halt)
    [ -f "$dir/port" ] || { echo "$0: no test cluster in $dir" >&2; exit 1; }
    "${runas[@]}" "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  resume)
    [ -f "$dir/port" ] || { echo "$0: no test cluster in $dir" >&2; exit 1; }
    start_server "$dir" "$(cat "$dir/port")"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      "${runas[@]}" "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 \
        || "${runas[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop|halt|resume DIR" >&2; exit 2 ;;
esac
