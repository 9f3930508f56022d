import { describe, expect, it } from 'vitest';
import { commandFor, type KeyInfo } from './keys';

const k = (key: string, more: Partial<KeyInfo> = {}): KeyInfo => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  typing: false,
  inCallArea: false,
  ...more,
});

describe('keys', () => {
  it('keeps function keys working while typing', () => {
    expect(commandFor(k('F2', { typing: true }))).toBe('startCall');
    expect(commandFor(k('F9', { typing: true }))).toBe('endCall');
    expect(commandFor(k('Enter', { ctrlKey: true, typing: true }))).toBe('createTicket');
  });

  it('never takes plain characters from a text field', () => {
    expect(commandFor(k('?', { typing: true }))).toBeNull();
    expect(commandFor(k('3', { typing: true, inCallArea: true }))).toBeNull();
    expect(commandFor(k('/', { typing: true }))).toBeNull();
  });

  it('chooses a disposition with a digit in the call area, or Alt+digit anywhere', () => {
    expect(commandFor(k('3', { inCallArea: true }))).toBe('disposition3');
    expect(commandFor(k('3'))).toBeNull();
    expect(commandFor(k('6', { altKey: true, typing: true }))).toBe('disposition6');
    expect(commandFor(k('7', { altKey: true }))).toBeNull();
  });

  it('opens help and search', () => {
    expect(commandFor(k('?', { shiftKey: true }))).toBe('help');
    expect(commandFor(k('F1', { typing: true }))).toBe('help');
    expect(commandFor(k('/'))).toBe('search');
    expect(commandFor(k('N', { altKey: true, shiftKey: true }))).toBe('addNote');
  });
});
