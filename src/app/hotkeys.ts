// Single-key shortcuts (j, k, h, l, n…) answer only when the key is meant for the page: not typed
// into a field, no modifier, not handled already, and no dialog open on top.
export function isPageKey(e: KeyboardEvent): boolean {
  const t = e.target;
  const typing = t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  return !(e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing || document.querySelector('dialog[open]'));
}
