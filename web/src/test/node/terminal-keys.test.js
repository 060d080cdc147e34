// Unit tests of the web terminal's local keys (web/src/main/resources/org/opencs/web/assets/terminal-keys.js), run
// by TerminalKeysTest with node's own test runner: TERMINAL_KEYS=<the asset> node --test <this file>.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const keys = require(process.env.TERMINAL_KEYS);

// The TSO/E logon panel's inputs on a 24x80 screen: user ID row 6, password row 8, new password row 10.
const logon = () => [
  { address: 416, length: 8, text: '' },
  { address: 576, length: 8, text: '' },
  { address: 739, length: 8, text: '' },
];

test('Home is the first input field, or 0 without one', () => {
  assert.equal(keys.home(logon()), 416);
  assert.equal(keys.home([]), 0);
});

test('arrows move one position or one row and wrap around the screen', () => {
  assert.equal(keys.move(416, 'ArrowRight', 24, 80), 417);
  assert.equal(keys.move(416, 'ArrowLeft', 24, 80), 415);
  assert.equal(keys.move(416, 'ArrowUp', 24, 80), 336);
  assert.equal(keys.move(416, 'ArrowDown', 24, 80), 496);
  assert.equal(keys.move(0, 'ArrowLeft', 24, 80), 1919);
  assert.equal(keys.move(1919, 'ArrowRight', 24, 80), 0);
  assert.equal(keys.move(5, 'ArrowUp', 24, 80), 1845);
  assert.equal(keys.move(1845, 'ArrowDown', 24, 80), 5);
  assert.throws(() => keys.move(0, 'Tab', 24, 80), /not an arrow key: Tab/);
});

test('Newline goes to the first input of the next rows, wrapping to the top', () => {
  assert.equal(keys.newline(logon(), 416, 24, 80), 576);
  assert.equal(keys.newline(logon(), 0, 24, 80), 416);
  assert.equal(keys.newline(logon(), 739, 24, 80), 416);
  assert.equal(keys.newline([], 416, 24, 80), 480);
  // a field going on from the row before: the next row's first position is in it
  assert.equal(keys.newline([{ address: 70, length: 20, text: '' }], 5, 24, 80), 80);
});

test('replace mode overtypes; insert mode inserts while the field has room, else X 0 >', () => {
  assert.deepEqual(keys.type('USER1', 0, 'X', 8, false), { text: 'XSER1', offset: 1, inhibit: '' });
  assert.deepEqual(keys.type('AB', 4, 'C', 8, false), { text: 'AB  C', offset: 5, inhibit: '' });
  assert.deepEqual(keys.type('USER1', 0, 'X', 8, true), { text: 'XUSER1', offset: 1, inhibit: '' });
  assert.deepEqual(keys.type('ABCDEFGH', 2, 'X', 8, true), { text: 'ABCDEFGH', offset: 2, inhibit: 'X 0 >' });
  assert.deepEqual(keys.type('ABCDEFGH', 8, 'X', 8, false), { text: 'ABCDEFGH', offset: 8, inhibit: 'X -f' });
});

test('Delete closes the gap; Erase EOF nulls the rest of the field', () => {
  assert.equal(keys.deleteChar('USER1', 1), 'UER1');
  assert.equal(keys.deleteChar('USER1', 7), 'USER1');
  assert.equal(keys.eraseEof('USER1', 2), 'US');
  assert.equal(keys.eraseEof('USER1', 0), '');
});

test('paste fills the field and skips to the next one at its end', () => {
  const r = keys.paste(logon(), 416, 'ABCDEFGHIJKL', 24, 80);
  assert.deepEqual(r.texts, { 0: 'ABCDEFGH', 1: 'IJKL' });
  assert.equal(r.cursor, 580);
  assert.equal(r.dropped, 0);
});

test('a line break in the pasted text goes to the first field of the next row', () => {
  const r = keys.paste(logon(), 418, 'AB\r\nCD\nEF', 24, 80);
  assert.deepEqual(r.texts, { 0: '  AB', 1: 'CD', 2: 'EF' }); // the positions before the cursor blank
  assert.equal(r.cursor, 741);
});

test('what does not fit after the last field is dropped and counted', () => {
  const r = keys.paste(logon(), 739, 'ABCDEFGHIJ\nKLM', 24, 80);
  assert.deepEqual(r.texts, { 2: 'ABCDEFGH' });
  assert.equal(r.dropped, 5);
  assert.equal(r.cursor, 746);
});

test('paste on a protected position pastes nothing: X -f', () => {
  const r = keys.paste(logon(), 0, 'AB\nC', 24, 80);
  assert.deepEqual(r, { texts: {}, cursor: 0, dropped: 3, inhibit: 'X -f' });
});

test('the field under an address', () => {
  assert.equal(keys.fieldAt(logon(), 423), 0);
  assert.equal(keys.fieldAt(logon(), 424), -1);
  assert.equal(keys.fieldAt(logon(), 576), 1);
});
