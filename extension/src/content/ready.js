// When the page is ready to be read: the content script runs as soon as the DOM is parsed
// (document_end), long before images and the load event, so the article is found and its
// quotes painted early. But finding the article reads computed styles (what is hidden, what
// is a block), and a page without scripts in its head reaches DOMContentLoaded before its
// stylesheets have loaded; read then, a hidden menu or a consent box would look like text.
// So the search waits for the stylesheets still loading, and no longer than STYLES_WAIT_MS:
// by then the page would have been read at document_idle anyway. It also lets the page paint
// first: it holds the main thread for tens of milliseconds, which would hold back the page's
// own first paint, and the reader wants the page before its highlights.

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

/** The page can be read, and has been painted once. */
export async function pageReady(doc = document) {
  await stylesReady(doc);
  await afterPaint(doc.defaultView);
}
