/** The Step Functions API: an HTTP API with IAM authorization in front of the api function. */
import type { EngineResources } from './function.ts';
import { stepwiseFunction } from './function.ts';
import { API_AUTH, API_ROUTE } from './spec/api.ts';

export interface Api {
  readonly fn: sst.aws.Function;
  readonly api: sst.aws.ApiGatewayV2;
}

export function createApi(resources: EngineResources): Api {
  const fn = stepwiseFunction('ApiFunction', 'api', resources);
  // CORS stays off: browsers cannot sign SigV4 requests without credentials in page code anyway.
  const api = new sst.aws.ApiGatewayV2('Api', { cors: false });
  api.route(API_ROUTE, fn.arn, { auth: API_AUTH });
  return { fn, api };
}
