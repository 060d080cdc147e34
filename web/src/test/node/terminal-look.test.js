// Unit tests of the web terminal's look (web/src/main/resources/org/opencs/web/assets/terminal-look.js), run by
// TerminalKeysTest with node's own test runner: TERMINAL_LOOK=<the asset> node --test <this file>.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const look = require(process.env.TERMINAL_LOOK);

test('each of the eight 3270 colours is a class', () => {
  for (const color of ['blue', 'red', 'pink', 'green', 'turquoise', 'yellow', 'white', 'neutral']) {
    assert.deepEqual(look.classes({ color, highlight: 'none', intensified: false }), ['c-' + color]);
  }
});

test('blink, reverse and underscore are classes; none is no class', () => {
  assert.deepEqual(look.classes({ color: 'red', highlight: 'blink' }), ['c-red', 'h-blink']);
  assert.deepEqual(look.classes({ color: 'turquoise', highlight: 'underscore' }), ['c-turquoise', 'h-underscore']);
  assert.deepEqual(look.classes({ color: 'white', highlight: 'reverse', intensified: true }),
    ['c-white', 'h-reverse', 'intense']);
  assert.deepEqual(look.classes({ color: 'blue', highlight: 'none' }), ['c-blue']);
});

test('an unknown colour or highlight never becomes a class of its own', () => {
  assert.deepEqual(look.classes({ color: 'x onclick', highlight: 'evil' }), ['c-green']);
  assert.deepEqual(look.classes({}), ['c-green']);
  assert.deepEqual(look.classes({ color: 'BLUE', highlight: 'BLINK' }), ['c-green']);
});

test('every class the look gives is in the style sheet', () => {
  const fs = require('node:fs');
  const path = require('node:path');
  const css = fs.readFileSync(path.join(path.dirname(process.env.TERMINAL_LOOK), 'style.css'), 'utf8');
  for (const color of look.COLORS) {
    assert.ok(css.includes('.c-' + color + ' '), 'style.css has .c-' + color);
  }
  for (const highlight of look.HIGHLIGHTS) {
    assert.ok(css.includes('.h-' + highlight + ' '), 'style.css has .h-' + highlight);
  }
});

test('the model is 2 to 5, else 2', () => {
  assert.equal(look.model('4'), 4);
  assert.equal(look.model(5), 5);
  assert.equal(look.model('2'), 2);
  assert.equal(look.model('6'), 2);
  assert.equal(look.model(''), 2);
  assert.equal(look.model(undefined), 2);
  assert.equal(look.model('44'), 2);
});
