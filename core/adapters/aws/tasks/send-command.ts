/**
 * Sends one SDK command and keeps the HTTP response it came in: the optimized integrations
 * return the response headers as AWS does (`SdkHttpMetadata`), with the server's own spelling.
 */
import { callFailureOf, type CallFailure } from './call-failure.ts';
import type { Constructor } from './sdk-modules.ts';

export interface HttpExchange {
  readonly statusCode: number;
  /** In the order received, spelled as the server spelled them. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
}

export type CommandResult =
  | { readonly ok: true; readonly output: Readonly<Record<string, unknown>>; readonly http?: HttpExchange; readonly requestId?: string }
  | { readonly ok: false; readonly failure: CallFailure };

interface Sendable {
  send(command: object): Promise<unknown>;
}

type Handler = (args: unknown) => Promise<{ readonly response: unknown }>;

interface WithMiddleware {
  readonly middlewareStack: {
    add(middleware: (next: Handler) => Handler, options: { readonly step: 'deserialize'; readonly name: string; readonly priority: 'low' }): void;
  };
}

export async function sendCommand(client: object, command: object, serviceException: Constructor | undefined): Promise<CommandResult> {
  let http: HttpExchange | undefined;
  // Low priority in the deserialize step runs inside the deserializer: it sees each raw response.
  (command as WithMiddleware).middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      http = exchangeOf(result.response) ?? http;
      return result;
    },
    { step: 'deserialize', name: 'stepwiseHttpExchange', priority: 'low' },
  );
  let output: unknown;
  try {
    output = await (client as Sendable).send(command);
  } catch (thrown) {
    return { ok: false, failure: callFailureOf(thrown, serviceException) };
  }
  const fields = typeof output === 'object' && output !== null ? (output as Record<string, unknown>) : {};
  const metadata = fields['$metadata'] as { readonly requestId?: unknown } | undefined;
  const requestId = typeof metadata?.requestId === 'string' ? metadata.requestId : undefined;
  return { ok: true, output: fields, ...(http === undefined ? {} : { http }), ...(requestId === undefined ? {} : { requestId }) };
}

function exchangeOf(response: unknown): HttpExchange | undefined {
  if (typeof response !== 'object' || response === null) return undefined;
  const { statusCode, headers, body } = response as { statusCode?: unknown; headers?: unknown; body?: unknown };
  if (typeof statusCode !== 'number') return undefined;
  // Node's IncomingMessage keeps the names as sent; the SDK's own header map is lower-cased.
  const raw = typeof body === 'object' && body !== null ? (body as { rawHeaders?: unknown }).rawHeaders : undefined;
  if (Array.isArray(raw) && raw.every((item) => typeof item === 'string')) {
    const pairs: Array<readonly [string, string]> = [];
    for (let index = 0; index + 1 < raw.length; index += 2) pairs.push([raw[index] as string, raw[index + 1] as string]);
    return { statusCode, headers: pairs };
  }
  const map = typeof headers === 'object' && headers !== null ? (headers as Record<string, unknown>) : {};
  return { statusCode, headers: Object.entries(map).filter((entry): entry is [string, string] => typeof entry[1] === 'string') };
}
