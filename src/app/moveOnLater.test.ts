import { describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { moveOnLater } from './moveOnLater';

const Blank = defineComponent({ render: () => null });

async function routerAt(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: ['/signin', '/home', '/local'].map((p) => ({ path: p, name: p.slice(1), component: Blank })),
  });
  await router.push(path);
  return router;
}

describe('moveOnLater', () => {
  it('moves on when the reader is still where the wait began', async () => {
    const router = await routerAt('/signin');
    const moveOn = moveOnLater(router);
    await moveOn({ name: 'home' });
    expect(router.currentRoute.value.path).toBe('/home');
  });

  it('leaves the reader where they went meanwhile', async () => {
    const router = await routerAt('/signin');
    const moveOn = moveOnLater(router);
    await router.push('/local');
    await moveOn({ name: 'home' });
    expect(router.currentRoute.value.path).toBe('/local');
  });
});
