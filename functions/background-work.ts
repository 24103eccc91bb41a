/**
 * Work the runtime starts beside a request or message (task invocations, Express executions).
 * Lambda freezes the process as soon as the handler returns, so anything still running then
 * would stall until some later invocation, or never finish: handlers settle it first.
 */
export class BackgroundWork {
  private readonly pending = new Set<Promise<void>>();
  private readonly failures: unknown[] = [];

  /** For `RuntimeDeps.track`. A failure is kept for `settle()`, never left unhandled. */
  readonly track = (work: Promise<unknown>): void => {
    const settled = work.then(
      () => undefined,
      (error: unknown) => void this.failures.push(error),
    );
    this.pending.add(settled);
    void settled.finally(() => this.pending.delete(settled));
  };

  /**
   * Waits until nothing tracked is running, including work that tracked work started while
   * being waited for, and returns (and forgets) the failures since the last call.
   */
  async settle(): Promise<unknown[]> {
    while (this.pending.size > 0) await Promise.all(this.pending);
    return this.failures.splice(0);
  }
}
