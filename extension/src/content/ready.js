// When the page is ready to be read. The content script runs at document_idle, not document_end:
// compiling and starting a script of this size before the page's first frame held back the
// page's own first paint by some 70 ms in the browser bench, and the reader wants the page before
// its highlights. Chrome may still start it before the stylesheets have loaded (a page without
// scripts in its head reaches DOMContentLoaded first), and finding the article reads computed
// styles (what is hidden, what is a block): read then, a hidden menu or a consent box would look
// like text. So the search waits for the stylesheets still loading, no longer than
// STYLES_WAIT_MS, and for the page's next frame: it holds the main thread for tens of
// milliseconds, which must not fall before the page's first paint either.

export const STYLES_WAIT_MS = 1500;
// A frame is painted within this long of being asked for, unless the page is loaded too heavily
// to notice the difference.
export const PAINT_WAIT_MS = 200;

/** The page's stylesheet links that have not loaded (nor failed) yet. */
export function pendingStylesheets(doc) {
  const pending = [];
  for (const link of doc.querySelectorAll('link[rel~="stylesheet" i]')) {
    // A sheet for another medium, or a disabled one, does not style the page as shown.
    if (link.disabled || link.sheet || !link.isConnected) continue;
    if (link.media && doc.defaultView?.matchMedia && !doc.defaultView.matchMedia(link.media).matches) continue;
    pending.push(link);
  }
  return pending;
}

/** Resolves once the page's stylesheets have loaded or failed, or after `waitMs`. */
export function stylesReady(doc = document, waitMs = STYLES_WAIT_MS) {
  const pending = pendingStylesheets(doc);
  if (!pending.length || doc.readyState === "complete") return Promise.resolve();
  return new Promise((resolve) => {
    let left = pending.length;
    const timer = setTimeout(resolve, waitMs);
    const one = () => {
      if (--left > 0) return;
      clearTimeout(timer);
      resolve();
    };
    for (const link of pending) {
      link.addEventListener("load", one, { once: true });
      link.addEventListener("error", one, { once: true });
    }
  });
}

/** Resolves once the page's next frame has been painted: at once in a hidden tab, which paints
 * none, and after `waitMs` at most. */
export function afterPaint(win = window, waitMs = PAINT_WAIT_MS) {
  if (win.document.visibilityState === "hidden") return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, waitMs);
    // A frame's callbacks run before it is painted; a task queued from one runs after.
    win.requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** Whether the page's first contentful paint has been presented already. */
export function hasPainted(win = window) {
  try {
    return win.performance.getEntriesByName("first-contentful-paint").length > 0;
  } catch {
    return false; // a page that replaced `performance`: wait for a frame, as without the entry
  }
}

/** The page can be read, and has been painted once: no frame is waited for when it has been
 * (`painted`: the page is known to have painted a frame, content/early.js). */
export async function pageReady(doc = document, painted = false) {
  await stylesReady(doc);
  if (!painted && !hasPainted(doc.defaultView)) await afterPaint(doc.defaultView);
}
