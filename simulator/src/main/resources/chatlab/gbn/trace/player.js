// The timeline player: shows the diagram's elements step by step (each carries data-step, the
// index of the event that draws it) and the panel's state after each step, both computed when the
// page was built. No network, no libraries.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('trace-data').textContent);
  var steps = data.steps;
  var total = steps.length;
  var byStep = [];
  var i;
  for (i = 0; i < total; i++) {
    byStep.push([]);
  }
  document.querySelectorAll('#timeline [data-step]').forEach(function (el) {
    var k = parseInt(el.getAttribute('data-step'), 10);
    if (k >= 0 && k < total) {
      byStep[k].push(el);
      el.classList.add('future');
    }
  });
  var now = document.getElementById('now');
  var play = document.getElementById('play');
  var speed = document.getElementById('speed');
  var scrub = document.getElementById('scrub');
  var sticky = document.querySelector('.sticky');
  var shown = 0;
  var ticker = null;

  function ms(ns) {
    return (ns / 1e6).toFixed(3) + ' ms';
  }

  function set(id, text) {
    document.getElementById(id).textContent = text;
  }

  function show(n) {
    var k;
    n = Math.max(0, Math.min(total, n));
    for (k = shown; k < n; k++) {
      byStep[k].forEach(function (el) { el.classList.remove('future'); });
    }
    for (k = n; k < shown; k++) {
      byStep[k].forEach(function (el) { el.classList.add('future'); });
    }
    shown = n;
    panel();
  }

  function panel() {
    var s = shown > 0 ? steps[shown - 1] : null;
    set('p-step', shown + ' / ' + total);
    set('p-time', s ? ms(s.t) : '–');
    set('p-event', s ? s.text : 'Press Play or Step.');
    set('p-window', s && s.base !== undefined ? '[' + s.base + ', ' + s.next + '), ' + (s.next - s.base) + ' in flight' : '–');
    set('p-rto', s && s.rto !== undefined ? ms(s.rto) : '–');
    set('p-sent', s ? s.sent : 0);
    set('p-lost', s ? s.lost : 0);
    set('p-retx', s ? s.retransmitted : 0);
    set('p-timeouts', s ? s.timeouts : 0);
    set('p-acks', s ? s.acks : 0);
    scrub.value = shown;
    document.body.setAttribute('data-steps-shown', String(shown));
    if (s) {
      now.setAttribute('y1', s.y);
      now.setAttribute('y2', s.y);
      now.removeAttribute('display');
      if (ticker !== null) {
        follow();
      }
    } else {
      now.setAttribute('display', 'none');
    }
  }

  // While playing, keep the current time in view below the sticky controls.
  function follow() {
    var box = now.getBoundingClientRect();
    var top = sticky.getBoundingClientRect().bottom;
    if (box.top < top + 20 || box.top > window.innerHeight - 40) {
      window.scrollBy(0, box.top - (top + window.innerHeight) / 2);
    }
  }

  function stop() {
    if (ticker !== null) {
      clearInterval(ticker);
      ticker = null;
    }
    play.textContent = '▶ Play';
    play.setAttribute('aria-pressed', 'false');
  }

  function start() {
    if (shown >= total) {
      show(0);
    }
    stop();
    play.textContent = '⏸ Pause';
    play.setAttribute('aria-pressed', 'true');
    ticker = setInterval(function () {
      if (shown >= total) {
        stop();
      } else {
        show(shown + 1);
      }
    }, 1000 / Number(speed.value));
  }

  play.addEventListener('click', function () {
    if (ticker === null) {
      start();
    } else {
      stop();
    }
  });
  speed.addEventListener('change', function () {
    if (ticker !== null) {
      start();
    }
  });
  document.getElementById('step').addEventListener('click', function () { stop(); show(shown + 1); });
  document.getElementById('back').addEventListener('click', function () { stop(); show(shown - 1); });
  document.getElementById('reset').addEventListener('click', function () { stop(); show(0); });
  document.getElementById('end').addEventListener('click', function () { stop(); show(total); });
  scrub.max = String(total);
  scrub.addEventListener('input', function () { stop(); show(Number(scrub.value)); });
  document.addEventListener('keydown', function (e) {
    var tag = e.target.tagName;
    if (tag === 'SELECT' || tag === 'INPUT' || tag === 'BUTTON' && (e.key === ' ' || e.key === 'Enter')) {
      return;
    }
    var keys = {ArrowRight: 'step', ArrowLeft: 'back', Home: 'reset', End: 'end', ' ': 'play'};
    if (keys[e.key]) {
      e.preventDefault();
      document.getElementById(keys[e.key]).click();
    }
  });
  document.body.setAttribute('data-steps-total', String(total));
  panel();
})();
