#!/usr/bin/env bash
# A throwaway PostgreSQL server for the integration tests: a cluster of its own in
# a temporary folder, listening on loopback only, on the port Maven reserved.
#   pg.sh start STATE_DIR PORT   (creates databases telegate_it, telegate_bundle and telegate_upgrade)
#   pg.sh stop STATE_DIR
# Needs Debian's postgresql package (.ci/run installs it when missing). As root,
# the server runs as the postgres user, since PostgreSQL refuses to run as root.
#   Any further arguments are Maven's skip flags (skipTests, skipITs): if one is
#   true, there is nothing to start or stop.
set -euo pipefail

usage() {
    echo "usage: pg.sh start STATE_DIR PORT [SKIP...] | pg.sh stop STATE_DIR [SKIP...]" >&2
    exit 2
}
[ $# -ge 2 ] || usage
command=$1
state=$(realpath -m "$2")
case $command in
start) [ $# -ge 3 ] || usage; skips=("${@:4}") ;;
stop) skips=("${@:3}") ;;
*) usage ;;
esac
for skip in "${skips[@]}"; do
    if [ "$skip" = true ]; then
        exit 0
    fi
done
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
password=telegate

as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

stop_cluster() {
    if [ -f "$state/cluster" ]; then
        cluster=$(cat "$state/cluster")
        if [ -f "$cluster/data/postmaster.pid" ]; then
            as_owner "$bin/pg_ctl" -D "$cluster/data" -m fast -w -t 30 stop >/dev/null || true
        fi
        rm -rf "$cluster"
        rm -f "$state/cluster"
    fi
}

if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "pg.sh: PostgreSQL's server programs are not installed (/usr/lib/postgresql/*/bin/initdb)." >&2
    echo "pg.sh: install Debian's postgresql package (apt-get install postgresql); .ci/run does it." >&2
    exit 1
fi

case $command in
start)
    port=$3
    mkdir -p "$state"
    stop_cluster # one left by an interrupted build
    cluster=$(mktemp -d /tmp/telegate-it-pg.XXXXXX)
    echo "$cluster" > "$state/cluster"
    echo "$password" > "$cluster/password"
    if [ "$(id -u)" = 0 ]; then
        chown -R postgres "$cluster"
    fi
    as_owner "$bin/initdb" -D "$cluster/data" -U telegate --auth=scram-sha-256 --pwfile="$cluster/password" \
        --encoding=UTF8 --locale=C.UTF-8 >"$cluster/initdb.log" 2>&1 || { cat "$cluster/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$cluster -c fsync=off" start >/dev/null \
        || { cat "$cluster/server.log" >&2; exit 1; }
    for database in telegate_it telegate_bundle telegate_upgrade; do
        PGPASSWORD=$password "$bin/createdb" -h 127.0.0.1 -p "$port" -U telegate "$database"
    done
    echo "pg.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($cluster)"
    ;;
stop)
    stop_cluster
    ;;
esac
