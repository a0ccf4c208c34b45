// The chatlab browser client's page. Everything it shows comes from the local web client's
// JSON API and WebSocket; message HTML is rendered and made safe there (chatlab.web.Markdown).

const $ = (id) => document.getElementById(id);
const state = {
  csrf: null, user: null, server: null,
  conversations: new Map(), // key -> [message]; keys: 'broadcast', '@user', 'g:group'
  unread: new Map(),
  online: [],
  people: new Map(), // user -> {displayName, about, avatarType, avatarVersion, status, statusText}
  groups: [],
  history: new Map(), // 'g:group' -> {next} of the oldest page loaded
  current: 'broadcast',
  files: [],
  search: null, // {query, messagesNext, usersNext}
  idleMs: 5 * 60 * 1000,
  socket: null, retries: 0,
};
const STATUS_NAMES = { online: 'online', away: 'away', idle: 'idle', dnd: 'do not disturb', offline: 'appearing offline' };
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
    if (typeof session.idleMs === 'number') state.idleMs = session.idleMs; // 0: never idle
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
  state.history.clear();
  updateTitle();
  showSignin();
}

// ---- the app

async function enter(user) {
  state.user = user;
  const s = await api('GET', '/api/state');
  state.conversations = new Map(Object.entries(s.conversations));
  state.online = s.online;
  state.people = new Map(Object.entries(s.people || {}));
  state.files = s.files;
  $('me-server').textContent = s.server;
  const me = person(user);
  $('status').value = me.status || 'online';
  $('status-text').value = me.statusText || '';
  autoIdle = false;
  renderMe();
  $('signin').classList.add('hidden');
  $('app').classList.remove('hidden');
  openSocket();
  renderOnline();
  await loadGroups();
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
      if (list.some((x) => x.id === m.id || (m.messageId != null && x.messageId === m.messageId))) return;
      list.push(m);
      if (m.file && !state.files.some((f) => f.id === m.file.id)) {
        state.files.push(m.file);
        if (state.current === 'files') renderFiles();
      }
      if (m.conversation === state.current) {
        appendMessage(m);
      } else if (!m.mine && !m.silent) { // do not disturb: shown, but without a notification
        state.unread.set(m.conversation, (state.unread.get(m.conversation) || 0) + 1);
      }
      renderConversations();
      renderGroups();
      break;
    }
    case 'presence':
      state.online = event.users;
      renderOnline();
      break;
    case 'person': {
      const p = event.person;
      state.people.set(p.user, p);
      renderOnline();
      renderGroups();
      refreshPeopleShown(p.user);
      break;
    }
    case 'group':
      loadGroups().then(() => {
        if (state.current === 'g:' + event.group && !$('members').classList.contains('hidden')) loadMembers(event.group);
      });
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
      if (event.people) state.people = new Map(Object.entries(event.people));
      setConnection(true);
      renderOnline();
      break;
  }
}

// ---- people

function person(user) {
  return state.people.get(user) || { user };
}

function displayName(user) {
  const p = state.people.get(user);
  return (p && p.displayName) || user;
}

function avatarUrl(p) {
  return p.avatarType ? '/api/avatar/' + encodeURIComponent(p.user) + '?v=' + encodeURIComponent(p.avatarVersion || '') : null;
}

/** An avatar: the image when the user has one, otherwise initials. */
function avatarElement(user, className) {
  const p = person(user);
  const box = document.createElement('span');
  box.className = className;
  const url = avatarUrl(p);
  if (url) {
    const img = document.createElement('img');
    img.className = 'avatar-img';
    img.alt = '';
    img.src = url;
    box.append(img);
  } else {
    box.textContent = initials(displayName(user));
  }
  return box;
}

function statusDot(status) {
  const dot = document.createElement('span');
  dot.className = 'dot ' + (status || 'offline');
  dot.title = STATUS_NAMES[status] || 'offline';
  return dot;
}

