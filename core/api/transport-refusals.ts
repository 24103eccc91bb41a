/**
 * What a transport answers before the API sees a request: another path, another method, a body
 * over the cap. `stepwise serve` and the api function give the same answers, in the JSON 1.0
 * error shape.
 */
export interface TransportRefusal {
  readonly status: number;
  readonly body: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
}

export function noOperationAt(path: string): TransportRefusal {
  return { status: 404, body: { __type: 'com.amazon.coral.service#UnknownOperationException', message: `No operation is served at '${path}'` }, headers: {} };
}

export const ONLY_POST: TransportRefusal = {
  status: 405,
  body: { __type: 'com.amazon.coral.service#UnknownOperationException', message: 'Only POST is supported' },
  headers: { allow: 'POST' },
};

export function bodyTooLarge(maxBodyBytes: number): TransportRefusal {
  return { status: 413, body: { __type: 'com.amazon.coral.service#RequestEntityTooLargeException', message: `Request body is larger than ${maxBodyBytes} bytes` }, headers: {} };
}
