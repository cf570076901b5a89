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
      for (const [flag, tag] of [['underline', 'u'], ['italic', 'em'], ['bold', 'strong']]) {
        if (!inl[flag]) continue;
        const w = el(tag);
        w.appendChild(node);
        node = w;
      }
      parent.appendChild(node);
    }
  }
  // Agent lines arrive as blocks parsed on the server by the shared rich-text module.
  function renderBlocks(blocks) {
    const frag = document.createDocumentFragment();
    let list = null;
    for (const b of blocks) {
      if (!b || !Array.isArray(b.inlines)) continue;
      if (b.kind === 'li') {
        const ordered = typeof b.level === 'number';
        if (!list || (list.tagName === 'OL') !== ordered) {
          list = el(ordered ? 'ol' : 'ul');
          if (ordered) list.start = b.level;
          frag.appendChild(list);
        }
        const li = el('li');
        appendInlines(li, b.inlines);
        list.appendChild(li);
        continue;
      }
      list = null;
      const node = el(b.kind === 'h' ? (b.level === 1 ? 'h3' : 'h4') : 'p');
      appendInlines(node, b.inlines);
      frag.appendChild(node);
    }
    return frag;
  }
  window.ChatRender = Object.freeze({ renderBlocks });
})();
