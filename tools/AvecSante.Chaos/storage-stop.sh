#!/usr/bin/env bash
# The chaos run with storage stopped mid-run (docs/benchmarks.md): its own Azurite (127.0.0.1:10900-10902) and local
# host (127.0.0.1:7190); after 4 s Azurite is stopped, and started again 20 s later on the same data. The chaos command
# retries every non-2xx as HelloAsso does, then waits for the sweeper to finish what was answered 202, and checks that
# every distinct item is exactly one ticket. Usage: tools/AvecSante.Chaos/storage-stop.sh [deliveries=5000] [senders=20]
# [settle-seconds=660]. The wait outlasts the queue's 10-minute lease: a poll whose answer is lost when storage stops
# leaves its messages invisible until that lease ends (the Functions host leases for 10 minutes too). The command stops
# waiting as soon as every ticket is there.
set -u
cd "$(dirname "$0")/../.."
source scripts/lib.sh
deliveries=${1:-5000}
senders=${2:-20}
settle=${3:-660}
data=.local/azurite-storage-stop
rm -rf "$data" && mkdir -p "$data"
start_storage() {
  setsid node_modules/.bin/azurite --silent --location "$data" --blobHost 127.0.0.1 --blobPort 10900 --queueHost 127.0.0.1 \
    --queuePort 10901 --tableHost 127.0.0.1 --tablePort 10902 --skipApiVersionCheck --loose >>"$data/azurite.out" 2>&1 &
  echo $!
}
install_node_tools
dotnet build src/AvecSante.LocalHost -nologo -v quiet && dotnet build tools/AvecSante.Chaos -c Release -nologo -v quiet || exit 1
storage=$(start_storage)
sleep 3
export AVECSANTE_SETTINGS_FILE="$PWD/local.settings.sample.json"
export Storage__ConnectionString
Storage__ConnectionString=$(azurite_connection_string 10900)
export WorkQueues="$Storage__ConnectionString"
export Schedules__SweepTicketingInbox="*/10 * * * * *"
export Email__LocalOutboxPath="$PWD/.local/outbox-storage-stop"
dotnet src/AvecSante.LocalHost/bin/Debug/net10.0/AvecSante.LocalHost.dll --urls http://127.0.0.1:7190 >.local/localhost-storage-stop.log 2>&1 &
host=$!
trap 'kill $host 2>/dev/null; kill -9 $storage 2>/dev/null' EXIT
for _ in $(seq 1 60); do port_open 7190 && break; sleep 1; done
dotnet tools/AvecSante.Chaos/bin/Release/net10.0/AvecSante.Chaos.dll http://127.0.0.1:7190/ local-dev-key local-helloasso-url-secret "$deliveries" 0.3 "$senders" 0 "$settle" &
chaos=$!
sleep 4
say "Stopping storage"
kill -TERM "$storage"; for _ in $(seq 1 50); do kill -0 "$storage" 2>/dev/null || break; sleep 0.2; done; kill -9 "$storage" 2>/dev/null
sleep 20
say "Starting storage again"
storage=$(start_storage)
wait "$chaos"
status=$?
echo "503 answers while storage was down: $(grep -c 'answered 503' .local/localhost-storage-stop.log)"
exit $status
