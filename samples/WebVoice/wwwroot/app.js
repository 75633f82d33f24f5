// WebVoice page: plain JavaScript and the browser's own WebSocket and Web Audio. The Cartesia sockets take the
// access token and the API version as query parameters (access_token, cartesia_version): a browser's WebSocket
// cannot send headers. The token comes from this page's own server (POST /api/token); the API key never does.

const $ = (id) => document.getElementById(id);
const settings = await (await fetch("api/settings")).json();
$("mode").textContent = settings.offline ? "offline: embedded emulator" : "Cartesia API";

// Test hooks: what the page did, for samples/WebVoice/browser-test.sh (harmless in a real page).
const state = window.webVoice = {
  tts: { audioBytes: 0, words: [], spoken: 0, played: false, maxHighlightLag: 0, error: null },
  stt: { final: "", interim: "", closed: false, error: null },
  agent: { heard: [], audioBytes: 0, error: null },
};

// ---- Access tokens: fetched from our server, reused until 10 s before they expire.
let cachedToken = null;
async function getToken() {
  if (cachedToken && Date.now() < cachedToken.refreshAt) {
    return cachedToken.token;
  }
  const response = await fetch("api/token", { method: "POST" });
  if (!response.ok) {
    throw new Error(`The token endpoint answered ${response.status}.`);
  }
  const body = await response.json();
  cachedToken = { token: body.token, refreshAt: Date.now() + (body.expiresIn - 10) * 1000 };
  return cachedToken.token;
}

function socketUrl(path, params, token) {
  const query = new URLSearchParams({ ...params, cartesia_version: settings.apiVersion, access_token: token });
  return `${settings.webSocketUrl}${path}?${query}`;
}

function base64ToBytes(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// ---- 1. Text to speech over /tts/websocket, played with Web Audio, each word highlighted as it sounds.
const TTS_RATE = 24000;
let playback = null;

async function speak() {
  const text = $("tts-text").value.trim();
  if (!text) return;
  $("tts-speak").disabled = true;
  $("tts-words").textContent = "";
  Object.assign(state.tts, { audioBytes: 0, words: [], spoken: 0, played: false, maxHighlightLag: 0, error: null });
  const status = $("tts-status");
  status.textContent = "Connecting…";
  playback ??= new AudioContext();
  await playback.resume();
  const ctx = playback;
  let startAt = null, nextTime = 0, leftover = new Uint8Array(0), done = false;
  const words = [];

  const ws = new WebSocket(socketUrl("/tts/websocket", {}, await getToken()));
  ws.onopen = () => {
    status.textContent = "Speaking…";
    ws.send(JSON.stringify({
      context_id: crypto.randomUUID(),
      model_id: "sonic-3",
      transcript: text,
      voice: { mode: "id", id: settings.voiceId },
      output_format: { container: "raw", encoding: "pcm_f32le", sample_rate: TTS_RATE },
      language: "en",
      continue: false,
      add_timestamps: true,
    }));
  };
  ws.onmessage = (message) => {
    const event = JSON.parse(message.data);
    if (event.type === "chunk") {
      const incoming = base64ToBytes(event.data);
      state.tts.audioBytes += incoming.length;
      const bytes = new Uint8Array(leftover.length + incoming.length);
      bytes.set(leftover);
      bytes.set(incoming, leftover.length);
      const whole = bytes.length - (bytes.length % 4);
      leftover = bytes.slice(whole);
      if (whole === 0) return;
      const samples = new Float32Array(bytes.buffer.slice(0, whole));
      const buffer = ctx.createBuffer(1, samples.length, TTS_RATE);
      buffer.copyToChannel(samples, 0);
      const source = ctx.createBufferSource();
      source.buffer = buffer;
      source.connect(ctx.destination);
      if (startAt === null) {
        startAt = nextTime = ctx.currentTime + 0.1;
      } else if (nextTime < ctx.currentTime) {
        // The network fell behind: later audio starts later, and so do the highlights.
        startAt += ctx.currentTime + 0.02 - nextTime;
        nextTime = ctx.currentTime + 0.02;
      }
      source.start(nextTime);
      nextTime += buffer.duration;
    } else if (event.type === "timestamps" && event.word_timestamps) {
      const { words: said, start, end } = event.word_timestamps;
      said.forEach((word, i) => {
        const span = document.createElement("span");
        span.textContent = word;
        $("tts-words").append(span, " ");
        words.push({ span, start: start[i], end: end[i] });
        state.tts.words.push(word);
      });
    } else if (event.type === "done") {
      done = true;
      ws.close(1000);
    } else if (event.type === "error") {
      state.tts.error = `${event.title ?? "Error"}: ${event.message ?? event.error ?? ""}`;
      status.textContent = state.tts.error;
    }
  };
  ws.onclose = (event) => {
    if (!done && !state.tts.error) {
      state.tts.error = `The TTS socket closed (${event.code} ${event.reason})`;
      status.textContent = state.tts.error;
      $("tts-speak").disabled = false;
    }
  };

  const timer = setInterval(() => {
    if (startAt === null) return;
    const t = ctx.currentTime - startAt;
    for (const word of words) {
      if (!word.span.classList.contains("spoken") && t >= word.start) {
        word.span.classList.add("spoken");
        state.tts.spoken++;
        state.tts.maxHighlightLag = Math.max(state.tts.maxHighlightLag, t - word.start);
      }
    }
    if (done && ctx.currentTime >= nextTime) {
      clearInterval(timer);
      state.tts.played = true;
      status.textContent = `Played ${words.length} words (${state.tts.audioBytes} bytes of audio).`;
      $("tts-speak").disabled = false;
    }
  }, 20);
}

$("tts-speak").addEventListener("click", () => speak().catch((e) => {
  state.tts.error = String(e);
  $("tts-status").textContent = state.tts.error;
  $("tts-speak").disabled = false;
}));

// ---- The microphone: 16 kHz mono 16-bit PCM in 100 ms blocks (an AudioWorklet; no processing that would
// change the sound: speech recognition wants it raw).
async function openMicrophone(onBlock) {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  });
  const ctx = new AudioContext({ sampleRate: 16000 });
  await ctx.audioWorklet.addModule("mic-worklet.js");
  const source = ctx.createMediaStreamSource(stream);
  const forwarder = new AudioWorkletNode(ctx, "mic-forwarder");
  source.connect(forwarder);
  forwarder.connect(ctx.destination); // pulled by the graph; it outputs silence
  forwarder.port.onmessage = (message) => {
    const samples = message.data;
    const pcm = new Int16Array(samples.length);
    for (let i = 0; i < samples.length; i++) {
      pcm[i] = Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32767)));
    }
    onBlock(pcm);
  };
  return () => {
    stream.getTracks().forEach((track) => track.stop());
    ctx.close();
  };
}

