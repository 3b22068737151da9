/*
 * The media cell of a message row (Streams and Live tables): a thumbnail for a photo, a download
 * button for any other file (PROTOCOL.md 2.11). Photos are fetched lazily: only once their row
 * has stayed in view for a moment, at most two files at a time for the page (control/files.js),
 * so a 500-message history does not download every photo, and a fast stream's rows flying past
 * ask for nothing. Files come as blobs (the API key is a bearer token, not a cookie); their blob
 * URLs are revoked once a row leaves its table. Built with DOM APIs and textContent only; errors
 * are the cell's text, never an alert.
 */
import { fetchFile } from '../control/files.js';
import { FileError, downloadPath, fileName, isPhoto, mediaOf, sizeText, summary } from '../entity/media-files.js';

const DWELL_MS = 250; // in view this long before a thumbnail is fetched
const SAVED_URL_MS = 60000; // a saved file's blob URL lives this long: the browser has taken the file by then

export class MediaCells {
  #apiKey;
  #cells = new WeakMap(); // td -> Cell
  #observer;

  /**
   * @param tbody the table's body: rows removed from it release their files
   * @param apiKey () => the key the console logged in with
   */
  constructor(tbody, apiKey) {
    this.#apiKey = apiKey;
    this.#observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const cell = this.#cells.get(entry.target);
        if (cell) {
          cell.inView(entry.isIntersecting);
        }
      }
    }, { rootMargin: '100px 0px' });
    new MutationObserver((records) => {
      for (const record of records) {
        record.removedNodes.forEach((node) => this.#releaseWithin(node));
      }
    }).observe(tbody, { childList: true });
  }

  /** Shows the media of `message` in `td` (again after an edit: the same file keeps what was fetched). */
  fill(td, message) {
    const media = mediaOf(message);
    const path = downloadPath(media);
    const old = this.#cells.get(td);
    if (old && path !== null && old.path === path) {
      return;
    }
    if (old) {
      this.#release(td, old);
    }
    td.textContent = '';
    td.className = 'media';
    for (const key of ['type', 'state', 'status', 'bytes', 'size']) {
      delete td.dataset[key];
    }
    if (!media) {
      return;
    }
    td.dataset.type = String(message.type);
    if (path === null) {
      td.textContent = summary(media) + ' (no file to download)';
      td.dataset.state = 'none';
      return;
    }
    const cell = new Cell(td, message, media, path, this.#apiKey);
    this.#cells.set(td, cell);
    if (cell.photo) {
      this.#observer.observe(td);
    }
  }

  #releaseWithin(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    const cells = node.matches('td.media') ? [node] : node.querySelectorAll('td.media');
    for (const td of cells) {
      const cell = this.#cells.get(td);
      if (cell) {
        this.#release(td, cell);
      }
    }
  }

  #release(td, cell) {
    this.#observer.unobserve(td);
    this.#cells.delete(td);
    cell.release();
  }
}

/** One cell's file: idle, waiting (for its turn), loading, shown (a thumbnail), saved or failed. */
class Cell {
  #td;
  #message;
  #media;
  #apiKey;
  #button;
  #status;
  #controller = null;
  #timer = null;
  #blob = null; // a shown photo's file, kept for Save
  #url = null; // the thumbnail's blob URL
  #name = '';

