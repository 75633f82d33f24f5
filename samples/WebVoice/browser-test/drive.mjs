// Drives Debian's headless Chromium through the WebVoice page and checks what a user would see.
// Usage: node drive.mjs <page url> <api key that must never reach the page> <microphone wav> <expected mic sentence> <screenshot path>
// Prints one line per check and exits non-zero when any fails.
import puppeteer from "puppeteer-core";

const [url, apiKey, micWav, micSentence, screenshot] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? "PASS" : "FAIL"}  ${what}`);
  if (!ok) failures.push(what);
};
const words = (text) => text.toLowerCase().replace(/[^a-z0-9' ]+/g, " ").split(/\s+/).filter(Boolean);

const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: [
    "--no-sandbox", // CI runs as root in a container
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
    `--use-file-for-fake-audio-capture=${micWav}`,
    "--autoplay-policy=no-user-gesture-required",
  ],
});
try {
  console.log(`Chromium: ${await browser.version()} (${executablePath})`);
  const page = await browser.newPage();
  await page.setViewport({ width: 900, height: 900 });
  page.on("console", (message) => console.log(`  [page] ${message.text()}`));
  page.on("pageerror", (error) => console.log(`  [page error] ${error.message}`));
  page.on("response", (response) => { if (response.status() >= 400) console.log(`  [page] ${response.status()} ${response.url()}`); });

  // Everything the page sends: HTTP requests (URL, headers, body), WebSocket handshakes and text frames.
  const sent = [];
  const sockets = [];
  const cdp = await page.createCDPSession();
  await cdp.send("Network.enable");
  cdp.on("Network.requestWillBeSent", (e) => sent.push(`${e.request.method} ${e.request.url} ${JSON.stringify(e.request.headers)} ${e.request.postData ?? ""}`));
  cdp.on("Network.webSocketCreated", (e) => { sockets.push(e.url); sent.push(`WS ${e.url}`); });
  cdp.on("Network.webSocketWillSendHandshakeRequest", (e) => sent.push(`WS-HANDSHAKE ${JSON.stringify(e.request.headers)}`));
  cdp.on("Network.webSocketFrameSent", (e) => { if (e.response.opcode === 1) sent.push(`WS-FRAME ${e.response.payloadData}`); });

  await page.goto(url, { waitUntil: "networkidle0" });
  const state = () => page.evaluate(() => window.webVoice);

  // 1. Speak typed text; every word highlighted; audio played to its end.
  const text = await page.$eval("#tts-text", (el) => el.value);
  await page.click("#tts-speak");
  await page.waitForFunction(() => window.webVoice.tts.played || window.webVoice.tts.error, { timeout: 30000 }).catch(() => {});
  let s = await state();
  check(!s.tts.error, `TTS: no error (${s.tts.error ?? "none"})`);
  check(s.tts.audioBytes > 0, `TTS: audio received over the WebSocket (${s.tts.audioBytes} bytes)`);
  check(words(s.tts.words.join(" ")).join(" ") === words(text).join(" "), `TTS: the timestamps name every word typed (${s.tts.words.length}: ${s.tts.words.join(" ")})`);
  check(s.tts.played, "TTS: the audio played to its end (Web Audio clock)");
  const highlighted = await page.$$eval("#tts-words span.spoken", (spans) => spans.length);
  check(s.tts.words.length > 0 && highlighted === s.tts.words.length, `TTS: every word was highlighted (${highlighted}/${s.tts.words.length})`);
  check(s.tts.maxHighlightLag < 0.25, `TTS: each highlight came as its word began to sound (latest ${Math.round(s.tts.maxHighlightLag * 1000)} ms after its timestamp)`);

  // 2. The fake microphone (a WAV of emulator speech, looping) transcribed live.
  await page.click("#stt-start");
  const expected = words(micSentence);
  await page.waitForFunction((want) => {
    const heard = (window.webVoice.stt.final + " " + window.webVoice.stt.interim).toLowerCase().replace(/[^a-z0-9' ]+/g, " ").split(/\s+/);
    return want.every((w) => heard.includes(w)) || window.webVoice.stt.error;
  }, { timeout: 30000 }, expected).catch(() => {});
  s = await state();
  const heard = `${s.stt.final}${s.stt.interim}`.trim();
  check(!s.stt.error, `STT: no error (${s.stt.error ?? "none"})`);
  check(expected.every((w) => words(heard).includes(w)), `STT: the microphone's words appear as a transcript ("${heard.slice(0, 120)}")`);
  await page.click("#stt-stop");
  await page.waitForFunction(() => document.getElementById("stt-start").disabled === false, { timeout: 10000 }).catch(() => {});
  s = await state();
  check(s.stt.closed && !s.stt.error, `STT: Stop (finalize + close) ended the session cleanly (${s.stt.error ?? (s.stt.closed ? "final: " + JSON.stringify(s.stt.final.trim()) : "still open")})`);

  // 3. A spoken conversation with the agent: it greets, hears the microphone's sentence, answers it.
  const agentId = await page.evaluate(() => document.getElementById("agent-start").disabled ? null : true);
  check(agentId !== null, "Agent: the page offers a call (an agent is configured)");
  if (agentId !== null) {
    await page.click("#agent-start");
    await page.waitForFunction((want) => window.webVoice.agent.error || window.webVoice.agent.heard.some((t) => t.role === "assistant" && !t.interrupted
      && t.text.startsWith("You said:") && want.every((w) => t.text.toLowerCase().includes(w))), { timeout: 45000 }, expected).catch(() => {});
    s = await state();
    const turns = s.agent.heard.map((t) => `${t.role}${t.interrupted ? "(interrupted)" : ""}: ${t.text}`).join(" | ");
    check(!s.agent.error, `Agent: no error (${s.agent.error ?? "none"})`);
    check(s.agent.heard.some((t) => t.role === "user" && expected.every((w) => words(t.text).includes(w))), `Agent: heard the microphone's sentence as the user's turn (${turns})`);
    check(s.agent.heard.some((t) => t.role === "assistant" && !t.interrupted && t.text.startsWith("You said:") && expected.every((w) => words(t.text).includes(w))),
      "Agent: answered it, in full");
    check(s.agent.audioBytes > 0, `Agent: its answer arrived as audio and was played (${s.agent.audioBytes} bytes)`);
    await page.screenshot({ path: screenshot });
    await page.click("#agent-stop");
    await page.waitForFunction(() => document.getElementById("agent-start").disabled === false, { timeout: 10000 }).catch(() => {});
  } else {
    await page.screenshot({ path: screenshot });
  }

  // 4. No request from the page carried the API key; the sockets authenticated with access tokens in the query.
  const leaks = sent.filter((line) => line.includes(apiKey));
  check(sent.length > 0 && leaks.length === 0, `No request from the page carried the API key (${sent.length} requests, handshakes and frames inspected)`);
  check(sockets.length >= 3 && sockets.every((u) => /[?&]access_token=/.test(u) && /[?&]cartesia_version=/.test(u)),
    `Every WebSocket used access_token + cartesia_version query auth (${sockets.map((u) => new URL(u).pathname).join(", ")})`);
  console.log(`Screenshot: ${screenshot}`);
} finally {
  await browser.close();
}

if (failures.length > 0) {
  console.log(`${failures.length} check(s) failed.`);
  process.exit(1);
}
console.log("All browser checks passed.");
