import type { Locator, Page } from '@playwright/test';

/** One installation's page: the resolved next move, the timeline and the Migration Authorisations. */
export class InstallationDetailPage {
  readonly nextMove: Locator;
  readonly owner: Locator;
  readonly action: Locator;
  readonly scenario: Locator;
  readonly authorisations: Locator;
  readonly timeline: Locator;

  constructor(readonly page: Page) {
    this.nextMove = page.getByRole('region', { name: 'What happens next' });
    this.owner = page.getByTestId('next-move-owner');
    this.action = page.getByTestId('next-move-action');
    this.scenario = page.getByTestId('resolved-scenario');
    this.authorisations = page.getByTestId('authorisations');
    this.timeline = page.getByTestId('timeline');
  }

  /** Opens it; returns the HTTP status (404 for another supplier's installation). */
  async goto(id: string): Promise<number> {
    const response = await this.page.goto(`/installations/${id}`);
    return response?.status() ?? 0;
  }

  async authorisingParties(): Promise<string[]> {
    return this.authorisations.locator('tbody tr td:nth-child(2)').allInnerTexts();
  }

  /** Full-page screenshots at desktop (1440) and phone (390) widths. */
  async screenshots(name: string) {
    for (const width of [1440, 390]) {
      await this.page.setViewportSize({ width, height: 900 });
      await this.page.waitForTimeout(300);
      await this.page.screenshot({ path: `docs/screenshots/${name}-${width}.png`, fullPage: true });
    }
    await this.page.setViewportSize({ width: 1280, height: 720 });
  }
}
