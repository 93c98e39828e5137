/** 16-bit PCM WAV from float channels (an audio trace saved as a file); and back, for checking it. */
export function encodeWav(channels: readonly Float32Array[], sampleRate: number): ArrayBuffer {
  const n = channels[0]?.length ?? 0;
  const c = channels.length;
  const buf = new ArrayBuffer(44 + n * c * 2);
  const v = new DataView(buf);
  const str = (o: number, s: string) => { for (let i = 0; i < s.length; i++) v.setUint8(o + i, s.charCodeAt(i)); };
  str(0, "RIFF"); v.setUint32(4, 36 + n * c * 2, true); str(8, "WAVE");
  str(12, "fmt "); v.setUint32(16, 16, true); v.setUint16(20, 1, true); v.setUint16(22, c, true);
  v.setUint32(24, sampleRate, true); v.setUint32(28, sampleRate * c * 2, true); v.setUint16(32, c * 2, true); v.setUint16(34, 16, true);
  str(36, "data"); v.setUint32(40, n * c * 2, true);
  let o = 44;
  for (let i = 0; i < n; i++) for (let ch = 0; ch < c; ch++, o += 2) {
    const s = Math.max(-1, Math.min(1, channels[ch][i]));
    v.setInt16(o, s < 0 ? s * 0x8000 : s * 0x7fff, true);
  }
  return buf;
}

/** The channels and sample rate of a WAV written by encodeWav. */
export function decodeWav(buf: ArrayBuffer): { sampleRate: number; channels: Float32Array[] } {
  const v = new DataView(buf);
  const c = v.getUint16(22, true);
  const sampleRate = v.getUint32(24, true);
  const n = v.getUint32(40, true) / (2 * c);
  const channels = Array.from({ length: c }, () => new Float32Array(n));
  for (let i = 0, o = 44; i < n; i++) for (let ch = 0; ch < c; ch++, o += 2) channels[ch][i] = v.getInt16(o, true) / 0x8000;
  return { sampleRate, channels };
}

/** The strongest frequency between lo and hi Hz (step Hz apart) in a stretch of samples (a Goertzel scan). */
export function dominantFrequency(x: Float32Array, sampleRate: number, lo = 150, hi = 1200, step = 5): number {
  let best = lo, bestPower = -1;
  for (let f = lo; f <= hi; f += step) {
    const w = (2 * Math.PI * f) / sampleRate;
    const coeff = 2 * Math.cos(w);
    let s1 = 0, s2 = 0;
    for (let i = 0; i < x.length; i++) { const s0 = x[i] + coeff * s1 - s2; s2 = s1; s1 = s0; }
    const p = s1 * s1 + s2 * s2 - coeff * s1 * s2;
    if (p > bestPower) { bestPower = p; best = f; }
  }
  return best;
}
