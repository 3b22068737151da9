/*
 * Fetches media files from GET /api/files/{chatId}/{id} (PROTOCOL.md 2.11) with the API key as a
 * bearer token: the key is no cookie, so neither an <img src> nor a plain link could send it. At
 * most AT_ONCE files at a time for the whole page (the Streams and Live tables share this
 * module): the server downloads 2 files at once per account and queues a few more, so a page
 * asking for more would only fill that queue and then be answered 503. Requests wait here, in
 * order, with those the reader asked for (a click) ahead of thumbnails.
 */
import { FileError, retryAfterSeconds, serverError } from '../entity/media-files.js';

const AT_ONCE = 2;
const ERROR_BODY_CHARS = 500;

const waiting = []; // {run, urgent} not started yet
let running = 0;

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
    throw new FileError(response.status, serverError(body), retryAfterSeconds(response.headers.get('Retry-After')));
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
