export type Listener = (payload: unknown) => void;

export function callSafely<A>(fn: (arg: A) => void, arg: A): void {
  try {
    fn(arg);
  } catch (err) {
    // One broken listener must not starve the others of the frame.
    console.error('[stream] a listener threw', err);
  }
}
