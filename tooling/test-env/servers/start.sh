#!/usr/bin/env bash
# Starts local test servers on 127.0.0.1 only, on free ports, and waits until they answer.
#   TEST_SERVERS      which to start: "rgw s3rver" (default), or either one
#   TEST_SERVERS_DIR  state dir: pids/, logs/, data and the env file (default /tmp/sessionkit-test-servers)
#   S3RVER_BIN        path to s3rver's bin/s3rver.js (default: resolved from this package)
# Writes $TEST_SERVERS_DIR/env (KEY=VALUE lines: endpoints and keys). Stop with stop.sh (by PID, rgw → osd → mon).
# Installs Ceph from Debian when it is missing and we are root; otherwise exits 3 with what to run.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SERVERS=${TEST_SERVERS:-"rgw s3rver"}
STATE=${TEST_SERVERS_DIR:-/tmp/sessionkit-test-servers}
RGW_AK=AKIARGWTESTUSER00001
RGW_SK=rgwTestSecretKey0000000000000000000000001
RGW_OTHER_AK=AKIARGWOTHERUSER0001
RGW_OTHER_SK=rgwOtherSecretKey000000000000000000000001

# A free loopback port outside the OSD's 6800-7300 range.
free_port() {
  node -e '
    const net = require("node:net");
    const pick = () => { const s = net.createServer(); s.listen(0, "127.0.0.1", () => {
      const p = s.address().port; s.close(() => { if (p >= 6800 && p <= 7300) pick(); else console.log(p); }); }); };
    pick();'
}
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
T0=$(now_ms)
wait_http() { # URL PID TIMEOUT_S
  local url=$1 pid=$2 deadline=$(( $(date +%s) + $3 ))
  until curl -s -o /dev/null --max-time 2 "$url"; do
    kill -0 "$pid" 2>/dev/null || { echo "server behind $url exited; see $STATE/logs" >&2; return 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { echo "timeout waiting for $url" >&2; return 1; }
    sleep 0.1
  done
}

if compgen -G "$STATE/pids/*.pid" > /dev/null; then TEST_SERVERS_DIR=$STATE bash "$HERE/stop.sh"; fi
rm -rf "$STATE"; mkdir -p "$STATE/pids" "$STATE/logs"
ENV=$STATE/env; : > "$ENV"

for s in $SERVERS; do case $s in
s3rver)
  BIN=${S3RVER_BIN:-$(cd "$HERE/.." && node -p 'require.resolve("s3rver/bin/s3rver.js")')}
  PORT=$(free_port)
  mkdir -p "$STATE/s3rver-data"
  # --openssl-legacy-provider: s3rver encrypts ListObjectsV2 continuation tokens with DES
  node --openssl-legacy-provider "$BIN" -d "$STATE/s3rver-data" -a 127.0.0.1 -p "$PORT" --silent \
    > "$STATE/logs/s3rver.log" 2>&1 &
  echo $! > "$STATE/pids/s3rver.pid"
  wait_http "http://127.0.0.1:$PORT/" "$!" 30
  printf 'S3RVER_ENDPOINT=http://127.0.0.1:%s\nS3RVER_ACCESS_KEY_ID=S3RVER\nS3RVER_SECRET_ACCESS_KEY=S3RVER\n' "$PORT" >> "$ENV"
  echo "s3rver ready on 127.0.0.1:$PORT at +$(( $(now_ms) - T0 )) ms" ;;
rgw)
  if ! command -v radosgw >/dev/null || ! command -v ceph-osd >/dev/null || ! command -v ceph-mon >/dev/null; then
    if [ "$(id -u)" != 0 ]; then
      echo "Ceph RGW is not installed. Run as root: apt-get update && apt-get install -y --no-install-recommends ceph-mon ceph-osd radosgw" >&2
      exit 3
    fi
    echo "installing Ceph RGW from Debian (about a minute, once) ..."
    apt-get update -qq > "$STATE/logs/apt.log" 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ceph-mon ceph-osd radosgw >> "$STATE/logs/apt.log" 2>&1
    echo "ceph installed at +$(( $(now_ms) - T0 )) ms"
  fi
  RGW_PORT=$(free_port); MON2=$(free_port); MON1=$(free_port)
  D=$STATE/ceph; mkdir -p "$D"/{mon,osd,rgw,run}
  CONF=$D/ceph.conf; FSID=$(cat /proc/sys/kernel/random/uuid)
  # Smallest cluster RGW runs on: 1 mon + 1 memstore OSD, no cephx. crc mode lets rgw talk to a mon
  # with auth none; the paxos settings cut rgw's first start from ~13 s to ~2 s.
  cat > "$CONF" <<CONF
