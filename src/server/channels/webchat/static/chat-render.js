// Renders agent rich text (blocks parsed on the server by src/protocol/rich-text.ts)
// into DOM nodes: createElement/textContent only, links re-checked (http, https, mailto).
'use strict';
(() => {
  const SAFE_HREF = /^(https?:\/\/|mailto:)/i;
  function el(tag) { return document.createElement(tag); }
  function textWithBreaks(text) {
    const frag = document.createDocumentFragment();
    text.split('\n').forEach((part, k) => {
      if (k > 0) frag.appendChild(document.createElement('br'));
      if (part) frag.appendChild(document.createTextNode(part));
    });
    return frag;
  }
  function appendInlines(parent, inlines) {
    for (const inl of inlines) {
      if (!inl || typeof inl.text !== 'string') continue;
      let node = textWithBreaks(inl.text);
      if (typeof inl.href === 'string' && SAFE_HREF.test(inl.href)) {
        const a = el('a');
        a.href = inl.href;
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        a.appendChild(node);
        node = a;
      }
      for (const [flag, tag] of [['sub', 'sub'], ['sup', 'sup'], ['underline', 'u'], ['italic', 'em'], ['bold', 'strong']]) {
        if (!inl[flag]) continue;
        const w = el(tag);
        w.appendChild(node);
        node = w;
      }
      parent.appendChild(node);
    }
  }
  // The element each block kind becomes, and the list element consecutive items share.
  const LISTED = { li: null, dt: 'dl', dd: 'dl' };
  function listTag(b) {
    if (b.kind === 'li') return typeof b.level === 'number' ? 'ol' : 'ul';
    return LISTED[b.kind];
  }
  function blockTag(b) {
    if (b.kind === 'h') return b.level === 1 ? 'h3' : 'h4';
    if (b.kind === 'quote') return 'blockquote';
    if (b.kind === 'li' || b.kind === 'dt' || b.kind === 'dd') return b.kind;
    return 'p';
  }
  // Agent lines arrive as blocks parsed on the server by the shared rich-text module.
  function renderBlocks(blocks) {
    const frag = document.createDocumentFragment();
    let list = null;
    for (const b of blocks) {
      if (!b || !Array.isArray(b.inlines)) continue;
      if (b.kind === 'hr') {
        list = null;
        frag.appendChild(el('hr'));
        continue;
      }
      const wrap = Object.hasOwn(LISTED, b.kind) ? listTag(b) : null;
      if (!wrap) list = null;
      else if (!list || list.tagName.toLowerCase() !== wrap) {
        list = el(wrap);
        if (wrap === 'ol') list.start = b.level;
        frag.appendChild(list);
      }
      const node = el(blockTag(b));
      appendInlines(node, b.inlines);
      (list ?? frag).appendChild(node);
    }
    return frag;
  }
  window.ChatRender = Object.freeze({ renderBlocks });
})();
