/** One choice of a select: the id it sends and what a person reads (as the vocabulary's options are). */
export interface Choice {
  id: string;
  label: string;
  disabled?: boolean;
}

/** The options of a select: first the "none" choice when there is one (value ""), then each choice. */
export function Options({ none, choices }: { none?: string; choices: readonly Choice[] }) {
  return (
    <>
      {none !== undefined && <option value="">{none}</option>}
      {choices.map((c) => (
        <option key={c.id} value={c.id} disabled={c.disabled}>
          {c.label}
        </option>
      ))}
    </>
  );
}

/** Choices from a list of ids, each read through `label` (a translation key's words). */
export function choicesOf(ids: readonly string[], label: (id: string) => string): Choice[] {
  return ids.map((id) => ({ id, label: label(id) }));
}
