/*
 * The API key's watch list (PROTOCOL.md 2.9), on a connection of its own: while `live` runs its
 * connection's queue is held (2.10), so watch, unwatch and watches cannot share that one.
 */
import { Channel } from './channel.js';
import { TEXTS, plainWords, sentence } from '../entity/live-frames.js';

export const REFRESH_MS = 3000;

export class Watches {
  #url;
  #apiKey;
  #view;
  #channel = null;
  #opening = null;
  #timer = null;
  #refreshing = false;
  #again = false;
  #generation = 0; // moves on close(): an answer for the key before is not shown

  /**
   * @param url the WebSocket address
   * @param apiKey () => the key the console logged in with (it stays in console.js's memory)
   * @param view {list(watches, at), listFailed(text), status(text), failure(text)}: the list, a refresh
   *     that failed, the answer to a watch or unwatch, a watch or unwatch that failed
   */
  constructor(url, apiKey, view) {
    this.#url = url;
    this.#apiKey = apiKey;
    this.#view = view;
  }

  /** Refreshes now, then every few seconds while the page is visible, until stop(). */
  start() {
    this.refresh();
    if (!this.#timer) {
      this.#timer = setInterval(() => {
        if (!document.hidden) {
          this.refresh();
        }
      }, REFRESH_MS);
    }
  }

  stop() {
    clearInterval(this.#timer);
    this.#timer = null;
  }

  /** Stops refreshing and closes the connection (another key, the account logged out). */
  close() {
    this.#generation++;
    this.stop();
    if (this.#channel) {
      this.#channel.close();
      this.#channel = null;
    }
  }

  /** Asks `watches`; a refresh asked for while one runs runs once more after it, so no answer is stale. */
  async refresh() {
    if (this.#refreshing) {
      this.#again = true;
      return;
    }
    this.#refreshing = true;
    const generation = this.#generation;
    try {
      do {
        this.#again = false;
        const answer = await (await this.#ready()).request('watches', {});
        if (generation !== this.#generation) {
          return;
        }
        const list = answer.status === 'success' && answer.message ? answer.message.watches : null;
        if (Array.isArray(list)) {
          this.#view.list(list, new Date());
        } else {
          this.#view.listFailed(sentence(plainWords('watches', answer.status, answer.message), answer.message));
        }
      } while (this.#again);
    } catch (e) {
      this.#view.listFailed(e.message);
    } finally {
      this.#refreshing = false;
    }
  }

  /** @return whether the names are watched now */
  async watch(names) {
    return this.#change('watch', names, TEXTS.watching);
  }

  /** Unwatches by chat id, which the server recognises whatever name the watch was made with. */
  async unwatch(watch) {
    return this.#change('unwatch', [watch.chatId], TEXTS.unwatched, watch.group);
  }

  async #change(event, names, expected, shown = names.join(', ')) {
    try {
      const answer = await (await this.#ready()).request(event, { group: names });
      const text = sentence(plainWords(event, answer.status, answer.message), answer.message);
      if (answer.status === 'success' && answer.message === expected) {
        this.#view.status(shown + ': ' + text);
        return true;
      }
      this.#view.failure(text);
      return false;
    } catch (e) {
      this.#view.failure(e.message);
      return false;
    } finally {
      this.refresh();
    }
  }

  /** The logged-in connection, opened (again) when there is none or it passed login with another key. */
  #ready() {
    const key = this.#apiKey();
    if (this.#channel && this.#channel.isOpen && this.#channel.key === key) {
      return Promise.resolve(this.#channel);
    }
    if (!this.#opening) {
      if (this.#channel) {
        this.#channel.close();
      }
      const channel = new Channel(this.#url, {
        onWaiting: (event, seconds) => this.#view.status(sentence('Telegram asked to wait ' + seconds
            + ' s (retryAfter ' + seconds + '); the ' + event + ' goes on by itself', TEXTS.waiting))
      });
      this.#opening = channel.open(key).then(() => {
        this.#channel = channel;
        return channel;
      }).finally(() => {
        this.#opening = null;
      });
    }
    return this.#opening;
  }
}