function renderMe() {
  const me = person(state.user);
  $('me-name').textContent = displayName(state.user);
  const avatar = avatarElement(state.user, 'avatar');
  avatar.id = 'me-avatar';
  $('me-avatar').replaceWith(avatar);
  $('my-status-dot').className = 'dot ' + ($('status').value || 'online');
  return me;
}

/** Redraws what shows a user whose profile or status changed. */
function refreshPeopleShown(user) {
  if (user === state.user) renderMe();
  if (state.current === 'profile:' + user) renderProfile(person(user));
  if (state.current === '@' + user) setHeader(state.current);
  renderConversations();
  for (const li of $('messages').querySelectorAll('li.message')) {
    if (li.dataset.from === user && !li.classList.contains('mine')) li.querySelector('.from').textContent = displayName(user);
  }
  if (state.current.startsWith('g:') && !$('members').classList.contains('hidden')) loadMembers(state.current.slice(2));
}

// ---- statuses, and idle after a spell without input

let autoIdle = false;
let lastInput = Date.now();

async function setStatus(status, text) {
  try {
    await api('POST', '/api/status', { status, text: text || null });
    const me = person(state.user);
    state.people.set(state.user, { ...me, user: state.user, status, statusText: text || null });
    $('status').value = status;
    renderMe();
  } catch (e) { showError(e); }
}

function chooseStatus() {
  autoIdle = false; // a status the user chose is never changed by the page
  setStatus($('status').value, $('status-text').value.trim());
}

function onInput() {
  lastInput = Date.now();
  if (autoIdle && state.user) {
    autoIdle = false;
    if ($('status').value === 'idle') setStatus('online', $('status-text').value.trim());
  }
}

function checkIdle() {
  if (!state.user || autoIdle || state.idleMs <= 0 || $('status').value !== 'online') return;
  if (Date.now() - lastInput >= state.idleMs) {
    autoIdle = true; // only over "online" left as it was; any input sets it back
    setStatus('idle', $('status-text').value.trim());
  }
}

// ---- lists

function initials(name) {
  return (name || '?').slice(0, 2).toUpperCase();
}

function title(key) {
  if (key === 'broadcast') return 'Everyone';
  if (key === 'board') return 'Message board';
  if (key === 'files') return 'Files';
  if (key === 'search') return 'Search';
  if (key === 'new-group') return 'New group';
  if (key.startsWith('profile:')) return 'Profile';
  if (key.startsWith('g:')) return key.slice(2);
  return displayName(key.slice(1));
}

function updateTitle() {
  let unread = 0;
  for (const n of state.unread.values()) unread += n;
  document.title = unread ? `(${unread}) chatlab` : 'chatlab';
}

function badge(key, li) {
  const unread = state.unread.get(key);
  if (unread) {
    const b = document.createElement('span');
    b.className = 'badge';
    b.textContent = unread;
    li.append(b);
  }
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
    const kind = key.startsWith('@') ? 'person' : key;
    let icon;
    if (kind === 'person') {
      icon = avatarElement(key.slice(1), 'icon person');
    } else {
      icon = document.createElement('span');
      icon.className = 'icon ' + kind;
      icon.textContent = { broadcast: '#', board: '≡', files: '⇩' }[kind];
    }
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = title(key);
    li.append(icon, name);
    if (key.startsWith('@') && state.online.includes(key.slice(1))) li.classList.add('online');
    badge(key, li);
    li.addEventListener('click', () => open(key));
    ul.append(li);
  }
  updateTitle();
}

