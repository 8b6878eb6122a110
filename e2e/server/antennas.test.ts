import { describe, expect, it } from 'vitest';
import { api, expectSameShape, fixture, standInForTests, TestSocket } from './testing.ts';

const { server, token, userId } = standInForTests();

type Antenna = { id: string; name: string; notify: boolean };
type NoteLike = { id: string; text: string | null };
const errorOf = (body: unknown) => (body as { error: { code: string; id: string } }).error;

// The recorded scenario's antenna: ("probe" AND "word") OR "other", never "nope".
const PROBE = {
  name: 'Probe antenna',
  src: 'all',
  keywords: [['probe', 'word'], ['other']],
  excludeKeywords: [['nope']],
  users: [],
  caseSensitive: false,
  withReplies: false,
  withFile: false,
  notify: true,
  localOnly: false,
  excludeBots: false,
};

async function create(params: Record<string, unknown> = {}): Promise<Antenna> {
  const res = await api(server, 'antennas/create', { ...PROBE, ...params }, token('alice'));
  expect(res.status).toBe(200);
  return res.body as Antenna;
}

const post = async (as: string, params: Record<string, unknown>) =>
  ((await api(server, 'notes/create', params, token(as))).body as { createdNote: NoteLike }).createdNote;

const caught = async (antennaId: string) =>
  ((await api(server, 'antennas/notes', { antennaId, limit: 20 }, token('alice'))).body as NoteLike[]).map((n) => n.text);

describe('antennas', () => {
  it('creates, lists, shows and updates with the recorded shapes; notify is always false', async () => {
    const created = await api(server, 'antennas/create', PROBE, token('alice'));
    expectSameShape(created.body, fixture('rest-antennas-create.json').response);
    const antenna = created.body as Antenna;
    expect(antenna.notify).toBe(false);
    expectSameShape(
      ((await api(server, 'antennas/list', {}, token('alice'))).body as unknown[])[0],
      fixture('rest-antennas-list.json').response[0],
    );
    expectSameShape(
      (await api(server, 'antennas/show', { antennaId: antenna.id }, token('alice'))).body,
      fixture('rest-antennas-show.json').response,
    );
    const renamed = await api(server, 'antennas/update', { antennaId: antenna.id, name: 'Renamed' }, token('alice'));
    expect(renamed.body).toMatchObject({ name: 'Renamed', keywords: PROBE.keywords });
    const deleted = await api(server, 'antennas/delete', { antennaId: antenna.id }, token('alice'));
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    const gone = await api(server, 'antennas/show', { antennaId: antenna.id }, token('alice'));
    expect(errorOf(gone.body)).toMatchObject({ code: 'NO_SUCH_ANTENNA', id: 'c06569fb-b025-4f23-b22d-1fcd20d2816b' });
  });

  it('matches OR-ed lines of AND-ed words, case-insensitively, minus the exclude keywords', async () => {
    const antenna = await create();
    await post('bob', { text: 'This probe note has the word in it' });
    await post('bob', { text: 'Only a probe here' });
    await post('bob', { text: 'other thing, but nope' });
    await post('bob', { text: 'Some OTHER topic' });
    await post('bob', { text: 'other words', visibility: 'specified', visibleUserIds: [userId('carol')] });
    expect(await caught(antenna.id)).toEqual(['Some OTHER topic', 'This probe note has the word in it']);
  });

  it('honours case, sources, replies and files', async () => {
    const cased = await create({ keywords: [['Probe']], excludeKeywords: [], caseSensitive: true });
    const fromCarol = await create({ keywords: [['probe']], excludeKeywords: [], src: 'users', users: ['@carol'] });
    const withReplies = await create({ keywords: [['probe']], excludeKeywords: [], withReplies: true });
    const withFile = await create({ keywords: [['probe']], excludeKeywords: [], withFile: true });
    const note = await post('bob', { text: 'a probe in lower case' });
    await post('carol', { text: 'Probe from carol' });
    await post('carol', { text: 'a probe reply', replyId: note.id });
    expect(await caught(cased.id)).toEqual(['Probe from carol']);
    expect(await caught(fromCarol.id)).toEqual(['Probe from carol']);
    expect(await caught(withReplies.id)).toEqual(['a probe reply', 'Probe from carol', 'a probe in lower case']);
    expect(await caught(withFile.id)).toEqual([]);
  });

  it('refuses empty keywords, a list that is not yours, and more antennas than the role allows', async () => {
    const empty = await api(server, 'antennas/create', { ...PROBE, keywords: [['']], excludeKeywords: [] }, token('alice'));
    expect(errorOf(empty.body)).toMatchObject({ code: 'EMPTY_KEYWORD', id: '53ee222e-1ddd-4f9a-92e5-9fb82ddb463a' });
    const bobsList = (await api(server, 'users/lists/create', { name: 'b' }, token('bob'))).body as { id: string };
    const notMine = await api(server, 'antennas/create', { ...PROBE, src: 'list', userListId: bobsList.id }, token('alice'));
    expect(errorOf(notMine.body).code).toBe('NO_SUCH_USER_LIST');
    const missing = await api(server, 'antennas/create', { name: 'x' }, token('alice'));
    expect(errorOf(missing.body).code).toBe('INVALID_PARAM');
    const first = await create();
    const notes = await api(server, 'antennas/notes', { antennaId: first.id }, token('bob'));
    expect(errorOf(notes.body)).toMatchObject({ code: 'NO_SUCH_ANTENNA', id: '850926e0-fd3b-49b6-b69a-b28a5dbd82fe' });
    // The server compares the count with `>`: the limit (5) plus one fit.
    for (let i = 0; i < 5; i++) await create();
    const tooMany = await api(server, 'antennas/create', PROBE, token('alice'));
    expect(errorOf(tooMany.body)).toMatchObject({ code: 'TOO_MANY_ANTENNAS', id: 'faf47050-e8b5-438c-913c-db2b1576fde4' });
  });

  it("streams what the antenna catches on the `antenna` channel, packed for its owner (stream-antenna.json's shape)", async () => {
    const antenna = await create();
    const socket = await TestSocket.open(server, token('alice'));
    socket.connect('antenna', 'antenna-1', { antennaId: antenna.id });
    await socket.sync();
    await post('bob', { text: 'Nothing relevant in this one' });
    await post('bob', { text: 'Another probe, with the word again' });
    const frame = await socket.channelEvent('antenna-1', 'note');
    expect(frame.body.body.text).toBe('Another probe, with the word again');
    expectSameShape(frame.body.body, fixture('stream-antenna.json')[1].frame.body.body);
    expect(socket.frames.filter((f) => f.type === 'channel' && f.body.id === 'antenna-1')).toHaveLength(1);
    // Someone else's antenna: the connect is a no-op.
    socket.connect('antenna', 'theirs', { antennaId: antenna.id });
    socket.close();
    const bob = await TestSocket.open(server, token('bob'));
    bob.connect('antenna', 'theirs', { antennaId: antenna.id });
    await bob.sync();
    await post('carol', { text: 'probe word from carol' });
    expect((await bob.sync()).filter((f) => f.type === 'channel')).toEqual([]);
    bob.close();
  });
});