  constructor(td, message, media, path, apiKey) {
    this.#td = td;
    this.#message = message;
    this.#media = media;
    this.#apiKey = apiKey;
    this.path = path;
    this.photo = isPhoto(message);
    this.#button = document.createElement('button');
    this.#button.type = 'button';
    this.#button.className = 'media-action';
    this.#button.textContent = this.photo ? 'Show' : 'Download';
    this.#button.addEventListener('click', () => this.#clicked());
    const about = document.createElement('span');
    about.className = 'media-about';
    about.textContent = summary(media);
    this.#status = document.createElement('div');
    this.#status.className = 'media-status';
    td.append(this.#button, about, this.#status);
    td.title = summary(media);
    if (media.size !== null && media.size !== undefined) {
      td.dataset.size = String(media.size);
    }
    this.#set('idle', '');
  }

  /** The row came into view or left it: a photo is fetched once it stays a moment; one still waiting is dropped. */
  inView(visible) {
    if (visible) {
      if (this.#state() === 'idle' && this.#timer === null) {
        this.#timer = setTimeout(() => {
          this.#timer = null;
          this.#fetch(false);
        }, DWELL_MS);
      }
      return;
    }
    clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#state() === 'waiting' && this.#controller && !this.#controller.urgent) {
      this.#controller.abort(); // not started yet: back to idle, fetched when seen again
    }
  }

  release() {
    clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#controller) {
      this.#controller.abort();
      this.#controller = null;
    }
    if (this.#url) {
      URL.revokeObjectURL(this.#url);
      this.#url = null;
    }
    this.#blob = null;
  }

  #clicked() {
    if (this.photo && this.#blob) {
      this.#save(this.#blob);
      return;
    }
    if (this.#controller && this.#controller.urgent) {
      return; // already asked for
    }
    if (this.#controller) {
      this.#controller.abort(); // a thumbnail still waiting: asked for again, ahead of the others
    }
    clearTimeout(this.#timer);
    this.#timer = null;
    this.#fetch(true);
  }

  async #fetch(urgent) {
    const key = this.#apiKey();
    if (!key) {
      this.#set('failed', 'Connect with the API key first (card 1).');
      return;
    }
    const controller = new AbortController();
    controller.urgent = urgent;
    this.#controller = controller;
    this.#set('waiting', 'Waiting for its turn\u2026');
    this.#button.disabled = urgent;
    try {
      const file = await fetchFile(this.path, key, {
        signal: controller.signal,
        urgent,
        started: () => this.#set('loading', 'Downloading\u2026'),
        progress: (received, total) => this.#progress(received, total)
      });
      if (controller !== this.#controller) {
        return;
      }
      this.#controller = null;
      this.#button.disabled = false;
      this.#name = fileName(file.contentDisposition, this.#media, this.#message, this.path);
      this.#td.dataset.status = String(file.status);
      this.#td.dataset.bytes = String(file.blob.size);
      if (this.photo) {
        this.#show(file);
      } else {
        this.#save(file.blob);
      }
    } catch (e) {
      if (controller !== this.#controller) {
        return; // released, or replaced by a click
      }
      this.#controller = null;
      this.#button.disabled = false;
      if (controller.signal.aborted) {
        this.#set('idle', '');
        return;
      }
      if (e instanceof FileError && e.status > 0) {
        this.#td.dataset.status = String(e.status);
      }
      this.#set('failed', e instanceof FileError ? e.message : 'The file could not be fetched (' + e + ').');
      this.#button.textContent = 'Retry';
    }
  }

  #progress(received, total) {
    this.#status.textContent = 'Downloading\u2026 ' + (total ? Math.floor(received * 100 / total) + '% of '
        + sizeText(total) : sizeText(received));
  }

  /** The thumbnail: the photo's own file, shown small; Save keeps it under its name. */
  #show(file) {
    if (!/^image\//.test(file.type)) {
      this.#set('failed', 'The server sent no picture (' + file.type + ').');
      return;
    }
    this.#blob = file.blob;
    this.#url = URL.createObjectURL(file.blob);
    const img = document.createElement('img');
    img.className = 'thumb';
    img.alt = 'photo ' + summary(this.#media);
    img.addEventListener('load', () => this.#set('shown', ''), { once: true });
    img.addEventListener('error', () => this.#set('failed', 'The photo could not be shown.'), { once: true });
    img.src = this.#url;
    this.#td.insertBefore(img, this.#button);
    this.#button.textContent = 'Save';
    this.#set('decoding', '');
  }

  /** Hands the file to the browser's downloads under its name (an <a download> clicked, its URL revoked later). */
  #save(blob) {
    // octet-stream: the browser saves it whatever it is, never opens it in this page's origin
    const url = URL.createObjectURL(new Blob([blob], { type: 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = this.#name;
    a.rel = 'noopener';
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    setTimeout(() => {
      a.remove();
      URL.revokeObjectURL(url);
    }, SAVED_URL_MS);
    if (!this.photo) {
      this.#set('saved', 'Saved as ' + this.#name + ' (' + blob.size.toLocaleString('en-US') + ' bytes).');
      this.#button.textContent = 'Download again';
    }
  }

  #state() {
    return this.#td.dataset.state;
  }

  #set(state, text) {
    this.#td.dataset.state = state;
    this.#status.textContent = text;
    this.#status.className = 'media-status' + (state === 'failed' ? ' bad' : '');
  }
}
