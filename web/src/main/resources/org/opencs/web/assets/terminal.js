// The web 3270 terminal: draws the screens the server sends over the WebSocket /terminal/ws as text in the page
// (protected text in spans, unprotected fields as inputs) and sends keys with the fields typed into. Text is always
// put into the DOM as text (textContent, input.value), never as markup.
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const terminal = document.getElementById('terminal');
  if (!terminal || terminal.dataset.available !== 'yes') {
    return;
  }
  const screen = document.getElementById('screen');
  const status = document.getElementById('status');
  const csrf = document.querySelector('input[name=csrf]').value;
  const socket = new WebSocket('wss://' + location.host + '/terminal/ws?csrf=' + encodeURIComponent(csrf));
  let current = null;
  let locked = true;

  function oia(view) {
    document.getElementById('oia-secure').textContent = view.secure ? 'TLS (secure)' : 'not secure';
    document.getElementById('oia-lock').textContent = view.keyboardLocked ? 'X SYSTEM' : '';
    document.getElementById('oia-lu').textContent = view.lu;
    const row = Math.floor(view.cursor / view.cols) + 1;
    const col = (view.cursor % view.cols) + 1;
    document.getElementById('oia-cursor').textContent = String(row).padStart(3, '0') + '/' + String(col).padStart(3, '0');
  }

  function draw(view) {
    current = view;
    locked = view.keyboardLocked;
    screen.replaceChildren();
    let focus = null;
    view.lines.forEach((segments, r) => {
      const line = document.createElement('span');
      line.className = 'row';
      line.dataset.row = String(r + 1);
      segments.forEach((s) => {
        if (s.input) {
          const input = document.createElement('input');
          input.type = s.hidden ? 'password' : 'text';
          input.className = 'field' + (s.intensified ? ' intense' : '');
          input.value = s.text;
          input.maxLength = s.length;
          input.size = s.length;
          input.style.width = s.length + 'ch';
          input.dataset.address = String(s.address);
          input.dataset.length = String(s.length);
          input.setAttribute('aria-label', 'field at row ' + (r + 1) + ' column ' + (s.address % view.cols + 1));
          input.addEventListener('input', () => { input.dataset.modified = 'yes'; });
          if (view.cursor >= s.address && view.cursor < s.address + s.length) {
            focus = { input, offset: view.cursor - s.address };
          }
          line.appendChild(input);
        } else {
          const span = document.createElement('span');
          span.className = s.intensified ? 'intense' : 'normal';
          span.textContent = s.hidden ? ' '.repeat(s.length) : s.text;
          line.appendChild(span);
        }
      });
      screen.appendChild(line);
      screen.appendChild(document.createTextNode('\n'));
    });
    oia(view);
    if (focus && !locked) {
      focus.input.focus();
      const at = Math.min(focus.offset, focus.input.value.length);
      focus.input.setSelectionRange(at, at);
    }
    screen.dataset.locked = locked ? 'yes' : 'no';
  }

  function send(aid) {
    if (!current || locked || socket.readyState !== WebSocket.OPEN) {
      return;
    }
    const fields = [];
    screen.querySelectorAll('input.field').forEach((input) => {
      if (input.dataset.modified === 'yes') {
        fields.push({ address: Number(input.dataset.address), length: Number(input.dataset.length), text: input.value });
      }
    });
    let cursor = current.cursor;
    const active = document.activeElement;
    if (active && active.classList && active.classList.contains('field')) {
      cursor = Number(active.dataset.address) + (active.selectionStart || 0);
    }
    locked = true;
    screen.dataset.locked = 'yes';
    document.getElementById('oia-lock').textContent = 'X SYSTEM';
    socket.send(JSON.stringify({ aid, cursor, fields }));
  }

  socket.addEventListener('message', (event) => {
    const message = JSON.parse(event.data);
    if (message.type === 'screen') {
      status.textContent = '';
      draw(message);
    } else if (message.type === 'status') {
      status.textContent = message.message;
    }
  });
  socket.addEventListener('open', () => { status.textContent = 'Connected.'; });
  socket.addEventListener('close', () => {
    if (!status.textContent || status.textContent === 'Connected.') {
      status.textContent = 'The terminal session has ended. Reload the page for a new one.';
    }
  });

  document.getElementById('keys').addEventListener('click', (event) => {
    const aid = event.target && event.target.dataset ? event.target.dataset.aid : null;
    if (aid) {
      send(aid);
    }
  });
  document.addEventListener('keydown', (event) => {
    let aid = null;
    const f = /^F([0-9]{1,2})$/.exec(event.key);
    if (event.key === 'Enter') {
      aid = 'ENTER';
    } else if (f && Number(f[1]) >= 1 && Number(f[1]) <= 12) {
      aid = 'PF' + (Number(f[1]) + (event.shiftKey ? 12 : 0));
    } else if (event.key === 'Escape') {
      aid = 'CLEAR';
    } else if (event.key === 'PageUp') {
      aid = 'PF7';
    } else if (event.key === 'PageDown') {
      aid = 'PF8';
    }
    if (aid) {
      event.preventDefault();
      send(aid);
    }
  });
});
