// The customer chat page (docs/webchat.md). Same-origin script under a strict CSP.
// Everything shown is built with createElement/textContent: no innerHTML, ever.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const MAX = 5000;
  const STORE = 'agent-console.chat';
  const saved = readStore();
  const st = {
    token: saved.token || null,
    outbox: Array.isArray(saved.outbox) ? saved.outbox : [], // [{clientId, text}] not yet acknowledged
    start: null, // the start frame until `joined`
    lastMessageId: undefined,
    seen: new Set(),
    ws: null,
    attempt: 0,
    ended: false,
    leaving: false,
    agentName: '',
    typingSentAt: 0,
    timers: {},
  };

  function readStore() {
    try { return JSON.parse(sessionStorage.getItem(STORE) || '{}') || {}; } catch { return {}; }
  }
  function writeStore() {
    try { sessionStorage.setItem(STORE, JSON.stringify({ token: st.token, outbox: st.outbox })); } catch { /* private mode: in-page only */ }
  }
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function status(text) { $('status').textContent = text; }
  function ordinal(id) { const n = Number(String(id).split('-').pop()); return Number.isFinite(n) ? n : -1; }
  function clientId() {
    const r = crypto.getRandomValues(new Uint8Array(12));
    return 'c-' + Date.now().toString(36) + '-' + Array.from(r, (b) => b.toString(16).padStart(2, '0')).join('');
  }
  function time(ts) { return new Date(ts).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }); }

  // ---- rendering (agent rich text: chat-render.js) ----------------------
  const renderBlocks = window.ChatRender.renderBlocks;
  function scrollDown() { const log = $('log'); log.scrollTop = log.scrollHeight; }
  function line(cls, who, ts, body) {
    const li = el('li', 'msg ' + cls);
    const meta = el('span', 'meta', who + (ts ? ' · ' + time(ts) : ''));
    const b = el('div', 'body');
    if (typeof body === 'string') b.textContent = body; else b.appendChild(body);
    li.append(meta, b);
    return li;
  }
  function notice(text) {
    $('log').appendChild(line('notice', '', 0, text));
    scrollDown();
  }
  function pendingEl(id) { return $('log').querySelector('li[data-client-id="' + CSS.escape(id) + '"]'); }
  function showPending(item) {
    if (pendingEl(item.clientId)) return;
    const li = line('customer pending', 'You · sending…', 0, item.text);
    li.dataset.clientId = item.clientId;
    $('log').appendChild(li);
    scrollDown();
  }
  function addMessage(m) {
    if (!m || typeof m.id !== 'string' || st.seen.has(m.id)) return;
    st.seen.add(m.id);
    if (st.lastMessageId === undefined || ordinal(m.id) > ordinal(st.lastMessageId)) st.lastMessageId = m.id;
    const who = m.from === 'customer' ? 'You' : m.from === 'agent' ? m.agentName || 'Agent' : '';
    const body = m.from === 'agent' && Array.isArray(m.blocks) ? renderBlocks(m.blocks) : String(m.text);
    const li = line(m.from === 'system' ? 'system' : m.from, who, m.ts, body);
    li.dataset.id = m.id;
    const pending = m.clientId ? pendingEl(m.clientId) : null;
    if (pending) pending.replaceWith(li);
    else $('log').insertBefore(li, $('log').querySelector('li.pending'));
    if (m.clientId) confirm(m.clientId);
    if (m.from === 'agent') setTyping(false);
    scrollDown();
  }
  function confirm(id) {
    st.outbox = st.outbox.filter((o) => o.clientId !== id);
    writeStore();
    const p = pendingEl(id);
    if (p) { p.classList.remove('pending'); p.querySelector('.meta').textContent = 'You · sent'; delete p.dataset.clientId; }
  }
  function fail(id, message) {
    st.outbox = st.outbox.filter((o) => o.clientId !== id);
    writeStore();
    const p = pendingEl(id);
    if (p) { p.classList.replace('pending', 'failed'); p.querySelector('.meta').textContent = 'Not sent: ' + message; delete p.dataset.clientId; }
    else $('compose-error').textContent = message;
  }
  function setTyping(on) {
    clearTimeout(st.timers.typing);
    $('typing').hidden = !on;
    $('typing').textContent = on ? (st.agentName || 'The agent') + ' is typing…' : '';
    if (on) st.timers.typing = setTimeout(() => setTyping(false), 6000);
  }

  // ---- connection -----------------------------------------------------
  function send(frame) {
    if (st.ws && st.ws.readyState === WebSocket.OPEN) { st.ws.send(JSON.stringify(frame)); return true; }
    return false;
  }
  function flushOutbox() {
    for (const o of st.outbox) { showPending(o); send({ type: 'message', text: o.text, clientId: o.clientId }); }
    if (st.leaving) send({ type: 'leave' });
  }
  function connect() {
    clearTimeout(st.timers.reconnect);
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/customer');
    st.ws = ws;
    ws.onopen = () => {
      if (st.token) send({ type: 'resume', token: st.token, lastMessageId: st.lastMessageId });
      else if (st.start) send(st.start);
      keepAlive();
    };
    ws.onmessage = (ev) => {
      let f;
      try { f = JSON.parse(ev.data); } catch { return; }
      if (f && typeof f.type === 'string') handle(f);
    };
    ws.onclose = () => {
      if (st.ws !== ws) return;
      st.ws = null;
      clearTimeout(st.timers.ping);
      if (st.ended || (!st.token && !st.start)) return;
      // Full-jitter exponential backoff: a crowd of pages does not reconnect in lockstep.
      const ceiling = Math.min(15000, 500 * 2 ** Math.min(st.attempt++, 10));
      const delay = ceiling / 2 + Math.random() * ceiling / 2;
      status('Connection lost: reconnecting…');
      st.timers.reconnect = setTimeout(connect, delay);
    };
  }
  // An application ping: a dead connection is noticed even when the network says nothing.
  function keepAlive() {
    clearTimeout(st.timers.ping);
    st.timers.ping = setTimeout(() => {
      if (!send({ type: 'ping' })) return;
      st.timers.pong = setTimeout(() => st.ws && st.ws.close(), 10000);
      keepAlive();
    }, 25000);
  }
  function showChat() {
    $('start').hidden = true;
    $('chat').hidden = false;
  }
  function handle(f) {
    switch (f.type) {
      case 'pong': clearTimeout(st.timers.pong); return;
      case 'joined':
        st.token = f.token; st.start = null; st.attempt = 0; writeStore();
        showChat();
        status('Connected. Waiting for an agent…');
        flushOutbox();
        return;
      case 'resumed':
        st.attempt = 0;
        showChat();
        st.agentName = f.agentName || '';
        $('agent').textContent = st.agentName ? 'You are chatting with ' + st.agentName : '';
        status(f.state === 'active' ? 'Connected.' : f.state === 'waiting' ? 'Waiting for an agent…' : '');
        flushOutbox();
        return;
      case 'position': status('You are in the queue (position ' + Number(f.position) + ')'); return;
      case 'agent_joined':
        st.agentName = String(f.displayName);
        $('agent').textContent = 'You are chatting with ' + st.agentName;
        status('Connected.');
        notice(f.transferred ? st.agentName + ' has taken over your chat.' : st.agentName + ' joined the chat.');
        return;
      case 'transferred':
        st.agentName = '';
        $('agent').textContent = '';
        setTyping(false);
        notice('Transferring you to ' + String(f.queue && f.queue.name) + '…');
        status('Waiting for the next agent…');
        return;
      case 'message': addMessage(f.message); return;
      case 'ack': confirm(f.clientId); return;
      case 'typing': setTyping(!!f.typing); return;
      case 'ended': return ended(f.reason);
      case 'error': return error(f);
    }
  }
  function error(f) {
    // Not recorded yet (too fast, or the server cannot save for a moment): the line stays pending and goes again.
    if ((f.code === 'RATE_LIMITED' || f.code === 'STORE_UNAVAILABLE') && f.clientId) {
      const item = st.outbox.find((o) => o.clientId === f.clientId);
      if (item) setTimeout(() => send({ type: 'message', text: item.text, clientId: item.clientId }), Math.max(200, f.retryAfterMs || 1000));
      return;
    }
    if (f.clientId) return fail(f.clientId, f.message);
    if (f.code === 'UNKNOWN_TOKEN') {
      st.token = null; st.outbox = []; writeStore();
      $('chat').hidden = true; $('start').hidden = false;
      status('');
      $('start-error').textContent = 'Your previous chat is no longer available. Start a new one.';
      return;
    }
    if (!st.token) { st.start = null; $('start-button').disabled = false; $('start-error').textContent = f.message; status(''); return; }
    $('compose-error').textContent = f.message;
  }
  function ended(reason) {
    st.ended = true;
    setTyping(false);
    const why = { left: 'You ended the chat.', agent_ended: 'The agent ended the chat.', abandoned: 'The chat was closed.', disconnected: 'The chat was closed after the connection was lost.' };
    $('ended-text').textContent = (why[reason] || 'The chat has ended.') + ' Thank you for contacting us.';
    $('ended').hidden = false;
    $('compose').hidden = true;
    status('The chat has ended.');
    for (const o of st.outbox) fail(o.clientId, 'the chat had ended');
    st.token = null; writeStore();
    if (st.ws) st.ws.close(1000);
  }

  // ---- user actions ---------------------------------------------------
  $('start').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const name = $('name').value.trim();
    if (!name) { $('start-error').textContent = 'Please enter your name.'; return; }
    $('start-error').textContent = '';
    $('start-button').disabled = true;
    st.start = { type: 'start', name: name.slice(0, 80) };
    const email = $('email').value.trim();
    const account = $('account').value.trim();
    const caseNumber = $('case').value.trim();
    if (email) st.start.email = email.slice(0, 254);
    if (account) st.start.account = account.slice(0, 64);
    if (caseNumber) st.start.caseNumber = caseNumber.slice(0, 64);
    status('Connecting…');
    if (!send(st.start)) connect();
  });
  function sendText() {
    const text = $('text').value;
    $('compose-error').textContent = '';
    if (!text.trim()) return;
    if (text.length > MAX) { $('compose-error').textContent = 'A message is at most ' + MAX + ' characters.'; return; }
    const item = { clientId: clientId(), text };
    st.outbox.push(item);
    writeStore();
    showPending(item);
    send({ type: 'message', text, clientId: item.clientId });
    $('text').value = '';
    counter();
    if (st.typingSentAt) { st.typingSentAt = 0; send({ type: 'typing', typing: false }); }
  }
  $('compose').addEventListener('submit', (ev) => { ev.preventDefault(); sendText(); });
  $('text').addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) { ev.preventDefault(); sendText(); }
  });
  function counter() {
    const n = $('text').value.length;
    $('counter').textContent = n > MAX - 500 ? (MAX - n) + ' characters left' : '';
    $('counter').classList.toggle('near', n > MAX - 100);
  }
  $('text').addEventListener('input', () => {
    counter();
    const now = Date.now();
    if (now - st.typingSentAt > 3000) { st.typingSentAt = now; send({ type: 'typing', typing: true }); }
    clearTimeout(st.timers.idle);
    st.timers.idle = setTimeout(() => { st.typingSentAt = 0; send({ type: 'typing', typing: false }); }, 4000);
  });
  $('leave').addEventListener('click', () => { st.leaving = true; send({ type: 'leave' }); });
  $('again').addEventListener('click', () => location.reload());

  if (st.token) { showChat(); status('Reconnecting…'); connect(); }
})();
