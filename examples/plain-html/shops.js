// Lists the shops of reports/index.json ([{id, name}]) with a badge each. The badge fetches its
// own report (reports/<id>.json, an IndexReport as `livetrust index --merchant <id>` writes it).
const list = document.getElementById('shops');
const shops = await (await fetch('reports/index.json')).json();
for (const shop of shops) {
  const item = document.createElement('li');
  const name = document.createElement('span');
  name.className = 'name';
  name.textContent = shop.name;
  const badge = document.createElement('livetrust-badge');
  badge.setAttribute('src', `reports/${encodeURIComponent(shop.id)}.json`);
  badge.dataset.merchantId = shop.id;
  item.append(name, badge);
  list.append(item);
}
