/*
 * One WebSocket of the API key, logged in, for the Live mode. A server answers the requests of
 * one connection one at a time, in order (PROTOCOL.md 0), so the answers of an event are matched
 * to its requests first in, first out. A stream's frames (live) go to a listener instead.
 */
import { plainWords, sentence } from '../entity/live-frames.js';

export class ChannelClosed extends Error {
  constructor(text, code) {
    super(text);
    this.code = code;
  }
}

export class Channel {
  #url;
  #ws = null;
  #waiters = new Map(); // event -> [{resolve, reject}]
  #listeners = new Map(); // event -> handler(data)
  #onClose;
  #onWaiting;
  #closedByUs = false;

  /**
   * @param url the WebSocket address
   * @param onClose (code, reason, byUs) once the socket has closed, if it had opened
   * @param onWaiting (event, seconds) for a flood wait announced before an answer
   */
  constructor(url, { onClose = () => {}, onWaiting = () => {} } = {}) {
    this.#url = url;
    this.#onClose = onClose;
    this.#onWaiting = onWaiting;
    this.key = null; // the key this channel passed login with, as console.js keeps it: in memory only
  }

  get isOpen() {
    return this.#ws !== null && this.#ws.readyState === WebSocket.OPEN;
  }

  /** Opens the socket and passes `login`; resolves with the login answer, rejects with ChannelClosed. */
  async open(key) {
    await new Promise((resolve, reject) => {
      let opened = false;
      const ws = new WebSocket(this.#url);
      this.#ws = ws;
      ws.onopen = () => {
        opened = true;
        resolve();
      };
      ws.onmessage = (event) => this.#onFrame(event.data);
      ws.onclose = (event) => {
        this.#rejectAll(new ChannelClosed(closeText(event), event.code));
        if (opened) {
          this.#onClose(event.code, event.reason, this.#closedByUs);
        } else {
          reject(new ChannelClosed('Could not connect to the server (close code ' + event.code + ').', event.code));
        }
      };
    });
    const answer = await this.request('login', { apiKey: key });
    if (answer.status !== 'success') {
      this.close();
      throw new ChannelClosed(sentence(plainWords('login', answer.status, answer.message), answer.message), 0);
    }
    this.key = key;
    return answer;
  }

  /** Sends a request; resolves with the data of its answer (success or failed), skipping flood-wait notes. */
  request(event, data) {
    return new Promise((resolve, reject) => {
      const list = this.#waiters.get(event) || [];
      this.#waiters.set(event, list);
      list.push({ resolve, reject });
      try {
        this.send(event, data);
      } catch (e) {
        list.pop();
        reject(e);
      }
    });
  }

  send(event, data) {
    if (!this.isOpen) {
      throw new ChannelClosed('Not connected to the server.', 0);
    }
    this.#ws.send(JSON.stringify({ event, data }));
  }

  /** Hands every frame of the event to the handler (a stream's event), instead of to requests. */
  listen(event, handler) {
    this.#listeners.set(event, handler);
  }

  close() {
    this.#closedByUs = true;
    if (this.#ws) {
      try {
        this.#ws.close(1000, 'done');
      } catch (e) {
        // already closing
      }
    }
  }

  #onFrame(text) {
    let frame;
    try {
      frame = JSON.parse(text);
    } catch (e) {
      return; // not JSON: nothing this channel can match to a request
    }
    if (!frame || typeof frame.event !== 'string' || !frame.data || typeof frame.data !== 'object') {
      return;
    }
    const { event, data } = frame;
    const listener = this.#listeners.get(event);
    if (listener) {
      listener(data);
      return;
    }
    if (data.status === 'success' && data.message === 'waiting') {
      this.#onWaiting(event, Number(data.retryAfter) || 0);
      return;
    }
    const list = this.#waiters.get(event);
    if (list && list.length) {
      list.shift().resolve(data);
    }
  }

  #rejectAll(error) {
    const all = this.#waiters;
    this.#waiters = new Map();
    for (const list of all.values()) {
      list.forEach((waiter) => waiter.reject(error));
    }
  }
}

function closeText(event) {
  return 'The connection closed (' + event.code + (event.reason ? ' ' + event.reason : '') + ').';
}
