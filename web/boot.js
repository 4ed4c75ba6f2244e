// Starts, as soon as the page arrives and in parallel with the app's main
// module, the requests the app would otherwise make only once it runs:
// - config.json, left in `window.noiboConfig` for the app to read;
// - when config.json names the demo backend, the demo's module;
// - on a direct link to a portal's page (/store…, /hr/store…), that
//   portal's module.
// scripts/split-hook.sh fills in MODULES (each split point's files, its
// shared chunks included) and serves this file under a hashed name.
// Portals follow one rule for their paths: /<name> and /hr/<name>
// (checked by a test in src/portals/mod.rs).
(() => {
  const MODULES = __MODULES__;
  const base = new URL('.', document.baseURI);
  // Once the app runs (src/main.rs sets the flag first thing), it fetches
  // what it needs itself: a preload after that would download it twice.
  const appStarted = () => window.noiboStarted === true;
  const preloaded = new Set();
  const preload = (file) => {
    if (appStarted() || preloaded.has(file)) return;
    preloaded.add(file);
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = new URL(file, base).href;
    document.head.append(link);
  };
  const fetchModule = (name) => (MODULES[name] ?? []).forEach(preload);

  const [first, second] = decodeURIComponent(location.pathname).slice(base.pathname.length).split('/');
  const portal = first === 'hr' ? second : first;
  if (portal) fetchModule(portal);

  // The stored language, for the page's `lang` before the app runs.
  try {
    const lang = localStorage.getItem('noibo.lang');
    if (lang === 'vi' || lang === 'en') document.documentElement.lang = lang;
  } catch {}

  if (appStarted()) return;
  window.noiboConfig = fetch(new URL('config.json', base), { cache: 'no-cache' });
  window.noiboConfig
    .then((response) => (response.ok ? response.clone().json() : null))
    .then((config) => { if (config && config.backend === 'demo') fetchModule('demo'); })
    .catch(() => {});
})();
