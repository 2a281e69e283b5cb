import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ENTRY_KIND_DEFINITIONS, ENTRY_KINDS } from '../../shared/domain/entries/kinds';
import { StepsPanel } from '../../renderer/src/features/incidents/StepsPanel';
import { recordPath } from '../../renderer/src/features/incidents/record-links';
import { disclosure, incidentDetail } from './support/fixtures';
import { renderWithApp } from './support/render-with-app';

/** An open incident with a disclosure recorded, changed by `changes`. */
function withDisclosure(changes: Parameters<typeof incidentDetail>[0] = {}) {
  return incidentDetail({ entries: [disclosure()], closureSigned: true, ...changes });
}

function step(label: string): HTMLElement {
  const item = screen.getByText(label, { selector: '.step-label' }).closest('li');
  if (!item) throw new Error(`no step called ${label}`);
  return item;
}

describe('the steps down the side of an incident', () => {
  it('offers every kind of entry under some step, each linking to its own form', async () => {
    const detail = withDisclosure();
    renderWithApp(<StepsPanel detail={detail} canRecord />, { roles: ['dsl'] });
    const steps = await screen.findByRole('navigation', { name: 'Steps in the guidance' });
    for (const kind of ENTRY_KINDS) {
      const link = within(steps).getByRole('link', { name: `Record: ${ENTRY_KIND_DEFINITIONS[kind].label}` });
      expect(link.getAttribute('href')).toBe(recordPath(detail.incident.id, kind));
    }
  });

  it('offers nothing to record to someone who may not record', async () => {
    renderWithApp(<StepsPanel detail={withDisclosure()} canRecord={false} />, { roles: ['head'] });
    const steps = await screen.findByRole('navigation', { name: 'Steps in the guidance' });
    expect(within(steps).queryAllByRole('link')).toEqual([]);
  });

  it('says what each step lacks by the kind of gap, whatever its words', async () => {
    const detail = withDisclosure({
      gaps: [
        { step: 'parents', kind: 'missing', message: 'Parents or carers of Ayesha Testperson: not recorded whether they were told, or why not.' },
        { step: 'initial-review', kind: 'awaiting-signature', message: 'The decision not to refer has not been signed off by the headteacher.' },
        // An action's own words may mention a signature; it is still work to finish, not a signature awaited.
        { step: 'actions', kind: 'open-task', message: 'Not yet done: get the signed consent form back from home' },
        { step: 'imagery', kind: 'open-task', message: 'Device “Blue test phone” is still held: record its handover to the police or its return.' },
      ],
      closureSigned: false,
    });
    renderWithApp(<StepsPanel detail={detail} canRecord />, { roles: ['dsl'] });
    await screen.findByRole('navigation', { name: 'Steps in the guidance' });
    expect(within(step('Parents and carers')).getByText('Missing')).toBeTruthy();
    expect(within(step('Initial review and decision')).getByText('Awaiting signature')).toBeTruthy();
    expect(within(step('Actions and outcomes')).getByText('Still to do')).toBeTruthy();
    expect(within(step('Viewing, searching and deletion')).getByText('Still to do')).toBeTruthy();
    expect(within(step('Disclosure')).getByText('Recorded')).toBeTruthy();
    expect(within(step('Risk assessment')).getByText('Nothing yet')).toBeTruthy();
  });
});
