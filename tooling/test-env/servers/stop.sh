#!/usr/bin/env bash
# Stops what start.sh started, by PID file: s3rver and radosgw first (rgw hangs ~120 s on exit if the OSD
# is gone), then the OSD (it waits 5 s if the mon is gone), then the mon. TERM, up to 5 s, then KILL.
STATE=${TEST_SERVERS_DIR:-/tmp/sessionkit-test-servers}
gone() { [ ! -d "/proc/$1" ] || grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null; }
stop_group() {
  local pids=() f p alive
  for f in "$@"; do [ -f "$f" ] || continue; p=$(cat "$f"); kill "$p" 2>/dev/null && pids+=("$p"); rm -f "$f"; done
  [ ${#pids[@]} = 0 ] && return 0
  for _ in $(seq 1 50); do
    alive=0; for p in "${pids[@]}"; do gone "$p" || alive=1; done
    [ $alive = 0 ] && return 0; sleep 0.1
  done
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
}
P=$STATE/pids
stop_group "$P/s3rver.pid" "$P/ceph-client.rgw.a.pid"
stop_group "$P/ceph-osd.0.pid"
stop_group "$P/ceph-mon.a.pid"
exit 0
