#!/usr/bin/env bash
# The acknowledgement alone (docs/benchmarks.md): its own Azurite and a local host whose queue listener is disabled
# (AzureWebJobs.ProcessTicketingDelivery.Disabled=true, the Functions host's own switch), so while the chaos command
# sends, deliveries are only archived and queued. Once every delivery is answered, a second host on the same storage
# (listener on) drains the queue, and the chaos command checks that every distinct item is exactly one ticket.
# Usage: tools/AvecSante.Chaos/ack-alone.sh [deliveries=3000] [senders=50]
# Ports: ACK_ALONE_PORT (7180; the draining host takes the next one), ACK_ALONE_AZURITE_PORT (10800, 10801, 10802).
set -u
cd "$(dirname "$0")/../.."
source scripts/lib.sh
deliveries=${1:-3000}
senders=${2:-50}
port=${ACK_ALONE_PORT:-7180}
azurite=${ACK_ALONE_AZURITE_PORT:-10800}
data=.local/azurite-ack-alone
out=.local/ack-alone.out
rm -rf "$data" "$out" && mkdir -p "$data"
install_node_tools
dotnet build src/AvecSante.LocalHost -nologo -v quiet && dotnet build tools/AvecSante.Chaos -c Release -nologo -v quiet || exit 1
setsid node_modules/.bin/azurite --silent --location "$data" --blobHost 127.0.0.1 --blobPort "$azurite" --queueHost 127.0.0.1 \
  --queuePort $((azurite + 1)) --tableHost 127.0.0.1 --tablePort $((azurite + 2)) --skipApiVersionCheck --loose >"$data/azurite.out" 2>&1 &
storage=$!
sleep 3
export AVECSANTE_SETTINGS_FILE="$PWD/local.settings.sample.json"
export Storage__ConnectionString
Storage__ConnectionString=$(azurite_connection_string "$azurite")
export WorkQueues="$Storage__ConnectionString"
export Email__LocalOutboxPath="$PWD/.local/outbox-ack-alone"
export Diagnostics__StorageCallsHeader=true
host_dll=src/AvecSante.LocalHost/bin/Debug/net10.0/AvecSante.LocalHost.dll
env AzureWebJobs.ProcessTicketingDelivery.Disabled=true dotnet "$host_dll" --urls "http://127.0.0.1:$port" >.local/localhost-ack-alone.log 2>&1 &
acknowledging=$!
draining=""
trap 'kill $acknowledging $draining 2>/dev/null; kill -9 $storage 2>/dev/null' EXIT
for _ in $(seq 1 90); do port_open "$port" && break; sleep 1; done
say "Load average before the run: $(uptime | sed 's/.*load average: //')"
dotnet tools/AvecSante.Chaos/bin/Release/net10.0/AvecSante.Chaos.dll "http://127.0.0.1:$port/" local-dev-key local-helloasso-url-secret \
  "$deliveries" 0.3 "$senders" 0 600 >"$out" 2>&1 &
chaos=$!
until grep -q "^answered all" "$out" 2>/dev/null || ! kill -0 "$chaos" 2>/dev/null; do sleep 0.5; done
say "Load average at the end of the load: $(uptime | sed 's/.*load average: //')"
say "Every delivery answered: a second host, listener on, drains the queue"
dotnet "$host_dll" --urls "http://127.0.0.1:$((port + 1))" >.local/localhost-ack-alone-drain.log 2>&1 &
draining=$!
wait "$chaos"
result=$?
cat "$out"
exit "$result"
