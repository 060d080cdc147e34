// The web 3270 terminal's look as pure functions (no DOM), used by terminal.js and tested with node
// (web/src/test/node/terminal-look.test.js): a screen segment's colour and extended highlighting, as the server sends
// them (docs/web.md, "Web 3270 terminal"), become CSS classes of assets/style.css. Only the known names become
// classes, so nothing the host writes can choose a class; no style attribute is ever written.
'use strict';
(function (root) {
  const COLORS = ['blue', 'red', 'pink', 'green', 'turquoise', 'yellow', 'white', 'neutral'];
  const HIGHLIGHTS = ['blink', 'reverse', 'underscore'];

  // The classes of a segment { color, highlight, intensified }: c-COLOUR (green when the colour is not one of the
  // eight), h-HIGHLIGHT for blink, reverse and underscore (none for none or an unknown value), and intense.
  function classes(segment) {
    const list = ['c-' + (COLORS.includes(segment.color) ? segment.color : 'green')];
    if (HIGHLIGHTS.includes(segment.highlight)) {
      list.push('h-' + segment.highlight);
    }
    if (segment.intensified) {
      list.push('intense');
    }
    return list;
  }

  // The model a page asks for: 2..5 from the text (the select's value or the page's data-model), else 2.
  function model(text) {
    return /^[2-5]$/.test(String(text)) ? Number(text) : 2;
  }

  const api = { COLORS, HIGHLIGHTS, classes, model };
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
  } else {
    root.TerminalLook = api;
  }
})(typeof window !== 'undefined' ? window : this);
