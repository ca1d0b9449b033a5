// What the app asks of the page in JavaScript.
//
// `kasipodaqKeep`, called by the app just before it swaps its page in
// (src/lib.rs): it keeps the words the reader selected (a paragraph's text
// nodes move into the app's page; in what the app builds anew, the title for
// one, each end is found again in the element of the same tag and text, at
// the same place in it) and the control they reached with the keyboard (the
// same one in the app's page: tag, address and text), with the words typed
// or chosen in the page's fields and the caret in the one focused (the app
// builds its fields from the address: an input event then tells it, as if the
// reader had typed them there), and returns what puts them back.
//
// `kasipodaqImport`: the dynamic import the archive's search loads Pagefind
// with (src/search.rs), which WebAssembly cannot write itself.
//
// A file of its own, put in the page with the app's downloads (the template
// the build makes of index.html), not inline in every page: only the app
// needs it, and on a host that compresses nothing a page's bytes decide how
// many round trips its text waits for.

const CONTROLS = 'a[href],button,input,select,textarea,[tabindex]';

/** The elements with this tag and text, in the order of the page. */
const same = (tag, text) => [...document.body.getElementsByTagName(tag)].filter((e) => e.textContent === text);

/** One end of a selection, described so it can be found in a rebuilt element. */
const spot = (node, offset) => {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  const before = document.createRange();
  before.selectNodeContents(element);
  before.setEnd(node, offset);
  const twins = same(element.tagName, element.textContent);
  return [node, offset, element.tagName, element.textContent, twins.indexOf(element), before.toString().length];
};

/** The same end in the page as it is now: the node itself if it stayed, else the same place in its twin. */
const back = ([node, offset, tag, text, index, chars]) => {
  if (node.isConnected) return [node, offset];
  const element = same(tag, text)[index];
  if (!element) return null;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(), left = chars; n; n = walker.nextNode()) {
    if (left <= n.length) return [n, left];
    left -= n.length;
  }
  return [element, element.childNodes.length];
};

const FIELDS = 'input[id]:not([readonly]),select[id],textarea[id]';

/** What the reader typed or chose in the page's fields, by id. */
const edited = () => [...document.body.querySelectorAll(FIELDS)]
  .filter((e) => (e.tagName === 'SELECT' ? [...e.options].some((o) => o.selected !== o.defaultSelected) : e.value !== e.defaultValue))
  .map((e) => [e.id, e.value]);

/** The same words in the app's field, told to the app. */
const retype = ([id, value]) => {
  const field = document.getElementById(id);
  if (!field || field.value === value) return;
  field.value = value;
  field.dispatchEvent(new Event(field.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
};

const looks = (e) => `${e.tagName} ${e.getAttribute('href')} ${e.textContent}`;
const alike = (key) => [...document.body.querySelectorAll(CONTROLS)].filter((e) => looks(e) === key);

window.kasipodaqKeep = () => {
  const selection = getSelection();
  const range = selection.rangeCount && !selection.isCollapsed
    ? [spot(selection.anchorNode, selection.anchorOffset), spot(selection.focusNode, selection.focusOffset)]
    : null;
  const active = document.activeElement;
  const focus = active && active !== document.body && document.body.contains(active)
    ? [looks(active), alike(looks(active)).indexOf(active)]
    : null;
  // Null where the field has no caret (a select, some input types).
  const caret = active?.selectionStart == null ? null : [active.selectionStart, active.selectionEnd];
  const fields = edited();
  return () => {
    fields.forEach(retype);
    const ends = range?.map(back);
    if (ends?.every(Boolean)) selection.setBaseAndExtent(...ends[0], ...ends[1]);
    const target = focus && alike(focus[0])[focus[1]];
    target?.focus({ preventScroll: true });
    if (caret && target?.setSelectionRange) target.setSelectionRange(...caret);
  };
};

window.kasipodaqImport = (url) => import(url);