// ---- 2. The microphone, transcribed live over /stt/websocket (16 kHz pcm_s16le binary frames).
let listening = null;

async function startMic() {
  $("stt-start").disabled = true;
  const status = $("stt-status");
  status.textContent = "Opening the microphone…";
  Object.assign(state.stt, { final: "", interim: "", closed: false, error: null });
  const ws = new WebSocket(socketUrl("/stt/websocket", { model: "ink-whisper", encoding: "pcm_s16le", sample_rate: "16000", language: "en" }, await getToken()));
  ws.binaryType = "arraybuffer";
  let closeMic = null;
  const finalEl = document.querySelector("#stt-transcript .final");
  const interimEl = document.querySelector("#stt-transcript .interim");
  ws.onopen = () => { status.textContent = "Listening…"; $("stt-stop").disabled = false; };
  ws.onmessage = (message) => {
    const event = JSON.parse(message.data);
    if (event.type === "transcript") {
      if (event.is_final) {
        state.stt.final += event.text;
        state.stt.interim = "";
      } else {
        state.stt.interim = event.text;
      }
      finalEl.textContent = state.stt.final;
      interimEl.textContent = state.stt.interim;
    } else if (event.type === "error") {
      state.stt.error = `${event.title ?? "Error"}: ${event.message ?? event.error ?? ""}`;
      status.textContent = state.stt.error;
    }
  };
  ws.onclose = (event) => {
    closeMic?.();
    state.stt.closed = true;
    listening = null;
    $("stt-start").disabled = false;
    $("stt-stop").disabled = true;
    if (event.code !== 1000 && !state.stt.error) {
      state.stt.error = `The STT socket closed (${event.code} ${event.reason})`;
    }
    status.textContent = state.stt.error ?? "Stopped.";
  };
  // Handlers first, then the microphone: the socket may open while the microphone is being set up.
  closeMic = await openMicrophone((pcm) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(pcm.buffer);
  });
  if (ws.readyState > WebSocket.OPEN) closeMic();
  listening = ws;
}

