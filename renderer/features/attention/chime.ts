/**
 * A short two-note chime, for a window that cannot show desktop notifications (a laptop that joined the room over
 * plain http): the Web Audio API needs no permission, only a click on the page first.
 */
let audio: AudioContext | null = null;

/** From a click: browsers let a page make sound only after one (the bell, or the first click after a reload). */
export function unlockChime(): void {
  try {
    audio ??= new AudioContext();
    void audio.resume().catch(() => undefined);
  } catch {
    audio = null; // no audio device: the title still counts
  }
}

export function chime(): void {
  if (!audio) return;
  const start = audio.currentTime;
  [880, 660].forEach((frequency, i) => {
    const at = start + i * 0.18;
    const tone = audio!.createOscillator();
    const volume = audio!.createGain();
    tone.frequency.value = frequency;
    volume.gain.setValueAtTime(0.0001, at);
    volume.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
    volume.gain.exponentialRampToValueAtTime(0.0001, at + 0.16);
    tone.connect(volume).connect(audio!.destination);
    tone.start(at);
    tone.stop(at + 0.17);
  });
}
