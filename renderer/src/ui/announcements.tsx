/**
 * Short messages read out to the person at the console ("Ticket #12 saved"), in a polite live
 * region, each for a few seconds: a screen reader hears it and a sighted person sees it.
 */
import { useCallback, useEffect, useState } from 'react';

const SHOWN_FOR_MS = 6000;

export type Announce = (text: string) => void;

interface Announcement {
  text: string;
  at: number;
}

export function useAnnouncements(): { announcement: Announcement | null; announce: Announce } {
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const announce = useCallback((text: string) => setAnnouncement({ text, at: Date.now() }), []);
  useEffect(() => {
    if (!announcement) return;
    const id = setTimeout(() => setAnnouncement(null), SHOWN_FOR_MS);
    return () => clearTimeout(id);
  }, [announcement]);
  return { announcement, announce };
}

export function Announcements({ announcement }: { announcement: Announcement | null }) {
  return (
    <div className="announce" role="status" aria-live="polite">
      {/* A new key for each message, so the same words said twice are read out twice. */}
      {announcement && <p key={announcement.at}>{announcement.text}</p>}
    </div>
  );
}