function stopMic() {
  // finalize: transcribe what is buffered; close: send the rest, then done, then the service closes the socket.
  listening?.send("finalize");
  listening?.send("close");
  $("stt-stop").disabled = true;
}

$("stt-start").addEventListener("click", () => startMic().catch((e) => {
  state.stt.error = String(e);
  $("stt-status").textContent = state.stt.error;
  $("stt-start").disabled = false;
}));
$("stt-stop").addEventListener("click", stopMic);

// ---- 3. A spoken conversation with an agent over the managed Agents WebSocket (/v1/agents/websocket/{agent}):
// session_create, then the microphone as audio_input events; the agent's audio_output is played as it comes and
// each finished turn is written down.
let call = null;

function bytesToBase64(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function startCall() {
  $("agent-start").disabled = true;
  const status = $("agent-status");
  status.textContent = "Calling the agent…";
  playback ??= new AudioContext();
  await playback.resume();
  const ctx = playback;
  let nextTime = 0;
  let playing = [];
  let closeMic = null;
  const ws = new WebSocket(socketUrl(`/v1/agents/websocket/${encodeURIComponent(settings.agentId)}`, {}, await getToken()));
  ws.onopen = () => ws.send(JSON.stringify({ type: "session_create", audio: { input_format: "pcm_16000", output_delivery: "speaking_pace" } }));
  ws.onmessage = async (message) => {
    const event = JSON.parse(message.data);
    if (event.type === "session_ready") {
      status.textContent = "In a call: speak.";
      $("agent-stop").disabled = false;
      closeMic = await openMicrophone((pcm) => {
        if (ws.readyState === WebSocket.OPEN) {
          ws.send(JSON.stringify({ type: "audio_input", audio: bytesToBase64(new Uint8Array(pcm.buffer)) }));
        }
      });
      if (ws.readyState > WebSocket.OPEN) closeMic();
    } else if (event.type === "audio_output") {
      const bytes = base64ToBytes(event.audio);
      state.agent.audioBytes += bytes.length;
      const pcm = new Int16Array(bytes.buffer, 0, bytes.length >> 1);
      const buffer = ctx.createBuffer(1, pcm.length, 16000);
      buffer.copyToChannel(Float32Array.from(pcm, (v) => v / 32768), 0);
      const source = ctx.createBufferSource();
      source.buffer = buffer;
      source.connect(ctx.destination);
      nextTime = Math.max(nextTime, ctx.currentTime + 0.05);
      source.start(nextTime);
      nextTime += buffer.duration;
      playing.push(source);
      source.onended = () => { playing = playing.filter((s) => s !== source); };
    } else if (event.type === "audio_output_clear") {
      // The user spoke over the agent: stop what is queued.
      playing.forEach((source) => source.stop());
      playing = [];
      nextTime = 0;
    } else if (event.type === "turn_ended") {
      const item = document.createElement("li");
      item.className = event.role;
      item.textContent = `${event.role === "assistant" ? "Agent" : "You"}: ${event.text}${event.interrupted ? " (interrupted)" : ""}`;
      $("agent-log").append(item);
      state.agent.heard.push({ role: event.role, text: event.text, interrupted: event.interrupted });
    } else if (event.type === "error") {
      state.agent.error = `${event.code}: ${event.message}`;
      status.textContent = state.agent.error;
    }
  };
  ws.onclose = (event) => {
    closeMic?.();
    call = null;
    $("agent-start").disabled = false;
    $("agent-stop").disabled = true;
    if (event.code !== 1000 && !state.agent.error) {
      state.agent.error = `The agent socket closed (${event.code} ${event.reason})`;
    }
    status.textContent = state.agent.error ?? "Call ended.";
  };
  call = ws;
}

if (settings.agentId) {
  $("agent-status").textContent = `Agent ${settings.agentId}.`;
  $("agent-start").disabled = false;
  $("agent-start").addEventListener("click", () => startCall().catch((e) => {
    state.agent.error = String(e);
    $("agent-status").textContent = state.agent.error;
    $("agent-start").disabled = false;
  }));
  $("agent-stop").addEventListener("click", () => call?.close(1000));
}
