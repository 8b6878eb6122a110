import type * as Misskey from 'misskey-js';
import type { useStreamStore } from '@/stream/store';
import { isNote } from './noteShape';
import type { TimelineChannel } from './timelineSource';

type Note = Misskey.entities.Note;

interface NoteChannel {
  on(event: 'note', fn: (note: Note) => void): unknown;
  dispose(): void;
}

// One typed connect per timeline channel (misskey-js types each channel's params on its own).
export function openChannel(
  stream: ReturnType<typeof useStreamStore>,
  ch: TimelineChannel,
  onNote: (note: Note) => void,
): { dispose(): void } {
  const listen = (handle: NoteChannel) => {
    // The wire is not trusted: a body that is not a note is dropped here.
    handle.on('note', (note: unknown) => {
      if (isNote(note)) onNote(note);
    });
    return handle;
  };
  switch (ch.channel) {
    case 'homeTimeline':
      return listen(stream.connect('homeTimeline', ch.params));
    case 'localTimeline':
      return listen(stream.connect('localTimeline', ch.params));
    case 'hybridTimeline':
      return listen(stream.connect('hybridTimeline', ch.params));
    case 'globalTimeline':
      return listen(stream.connect('globalTimeline', ch.params));
    case 'hashtag':
      return listen(stream.connect('hashtag', ch.params));
    case 'userList':
      return listen(stream.connect('userList', ch.params));
    case 'antenna':
      return listen(stream.connect('antenna', ch.params));
    case 'channel':
      return listen(stream.connect('channel', ch.params));
  }
}
