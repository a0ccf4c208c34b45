// The chatlab browser client's page. Everything it shows comes from the local web client's
// JSON API and WebSocket; message HTML is rendered and made safe there (chatlab.web.Markdown).

const $ = (id) => document.getElementById(id);
const state = {
  csrf: null, user: null, server: null,
  conversations: new Map(), // key -> [message]
  unread: new Map(),
  online: [],
  current: 'broadcast',
  files: [],
  socket: null, retries: 0,
};
const MAX_SOCKET_RETRIES = 10;

// ---- API

class ApiError extends Error {
  constructor(status, body) {
    super(body.message || `HTTP ${status}`);
    this.status = status;
    this.code = body.code || 'http_' + status;
    this.body = body;
  }
}

async function api(method, path, body) {
  const headers = { 'X-CSRF-Token': state.csrf || '' };
  let payload = body;
  if (body !== undefined && !(body instanceof FormData)) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  let data = {};
  try { data = await response.json(); } catch (e) { data = {}; }
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    if (error.code === 'rate_limited') {
      banner(error.code, 'Slow down: ' + error.message, 'warn');
    }
    throw error;
  }
  return data;
}

// ---- banner and notices

let bannerTimer = null;
function banner(code, text, level = 'error') {
  const b = $('banner');
  $('banner-code').textContent = code || '';
  $('banner-text').textContent = text;
  b.className = 'banner ' + level;
  clearTimeout(bannerTimer);
  bannerTimer = setTimeout(() => b.classList.add('hidden'), 8000);
}

function showError(error) {
  if (error instanceof ApiError) {
    if (error.code !== 'rate_limited') banner(error.code, error.message);
  } else {
    banner('network', 'The web client did not answer: ' + error.message);
  }
}

// ---- sign in

async function start() {
  try {
    const session = await api('GET', '/api/session');
    state.csrf = session.csrf;
    state.server = session.server;
    $('server-name').textContent = session.server;
    if (session.user) {
      await enter(session.user);
    } else {
      showSignin();
    }
  } catch (e) {
    showSignin();
    showError(e);
  }
}

function showSignin() {
  $('app').classList.add('hidden');
  $('signin').classList.remove('hidden');
  $('signup-offer').classList.add('hidden');
  $('user').focus();
}

async function signIn(signup) {
  const user = $('user').value.trim();
  const password = $('password').value;
  $('signin-error').textContent = '';
  if (!user || !password) {
    $('signin-error').textContent = 'Give a user name and a password.';
    return;
  }
  $('signin-button').disabled = true;
  try {
    await api('POST', signup ? '/api/signup' : '/api/login', { user, password });
    $('password').value = '';
    await enter(user);
  } catch (e) {
    if (e instanceof ApiError && e.body.signup) {
      $('signup-name').textContent = user;
      $('signup-offer').classList.remove('hidden');
    } else if (e instanceof ApiError) {
      const left = e.body.attemptsLeft != null ? ` (${e.body.attemptsLeft} attempts left)` : '';
      $('signin-error').textContent = e.message + left;
    } else {
      $('signin-error').textContent = 'The web client did not answer.';
    }
  } finally {
    $('signin-button').disabled = false;
  }
}

async function signOut() {
  try { await api('POST', '/api/logout'); } catch (e) { showError(e); }
  state.user = null;
  if (state.socket) state.socket.close();
  state.socket = null;
  state.conversations.clear();
  state.unread.clear();
  showSignin();
}

// ---- the app

async function enter(user) {
  state.user = user;
  const s = await api('GET', '/api/state');
  state.conversations = new Map(Object.entries(s.conversations));
  state.online = s.online;
  state.files = s.files;
  $('me-name').textContent = s.user;
  $('me-avatar').textContent = initials(s.user);
  $('me-server').textContent = s.server;
  $('signin').classList.add('hidden');
  $('app').classList.remove('hidden');
  openSocket();
  renderOnline();
  await open(state.current);
}

