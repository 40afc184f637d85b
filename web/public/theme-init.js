// Kept tiny and synchronous: it must run before the page paints.
// The same key and logic live in src/lib/theme.ts.
(function () {
  try {
    var t = localStorage.getItem('coach-theme');
    var dark = t === 'dark' || (t !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.classList.toggle('dark', dark);
  } catch {
    /* storage blocked: stay with the light default */
  }
})();
