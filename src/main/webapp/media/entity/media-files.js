/*
 * What a media object and an answer of GET /api/files/{chatId}/{id} mean (docs/PROTOCOL.md 2.11),
 * as plain data: no DOM, no fetch. The server's exact error texts are here, beside the plain
 * words shown for them.
 */

/** Why a file could not be had: the HTTP status (0 when no answer came), the server's text, its Retry-After. */
export class FileError extends Error {
  constructor(status, serverText, retryAfter) {
    super(errorText(status, serverText, retryAfter));
    this.status = status;
    this.serverText = serverText;
    this.retryAfter = retryAfter;
  }
}

/** The media object of a message, or null (text, poll, location... have none). */
export function mediaOf(message) {
  const media = message && message.media;
  return media !== null && typeof media === 'object' && !Array.isArray(media) ? media : null;
}

/** The server path of the media's file, or null when Telegram names no file (2.11). Only this server's paths. */
export function downloadPath(media) {
  const path = media && media.download;
  return typeof path === 'string' && /^\/api\/files\/-?\d+\/\d+$/.test(path) ? path : null;
}

/** Whether the console shows the file as a picture: a photo (always a JPEG or PNG: 2.11's largest size). */
export function isPhoto(message) {
  return message !== null && typeof message === 'object' && message.type === 'photo';
}

/** "2.3 MB" */
export function sizeText(bytes) {
  const n = Number(bytes);
  if (!Number.isFinite(n) || n < 0) {
    return '';
  }
  if (n < 1000) {
    return n + ' B';
  }
  const units = ['kB', 'MB', 'GB'];
  let value = n / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return (value < 10 ? value.toFixed(1) : Math.round(value)) + ' ' + units[unit];
}

/** What the media is, in a few words: "report-23.pdf, 2.3 MB", "1280×960, 154 kB". */
export function summary(media) {
  const parts = [];
  if (typeof media.fileName === 'string' && media.fileName) {
    parts.push(media.fileName);
  } else if (media.width && media.height) {
    parts.push(media.width + '\u00d7' + media.height);
  }
  if (media.size !== null && media.size !== undefined) {
    parts.push(sizeText(media.size));
  }
  return parts.join(', ');
}

/**
 * The name to save the file under: Content-Disposition's filename* (RFC 5987) or filename, else
 * the media's fileName, else the server's own default (2.11: kind-chatId-id). Path separators and
 * control characters become `_`, as the server does.
 */
export function fileName(contentDisposition, media, message, path) {
  const header = typeof contentDisposition === 'string' ? contentDisposition : '';
  let name = '';
  const extended = /filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(header);
  if (extended) {
    try {
      name = decodeURIComponent(extended[1]);
    } catch (e) {
      name = '';
    }
  }
  if (!name) {
    const plain = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header) || /filename\s*=\s*([^;\s"]+)/i.exec(header);
    name = plain ? plain[1].replace(/\\(.)/g, '$1') : '';
  }
  if (!name && media && typeof media.fileName === 'string') {
    name = media.fileName;
  }
  if (!name) {
    const ids = /^\/api\/files\/(-?\d+)\/(\d+)$/.exec(path || '');
    const kind = message && typeof message.type === 'string' ? message.type : 'file';
    name = kind + (ids ? '-' + ids[1] + '-' + ids[2] : '') + (kind === 'photo' ? '.jpg' : '');
  }
  // eslint-disable-next-line no-control-regex
  name = name.replace(/[/\\\u0000-\u001f\u007f]/g, '_').trim();
  return name && name !== '.' && name !== '..' ? name : 'file';
}

/** The server's {"error": "..."} text of a failed answer, or '' (a body of another shape is not shown). */
export function serverError(body) {
  try {
    const parsed = JSON.parse(body);
    return parsed && typeof parsed.error === 'string' ? parsed.error : '';
  } catch (e) {
    return '';
  }
}

/** Retry-After in seconds, or null (an HTTP date is not expected from this server). */
export function retryAfterSeconds(header) {
  return typeof header === 'string' && /^\d{1,6}$/.test(header.trim()) ? Number(header.trim()) : null;
}

/** Plain words for a failed download, the status and the server's exact text appended. */
export function errorText(status, serverText, retryAfter) {
  const exact = serverText ? ' ' + serverText : '';
  const again = retryAfter !== null && retryAfter !== undefined ? '; try again in ' + retryAfter + ' s' : '';
  let plain;
  switch (status) {
    case 0:
      return serverText || 'The file could not be fetched: the server did not answer.';
    case 401:
      plain = 'The API key was not accepted';
      break;
    case 404:
      plain = 'Not found: the message or its file is gone, or this account cannot read it';
      break;
    case 409:
      plain = 'Log the Telegram account in first (card 2)';
      break;
    case 413:
      plain = 'Larger than this server serves (TELEGATE_MEDIA_MAX_BYTES)';
      break;
    case 429:
      plain = 'Too many failed key checks from this address' + again;
      break;
    case 502:
      plain = 'Telegram refused to send the file';
      break;
    case 503:
      plain = (serverText === 'telegram asks to wait' ? 'Telegram asks to wait'
        : serverText === 'too many downloads' ? 'This account is downloading as many files as the server allows'
          : 'The server is busy') + again;
      break;
    case 504:
      plain = 'Telegram did not send the file in time; try again';
      break;
    default:
      plain = 'The server did not send the file';
      break;
  }
  return plain + ' (' + status + exact + ').';
}
