import { describe, expect, it } from 'vitest';
import { api, control, standInForTests, TestSocket } from './testing.ts';
import { encodePng } from './png.ts';

const { server, token } = standInForTests();

type DriveFile = { id: string; name: string; folderId: string | null; isSensitive: boolean; size: number };
type Folder = { id: string; name: string; parentId: string | null; filesCount?: number; foldersCount?: number };
const errorOf = (body: unknown) => (body as { error: { code: string; id: string } }).error;

async function upload(user: string, name: string, fields: Record<string, string> = {}, type = 'image/png'): Promise<Response> {
  const form = new FormData();
  form.append('i', token(user));
  const data = type === 'image/png' ? encodePng(4, 3, 3, () => [10, 20, 30]) : Buffer.from('hello');
  form.append('file', new Blob([new Uint8Array(data)], { type }), name);
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return fetch(`${server.url}/api/drive/files/create`, { method: 'POST', body: form });
}

const call = async <T>(endpoint: string, params: Record<string, unknown>, user = 'alice') =>
  (await api(server, endpoint, params, token(user))).body as T;

describe('drive', () => {
  it('uploads into folders, lists per folder newest first, and reports usage against capacity', async () => {
    const before = await call<{ capacity: number; usage: number }>('drive', {});
    expect(before.capacity).toBe(100 * 1024 * 1024);
    const folder = await call<Folder>('drive/folders/create', { name: 'Trips' });
    expect(Object.keys(folder).sort()).toEqual(['createdAt', 'id', 'name', 'parentId']);
    const first = (await (await upload('alice', 'one.png', { folderId: folder.id })).json()) as DriveFile;
    const second = (await (await upload('alice', 'two.png', { folderId: folder.id })).json()) as DriveFile;
    expect(first.folderId).toBe(folder.id);
    const inFolder = await call<DriveFile[]>('drive/files', { folderId: folder.id, limit: 10 });
    expect(inFolder.map((f) => f.name)).toEqual(['two.png', 'one.png']);
    const older = await call<DriveFile[]>('drive/files', { folderId: folder.id, untilId: second.id });
    expect(older.map((f) => f.id)).toEqual([first.id]);
    const root = await call<DriveFile[]>('drive/files', { limit: 100 });
    expect(root.some((f) => f.id === first.id)).toBe(false);
    const after = await call<{ usage: number }>('drive', {});
    expect(after.usage).toBe(before.usage + first.size + second.size);

    const roots = await call<Folder[]>('drive/folders', {});
    expect(roots.map((f) => f.name)).toEqual(['Trips', 'Photos']);
    const shown = await call<Folder>('drive/folders/show', { folderId: folder.id });
    expect(shown).toMatchObject({ filesCount: 2, foldersCount: 0 });
    // Only images by type.
    const text = (await (await upload('alice', 'note.txt', { folderId: folder.id }, 'text/plain')).json()) as DriveFile;
    const images = await call<DriveFile[]>('drive/files', { folderId: folder.id, type: 'image/*' });
    expect(images.map((f) => f.id)).not.toContain(text.id);
  });

  it('renames, moves and marks sensitive in one update; show packs the owner and the folder', async () => {
    const file = (await (await upload('alice', 'raw.png')).json()) as DriveFile;
    const folder = await call<Folder>('drive/folders/create', { name: 'Sorted' });
    const updated = await call<Record<string, unknown>>('drive/files/update', {
      fileId: file.id,
      name: 'sorted.png',
      folderId: folder.id,
      isSensitive: true,
    });
    expect(updated).toMatchObject({ name: 'sorted.png', folderId: folder.id, isSensitive: true, folder: null, userId: null });
    const shown = await call<{ user: { username: string }; folder: Folder }>('drive/files/show', { fileId: file.id });
    expect(shown.user.username).toBe('alice');
    expect(shown.folder).toMatchObject({ id: folder.id, filesCount: 1, foldersCount: 0 });
    const backToRoot = await call<DriveFile>('drive/files/update', { fileId: file.id, folderId: null });
    expect(backToRoot.folderId).toBeNull();
  });

  it("answers with Misskey's errors", async () => {
    const file = (await (await upload('alice', 'mine.png')).json()) as DriveFile;
    const bobs = await api(server, 'drive/files/update', { fileId: file.id, name: 'x.png' }, token('bob'));
    expect(errorOf(bobs.body)).toMatchObject({ code: 'ACCESS_DENIED', id: '01a53b27-82fc-445b-a0c1-b558465a8ed2' });
    const badName = await api(server, 'drive/files/update', { fileId: file.id, name: 'a/b' }, token('alice'));
    expect(errorOf(badName.body)).toMatchObject({ code: 'INVALID_FILE_NAME', id: '395e7156-f9f0-475e-af89-53c3c23080c2' });
    const bobFolder = await call<Folder>('drive/folders/create', { name: 'bob only' }, 'bob');
    const intoBobs = await api(server, 'drive/files/update', { fileId: file.id, folderId: bobFolder.id }, token('alice'));
    expect(errorOf(intoBobs.body)).toMatchObject({ code: 'NO_SUCH_FOLDER', id: 'ea8fb7a5-af77-4a08-b608-c0218176cd73' });

    const deleted = await api(server, 'drive/files/delete', { fileId: file.id }, token('alice'));
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    const again = await api(server, 'drive/files/delete', { fileId: file.id }, token('alice'));
    expect(again.status).toBe(400);
    expect(errorOf(again.body)).toMatchObject({ code: 'NO_SUCH_FILE', id: '908939ec-e52b-4458-b395-1025195cea58' });
    expect(errorOf((await api(server, 'drive/files/show', { fileId: file.id }, token('alice'))).body).id).toBe(
      '067bc436-2718-4795-b0fb-ecbe43949e31',
    );

    const parent = await call<Folder>('drive/folders/create', { name: 'Parent' });
    const child = await call<Folder>('drive/folders/create', { name: 'Child', parentId: parent.id });
    const full = await api(server, 'drive/folders/delete', { folderId: parent.id }, token('alice'));
    expect(errorOf(full.body)).toMatchObject({ code: 'HAS_CHILD_FILES_OR_FOLDERS', id: 'b0fc8a17-963c-405d-bfbc-859a487295e1' });
    const loop = await api(server, 'drive/folders/update', { folderId: parent.id, parentId: child.id }, token('alice'));
    expect(errorOf(loop.body).code).toBe('RECURSIVE_NESTING');
    const renamed = await call<Folder>('drive/folders/update', { folderId: child.id, name: 'Kid' });
    expect(renamed).toEqual({ id: child.id, createdAt: expect.any(String), name: 'Kid', parentId: parent.id });
    const shown = await call<Folder & { parent: Folder }>('drive/folders/show', { folderId: child.id });
    expect(shown.parent).toMatchObject({ id: parent.id, name: 'Parent', foldersCount: 1 });
    expect((await api(server, 'drive/folders/delete', { folderId: child.id }, token('alice'))).status).toBe(204);
    const gone = await api(server, 'drive/folders/show', { folderId: child.id }, token('alice'));
    expect(errorOf(gone.body)).toMatchObject({ code: 'NO_SUCH_FOLDER', id: 'd74ab9eb-bb09-4bba-bf24-fb58f761e1e9' });
    const nowhere = await api(server, 'drive/folders/create', { name: 'x', parentId: child.id }, token('alice'));
    expect(errorOf(nowhere.body).id).toBe('53326628-a00d-40a6-a3cd-8975105c0f95');
  });

  it("refuses an upload past the role's capacity with NO_FREE_SPACE, and keeps 2026 policies out of 2024.10", async () => {
    await control(server, 'policies', { user: 'alice', policies: { driveCapacityMb: 0, chatAvailability: 'none' } });
    expect((await call<{ capacity: number }>('drive', {})).capacity).toBe(0);
    const res = await upload('alice', 'full.png');
    expect(res.status).toBe(400);
    expect(errorOf(await res.json())).toMatchObject({ code: 'NO_FREE_SPACE', id: 'd08dbc37-a6a9-463a-8c47-96c32ab5f064' });
    expect((await call<DriveFile[]>('drive/files', { limit: 100 })).some((f) => f.name === 'full.png')).toBe(false);
    const me = await call<{ policies: Record<string, unknown> }>('i', {});
    expect(me.policies.driveCapacityMb).toBe(0);
    expect('chatAvailability' in me.policies).toBe(false);
  });

  it('tells the drive channel about files and folders', async () => {
    const socket = await TestSocket.open(server, token('alice'));
    socket.connect('drive', 'd');
    await socket.sync();
    const file = (await (await upload('alice', 'live.png')).json()) as DriveFile;
    expect((await socket.channelEvent('d', 'fileCreated')).body.body.id).toBe(file.id);
    await call('drive/files/update', { fileId: file.id, name: 'renamed.png' });
    expect((await socket.channelEvent('d', 'fileUpdated')).body.body.name).toBe('renamed.png');
    await call('drive/files/delete', { fileId: file.id });
    expect((await socket.channelEvent('d', 'fileDeleted')).body.body).toBe(file.id);
    const folder = await call<Folder>('drive/folders/create', { name: 'Live' });
    expect((await socket.channelEvent('d', 'folderCreated')).body.body.id).toBe(folder.id);
    socket.close();
  });
});
