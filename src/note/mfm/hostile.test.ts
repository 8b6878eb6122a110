import { describe, expect, it } from 'vitest';
import { renderMfm } from './mountForTest';

function unsafeAttributes(el: HTMLElement): string[] {
  const found: string[] = [];
  for (const node of el.querySelectorAll('*')) {
    for (const attr of node.attributes) {
      if (attr.name.startsWith('on')) found.push(`${node.tagName} ${attr.name}`);
      if ((attr.name === 'href' || attr.name === 'src') && !/^(https?:|\/)/.test(attr.value)) {
        found.push(`${node.tagName} ${attr.name}=${attr.value}`);
      }
    }
  }
  return found;
}

describe('MFM renderer against hostile input', () => {
  it('script tags and event handlers stay text', async () => {
    const el = await renderMfm('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(el.querySelector('script')).toBeNull();
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toContain('<script>alert(1)</script>');
    expect(unsafeAttributes(el)).toEqual([]);
  });

  it('javascript: and data: links are never links', async () => {
    const el = await renderMfm(
      '[click](javascript:alert(1)) [x](data:text/html,<script>alert(1)</script>) <javascript:alert(1)> vbscript:msgbox',
    );
    expect(el.querySelector('a')).toBeNull();
    expect(el.textContent).toContain('click');
    expect(unsafeAttributes(el)).toEqual([]);
  });

  it('an emoji whose URL is not http(s) is shown as text', async () => {
    const el = await renderMfm(':evil:');
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toBe(':evil:');
  });

  it('colour and size arguments cannot inject CSS', async () => {
    const el = await renderMfm(
      '$[fg.color=red;background:url(x) a] $[bg.color=url(x) b] $[scale.x=99999 c] $[border.width=999,color=zzz,style=x e]',
    );
    const styles = [...el.querySelectorAll('span')].map((s) => s.getAttribute('style') ?? '').join(' | ');
    expect(styles).not.toContain('url(');
    expect(styles).not.toContain('x:y');
    expect(styles).not.toContain('expression');
    expect(styles).not.toContain('zzz');
    expect(styles).toContain('scale(5, 1)');
    expect(styles).toContain('border-width: 10px');
    expect(styles).toContain('border-style: solid');
  });

  it('deep nesting is cut off and rendered as text', async () => {
    const depth = 200;
    const text = '$[tada '.repeat(depth) + 'core' + ']'.repeat(depth);
    const el = await renderMfm(text);
    expect(el.querySelectorAll('span').length).toBeLessThanOrEqual(21);
    expect(el.textContent).toContain('core');
  });

  it('nested text sizes do not multiply', async () => {
    const el = await renderMfm('$[x4 $[x4 $[x2 $[x3 huge]]]]');
    expect(el.querySelectorAll('[class^="mfm-x"]')).toHaveLength(1);
    expect(el.textContent).toBe('huge');
  });

  it('right-to-left override characters stay inside the text', async () => {
    const el = await renderMfm('\u202Egnp.exe **x**');
    expect(el.textContent).toContain('\u202Egnp.exe');
    expect(unsafeAttributes(el)).toEqual([]);
  });
});
