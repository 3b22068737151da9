#!/usr/bin/env bash
# Adds server-config/boot.properties to the bundle's MICRO-INF/payara-boot.properties,
# which Payara Micro's launcher makes system properties before anything else starts.
# Usage: add-boot-properties.sh JAR PROPERTIES WORKDIR
set -euo pipefail
jar_file=$1 properties=$2 work=$3
rm -rf "$work"
mkdir -p "$work/MICRO-INF"
unzip -p "$jar_file" MICRO-INF/payara-boot.properties > "$work/MICRO-INF/payara-boot.properties"
grep -v '^#' "$properties" | grep -v '^[[:space:]]*$' >> "$work/MICRO-INF/payara-boot.properties"
# jar keeps the stored (uncompressed) nested jars as they are, which Payara's loader needs
(cd "$work" && "${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}/bin/jar" uf "$jar_file" MICRO-INF/payara-boot.properties)
