import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  StoresContext,
  applyContent,
  applyShow,
  connectionLost,
  connectionWelcomed,
  createConnectionStore,
  createContentStore,
  createShowStore,
  type Stores,
} from '../../../../../src/renderer/stores';
import { DisplayView } from '../../../../../src/renderer/views/display/DisplayView';
import { showState, snapshot } from '../../fixtures';

function renderDisplay() {
  const stores: Stores = {
    content: createContentStore(),
    show: createShowStore(),
    connection: createConnectionStore(),
  };
  const result = render(
    <StoresContext.Provider value={stores}>
      <DisplayView />
    </StoresContext.Provider>,
  );
  return { ...result, stores };
}

function connected(stores: Stores, show = showState()) {
  act(() => {
    connectionWelcomed({ clientId: 'c', role: 'display' }, stores.connection);
    applyContent(snapshot(), stores.content);
    applyShow(show, stores.show);
  });
}

describe('DisplayView', () => {
  it('shows a calm connecting screen, with no names, until the core has spoken', () => {
    const { container, stores } = renderDisplay();
    expect(screen.getByRole('status')).toHaveTextContent(/Connecting/);
    act(() => applyContent(snapshot(), stores.content));
    expect(screen.getByRole('status')).toHaveTextContent(/Connecting/);
    expect(container).not.toHaveTextContent('Kagarlitsky');
  });

  it('renders the item on air and follows the show', () => {
    const { stores } = renderDisplay();
    connected(stores);
    expect(screen.getByRole('heading', { name: 'Boris Kagarlitsky' })).toBeInTheDocument();
    act(() => applyShow(showState({ itemId: 'free-boris-site', position: 1 }), stores.show));
    expect(
      screen.getByRole('heading', { name: 'The campaign for Boris Kagarlitsky' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Boris Kagarlitsky' })).toBeNull();
  });

  it('applies the pack theme as CSS variables', () => {
    const { container, stores } = renderDisplay();
    connected(stores);
    const root = container.firstElementChild as HTMLElement;
    expect(root.style.getPropertyValue('--accent')).toBe('#e10600');
    expect(root.style.getPropertyValue('--on-accent')).toBe('#ffffff');
    expect(root).toHaveAttribute('lang', 'en');
  });

  it('goes pure black with no text in a blackout', () => {
    const { container, stores } = renderDisplay();
    connected(stores, showState({ blackout: true }));
    expect(screen.getByTestId('blackout')).toHaveClass('display-blackout');
    expect(container).toHaveTextContent(/^$/);
    // Even a dropped connection adds nothing to a blackout.
    act(() => connectionLost('gone', stores.connection));
    expect(container).toHaveTextContent(/^$/);
  });

  it('in safe mode shows the safe slide instead of a sensitive item', () => {
    const { container, stores } = renderDisplay();
    connected(stores, showState({ safeMode: true }));
    expect(screen.getByText('Solidarity with all political prisoners')).toBeInTheDocument();
    expect(container).not.toHaveTextContent('Kagarlitsky');
  });

  it('in safe mode still shows items that are not sensitive', () => {
    const { stores } = renderDisplay();
    connected(stores, showState({ safeMode: true, itemId: 'free-boris-site' }));
    expect(
      screen.getByRole('heading', { name: 'The campaign for Boris Kagarlitsky' }),
    ).toBeInTheDocument();
  });

  it('keeps the slide and adds a discreet mark when the connection drops', () => {
    const { stores } = renderDisplay();
    connected(stores);
    expect(screen.queryByTestId('reconnecting')).toBeNull();
    act(() => connectionLost(null, stores.connection));
    expect(screen.getByRole('heading', { name: 'Boris Kagarlitsky' })).toBeInTheDocument();
    expect(screen.getByTestId('reconnecting')).toHaveTextContent('Reconnecting');
    act(() => connectionWelcomed({ clientId: 'c', role: 'display' }, stores.connection));
    expect(screen.queryByTestId('reconnecting')).toBeNull();
  });

  it('shows the pack title when nothing is on air', () => {
    const { stores } = renderDisplay();
    connected(stores, showState({ itemId: null }));
    expect(screen.getByTestId('neutral')).toHaveTextContent('Solidarity with political prisoners');
  });
});
