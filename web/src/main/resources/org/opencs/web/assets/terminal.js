// The web 3270 terminal: draws the screens the server sends over the WebSocket /terminal/ws as text in the page
// (protected text in spans, unprotected fields as inputs) and sends keys with the fields typed into. Text is always
// put into the DOM as text (textContent, input.value), never as markup. The local keys (Home, arrows, Newline, Insert,
// Delete, Erase EOF, Reset, paste) use the pure functions of terminal-keys.js (window.TerminalKeys); colours and
// highlighting become CSS classes by terminal-look.js (window.TerminalLook). The model (2-5) is chosen before
// connecting: the form above the screen loads /terminal?model=N, whose WebSocket asks for that model.
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const terminal = document.getElementById('terminal');
  const look = window.TerminalLook;
  const modelSelect = document.getElementById('model');
  if (terminal && modelSelect) {
    modelSelect.value = String(look.model(terminal.dataset.model));
  }
  if (!terminal || terminal.dataset.available !== 'yes') {
    return;
  }
  const screen = document.getElementById('screen');
  const status = document.getElementById('status');
  const csrf = document.querySelector('input[name=csrf]').value;
  const socket = new WebSocket('wss://' + location.host + '/terminal/ws?csrf=' + encodeURIComponent(csrf)
    + '&model=' + look.model(terminal.dataset.model));
  const keys = window.TerminalKeys;
  let current = null;
  let locked = true;
  let insert = false; // insert mode (the Insert key); replace mode otherwise, as a 3270 starts
  let inhibit = ''; // an operator error (X -f, X 0 >) until Reset

  function oia(view) {
    document.getElementById('oia-secure').textContent = view.secure ? 'TLS (secure)' : 'not secure';
    document.getElementById('oia-lock').textContent = view.keyboardLocked ? 'X SYSTEM' : inhibit;
    document.getElementById('oia-insert').textContent = insert ? 'INSERT' : '';
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
          input.className = ['field'].concat(look.classes(s)).join(' ');
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
          const text = s.hidden ? ' '.repeat(s.length) : s.text;
          const className = look.classes(s).join(' ');
          const at = view.cursor - s.address;
          const parts = at >= 0 && at < s.length
            ? [[text.slice(0, at), className], [text.charAt(at) || ' ', className + ' cursor'], [text.slice(at + 1), className]]
            : [[text, className]];
          parts.filter((p) => p[0].length).forEach(([t, c]) => {
            const span = document.createElement('span');
            span.className = c;
            span.textContent = t;
            line.appendChild(span);
          });
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

  function isField(element) {
    return element && element.classList && element.classList.contains('field');
  }

  function inputs() {
    return Array.from(screen.querySelectorAll('input.field'));
  }

  // The input fields as terminal-keys.js models them, in screen order.
  function model() {
    return inputs().map((i) => ({ address: Number(i.dataset.address), length: Number(i.dataset.length), text: i.value }));
  }

  // The cursor's buffer address: the caret in the focused field, else the last placed cursor.
  function cursorAddress() {
    const active = document.activeElement;
    if (isField(active)) {
      return Number(active.dataset.address) + (active.selectionStart || 0);
    }
    return current ? current.cursor : 0;
  }

  // Moves the cursor to address: into a field (focus and caret) or onto protected text (drawn there, no focus). The
  // screen is drawn again from the last view with what was typed kept.
  function place(address) {
    if (!current) {
      return;
    }
    const typed = new Map(inputs().filter((i) => i.dataset.modified === 'yes').map((i) => [i.dataset.address, i.value]));
    current = Object.assign({}, current, { cursor: address });
    if (document.activeElement && isField(document.activeElement)) {
      document.activeElement.blur();
    }
    draw(current);
    inputs().forEach((i) => {
      if (typed.has(i.dataset.address)) {
        i.value = typed.get(i.dataset.address);
        i.dataset.modified = 'yes';
      }
    });
    const field = inputs().find((i) => address >= Number(i.dataset.address)
      && address < Number(i.dataset.address) + Number(i.dataset.length));
    if (field && !locked) {
      const at = Math.min(address - Number(field.dataset.address), field.value.length);
      field.focus();
      field.setSelectionRange(at, at);
    }
  }

  function setInhibit(value) {
    inhibit = value;
    if (current) {
      oia(current);
    }
  }

  function toggleInsert() {
    insert = !insert;
    if (current) {
      oia(current);
    }
  }

  function reset() {
    insert = false;
    setInhibit('');
  }

  // A printable character in replace or insert mode; at a field's end the cursor skips to the next field.
  function typeChar(ch) {
    const active = document.activeElement;
    if (!isField(active)) {
      setInhibit('X -f');
      return;
    }
    const length = Number(active.dataset.length);
    const r = keys.type(active.value, active.selectionStart || 0, ch, length, insert);
    if (r.inhibit) {
      setInhibit(r.inhibit);
      return;
    }
    active.value = r.text;
    active.dataset.modified = 'yes';
    if (r.offset >= length) {
      const all = inputs();
      const next = all[(all.indexOf(active) + 1) % all.length];
      next.focus();
      next.setSelectionRange(0, 0);
    } else {
      active.setSelectionRange(r.offset, r.offset);
    }
  }

  function editField(edit) {
    const active = document.activeElement;
    if (!isField(active)) {
      setInhibit('X -f');
      return;
    }
    const at = active.selectionStart || 0;
    active.value = edit(active.value, at);
    active.dataset.modified = 'yes';
    active.setSelectionRange(at, at);
  }

  function pasteText(text) {
    const r = keys.paste(model(), cursorAddress(), text, current.rows, current.cols);
    if (r.inhibit) {
      setInhibit(r.inhibit);
      return;
    }
    const all = inputs();
    Object.entries(r.texts).forEach(([k, value]) => {
      all[Number(k)].value = value;
      all[Number(k)].dataset.modified = 'yes';
    });
    place(r.cursor);
    if (r.dropped > 0) {
      status.textContent = r.dropped + ' pasted characters did not fit in the input fields and were not pasted.';
    }
  }

  // The local keys: true when the key was one of them (and was handled).
  function localKey(event) {
    if (!current || locked) {
      return false;
    }
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    if (event.key === 'Insert' && plain) {
      toggleInsert();
    } else if (event.key === 'Home' && plain) {
      setInhibit('');
      place(keys.home(model()));
    } else if (event.key.startsWith('Arrow') && plain && !event.shiftKey) {
      setInhibit('');
      place(keys.move(cursorAddress(), event.key, current.rows, current.cols));
    } else if (event.key === 'Enter' && event.shiftKey) {
      setInhibit('');
      place(keys.newline(model(), cursorAddress(), current.rows, current.cols));
    } else if (event.key === 'End' || (event.key === 'Delete' && event.ctrlKey)) {
      if (!inhibit) {
        editField(keys.eraseEof);
      }
    } else if (event.key === 'Delete' && plain) {
      if (!inhibit) {
        editField(keys.deleteChar);
      }
    } else if (event.key.length === 1 && plain) {
      if (!inhibit) {
        typeChar(event.key);
      }
    } else {
      return false;
    }
    return true;
  }

  function send(aid) {
    if (!current || locked || socket.readyState !== WebSocket.OPEN) {
      return;
    }
    inhibit = '';
    const fields = [];
    screen.querySelectorAll('input.field').forEach((input) => {
      if (input.dataset.modified === 'yes') {
        fields.push({ address: Number(input.dataset.address), length: Number(input.dataset.length), text: input.value });
      }
    });
    const cursor = cursorAddress();
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
    } else if (message.type === 'notice') { // Express Logon's outcome: stays while the page is open
      document.getElementById('notice').textContent = message.message;
    }
  });
  socket.addEventListener('open', () => { status.textContent = 'Connected.'; });
  socket.addEventListener('close', () => {
    if (!status.textContent || status.textContent === 'Connected.') {
      status.textContent = 'The terminal session has ended. Reload the page for a new one.';
    }
  });

  document.getElementById('keys').addEventListener('click', (event) => {
    const data = event.target && event.target.dataset ? event.target.dataset : {};
    if (data.aid) {
      send(data.aid);
    } else if (data.local === 'RESET') {
      reset();
    } else if (data.local === 'INSERT') {
      toggleInsert();
    } else if (data.local === 'NEWLINE' && current && !locked) {
      place(keys.newline(model(), cursorAddress(), current.rows, current.cols));
    }
  });
  screen.addEventListener('paste', (event) => {
    event.preventDefault();
    if (current && !locked && !inhibit) {
      pasteText(event.clipboardData ? event.clipboardData.getData('text') : '');
    }
  });
  // Reset: the Ctrl key pressed and let go alone (Personal Communications' left Ctrl), or the Reset button.
  let ctrlAlone = false;
  document.addEventListener('keyup', (event) => {
    if (event.key === 'Control' && ctrlAlone) {
      reset();
    }
    ctrlAlone = false;
  });
  document.addEventListener('keydown', (event) => {
    ctrlAlone = event.key === 'Control';
    if (event.target && event.target.closest && event.target.closest('#model-form')) {
      return; // the model choice above the screen takes its keys as any form does
    }
    if (localKey(event)) {
      event.preventDefault();
      return;
    }
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
