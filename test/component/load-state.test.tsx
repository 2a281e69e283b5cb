import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LoadState } from '../../renderer/src/components/LoadState';

describe('LoadState', () => {
  it('says what could not be loaded, in the words the core gave', () => {
    render(<LoadState loaded={{ state: 'error', error: { code: 'not_found', message: 'There is no incident YPSI-2026-009.' } }}>{() => <p>never</p>}</LoadState>);
    expect(screen.getByRole('alert').textContent).toContain('There is no incident YPSI-2026-009.');
    expect(screen.queryByText('never')).toBeNull();
  });

  it('shows the screen once the answer is there', () => {
    render(<LoadState loaded={{ state: 'ready', value: 'Ayesha Testperson' }}>{(name) => <p>{name}</p>}</LoadState>);
    expect(screen.getByText('Ayesha Testperson')).toBeTruthy();
  });
});
