// A page's answer that stays a string until the socket (ADR 0013, "Shared document path").
//
// @hono/node-server's Response keeps a string body as it is and writes it in one call (`responseViaCache`), and
// the compression middleware compresses it in one call (`knownBody`), as long as nobody reads the answer's
// `body` or `statusText`: either builds the platform's full Response (the string converted and encoded into a
// web stream, ~7 % of a small page's CPU) and the server then reads that stream back chunk by chunk (~9 %),
// and compression takes its streaming path. React Router reads both on every document, only to check that the
// entry module answered a Response (`isResponse` in `query`). The page's answer therefore says its own
// `statusText` (none is ever set: '') and gives a `body` stream of the same bytes built on first read, without
// touching the kept string; every other reader (methods like `text()`, a server that writes the kept string)
// sees the same content. When the global Response is the platform's own (no @hono/node-server in the process,
// e.g. `app.request` in tests) the answer is left as it is.
import { knownBody } from './compression.server.ts';

const encoder = new TextEncoder();

export function documentResponse(html: string, init: ResponseInit): Response {
  const res = new Response(html, init);
  if (typeof knownBody(res) !== 'string') return res;
  let stream: ReadableStream<Uint8Array> | undefined;
  Object.defineProperties(res, {
    statusText: { value: init.statusText ?? '', configurable: true },
    body: {
      configurable: true,
      get() {
        // Encoded only if someone reads it (React Router only looks at it).
        stream ??= new ReadableStream<Uint8Array>(
          {
            pull(controller) {
              controller.enqueue(encoder.encode(html));
              controller.close();
            },
          },
          { highWaterMark: 0 },
        );
        return stream;
      },
    },
  });
  return res;
}
