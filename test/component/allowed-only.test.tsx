import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AllowedOnly } from '../../renderer/src/app/AllowedOnly';
import { renderWithApp } from './support/render-with-app';

// A page typed into the address bar (or an old bookmark) that the person's roles do not allow:
// they are told at once, instead of filling in a form the core would refuse on save.
describe('a page reached by its address', () => {
  it('tells the headteacher a new incident is not theirs to record, and shows no form', async () => {
    renderWithApp(
      <AllowedOnly channel="incidents.create">
        <h1>New incident</h1>
      </AllowedOnly>,
      { roles: ['head'], route: 'incidents/new' },
    );
    expect(await screen.findByRole('heading', { name: 'Not available to your role' })).toBeTruthy();
    expect(screen.getByText(/not available to you as Headteacher/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'New incident' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toBeTruthy();
  });

  it('shows the page to a deputy DSL, who records incidents', async () => {
    renderWithApp(
      <AllowedOnly channel="incidents.create">
        <h1>New incident</h1>
      </AllowedOnly>,
      { roles: ['deputy'], route: 'incidents/new' },
    );
    expect(await screen.findByRole('heading', { name: 'New incident' })).toBeTruthy();
  });

  it('tells a deputy the audit log is the DSL’s', async () => {
    renderWithApp(
      <AllowedOnly channel="audit.list">
        <h1>Audit log</h1>
      </AllowedOnly>,
      { roles: ['deputy'], route: 'audit' },
    );
    expect(await screen.findByRole('heading', { name: 'Not available to your role' })).toBeTruthy();
  });
});
