import { useEffect, useState } from 'react';
import { loadSettings, watchSettings, type SettingsSnapshot } from '@/lib/settings';

/** The settings snapshot, kept live as the user or the organisation's policy changes them. */
export function useSettings(): SettingsSnapshot | undefined {
  const [snapshot, setSnapshot] = useState<SettingsSnapshot>();
  useEffect(() => {
    const controller = new AbortController();
    void loadSettings().then((s) => controller.signal.aborted || setSnapshot(s));
    watchSettings(setSnapshot, controller.signal);
    return () => controller.abort();
  }, []);
  return snapshot;
}
