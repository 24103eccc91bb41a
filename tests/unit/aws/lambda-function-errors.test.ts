/** A failed Lambda function's payload → the Task's error and cause. Pure. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lambdaFunctionError } from '../../../core/adapters/aws/tasks/lambda-function-errors.ts';
import { loadRecordedCase } from '../../fixtures/aws/recorded-match.ts';

describe('lambdaFunctionError', () => {
  it('error = errorType, cause = the payload (error_handling__raise_custom_exception-2)', () => {
    const call = loadRecordedCase('error_handling__raise_custom_exception-2').tasks[0]![1][0]!;
    assert.deepEqual(lambdaFunctionError(call.cause!), { error: call.error, cause: call.cause });
    assert.equal(call.error, 'CustomException');
  });

  it("re-serialises the Python runtime's spaced JSON compactly, keeping key order", () => {
    const payload = '{"errorMessage": "Some exception was raised.", "errorType": "Exception", "requestId": "r", "stackTrace": []}';
    assert.deepEqual(lambdaFunctionError(payload), {
      error: 'Exception',
      cause: '{"errorMessage":"Some exception was raised.","errorType":"Exception","requestId":"r","stackTrace":[]}',
    });
  });

  it('no errorType is Lambda.Unknown, with the payload quoted in the cause', () => {
    const payload = '{"errorMessage":"2024-11-26T00:36:39.604Z 5b1c Task timed out after 600.15 seconds"}';
    assert.deepEqual(lambdaFunctionError(payload), {
      error: 'Lambda.Unknown',
      cause: `The cause could not be determined because Lambda did not return an error type. Returned payload: ${payload}`,
    });
  });

  it('a payload that is not an object, or not JSON, is Lambda.Unknown too', () => {
    assert.equal(lambdaFunctionError('"just a string"').error, 'Lambda.Unknown');
    assert.equal(lambdaFunctionError('Process exited before completing request').error, 'Lambda.Unknown');
    assert.equal(lambdaFunctionError('{"errorType":""}').error, 'Lambda.Unknown');
  });
});
