/**
 * Installs the reporter's service worker (/sw.js) once the page has loaded, so its caching
 * never competes with the first load for a 2G link. Where service workers are off (Tor
 * Browser, a blocked or private context) nothing happens: the site works without it.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Refused (private mode, blocked by policy): the page goes on without an offline copy.
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
