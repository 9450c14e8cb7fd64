// A single-page host: two routes render shop lists with <livetrust-badge> elements created and
// dropped on every route change, fed through the typed `report` property. No initialisation or
// clean-up call to the widgets is needed: importing the package defines the elements.
import 'livetrust-widgets';
import 'livetrust-widgets/livetrust-widgets.css';
import type { BadgeReport, LivetrustBadgeElement } from 'livetrust-widgets';
import './style.css';

interface Shop {
  id: string;
  name: string;
}

type Report = BadgeReport & { placement: { status: string; tier?: string } };

const app = document.getElementById('app') as HTMLElement;
const reports = new Map<string, Report>();

async function shops(): Promise<Shop[]> {
  const response = await fetch('reports/index.json');
  return (await response.json()) as Shop[];
}

async function report(id: string): Promise<Report> {
  let r = reports.get(id);
  if (!r) {
    const response = await fetch(`reports/${encodeURIComponent(id)}.json`);
    r = (await response.json()) as Report;
    reports.set(id, r);
  }
  return r;
}

async function render(route: string): Promise<void> {
  const all = await shops();
  const rows = await Promise.all(all.map(async (shop) => ({ shop, report: await report(shop.id) })));
  const shown = route === '/leading' ? rows.filter((r) => r.report.placement.tier === 'leading' && r.report.placement.status === 'tiered') : rows;
  const heading = document.createElement('h1');
  heading.textContent = route === '/leading' ? '领先店铺' : '全部店铺';
  const list = document.createElement('ul');
  list.className = 'shops';
  for (const { shop, report: data } of shown) {
    const item = document.createElement('li');
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = shop.name;
    const badge: LivetrustBadgeElement = document.createElement('livetrust-badge');
    badge.dataset.merchantId = shop.id;
    badge.report = data;
    item.append(name, badge);
    list.append(item);
  }
  app.replaceChildren(heading, list);
}

const route = (): string => location.hash.replace(/^#/, '') || '/';
window.addEventListener('hashchange', () => void render(route()));
void render(route());
