#!/usr/bin/env bash
# Publishes this sample with NativeAOT (warnings are errors) and runs it against an emulator process.
# Usage: samples/NativeAot/run.sh            (from anywhere)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$(mktemp -d)"
log="$out/emulator.log"

dotnet publish "$here/NativeAot.csproj" -c Release -r linux-x64 -o "$out/app" -nologo -v quiet
dotnet build "$root/src/Cartesia.Cli" -nologo -v quiet
dotnet "$root/src/Cartesia.Cli/bin/Debug/net10.0/Cartesia.Cli.dll" emulator --port 0 > "$log" 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q "listening on" "$log" && break; sleep 0.1; done
url="$(grep -o 'listening on [^ ]*' "$log" | cut -d' ' -f3)"
echo "emulator at $url"
CARTESIA_API_KEY=sk_car_aot CARTESIA_BASE_URL="$url" "$out/app/NativeAot"
