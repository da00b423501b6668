/**
 * The preview page's script: the zoom bar (fit to the pane, smaller, larger), a click on a block shows its source
 * line, the editor's scrolling is followed, and updates replace the pages without reloading (scroll and zoom
 * stay). It reads only the page's own attributes; the page's text never reaches it as code.
 */
export const PREVIEW_SCRIPT = String.raw`
(() => {
  const vscode = acquireVsCodeApi();
  let state = vscode.getState() || {};
  const PAGE_PX = 210 / 25.4 * 96;
  const bar = document.createElement('div');
  bar.className = 'thanh-thu-phong';
  bar.setAttribute('role', 'toolbar');
  bar.innerHTML = '<button data-zoom="fit" title="Vừa khung">Vừa khung</button>'
    + '<button data-zoom="-" title="Thu nhỏ">−</button><span class="ty-le"></span>'
    + '<button data-zoom="+" title="Phóng to">+</button>';
  const style = document.createElement('style');
  style.textContent = '.thanh-thu-phong{position:fixed;top:0;left:0;right:0;z-index:10;display:flex;gap:4px;align-items:center;justify-content:flex-end;'
    + 'padding:3px 8px;background:#f3f3f3;border-bottom:1px solid #ccc;font:12px sans-serif;color:#000}'
    + '.thanh-thu-phong button{font:12px sans-serif;padding:1px 8px;cursor:pointer}'
    + 'body{padding-top:28px} [data-line]{cursor:pointer}';
  document.head.appendChild(style);
  document.body.prepend(bar);
  const label = bar.querySelector('.ty-le');
  function scale() {
    if (state.zoom === undefined || state.zoom === 'fit') return Math.max(0.2, Math.min(2, (window.innerWidth - 24) / PAGE_PX));
    return state.zoom;
  }
  function apply() {
    const z = scale();
    for (const el of document.querySelectorAll('.page, .notice')) el.style.zoom = String(z);
    label.textContent = Math.round(z * 100) + '%';
    document.body.dataset.zoom = String(z);
  }
  bar.addEventListener('click', e => {
    const b = e.target.closest('button');
    if (!b) return;
    const z = b.dataset.zoom;
    const now = scale();
    state.zoom = z === 'fit' ? 'fit' : Math.max(0.2, Math.min(3, Math.round((now + (z === '+' ? 0.1 : -0.1)) * 10) / 10));
    vscode.setState(state);
    apply();
  });
  document.addEventListener('click', e => {
    const el = e.target.closest('[data-line]');
    if (el) vscode.postMessage({ type: 'reveal', line: Number(el.dataset.line) });
  });
  window.addEventListener('resize', apply);
  window.addEventListener('message', e => {
    const m = e.data;
    if (m.type === 'source') { state.uri = m.uri; vscode.setState(state); }
    else if (m.type === 'update') {
      const doc = new DOMParser().parseFromString('<body>' + m.body + '</body>', 'text/html');
      for (const s of doc.querySelectorAll('script')) s.remove();
      const y = window.scrollY;
      for (const el of [...document.body.children]) if (el !== bar && el.tagName !== 'SCRIPT') el.remove();
      for (const el of [...doc.body.children]) document.body.appendChild(document.adoptNode(el));
      apply();
      window.scrollTo(0, y);
    } else if (m.type === 'scroll') {
      let target;
      for (const el of document.querySelectorAll('[data-line]')) {
        if (Number(el.dataset.line) <= m.line) target = el; else break;
      }
      if (target) window.scrollTo(0, target.getBoundingClientRect().top + window.scrollY - 32);
      else if (m.line === 0) window.scrollTo(0, 0);
    }
  });
  apply();
})();
`;
