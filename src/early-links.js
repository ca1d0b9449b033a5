// A language link clicked before the app has started (a slow phone) keeps
// the reader's query and place (#p3), which the prerendered link cannot
// know; the app's own links already carry them. Inlined into every page
// (Trunk), minified by tools/minify.mjs.
document.addEventListener(
  'click',
  (event) => {
    const link = event.target.closest?.('.language-switcher a');
    if (link && link.search + link.hash !== location.search + location.hash) {
      link.href = link.pathname + location.search + location.hash;
    }
  },
  true,
);
