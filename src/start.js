// Starts the app once the page's largest paint has been reported and no new
// one for 200 ms (at most a second; at once in a hidden tab or a browser
// without the metric): the page is readable from its HTML, and a slow
// phone's bandwidth goes to it first. The build puts the app's preloads in
// a <template> (page_template in kasipodaq-build/src/site/template.rs),
// src/page.js's among them: each module is imported, and the app (the one
// with an init) started once all are in, so the page's functions are there
// before the app asks; one that fails to load does not stop the app. Without
// the template (`trunk serve`) Trunk's own loader runs.
//
// Inlined into every page (Trunk), minified by tools/minify.mjs: a file of
// its own would be one more request before the app can start.
const app = document.getElementById('kasipodaq-app');

const start = () => {
  const links = [...app.content.children];
  // The WebAssembly is fetched, not preloaded: Chromium keeps a module's
  // compiled code for the next visits only when a fetch brought it
  // (docs/performance.md, "The takeover's cost is code run for the first time").
  const wasm = links.find((link) => link.type === 'application/wasm');
  wasm.remove();
  const download = fetch(wasm.href, { integrity: wasm.integrity });
  // Its failure is the app's (below), not an unhandled rejection as well.
  download.catch(() => {});
  document.head.append(app.content);
  const modules = links.filter((link) => link.rel === 'modulepreload').map((link) => import(link.href));
  Promise.allSettled(modules)
    .then(async (loaded) => {
      const bindings = loaded.map((result) => result.value).find((module) => module?.default);
      // Not loaded (a release replaced under the page, a dropped connection): why.
      if (!bindings) throw loaded.find((result) => result.reason).reason;
      await bindings.default({ module_or_path: download });
    })
    // Without the app the page works as written (each link is a page of its
    // own): a warning for developers, not an uncaught error. It names the
    // WebAssembly: a fetch that failed says only "Failed to fetch".
    .catch((error) => console.warn(error, wasm.href));
};

if (app) {
  const lcp = 'largest-contentful-paint';
  if (!window.PerformanceObserver?.supportedEntryTypes?.includes(lcp) || document.hidden) {
    start();
  } else {
    // Polled every 50 ms: four polls without a new report is quiet.
    let reports = 0;
    let seen = 0;
    let quiet = 0;
    let polls = 0;
    const observer = new PerformanceObserver(() => {
      reports += 1;
    });
    observer.observe({ type: lcp, buffered: true });
    const poll = () => {
      if (reports === seen) quiet += 1;
      else [seen, quiet] = [reports, 0];
      polls += 1;
      if ((seen > 0 && quiet >= 4) || polls >= 20) {
        observer.disconnect();
        start();
      } else {
        setTimeout(poll, 50);
      }
    };
    setTimeout(poll, 50);
  }
}
