import { act, fireEvent } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { keyBelongsToFocus } from '../../../../../src/renderer/views/operator/use-operator-keys';
import { renderOperator } from './fixtures';

/** The show's keys an operator hits mid-show: blackout, safe mode, next, pause, clicker. */
const SHOW_KEYS = ['b', 'B', 's', 'ArrowRight', 'ArrowLeft', ' ', 'PageDown', 'PageUp', 'Enter'];

function element(html: string): HTMLElement {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  return holder.firstElementChild as HTMLElement;
}

/** Every kind of field an editor form draws (and a few a browser may add). */
const FIELDS: Record<string, string> = {
  text: '<input type="text">',
  untyped: '<input>',
  dateTimeLocal: '<input type="datetime-local">',
  month: '<input type="month">',
  week: '<input type="week">',
  range: '<input type="range">',
  number: '<input type="number">',
  futureType: '<input type="some-new-type">',
  textarea: '<textarea></textarea>',
  select: '<select><option>a</option></select>',
  contentEditable: '<div contenteditable="true"><p><span>typed here</span></p></div>',
  plainTextOnly: '<div contenteditable="plaintext-only"></div>',
  ariaTextbox: '<div role="textbox" tabindex="0"></div>',
  ariaCombobox: '<div role="combobox" tabindex="0"></div>',
};

describe('the console keys while someone types', () => {
  it.each(Object.entries(FIELDS))('sends nothing for keys typed into a %s field', (_, html) => {
    const { send, container } = renderOperator();
    const field = element(html);
    container.appendChild(field);
    // Inside a contenteditable the key comes from the innermost element.
    const target = field.querySelector('span') ?? field;
    act(() => {
      for (const key of SHOW_KEYS) fireEvent.keyDown(target, { key });
    });
    expect(send).not.toHaveBeenCalled();
  });

  it('sends nothing while an input method composes a character', () => {
    const { send } = renderOperator();
    act(() => {
      fireEvent.keyDown(document.body, { key: 'b', isComposing: true });
    });
    expect(send).not.toHaveBeenCalled();
  });

  it('still runs the show from anywhere else: buttons, checkboxes, the page', () => {
    const { send, container } = renderOperator();
    const box = element('<input type="checkbox">');
    const button = element('<button type="button">x</button>');
    container.append(box, button);
    act(() => {
      fireEvent.keyDown(box, { key: 'b' });
    });
    expect(send).toHaveBeenLastCalledWith({ name: 'blackout', on: true });
    act(() => {
      fireEvent.keyDown(button, { key: 'ArrowRight' });
    });
    expect(send).toHaveBeenLastCalledWith({ name: 'next' });
    expect(keyBelongsToFocus(box, ' ')).toBe(true);
    expect(keyBelongsToFocus(element('<div contenteditable="false"></div>'), 'b')).toBe(false);
    expect(keyBelongsToFocus(element('<input type="radio">'), 'ArrowRight')).toBe(true);
    expect(keyBelongsToFocus(element('<input type="radio">'), 'b')).toBe(false);
    expect(keyBelongsToFocus(element('<div role="slider"></div>'), 'ArrowLeft')).toBe(true);
  });
});
