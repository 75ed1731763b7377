#!/usr/bin/env bash
# Prints "SECONDS RSS_KIB" for process PID every INTERVAL seconds (default 10) until it exits,
# starting with a sample at 0 s. Used by bench/load. Usage: bench/rss_sampler.sh PID [INTERVAL]
set -uo pipefail
pid=$1
interval=${2:-10}
start=$(date +%s)
while [ -r "/proc/$pid/status" ]; do
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null) || break
  [ -n "$rss" ] || break
  echo "$(( $(date +%s) - start )) $rss"
  sleep "$interval"
done