function renderOnline() {
  const ul = $('online');
  ul.replaceChildren();
  for (const user of state.online) {
    const p = person(user);
    const li = document.createElement('li');
    li.className = 'item online';
    li.dataset.user = user;
    li.dataset.status = p.status || 'online';
    const icon = avatarElement(user, 'icon person');
    const text = document.createElement('span');
    text.className = 'who';
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = displayName(user);
    const line = document.createElement('span');
    line.className = 'status-line';
    line.textContent = (STATUS_NAMES[p.status] || 'online') + (p.statusText ? ' · ' + p.statusText : '');
    text.append(name, line);
    li.append(icon, text, statusDot(p.status || 'online'));
    li.addEventListener('click', () => open('@' + user));
    ul.append(li);
  }
  $('online-count').textContent = state.online.length ? String(state.online.length) : '';
  $('online-empty').classList.toggle('hidden', state.online.length > 0);
  renderConversations();
}

// ---- groups

async function loadGroups() {
  try {
    const reply = await api('GET', '/api/groups');
    state.groups = reply.groups;
  } catch (e) { showError(e); }
  renderGroups();
  if (state.current.startsWith('g:')) setHeader(state.current);
}

function group(name) {
  return state.groups.find((g) => g.name === name);
}

function renderGroups() {
  const ul = $('groups');
  ul.replaceChildren();
  for (const g of state.groups) {
    const key = 'g:' + g.name;
    const li = document.createElement('li');
    li.dataset.group = g.name;
    li.dataset.key = key;
    const kind = g.member ? 'member' : g.open ? 'open' : 'invited';
    li.className = 'item group ' + kind + (key === state.current ? ' active' : '');
    const icon = document.createElement('span');
    icon.className = 'icon group';
    icon.textContent = initials(g.name);
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = g.name;
    li.append(icon, name);
    if (g.member) {
      badge(key, li);
      li.addEventListener('click', () => open(key));
    } else {
      const join = document.createElement('button');
      join.type = 'button';
      join.className = 'mini join';
      join.textContent = kind === 'invited' ? 'Invited · Join' : 'Join';
      join.addEventListener('click', (e) => { e.stopPropagation(); joinGroup(g.name); });
      li.append(join);
    }
    ul.append(li);
  }
  $('groups-empty').classList.toggle('hidden', state.groups.length > 0);
  updateTitle();
}

async function joinGroup(name) {
  try {
    const reply = await api('POST', '/api/groups/' + encodeURIComponent(name) + '/join', {});
    state.groups = reply.groups;
    renderGroups();
    await open('g:' + name);
  } catch (e) { showError(e); }
}

async function createGroup() {
  $('group-error').textContent = '';
  const name = $('group-name').value.trim();
  if (!name) { $('group-error').textContent = 'Give the group a name.'; return; }
  try {
    const reply = await api('POST', '/api/groups', { name, about: $('group-about').value.trim(), open: $('group-open').checked });
    state.groups = reply.groups;
    $('group-name').value = '';
    $('group-about').value = '';
    $('group-open').checked = false;
    renderGroups();
    await open('g:' + name);
  } catch (e) {
    $('group-error').textContent = e instanceof ApiError ? `${e.code}: ${e.message}` : 'The web client did not answer.';
  }
}

async function invite() {
  const user = $('invite-user').value.trim();
  if (!user || !state.current.startsWith('g:')) return;
  try {
    const reply = await api('POST', '/api/groups/' + encodeURIComponent(state.current.slice(2)) + '/invite', { user });
    state.groups = reply.groups;
    $('invite-user').value = '';
    banner('info', `${user} is invited to ${state.current.slice(2)}.`, 'info');
  } catch (e) { showError(e); }
}

async function leaveGroup() {
  const name = state.current.slice(2);
  try {
    const reply = await api('POST', '/api/groups/' + encodeURIComponent(name) + '/leave', {});
    state.groups = reply.groups;
    state.conversations.delete('g:' + name);
    state.history.delete('g:' + name);
    renderGroups();
    await open('broadcast');
  } catch (e) { showError(e); }
}

