// The web 3270 terminal's local keys as pure functions (no DOM), used by terminal.js and tested with node
// (web/src/test/node/terminal-keys.test.js). The model: the screen's size and its input fields in screen order, each
// { address, length, text } (text without trailing blanks, at most length characters). Addresses are buffer
// addresses (row * cols + column), as in the server's screen messages. What a 3270 does and what was decided where
// a 3270 and its emulators differ is in docs/web.md, "Web 3270 terminal".
'use strict';
(function (root) {
  // The input whose positions hold address, or -1.
  function fieldAt(fields, address) {
    return fields.findIndex((f) => address >= f.address && address < f.address + f.length);
  }

  // Home: the first position of the first input field (0 when there is none).
  function home(fields) {
    return fields.length ? fields[0].address : 0;
  }

  // The cursor after an arrow key: one position left or right, one row up or down, wrapping around the screen.
  function move(address, key, rows, cols) {
    const positions = rows * cols;
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -cols, ArrowDown: cols }[key];
    if (step === undefined) {
      throw new Error('not an arrow key: ' + key);
    }
    return (((address + step) % positions) + positions) % positions;
  }

  // Newline: the first input position at or after the start of the next row (wrapping to the top); the start of the
  // next row when the screen has no input.
  function newline(fields, address, rows, cols) {
    const positions = rows * cols;
    const next = ((Math.floor(address / cols) + 1) * cols) % positions;
    if (!fields.length) {
      return next;
    }
    if (fieldAt(fields, next) >= 0) { // a field that goes on from the row before
      return next;
    }
    const after = fields.find((f) => f.address >= next);
    return after ? after.address : fields[0].address;
  }

  // A character typed at offset of a field of length positions holding text: replaces the character there (insert
  // false) or is inserted when the field has a free position at its end (insert true; else inhibit 'X 0 >', the
  // 3270's overflow). The result: { text, offset, inhibit } with offset after the character.
  function type(text, offset, ch, length, insert) {
    if (offset >= length) {
      return { text, offset, inhibit: 'X -f' };
    }
    const padded = text.length < offset ? text + ' '.repeat(offset - text.length) : text;
    if (insert) {
      if (padded.trimEnd().length >= length) {
        return { text, offset, inhibit: 'X 0 >' };
      }
      const inserted = padded.slice(0, offset) + ch + padded.slice(offset);
      return { text: inserted.slice(0, length).trimEnd(), offset: offset + 1, inhibit: '' };
    }
    return { text: (padded.slice(0, offset) + ch + padded.slice(offset + 1)).trimEnd(), offset: offset + 1, inhibit: '' };
  }

  // Delete: the character at offset removed, the rest of the field moves left.
  function deleteChar(text, offset) {
    return text.slice(0, offset) + text.slice(offset + 1);
  }

  // Erase EOF: the field from offset to its end becomes nulls.
  function eraseEof(text, offset) {
    return text.slice(0, offset);
  }

  // Paste clip at address: as if the characters were typed (replace mode) from the cursor, a field's end going on at
  // the next input field (the 3270's automatic skip), a line break going to the first input of the next row (as
  // Newline). What does not fit after the last field is dropped. The cursor must be in an input field (else nothing
  // is pasted: inhibit 'X -f'). Returns { texts: the fields' new texts by index, cursor, dropped, inhibit }.
  function paste(fields, address, clip, rows, cols) {
    let i = fieldAt(fields, address);
    if (i < 0) {
      return { texts: {}, cursor: address, dropped: clip.replace(/\r?\n/g, '').length, inhibit: 'X -f' };
    }
    const texts = {};
    const textOf = (k) => (k in texts ? texts[k] : fields[k].text);
    let offset = address - fields[i].address;
    let dropped = 0;
    const lines = clip.replace(/\r\n?/g, '\n').split('\n');
    lines.forEach((line, n) => {
      if (n > 0) {
        if (i < 0) {
          dropped += line.length;
          return;
        }
        const at = newline(fields, fields[i].address + offset, rows, cols);
        const k = fieldAt(fields, at);
        if (k <= i) { // wrapped to the top: the screen is full
          i = -1;
          dropped += line.length;
          return;
        }
        i = k;
        offset = at - fields[k].address;
      }
      for (const ch of line) {
        if (i >= 0 && offset >= fields[i].length) {
          i = i + 1 < fields.length ? i + 1 : -1;
          offset = 0;
        }
        if (i < 0) {
          dropped++;
          continue;
        }
        texts[i] = type(textOf(i), offset, ch, fields[i].length, false).text;
        offset++;
      }
    });
    const last = i < 0 ? fields.length - 1 : i;
    const cursor = i < 0 ? fields[last].address + fields[last].length - 1
      : fields[i].address + Math.min(offset, fields[i].length - 1);
    return { texts, cursor, dropped, inhibit: '' };
  }

  const api = { fieldAt, home, move, newline, type, deleteChar, eraseEof, paste };
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
  } else {
    root.TerminalKeys = api;
  }
})(typeof window !== 'undefined' ? window : this);
