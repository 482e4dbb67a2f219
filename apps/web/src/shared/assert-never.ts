/** For exhaustive switches: a new case in a union makes the call site a type error. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}
