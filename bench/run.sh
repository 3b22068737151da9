#!/usr/bin/env bash
# Telegate's benchmarks: builds the bundle if needed, then runs every scenario
# against the emulated Telegram on loopback and prints a table (also written to
# bench/out/results.md). Takes a few minutes; run on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests
exec java -Xmx2g bench/Bench.java "$@"
