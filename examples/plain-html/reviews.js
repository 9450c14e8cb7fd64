// Points the carousel at the chosen shop's ReviewsReport (reports/<id>.reviews.json, as
// `livetrust reviews --data DIR --merchant <id>` writes it) and names the shop.
const shops = await (await fetch('reports/reviews.json')).json();
const wanted = new URLSearchParams(location.search).get('shop');
const shop = shops.find((s) => s.id === wanted) ?? shops[0];
document.getElementById('shop-name').textContent = `${shop.name} · 回头客说`;
const lang = new URLSearchParams(location.search).get('lang');
const carousel = document.getElementById('reviews');
if (lang) carousel.setAttribute('lang', lang);
carousel.setAttribute('src', `reports/${encodeURIComponent(shop.id)}.reviews.json`);
