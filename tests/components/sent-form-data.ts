/** The FormData a fake form action received on its `call`-th call (0 = first); fails if there was no such call. */
export function sentFormData(action: { mock: { calls: ReadonlyArray<readonly [unknown, FormData]> } }, call = 0): FormData {
  const formData = action.mock.calls[call]?.[1];
  if (!formData) throw new Error(`The action was called ${action.mock.calls.length} time(s), not ${call + 1}.`);
  return formData;
}
