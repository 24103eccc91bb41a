/**
 * The HTTP API in front of the api function. The Step Functions protocol sends every operation
 * as `POST /` with the operation in the `X-Amz-Target` header, so one route is the whole API.
 */

export const API_ROUTE = 'POST /';

/**
 * IAM authorization: callers sign with SigV4 and need `execute-api:Invoke` on the route. API
 * Gateway checks the signature's credential scope, which must name this service: clients that
 * sign as `states` (the Step Functions default) must be told to sign as `execute-api` instead
 * (see infra/README.md).
 */
export const API_AUTH = { iam: true } as const;

export const SIGNING_SERVICE = 'execute-api';