async function loadMembers(name) {
  try {
    const reply = await api('GET', '/api/groups/' + encodeURIComponent(name) + '/members');
    if (state.current !== 'g:' + name) return;
    const ul = $('members');
    ul.replaceChildren();
    for (const m of reply.members) {
      if (m.person) state.people.set(m.user, m.person);
      const li = document.createElement('li');
      li.dataset.user = m.user;
      const status = m.user === state.user ? $('status').value : (m.person && m.person.status);
      li.append(statusDot(status));
      const name = document.createElement('span');
      name.textContent = displayName(m.user);
      li.append(name);
      li.addEventListener('click', () => open('profile:' + m.user));
      ul.append(li);
    }
  } catch (e) { showError(e); }
}

/** Loads a page of a group's history (newest first from the server) before what is shown. */
async function loadHistory(key, older) {
  const name = key.slice(2);
  const after = older ? (state.history.get(key) || {}).next : null;
  const reply = await api('GET', '/api/groups/' + encodeURIComponent(name) + '/history'
    + (after ? '?after=' + encodeURIComponent(after) : ''));
  const live = state.conversations.get(key) || [];
  const known = new Set(live.filter((m) => m.messageId != null).map((m) => m.messageId));
  const page = reply.messages.filter((m) => !known.has(m.messageId)).reverse();
  state.conversations.set(key, older ? [...page, ...live] : mergeHistory(page, live));
  state.history.set(key, { next: reply.next });
}

/** The latest page of history, then what came live that it does not hold (files, or newer messages). */
function mergeHistory(page, live) {
  const inPage = new Set(page.map((m) => m.messageId));
  return [...page, ...live.filter((m) => m.messageId == null || !inPage.has(m.messageId))];
}

// ---- the pane

function setHeader(key) {
  $('title').textContent = title(key);
  let sub = '';
  if (key === 'broadcast') sub = 'everyone online';
  else if (key === 'board') sub = 'posts everyone can read';
  else if (key === 'files') sub = 'sent and received peer to peer';
  else if (key.startsWith('@')) {
    const p = person(key.slice(1));
    const online = state.online.includes(key.slice(1));
    sub = '@' + key.slice(1) + ' · ' + (online ? (STATUS_NAMES[p.status] || 'online') : 'offline') + ' · private';
  } else if (key.startsWith('g:')) {
    const g = group(key.slice(2));
    sub = g ? `${g.open ? 'open' : 'by invitation'} · ${g.members} member${g.members === 1 ? '' : 's'}`
      + (g.about ? ' · ' + g.about : '') : 'group';
  }
  $('subtitle').textContent = sub;
}

const VIEWS = ['messages', 'profile', 'search-view', 'new-group-view'];
function showView(id) {
  for (const v of VIEWS) $(v).classList.toggle('hidden', v !== id);
}

async function open(key, found) {
  state.current = key;
  state.unread.delete(key);
  setHeader(key);
  const isGroup = key.startsWith('g:');
  const chat = key === 'broadcast' || key === 'board' || key.startsWith('@') || isGroup;
  $('attach').classList.toggle('hidden', !(key.startsWith('@') || isGroup));
  $('direct-toggle').classList.toggle('hidden', !key.startsWith('@'));
  if (!key.startsWith('@')) $('direct').checked = false;
  $('composer').classList.toggle('hidden', !chat);
  $('view-profile').classList.toggle('hidden', !key.startsWith('@'));
  $('members-button').classList.toggle('hidden', !isGroup);
  $('leave').classList.toggle('hidden', !isGroup);
  $('group-bar').classList.toggle('hidden', !isGroup);
  $('members').classList.add('hidden');
  $('text').placeholder = key === 'board' ? 'Post to the board (markdown works)'
    : 'Write a message: **bold**, _italic_, `code`, [links](https://example.org)';
  renderConversations();
  renderGroups();
  const ol = $('messages');
  ol.replaceChildren();
  ol.dataset.conversation = key;
  if (key.startsWith('profile:')) {
    showView('profile');
    return openProfile(key.slice('profile:'.length));
  }
  if (key === 'search') { showView('search-view'); return; }
  if (key === 'new-group') { showView('new-group-view'); $('group-name').focus(); return; }
  showView('messages');
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
  if (isGroup) {
    try { await loadHistory(key, false); } catch (e) { showError(e); }
    if (state.current !== key) return;
  }
  renderMessages(key);
  if (found != null) showFound(found);
}

