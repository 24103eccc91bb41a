/**
 * The `stepwise` command line: picks the command and maps failures to exit codes
 * (0 ok, 1 the execution failed or the definition is invalid, 2 usage error or could not run).
 * Commands load lazily so `--help` and `validate` work without loading the runtime.
 */
import { UsageError } from './args.ts';
import type { CliIo } from './io.ts';
import { processIo } from './io.ts';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Readonly<Record<string, { load: () => Promise<Command>; usage: string }>> = {
  run: {
    load: async () => (await import('./run.ts')).runCommand,
    usage: `stepwise run <definition.json> [--input JSON|@file] [--tasks handlers.(js|ts)] [--json]
  Run a state machine in this process on a virtual clock (Waits take no real time).
    --input JSON|@file        execution input, inline or from a file (default {})
    --tasks handlers.(js|ts)  module exporting Task handlers keyed by state name or resource ARN
    --json                    print one JSON object {status, output?, error?, cause?, history}`,
  },
  validate: {
    load: async () => (await import('./validate.ts')).validateCommand,
    usage: `stepwise validate <definition.json>
  Print the definition's diagnostics; exit 1 when any is an ERROR.`,
  },
  serve: {
    load: async () => (await import('./serve.ts')).serveCommand,
    usage: `stepwise serve [--port 8083] [--data DIR | --memory] [--tasks handlers.(js|ts)] [--mock-config FILE] [--aws-endpoint URL] [--create DIR]
  Serve the Step Functions API on 127.0.0.1 for the AWS CLI and SDKs, durable on DynamoDB Local.
    --port N                  port to listen on (default 8083; 0 picks a free one)
    --data DIR                where executions are kept (default ./.stepwise); they survive restarts
    --memory                  keep everything in memory instead (no Java needed, lost on exit)
    --tasks handlers.(js|ts)  module exporting Task handlers keyed by state name or resource ARN
    --mock-config FILE        Step Functions Local mock configuration (or SFN_MOCK_CONFIG); start
                              executions with stateMachineArn#TestCase to use its mocked responses
    --aws-endpoint URL        call AWS service integrations (Lambda, SQS, SNS, DynamoDB, EventBridge,
                              aws-sdk:*) at this endpoint, e.g. moto or LocalStack, for Tasks no
                              handler serves
    --create DIR              create a state machine from every *.asl.json in DIR`,
  },
  conformance: {
    load: async () => (await import('./conformance.ts')).conformanceCommand,
    usage: `stepwise conformance <cases-dir> [--filter TEXT] [--results FILE] [--timeout SECONDS] [--jobs N]
  Run the AWS-recorded conformance cases (*.json in <cases-dir>) and report pass rates.
    --filter TEXT             only cases whose name contains TEXT
    --results FILE            write each case's status, output, error, cause and history as JSON
    --timeout SECONDS         wall-clock limit per case (default 10)
    --jobs N                  worker threads (default: CPU count, at most 4)`,
  },
};

export const USAGE = `Usage: stepwise <command> [options]

${Object.values(COMMANDS).map((c) => c.usage).join('\n\n')}

Exit codes: 0 success; 1 execution did not succeed / definition invalid; 2 usage error or could not run.`;

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return 0;
  }
  const command = name === undefined || !Object.hasOwn(COMMANDS, name) ? undefined : COMMANDS[name];
  if (command === undefined) {
    if (name !== undefined) io.err(`stepwise: unknown command '${name}'\n`);
    io.err(USAGE);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: ${command.usage}`);
    return 0;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`stepwise ${name}: ${err.message}\n\nUsage: ${command.usage}`);
    } else {
      io.err(`stepwise ${name}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
    return 2;
  }
}
