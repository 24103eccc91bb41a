/** SdkHttpMetadata / SdkResponseMetadata from a response's headers. Pure. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sdkHttpMetadata, withSdkMetadata } from '../../../core/adapters/aws/tasks/sdk-metadata.ts';

describe('sdkHttpMetadata', () => {
  it('lists every value per header, keeps the last in HttpHeaders, in case-insensitive order', () => {
    const metadata = sdkHttpMetadata({
      statusCode: 200,
      headers: [
        ['x-amzn-RequestId', 'r-1'],
        ['Server', 'one'],
        ['Content-Type', 'application/x-amz-json-1.0'],
        ['x-amz-crc32', '1'],
        ['server', 'two'],
        ['Connection', 'keep-alive'],
      ],
    });
    assert.deepEqual(metadata, {
      AllHttpHeaders: { 'x-amzn-RequestId': ['r-1'], Server: ['one', 'two'], 'Content-Type': ['application/x-amz-json-1.0'], 'x-amz-crc32': ['1'], Connection: ['keep-alive'] },
      HttpHeaders: { Connection: 'keep-alive', 'Content-Type': 'application/x-amz-json-1.0', Server: 'two', 'x-amz-crc32': '1', 'x-amzn-RequestId': 'r-1' },
      HttpStatusCode: 200,
    });
    assert.deepEqual(Object.keys(metadata['HttpHeaders'] as object), ['Connection', 'Content-Type', 'Server', 'x-amz-crc32', 'x-amzn-RequestId']);
  });
});

describe('withSdkMetadata', () => {
  it("adds both objects and orders keys as AWS does", () => {
    const merged = withSdkMetadata({ StatusCode: 200, Payload: {}, ExecutedVersion: '$LATEST' }, { statusCode: 200, headers: [] }, 'r-1');
    assert.deepEqual(Object.keys(merged), ['ExecutedVersion', 'Payload', 'SdkHttpMetadata', 'SdkResponseMetadata', 'StatusCode']);
    assert.deepEqual(merged['SdkResponseMetadata'], { RequestId: 'r-1' });
  });
});
