import type { ReactNode } from 'react';

export function fieldId(name: string): string {
  return `field-${name.replace(/\./g, '-')}`;
}

type CommonProps = {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
};

function describedBy(name: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : null, error ? `${fieldId(name)}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function HintAndError({ name, hint, error }: Omit<CommonProps, 'label'>) {
  return (
    <>
      {hint ? (
        <div className="hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="field-error" id={`${fieldId(name)}-error`}>
          <span className="visually-hidden">Error:</span> {error}
        </p>
      ) : null}
    </>
  );
}

function FormGroup({ error, children }: { error?: string | undefined; children: ReactNode }) {
  return <div className={`form-group${error ? ' form-group-error' : ''}`}>{children}</div>;
}

/** A single control with its label, hint and error above it, in GOV.UK's order. */
function LabelledControl({ name, label, hint, error, children }: CommonProps & { children: ReactNode }) {
  return (
    <FormGroup error={error}>
      <label className="label" htmlFor={fieldId(name)}>
        {label}
      </label>
      <HintAndError name={name} hint={hint} error={error} />
      {children}
    </FormGroup>
  );
}

/** A group of radios or checkboxes: the fieldset takes focus from the error summary. */
function ChoiceFieldset({ name, label, hint, error, children }: CommonProps & { children: ReactNode }) {
  return (
    <FormGroup error={error}>
      <fieldset className="fieldset" aria-describedby={describedBy(name, hint, error)} id={fieldId(name)} tabIndex={-1}>
        <legend className="legend">{label}</legend>
        <HintAndError name={name} hint={hint} error={error} />
        {children}
      </fieldset>
    </FormGroup>
  );
}

export function TextField({
  name,
  label,
  hint,
  error,
  value,
  onChange,
  type = 'text',
  autoComplete,
  width,
  autoFocus,
  inputMode,
}: CommonProps & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password' | 'number' | 'date' | 'time';
  autoComplete?: string;
  width?: 'short' | 'medium' | 'full';
  autoFocus?: boolean;
  inputMode?: 'numeric' | 'text';
}) {
  const id = fieldId(name);
  return (
    <LabelledControl name={name} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        className={`input input-${width ?? 'full'}${error ? ' input-error' : ''}`}
        type={type}
        value={value}
        autoComplete={autoComplete ?? 'off'}
        spellCheck={false}
        autoFocus={autoFocus}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </LabelledControl>
  );
}

export function CheckboxesField<T extends string>({
  name,
  label,
  hint,
  error,
  options,
  value,
  onChange,
}: CommonProps & { options: readonly { value: T; label: string }[]; value: readonly T[]; onChange: (value: T[]) => void }) {
  return (
    <ChoiceFieldset name={name} label={label} hint={hint} error={error}>
      <div className="checkboxes">
        {options.map((option) => {
          const id = `${fieldId(name)}-${option.value}`;
          const checked = value.includes(option.value);
          return (
            <div className="checkbox" key={option.value}>
              <input
                id={id}
                type="checkbox"
                checked={checked}
                onChange={() => onChange(checked ? value.filter((v) => v !== option.value) : [...value, option.value])}
              />
              <label htmlFor={id}>{option.label}</label>
            </div>
          );
        })}
      </div>
    </ChoiceFieldset>
  );
}

export function CheckboxField({
  name,
  label,
  hint,
  checked,
  onChange,
}: { name: string; label: string; hint?: ReactNode; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = fieldId(name);
  return (
    <div className="form-group checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <div className="hint checkbox-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  error,
  value,
  onChange,
  rows = 4,
}: CommonProps & { value: string; onChange: (value: string) => void; rows?: number }) {
  const id = fieldId(name);
  return (
    <LabelledControl name={name} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        className={`input textarea${error ? ' input-error' : ''}`}
        rows={rows}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </LabelledControl>
  );
}

export type Choice<T extends string> = { value: T; label: string; hint?: string };

/** One answer from a short list, as radio buttons; the fieldset takes focus from the error summary. */
export function RadioField<T extends string>({
  name,
  label,
  hint,
  error,
  options,
  value,
  onChange,
  inline,
}: CommonProps & { options: readonly Choice<T>[]; value: T | undefined; onChange: (value: T) => void; inline?: boolean }) {
  return (
    <ChoiceFieldset name={name} label={label} hint={hint} error={error}>
      <div className={inline ? 'radios radios-inline' : 'radios'}>
        {options.map((option) => {
          const id = `${fieldId(name)}-${option.value}`;
          return (
            <div className="radio" key={option.value}>
              <input id={id} type="radio" name={name} checked={value === option.value} onChange={() => onChange(option.value)} aria-describedby={option.hint ? `${id}-hint` : undefined} />
              <label htmlFor={id}>{option.label}</label>
              {option.hint ? (
                <div className="hint checkbox-hint" id={`${id}-hint`}>
                  {option.hint}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </ChoiceFieldset>
  );
}

export function SelectField({
  name,
  label,
  hint,
  error,
  options,
  value,
  onChange,
  placeholder = 'Choose…',
}: CommonProps & { options: readonly { value: string; label: string }[]; value: string; onChange: (value: string) => void; placeholder?: string }) {
  const id = fieldId(name);
  return (
    <LabelledControl name={name} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        className={`input select${error ? ' input-error' : ''}`}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </LabelledControl>
  );
}
