// One short message per note (an action that failed, a link copied), shown in that note's footer.
import { reactive } from 'vue';

export interface NoteMessage {
  text: string;
  tone: 'error' | 'info';
}

const messages = reactive(new Map<string, NoteMessage>());

export function useNoteMessages() {
  return {
    get: (noteId: string): NoteMessage | undefined => messages.get(noteId),
    show: (noteId: string, text: string, tone: NoteMessage['tone'] = 'error'): void => {
      messages.set(noteId, { text, tone });
    },
    clear: (noteId: string): void => {
      messages.delete(noteId);
    },
  };
}
