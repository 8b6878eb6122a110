import { describe, expect, it } from 'vitest';
import { i18n, withStrings } from './i18n';

describe('withStrings', () => {
  it('keeps on-demand namespaces out of the first screen and brings them with the page', async () => {
    expect(i18n.global.te('drive.title', 'en')).toBe(false);
    expect(i18n.global.te('app.name', 'en')).toBe(true);
    const page = withStrings(['drive'], async () => 'the page');
    expect(await page()).toBe('the page');
    expect(i18n.global.t('drive.title')).toBe('Drive');
    expect(i18n.global.t('app.name')).toBe('Misskey Web Client');
    expect(i18n.global.te('about.title', 'en')).toBe(false);
  });
});
