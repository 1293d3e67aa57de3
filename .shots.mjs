// Temporary (not committed): screenshots of every page at 1440 and 390 px.
import { chromium } from 'playwright';
const base = process.env.BASE ?? 'http://localhost:3206';
const out = process.env.OUT ?? '/tmp/answers-table-shots';
const who = process.env.WHO ?? 'admin@mcc.demo';
const only = process.env.ONLY?.split(',');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width: 1440, height: 900 } });
const page = await context.newPage();
await page.goto(`${base}/login`);
await page.getByLabel('Email address').fill(who);
await page.getByLabel('Password').fill('demo-password');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 60000 });
const pages = (process.env.PAGES ?? '/,/installations,/incidents,/triage,/demand,/split-supply,/reports,/imports,/admin/users').split(',');
const first = async (list, re) => {
  await page.goto(base + list);
  const hrefs = await page.locator('main a[href]').evaluateAll((ls) => ls.map((a) => a.getAttribute('href')));
  return hrefs.find((h) => h && re.test(h));
};
if (!process.env.PAGES) {
  pages.push(await first('/installations', /^\/installations\/\d+$/));
  const inc = await first('/incidents?status=all', /^\/incidents\/\d+$/);
  if (inc) pages.push(inc);
  const tri = await first('/triage', /^\/triage\/\d+/);
  if (tri) pages.push(tri);
}
for (const w of [1440, 390, 1280]) {
  if (only && !only.includes(String(w))) continue;
  await page.setViewportSize({ width: w, height: w === 390 ? 844 : 900 });
  for (const p of pages.filter(Boolean)) {
    await page.goto(base + p);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(800);
    const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const name = `${w}-${p.replace(/[/?=&]/g, '_') || 'root'}.png`;
    await page.screenshot({ path: `${out}/${name}`, fullPage: process.env.FULL === '1' });
    console.log(w, p, 'overflow', over, name);
  }
}
await browser.close();
