import { describe, expect, it } from 'vitest';
import { pageFor, PAGES } from './pages';

describe('pageFor', () => {
  it('finds each page by its path, with or without a slash or .html', () => {
    for (const p of ['/wall', '/wall/', '/wall.html']) expect(pageFor(p)).toBe(PAGES['/wall']);
    for (const p of ['/supervisor', '/supervisor/']) expect(pageFor(p)).toBe(PAGES['/supervisor']);
    expect(pageFor('/report')).toBe(PAGES['/report']);
    for (const p of ['/', '/index.html', '']) expect(pageFor(p)).toBe(PAGES['/']);
  });
});
