// Span annotator for phi-bench. Offsets here are UTF-16 code units (what the
// DOM counts); Python converts them to code points on arrival.
// Streamlit calls the default export again on every rerun with new data but
// keeps the same parentElement, so per-instance state lives on that element
// and the document-level key listener is installed once.

const EDITABLE = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
// Keys typed into Streamlit's data editor grid must not trigger shortcuts.
const GRID = '[data-testid="stDataFrame"], [data-testid="stDataFrameResizable"], [role="grid"]';

function nonce() {
  return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 10);
}

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

// Offset of a DOM selection point inside the text box, or null outside it.
function pointOffset(box, node, offset) {
  if (!box.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const seg = node.parentElement.closest('[data-s]');
    return seg ? Number(seg.dataset.s) + offset : null;
  }
  if (node === box) {
    const child = box.children[offset];
    return child ? Number(child.dataset.s) : Number(box.dataset.len);
  }
  const seg = node.closest('[data-s]');
  if (!seg) return null;
  return offset === 0 ? Number(seg.dataset.s) : Number(seg.dataset.e);
}

function currentSelection(state) {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !state.box) return null;
  const range = sel.getRangeAt(0);
  const start = pointOffset(state.box, range.startContainer, range.startOffset);
  const end = pointOffset(state.box, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

function send(state, payload) {
  state.pending = true;
  state.selected = null;
  state.textSel = null;
  const sel = window.getSelection();
  if (sel) sel.removeAllRanges();
  state.setTriggerValue('event', Object.assign({ nonce: nonce(), report_id: state.data.report_id }, payload));
  render(state);
}

function categoryChosen(state, code) {
  const data = state.data;
  const textSel = state.textSel || currentSelection(state);
  if (textSel) {
    send(state, { action: 'add', start: textSel.start, end: textSel.end, category: code });
  } else if (state.selected && state.selected.kind === 'gold') {
    const span = data.gold[state.selected.i];
    if (span.category !== code) {
      send(state, { action: 'set_category', start: span.s, end: span.e, category: span.category, new_category: code });
    }
  } else if (state.selected && state.selected.kind === 'pred') {
    const pred = data.predictions[state.selected.i];
    send(state, { action: 'accept', value: pred.value, label: pred.label, category: code });
  } else {
    flashHint(state, 'Select text (or click a span) first, then choose a category.');
  }
}

function flashHint(state, message) {
  state.hint = message;
  render(state);
}

function onKey(state, event) {
  if (!state.box || !state.box.isConnected) return;
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
  const target = event.target;
  if (target && target.closest && (target.closest(EDITABLE) || target.closest(GRID))) return;
  const data = state.data;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const category = data.categories.find((c) => c.key === key);
  if (category) {
    event.preventDefault();
    categoryChosen(state, category.code);
    return;
  }
  const action = key === 'Backspace' ? 'delete' : (data.actions.find((a) => a.key === key) || {}).action;
  if (!action) return;
  event.preventDefault();
  if (action === 'clear') {
    state.selected = null;
    state.textSel = null;
    state.hint = '';
    const sel = window.getSelection();
    if (sel) sel.removeAllRanges();
    render(state);
  } else if (action === 'delete') {
    if (state.selected && state.selected.kind === 'gold') {
      const span = data.gold[state.selected.i];
      send(state, { action: 'delete', start: span.s, end: span.e, category: span.category });
    } else {
      flashHint(state, 'Click a labelled span first, then press Delete.');
    }
  } else if (action === 'accept') {
    if (state.selected && state.selected.kind === 'pred') {
      const pred = data.predictions[state.selected.i];
      send(state, { action: 'accept', value: pred.value, label: pred.label, category: pred.category });
    } else {
      flashHint(state, 'Click a dashed prediction first, then press Enter to accept it.');
    }
  } else {
    send(state, { action });
  }
}

// A click on a piece of text cycles through what covers it: gold spans first.
function onSegmentClick(state, seg) {
  if (currentSelection(state)) return;
  const candidates = seg.g.map((i) => ({ kind: 'gold', i })).concat(
    state.data.overlay ? seg.p.map((i) => ({ kind: 'pred', i })) : []);
  if (candidates.length === 0) {
    state.selected = null;
  } else {
    const at = candidates.findIndex((c) => state.selected && c.kind === state.selected.kind && c.i === state.selected.i);
    state.selected = candidates[(at + 1) % candidates.length];
  }
  state.textSel = null;
  state.hint = '';
  render(state);
}

function segmentClass(state, seg) {
  const data = state.data;
  const classes = ['phi-sa-seg'];
  if (seg.g.length) classes.push('phi-sa-gold');
  if (seg.g.length > 1) classes.push('phi-sa-nested');
  if (seg.g.some((i) => data.gold[i].missed)) classes.push('phi-sa-missed');
  if (data.overlay && seg.p.length) {
    const verdicts = seg.p.map((i) => data.predictions[i].verdict);
    classes.push('phi-sa-pred');
    if (verdicts.includes('spurious')) classes.push('phi-sa-spurious');
    else if (verdicts.includes('wrong_category')) classes.push('phi-sa-wrongcat');
  }
  const sel = state.selected;
  if (sel && ((sel.kind === 'gold' && seg.g.includes(sel.i)) || (sel.kind === 'pred' && seg.p.includes(sel.i)))) {
    classes.push('phi-sa-selected');
  }
  return classes.join(' ');
}

function innermostGold(data, seg) {
  let best = null;
  for (const i of seg.g) {
    const span = data.gold[i];
    if (best === null || span.e - span.s < best.e - best.s) best = span;
  }
  return best;
}

// Interface wording comes from Python in the user's language (data.strings); English is the fallback.
function t(state, key, fallback) {
  const strings = state.data.strings || {};
  return strings[key] || fallback;
}

function describeSelection(state) {
  const data = state.data;
  const sel = state.selected;
  if (state.pending) return t(state, 'saving', 'saving…');
  if (state.textSel) {
    return t(state, 'selected', 'selected {start}–{end} (UTF-16): press a category key or click a category')
      .replace('{start}', state.textSel.start).replace('{end}', state.textSel.end);
  }
  if (!sel) return state.hint || t(state, 'idle', 'Select text and press a category key; click a span to change or delete it.');
  if (sel.kind === 'gold') {
    const span = data.gold[sel.i];
    const missed = span.missed ? t(state, 'missed', ' (missed by the run)') : '';
    return `${span.category} “${span.text}”${missed}: ` + t(state, 'gold_help', 'category key to change, Delete to remove');
  }
  const pred = data.predictions[sel.i];
  return `${pred.label} “${pred.value}” (${pred.verdict.replace('_', ' ')}): `
    + t(state, 'pred_help', 'Enter to accept, or a category key') + (pred.category ? ` → ${pred.category}` : '');
}

// Keep the text and the keys under it inside the window: the text box gets the height that is left.
// A report taller than that is set in two, then three columns (each at least MIN_COLUMN_PX wide)
// when that makes it fit; otherwise it scrolls inside its box.
const MIN_COLUMN_PX = 260;

function fitText(state) {
  const box = state.box;
  if (!box || !box.isConnected) return;
  // Measured as if the page were scrolled to the top (Streamlit scrolls an inner container, not the window).
  let scrolled = window.scrollY;
  for (let node = box.parentElement; node; node = node.parentElement) scrolled += node.scrollTop || 0;
  const top = box.getBoundingClientRect().top + scrolled;
  const below = state.legend ? state.legend.getBoundingClientRect().height + 10 : 10;
  const room = Math.max(180, window.innerHeight - top - below);
  box.style.columnCount = '';
  box.style.maxHeight = 'none';
  for (let columns = 2; box.scrollHeight > room && box.clientWidth / columns >= MIN_COLUMN_PX; columns += 1) {
    box.style.columnCount = String(columns);
    if (box.scrollHeight <= room) return;
  }
  if (box.scrollHeight <= room) return;
  box.style.columnCount = '';
  box.style.maxHeight = `${Math.round(room)}px`;
}

function render(state) {
  const root = state.root;
  const data = state.data;
  root.replaceChildren();

  const bar = el('div', 'phi-sa-bar');
  bar.appendChild(el('span', 'phi-sa-status phi-sa-status-' + data.status, (data.status_names || {})[data.status] || data.status));
  bar.appendChild(el('span', 'phi-sa-info', describeSelection(state)));
  root.appendChild(bar);


  const box = el('div', 'phi-sa-text');
  box.dataset.len = String(data.segments.length ? data.segments[data.segments.length - 1].e : 0);
  for (const seg of data.segments) {
    const node = el('span', segmentClass(state, seg), seg.text);
    node.dataset.s = String(seg.s);
    node.dataset.e = String(seg.e);
    const gold = innermostGold(data, seg);
    if (gold) {
      node.style.setProperty('--phi-sa-color', gold.color);
      node.title = seg.g.map((i) => data.gold[i].category).join(' + ');
    }
    if (data.overlay && seg.p.length) {
      const labels = seg.p.map((i) => `${data.predictions[i].label} (${data.predictions[i].verdict})`);
      node.title = (node.title ? node.title + ' | ' : '') + 'predicted: ' + labels.join(', ');
    }
    node.addEventListener('click', () => onSegmentClick(state, seg));
    box.appendChild(node);
  }
  box.addEventListener('mouseup', () => {
    const picked = currentSelection(state);
    if (picked) {
      state.textSel = picked;
      state.selected = null;
      state.hint = '';
      bar.lastChild.textContent = describeSelection(state);
    }
  });
  root.appendChild(box);
  state.box = box;

  const legend = el('div', 'phi-sa-legend');
  for (const c of data.categories) {
    const chip = el('button', 'phi-sa-chip');
    chip.type = 'button';
    chip.title = `${c.name_en} (${c.code}) — key ${c.key}`;
    const swatch = el('span', 'phi-sa-swatch');
    swatch.style.background = c.color;
    chip.append(el('kbd', 'phi-sa-kbd', c.key), swatch, el('span', '', c.name || c.name_ja));
    // Keep the text selection alive while the chip is pressed.
    chip.addEventListener('mousedown', (e) => e.preventDefault());
    chip.addEventListener('click', () => categoryChosen(state, c.code));
    legend.appendChild(chip);
  }
  root.appendChild(legend);
  state.legend = legend;

  if (data.overlay) {
    const key = el('div', 'phi-sa-overlay-key');
    key.append(
      el('span', 'phi-sa-pred phi-sa-demo', t(state, 'key_match', 'prediction = gold')),
      el('span', 'phi-sa-pred phi-sa-wrongcat phi-sa-demo', t(state, 'key_other', 'other category')),
      el('span', 'phi-sa-pred phi-sa-spurious phi-sa-demo', t(state, 'key_spurious', 'spurious')),
      el('span', 'phi-sa-gold phi-sa-missed phi-sa-demo', t(state, 'key_missed', 'missed gold')),
    );
    root.appendChild(key);
  }
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  const root = parentElement.querySelector('.phi-sa') || parentElement.appendChild(el('div', 'phi-sa'));
  let state = parentElement.__phiSpanAnnotator;
  if (!state) {
    state = { selected: null, textSel: null, hint: '', pending: false, listener: null };
    parentElement.__phiSpanAnnotator = state;
  }
  const changed = !state.data || state.data.report_id !== data.report_id || state.data.version !== data.version;
  if (changed) {
    state.selected = null;
    state.textSel = null;
  }
  state.pending = false;
  state.data = data;
  state.root = root;
  state.setTriggerValue = setTriggerValue;
  render(state);
  fitText(state);
  // Streamlit may still be laying out the rest of the page: fit again once it settles.
  requestAnimationFrame(() => fitText(state));
  setTimeout(() => fitText(state), 300);
  if (!state.resize) {
    state.resize = () => fitText(state);
    window.addEventListener('resize', state.resize);
  }
  if (!state.listener) {
    state.listener = (event) => onKey(state, event);
    document.addEventListener('keydown', state.listener);
  }
  return () => {
    if (state.listener) document.removeEventListener('keydown', state.listener);
    state.listener = null;
    if (state.resize) window.removeEventListener('resize', state.resize);
    state.resize = null;
  };
}
