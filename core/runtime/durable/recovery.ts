import { ROOT_BRANCH } from '../records.ts';
import type { StateMachineStore } from '../../ports.ts';
import type { RuntimeDeps } from './deps.ts';
import { startMessage } from './engine.ts';
import { repeatCommittedStep } from './worker.ts';

/**
 * After a restart: finish whatever a dead process left half done. A root branch never stepped
 * gets its Start again; every other branch's last outbox is sent again. All of it is idempotent,
 * so running this on a healthy execution changes nothing.
 */
export async function recoverExecution(executionArn: string, deps: RuntimeDeps): Promise<void> {
  const execution = await deps.store.getExecution(executionArn);
  if (!execution || execution.status !== 'RUNNING') return;
  for (const branch of await deps.store.listBranches(executionArn)) {
    if (branch.branchId === ROOT_BRANCH && branch.version === 0) {
      await deps.queue.send([{ message: startMessage(execution) }]);
    } else {
      // This also records the end of a root whose last step ended the execution before a crash.
      await repeatCommittedStep(execution, branch, execution.startDate, deps);
    }
  }
}

/** Recovers every running execution of every state machine. */
export async function recoverAll(stateMachines: StateMachineStore, deps: RuntimeDeps): Promise<number> {
  let recovered = 0;
  let machinesToken: string | undefined;
  do {
    const machines = await stateMachines.listStateMachines({ limit: 100, ...(machinesToken ? { nextToken: machinesToken } : {}) });
    for (const machine of machines.items) {
      let token: string | undefined;
      do {
        const running = await deps.store.listExecutions(machine.stateMachineArn, { status: 'RUNNING' }, { limit: 100, ...(token ? { nextToken: token } : {}) });
        for (const execution of running.items) {
          await recoverExecution(execution.executionArn, deps);
          recovered++;
        }
        token = running.nextToken;
      } while (token);
    }
    machinesToken = machines.nextToken;
  } while (machinesToken);
  return recovered;
}
