// Gives the card the session's preview (reports/preview.json: {sessionId, merchantName, preview},
// the `preview` as `livetrust preview --generate` writes it) and records reservations the way a
// host would send them to its server: here, a line on the page.
const { sessionId, merchantName, preview } = await (await fetch('reports/preview.json')).json();
document.getElementById('shop-name').textContent = `${merchantName} · 直播预告`;
const card = document.getElementById('preview');
const lang = new URLSearchParams(location.search).get('lang');
if (lang) card.setAttribute('lang', lang);
card.report = { ...preview, sessionId, merchantName };
card.addEventListener('livetrust-reserve', (event) => {
  const { sessionId: id, reserved } = event.detail;
  document.getElementById('reservation-log').textContent = reserved ? `已记录预约：${id}` : `已取消预约：${id}`;
});