function renderMessages(key) {
  const ol = $('messages');
  ol.replaceChildren();
  const more = (state.history.get(key) || {}).next;
  if (key.startsWith('g:') && more) {
    const li = document.createElement('li');
    li.className = 'older';
    const button = document.createElement('button');
    button.type = 'button';
    button.id = 'older';
    button.className = 'small secondary';
    button.textContent = 'Older messages';
    button.addEventListener('click', async () => {
      try { await loadHistory(key, true); } catch (e) { showError(e); return; }
      if (state.current === key) { renderMessages(key); ol.scrollTop = 0; }
    });
    li.append(button);
    ol.append(li);
  }
  for (const m of state.conversations.get(key) || []) appendMessage(m);
}

/** Marks a message found by search in the conversation shown, or says it is older than what is shown. */
function showFound(messageId) {
  const li = $('messages').querySelector(`li.message[data-message-id="${Number(messageId)}"]`);
  if (li) {
    li.classList.add('found');
    li.scrollIntoView({ block: 'center' });
  } else {
    banner('info', 'That message is older than this conversation as shown here; its words are in the search result.', 'info');
  }
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
  for (const e of entries) { // board posts are markdown, as they always were
    appendMessage({ id: 'board-' + e.number, from: e.from, mine: e.mine, html: e.html, format: 'markdown',
      at: e.at + (e.edited ? ' (edited)' : ''), number: e.number });
  }
}

