import { describe, expect, it } from 'vitest';
import { i18n, withLaterStrings } from './i18n';

describe('withLaterStrings', () => {
  it("keeps later pages' English out of the first screen and brings it with the page", async () => {
    expect(i18n.global.te('drive.title', 'en')).toBe(false);
    expect(i18n.global.te('app.name', 'en')).toBe(true);
    const page = withLaterStrings(async () => 'the page');
    expect(await page()).toBe('the page');
    expect(i18n.global.t('drive.title')).toBe('Drive');
    expect(i18n.global.t('app.name')).toBe('Misskey Web Client');
  });
});
