// One Tabler icon module (what @tabler/icons-vue's index re-exports by name).
declare module '@tabler/icons-vue/dist/esm/icons/*.mjs' {
  import type { Icon } from '@tabler/icons-vue';
  const icon: Icon;
  export default icon;
}
