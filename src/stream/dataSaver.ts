import { ref, watch } from 'vue';

// Data saver (Settings): no live connection; timelines and notifications poll instead. Kept on
// this device, for every account.
const KEY = 'mkc:data-saver';

function load(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

export const dataSaver = ref(load());

watch(dataSaver, (on) => {
  try {
    if (on) localStorage.setItem(KEY, 'on');
    else localStorage.removeItem(KEY);
  } catch {
    // Storage refused: the choice holds until the page is closed.
  }
});
