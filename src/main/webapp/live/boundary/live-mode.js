/*
 * The console's Live mode (PROTOCOL.md 2.9, 2.10): the watch list, watch and unwatch, and a live
 * table. console.js loads this module and hands it the hooks below; the API key stays in
 * console.js's memory and is read through apiKey() only to log this mode's own connections in.
 * Two connections of the key: one for watch, unwatch and watches, one for the live stream, whose
 * queue is held while it runs.
 */
import { Watches } from '../control/watches.js';
import { Listener } from '../control/listener.js';
import { LiveTable } from './live-table.js';
import { LiveStatus } from './live-status.js';
import { WatchPanel } from './watch-panel.js';

const $ = (id) => document.getElementById(id);

/**
 * @param hooks {apiKey(): the key of the console's last login, socketUrl(): the WebSocket address}
 * @return {connectionChanged(state)}, to be told each state of the console's own connection
 *     (closed, open, verified, telegram) and each login
 */
export function attachLive(hooks) {
  const url = hooks.socketUrl();
  const tabs = { streams: $('modeStreams'), live: $('modeLive') };
  const sections = { streams: [$('streamCard'), $('results')], live: [$('liveCard'), $('liveResults')] };
  const table = new LiveTable($('liveRows'), $('liveWrap'), hooks.apiKey);
  const status = new LiveStatus({ badge: $('liveState'), count: $('liveCount'), seq: $('liveSeq'),
    notices: $('liveNotices'), start: $('liveStart'), stop: $('liveStop') });
  let mode = 'streams';
  let keyInUse = null; // the key Live last worked with, to notice another one

  const panel = new WatchPanel({ names: $('watchNames'), watch: $('watch'), list: $('watchList'),
    updated: $('watchesUpdated'), status: $('watchStatus'), error: $('watchError') }, {
    watch: (names) => watches.watch(names),
    unwatch: (watch) => watches.unwatch(watch)
  });
  const watches = new Watches(url, hooks.apiKey, panel);
  const listener = new Listener(url, hooks.apiKey, {
    state: () => status.render(listener),
    event: (frame) => {
      status.events++;
      table.apply(frame);
      status.render(listener);
    },
    upToDate: (at) => {
      table.marker('up to date at ' + at.toLocaleTimeString() + ': what was recorded before is above, '
          + 'new events follow');
      status.upToDate(at, listener);
      if (mode === 'live') {
        watches.refresh(); // what was pending has just arrived: the list need not say so for 3 more seconds
      }
    },
    notice: (text, tone) => status.notice(text, tone, listener)
  });
  status.render(listener);

  $('liveStart').addEventListener('click', () => {
    keyInUse = hooks.apiKey();
    listener.start();
  });
  $('liveStop').addEventListener('click', () => listener.stop());
  tabs.streams.addEventListener('click', () => show('streams'));
  tabs.live.addEventListener('click', () => show('live'));

  function show(next) {
    mode = next;
    for (const name of Object.keys(tabs)) {
      tabs[name].setAttribute('aria-pressed', String(name === next));
      sections[name].forEach((section) => { section.hidden = name !== next; });
    }
    if (next === 'live') {
      keyInUse = hooks.apiKey();
      watches.start(); // a listener started before keeps running in the background, the list need not
    } else {
      watches.stop();
    }
  }

  /** Forgets everything of the last key or account: connections, list, table, position. */
  function reset(note) {
    watches.close();
    listener.close();
    panel.clear();
    table.clear();
    status.clear();
    keyInUse = null;
    status.notice(note, 'warn', listener);
  }

  return {
    connectionChanged(state) {
      if (keyInUse !== null && hooks.apiKey() && hooks.apiKey() !== keyInUse) {
        reset('The console logged in with another API key: Live now shows that key\u2019s watches.');
        if (mode === 'live') {
          show('live');
        }
      }
      if (state === 'verified' && keyInUse !== null) {
        reset('The Telegram account is not logged in: Live stopped.');
      }
      if (state === 'verified' && mode === 'live') {
        show('streams');
      }
      tabs.live.disabled = !(state === 'telegram' || mode === 'live');
      tabs.live.title = tabs.live.disabled ? 'Log the Telegram account in first' : '';
    }
  };
}
