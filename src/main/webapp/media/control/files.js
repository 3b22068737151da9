/*
 * Fetches media files from GET /api/files/{chatId}/{id} (PROTOCOL.md 2.11) with the API key as a
 * bearer token: the key is no cookie, so neither an <img src> nor a plain link could send it. At
 * most AT_ONCE files at a time for the whole page (the Streams and Live tables share this
 * module): the server downloads 2 files at once per account and queues a few more, so a page
 * asking for more would only fill that queue and then be answered 503. Requests wait here, in
 * order, with those the reader asked for (a click) ahead of thumbnails.
 *
 * A key the server refused (401) is not presented again, nor any key while the address is
 * throttled (429): each refusal counts toward the address's limit of failed key checks, which
 * the WebSocket login shares (PROTOCOL.md 2.6), so a table of photos under a revoked key must
 * not lock the console out.
 */
import { FileError, retryAfterSeconds, serverError } from '../entity/media-files.js';

const AT_ONCE = 2;
const ERROR_BODY_CHARS = 500;

const waiting = []; // {run, urgent} not started yet
let running = 0;
let refused = null; // {key, error}: the last key answered 401
let throttledUntil = 0; // Date.now() until which the address is refused (429)

/**
 * The file as a Blob: {blob, type, contentDisposition, status}. Rejects with a FileError (the
 * server refused, the connection failed, the body ended short) or, when `signal` aborts, with
 * its AbortError (also while still waiting for its turn).
 *
 * @param path the media's download path (same origin)
 * @param key the API key
 * @param options {signal, urgent (ahead of the waiting thumbnails), started(), progress(received, total)}
 */
export function fetchFile(path, key, { signal, urgent = false, started = () => {}, progress = () => {} } = {}) {
  return new Promise((resolve, reject) => {
    if (signal && signal.aborted) {
      reject(signal.reason);
      return;
    }
    const job = {
      urgent,
      run: () => {
        const known = knownRefusal(key);
        if (known) {
          reject(known);
          return Promise.resolve();
        }
        started();
        return download(path, key, signal, progress).then(resolve, reject);
      }
    };
    if (signal) {
      signal.addEventListener('abort', () => {
        const index = waiting.indexOf(job);
        if (index >= 0) {
          waiting.splice(index, 1); // never started: nothing was asked of the server
          reject(signal.reason);
        }
      }, { once: true });
    }
    if (urgent) {
      const firstThumbnail = waiting.findIndex((other) => !other.urgent);
      waiting.splice(firstThumbnail < 0 ? waiting.length : firstThumbnail, 0, job);
    } else {
      waiting.push(job);
    }
    next();
  });
}

/** The answer the server would give without asking it again, or null. */
function knownRefusal(key) {
  if (refused !== null && refused.key === key) {
    return refused.error;
  }
  const left = Math.ceil((throttledUntil - Date.now()) / 1000);
  return left > 0 ? new FileError(429, 'too many failed attempts', left) : null;
}

function next() {
  while (running < AT_ONCE && waiting.length > 0) {
    const job = waiting.shift();
    running++;
    job.run().finally(() => {
      running--;
      next();
    });
  }
}

async function download(path, key, signal, progress) {
  let response;
  try {
    response = await fetch(path, {
      headers: { Authorization: 'Bearer ' + key },
      signal,
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
      referrerPolicy: 'no-referrer'
    });
  } catch (e) {
    throw aborted(e, signal) || new FileError(0, 'The file could not be fetched: the connection failed.', null);
  }
  if (!response.ok) {
    let body = '';
    try {
      body = (await response.text()).substring(0, ERROR_BODY_CHARS);
    } catch (e) {
      throw aborted(e, signal) || new FileError(response.status, '', null);
    }
    const error = new FileError(response.status, serverError(body), retryAfterSeconds(response.headers.get('Retry-After')));
    if (response.status === 401) {
      refused = { key, error };
    } else if (response.status === 429) {
      throttledUntil = Date.now() + (error.retryAfter === null ? 60 : error.retryAfter) * 1000;
    }
    throw error;
  }
  const total = Number(response.headers.get('Content-Length'));
  const known = Number.isSafeInteger(total) && total >= 0;
  const type = response.headers.get('Content-Type') || 'application/octet-stream';
  const chunks = [];
  let received = 0;
  try {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      chunks.push(value);
      received += value.byteLength;
      progress(received, known ? total : null);
    }
  } catch (e) {
    throw aborted(e, signal) || broken(received, total, known);
  }
  if (known && received !== total) {
    // the server closes a stalled download before Content-Length bytes (2.11): never a cut file taken for whole
    throw broken(received, total, known);
  }
  return {
    blob: new Blob(chunks, { type }),
    type,
    contentDisposition: response.headers.get('Content-Disposition'),
    status: response.status
  };
}

function aborted(e, signal) {
  return signal && signal.aborted ? signal.reason || e : null;
}

function broken(received, total, known) {
  return new FileError(0, 'The download broke off after ' + received.toLocaleString('en-US')
      + (known ? ' of ' + total.toLocaleString('en-US') : '') + ' bytes; try again.', null);
}
