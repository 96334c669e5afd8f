// Saves still on their way for each piece, across editor instances: a piece closed with typing
// unsent is saved as it closes, and opening it again waits for that save, so the new editor
// starts from the revision that save makes rather than one it would then conflict with.
const pending = new Map<number, Promise<unknown>>();

/** Records a save of piece `id` until it settles. */
export function track(id: number, save: Promise<unknown>): void {
  const settled = save.catch(() => undefined);
  pending.set(id, settled);
  void settled.then(() => {
    if (pending.get(id) === settled) pending.delete(id);
  });
}

/** Resolves once no save of piece `id` is in flight (or after `limit` ms: a save that hangs must not keep the piece shut). */
export function settled(id: number, limit = 10_000): Promise<void> {
  const p = pending.get(id);
  if (!p) return Promise.resolve();
  return Promise.race([p.then(() => undefined), new Promise<void>((r) => setTimeout(r, limit))]);
}
