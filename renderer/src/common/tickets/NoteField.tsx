import type { RefObject } from 'react';
import { TEXT_LIMITS } from '../../../../shared/protocol/limits';
import { Field } from '../../ui/Field';

/**
 * A note's text, as the ticket window and the caller panel take it: as long as the hub takes a
 * note, and Ctrl+Enter adds it (here the key must not raise a ticket, as it does in the form).
 */
export function NoteField({
  label,
  value,
  placeholder,
  onChange,
  onSubmit,
  textareaRef,
}: {
  label: string;
  value: string;
  placeholder: string;
  onChange: (text: string) => void;
  onSubmit: () => void;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
}) {
  return (
    <Field label={label} limit={TEXT_LIMITS.note}>
      <textarea
        ref={textareaRef}
        rows={2}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.stopPropagation();
            onSubmit();
          }
        }}
      />
    </Field>
  );
}
