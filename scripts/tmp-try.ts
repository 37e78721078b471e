import { startServer } from '/work/main/scripts/serve.ts';
import { launchSiteBrowser } from '/work/main/test/browser/browser.ts';
const server = await startServer({ root: '/tmp/ss/dist', base: '/intranat/socialstatistik/', port: 0 });
console.log(server.url);
const b = await launchSiteBrowser({ siteUrl: server.url });
const page = await b.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
await page.goto(server.url + 'data/');
const times = [];
for (let i = 0; i < 1; i++) {
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Läs in data i webbläsaren' }).click();
  await page.waitForSelector('#browser-check[data-state]', { timeout: 60000 });
  times.push(Date.now() - t0);
}
console.log('state', await page.getAttribute('#browser-check', 'data-state'), times);
console.log(await page.locator('#browser-check').innerText());
console.log('foreign', b.foreignRequests, 'errors', b.errors);
await b.close(); await server.close();
