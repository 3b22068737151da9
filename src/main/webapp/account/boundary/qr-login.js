import { qrImage } from '../control/qr-image.js';

/**
 * The "Log in with QR code" choice of the Telegram account card: asks for a QR
 * code (telegram login {qr: true}), draws each link the server sends (a renewed
 * one replaces the last), and goes away once the scan is confirmed, the code
 * expired, or the wait was cancelled. The console's frame handler tells it
 * every telegram login answer; it never reads the socket itself.
 *
 * @param {object} options request(frame) sends on the console's socket once it is
 *   connected and its key checked (a promise), apiKey() the key in use, cancel() sends a cancel the console counts,
 *   setError(text) shows a failure
 */
export function attachQrLogin(options) {
  var button = document.getElementById('qrLogin');
  var step = document.getElementById('qrStep');
  var picture = document.getElementById('qrCode');
  var note = document.getElementById('qrNote');
  var stop = document.getElementById('qrCancel');
  var waiting = false;
  var drawn = 0; // links drawn during this wait
  var latest = null; // the link to draw: a renewal may overtake a drawing in progress

  function show(on) {
    waiting = on;
    step.hidden = !on;
    button.disabled = on;
    if (!on) {
      picture.replaceChildren();
      picture.removeAttribute('data-link');
      latest = null;
    }
  }

  function draw(link) {
    latest = link;
    qrImage(link, options.apiKey()).then(function (svg) {
      if (!waiting || latest !== link) {
        return; // the wait ended, or a newer link came meanwhile
      }
      picture.replaceChildren(svg);
      picture.setAttribute('data-link', link);
      drawn++;
      picture.setAttribute('data-drawn', String(drawn));
      note.textContent = drawn > 1 ? 'Telegram renewed the code; scan this one.' : 'Waiting for the scan\u2026';
    }, function (error) {
      options.setError(error.message);
    });
  }

  button.addEventListener('click', function () {
    drawn = 0;
    note.textContent = 'Asking Telegram for a QR code\u2026';
    show(true); // before the request: its answer may come at once
    options.request({ event: 'telegram login', data: { qr: true } }).catch(function (error) {
      show(false);
      options.setError(error.message);
    });
  });

  stop.addEventListener('click', function () {
    if (waiting) {
      options.cancel();
      show(false);
    }
  });

  return {
    /** A telegram login answer: a link to draw, or the end of the wait. */
    answer: function (data) {
      if (data.status === 'success' && data.message === 'scan qr code' && typeof data.link === 'string') {
        if (!waiting) {
          show(true);
        }
        draw(data.link);
      } else if (waiting) {
        show(false);
      }
    },
    /** The connection closed or changed: a wait on it is over. */
    reset: function () {
      if (waiting) {
        show(false);
      }
    }
  };
}
