import type { Locator, Page } from '@playwright/test';

export class Shell {
  readonly nav: Locator;
  readonly user: Locator;
  readonly signOutButton: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.user = page.getByTestId('signed-in-user');
    this.signOutButton = page.getByRole('button', { name: 'Sign out' });
  }

  navLink(name: string): Locator {
    return this.nav.getByRole('link', { name, exact: true });
  }

  async signOut() {
    await this.signOutButton.click();
    await this.page.waitForURL('**/login');
  }
}
