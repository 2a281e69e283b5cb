import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ColumnMapping, type ImportField } from '../../../../../shared/domain/pupils/import-fields';
import { SelectField } from '../../../components/fields';

const OPTIONS = IMPORT_FIELDS.map((value) => ({ value, label: IMPORT_FIELD_LABELS[value] }));

export type Heading = { heading: string; field: ImportField | null; example: string };

/** What each column of the file holds: the recognised ones already chosen, the rest for the DSL to say once. */
export function ColumnMappingForm({ headings, mapping, onChange }: { headings: readonly Heading[]; mapping: Partial<ColumnMapping>; onChange: (heading: string, field: ImportField) => void }) {
  return (
    <>
      {headings.map(({ heading, example }, index) => (
        <SelectField
          key={heading}
          name={`column-${index}`}
          label={`Column “${heading}”`}
          hint={example ? `For example: ${example}` : 'Empty in this file'}
          options={OPTIONS}
          value={mapping[heading] ?? ''}
          onChange={(value) => {
            const field = IMPORT_FIELDS.find((f) => f === value);
            if (field) onChange(heading, field);
          }}
        />
      ))}
    </>
  );
}
