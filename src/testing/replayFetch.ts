// Test helper: a fetch that replays a recorded REST fixture and remembers what it was sent.

export interface RecordedExchange {
  status: number;
  headers: Record<string, string>;
  response: unknown;
  rawBody?: string;
}

export interface SentRequest {
  url: string;
  init: RequestInit;
  body: Record<string, unknown> | null;
}

export function replayFetch(exchange: RecordedExchange): { fetch: typeof fetch; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const fake = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : null;
    sent.push({ url: String(input), init, body });
    if (init.signal?.aborted) throw init.signal.reason;
    const text = exchange.rawBody ?? JSON.stringify(exchange.response);
    const noBody = exchange.status === 204 || text === '';
    return new Response(noBody ? null : text, { status: exchange.status, headers: exchange.headers });
  };
  return { fetch: fake as typeof fetch, sent };
}

// A fetch that answers each endpoint (`/api/<endpoint>`) with its own recording; 404 otherwise.
export function replayEndpoints(exchanges: Record<string, RecordedExchange>): { fetch: typeof fetch; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const fake = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const endpoint = new URL(String(input)).pathname.replace(/^\/api\//, '');
    const exchange = exchanges[endpoint];
    const { fetch: one, sent: got } = replayFetch(
      exchange ?? { status: 404, headers: {}, response: { message: 'Not Found', error: 'Not Found', statusCode: 404 } },
    );
    const res = await one(input, init);
    sent.push(...got);
    return res;
  };
  return { fetch: fake as typeof fetch, sent };
}
