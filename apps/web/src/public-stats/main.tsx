/**
 * The public statistics page's entry (stats.html, served at /stats). A separate build from the
 * reporter's and the desk's pages: it carries neither's code, only Preact, the page's French
 * catalogue, the contracts' release schema and the map (docs: README, "Monitoring").
 *
 * SECURITY: no session, no cookie (the fetch omits credentials), nothing stored in the
 * browser; the period and language chosen are kept in the address fragment, which is never
 * sent (the period reaches the server only as the figures' own request, page-address.ts).
 */
import '../shared/base.css';
import '../shared/controls.css';
import './public-stats.css';
import { render } from 'preact';
import { effect } from '@preact/signals';
import type { Language } from '@kenekanko/contracts';
import { todayDay } from '../i18n/format.ts';
import { chooseStatsLanguage, statsLanguage, t } from '../i18n/public-stats/catalogues.ts';
import { readAddress, writeAddress } from './page-address.ts';
import { hasEnded, lastEndedQuarter } from './periods.ts';
import { PublicStatsApp } from './public-stats-app.tsx';

const today = todayDay();
const address = readAddress(location.hash);
// A period that has not ended has no figures yet: the page opens on the default instead.
const period = address.period !== null && hasEnded(address.period, today) ? address.period : lastEndedQuarter(today);

effect(() => {
  document.documentElement.lang = statsLanguage.value;
  document.title = `${t('stats.brand')} — ${t('stats.title')}`;
});

const remember = (chosen: string, language: Language) => history.replaceState(null, '', writeAddress({ period: chosen, language }));

function start(): void {
  const root = document.getElementById('app');
  if (root !== null) render(<PublicStatsApp today={today} period={period} onAddress={remember} />, root);
}

if (address.language !== null && address.language !== 'fr') {
  // Until the chosen language's catalogue arrives the page waits (a French flash would be worse), then starts anyway.
  void chooseStatsLanguage(address.language).then(start, start);
} else {
  start();
}
