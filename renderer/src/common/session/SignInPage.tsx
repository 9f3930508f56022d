import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../ui/LanguageSwitch';

/** The page the sign-in, the wait for the hub and the first PIN share: one card, the language switch in the corner. */
export function SignInPage({ children }: { children: ReactNode }) {
  return (
    <main className="signin">
      <div className="signin-lang">
        <LanguageSwitch />
      </div>
      {children}
    </main>
  );
}
