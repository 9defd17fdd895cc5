#!/usr/bin/env bash
# CLI start-up (issue 15): `minidrama --help` and `minidrama upload` of a tiny file against the
# emulator, each run N times (default 5) in a fresh JVM under GNU /usr/bin/time; prints the median
# wall time, CPU (user + sys) and peak RSS of each, without and with an AppCDS archive of the CLI's
# classes (built here first unless it exists: see below). Run from the repository root after
#   mvn -B -ntp -q package -DskipTests
# Usage: benchmarks/cli-startup.sh [N]
# The archive (JDK 17 dynamic AppCDS, next to the jar; remade when older than the jar) is the one the
# README tells a user to make:
#   java -XX:ArchiveClassesAtExit=minidrama-cli/target/minidrama.jsa -jar minidrama-cli/target/minidrama.jar demo
# (or: benchmarks/cli-startup.sh --archive-only), used with
#   java -XX:SharedArchiveFile=minidrama-cli/target/minidrama.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar ...
set -euo pipefail
jar=${CLI_JAR:-minidrama-cli/target/minidrama.jar}   # CLI_JAR: another build of the jar, to compare
jsa=${jar%.jar}.jsa
n=5 archive_only=false
case "${1:-}" in --archive-only) archive_only=true ;; "") ;; *) n=$1 ;; esac
[ -f "$jar" ] || { echo "no $jar: run mvn -B -ntp -q package -DskipTests first" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill "$emu" 2>/dev/null || true; rm -rf "$work"' EXIT

java -jar "$jar" emulator --port 0 >"$work/emu.log" 2>&1 &
emu=$!
for _ in $(seq 100); do grep -q 'listening on' "$work/emu.log" 2>/dev/null && break; sleep 0.2; done
base=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$work/emu.log")
[ -n "$base" ] || { cat "$work/emu.log" >&2; exit 1; }
head -c 65536 /dev/urandom >"$work/ep.mp4"
export MINIDRAMA_APPID=wxbench000000000001 MINIDRAMA_SECRET=bench MINIDRAMA_BASE_URL=$base
k=0

if [ ! -f "$jsa" ] || [ "$jsa" -ot "$jar" ] || $archive_only; then
  # The archive a user makes (README, "Faster start-up"): the classes loaded by `demo` (single and chunked
  # uploads through the HTTP adapter to the embedded emulator, a submission...), as a JDK 17 dynamic archive.
  rm -f "$jsa"
  java -XX:ArchiveClassesAtExit="$jsa" -jar "$jar" demo >/dev/null 2>&1
  echo "archive: $jsa ($(du -m "$jsa" | cut -f1) MB)"
  $archive_only && exit 0
fi

measure() { # measure LABEL help|upload [JVM OPTION...]: N runs; medians of wall, user+sys, peak RSS
  local label=$1 kind=$2; shift 2
  for ((i = 0; i < n; i++)); do
    if [ "$kind" = help ]; then
      cmd=(java "$@" -jar "$jar" --help)
    else
      k=$((k + 1)); cmd=(java "$@" -jar "$jar" upload "$work/ep.mp4" --name "启动短剧 - 第$k集" --checkpoint-dir "$work/cp$k" --json)
    fi
    /usr/bin/time -f "%e %U %S %M" -o "$work/t" "${cmd[@]}" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    tail -1 "$work/t"
  done | awk '{ printf "%s %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }' >"$work/runs"
  printf "| %s | %d | %s | %s | %s |\n" "$label" "$n" \
    "$(cut -d' ' -f1 "$work/runs" | sort -n | median)" "$(cut -d' ' -f2 "$work/runs" | sort -n | median)" \
    "$(cut -d' ' -f3 "$work/runs" | sort -n | median)"
}
median() { awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
echo "load average: $(cut -d' ' -f1 /proc/loadavg); $(java -version 2>&1 | head -1)"
echo "| command | runs | wall s (median) | CPU s user+sys (median) | peak RSS MB (median) |"
echo "|---|---|---|---|---|"
measure "--help" help
measure "--help, AppCDS" help -XX:SharedArchiveFile="$jsa"
measure "upload 64 KiB" upload
measure "upload 64 KiB, AppCDS" upload -XX:SharedArchiveFile="$jsa"
fast=(-XX:SharedArchiveFile="$jsa" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
measure "--help, AppCDS, C1 only, Serial GC" help "${fast[@]}"
measure "upload 64 KiB, AppCDS, C1 only, Serial GC" upload "${fast[@]}"
