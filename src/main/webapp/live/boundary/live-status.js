/*
 * The Live results' head: the stream's state badge, the count of events, the last seq, the
 * Start and Stop buttons, and the notices (the answer to live, dropped events, a stream moved to
 * another connection, a connection lost), newest last.
 */

const BADGE = {
  idle: 'idle',
  starting: 'connecting',
  catchingUp: 'catching up',
  upToDate: 'up to date',
  stopping: 'stopping',
  stopped: 'stopped',
  moved: 'moved',
  failed: 'failed'
};
const MAX_NOTICES = 12;

export class LiveStatus {
  #el;
  #notices = [];
  #upToDateAt = null;
  #shown = ''; // the notices' text as last rendered: unchanged, they are not rebuilt (and not read out again)
  events = 0;

  /** @param el {badge, count, seq, notices, start, stop} */
  constructor(el) {
    this.#el = el;
  }

  /** Shows the listener's state, position and counts. */
  render(listener) {
    const el = this.#el;
    el.badge.dataset.state = listener.state;
    el.badge.textContent = BADGE[listener.state] || listener.state;
    el.count.textContent = String(this.events);
    el.seq.textContent = listener.lastSeq === null ? 'none' : listener.lastSeq;
    el.start.disabled = listener.active;
    el.stop.disabled = !listener.active || listener.state === 'stopping';
    if (listener.state === 'starting') {
      this.#upToDateAt = null;
    }
    this.#renderNotices(listener);
  }

  upToDate(at, listener) {
    this.#upToDateAt = at;
    this.render(listener);
  }

  notice(text, tone, listener) {
    this.#notices.push({ text, tone, at: new Date() });
    if (this.#notices.length > MAX_NOTICES) {
      this.#notices.shift();
    }
    this.render(listener);
  }

  clear() {
    this.#notices = [];
    this.#upToDateAt = null;
    this.events = 0;
  }

  #renderNotices(listener) {
    const lines = [{ text: head(listener, this.#upToDateAt), tone: '' }].concat(this.#notices.map((notice) => ({
      text: notice.at.toLocaleTimeString() + ' ' + notice.text, tone: notice.tone })));
    const key = JSON.stringify(lines);
    if (key === this.#shown) {
      return;
    }
    this.#shown = key;
    const box = document.createDocumentFragment();
    lines.forEach((entry) => line(box, entry.text, entry.tone));
    this.#el.notices.textContent = '';
    this.#el.notices.appendChild(box);
  }
}

function head(listener, upToDateAt) {
  let text;
  if (listener.state === 'starting') {
    text = 'Connecting\u2026';
  } else if (listener.state === 'catchingUp') {
    text = 'Listening: catching up with what was recorded since the last time\u2026';
  } else if (upToDateAt && listener.active) {
    text = 'Listening: up to date at ' + upToDateAt.toLocaleTimeString() + '; new events show as they happen.';
  } else {
    text = listener.active ? 'Listening.' : 'Not listening.';
  }
  if (listener.skipped > 0) {
    text += ' ' + listener.skipped + ' repeated ' + (listener.skipped === 1 ? 'event' : 'events') + ' skipped.';
  }
  return text;
}

function line(parent, text, className) {
  const div = document.createElement('div');
  div.className = className;
  div.textContent = text + ' '; // the trailing space keeps the lines apart in textContent
  parent.appendChild(div);
}
