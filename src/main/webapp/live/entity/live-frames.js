/*
 * What the frames of watch, unwatch, watches and live mean (docs/PROTOCOL.md 2.9, 2.10), as plain
 * data: no DOM, no socket. The server's exact texts are here, beside the plain words shown for them.
 */

export const TEXTS = Object.freeze({
  watching: 'watching',
  unwatched: 'unwatched',
  waiting: 'waiting',
  sendingLive: 'sending live',
  upToDate: 'up to date',
  cancelled: 'cancelled',
  moved: 'live moved to another connection'
});

const DROPPED = /^(.*): events before (\S+) were dropped$/;
const DOES_NOT_EXIST = /^(.*) does not exist$/;

/**
 * One `live` frame's data as {kind, ...}. Kinds: sending, upToDate, message, edited, deleted
 * (with group, seq and the message or the ids), moved (the stream ended), dropped (a notice, the
 * stream goes on), failed, other.
 */
export function liveFrame(data) {
  const message = data.message;
  const seq = typeof data.seq === 'string' || typeof data.seq === 'number' ? String(data.seq) : null;
  if (data.status === 'success') {
    if (message === TEXTS.sendingLive) {
      return { kind: 'sending' };
    }
    if (message === TEXTS.upToDate) {
      return { kind: 'upToDate' };
    }
    if (message !== null && typeof message === 'object') {
      const group = String(message.group);
      if (isObject(message.chat)) {
        return { kind: 'message', group, message: message.chat, seq };
      }
      if (isObject(message.edited)) {
        return { kind: 'edited', group, message: message.edited, seq };
      }
      if (Array.isArray(message.deleted)) {
        return { kind: 'deleted', group, ids: message.deleted.map(String), seq };
      }
    }
    return { kind: 'other', text: message };
  }
  if (message === TEXTS.moved) {
    return { kind: 'moved', text: message };
  }
  const dropped = typeof message === 'string' ? DROPPED.exec(message) : null;
  if (dropped) {
    return { kind: 'dropped', group: dropped[1], before: dropped[2], text: message };
  }
  return { kind: 'failed', text: message };
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Whether the decimal seq a comes after b (seqs are 64-bit: compared as text, not as numbers). */
export function isAfter(a, b) {
  if (a === null || b === null) {
    return true;
  }
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  return x.length !== y.length ? x.length > y.length : x > y;
}

/** Plain words for an answer of the Live mode's requests; the exact text is appended by sentence(). */
export function plainWords(event, status, message) {
  const m = typeof message === 'string' ? message : '';
  if (status === 'success') {
    switch (m) {
      case TEXTS.watching: return 'Telegate now records what happens in these chats for this API key';
      case TEXTS.unwatched: return 'No longer watched; its recorded events were dropped';
      case TEXTS.sendingLive: return 'Listening: first what was recorded since the last time, then events as they happen';
      case TEXTS.upToDate: return 'Everything recorded before listening started has arrived';
      case TEXTS.cancelled: return 'Stopped listening';
      case TEXTS.waiting: return 'Telegram asked to slow down; the request waits and goes on by itself';
      default: return 'The server answered';
    }
  }
  const missing = DOES_NOT_EXIST.exec(m);
  if (missing) {
    return 'No chat \u201c' + missing[1] + '\u201d was found, so nothing was watched';
  }
  const dropped = DROPPED.exec(m);
  if (dropped) {
    return 'Events of \u201c' + dropped[1] + '\u201d from before ' + dropped[2]
        + ' were not delivered in time and were dropped';
  }
  switch (m) {
    case 'too many watches': return 'This API key watches as many chats as the server allows, so nothing was watched';
    case 'invalid request':
      return event === 'live' ? 'The server did not understand the request'
        : 'The server did not take the names (a blank name, or one over 256 characters)';
    case 'nothing watched': return 'Nothing is watched: watch a chat first';
    case TEXTS.moved: return 'Another connection of this API key started listening, so this one stopped';
    case 'telegram login required': return 'Log the Telegram account in first (card 2)';
    case 'telegram unreachable': return 'Telegram could not be reached in time; try again';
    case 'unauthorized': return 'The API key was not accepted';
    default: return 'The server reported a failure';
  }
}

/** "Plain words (exact server text)." */
export function sentence(plain, serverText) {
  const exact = typeof serverText === 'string' ? serverText : JSON.stringify(serverText);
  return plain + ' (' + exact + ')' + (/[.!?]$/.test(exact) ? '' : '.');
}

/** Names typed comma separated (or one per line), trimmed, each once. */
export function parseNames(text) {
  const names = [];
  for (const part of text.split(/[\r\n,]+/)) {
    const name = part.trim();
    if (name && !names.includes(name)) {
      names.push(name);
    }
  }
  return names;
}
