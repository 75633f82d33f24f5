// The official TypeScript SDK (@cartesia/cartesia-js) against the emulator's firehose, one workload per run.
// Usage: node bench.js '{"workload":"throughput|ttfa|many|bytes|stt","url":"https://127.0.0.1:PORT/",...}'
// Prints one JSON line. The SDK always opens the TTS socket with wss: run the emulator with --tls and set
// NODE_EXTRA_CA_CERTS to its certificate. CommonJS, no build step.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Readable } = require('stream');
const { pipeline } = require('stream/promises');
const Cartesia = require('@cartesia/cartesia-js').default ?? require('@cartesia/cartesia-js');

const args = JSON.parse(process.argv[2]);
const client = new Cartesia({ apiKey: 'sk_car_bench', baseURL: args.url.replace(/\/$/, '') });
const VOICE = 'a0e99841-438c-4a64-b679-ae501e7d6091';
const contextOptions = () => ({
  model_id: 'sonic-3',
  voice: { mode: 'id', id: VOICE },
  output_format: { container: 'raw', encoding: 'pcm_s16le', sample_rate: 24000 },
});
const nowMicros = () => Number(process.hrtime.bigint()) / 1000; // CLOCK_MONOTONIC, like the emulator's stamp
const percentile = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank), hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
};

async function throughput() {
  const ws = await client.tts.websocket();
  const start = process.hrtime.bigint();
  const totals = await Promise.all(Array.from({ length: args.contexts }, async () => {
    const ctx = ws.context(contextOptions());
    await ctx.push({ transcript: 'Hello.' });
    await ctx.no_more_inputs();
    let bytes = 0;
    for await (const event of ctx.receive()) {
      if (event.type === 'chunk') bytes += event.audio.length;
    }
    return bytes;
  }));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  ws.close();
  const total = totals.reduce((a, b) => a + b, 0);
  if (total !== args.contexts * args.chunks * args.chunkBytes) throw new Error(`received ${total} bytes`);
  return { mbps: total / seconds / 1e6, bytes: total };
}

async function ttfa() {
  const ws = await client.tts.websocket();
  const micros = [];
  for (let i = 0; i < args.iterations; i++) {
    const ctx = ws.context(contextOptions());
    const events = ctx.receive()[Symbol.asyncIterator]();
    const t0 = process.hrtime.bigint();
    await ctx.push({ transcript: 'Hello.' });
    for (;;) {
      const next = await events.next();
      if (next.done || next.value.type === 'chunk') break;
    }
    micros.push(Number(process.hrtime.bigint() - t0) / 1000);
    await ctx.no_more_inputs();
    for (;;) {
      const next = await events.next();
      if (next.done) break;
    }
  }
  ws.close();
  return { p50: percentile(micros, 50), p99: percentile(micros, 99) };
}

async function many() {
  const ws = await client.tts.websocket();
  const expected = tone(args.chunkBytes);
  const latencies = [];
  let lost = 0, misrouted = 0;
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: args.contexts }, async () => {
    const ctx = ws.context(contextOptions());
    await ctx.push({ transcript: 'Hello.' });
    await ctx.no_more_inputs();
    let chunks = 0, last = null;
    for await (const event of ctx.receive()) {
      last = event;
      if (event.context_id !== ctx.contextId) misrouted++;
      if (event.type === 'chunk') {
        latencies.push(nowMicros() - event.step_time);
        chunks++;
        if (Buffer.compare(Buffer.from(event.audio.buffer, event.audio.byteOffset, event.audio.byteLength), expected) !== 0) misrouted++;
      }
    }
    if (chunks !== args.chunks || last?.type !== 'done') lost += Math.max(1, args.chunks - chunks);
  }));
  const completion = Number(process.hrtime.bigint() - start) / 1e6;
  ws.close();
  return { completion_ms: completion, p99: percentile(latencies, 99), lost, misrouted };
}

async function bytes() {
  const file = path.join(os.tmpdir(), `cartesia-bench-node-${process.pid}-${Date.now()}.pcm`);
  const start = process.hrtime.bigint();
  const response = await client.tts.generate({
    model_id: 'sonic-3',
    transcript: 'A long read.',
    voice: { mode: 'id', id: VOICE },
    output_format: { container: 'raw', encoding: 'pcm_s16le', sample_rate: 24000 },
  });
  await pipeline(Readable.fromWeb(response.body), fs.createWriteStream(file));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const length = fs.statSync(file).size;
  fs.unlinkSync(file);
  return { mbps: length / seconds / 1e6, bytes: length, peak_rss_mb: process.resourceUsage().maxRSS / 1024 };
}

// Speech-to-text send: the SDK's STT WebSocket (client.stt.manualFinalize.websocket), `total` bytes of audio in
// `frameBytes`-byte binary frames with sendRaw, then 'close'; timed until the final transcript and done arrive (the
// firehose answers with how many bytes it counted). sendRaw has no backpressure of its own, so the loop lets the
// event loop drain the socket whenever 1 MiB is waiting (as the .NET SDK's send queue is bounded at 1 MiB).
async function stt() {
  const ws = client.stt.manualFinalize.websocket({ model: 'ink-2', encoding: 'pcm_s16le', sample_rate: 16000 });
  let final = null;
  const done = new Promise((resolve, reject) => {
    ws.on('transcript', (event) => { if (event.is_final) final = event.text; });
    ws.on('done', resolve);
    ws.on('error', reject);
    ws.on('close', () => reject(new Error('closed before done')));
  });
  await new Promise((resolve, reject) => { ws.socket.once('open', resolve); ws.socket.once('error', reject); });
  const raw = ws.socket.platformSocket;
  const frame = Buffer.alloc(args.frameBytes);
  const start = process.hrtime.bigint();
  for (let sent = 0; sent < args.total; sent += args.frameBytes) {
    ws.sendRaw(frame);
    while (raw.bufferedAmount > 1 << 20) await new Promise((resolve) => setImmediate(resolve));
  }
  ws.send('close');
  await done;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  ws.close();
  if (final !== `${args.total} bytes`) throw new Error(`the server counted '${final}'`);
  return { mbps: args.total / seconds / 1e6, bytes: args.total };
}

function tone(bytes) {
  const audio = Buffer.alloc(bytes);
  for (let i = 0; i + 1 < bytes; i += 2) {
    // Math.trunc matches the C# (short) cast.
    audio.writeInt16LE(Math.trunc(Math.sin((2 * Math.PI * 440 * (i / 2)) / 24000.0) * 8000), i);
  }
  return audio;
}

const workloads = { throughput, ttfa, many, bytes, stt };
workloads[args.workload]().then(
  (result) => { console.log(JSON.stringify(result)); process.exit(0); },
  (error) => { console.error(error); process.exit(1); },
);
