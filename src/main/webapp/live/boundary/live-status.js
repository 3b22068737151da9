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
    const box = document.createDocumentFragment();
    let head;
    if (listener.state === 'idle') {
      head = 'Not listening.';
    } else if (listener.state === 'starting') {
      head = 'Connecting\u2026';
    } else if (listener.state === 'catchingUp') {
      head = 'Listening: catching up with what was recorded since the last time\u2026';
    } else if (this.#upToDateAt && listener.active) {
      head = 'Listening: up to date at ' + this.#upToDateAt.toLocaleTimeString() + '; new events show as they happen.';
    } else {
      head = listener.active ? 'Listening.' : 'Not listening.';
    }
    if (listener.skipped > 0) {
      head += ' ' + listener.skipped + ' repeated ' + (listener.skipped === 1 ? 'event' : 'events') + ' skipped.';
    }
    line(box, head, '');
    for (const notice of this.#notices) {
      line(box, notice.at.toLocaleTimeString() + ' ' + notice.text, notice.tone);
    }
    this.#el.notices.textContent = '';
    this.#el.notices.appendChild(box);
  }
}

function line(parent, text, className) {
  const div = document.createElement('div');
  div.className = className;
  div.textContent = text + ' '; // the trailing space keeps the lines apart in textContent
  parent.appendChild(div);
}