function openSocket() {
  if (state.socket) return;
  const socket = new WebSocket(`ws://${location.host}/api/events`);
  state.socket = socket;
  socket.onopen = () => { state.retries = 0; setConnection(true); };
  socket.onmessage = (m) => handle(JSON.parse(m.data));
  socket.onclose = () => {
    setConnection(false);
    if (state.socket === socket) state.socket = null;
    if (state.user && state.retries < MAX_SOCKET_RETRIES) {
      state.retries++;
      setTimeout(async () => {
        if (!state.user) return;
        try { await enter(state.user); } catch (e) { showError(e); }
      }, 500 * state.retries);
    }
  };
}

function setConnection(live) {
  const c = $('connection');
  c.textContent = live ? 'live' : 'reconnecting…';
  c.classList.toggle('down', !live);
}

function handle(event) {
  switch (event.type) {
    case 'message': {
      const m = event.message;
      if (!state.conversations.has(m.conversation)) state.conversations.set(m.conversation, []);
      const list = state.conversations.get(m.conversation);
      if (list.some((x) => x.id === m.id)) return;
      list.push(m);
      if (m.file && !state.files.some((f) => f.id === m.file.id)) {
        state.files.push(m.file);
        if (state.current === 'files') renderFiles();
      }
      if (m.conversation === state.current) {
        appendMessage(m);
      } else if (!m.mine) {
        state.unread.set(m.conversation, (state.unread.get(m.conversation) || 0) + 1);
      }
      renderConversations();
      break;
    }
    case 'presence':
      state.online = event.users;
      renderOnline();
      break;
    case 'notice':
      banner(event.level === 'error' ? 'error' : 'info', event.text, event.level === 'error' ? 'error' : 'info');
      break;
    case 'lost':
      banner(event.code, event.text);
      setConnection(false);
      break;
    case 'reconnected':
      banner('info', 'Reconnected to the chat server.', 'info');
      state.online = event.users;
      setConnection(true);
      renderOnline();
      break;
  }
}

function initials(name) {
  return (name || '?').slice(0, 2).toUpperCase();
}

function title(key) {
  if (key === 'broadcast') return 'Everyone';
  if (key === 'board') return 'Message board';
  if (key === 'files') return 'Files';
  return key.slice(1);
}

function renderConversations() {
  const ul = $('conversations');
  ul.replaceChildren();
  const keys = ['broadcast', 'board', 'files',
    ...[...state.conversations.keys()].filter((k) => k.startsWith('@')).sort()];
  if (state.current.startsWith('@') && !keys.includes(state.current)) keys.push(state.current);
  for (const key of keys) {
    const li = document.createElement('li');
    li.dataset.key = key;
    li.className = 'item' + (key === state.current ? ' active' : '');
    const icon = document.createElement('span');
    const kind = key.startsWith('@') ? 'person' : key;
    icon.className = 'icon ' + kind;
    icon.textContent = { broadcast: '#', board: '≡', files: '⇩' }[kind] || initials(key.slice(1));
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = title(key);
    li.append(icon, name);
    if (key.startsWith('@') && state.online.includes(key.slice(1))) li.classList.add('online');
    const unread = state.unread.get(key);
    if (unread) {
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = unread;
      li.append(badge);
    }
    li.addEventListener('click', () => open(key));
    ul.append(li);
  }
}

function renderOnline() {
  const ul = $('online');
  ul.replaceChildren();
  for (const user of state.online) {
    const li = document.createElement('li');
    li.className = 'item online';
    li.dataset.user = user;
    const icon = document.createElement('span');
    icon.className = 'icon person';
    icon.textContent = initials(user);
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = user;
    li.append(icon, name);
    li.addEventListener('click', () => open('@' + user));
    ul.append(li);
  }
  $('online-count').textContent = state.online.length ? String(state.online.length) : '';
  $('online-empty').classList.toggle('hidden', state.online.length > 0);
  renderConversations();
}

async function open(key) {
  state.current = key;
  state.unread.delete(key);
  $('title').textContent = title(key);
  $('subtitle').textContent = key === 'broadcast' ? 'everyone online'
    : key === 'board' ? 'posts everyone can read'
    : key === 'files' ? 'sent and received peer to peer'
    : (state.online.includes(key.slice(1)) ? 'online' : 'offline') + ' · private';
  $('attach').classList.toggle('hidden', !key.startsWith('@'));
  $('composer').classList.toggle('hidden', key === 'files');
  $('text').placeholder = key === 'board' ? 'Post to the board (markdown works)'
    : 'Write a message: **bold**, _italic_, `code`, [links](https://example.org)';
  renderConversations();
  const ol = $('messages');
  ol.replaceChildren();
  ol.dataset.conversation = key;
  if (key === 'board') {
    try {
      const board = await api('GET', '/api/board');
      renderBoard(board.entries);
    } catch (e) { showError(e); }
    return;
  }
  if (key === 'files') {
    renderFiles();
    return;
  }
  for (const m of state.conversations.get(key) || []) appendMessage(m);
}

