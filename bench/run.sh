#!/usr/bin/env bash
# The one command that reruns the whole comparison: builds the harness, starts an emulator process in firehose
# mode with TLS (the official TypeScript SDK always opens the TTS socket with wss) and runs the SDK, the raw-limit
# baseline, a discarding client and @cartesia/cartesia-js against it, interleaved round by round; the .NET clients
# also run against a second, plain-ws firehose emulator, where the server's TLS is not the ceiling.
# Prints the ratio table; writes bench/results.json (full run) or a temp file (--smoke).
#   bash bench/run.sh            full sizes, 5 rounds (about 10 minutes on 2 cores)
#   bash bench/run.sh --smoke    tiny sizes, 1 round (CI: proves the harness still runs; the numbers mean nothing)
#   bash bench/run.sh --rounds 3 other harness options pass through (--only a1,a100 runs only those workloads,
#                                --warm-up SECONDS for a shorter warm-up)
#   bash bench/run.sh --pin      pin the emulators to the last core and the clients to the others (see below)
# Not pinned by default. With --pin, taskset (util-linux) and 2 or more cores, the emulators run on the last core and
# the harness (with the clients it starts: Node, the child processes) on the others, so a client never takes the
# server's CPU nor the other way round. On 2 cores that leaves every client one core: the raw clients (one flow)
# lose nothing, the SDK's receive loop and its readers share it, so pinned ratios understate the SDK there
# (docs/performance.md, issue 21). The paced workload (dp) keeps the server far from busy either way.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
unset CARTESIA_API_KEY CARTESIA_BASE_URL

smoke=false
pin=false
aot=true
args=()
prev=""
for arg in "$@"; do
  case "$arg" in
    --smoke) smoke=true; args+=("$arg") ;;
    --pin) pin=true ;;
    --no-pin) pin=false ;;
    *) args+=("$arg") ;;
  esac
  # --only without f: no workload needs the NativeAOT program, so it is not published.
  [ "$prev" = "--only" ] && [[ ",$arg," != *",f,"* ]] && aot=false
  prev="$arg"
done
cores="$(nproc 2>/dev/null || echo 1)"
server_pin=()
client_pin=()
if [ "$pin" = true ] && command -v taskset > /dev/null && [ "$cores" -ge 2 ]; then
  server_pin=(taskset -c "$((cores - 1))")
  client_pin=(taskset -c "0-$((cores - 2))")
  echo "== pinned: emulators on core $((cores - 1)), the clients on cores 0-$((cores - 2))"
else
  echo "== not pinned (the default; --pin needs taskset and two cores)"
fi
work="$(mktemp -d)"
emulator=""
plain=""
cleanup() {
  for pid in $emulator $plain; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "== build (Release)"
dotnet build src/Cartesia.Cli -c Release -nologo -v quiet
dotnet build bench/Cartesia.Bench.Harness -c Release -nologo -v quiet
dotnet build bench/Cartesia.Bench.FirstAudio -c Release -nologo -v quiet
harness=(dotnet "$root/bench/Cartesia.Bench.Harness/bin/Release/net10.0/Cartesia.Bench.Harness.dll")
extra=(--first-audio-jit "$root/bench/Cartesia.Bench.FirstAudio/bin/Release/net10.0/Cartesia.Bench.FirstAudio.dll")
if [ "$smoke" = false ] && [ "$aot" = true ]; then
  echo "== publish the first-audio program with NativeAOT"
  dotnet publish bench/Cartesia.Bench.FirstAudio -c Release -r linux-x64 -o "$work/aot" -nologo -v quiet
  extra+=(--first-audio-aot "$work/aot/Cartesia.Bench.FirstAudio")
fi

if command -v node > /dev/null && command -v npm > /dev/null; then
  echo "== npm ci (the official TypeScript SDK)"
  if (cd bench/node && npm ci --no-audit --no-fund --loglevel=error); then
    extra+=(--node "$root/bench/node")
  else
    echo "npm ci failed: the TypeScript SDK is left out of this run"
  fi
else
  echo "node/npm not found: the TypeScript SDK is left out of this run"
fi

wait_url() { # the URL an emulator printed in its log
  for _ in $(seq 1 200); do grep -q "listening on" "$1" && break; sleep 0.1; done
  local found; found="$(grep -o 'listening on [^ ]*' "$1" | cut -d' ' -f3)"
  [ -n "$found" ] || { cat "$1"; echo "the emulator did not start" >&2; exit 1; }
  echo "$found"
}
echo "== start the emulators (firehose): TLS for every client, plain ws for the .NET clients as well"
# The emulators' thread-pool workers do not spin while they wait for work (they would take CPU from the client on
# this core count, and count as the server's load in the "server not the bottleneck" checks: (ep)'s emulator at
# 0.42-0.58 of a core with spinning, 0.32-0.44 without). The clients keep the runtime's defaults, as users have them.
cli=(env DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 dotnet "$root/src/Cartesia.Cli/bin/Release/net10.0/Cartesia.Cli.dll" emulator --port 0 --firehose)
"${server_pin[@]}" "${cli[@]}" --tls --cert-out "$work/emulator.pem" > "$work/emulator.log" 2>&1 &
emulator=$!
"${server_pin[@]}" "${cli[@]}" > "$work/plain.log" 2>&1 &
plain=$!
url="$(wait_url "$work/emulator.log")"
plain_url="$(wait_url "$work/plain.log")"
echo "emulators at $url and $plain_url"

json="$root/bench/results.json"
[ "$smoke" = true ] && json="$work/results.json"
"${client_pin[@]}" "${harness[@]}" --url "$url" --cert "$work/emulator.pem" --plain-url "$plain_url" --server-pid "$emulator" --plain-server-pid "$plain" \
  --json "$json" "${extra[@]}" "${args[@]}"
