import { describe, expect, it } from 'vitest';
import type * as Misskey from 'misskey-js';
import userTimeline from '@/testing/fixtures-2026/rest-chat-messages-user-timeline.json';
import roomTimeline from '@/testing/fixtures-2026/rest-chat-messages-room-timeline.json';
import shown from '@/testing/fixtures-2026/rest-chat-messages-show.json';
import streamUser from '@/testing/fixtures-2026/stream-chat-user.json';
import streamRoom from '@/testing/fixtures-2026/stream-chat-room.json';
import { applyReaction, chatReactionKey, countReactions, mergeItems, toItem, type ReactionEvent } from './chatModel';

const ALICE = 'au6axkkckc1k0008';
const BOB = 'au6axkoakc1k000b';
type Frame = { frame: { type: string; body: { id?: string; type?: string; body?: unknown } } };
const frames = (list: unknown) => (list as Frame[]).map((f) => f.frame);

describe('toItem', () => {
  it('reads the 1:1 lite pack, the room pack and the detailed pack alike', () => {
    const lite = toItem(userTimeline.response[0] as Misskey.entities.ChatMessageLiteFor1on1);
    expect(lite).toMatchObject({ id: 'au6balzuxmjk01nn', text: null, fromUserId: BOB, fromUser: null });
    expect(lite.file?.name).toBe('chat-probe.png');
    const room = toItem(roomTimeline.response[0] as Misskey.entities.ChatMessageLite);
    expect(room.fromUser?.username).toBeDefined();
    const detailed = toItem(shown.response as Misskey.entities.ChatMessage);
    expect(detailed.reactions).toEqual([
      { reaction: '👍', userId: ALICE },
      { reaction: ':blobcat:', userId: ALICE },
    ]);
  });

  it('gives a 1:1 reaction without user to the recipient', () => {
    const m = { ...userTimeline.response[2], reactions: [{ reaction: '❤' }] } as Misskey.entities.ChatMessageLiteFor1on1;
    expect(toItem(m).reactions).toEqual([{ reaction: '❤', userId: ALICE }]);
  });
});

describe('stream events', () => {
  it('apply the recorded 1:1 react/unreact frames to the right user', () => {
    const [, , message, , , reply, react1, react2, unreact1, unreactNever] = frames(streamUser);
    let list = mergeItems(
      [],
      [
        toItem(message!.body.body as Misskey.entities.ChatMessageLite),
        toItem(reply!.body.body as Misskey.entities.ChatMessageLite),
      ],
    );
    const me = { meId: ALICE, otherId: BOB };
    list = applyReaction(list, 'react', react1!.body.body as ReactionEvent, me);
    list = applyReaction(list, 'react', react2!.body.body as ReactionEvent, me);
    // Bob reacted to alice's reply; alice reacted to bob's message.
    expect(list.find((m) => m.fromUserId === ALICE)!.reactions).toEqual([{ reaction: '❤', userId: BOB }]);
    expect(list.find((m) => m.fromUserId === BOB)!.reactions).toEqual([{ reaction: ':blobcat:', userId: ALICE }]);
    list = applyReaction(list, 'unreact', unreact1!.body.body as ReactionEvent, me);
    list = applyReaction(list, 'unreact', unreactNever!.body.body as ReactionEvent, me);
    expect(list.find((m) => m.fromUserId === ALICE)!.reactions).toEqual([]);
    expect(countReactions(list.find((m) => m.fromUserId === BOB)!.reactions, ALICE)).toEqual([
      { reaction: ':blobcat:', count: 1, mine: true },
    ]);
  });

  it('take the user of a room reaction from the event', () => {
    const all = frames(streamRoom);
    const message = toItem(all[5]!.body.body as Misskey.entities.ChatMessageLite);
    const list = applyReaction([message], 'react', all[6]!.body.body as ReactionEvent, { meId: ALICE, otherId: null });
    expect(list[0]!.reactions).toEqual([{ reaction: '❤', userId: BOB }]);
  });
});

describe('helpers', () => {
  it('orders newest first and replaces known ids', () => {
    const a = toItem(userTimeline.response[3] as Misskey.entities.ChatMessageLiteFor1on1);
    const b = toItem(userTimeline.response[0] as Misskey.entities.ChatMessageLiteFor1on1);
    expect(mergeItems([a], [b, { ...a, text: 'changed' }]).map((m) => [m.id, m.text])).toEqual([
      [b.id, null],
      [a.id, 'changed'],
    ]);
  });

  it('stores a local custom emoji without @.', () => {
    expect(chatReactionKey(':blobcat@.:')).toBe(':blobcat:');
    expect(chatReactionKey('👍')).toBe('👍');
  });
});