[global]
fsid = $FSID
mon_host = [v2:127.0.0.1:$MON2,v1:127.0.0.1:$MON1]
public_addr = 127.0.0.1
cluster_addr = 127.0.0.1
ms_bind_ipv6 = false
auth_cluster_required = none
auth_service_required = none
auth_client_required = none
osd_pool_default_size = 1
osd_pool_default_min_size = 1
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
osd_pool_default_pg_autoscale_mode = off
osd_crush_chooseleaf_type = 0
mon_allow_pool_size_one = true
mon_warn_on_pool_no_redundancy = false
run_dir = $D/run
admin_socket = $D/run/\$name.asok
pid_file = $D/run/\$name.pid
log_file = $STATE/logs/ceph-\$name.log
keyring = $D/keyring
[mon.a]
mon_data = $D/mon
paxos_propose_interval = 0.01
paxos_min_wait = 0.001
mon_data_avail_crit = 0
[osd.0]
osd_data = $D/osd
osd_objectstore = memstore
memstore_device_bytes = 2147483648
[client.rgw.a]
ms_mon_client_mode = crc
rgw_frontends = beast endpoint=127.0.0.1:$RGW_PORT tcp_nodelay=1
rgw_data = $D/rgw
rgw_dns_name = localhost
rgw_sts_key = 0123456789abcdef
rgw_s3_auth_use_sts = true
CONF
  touch "$D/keyring"
  monmaptool --create --fsid "$FSID" --addv a "[v2:127.0.0.1:$MON2,v1:127.0.0.1:$MON1]" "$D/monmap" > /dev/null
  ceph-mon -c "$CONF" --mkfs -i a --monmap "$D/monmap"
  ceph-mon -c "$CONF" -i a
  OSD_UUID=$(cat /proc/sys/kernel/random/uuid)
  ceph -c "$CONF" --connect-timeout 20 osd new "$OSD_UUID" > /dev/null
  ceph-osd -c "$CONF" -i 0 --mkfs --osd-uuid "$OSD_UUID" 2> /dev/null
  ceph-osd -c "$CONF" -i 0 2> /dev/null
  radosgw -c "$CONF" -n client.rgw.a
  for n in mon.a osd.0 client.rgw.a; do
    for _ in $(seq 1 100); do [ -s "$D/run/$n.pid" ] && break; sleep 0.05; done
    cp "$D/run/$n.pid" "$STATE/pids/ceph-$n.pid"
  done
  wait_http "http://127.0.0.1:$RGW_PORT/" "$(cat "$D/run/client.rgw.a.pid")" 120
  A="radosgw-admin -c $CONF"
  $A user create --uid=testuser --display-name="Test User" --access-key=$RGW_AK --secret=$RGW_SK > /dev/null
  $A caps add --uid=testuser --caps="roles=*;user-policy=*" > /dev/null
  $A user create --uid=otheruser --display-name="Other User" --access-key=$RGW_OTHER_AK --secret=$RGW_OTHER_SK > /dev/null
  $A role create --role-name=S3Access --path=/ \
     --assume-role-policy-doc='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam:::user/testuser"]},"Action":["sts:AssumeRole"]}]}' > /dev/null
  $A role-policy put --role-name=S3Access --policy-name=AllowS3 \
     --policy-doc='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*"],"Resource":"arn:aws:s3:::*"}]}' > /dev/null
  cat >> "$ENV" <<EOF2
RGW_ENDPOINT=http://127.0.0.1:$RGW_PORT
RGW_ACCESS_KEY_ID=$RGW_AK
RGW_SECRET_ACCESS_KEY=$RGW_SK
RGW_OTHER_ACCESS_KEY_ID=$RGW_OTHER_AK
RGW_OTHER_SECRET_ACCESS_KEY=$RGW_OTHER_SK
RGW_ROLE_ARN=arn:aws:iam:::role/S3Access
RGW_CEPH_CONF=$CONF
EOF2
  echo "rgw ready on 127.0.0.1:$RGW_PORT (S3+STS+IAM) at +$(( $(now_ms) - T0 )) ms" ;;
*) echo "unknown server $s" >&2; exit 2 ;;
esac; done
