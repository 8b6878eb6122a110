import { describe, expect, it } from 'vitest';
import { api, standInForTests } from './testing.ts';

// The seeded remote user (hana@mk.example.org): packed with host and instance, found by
// username and host only, on the global timeline but not the local one.
const { server, token } = standInForTests();

describe('a remote user', () => {
  it('is packed with her host and server, and found by username with that host only', async () => {
    const shown = (await api(server, 'users/show', { username: 'hana', host: 'mk.example.org' })).body as any;
    expect(shown).toMatchObject({ username: 'hana', host: 'mk.example.org', url: 'https://mk.example.org/@hana' });
    expect(shown.instance).toMatchObject({ name: 'Example Misskey', softwareName: 'misskey', themeColor: '#3a6fd8' });
    expect(shown.instance.faviconUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/instance-mk\.example\.org\.svg$/);
    expect((await fetch(shown.instance.faviconUrl)).status).toBe(200);
    expect((await api(server, 'users/show', { username: 'hana' })).status).toBe(400);
    const local = (await api(server, 'users/show', { username: 'alice' })).body as Record<string, unknown>;
    expect(local.host).toBeNull();
    expect('instance' in local).toBe(false);
  });

  it('posts to the global timeline, not the local one, with where the note lives', async () => {
    const remoteId = server.notes.remote!;
    const global = (await api(server, 'notes/global-timeline', { limit: 100 }, token('alice'))).body as any[];
    const note = global.find((n) => n.id === remoteId);
    expect(note).toMatchObject({ uri: `https://mk.example.org/notes/${remoteId}`, emojis: {} });
    expect(note.user.instance.name).toBe('Example Misskey');
    const local = (await api(server, 'notes/local-timeline', { limit: 100 }, token('alice'))).body as { id: string }[];
    expect(local.some((n) => n.id === remoteId)).toBe(false);
  });
});
