import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveCommand } from '../../../core/cli/serve.ts';
import { UsageError } from '../../../core/cli/args.ts';
import { captureIo } from './capture.ts';

test('serve refuses an --aws-endpoint that is not a URL before starting anything', async () => {
  await assert.rejects(serveCommand(['--memory', '--aws-endpoint', 'localhost 4566'], captureIo()), (error: unknown) => {
    assert.ok(error instanceof UsageError);
    assert.match(error.message, /--aws-endpoint must be a URL, not localhost 4566/);
    return true;
  });
});
