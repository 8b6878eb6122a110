import { beforeAll, describe, expect, it } from 'vitest';
import { i18n, loadLocale, loadNamespace, LOCALES, ON_DEMAND, resolveLocale } from '@/i18n';
import { files } from './files';

// Every string of every language compiles, and each translation has English's keys,
// placeholders and plural forms (a missing one would show English, or the bare key).

type Tree = { [key: string]: string | Tree };
const messages = () => i18n.global.messages.value as unknown as Record<string, Tree>;

// The on-demand namespaces (achievements, Catch-up, Drive, ...) are checked like the rest.
beforeAll(async () => {
  await Promise.all([...ON_DEMAND].map(loadNamespace));
  await Promise.all(LOCALES.map(loadLocale));
});

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path).forEach((v, k) => out.set(k, v));
  }
  return out;
}

const placeholders = (message: string) => [...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*\}/g)].map((m) => m[1]).sort();
const forms = (message: string) => message.split(/(?<!\{')\|(?!'\})/).length;
const english = () => flatten(messages().en!);

it('lists every language folder, and English files for exactly the on-demand namespaces', () => {
  const folders = Object.keys(import.meta.glob('./*/app.json')).map((path) => path.split('/')[1]);
  expect([...LOCALES].sort()).toEqual(folders.sort());
  const english = Object.keys(files)
    .filter((path) => path.startsWith('./en/'))
    .map((path) => path.slice('./en/'.length, -'.json'.length));
  expect(english.sort()).toEqual([...ON_DEMAND].sort());
});

it("ships the languages of Misskey's largest communities", () => {
  expect(LOCALES).toEqual(expect.arrayContaining(['en', 'ja', 'id-ID', 'ko-KR', 'zh-CN']));
  expect(english().has('achievements.notes1.name')).toBe(true);
  expect(english().has('catchup.title')).toBe(true);
});

describe.each(LOCALES)('locale %s', (locale) => {
  const own = new Map<string, string>();
  beforeAll(() => flatten(messages()[locale]!).forEach((v, k) => own.set(k, v)));

  it('has exactly the English keys', () => {
    expect([...own.keys()].sort()).toEqual([...english().keys()].sort());
  });

  it('keeps the placeholders and plural forms of each English message', () => {
    const differ = [...english()].filter(([key, en]) => {
      const message = own.get(key);
      return message !== undefined && (placeholders(message).join() !== placeholders(en).join() || forms(message) !== forms(en));
    });
    expect(differ.map(([key]) => key)).toEqual([]);
  });

  // Buttons on screen together need names of their own (one could not be told from the other).
  it('names the Compose button and the Post button apart', () => {
    const post = own.get('compose.post');
    expect([own.get('compose.dialog.open'), own.get('deck.compose')]).not.toContain(post);
  });

  it('compiles every message', () => {
    const broken = [...own].filter(([key, message]) => {
      const params = Object.fromEntries(placeholders(message).map((name) => [name, 1]));
      return i18n.global.t(key, params, { locale }) === key;
    });
    expect(broken.map(([key]) => key)).toEqual([]);
  });
});

describe('resolveLocale', () => {
  it('takes the chosen language, else the first of the browser we have, else English', () => {
    expect(resolveLocale('en', ['fr-FR'])).toBe('en');
    expect(resolveLocale(null, ['fr-FR', 'en-GB'])).toBe('en');
    expect(resolveLocale('xx', ['de'])).toBe('en');
  });

  it('takes another region of a language we have', () => {
    expect(resolveLocale(null, ['ja-JP'])).toBe('ja');
    expect(resolveLocale(null, ['de', 'ko'])).toBe('ko-KR');
    expect(resolveLocale(null, ['zh-TW'])).toBe('zh-CN');
    expect(resolveLocale(null, ['id'])).toBe('id-ID');
    expect(resolveLocale('zh-CN', ['ja'])).toBe('zh-CN');
  });
});
