import { h, type VNodeChild } from 'vue';
import { RouterLink } from 'vue-router';
import * as mfm from 'mfm-js';
import { fnStyle } from './fnStyle';
import { safeHttpUrl } from './safety';
import UnicodeEmoji from '../emoji/UnicodeEmoji.vue';

// Deeper trees than this render as their source text: hostile input stays cheap to draw.
export const MAX_DEPTH = 20;

export interface MfmContext {
  // URL of a custom emoji by its bare name, or undefined to show `:name:`.
  resolveEmoji(name: string): string | undefined;
  // Twemoji image of a Unicode emoji, or null to draw the glyph.
  twemoji(emoji: string): string | null;
  // Host of the note's author: a mention without a host in a remote note means that host.
  authorHost: string | null;
  searchLabel: string;
  searchButton: string;
  // The reader's language, for dates ($[unixtime]).
  locale: string;
}

const LINK_ATTRS = { target: '_blank', rel: 'noopener noreferrer' } as const;

function textWithBreaks(text: string): VNodeChild[] {
  const out: VNodeChild[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) out.push(h('br'));
    if (line) out.push(line);
  });
  return out;
}

function emojiImage(name: string, ctx: MfmContext): VNodeChild {
  const raw = ctx.resolveEmoji(name);
  const src = raw ? safeHttpUrl(raw) : null;
  if (!src) return `:${name}:`;
  return h('img', {
    class: 'mfm-emoji',
    src,
    alt: `:${name}:`,
    title: `:${name}:`,
    loading: 'lazy',
    decoding: 'async',
    draggable: 'false',
  });
}

function mention(node: mfm.MfmMention, ctx: MfmContext): VNodeChild {
  const host = node.props.host ?? ctx.authorHost;
  const acct = host ? `@${node.props.username}@${host}` : `@${node.props.username}`;
  return h(RouterLink, { to: { name: 'user', params: { acct } }, class: 'mfm-mention' }, () => node.props.acct);
}

function search(node: mfm.MfmSearch, ctx: MfmContext): VNodeChild {
  const href = `https://www.google.com/search?q=${encodeURIComponent(node.props.query)}`;
  return h('div', { class: 'mfm-search', role: 'search' }, [
    h('input', { type: 'search', value: node.props.query, readonly: true, 'aria-label': ctx.searchLabel }),
    h('a', { href, ...LINK_ATTRS, class: 'mfm-search-button' }, ctx.searchButton),
  ]);
}

function plainText(nodes: mfm.MfmNode[]): string {
  return mfm.toString(nodes);
}

// Text sizes multiply when nested: only the outermost x2/x3/x4 takes effect.
const SIZE_FNS = new Set(['x2', 'x3', 'x4']);

function fn(node: mfm.MfmFn, ctx: MfmContext, depth: number, sized: boolean): VNodeChild {
  const { name, args } = node.props;
  if (name === 'ruby') {
    const [base, ...reading] = plainText(node.children).split(' ');
    return h('ruby', [base ?? '', h('rp', '('), h('rt', reading.join(' ')), h('rp', ')')]);
  }
  if (name === 'unixtime') {
    const seconds = Number.parseInt(plainText(node.children), 10);
    const date = new Date(seconds * 1000);
    if (!Number.isFinite(seconds) || Number.isNaN(date.getTime())) return plainText(node.children);
    return h('time', { datetime: date.toISOString(), class: 'mfm-unixtime' }, date.toLocaleString(ctx.locale));
  }
  const sizing = SIZE_FNS.has(name);
  const children = renderNodes(node.children, ctx, depth + 1, sized || sizing);
  const look = sizing && sized ? null : fnStyle(name, args);
  if (!look) return h('span', children);
  return h('span', { class: look.classes, style: look.style }, children);
}

function renderNode(node: mfm.MfmNode, ctx: MfmContext, depth: number, sized: boolean): VNodeChild {
  if (depth > MAX_DEPTH) return plainText([node]);
  const inner = (children: mfm.MfmNode[]) => renderNodes(children, ctx, depth + 1, sized);
  switch (node.type) {
    case 'text':
      return textWithBreaks(node.props.text);
    case 'plain':
      return textWithBreaks(plainText(node.children));
    case 'bold':
      return h('b', inner(node.children));
    case 'italic':
      return h('i', inner(node.children));
    case 'strike':
      return h('del', inner(node.children));
    case 'small':
      return h('small', { class: 'mfm-small' }, inner(node.children));
    case 'center':
      return h('div', { class: 'mfm-center' }, inner(node.children));
    case 'quote':
      return h('blockquote', { class: 'mfm-quote' }, inner(node.children));
    case 'inlineCode':
      return h('code', { class: 'mfm-code' }, node.props.code);
    case 'blockCode':
      return h('pre', { class: 'mfm-code-block' }, h('code', node.props.code));
    case 'mathInline':
      return h('code', { class: 'mfm-math' }, node.props.formula);
    case 'mathBlock':
      return h('pre', { class: 'mfm-math' }, node.props.formula);
    case 'url': {
      const href = safeHttpUrl(node.props.url);
      return href ? h('a', { href, ...LINK_ATTRS, class: 'mfm-url' }, node.props.url) : node.props.url;
    }
    case 'link': {
      const href = safeHttpUrl(node.props.url);
      return href ? h('a', { href, ...LINK_ATTRS, class: 'mfm-link' }, inner(node.children)) : inner(node.children);
    }
    case 'mention':
      return mention(node, ctx);
    case 'hashtag':
      return h(
        RouterLink,
        { to: { name: 'hashtag', params: { tag: node.props.hashtag } }, class: 'mfm-hashtag' },
        () => `#${node.props.hashtag}`,
      );
    case 'emojiCode':
      return emojiImage(node.props.name, ctx);
    case 'unicodeEmoji':
      return h(UnicodeEmoji, { emoji: node.props.emoji, src: ctx.twemoji(node.props.emoji) });
    case 'search':
      return search(node, ctx);
    case 'fn':
      return fn(node, ctx, depth, sized);
  }
}

export function renderNodes(nodes: mfm.MfmNode[], ctx: MfmContext, depth = 0, sized = false): VNodeChild[] {
  return nodes.map((node) => renderNode(node, ctx, depth, sized));
}

// A note is often on screen more than once (deck columns, remounts while scrolling, the same
// author's name on every note): its parse is kept for the most recent texts. Trees are never
// modified after parsing, so sharing them is safe.
const PARSED_KEPT = 500;
const parsed = new Map<string, mfm.MfmNode[]>();

export function parseMfm(text: string, simple: boolean): mfm.MfmNode[] {
  const key = (simple ? 's:' : 'f:') + text;
  let nodes = parsed.get(key);
  if (nodes) {
    // Refreshed as the newest, so the oldest unused text is the one dropped.
    parsed.delete(key);
  } else {
    nodes = simple ? mfm.parseSimple(text) : mfm.parse(text, { nestLimit: MAX_DEPTH });
    if (parsed.size >= PARSED_KEPT) parsed.delete(parsed.keys().next().value!);
  }
  parsed.set(key, nodes);
  return nodes;
}
