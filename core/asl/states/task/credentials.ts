import type { QueryLanguage } from '../../definition/types.ts';
import type { Json, JsonObject } from '../../json.ts';
import { compileJsonataField } from '../../jsonata/index.ts';
import { compileTemplate } from '../../payload/template.ts';
import { jsonataBindings } from '../../query/jsonata-bindings.ts';
import { then, type Maybe } from '../../query/maybe.ts';
import type { StateRun } from '../component.ts';

/** A Task's `Credentials`, evaluated for one attempt; undefined when the state has none. */
export type CompiledCredentials = (run: StateRun, effective: Json) => Maybe<JsonObject | undefined>;

/**
 * `Credentials` is a payload like `Parameters`/`Arguments`: in JSONPath, `RoleArn.$` takes a path,
 * a context path, a variable or an intrinsic function over the effective input; in JSONata,
 * `{% %}` expressions see `$states.input` and the variables. The role it names is what the
 * invoker assumes for the call.
 */
export function compileCredentials(credentials: JsonObject | undefined, language: QueryLanguage): CompiledCredentials {
  if (credentials === undefined) return () => undefined;
  if (language === 'JSONata') {
    const field = compileJsonataField(credentials, 'Credentials');
    return (run) => then(field.evaluate(jsonataBindings(run)), (value) => value as JsonObject);
  }
  const template = compileTemplate(credentials);
  return (run, effective) => template(run.evalScope(effective)) as JsonObject;
}
