/**
 * What a function builds once per execution environment and reuses across invocations. A
 * failed build (SSM unreachable, say) is not kept: the next invocation tries again, instead of
 * the environment failing every request until Lambda recycles it.
 */
export function coldStart<T>(build: () => Promise<T>): () => Promise<T> {
  let built: Promise<T> | undefined;
  return () => {
    built ??= build().catch((error: unknown) => {
      built = undefined;
      throw error;
    });
    return built;
  };
}
