/*
 * Telegate console: speaks only the public WebSocket protocol (docs/PROTOCOL.md).
 * No framework, no build step. Secrets (API key, login code, password) are never
 * written to the console or to localStorage; the API key goes to sessionStorage
 * only when "Remember for this tab" is ticked.
 */
(function () {
  'use strict';

  var MAX_ROWS = 200;
  var TEXT_CELL_CHARS = 120;
  var KEY_STORAGE = 'telegate.console.apiKey';
  var TABLE_INTERVAL_MS = 250; // a fast stream refreshes the table at most this often (the count every frame)

  var COLUMNS = {
    users: ['group', 'id', 'username', 'firstName', 'lastName', 'memberStatus', 'isBot', 'lastSeen'],
    chats: ['group', 'id', 'date', 'senderName', 'type', 'text', 'media', 'views']
  };
  /** Column widths (%), so that the table lays out without measuring every cell (table-layout: fixed). */
  var WIDTHS = {
    users: [15, 11, 15, 12, 12, 12, 6, 17],
    chats: [11, 6, 13, 12, 7, 28, 17, 6]
  };
  var NUMERIC_COLUMNS = { views: true };
  var MONO_COLUMNS = { id: true, date: true, lastSeen: true };

  function $(id) { return document.getElementById(id); }

  var ui = {};

  // ---------------------------------------------------------------- state

  var socket = null;          // the current WebSocket (null when none)
  var socketKey = null;       // the key this socket passed login with
  var opening = null;         // Promise of the socket being opened
  var session = null;         // Promise of ensureSession in progress
  var connState = 'closed';   // closed | open | verified | telegram
  var storedKey = '';         // the key of the last successful login (memory only)
  var waiters = {};           // event -> [{resolve, reject}] for request/answer pairs
  var lastFailure = null;     // {text, at} of the last failed frame, to join with a close that follows
  var cancelsOutstanding = 0;  // cancels sent on this socket and not answered yet
  var live = null;            // the Live mode (live/boundary/live-mode.js), told each state and login
  var mediaCells = null;      // the media column's cells (media/boundary/media-cells.js), once loaded
  var qrLogin = null;         // the QR-code login (account/boundary/qr-login.js), told each telegram login answer

  var stream = null;          // the current or last stream, see newStream()
  var renderQueued = false;
  var tickTimer = null;
  var lastTableRender = 0;    // performance.now() of the last table update
  var followPending = false;  // a scroll to the table's end is due in the next frame

  // ---------------------------------------------------------------- texts

  /** Plain words for a server answer; the server's exact text is always appended. */
  function plainWords(event, status, message) {
    var m = typeof message === 'string' ? message : '';
    if (status === 'success') {
      switch (m) {
        case "Already verified. Send data to 'telegram login' or 'users'.":
          return 'This connection has already passed the API key check';
        case "session already exists, call 'users'.":
          return 'API key accepted, and the Telegram account is already logged in: you can start a stream';
        case 'send phone number':
          return 'API key accepted. Now log the Telegram account in with its phone number';
        case "session alreay exists, call 'users'":
          return 'The Telegram account is already logged in: you can start a stream';
        case 'send code':
          return 'Telegram sent a login code to the account\u2019s apps (or by SMS): enter it';
        case 'send password':
          return 'The account has two-step verification: enter its password';
        case 'scan qr code':
          return 'Scan the QR code with a Telegram app already logged in to the account';
        case 'logged in successfully':
          return 'The Telegram account is logged in: you can start a stream';
        case 'logged out':
          return 'The Telegram account was logged out and its session deleted';
        case 'sending users':
          return 'The server found every group and is sending their members';
        case 'sending chats':
          return 'The server found every chat and is sending their messages';
        case 'completed':
          return 'The stream is complete';
        case 'waiting':
          return 'Telegram asked to slow down; the stream waits and resumes by itself';
        case 'cancelled':
          return 'The stream was stopped';
        default:
          return 'The server answered';
      }
    }
    switch (m) {
      case 'unauthorized':
        return 'The API key was not accepted';
      case 'verify your api key first':
        return 'The server wants the API key checked first';
      case 'invalid phone number':
        return 'Telegram did not accept the phone number';
      case 'invalid code provided':
        return 'The login code is wrong or has expired';
      case 'invalid password':
        return 'The two-step verification password is wrong';
      case 'qr code expired':
        return 'Nobody scanned the QR code in time; ask for a new one';
      case 'telegram login required':
        return 'Log the Telegram account in first (card 2)';
      case 'telegram unreachable':
        return 'Telegram could not be reached in time; try again';
      case 'telegram backend not available':
        return 'The server has no working Telegram backend';
      case 'malformed request':
        return 'The server could not read the request';
      case 'unknown event':
        return 'The server does not know this request';
      case 'invalid request':
        if (event === 'telegram login') {
          return 'The server did not expect this step (send the phone number first)';
        }
        if (event === 'chats') {
          return 'A chat name could not be found, or the request was not understood';
        }
        return 'The server did not understand the request';
      default:
        break;
    }
    var match = /^(.*) is a channel name$/.exec(m);
    if (match && event === 'users') {
      return '\u201c' + match[1] + '\u201d is a channel: channels have no member list (choose messages)';
    }
    match = /^(.*) does not exist$/.exec(m);
    if (match && event === 'users') {
      return 'No group \u201c' + match[1] + '\u201d was found';
    }
    if ((event === 'users' || event === 'chats') && stream && stream.acked) {
      var group = groupOfChatFailure(m);
      if (group !== null) {
        return 'Reading \u201c' + group + '\u201d failed; the stream goes on with the next one';
      }
    }
    return 'The server reported a failure';
  }

  /** The group of a mid-stream "{group}: reason" failure, or null. */
  function groupOfChatFailure(message) {
    if (!stream) {
      return null;
    }
    for (var i = 0; i < stream.names.length; i++) {
      var name = stream.names[i];
      if (message.indexOf(name + ': ') === 0) {
        return name;
      }
    }
    var colon = message.indexOf(': ');
    return colon > 0 ? message.substring(0, colon) : null;
  }

  /** "Plain words (exact server text)." */
  function sentence(plain, serverText) {
    var exact = typeof serverText === 'string' ? serverText : JSON.stringify(serverText);
    var end = /[.!?]$/.test(exact) ? '' : '.';
    return plain + ' (' + exact + ')' + end;
  }

  // ---------------------------------------------------------------- status, errors, connection

  function setStatus(text) {
    ui.status.textContent = text;
  }

  function setError(text) {
    ui.error.textContent = text || '';
  }

  function clearError() {
    setError('');
    lastFailure = null;
  }

  var CONNECTION_TEXT = {
    closed: 'Not connected',
    open: 'Connected, API key not checked',
    verified: 'API key verified',
    telegram: 'Telegram account logged in'
  };

  function setConnection(state) {
    connState = state;
    ui.connection.setAttribute('data-state', state);
    ui.connectionText.textContent = CONNECTION_TEXT[state];
    if (state === 'telegram') {
      ui.passwordStep.hidden = true;
    }
    if (qrLogin && state !== 'telegram' && state !== 'verified') {
      qrLogin.reset();
    }
    if (live) {
      live.connectionChanged(state);
    }
  }

  // ---------------------------------------------------------------- socket

  function socketUrl() {
    var url = new URL('ws/telegram/', location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.search = '';
    url.hash = '';
    return url.href;
  }

  function isOpen() {
    return socket !== null && socket.readyState === WebSocket.OPEN;
  }

  function openSocket() {
    if (isOpen()) {
      return Promise.resolve(socket);
    }
    if (opening) {
      return opening;
    }
    opening = new Promise(function (resolve, reject) {
      var ws;
      try {
        ws = new WebSocket(socketUrl());
      } catch (e) {
        reject(userError('Could not open the WebSocket: ' + e.message));
        return;
      }
      socket = ws;
      socketKey = null;
      var opened = false;
      ws.onopen = function () {
        if (ws !== socket) {
          return;
        }
        opened = true;
        setConnection('open');
        resolve(ws);
      };
      ws.onmessage = function (event) {
        if (ws === socket) {
          onFrame(event.data);
        }
      };
      ws.onclose = function (event) {
        if (ws !== socket) {
          return;
        }
        socket = null;
        socketKey = null;
        if (!opened) {
          reject(userError('Could not connect to the server at ' + socketUrl()
              + (event.code ? ' (close code ' + event.code + ').' : '.')));
        }
        onSocketClosed(event, opened);
      };
      ws.onerror = function () {
        // onclose follows with the details
      };
    });
    var done = function () { opening = null; };
    opening.then(done, done);
    return opening;
  }

  function onSocketClosed(event, wasOpen) {
    cancelsOutstanding = 0;
    setConnection('closed');
    rejectAllWaiters(userError('The connection closed before the server answered.', true));
    if (!wasOpen) {
      if (stream && isActive(stream)) {
        endStream('failed');
      }
      return;
    }
    var reason = event.reason ? ': ' + event.reason : '';
    var text = event.code === 1006
      ? 'The connection to the server was lost (code 1006).'
      : 'The server closed the connection (code ' + event.code + reason + ').';
    if (event.reason === 'login timeout') {
      text += ' No API key was accepted in time.';
    } else if (event.reason === 'too many connections') {
      text += ' This address has too many open connections.';
    } else if (event.code === 1009) {
      text += ' A request was too large.';
    }
    text += ' The next action reconnects and logs in again with the stored key.';
    if (lastFailure && Date.now() - lastFailure.at < 5000) {
      setError(lastFailure.text + ' ' + text);
    } else {
      setError(text);
    }
    lastFailure = null;
    if (stream && isActive(stream)) {
      stream.endNote = 'The connection closed during the stream.';
      endStream('failed');
    }
  }

  function send(frame) {
    if (!isOpen()) {
      throw userError('Not connected to the server.');
    }
    socket.send(JSON.stringify(frame));
  }

  /** Sends a request and resolves with the next answer frame of the same event. */
  function request(event, data) {
    return new Promise(function (resolve, reject) {
      (waiters[event] = waiters[event] || []).push({ resolve: resolve, reject: reject });
      try {
        send({ event: event, data: data });
      } catch (e) {
        waiters[event].pop();
        reject(e);
      }
    });
  }

  function settleWaiter(event, frame) {
    var list = waiters[event];
    if (list && list.length) {
      list.shift().resolve(frame);
    }
  }

  function rejectAllWaiters(error) {
    var all = waiters;
    waiters = {};
    Object.keys(all).forEach(function (event) {
      all[event].forEach(function (w) { w.reject(error); });
    });
  }

  function userError(text, quiet) {
    var e = new Error(text);
    e.userText = text;
    e.quiet = !!quiet;
    return e;
  }

  function currentKey() {
    var typed = ui.apiKey.value.trim();
    return typed || storedKey;
  }

  /** Logs this socket in with the key (failing frames are shown by onFrame). */
  function login(key) {
    return request('login', { apiKey: key }).then(function (frame) {
      if (frame.data.status !== 'success') {
        throw userError('', true);
      }
      socketKey = key;
      storedKey = key;
      rememberKey();
      if (live) {
        live.connectionChanged(connState); // the key changed only now
      }
      return frame;
    });
  }

  /** An open socket that passed login, reconnecting and logging in again with the stored key if needed. */
  function ensureSession() {
    var key = currentKey();
    if (isOpen() && socketKey !== null && socketKey === key && connState !== 'open') {
      return Promise.resolve();
    }
    if (session) {
      return session;
    }
    if (!key) {
      return Promise.reject(userError('Enter the API key first (card 1).'));
    }
    var switchKey = isOpen() && socketKey !== null && socketKey !== key;
    session = (switchKey ? reopen() : Promise.resolve())
      .then(openSocket)
      .then(function () { return login(key); })
      .then(function () { return undefined; });
    var done = function () { session = null; };
    session.then(done, done);
    return session;
  }

  /** Closes the current socket (another key was entered) so that the next login checks the new one. */
  function reopen() {
    return new Promise(function (resolve) {
      var ws = socket;
      if (!ws) {
        resolve();
        return;
      }
      ws.onclose = null;
      ws.onmessage = null;
      socket = null;
      socketKey = null;
      cancelsOutstanding = 0;
      setConnection('closed');
      rejectAllWaiters(userError('The connection was closed to use another API key.', true));
      if (stream && isActive(stream)) {
        stream.endNote = 'The connection was closed to log in with another API key.';
        endStream('failed');
      }
      try {
        ws.close(1000, 'new api key');
      } catch (e) {
        // already closing
      }
      resolve();
    });
  }

  // ---------------------------------------------------------------- frames

  function onFrame(text) {
    var frame;
    try {
      frame = JSON.parse(text);
    } catch (e) {
      setError('The server sent a frame that is not JSON.');
      return;
    }
    if (!frame || typeof frame !== 'object' || !frame.data || typeof frame.data !== 'object') {
      setError('The server sent a frame of an unknown shape.');
      return;
    }
    var event = frame.event;
    var data = frame.data;
    if (event === 'users' || event === 'chats') {
      onStreamFrame(event, data);
      return;
    }
    var message = data.message;
    if (event === 'cancel' && data.status === 'success') {
      onCancelled(message);
      return;
    }
    var text2 = sentence(plainWords(event, data.status, message), message);
    if (data.status === 'success') {
      setStatus(text2);
    } else {
      showFailure(text2);
    }
    switch (event) {
      case 'login':
        if (data.status === 'success') {
          if (message === "session already exists, call 'users'.") {
            setConnection('telegram');
          } else if (message === 'send phone number') {
            setConnection('verified');
          } else if (connState === 'open') {
            setConnection('verified');
          }
        }
        break;
      case 'telegram login':
        if (qrLogin) {
          qrLogin.answer(data);
        }
        if (data.status === 'success') {
          if (message === 'logged in successfully' || message === "session alreay exists, call 'users'") {
            setConnection('telegram');
            ui.code.value = '';
          } else if (message === 'send password') {
            ui.passwordStep.hidden = false;
            ui.password.focus();
          } else if (message === 'send code') {
            ui.code.focus();
          }
        }
        break;
      case 'telegram logout':
        if (data.status === 'success' && (connState === 'telegram' || connState === 'verified')) {
          setConnection('verified');
          ui.passwordStep.hidden = true;
        }
        break;
      default:
        break;
    }
    settleWaiter(event, frame);
  }

  /**
   * The answer to a cancel: ends the running stream. The answer to a cancel that
   * arrived after its stream had ended is taken silently.
   */
  function onCancelled(message) {
    var expected = cancelsOutstanding > 0;
    if (expected) {
      cancelsOutstanding--;
    }
    if (stream && isActive(stream)) {
      setStatus(sentence(plainWords('cancel', 'success', message), message));
      endStream('cancelled');
    } else if (!expected) {
      setStatus(sentence('Nothing was running to stop', message));
    }
  }

  function showFailure(text) {
    setStatus(text);
    setError(text);
    lastFailure = { text: text, at: Date.now() };
  }

  // ---------------------------------------------------------------- streams

  function newStream(kind, names, mode) {
    return {
      kind: kind,
      names: names,
      mode: mode,
      columns: COLUMNS[kind],
      widths: WIDTHS[kind],
      items: [],
      counts: Object.create(null),
      state: 'streaming',
      acked: false,
      requested: false,     // the users/chats frame has been sent
      requestedAt: performance.now(),
      endedAt: 0,
      waiting: null,        // {seconds, until}
      completed: null,      // the completed frame's data
      failures: [],         // mid-stream chat failures (messages)
      cancelWanted: false,
      cancelSentAt: 0,
      rendered: 0,          // items already in the table
      endNote: ''
    };
  }

  function isActive(s) {
    return s.state === 'streaming';
  }

  function onStreamFrame(event, data) {
    var s = stream;
    var message = data.message;
    if (data.status === 'success' && message !== null && typeof message === 'object') {
      // the hot path: one member or message
      if (s && s.kind === event && isActive(s)) {
        s.items.push(message);
        var g = message.group;
        s.counts[g] = (s.counts[g] || 0) + 1;
        if (s.waiting) {
          s.waiting = null;
        }
        queueRender();
      }
      return;
    }
    var text = sentence(plainWords(event, data.status, message), message);
    var mine = s && s.kind === event && isActive(s);
    if (data.status === 'success') {
      if (message === 'sending users' || message === 'sending chats') {
        setStatus(text);
        if (mine) {
          s.acked = true;
          if (s.cancelWanted && !s.cancelSentAt) {
            sendCancel();
          }
        }
      } else if (message === 'completed') {
        if (mine) {
          s.completed = data;
          var total = s.items.length;
          setStatus(sentence('The stream is complete: ' + total + ' ' + unit(s.kind, total) + ' received', message));
          endStream('completed');
        } else {
          setStatus(text);
        }
      } else if (message === 'waiting') {
        var seconds = Number(data.retryAfter) || 0;
        setStatus(sentence('Telegram asked to wait ' + seconds + ' s (retryAfter ' + seconds
            + '); the stream resumes by itself', message));
        if (mine) {
          s.waiting = { seconds: seconds, until: performance.now() + seconds * 1000 };
          queueRender();
        }
      } else {
        setStatus(text);
      }
      return;
    }
    // failed
    showFailure(text);
    if (message === 'telegram login required' && connState === 'telegram') {
      setConnection('verified');
    }
    if (!mine) {
      return;
    }
    if (s.acked) {
      // after "sending ...", a failed frame is one chat's failure: the stream goes on
      s.failures.push(message);
      queueRender();
      return;
    }
    s.endNote = text;
    endStream('failed');
  }

  function unit(kind, n) {
    if (kind === 'users') {
      return n === 1 ? 'member' : 'members';
    }
    return n === 1 ? 'message' : 'messages';
  }

  function endStream(state) {
    var s = stream;
    if (!s || !isActive(s)) {
      return;
    }
    s.state = state;
    s.endedAt = performance.now();
    s.waiting = null;
    stopTick();
    renderNow();
  }

  function parseGroups(text) {
    var seen = Object.create(null);
    var names = [];
    text.split(/[\r\n,]+/).forEach(function (part) {
      var name = part.trim();
      if (name && !seen[name]) {
        seen[name] = true;
        names.push(name);
      }
    });
    return names;
  }

  function startStream() {
    if (stream && isActive(stream)) {
      return;
    }
    var names = parseGroups(ui.groups.value);
    if (names.length === 0) {
      setError('Enter at least one group or channel name (one per line or comma separated).');
      ui.groups.focus();
      return;
    }
    var kind = ui.kind.value === 'chats' ? 'chats' : 'users';
    var mode = ui.mode.value === 'latest' ? 'latest' : '';
    stream = newStream(kind, names, mode);
    buildHeader(stream);
    ui.tbody.textContent = '';
    startTick();
    renderNow();
    ensureSession().then(function () {
      if (stream !== null && isActive(stream) && stream.cancelWanted) {
        endStream('cancelled');
        setStatus('The stream was stopped before it was requested.');
        return;
      }
      if (stream !== null && isActive(stream) && stream.kind === kind) {
        var data = kind === 'users'
          ? { group: names, status: mode }
          : { group: names.map(function (n) { return { name: n, status: mode }; }), status: mode };
        stream.requestedAt = performance.now();
        send({ event: kind, data: data });
        stream.requested = true;
      }
    }).catch(function (e) {
      showActionError(e);
      if (stream && isActive(stream)) {
        stream.endNote = 'The stream could not be requested.';
        endStream('failed');
      }
    });
  }

  function cancelStream() {
    var s = stream;
    if (!s || !isActive(s)) {
      return;
    }
    s.cancelWanted = true;
    renderNow();
    if (s.requested) {
      // the server takes a cancel for a stream still being requested too: it stops before its first item
      sendCancel();
    }
    // not requested yet (still logging in): the request is not sent at all (see startStream)
  }

  function sendCancel() {
    var s = stream;
    if (!s || !isActive(s)) {
      return;
    }
    try {
      send({ event: 'cancel', data: {} });
    } catch (e) {
      showActionError(e);
      return;
    }
    cancelsOutstanding++;
    s.cancelSentAt = performance.now();
  }

  // ---------------------------------------------------------------- rendering

  function queueRender() {
    if (!renderQueued) {
      renderQueued = true;
      requestAnimationFrame(renderFrame);
    }
  }

  function renderFrame() {
    if (renderQueued) {
      renderQueued = false;
      render();
    }
  }

  /** Renders at once (terminal states), so that data-state never runs ahead of the count. */
  function renderNow() {
    renderQueued = false;
    render();
  }

  function startTick() {
    stopTick();
    tickTimer = setInterval(queueRender, 500);
  }

  function stopTick() {
    if (tickTimer) {
      clearInterval(tickTimer);
      tickTimer = null;
    }
  }

  function buildHeader(s) {
    var tr = document.createElement('tr');
    s.columns.forEach(function (column, index) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.style.width = s.widths[index] + '%';
      if (NUMERIC_COLUMNS[column]) {
        th.className = 'num';
      }
      th.textContent = column;
      tr.appendChild(th);
    });
    ui.thead.textContent = '';
    ui.thead.appendChild(tr);
  }

  function render() {
    var s = stream;
    if (!s) {
      return;
    }
    var now = performance.now();
    if (!isActive(s) || now - lastTableRender >= TABLE_INTERVAL_MS) {
      if (renderRows(s)) {
        lastTableRender = now;
      }
    } else if (s.rendered !== s.items.length) {
      queueRender();
    }
    ui.count.textContent = String(s.items.length);
    ui.countUnit.textContent = s.kind === 'users' ? 'members' : 'messages';
    ui.stream.setAttribute('data-state', s.state);
    ui.stream.textContent = s.cancelWanted && isActive(s) ? 'stopping' : s.state;
    renderProgress(s);
    var active = isActive(s);
    ui.start.disabled = active;
    ui.cancel.disabled = !active || s.cancelWanted;
    var none = s.items.length === 0;
    ui.downloadJsonl.disabled = none;
    ui.downloadCsv.disabled = none;
  }

  /** @return whether the table changed */
  function renderRows(s) {
    var total = s.items.length;
    if (s.rendered === total) {
      return false;
    }
    // Read before changing anything: the layout is still the last frame's, so this costs nothing.
    var wrap = ui.tableWrap;
    var follow = followPending || wrap.scrollHeight - wrap.scrollTop - wrap.clientHeight < 24;
    var from = Math.max(s.rendered, total - MAX_ROWS);
    var fragment = document.createDocumentFragment();
    for (var i = from; i < total; i++) {
      fragment.appendChild(rowOf(s, s.items[i]));
    }
    var tbody = ui.tbody;
    if (total - s.rendered >= MAX_ROWS) {
      tbody.textContent = '';
    }
    tbody.appendChild(fragment);
    var excess = tbody.rows.length - MAX_ROWS;
    while (excess-- > 0) {
      tbody.removeChild(tbody.firstChild);
    }
    s.rendered = total;
    if (follow && !followPending) {
      // in the next frame, once the new rows are laid out: no forced layout here
      followPending = true;
      requestAnimationFrame(scrollToEnd);
    }
    return true;
  }

  function scrollToEnd() {
    followPending = false;
    var wrap = ui.tableWrap;
    wrap.scrollTop = wrap.scrollHeight;
  }

  function rowOf(s, item) {
    var tr = document.createElement('tr');
    var object = s.kind === 'users' ? item.user : item.chat;
    var columns = s.columns;
    for (var c = 0; c < columns.length; c++) {
      var column = columns[c];
      var td = document.createElement('td');
      var value = column === 'group' ? item.group : object ? object[column] : null;
      if (column === 'media' && mediaCells) {
        mediaCells.fill(td, object);
        tr.appendChild(td);
        continue;
      }
      var text = cellText(value);
      if (column === 'text') {
        td.className = 'text';
        if (text.length > TEXT_CELL_CHARS) {
          td.title = text.length > 2000 ? text.substring(0, 2000) + '\u2026' : text;
          text = text.substring(0, TEXT_CELL_CHARS) + '\u2026';
        }
      } else if (NUMERIC_COLUMNS[column]) {
        td.className = 'num';
      } else if (MONO_COLUMNS[column]) {
        td.className = 'mono';
      }
      td.textContent = text;
      tr.appendChild(td);
    }
    return tr;
  }

  function cellText(value) {
    if (value === null || value === undefined) {
      return '';
    }
    if (typeof value === 'object') {
      return JSON.stringify(value);
    }
    return String(value);
  }

  function seconds(ms) {
    var s = ms / 1000;
    if (s < 10) {
      return s.toFixed(1) + ' s';
    }
    if (s < 3600) {
      var m = Math.floor(s / 60);
      var rest = Math.floor(s % 60);
      return m > 0 ? m + ' min ' + rest + ' s' : rest + ' s';
    }
    return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
  }

  function formatNumber(n) {
    return Number(n).toLocaleString('en-US');
  }

  function line(parent, text, className) {
    var div = document.createElement('div');
    if (className) {
      div.className = className;
    }
    div.textContent = text + ' '; // the trailing space keeps the lines apart in textContent
    parent.appendChild(div);
    return div;
  }

  function renderProgress(s) {
    var now = performance.now();
    var end = s.endedAt || now;
    var elapsed = Math.max(end - s.requestedAt, 1);
    var total = s.items.length;
    var rate = total / (elapsed / 1000);
    var box = document.createDocumentFragment();

    var what = s.kind === 'users' ? 'Members' : 'Messages';
    var modeText = s.mode === 'latest' ? 'latest' : 'all';
    var head;
    if (isActive(s)) {
      head = what + ' (' + modeText + '): ' + formatNumber(total) + ' received in ' + seconds(elapsed)
          + ', ' + formatNumber(Math.round(rate)) + '/s'
          + (s.cancelWanted ? '. Stopping\u2026' : s.acked ? '.' : '. Waiting for the server\u2026');
    } else {
      var label = { completed: 'Completed', cancelled: 'Stopped', failed: 'Failed' }[s.state] || s.state;
      head = label + ': ' + formatNumber(total) + ' ' + what.toLowerCase() + ' (' + modeText + ') received in '
          + seconds(elapsed) + ', ' + formatNumber(Math.round(rate)) + '/s.';
    }
    line(box, head);

    var groups = document.createElement('div');
    groups.className = 'groups';
    groups.appendChild(document.createTextNode('Per group: '));
    var serverCount = s.completed && s.completed.count && typeof s.completed.count === 'object'
      ? s.completed.count : null;
    var partial = s.completed && Array.isArray(s.completed.partial) ? s.completed.partial : [];
    var failedGroups = s.failures.map(groupOfChatFailure);
    s.names.forEach(function (name, index) {
      var chip = document.createElement('span');
      chip.className = 'chip';
      var got = s.counts[name] || 0;
      var text = name + ': ' + formatNumber(got);
      if (serverCount && Object.prototype.hasOwnProperty.call(serverCount, name)
          && Number(serverCount[name]) !== got) {
        text += ' (server: ' + formatNumber(serverCount[name]) + ')';
      }
      if (partial.indexOf(name) >= 0) {
        chip.className += ' partial';
        text += ' (partial)';
      }
      if (failedGroups.indexOf(name) >= 0) {
        chip.className += ' failed';
        text += ' (failed)';
      }
      chip.textContent = text + (index < s.names.length - 1 ? ';' : '.');
      groups.appendChild(chip);
      groups.appendChild(document.createTextNode(' '));
    });
    box.appendChild(groups);

    if (s.waiting && isActive(s)) {
      var left = Math.max(0, Math.ceil((s.waiting.until - now) / 1000));
      line(box, 'Waiting: Telegram asked to wait ' + s.waiting.seconds + ' s (retryAfter ' + s.waiting.seconds
          + '); resuming in about ' + left + ' s.', 'wait');
    }
    s.failures.forEach(function (failure) {
      line(box, 'Failed: ' + failure + '.', 'bad');
    });
    if (s.completed) {
      var counts = serverCount ? Object.keys(serverCount).map(function (name) {
        return name + ' ' + formatNumber(serverCount[name]);
      }).join(', ') : 'none';
      var tail = s.kind === 'users'
        ? ' Partial: ' + (partial.length ? partial.join(', ') + ' (Telegram returned only part of the members)' : 'none') + '.'
        : '';
      line(box, 'Server counts: ' + counts + '.' + tail, 'muted');
    }
    if (s.state === 'cancelled') {
      line(box, 'Stopped on request; what arrived counts as delivered for \u201clatest\u201d.', 'muted');
    }
    if (s.endNote) {
      line(box, s.endNote, 'bad');
    }
    ui.progress.textContent = '';
    ui.progress.appendChild(box);
  }

  // ---------------------------------------------------------------- downloads

  function pad(n) {
    return n < 10 ? '0' + n : String(n);
  }

  function stamp(date) {
    return date.getFullYear() + pad(date.getMonth() + 1) + pad(date.getDate()) + '-'
        + pad(date.getHours()) + pad(date.getMinutes()) + pad(date.getSeconds());
  }

  var CHUNK = 5000;

  function jsonlParts(items) {
    var parts = [];
    for (var start = 0; start < items.length; start += CHUNK) {
      var end = Math.min(items.length, start + CHUNK);
      var lines = new Array(end - start);
      for (var i = start; i < end; i++) {
        lines[i - start] = JSON.stringify(items[i]);
      }
      parts.push(lines.join('\n') + '\n');
    }
    return parts;
  }

  /**
   * One CSV cell, RFC 4180 quoted. A text that a spreadsheet would run as a formula
   * (=, +, -, @, tab or CR first, and not a plain number) gets a leading apostrophe:
   * message texts come from strangers. The JSON Lines download keeps every value exact.
   */
  function csvCell(value) {
    var text;
    if (value === null || value === undefined) {
      return '';
    }
    if (typeof value === 'object') {
      text = JSON.stringify(value);
    } else {
      text = String(value);
    }
    if (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text)) {
      text = "'" + text;
    }
    if (/[",\r\n]/.test(text)) {
      return '"' + text.replace(/"/g, '""') + '"';
    }
    return text;
  }

  function csvParts(kind, items) {
    var field = kind === 'users' ? 'user' : 'chat';
    var keys = [];
    var known = Object.create(null);
    for (var k = 0; k < items.length; k++) {
      var object = items[k][field];
      if (!object || typeof object !== 'object') {
        continue;
      }
      for (var key in object) {
        if (!known[key] && Object.prototype.hasOwnProperty.call(object, key)) {
          known[key] = true;
          keys.push(key);
        }
      }
    }
    var header = ['group'].concat(keys.filter(function (key) { return key !== 'group'; }));
    var dataKeys = header.slice(1);
    var parts = [header.map(csvCell).join(',') + '\r\n'];
    for (var start = 0; start < items.length; start += CHUNK) {
      var end = Math.min(items.length, start + CHUNK);
      var lines = new Array(end - start);
      for (var i = start; i < end; i++) {
        var item = items[i];
        var obj = item[field] || {};
        var cells = new Array(dataKeys.length + 1);
        cells[0] = csvCell(item.group);
        for (var j = 0; j < dataKeys.length; j++) {
          cells[j + 1] = csvCell(obj[dataKeys[j]]);
        }
        lines[i - start] = cells.join(',');
      }
      parts.push(lines.join('\r\n') + '\r\n');
    }
    return parts;
  }

  function download(format) {
    var s = stream;
    if (!s || s.items.length === 0) {
      return;
    }
    var name = 'telegate-' + s.kind + '-' + stamp(new Date()) + '.' + format;
    var blob = format === 'jsonl'
      ? new Blob(jsonlParts(s.items), { type: 'application/x-ndjson' })
      : new Blob(csvParts(s.kind, s.items), { type: 'text/csv;charset=utf-8' });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.rel = 'noopener';
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    setTimeout(function () {
      a.remove();
      URL.revokeObjectURL(url);
    }, 60000);
  }

  // ---------------------------------------------------------------- actions

  function showActionError(e) {
    if (!e || e.quiet) {
      return;
    }
    setError(e.userText || 'Something went wrong: ' + (e.message || String(e)));
  }

  /** Runs a user action on a logged-in socket, reconnecting first when needed. */
  function act(run) {
    clearError();
    return ensureSession().then(run).catch(showActionError);
  }

  function connect() {
    clearError();
    var key = ui.apiKey.value.trim();
    if (!key) {
      setError('Enter the API key first.');
      ui.apiKey.focus();
      return;
    }
    var switchKey = isOpen() && socketKey !== null && socketKey !== key;
    (switchKey ? reopen() : Promise.resolve())
      .then(openSocket)
      .then(function () { return login(key); })
      .catch(showActionError);
  }

  function telegramLogin(field, input, label) {
    var value = input.value.trim();
    if (!value) {
      setError('Enter the ' + label + ' first.');
      input.focus();
      return;
    }
    act(function () {
      var data = {};
      data[field] = value;
      send({ event: 'telegram login', data: data });
      if (field === 'password') {
        input.value = '';
      }
    });
  }

  function logout() {
    act(function () {
      send({ event: 'telegram logout', data: {} });
    });
  }

  function rememberKey() {
    try {
      if (ui.rememberKey.checked && storedKey) {
        sessionStorage.setItem(KEY_STORAGE, storedKey);
      } else {
        sessionStorage.removeItem(KEY_STORAGE);
      }
    } catch (e) {
      // storage unavailable: nothing is remembered
    }
  }

  function restoreKey() {
    try {
      var key = sessionStorage.getItem(KEY_STORAGE);
      if (key) {
        ui.apiKey.value = key;
        ui.rememberKey.checked = true;
        storedKey = key;
      }
    } catch (e) {
      // storage unavailable
    }
  }

  function onEnter(input, button) {
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.isComposing) {
        event.preventDefault();
        if (!button.disabled) {
          button.click();
        }
      }
    });
  }

  function init() {
    ['apiKey', 'rememberKey', 'connect', 'phone', 'sendPhone', 'code', 'sendCode', 'password', 'sendPassword',
      'passwordStep', 'logout', 'groups', 'kind', 'mode', 'start', 'cancel', 'status', 'error', 'connection',
      'connectionText', 'stream', 'count', 'countUnit', 'progress', 'rows', 'tableWrap', 'downloadJsonl',
      'downloadCsv'].forEach(function (id) { ui[id] = $(id); });
    ui.thead = ui.rows.tHead;
    ui.tbody = ui.rows.tBodies[0];

    restoreKey();
    import('./live/boundary/live-mode.js').then(function (module) {
      live = module.attachLive({ apiKey: function () { return storedKey; }, socketUrl: socketUrl });
      live.connectionChanged(connState);
    }, function () { setError('The Live mode could not be loaded.'); });
    import('./media/boundary/media-cells.js').then(function (module) {
      mediaCells = new module.MediaCells(ui.tbody, function () { return storedKey; });
    }, function () { setError('The media cells could not be loaded: media show as text.'); });

    import('./account/boundary/qr-login.js').then(function (module) {
      qrLogin = module.attachQrLogin({
        request: function (frame) {
          clearError();
          return ensureSession().then(function () { send(frame); });
        },
        apiKey: function () { return storedKey; },
        cancel: function () {
          try {
            send({ event: 'cancel', data: {} });
            cancelsOutstanding++;
          } catch (e) {
            showActionError(e);
          }
        },
        setError: setError
      });
    }, function () { setError('The QR-code login could not be loaded.'); });

    ui.connect.addEventListener('click', connect);
    ui.sendPhone.addEventListener('click', function () { telegramLogin('phone', ui.phone, 'phone number'); });
    ui.sendCode.addEventListener('click', function () { telegramLogin('code', ui.code, 'login code'); });
    ui.sendPassword.addEventListener('click', function () { telegramLogin('password', ui.password, 'password'); });
    ui.logout.addEventListener('click', logout);
    ui.start.addEventListener('click', function () { clearError(); startStream(); });
    ui.cancel.addEventListener('click', cancelStream);
    ui.downloadJsonl.addEventListener('click', function () { download('jsonl'); });
    ui.downloadCsv.addEventListener('click', function () { download('csv'); });
    ui.rememberKey.addEventListener('change', rememberKey);

    onEnter(ui.apiKey, ui.connect);
    onEnter(ui.phone, ui.sendPhone);
    onEnter(ui.code, ui.sendCode);
    onEnter(ui.password, ui.sendPassword);
    ui.groups.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        ui.start.click();
      }
    });

    var headerOf = function () {
      var kind = ui.kind.value === 'chats' ? 'chats' : 'users';
      return { columns: COLUMNS[kind], widths: WIDTHS[kind] };
    };
    buildHeader(headerOf());
    ui.kind.addEventListener('change', function () {
      if (!stream) {
        buildHeader(headerOf());
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
