import type { Locator, Page } from '@playwright/test';

export class LoginPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  /** The form's own error, not Next's route announcer (also role=alert). */
  readonly error: Locator;
  readonly demoAccounts: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel('Email address');
    this.password = page.getByLabel('Password');
    this.submit = page.getByRole('button', { name: 'Sign in' });
    this.error = page.getByTestId('login-error');
    this.demoAccounts = page.getByRole('region', { name: 'Demo accounts' }).locator('code', { hasText: '@' });
  }

  async goto() {
    await this.page.goto('/login');
  }

  async signIn(email: string, password: string) {
    await this.goto();
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
