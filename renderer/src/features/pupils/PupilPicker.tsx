import { useEffect, useId, useState } from 'react';
import { formatDate } from '../../../../shared/domain/dates';
import { yearGroupLabel } from '../../../../shared/domain/pupils';
import type { PupilSummary } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import { fieldId } from '../../components/fields';
import { PupilForm } from './PupilForm';

type Chosen = { id: number; firstName: string; lastName: string };

function splitName(typed: string): { firstName: string; lastName: string } {
  const parts = typed.trim().split(/\s+/);
  return { firstName: parts[0] ?? '', lastName: parts.slice(1).join(' ') };
}

/**
 * Finds a pupil already on the register as their name is typed (the ARIA combobox
 * pattern), so nobody is entered twice; adds a new pupil only when no one matches.
 */
export function PupilPicker({ onChoose, excludeIds = [] }: { onChoose: (pupil: Chosen) => void; excludeIds?: number[] }) {
  const id = fieldId('pupilId');
  const listId = useId();
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<PupilSummary[]>([]);
  const [searched, setSearched] = useState('');
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    const query = text.trim();
    if (query === '') return;
    let current = true;
    const timer = setTimeout(() => {
      void call('pupils.search', { query, limit: 8 }).then((result) => {
        if (!current || !result.ok) return;
        setMatches(result.value);
        setSearched(query);
        setActive(-1);
      });
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);

  if (adding) {
    return (
      <section className="panel" aria-labelledby="new-pupil-title">
        <h4 id="new-pupil-title">Add a new pupil to the register</h4>
        <PupilForm prefill={splitName(text)} submitLabel="Add pupil and choose them" onSaved={(p) => onChoose(p)} onCancel={() => setAdding(false)} />
      </section>
    );
  }

  const shown = text.trim() === '' || searched !== text.trim() ? [] : matches;
  const choosable = (p: PupilSummary) => !excludeIds.includes(p.id);
  const expanded = open && text.trim() !== '';
  const choose = (p: PupilSummary) => {
    if (!choosable(p)) return;
    setOpen(false);
    onChoose(p);
  };

  return (
    <div className="form-group picker">
      <label className="label" htmlFor={id}>
        Pupil’s name
      </label>
      <div className="hint" id={`${id}-hint`}>
        Start typing a name. Choose an existing pupil rather than adding them again.
      </div>
      <input
        id={id}
        className="input input-medium"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            setActive((i) => Math.min(i + 1, shown.length - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (event.key === 'Enter' && expanded && active >= 0 && shown[active]) {
            event.preventDefault();
            choose(shown[active]);
          } else if (event.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label="Matching pupils" className="picker-list" hidden={!expanded || shown.length === 0}>
        {shown.map((p, index) => (
          <li
            key={p.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            aria-disabled={!choosable(p)}
            className={`picker-option${index === active ? ' picker-option-active' : ''}${choosable(p) ? '' : ' picker-option-disabled'}`}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(p)}
          >
            {p.firstName} {p.lastName} — {yearGroupLabel(p.yearGroup)}, born {formatDate(p.dateOfBirth)}
            {choosable(p) ? '' : ' (already on this incident)'}
          </li>
        ))}
      </ul>
      <p className="picker-status" aria-live="polite">
        {expanded && searched === text.trim() ? (shown.length === 0 ? 'No pupil on the register matches.' : `${shown.length} matching pupil${shown.length === 1 ? '' : 's'}.`) : ''}
      </p>
      <button type="button" className="link-button" onClick={() => setAdding(true)}>
        Add a new pupil
      </button>
    </div>
  );
}
