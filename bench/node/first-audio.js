// Process start to first audio with the official TypeScript SDK: one WebSocket context, print "first-audio" at
// its first chunk. CARTESIA_BASE_URL points at the emulator (--tls; NODE_EXTRA_CA_CERTS trusts it).
'use strict';
const Cartesia = require('@cartesia/cartesia-js').default ?? require('@cartesia/cartesia-js');

(async () => {
  const client = new Cartesia({ apiKey: process.env.CARTESIA_API_KEY, baseURL: process.env.CARTESIA_BASE_URL.replace(/\/$/, '') });
  const ws = await client.tts.websocket();
  const ctx = ws.context({
    model_id: 'sonic-3',
    voice: { mode: 'id', id: 'a0e99841-438c-4a64-b679-ae501e7d6091' },
    output_format: { container: 'raw', encoding: 'pcm_s16le', sample_rate: 24000 },
  });
  await ctx.push({ transcript: 'Hello.' });
  await ctx.no_more_inputs();
  let first = true;
  for await (const event of ctx.receive()) {
    if (event.type === 'chunk' && first) {
      first = false;
      console.log(`first-audio ${event.audio.length} bytes`);
    }
  }
  ws.close();
  process.exit(0);
})().catch((error) => { console.error(error); process.exit(1); });
