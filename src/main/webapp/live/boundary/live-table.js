/*
 * The live table: one row per message, kept in place as the message is edited or deleted. Built
 * with DOM APIs and textContent only: message texts come from strangers.
 */
import { MediaCells } from '../../media/boundary/media-cells.js';

const COLUMNS = ['group', 'id', 'date', 'sender', 'type', 'text', 'media', 'state'];
const WIDTHS = [10, 6, 13, 10, 7, 24, 17, 13]; // %, so that the table lays out without measuring (table-layout: fixed)
const CELL_CLASS = { id: 'mono', date: 'mono', text: 'text', media: 'media', state: 'state' };
const MEDIA_CELL = COLUMNS.indexOf('media');
const MAX_ROWS = 500;
const TEXT_CELL_CHARS = 120;

export class LiveTable {
  #tbody;
  #wrap;
  #media;
  #rows = new Map(); // group + NUL + id -> tr
  #followPending = false;

  /** @param apiKey () => the key the console logged in with, for the media files */
  constructor(table, wrap, apiKey) {
    this.#tbody = table.tBodies[0];
    this.#wrap = wrap;
    this.#media = new MediaCells(this.#tbody, apiKey);
    const tr = document.createElement('tr');
    COLUMNS.forEach((column, index) => {
      const th = document.createElement('th');
      th.scope = 'col';
      th.style.width = WIDTHS[index] + '%';
      th.textContent = column;
      tr.appendChild(th);
    });
    table.tHead.textContent = '';
    table.tHead.appendChild(tr);
  }

  /** One live event: a new message appended, an edit or a deletion shown on the message's row. */
  apply(frame) {
    if (frame.kind === 'message' || frame.kind === 'edited') {
      const tr = this.#row(frame.group, frame.message.id, frame.kind === 'message');
      fill(tr, frame.message);
      this.#media.fill(tr.cells[MEDIA_CELL], frame.message);
      if (frame.kind === 'edited') {
        tr.classList.add('edited');
        tr.dataset.editDate = text(frame.message.editDate);
      }
      showState(tr);
    } else if (frame.kind === 'deleted') {
      for (const id of frame.ids) {
        const tr = this.#row(frame.group, id, false);
        tr.classList.add('deleted'); // struck through, kept: what it said stays readable
        showState(tr);
      }
    }
  }

  /** A line across the table (the `up to date` moment), after the rows that came before it. */
  marker(text) {
    const tr = document.createElement('tr');
    tr.className = 'marker';
    const td = document.createElement('td');
    td.colSpan = COLUMNS.length;
    td.textContent = text;
    tr.appendChild(td);
    this.#append(tr);
  }

  clear() {
    this.#tbody.textContent = '';
    this.#rows.clear();
  }

  /** The message's row; a new one at the end when the table has none (`earlier` unless it is the message's first event). */
  #row(group, id, isNew) {
    const key = group + '\u0000' + id;
    let tr = this.#rows.get(key);
    if (!tr) {
      tr = document.createElement('tr');
      tr.dataset.group = group;
      tr.dataset.id = String(id);
      if (!isNew) {
        tr.classList.add('earlier'); // an edit or deletion of a message this table has not shown
      }
      COLUMNS.forEach((column) => {
        const td = document.createElement('td');
        td.className = CELL_CLASS[column] || '';
        tr.appendChild(td);
      });
      tr.cells[0].textContent = group;
      tr.cells[1].textContent = String(id);
      this.#rows.set(key, tr);
      this.#append(tr);
    }
    return tr;
  }

  #append(tr) {
    // read before changing anything: whether the reader is at the end, so the table follows new rows
    const wrap = this.#wrap;
    const follow = this.#followPending || wrap.scrollHeight - wrap.scrollTop - wrap.clientHeight < 24;
    this.#tbody.appendChild(tr);
    while (this.#tbody.rows.length > MAX_ROWS) {
      const old = this.#tbody.firstChild;
      if (old.dataset.group !== undefined) {
        this.#rows.delete(old.dataset.group + '\u0000' + old.dataset.id);
      }
      old.remove();
    }
    if (follow && !this.#followPending) {
      this.#followPending = true;
      requestAnimationFrame(() => {
        this.#followPending = false;
        wrap.scrollTop = wrap.scrollHeight;
      });
    }
  }
}

/** Writes a message object's cells (the group and id cells are the row's key and stay). */
function fill(tr, message) {
  const cells = tr.cells;
  cells[2].textContent = text(message.date);
  cells[3].textContent = text(message.senderName !== null && message.senderName !== undefined
    ? message.senderName : message.senderId);
  cells[4].textContent = text(message.type);
  let body = text(message.text);
  cells[5].title = '';
  if (body.length > TEXT_CELL_CHARS) {
    cells[5].title = body.length > 2000 ? body.substring(0, 2000) + '\u2026' : body;
    body = body.substring(0, TEXT_CELL_CHARS) + '\u2026';
  }
  cells[5].textContent = body;
}

/** The state cell and data-state (new, edited or deleted: what the row's last event made it). */
function showState(tr) {
  const is = (name) => tr.classList.contains(name);
  const parts = [];
  if (is('earlier')) {
    parts.push('earlier message');
  }
  if (is('edited')) {
    parts.push('edited ' + tr.dataset.editDate);
  }
  if (is('deleted')) {
    parts.push('deleted');
  }
  tr.cells[COLUMNS.length - 1].textContent = is('edited') || is('deleted') ? parts.join('; ') : 'new';
  tr.dataset.state = is('deleted') ? 'deleted' : is('edited') ? 'edited' : 'new';
}

function text(value) {
  if (value === null || value === undefined) {
    return '';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
