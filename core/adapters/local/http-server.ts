import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleRequest } from '../../api/handle-request.ts';
import type { ApiContext } from '../../api/context.ts';
import { CONTENT_TYPE } from '../../api/response.ts';
import { bodyTooLarge, noOperationAt, ONLY_POST, type TransportRefusal } from '../../api/transport-refusals.ts';

/**
 * The Step Functions API on a local port (`stepwise serve`): `POST /` with the JSON 1.0
 * protocol, answered by `handleRequest`, so the AWS CLI and SDKs work against it with
 * `--endpoint-url`. It never crashes on a bad request: whatever goes wrong becomes a JSON error
 * answer, and failures that are not the caller's fault are logged to stderr.
 */
export interface HttpServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** Defaults to 127.0.0.1: the local API has no authentication, so it stays off the network. */
  readonly host?: string;
  readonly context: ApiContext;
  /** Defaults to `MAX_BODY_BYTES`. */
  readonly maxBodyBytes?: number;
}

export interface RunningHttpServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The largest request body read. A definition may be 1 MiB of UTF-8, and inside the JSON body
 * it is escaped (quotes, backslashes, newlines double; control characters take six bytes), so
 * the cap leaves room for any definition AWS would accept; the API's own member checks then
 * answer anything too large with AWS's ValidationException.
 */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const context: ApiContext = {
    ...options.context,
    onInternalError: options.context.onInternalError ?? ((error, operation) => logFailure(`${operation || 'request'} failed`, error)),
  };
  const server = createServer((request, response) => {
    serve(request, response, context, maxBodyBytes).catch((error: unknown) => {
      // A client that hung up mid-body is not a failure worth a log line.
      if (request.destroyed && request.errored) return void response.destroy();
      logFailure('request handling failed', error);
      if (!response.headersSent) sendJson(response, 500, { __type: 'com.amazon.coral.service#InternalFailure', message: 'Internal failure' });
      else response.destroy();
    });
  });
  // A client that goes away mid-request must not take the process with it.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function serve(request: IncomingMessage, response: ServerResponse, context: ApiContext, maxBodyBytes: number): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  if (path !== '/') {
    request.resume();
    sendRefusal(response, noOperationAt(path));
    return;
  }
  if (request.method !== 'POST') {
    request.resume();
    sendRefusal(response, ONLY_POST);
    return;
  }
  const body = await readBody(request, maxBodyBytes);
  if (body === undefined) {
    sendRefusal(response, bodyTooLarge(maxBodyBytes), { connection: 'close' });
    return;
  }
  const answer = await handleRequest(header(request, 'x-amz-target'), body, context);
  const payload = Buffer.from(answer.body, 'utf8');
  response.writeHead(answer.status, { ...answer.headers, 'content-length': String(payload.length) });
  response.end(payload);
}

/** The body as text, or undefined once it passes the cap (the rest is drained, not buffered). */
function readBody(request: IncomingMessage, maxBodyBytes: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > maxBodyBytes) {
        tooLarge = true;
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!tooLarge) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sendRefusal(response: ServerResponse, refusal: TransportRefusal, extra: Record<string, string> = {}): void {
  sendJson(response, refusal.status, refusal.body, { ...refusal.headers, ...extra });
}

function sendJson(response: ServerResponse, status: number, body: Record<string, string>, extra: Record<string, string> = {}): void {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  response.writeHead(status, { 'content-type': CONTENT_TYPE, 'content-length': String(payload.length), ...extra });
  response.end(payload);
}

function logFailure(what: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`stepwise: ${what}: ${detail}\n`);
}
