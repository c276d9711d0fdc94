// localnhs progressive enhancement. Loaded as <script type="module">, so it
// only runs in browsers NHS.UK frontend supports, and never blocks rendering.
// Everything on the site works without it (search and results are plain
// server-rendered HTML and GET forms).
//
// NHS.UK frontend 10 ships its minified bundle as an ES module exporting
// initAll(). Its page template adds the "js-enabled" and
// "nhsuk-frontend-supported" body classes from an inline <script>; our CSP
// forbids inline scripts, so we add them here instead (a module script only
// runs where 'noModule' in HTMLScriptElement.prototype is true, which is the
// exact test the inline script makes).
import { initAll } from "./vendor/nhsuk/nhsuk-frontend.min.js";

document.body.classList.add("js-enabled", "nhsuk-frontend-supported");

initAll({
  onError(error) {
    // Enhancement failed: the page still works as plain HTML.
    if (window.console) {
      window.console.warn("localnhs: NHS.UK frontend did not initialise", error);
    }
  },
});
