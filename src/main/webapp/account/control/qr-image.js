/**
 * The picture of a QR-code login's link (PROTOCOL.md 2.12), drawn by this server
 * (POST /api/qr-code, with the API key): the link travels in the request's body,
 * never in a URL, and no image comes from anywhere else.
 */
export function qrImage(link, apiKey) {
  return fetch('api/qr-code', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + apiKey },
    body: JSON.stringify({ link: link }),
    cache: 'no-store',
    credentials: 'omit'
  }).then(function (answer) {
    if (!answer.ok) {
      throw new Error('The QR code could not be drawn (HTTP ' + answer.status + ').');
    }
    return answer.text();
  }).then(function (text) {
    var svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
    if (!svg || svg.namespaceURI !== 'http://www.w3.org/2000/svg' || svg.localName !== 'svg') {
      throw new Error('The server sent no QR code.');
    }
    return document.importNode(svg, true);
  });
}
