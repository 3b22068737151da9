/*
 * The Watch card: the names field, the watch list with each chat's pending events and its Unwatch
 * button, and the server's answers. Rows are kept by chat id and updated in place, so a refresh
 * every few seconds neither flickers nor takes the focus off a button.
 */
import { parseNames } from '../entity/live-frames.js';

export class WatchPanel {
  #el;
  #items = new Map(); // chatId -> li

  /**
   * @param el {names, watch, list, updated, status, error}: the card's elements
   * @param on {watch(names): Promise<boolean>, unwatch(watch): Promise}
   */
  constructor(el, on) {
    this.#el = el;
    el.watch.addEventListener('click', async () => {
      const names = parseNames(el.names.value);
      if (names.length === 0) {
        this.failure('Enter at least one group or channel name (comma separated).');
        el.names.focus();
        return;
      }
      this.#clearMessages();
      el.watch.disabled = true;
      try {
        if (await on.watch(names)) {
          el.names.value = '';
        }
      } finally {
        el.watch.disabled = false;
      }
    });
    el.names.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.isComposing) {
        event.preventDefault();
        el.watch.click();
      }
    });
    el.list.addEventListener('click', async (event) => {
      const button = event.target.closest('button.unwatch');
      if (!button) {
        return;
      }
      const li = button.closest('li');
      this.#clearMessages();
      button.disabled = true;
      await on.unwatch({ chatId: li.dataset.chatId, group: li.dataset.group });
      button.disabled = false;
    });
  }

  /** The list as `watches` answered it, in the order the watches were made. */
  list(watches, at) {
    const seen = new Set();
    watches.forEach((watch, index) => {
      const chatId = String(watch.chatId);
      seen.add(chatId);
      let li = this.#items.get(chatId);
      if (!li) {
        li = item();
        this.#items.set(chatId, li);
      }
      update(li, watch);
      if (this.#el.list.children[index] !== li) {
        this.#el.list.insertBefore(li, this.#el.list.children[index] || null);
      }
    });
    for (const [chatId, li] of this.#items) {
      if (!seen.has(chatId)) {
        li.remove();
        this.#items.delete(chatId);
      }
    }
    this.#el.list.dataset.count = String(watches.length);
    this.#el.updated.classList.remove('bad');
    this.#el.updated.textContent = watches.length + ' ' + (watches.length === 1 ? 'chat' : 'chats')
        + ', as of ' + at.toLocaleTimeString();
  }

  /** A refresh that failed: said beside the list, which stays as it was. */
  listFailed(text) {
    this.#el.updated.classList.add('bad');
    this.#el.updated.textContent = 'Could not refresh: ' + text;
  }

  status(text) {
    this.#el.error.textContent = '';
    this.#el.status.textContent = text;
  }

  failure(text) {
    this.#el.status.textContent = '';
    this.#el.error.textContent = text;
  }

  /** Forgets the list (another API key): the next refresh fills it. */
  clear() {
    this.#el.list.textContent = '';
    this.#items.clear();
    this.#el.updated.textContent = '';
    this.#clearMessages();
  }

  #clearMessages() {
    this.#el.status.textContent = '';
    this.#el.error.textContent = '';
  }
}

function item() {
  const li = document.createElement('li');
  const top = document.createElement('div');
  top.className = 'top';
  const group = document.createElement('span');
  group.className = 'group';
  const pending = document.createElement('span');
  pending.className = 'pending';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'unwatch subtle';
  button.textContent = 'Unwatch';
  top.append(group, pending, button);
  const meta = document.createElement('div');
  meta.className = 'meta';
  li.append(top, meta);
  return li;
}

function update(li, watch) {
  const group = String(watch.group);
  const pending = Number(watch.pending) || 0;
  li.dataset.group = group;
  li.dataset.chatId = String(watch.chatId);
  li.dataset.pending = String(pending);
  li.querySelector('.group').textContent = group;
  const badge = li.querySelector('.pending');
  badge.textContent = pending + ' pending';
  badge.classList.toggle('some', pending > 0);
  li.querySelector('.unwatch').setAttribute('aria-label', 'Unwatch ' + group);
  li.querySelector('.meta').textContent = 'chat ' + watch.chatId + ', watched since ' + watch.since;
}
