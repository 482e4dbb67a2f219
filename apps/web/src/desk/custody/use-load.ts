/** A small loader for the custody views: loading, ready with a value, or failed; `reload` fetches again. */
import { useEffect, useState } from 'preact/hooks';
import { deskFailure } from '../desk-state.ts';

export type Load<T> = { readonly status: 'loading' } | { readonly status: 'ready'; readonly value: T } | { readonly status: 'failed'; readonly error: unknown };

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): { readonly state: Load<T>; readonly reload: () => Promise<void> } {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  async function reload(): Promise<void> {
    try {
      setState({ status: 'ready', value: await load() });
    } catch (error) {
      setState({ status: 'failed', error: deskFailure(error) });
    }
  }
  useEffect(() => {
    setState({ status: 'loading' });
    void reload();
  }, deps);
  return { state, reload };
}

/** Runs an action with a busy flag and keeps its failure to show; returns whether it succeeded. */
export function useAction(): { readonly busy: boolean; readonly failure: unknown; readonly run: (action: () => Promise<void>) => Promise<boolean> } {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  async function run(action: () => Promise<void>): Promise<boolean> {
    setBusy(true);
    setFailure(null);
    try {
      await action();
      return true;
    } catch (error) {
      setFailure(deskFailure(error));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, failure, run };
}
