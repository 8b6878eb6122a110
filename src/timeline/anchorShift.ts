// Where an item sat, as a distance from the viewport's top, before the list changed.
export interface PlacedItem {
  id: string;
  top: number;
}

// How far to scroll so the reader's item is back where it was. `placed` lists the items from the
// viewport's top down: the first one still present (`topOf` gives its new top, or null when it is
// gone) decides; 0 when none is left or it moved by less than a pixel.
export function anchorShift(placed: readonly PlacedItem[], topOf: (id: string) => number | null): number {
  for (const item of placed) {
    const top = topOf(item.id);
    if (top === null) continue;
    const delta = top - item.top;
    return Math.abs(delta) >= 1 ? delta : 0;
  }
  return 0;
}