function appendMessage(m) {
  const ol = $('messages');
  const li = document.createElement('li');
  li.className = 'message' + (m.mine ? ' mine' : '') + (m.silent ? ' silent' : '') + (m.direct ? ' direct' : '');
  li.dataset.id = m.id;
  if (m.messageId != null) li.dataset.messageId = m.messageId;
  li.dataset.from = m.from;
  if (m.format) li.dataset.format = m.format;
  const head = document.createElement('div');
  head.className = 'head';
  const from = document.createElement('span');
  from.className = 'from';
  from.textContent = (m.number ? '#' + m.number + ' ' : '') + (m.mine ? 'You' : displayName(m.from));
  if (!m.mine) from.addEventListener('click', () => open('profile:' + m.from));
  const at = document.createElement('span');
  at.className = 'at';
  at.textContent = m.at || '';
  head.append(from, at);
  if (m.direct) {
    const mark = document.createElement('span');
    mark.className = 'direct-mark';
    mark.title = 'Peer to peer, sealed end to end: the server never saw it';
    mark.textContent = 'direct';
    head.append(mark);
  }
  const body = document.createElement('div');
  body.className = 'body';
  if (m.file) {
    body.append(fileView(m.file));
  } else if (m.format === 'markdown') {
    body.innerHTML = m.html; // made safe by the web client's Markdown renderer
  } else {
    body.classList.add('plain');
    body.textContent = m.text; // plain text stays text: never read as HTML or markdown
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
    } else if ($('direct').checked && state.current.startsWith('@')) {
      const sent = await api('POST', '/api/direct', { conversation: state.current, text });
      if (sent.outcome !== 'not_held') $('text').value = '';
      if (sent.outcome !== 'delivered') banner(sent.outcome === 'not_held' ? 'not_held' : '', sent.text,
        sent.outcome === 'not_held' ? 'error' : 'info');
    } else {
      await api('POST', '/api/messages', { conversation: state.current, text, format: 'markdown' });
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

// ---- profiles

async function openProfile(user) {
  renderProfile(person(user));
  $('profile-error').textContent = '';
  $('profile-saved').textContent = '';
  try {
    const p = await api('GET', '/api/profile/' + encodeURIComponent(user));
    state.people.set(user, user === state.user ? { ...p, status: $('status').value, statusText: $('status-text').value.trim() || null } : p);
    if (state.current === 'profile:' + user) renderProfile(person(user), true);
  } catch (e) { showError(e); }
}

function renderProfile(p, fillForm) {
  const mine = p.user === state.user;
  $('title').textContent = mine ? 'Your profile' : displayName(p.user);
  $('subtitle').textContent = '@' + p.user;
  const avatar = avatarElement(p.user, 'avatar big');
  avatar.id = 'profile-avatar';
  $('profile-avatar').replaceWith(avatar);
  $('profile-name').textContent = displayName(p.user);
  $('profile-user').textContent = '@' + p.user;
  const status = $('profile-status');
  status.replaceChildren();
  const online = mine || state.online.includes(p.user);
  const shown = online ? (p.status || 'online') : 'offline';
  status.dataset.status = shown;
  status.append(statusDot(shown), document.createTextNode(' ' + (STATUS_NAMES[shown] || shown)
    + (online && p.statusText ? ' · ' + p.statusText : '')));
  $('profile-about').textContent = p.about || (mine ? 'Say something about yourself below.' : '');
  $('profile-form').classList.toggle('hidden', !mine);
  if (mine && fillForm) {
    $('profile-display-name').value = p.displayName || '';
    $('profile-about-input').value = p.about || '';
  }
}

async function saveProfile() {
  $('profile-error').textContent = '';
  $('profile-saved').textContent = '';
  try {
    const p = await api('POST', '/api/profile', {
      displayName: $('profile-display-name').value.trim(), about: $('profile-about-input').value });
    keepMine(p);
    $('profile-saved').textContent = 'Saved.';
  } catch (e) { profileError(e); }
}

async function uploadAvatar(file) {
  $('profile-error').textContent = '';
  $('profile-saved').textContent = '';
  const form = new FormData();
  form.append('avatar', file);
  try {
    keepMine(await api('POST', '/api/avatar', form));
    $('profile-saved').textContent = 'Avatar saved.';
  } catch (e) { profileError(e); }
  $('profile-avatar-file').value = '';
}

function keepMine(p) {
  state.people.set(state.user, { ...p, status: $('status').value, statusText: $('status-text').value.trim() || null });
  refreshPeopleShown(state.user);
}

function profileError(e) {
  $('profile-error').textContent = e instanceof ApiError ? `${e.code}: ${e.message}` : 'The web client did not answer.';
}

// ---- search

async function search(query) {
  query = query.trim();
  if (!query) return;
  state.search = { query, messagesNext: null, usersNext: null };
  $('search-messages').replaceChildren();
  $('search-users').replaceChildren();
  await open('search');
  $('title').textContent = 'Search';
  $('subtitle').textContent = '“' + query + '”';
  await Promise.all([moreMessages(true), moreUsers(true)]);
}

async function moreMessages(first) {
  const s = state.search;
  if (!s) return;
  const after = first ? '' : '&after=' + encodeURIComponent(s.messagesNext);
  try {
    const reply = await api('GET', '/api/search/messages?q=' + encodeURIComponent(s.query) + after);
    if (state.search !== s) return;
    s.messagesNext = reply.next;
    for (const r of reply.results) $('search-messages').append(messageResult(r));
    $('search-messages-empty').classList.toggle('hidden', $('search-messages').children.length > 0);
    $('search-messages-more').classList.toggle('hidden', !reply.next);
  } catch (e) { showError(e); }
}

async function moreUsers(first) {
  const s = state.search;
  if (!s) return;
  const after = first ? '' : '&after=' + encodeURIComponent(s.usersNext);
  try {
    const reply = await api('GET', '/api/search/users?q=' + encodeURIComponent(s.query) + after);
    if (state.search !== s) return;
    s.usersNext = reply.next;
    for (const p of reply.users) {
      state.people.set(p.user, { ...(state.people.get(p.user) || {}), ...p });
      $('search-users').append(userResult(p));
    }
    $('search-users-empty').classList.toggle('hidden', $('search-users').children.length > 0);
    $('search-users-more').classList.toggle('hidden', !reply.next);
  } catch (e) { showError(e); }
}

/** The snippet with the words the server marked [like this] highlighted, built as text nodes only. */
function highlighted(snippet) {
  const box = document.createElement('span');
  box.className = 'snippet';
  let mark = null;
  let text = '';
  const flush = () => {
    if (!text) return;
    if (mark) mark.append(document.createTextNode(text)); else box.append(document.createTextNode(text));
    text = '';
  };
  for (const c of snippet || '') {
    if (c === '[' && !mark) { flush(); mark = document.createElement('mark'); }
    else if (c === ']' && mark) { flush(); box.append(mark); mark = null; }
    else text += c;
  }
  flush();
  if (mark) box.append(mark);
  return box;
}

function where(r) {
  if (r.group) return 'in ' + r.group;
  if (r.mode === 'board') return 'on the board, #' + r.number;
  if (r.mode === 'broadcast' || r.mode === 'blockcast') return 'to everyone';
  return 'private';
}

function messageResult(r) {
  const li = document.createElement('li');
  li.className = 'result message-result';
  li.dataset.messageId = r.messageId;
  if (r.conversation) li.dataset.conversation = r.conversation;
  const head = document.createElement('div');
  head.className = 'head';
  const from = document.createElement('span');
  from.className = 'from';
  from.textContent = r.from === state.user ? 'You' : displayName(r.from);
  const meta = document.createElement('span');
  meta.className = 'at';
  meta.textContent = where(r) + ' · ' + r.at;
  head.append(from, meta);
  li.append(head, highlighted(r.snippet));
  li.addEventListener('click', () => {
    if (r.conversation) open(r.conversation, r.mode === 'board' ? null : r.messageId);
    else banner('info', 'A private message you sent before this session: its words are in the result.', 'info');
  });
  return li;
}

function userResult(p) {
  const li = document.createElement('li');
  li.className = 'result user-result';
  li.dataset.user = p.user;
  li.append(avatarElement(p.user, 'icon person'));
  const name = document.createElement('span');
  name.className = 'name';
  name.textContent = displayName(p.user);
  const user = document.createElement('span');
  user.className = 'muted';
  user.textContent = ' @' + p.user + (p.about ? ' · ' + p.about : '');
  li.append(name, user);
  li.addEventListener('click', () => open('profile:' + p.user));
  return li;
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
$('me-open').addEventListener('click', () => open('profile:' + state.user));
$('view-profile').addEventListener('click', () => open('profile:' + state.current.slice(1)));
$('status').addEventListener('change', chooseStatus);
$('status-form').addEventListener('submit', (e) => { e.preventDefault(); chooseStatus(); });
$('search-form').addEventListener('submit', (e) => { e.preventDefault(); search($('search').value); });
$('search-messages-more').addEventListener('click', () => moreMessages(false));
$('search-users-more').addEventListener('click', () => moreUsers(false));
$('new-group').addEventListener('click', () => open('new-group'));
$('new-group-form').addEventListener('submit', (e) => { e.preventDefault(); createGroup(); });
$('group-bar').addEventListener('submit', (e) => { e.preventDefault(); invite(); });
$('members-button').addEventListener('click', () => {
  const hidden = $('members').classList.toggle('hidden');
  if (!hidden) loadMembers(state.current.slice(2));
});
$('leave').addEventListener('click', leaveGroup);
$('profile-form').addEventListener('submit', (e) => { e.preventDefault(); saveProfile(); });
$('profile-avatar-file').addEventListener('change', () => {
  if ($('profile-avatar-file').files[0]) uploadAvatar($('profile-avatar-file').files[0]);
});
for (const type of ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart']) {
  window.addEventListener(type, onInput, { capture: true, passive: true });
}
setInterval(checkIdle, 1000);
start();
