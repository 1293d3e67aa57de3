import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { DemandPage } from './pages/demand-page';
import { IncidentPage, IncidentQueuePage, RaiseIncidentPage } from './pages/incident-pages';
import { InstallationsPage } from './pages/installations-page';
import { LoginPage } from './pages/login-page';
import { OverviewPage } from './pages/overview-page';
import { Shell } from './pages/shell';
import { SplitSupplyPage } from './pages/split-supply-page';
import { TriagePage } from './pages/triage-page';

export const DEMO_PASSWORD = 'demo-password';
export const ANALYST = 'analyst@mcc.demo';
export const ADMIN = 'admin@mcc.demo';

interface Fixtures {
  loginPage: LoginPage;
  shell: Shell;
  overview: OverviewPage;
  installations: InstallationsPage;
  splitSupply: SplitSupplyPage;
  demand: DemandPage;
  incidentQueue: IncidentQueuePage;
  raiseIncident: RaiseIncidentPage;
  incidentPage: IncidentPage;
  triage: TriagePage;
  /** Signs in with a demo account and waits for the dashboard. */
  loginAs: (email: string) => Promise<void>;
  /** Demo supplier accounts, as the login page lists them in demo mode. */
  supplierAccounts: () => Promise<string[]>;
}

export const test = base.extend<Fixtures>({
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  shell: async ({ page }, use) => use(new Shell(page)),
  overview: async ({ page }, use) => use(new OverviewPage(page)),
  installations: async ({ page }, use) => use(new InstallationsPage(page)),
  splitSupply: async ({ page }, use) => use(new SplitSupplyPage(page)),
  demand: async ({ page }, use) => use(new DemandPage(page)),
  incidentQueue: async ({ page }, use) => use(new IncidentQueuePage(page)),
  raiseIncident: async ({ page }, use) => use(new RaiseIncidentPage(page)),
  incidentPage: async ({ page }, use) => use(new IncidentPage(page)),
  triage: async ({ page }, use) => use(new TriagePage(page)),
  loginAs: async ({ loginPage, shell }, use) => {
    await use(async (email) => {
      await loginPage.signIn(email, DEMO_PASSWORD);
      // Sign-in hashes a password (argon2id) and lands on the overview: allow it longer than one assertion.
      await expect(shell.signOutButton).toBeVisible({ timeout: 15_000 });
    });
  },
  supplierAccounts: async ({ loginPage }, use) => {
    await use(async () => {
      await loginPage.goto();
      const emails = await loginPage.demoAccounts.allInnerTexts();
      return emails.filter((e) => e.endsWith('@supplier.demo'));
    });
  },
});

export { expect };

/** WCAG 2.2 AA, as the issue asks: zero violations. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}
