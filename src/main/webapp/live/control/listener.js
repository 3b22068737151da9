/*
 * The live stream (PROTOCOL.md 2.10) on a connection of its own, from Start to Stop: what was
 * recorded since the last time, `up to date`, then events as they happen. Delivery is at least
 * once, so an event whose seq is not past the last one shown is a repeat and is skipped.
 */
import { Channel } from './channel.js';
import { isAfter, liveFrame, plainWords, sentence } from '../entity/live-frames.js';

const CANCEL_ANSWER_MS = 10000;
const ACTIVE = ['starting', 'catchingUp', 'upToDate', 'stopping'];

export class Listener {
  /** idle | starting | catchingUp | upToDate | stopping (active), then stopped | moved | failed */
  state = 'idle';
  lastSeq = null; // the seq of the last event shown: Start again resumes after it (`after`)
  skipped = 0; // repeated events skipped
  #url;
  #apiKey;
  #on;
  #channel = null;
  #requested = false;
  #acked = false;
  #cancelTimer = null;

  /**
   * @param url the WebSocket address
   * @param apiKey () => the key the console logged in with
   * @param on {state(), event(frame), upToDate(date), notice(text, tone)}; tone: info | warn | bad
   */
  constructor(url, apiKey, on) {
    this.#url = url;
    this.#apiKey = apiKey;
    this.#on = on;
  }

  get active() {
    return ACTIVE.includes(this.state);
  }

  async start() {
    if (this.active) {
      return;
    }
    const channel = new Channel(this.#url, {
      onClose: (code, reason) => {
        if (channel === this.#channel) {
          this.#end('failed', 'The connection closed while listening (' + code + (reason ? ' ' + reason : '') + ').');
        }
      }
    });
    this.#channel = channel;
    this.#requested = false;
    this.#acked = false;
    this.#set('starting');
    channel.listen('live', (data) => channel === this.#channel && this.#frame(data));
    channel.listen('cancel', (data) => channel === this.#channel
        && this.#end('stopped', sentence(plainWords('cancel', data.status, data.message), data.message)));
    try {
      await channel.open(this.#apiKey());
    } catch (e) {
      if (channel === this.#channel) {
        this.#end('failed', e.message);
      }
      return;
    }
    if (channel !== this.#channel) {
      channel.close(); // stopped while logging in
      return;
    }
    channel.send('live', this.lastSeq === null ? {} : { after: this.lastSeq });
    this.#requested = true;
  }

  /** Sends `cancel`; the stream ends with its answer (the server sends it after the last event). */
  stop() {
    if (!this.active || this.state === 'stopping') {
      return;
    }
    if (!this.#requested) {
      this.#end('stopped', 'Stopped before listening started.');
      return;
    }
    const channel = this.#channel;
    this.#set('stopping');
    try {
      channel.send('cancel', {});
    } catch (e) {
      this.#end('failed', e.message);
      return;
    }
    this.#cancelTimer = setTimeout(() => {
      if (channel === this.#channel) {
        this.#end('stopped', 'The server did not answer the cancel within ' + CANCEL_ANSWER_MS / 1000
            + ' s; the connection was closed.');
      }
    }, CANCEL_ANSWER_MS);
  }

  /** Ends at once without a word (another API key, the account logged out), and forgets the position. */
  close() {
    this.lastSeq = null;
    this.skipped = 0;
    this.#end('idle', null);
  }

  #frame(data) {
    const frame = liveFrame(data);
    const text = () => sentence(plainWords('live', data.status, data.message), data.message);
    switch (frame.kind) {
      case 'sending':
        this.#acked = true;
        if (this.state === 'starting') {
          this.#set('catchingUp');
        }
        this.#on.notice(text(), 'info');
        break;
      case 'upToDate':
        if (this.state === 'catchingUp') {
          this.#set('upToDate');
        }
        this.#on.upToDate(new Date());
        break;
      case 'message':
      case 'edited':
      case 'deleted':
        if (frame.seq !== null && !isAfter(frame.seq, this.lastSeq)) {
          this.skipped++;
        } else {
          this.lastSeq = frame.seq === null ? this.lastSeq : frame.seq;
          this.#on.event(frame);
        }
        break;
      case 'moved':
        this.#end('moved', text()); // the server ended the stream: no cancelled follows
        break;
      case 'dropped':
        this.#on.notice(text(), 'warn');
        break;
      case 'failed':
        if (this.#acked) {
          this.#on.notice(text(), 'bad');
        } else {
          this.#end('failed', text()); // nothing watched, telegram login required, ...
        }
        break;
      default:
        this.#on.notice(text(), 'info');
    }
  }

  #set(state) {
    this.state = state;
    this.#on.state();
  }

  #end(state, note) {
    clearTimeout(this.#cancelTimer);
    const channel = this.#channel;
    this.#channel = null; // first: its close is not reported as a failure
    if (channel) {
      channel.close();
    }
    if (note) {
      this.#on.notice(note, { stopped: 'info', moved: 'warn' }[state] || 'bad');
    }
    this.#set(state);
  }
}
