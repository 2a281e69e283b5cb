import { useEffect, useId, useRef, useState } from 'react';
import { formatDate } from '../../../../shared/domain/dates';
import { leftLabel } from '../../../../shared/domain/leaving';
import { pupilFullName, yearGroupLabel } from '../../../../shared/domain/pupils';
import type { PupilSummary } from '../../../../shared/ipc/contract';
import { useRead } from '../../api/queries';
import { fieldId } from '../../components/fields';
import { PupilForm } from './PupilForm';

type Chosen = { id: number; firstName: string; lastName: string; dateOfBirth: string };

const SEARCH_DELAY_MS = 200;
const SEARCH_LIMIT = 8;

/** "Amelia Brackenridge" → first and last name, to start the new-pupil form with what was typed. */
function splitName(typed: string): { firstName: string; lastName: string } {
  const parts = typed.trim().split(/\s+/).filter(Boolean);
  return { firstName: parts[0] ?? '', lastName: parts.slice(1).join(' ') };
}

/** The new-pupil form shown in place of the picker; its heading takes focus when it opens. */
function NewPupilPanel({ typed, onSaved, onCancel }: { typed: string; onSaved: (pupil: Chosen) => void; onCancel: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="panel" aria-labelledby="new-pupil-title">
      <h4 id="new-pupil-title" tabIndex={-1} ref={heading}>
        Add a new pupil to the register
      </h4>
      <PupilForm prefill={splitName(typed)} submitLabel="Add pupil and choose them" onSaved={onSaved} onCancel={onCancel} onChooseExisting={onSaved} />
    </section>
  );
}

/**
 * Finds a pupil already on the register as their name is typed (the ARIA 1.2 combobox
 * pattern with a listbox), so nobody is entered twice; a new pupil is added only from
 * the "Add a new pupil" button, and is chosen once saved.
 */
export function PupilPicker({ onChoose, excludeIds = [] }: { onChoose: (pupil: Chosen) => void; excludeIds?: number[] }) {
  const id = fieldId('pupilId');
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [adding, setAdding] = useState(false);
  const query = text.trim();

  // The name searched for, a moment after typing stops, so each key press does not ask the core.
  const [asked, setAsked] = useState('');
  useEffect(() => {
    if (query === '') return;
    const timer = setTimeout(() => setAsked(query), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);
  const found = useRead('pupils.search', { query: asked, limit: SEARCH_LIMIT }, { enabled: asked !== '' });

  if (adding) {
    return (
      <NewPupilPanel
        typed={text}
        onSaved={onChoose}
        onCancel={() => {
          setAdding(false);
          setTimeout(() => input.current?.focus(), 0);
        }}
      />
    );
  }

  // An answer for a name the person has since changed is not shown.
  const answered = query !== '' && asked === query && found.state === 'ready';
  const shown = answered ? found.value : [];
  const listVisible = open && shown.length > 0;
  const choosable = (p: PupilSummary) => !excludeIds.includes(p.id);
  const optionId = (index: number) => `${listId}-option-${index}`;
  const choose = (p: PupilSummary | undefined) => {
    if (!p || !choosable(p)) return;
    setOpen(false);
    onChoose(p);
  };

  // Kept while the list is closed, so nothing below the box moves when focus leaves it.
  let status = '';
  if (answered) {
    status =
      shown.length === 0
        ? 'No pupil on the register matches that name.'
        : `${shown.length} matching ${shown.length === 1 ? 'pupil' : 'pupils'}: use the arrow keys and Enter to choose.`;
  }

  return (
    <div className="form-group picker">
      <label className="label" htmlFor={id}>
        Pupil’s name
      </label>
      <div className="hint" id={`${id}-hint`}>
        Start typing a name. Choose an existing pupil rather than adding them again.
      </div>
      <input
        ref={input}
        id={id}
        className="input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={listVisible}
        aria-controls={listId}
        aria-activedescendant={listVisible && active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(-1);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            if (shown.length > 0) setActive((i) => (listVisible ? Math.min(i + 1, shown.length - 1) : 0));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(true);
            if (shown.length > 0) setActive((i) => (listVisible && i > 0 ? i - 1 : listVisible && i === 0 ? 0 : shown.length - 1));
          } else if (event.key === 'Enter') {
            if (listVisible && active >= 0) {
              event.preventDefault();
              choose(shown[active]);
            }
          } else if (event.key === 'Escape') {
            event.preventDefault();
            if (listVisible) {
              setOpen(false);
            } else {
              setText('');
              setActive(-1);
            }
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label="Matching pupils" className="picker-list" hidden={!listVisible}>
        {shown.map((p, index) => {
          const ok = choosable(p);
          return (
            <li
              key={p.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              aria-disabled={ok ? undefined : true}
              className={`picker-option${index === active ? ' picker-option-active' : ''}${ok ? '' : ' picker-option-disabled'}`}
              // Keeps focus in the text box, so the list is not closed before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(p)}
            >
              {pupilFullName(p)} — {yearGroupLabel(p.yearGroup)}, born {formatDate(p.dateOfBirth)}
              {p.leftOn ? <span className="picker-option-note"> ({leftLabel(p.leftOn)})</span> : null}
              {ok ? null : <span className="picker-option-note"> (already on this incident)</span>}
            </li>
          );
        })}
      </ul>
      <p className="picker-status" role="status">
        {status}
      </p>
      <button
        type="button"
        className="link-button"
        // Focus stays in the text box until the click lands, so the list does not close and move the button first.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setAdding(true)}
      >
        Add a new pupil
      </button>
    </div>
  );
}
