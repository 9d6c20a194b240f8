// Tap targets (#15): every control on screen is at least 44 x 44 CSS px. A control cut by the
// screen's edge or by its scrolling frame counts at its full size; "other" items (a map, a
// drawing) are not tap targets of their own.
export function smallTargets(items) {
  return items.filter((i) => i.visible && i.kind !== "other" && (i.h < 43.5 || i.w < 43.5));
}

// "3 controls smaller than 44 x 44 px: [label, kind, w, h], ...", for a failure message.
export function describeSmall(small) {
  return `${small.length} controls smaller than 44 x 44 px: ` +
    JSON.stringify(small.slice(0, 4).map((i) => [i.label, i.kind, Math.round(i.w), Math.round(i.h)]));
}
