// Hands the microphone's samples (mono, at the AudioContext's rate) to the page in ~100 ms blocks.
class MicForwarder extends AudioWorkletProcessor {
  constructor() {
    super();
    this.block = new Float32Array(sampleRate / 10);
    this.filled = 0;
  }

  process(inputs) {
    const channel = inputs[0]?.[0];
    if (channel) {
      for (let i = 0; i < channel.length; i++) {
        this.block[this.filled++] = channel[i];
        if (this.filled === this.block.length) {
          this.port.postMessage(this.block.slice());
          this.filled = 0;
        }
      }
    }
    return true;
  }
}

registerProcessor("mic-forwarder", MicForwarder);
