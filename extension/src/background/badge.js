// The toolbar badge shows how many highlights the tab has; it has room for ~4 glyphs.
export function badgeText(total) {
  const n = Number(total) || 0;
  if (n <= 0) return "";
  if (n < 1000) return String(n);
  return `${Math.min(99, Math.floor(n / 1000))}k`;
}