function renderFiles() {
  const ol = $('messages');
  ol.replaceChildren();
  if (!state.files.length) {
    const li = document.createElement('li');
    li.className = 'muted';
    li.textContent = 'No file yet. Open a private conversation and Attach one.';
    ol.append(li);
  }
  for (const f of state.files) {
    appendMessage({ id: 'file-' + f.id, from: f.from, mine: f.mine, file: f, at: f.kind });
  }
}

function renderBoard(entries) {
  if (state.current !== 'board') return;
  const ol = $('messages');
  ol.replaceChildren();
  for (const e of entries) {
    appendMessage({ id: 'board-' + e.number, from: e.from, mine: e.mine, html: e.html,
      at: e.at + (e.edited ? ' (edited)' : ''), number: e.number });
  }
}

function appendMessage(m) {
  const ol = $('messages');
  const li = document.createElement('li');
  li.className = 'message' + (m.mine ? ' mine' : '');
  li.dataset.id = m.id;
  li.dataset.from = m.from;
  const head = document.createElement('div');
  head.className = 'head';
  const from = document.createElement('span');
  from.className = 'from';
  from.textContent = (m.number ? '#' + m.number + ' ' : '') + (m.mine ? 'You' : m.from);
  const at = document.createElement('span');
  at.className = 'at';
  at.textContent = m.at || '';
  head.append(from, at);
  const body = document.createElement('div');
  body.className = 'body';
  if (m.file) {
    body.append(fileView(m.file));
  } else {
    body.innerHTML = m.html; // made safe by the web client's Markdown renderer
  }
  li.append(head, body);
  ol.append(li);
  ol.scrollTop = ol.scrollHeight;
}

function fileView(f) {
  const url = '/api/files/' + encodeURIComponent(f.id);
  const box = document.createElement('div');
  box.className = 'file ' + f.kind;
  box.dataset.file = f.id;
  let media = null;
  if (f.kind === 'image') {
    media = document.createElement('img');
    media.alt = f.name;
  } else if (f.kind === 'audio' || f.kind === 'video') {
    media = document.createElement(f.kind);
    media.controls = true;
    media.preload = 'metadata';
  }
  if (media) {
    media.src = url;
    box.append(media);
  }
  const link = document.createElement('a');
  link.href = url + '?download=1';
  link.setAttribute('download', f.name);
  link.className = 'download';
  link.textContent = `${f.name} · ${size(f.size)}`;
  box.append(link);
  return box;
}

function size(bytes) {
  if (bytes < 1024) return bytes + ' B';
  if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + ' KiB';
  return (bytes / 1024 / 1024).toFixed(1) + ' MiB';
}

async function send() {
  const text = $('text').value;
  if (!text.trim()) return;
  try {
    if (state.current === 'board') {
      const board = await api('POST', '/api/board', { text });
      $('text').value = '';
      renderBoard(board.entries);
    } else {
      await api('POST', '/api/messages', { conversation: state.current, text });
      $('text').value = '';
    }
  } catch (e) { showError(e); }
}

async function sendFile(file) {
  const form = new FormData();
  form.append('conversation', state.current);
  form.append('file', file);
  try {
    await api('POST', '/api/files', form);
  } catch (e) { showError(e); }
  $('file').value = '';
}

// ---- wiring

$('signin-form').addEventListener('submit', (e) => { e.preventDefault(); signIn(false); });
$('signup-button').addEventListener('click', () => signIn(true));
$('signout').addEventListener('click', signOut);
$('composer').addEventListener('submit', (e) => { e.preventDefault(); send(); });
$('text').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); send(); }
});
$('file').addEventListener('change', () => { if ($('file').files[0]) sendFile($('file').files[0]); });
$('banner').addEventListener('click', () => $('banner').classList.add('hidden'));
start();
