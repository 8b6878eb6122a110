import { describe, expect, it } from 'vitest';
import { renderMfm } from './mountForTest';
import { parseMfm } from './render';

describe('MFM renderer, one node type at a time', () => {
  it('text keeps line breaks as <br>', async () => {
    const el = await renderMfm('one\ntwo');
    expect(el.querySelectorAll('br')).toHaveLength(1);
    expect(el.textContent).toBe('onetwo');
  });

  it('bold, italic, strike, small', async () => {
    const el = await renderMfm('**b** <i>i</i> ~~s~~ <small>m</small>');
    expect(el.querySelector('b')?.textContent).toBe('b');
    expect(el.querySelector('i')?.textContent).toBe('i');
    expect(el.querySelector('del')?.textContent).toBe('s');
    expect(el.querySelector('small')?.textContent).toBe('m');
  });

  it('center and quote are blocks', async () => {
    const el = await renderMfm('<center>mid</center>\n> quoted');
    expect(el.querySelector('div.mfm-center')?.textContent).toBe('mid');
    expect(el.querySelector('blockquote')?.textContent).toBe('quoted');
  });

  it('inline and block code keep their text verbatim', async () => {
    const el = await renderMfm('`**x**`\n```js\nconst a = "<b>";\n```');
    expect(el.querySelector('code.mfm-code')?.textContent).toBe('**x**');
    expect(el.querySelector('pre.mfm-code-block code')?.textContent).toBe('const a = "<b>";');
    expect(el.querySelector('b')).toBeNull();
  });

  it('math renders as plain text', async () => {
    const el = await renderMfm('\\(x^2\\)\n\\[y = 1\\]');
    expect(el.querySelector('code.mfm-math')?.textContent).toBe('x^2');
    expect(el.querySelector('pre.mfm-math')?.textContent).toBe('y = 1');
  });

  it('url becomes a safe external link', async () => {
    const el = await renderMfm('see https://example.com/a?b=1');
    const a = el.querySelector('a');
    expect(a?.getAttribute('href')).toBe('https://example.com/a?b=1');
    expect(a?.getAttribute('target')).toBe('_blank');
    expect(a?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('link keeps its label and points to the http(s) target', async () => {
    const el = await renderMfm('[label **b**](https://example.com)');
    const a = el.querySelector('a');
    expect(a?.getAttribute('href')).toBe('https://example.com/');
    expect(a?.textContent).toBe('label b');
    expect(a?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('mention links to the user page, with the author host for host-less mentions', async () => {
    const local = await renderMfm('hi @alice and @bob@remote.example');
    const links = [...local.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/@alice', '/@bob@remote.example']);
    const remote = await renderMfm('hi @carol', { authorHost: 'other.example' });
    expect(remote.querySelector('a')?.getAttribute('href')).toBe('/@carol@other.example');
    expect(remote.querySelector('a')?.textContent).toBe('@carol');
  });

  it('hashtag links to the hashtag timeline', async () => {
    const el = await renderMfm('#misskey ');
    const a = el.querySelector('a');
    expect(a?.getAttribute('href')).toBe('/tags/misskey');
    expect(a?.textContent).toBe('#misskey');
  });

  it('emojiCode shows a known emoji as an image and an unknown one as text', async () => {
    const el = await renderMfm(':blobcat: :nope:');
    const img = el.querySelector('img');
    expect(img?.getAttribute('src')).toBe('https://example.com/blobcat.png');
    expect(img?.getAttribute('alt')).toBe(':blobcat:');
    expect(el.textContent).toContain(':nope:');
  });

  it('unicodeEmoji is the Twemoji image with the emoji as alt, or the glyph when there is none', async () => {
    const twemoji = (emoji: string) => (emoji === '👍' ? 'https://example.com/twemoji/1f44d.svg' : null);
    const el = await renderMfm('👍 and 🫠', { twemoji });
    const img = el.querySelector('img.twemoji');
    expect(img?.getAttribute('src')).toBe('https://example.com/twemoji/1f44d.svg');
    expect(img?.getAttribute('alt')).toBe('👍');
    expect(el.querySelector('.native-emoji')?.textContent).toBe('🫠');
    expect((await renderMfm('👍')).querySelector('.native-emoji')?.textContent).toBe('👍');
  });

  it('search renders a read-only box and a search link', async () => {
    const el = await renderMfm('misskey 検索');
    expect(el.querySelector('[role="search"] input')?.getAttribute('aria-label')).toBe('Search query');
    expect((el.querySelector('[role="search"] input') as HTMLInputElement).value).toBe('misskey');
    expect(el.querySelector('[role="search"] a')?.getAttribute('href')).toContain('q=misskey');
  });

  it('plain renders its content without parsing', async () => {
    const el = await renderMfm('<plain>**not bold** @nobody</plain>');
    expect(el.querySelector('b')).toBeNull();
    expect(el.querySelector('a')).toBeNull();
    expect(el.textContent).toBe('**not bold** @nobody');
  });

  it('fn effects become classes and validated styles', async () => {
    const el = await renderMfm('$[tada.speed=2s party] $[fg.color=f00 red] $[x2 big] $[flip.v up]');
    const spans = [...el.querySelectorAll('span')];
    const tada = spans.find((s) => s.textContent === 'party');
    expect(tada?.className).toContain('mfm-fx-tada');
    expect(tada?.getAttribute('style')).toContain('--mfm-speed: 2s');
    expect(spans.find((s) => s.textContent === 'red')?.getAttribute('style')).toContain('color: #f00');
    expect(spans.find((s) => s.textContent === 'big')?.className).toBe('mfm-x2');
    expect(spans.find((s) => s.textContent === 'up')?.getAttribute('style')).toContain('scaleY(-1)');
  });

  it('ruby and unixtime have their own elements', async () => {
    const el = await renderMfm('$[ruby 漢字 かんじ] $[unixtime 0]');
    expect(el.querySelector('rt')?.textContent).toBe('かんじ');
    expect(el.querySelector('time')?.getAttribute('datetime')).toBe('1970-01-01T00:00:00.000Z');
  });

  it('an unknown fn renders its children plainly', async () => {
    const el = await renderMfm('$[nosuchfn.x=1 **inside**]');
    expect(el.querySelector('b')?.textContent).toBe('inside');
    expect(el.querySelector('span')?.getAttribute('style')).toBeNull();
    expect(el.querySelector('span')?.getAttribute('class')).toBeNull();
  });

  it('simple mode (names) parses only emoji', async () => {
    const el = await renderMfm('**Alice** :blobcat: #tag', {}, true);
    expect(el.querySelector('b')).toBeNull();
    expect(el.querySelector('a')).toBeNull();
    expect(el.querySelector('img')?.getAttribute('src')).toBe('https://example.com/blobcat.png');
  });
});

describe('parseMfm', () => {
  it('parses a text seen again only once, apart for names and full text', () => {
    const text = '**bold** :blobcat: #tag';
    const full = parseMfm(text, false);
    expect(parseMfm(text, false)).toBe(full);
    const simple = parseMfm(text, true);
    expect(simple).not.toBe(full);
    expect(simple.map((n) => n.type)).not.toContain('bold');
  });

  it('keeps the most recently used texts when it must forget some', () => {
    const kept = parseMfm('read often', false);
    const early = parseMfm('one-off 0', false);
    for (let i = 1; i < 1000; i++) {
      parseMfm(`one-off ${i}`, false);
      if (i % 100 === 0) parseMfm('read often', false);
    }
    expect(parseMfm('read often', false)).toBe(kept);
    const again = parseMfm('one-off 0', false);
    expect(again).not.toBe(early);
    expect(again).toEqual(early);
  });
});
