#!/usr/bin/env bash
# Runs the WebVoice sample in a real browser: starts the app (offline, embedded emulator, with a known API key),
# drives Debian's headless Chromium with a fake microphone that plays a WAV of emulator speech, and checks that
# the typed text was spoken (audio received, every word highlighted), the microphone was transcribed, the agent
# answered what the microphone said, and no request from the page carried the API key. Installs chromium with apt-get when missing (no browser downloads)
# and puppeteer-core from the npm registry. Exits non-zero on any failure.
# Usage: samples/WebVoice/browser-test.sh [--no-build]   (screenshot: docs/webvoice.png)
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
here="$root/samples/WebVoice"

# Debian's packages for what is missing: chromium, and node + npm (puppeteer-core 24 needs node 18 or later).
missing=()
command -v chromium > /dev/null || missing+=(chromium)
command -v node > /dev/null || missing+=(nodejs)
command -v npm > /dev/null || missing+=(npm)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== installing ${missing[*]} (Debian packages)"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi

echo "== npm ci (puppeteer-core; it downloads no browser)"
(cd "$here/browser-test" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)

if [ "${1:-}" != "--no-build" ]; then
  echo "== build"
  dotnet build "$here/WebVoice.csproj" -nologo -v quiet
  dotnet build "$root/src/Cartesia.Cli/Cartesia.Cli.csproj" -nologo -v quiet
fi

work="$(mktemp -d)"
app_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2> /dev/null || true; wait "$app_pid" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The microphone's sentence, spoken by the emulator, then 6 s of silence (so the agent can answer before Chromium
# loops the file), as a 16-bit mono WAV: Chromium's fake microphone plays it.
sentence="The microphone hears this sentence clearly."
XDG_DATA_HOME="$work" CARTESIA_API_KEY= CARTESIA_BASE_URL= dotnet run --no-build --project "$root/src/Cartesia.Cli" -- tts "$sentence" -o "$work/mic.raw" --sample-rate 48000 2> /dev/null
node -e '
const fs = require("fs");
const [raw, wav] = process.argv.slice(1);
const pcm = Buffer.concat([fs.readFileSync(raw), Buffer.alloc(48000 * 2 * 6)]);
const h = Buffer.alloc(44);
h.write("RIFF", 0); h.writeUInt32LE(36 + pcm.length, 4); h.write("WAVEfmt ", 8); h.writeUInt32LE(16, 16);
h.writeUInt16LE(1, 20); h.writeUInt16LE(1, 22); h.writeUInt32LE(48000, 24); h.writeUInt32LE(96000, 28);
h.writeUInt16LE(2, 32); h.writeUInt16LE(16, 34); h.write("data", 36); h.writeUInt32LE(pcm.length, 40);
fs.writeFileSync(wav, Buffer.concat([h, pcm]));' "$work/mic.raw" "$work/mic.wav"

# A key only this run knows: the emulator requires it, and the browser must never see it.
key="sk_car_webvoice_browsertest_$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
url="http://localhost:$port/"
echo "== starting WebVoice at $url (embedded emulator)"
(cd "$work" && CARTESIA_API_KEY= WebVoice__EmulatorApiKey="$key" ASPNETCORE_URLS="http://localhost:$port" \
  exec dotnet "$here/bin/Debug/net10.0/WebVoice.dll" > "$work/app.log" 2>&1) &
app_pid=$!
for _ in $(seq 1 120); do
  if curl -fsS "${url}api/settings" > /dev/null 2>&1; then break; fi
  if ! kill -0 "$app_pid" 2> /dev/null; then cat "$work/app.log"; echo "WebVoice exited early"; exit 1; fi
  sleep 0.5
done
curl -fsS "${url}api/settings" > /dev/null || { cat "$work/app.log"; echo "WebVoice did not start"; exit 1; }

echo "== driving $(chromium --version 2> /dev/null || echo chromium)"
status=0
node "$here/browser-test/drive.mjs" "$url" "$key" "$work/mic.wav" "$sentence" "$root/docs/webvoice.png" || status=$?
if [ "$status" != 0 ]; then
  echo "-- app log"
  cat "$work/app.log"
fi
exit "$status"
