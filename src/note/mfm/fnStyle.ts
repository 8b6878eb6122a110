import { clampNumber, safeColor, safeDuration } from './safety';

type Args = Record<string, string | true>;

// How a `$[fn …]` wraps its children: CSS classes (see Mfm.vue) and inline styles built
// only from validated values. null means an unknown fn: its children render plainly.
export interface FnStyle {
  classes: string[];
  style: Record<string, string>;
}

const FONTS: Record<string, string> = {
  serif: 'serif',
  monospace: 'monospace',
  cursive: 'cursive',
  fantasy: 'fantasy',
  emoji: 'emoji',
  math: 'math',
};

const BORDER_STYLES = new Set(['solid', 'dashed', 'dotted', 'double', 'groove', 'ridge', 'inset', 'outset', 'hidden']);

function animated(name: string, args: Args, speed: string): FnStyle {
  return {
    classes: ['mfm-fx', `mfm-fx-${name}`],
    style: {
      '--mfm-speed': safeDuration(args.speed, speed),
      '--mfm-delay': safeDuration(args.delay, '0s'),
    },
  };
}

function spin(args: Args): FnStyle {
  const axis = args.x ? 'x' : args.y ? 'y' : '';
  const fx = animated(`spin${axis}`, args, '1.5s');
  fx.style['animation-direction'] = args.left ? 'reverse' : args.alternate ? 'alternate' : 'normal';
  return fx;
}

function border(args: Args): FnStyle {
  const style = typeof args.style === 'string' && BORDER_STYLES.has(args.style) ? args.style : 'solid';
  const width = clampNumber(args.width, 0, 10, 1);
  const color = safeColor(args.color) ?? 'var(--accent)';
  const radius = clampNumber(args.radius, 0, 100, 0);
  return {
    classes: ['mfm-border'],
    style: {
      'border-width': `${width}px`,
      'border-style': style,
      'border-color': color,
      'border-radius': `${radius}px`,
      overflow: args.noclip ? 'visible' : 'clip',
    },
  };
}

export function fnStyle(name: string, args: Args): FnStyle | null {
  switch (name) {
    case 'tada':
      return animated('tada', args, '1s');
    case 'jelly':
      return animated('jelly', args, '1s');
    case 'twitch':
      return animated('twitch', args, '0.5s');
    case 'shake':
      return animated('shake', args, '0.5s');
    case 'jump':
      return animated('jump', args, '0.75s');
    case 'bounce':
      return animated('bounce', args, '0.75s');
    case 'rainbow':
      return animated('rainbow', args, '1s');
    case 'sparkle':
      return animated('sparkle', args, '1.5s');
    case 'spin':
      return spin(args);
    case 'flip': {
      const transform = args.h && args.v ? 'scale(-1, -1)' : args.v ? 'scaleY(-1)' : 'scaleX(-1)';
      return { classes: ['mfm-inline-block'], style: { transform } };
    }
    case 'x2':
    case 'x3':
    case 'x4':
      return { classes: [`mfm-${name}`], style: {} };
    case 'font': {
      const family = Object.keys(args)
        .map((key) => FONTS[key])
        .find((f) => f !== undefined);
      return { classes: [], style: family ? { 'font-family': family } : {} };
    }
    case 'blur':
      return { classes: ['mfm-blur'], style: {} };
    case 'rotate':
      return {
        classes: ['mfm-inline-block'],
        style: { transform: `rotate(${clampNumber(args.deg, -360, 360, 90)}deg)`, 'transform-origin': 'center center' },
      };
    case 'position':
      return {
        classes: ['mfm-inline-block'],
        style: {
          transform: `translate(${clampNumber(args.x, -10, 10, 0)}em, ${clampNumber(args.y, -10, 10, 0)}em)`,
        },
      };
    case 'scale':
      return {
        classes: ['mfm-inline-block'],
        style: { transform: `scale(${clampNumber(args.x, -5, 5, 1)}, ${clampNumber(args.y, -5, 5, 1)})` },
      };
    case 'crop': {
      const side = (key: string) => `${clampNumber(args[key], 0, 100, 0)}%`;
      return {
        classes: ['mfm-inline-block'],
        style: { 'clip-path': `inset(${side('top')} ${side('right')} ${side('bottom')} ${side('left')})` },
      };
    }
    case 'fg': {
      const color = safeColor(args.color);
      return { classes: [], style: color ? { color } : {} };
    }
    case 'bg': {
      const color = safeColor(args.color);
      return { classes: [], style: color ? { 'background-color': color } : {} };
    }
    case 'border':
      return border(args);
    default:
      return null;
  }
}
