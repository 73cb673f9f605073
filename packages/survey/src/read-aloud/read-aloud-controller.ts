import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Picks the voice for a language: for English a British voice if there is one, else any English
 * voice; for any other language (Welsh, Urdu) a voice of that language only, because English
 * speech reading Welsh words helps nobody. Undefined when there is none.
 */
export function chooseVoice(voices: readonly SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | undefined {
  const wanted = lang.toLowerCase();
  const primary = wanted.split('-')[0] ?? '';
  const of = (voice: SpeechSynthesisVoice) => voice.lang.toLowerCase().replace('_', '-');
  const exact = voices.find((voice) => of(voice) === wanted);
  if (primary === 'en') {
    return voices.find((voice) => of(voice) === 'en-gb') ?? exact ?? voices.find((voice) => of(voice).startsWith('en'));
  }
  return exact ?? voices.find((voice) => of(voice).split('-')[0] === primary);
}

/** The speech engine, read when used (tests replace it; it may appear after the page loads). */
function engine(): SpeechSynthesis | undefined {
  return (globalThis as { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
}

/**
 * Reads a question aloud with the Web Speech API. `available` is false when the browser has no
 * speech engine or no voice for the survey's language; the host then shows no button. Voices
 * often arrive after the page loads, so the controller listens for `voiceschanged` while its
 * host is connected and asks the host to render again.
 */
export class ReadAloudController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly lang: () => string;
  private engine?: SpeechSynthesis;
  private connected = false;
  private current?: SpeechSynthesisUtterance;

  /** True while this host's text is being spoken. */
  speaking = false;

  constructor(host: ReactiveControllerHost, lang: () => string) {
    this.host = host;
    this.lang = lang;
    host.addController(this);
  }

  /** The voice that would be used now, if any. */
  get voice(): SpeechSynthesisVoice | undefined {
    const speech = engine();
    if (!speech) return undefined;
    this.listen(speech);
    try {
      return chooseVoice(speech.getVoices(), this.lang());
    } catch {
      return undefined;
    }
  }

  /** Whether reading aloud is possible in the current language. */
  get available(): boolean {
    return this.voice !== undefined;
  }

  // The engine is touched only once a host asks about voices (a survey with read aloud), not by
  // every question element: other surveys never start the browser's speech machinery.
  private listen(speech: SpeechSynthesis): void {
    if (!this.connected || this.engine === speech) return;
    this.engine?.removeEventListener?.('voiceschanged', this.onVoicesChanged);
    this.engine = speech;
    speech.addEventListener?.('voiceschanged', this.onVoicesChanged);
  }

  hostConnected(): void {
    this.connected = true;
  }

  hostDisconnected(): void {
    this.connected = false;
    this.engine?.removeEventListener?.('voiceschanged', this.onVoicesChanged);
    this.engine = undefined;
    this.stop();
  }

  private readonly onVoicesChanged = (): void => this.host.requestUpdate();

  /** Speaks the text (stopping anything already being read), or stops if this host is speaking. */
  toggle(text: string): void {
    if (this.speaking) {
      this.stop();
      return;
    }
    const speech = engine();
    const voice = this.voice;
    const Utterance = (globalThis as { SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance })
      .SpeechSynthesisUtterance;
    if (!speech || !voice || !Utterance) return;
    speech.cancel();
    const utterance = new Utterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    // A little slower than the default: young readers follow along with the words.
    utterance.rate = 0.9;
    const done = () => {
      if (this.current !== utterance) return;
      this.current = undefined;
      this.speaking = false;
      this.host.requestUpdate();
    };
    utterance.addEventListener('end', done);
    utterance.addEventListener('error', done);
    this.current = utterance;
    this.speaking = true;
    speech.speak(utterance);
    this.host.requestUpdate();
  }

  /** Stops reading, if this host is reading. */
  stop(): void {
    if (!this.current) return;
    this.current = undefined;
    this.speaking = false;
    this.engine?.cancel();
    this.host.requestUpdate();
  }
}
