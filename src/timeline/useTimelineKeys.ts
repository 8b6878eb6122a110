import { onBeforeUnmount, onMounted, type Ref } from 'vue';

// j / k move to the next / previous note of the timeline, "." shows the new notes and goes to
// the top. Keys typed into a field, with a modifier, or under an open dialog are left alone.
export const TIMELINE_KEYS = 'j k .';

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

export function useTimelineKeys(list: Ref<HTMLElement | null>, showNew: () => void): void {
  function notes(): HTMLElement[] {
    return [...(list.value?.querySelectorAll<HTMLElement>(':scope > article') ?? [])];
  }

  // The note being read: the focused one, else the first whose top is on screen.
  function current(all: HTMLElement[]): number {
    const focused = all.findIndex((a) => a.contains(document.activeElement));
    if (focused >= 0) return focused;
    return all.findIndex((a) => a.getBoundingClientRect().bottom > 0) - 1;
  }

  function move(by: 1 | -1): void {
    const all = notes();
    const target = all[Math.min(all.length - 1, Math.max(0, current(all) + by))];
    if (!target) return;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'nearest' });
  }

  function onKey(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || document.querySelector('dialog[open]'))
      return;
    if (e.key === 'j' || e.key === 'k') move(e.key === 'j' ? 1 : -1);
    else if (e.key === '.') showNew();
    else return;
    e.preventDefault();
  }

  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
