import type { ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { toolNameList } from '@/lib/tools/tool-ids';
import { useSettings } from './useSettings';
import { WhatsNew } from './WhatsNew';
import './welcome.css';

const HABITS = [
  ['One identity across tools', `Every @-mention on ${toolNameList()} is matched to the person in your organisation’s directory.`],
  ['Searchable history', 'What you have seen on those tools becomes searchable from the toolbar, across all of them.'],
  ['Thanks where the work happens', 'A Thank button beside comments and messages, and a record of thanks given and received.'],
  ['Default to open', 'A gentle warning before you post somewhere private, with room for good reasons such as security or HR.'],
  ['Archive, don’t delete', 'A nudge towards archiving or closing when you are about to delete something, so history stays.'],
] as const;

/** After an update the background opens `welcome.html?from=<previous version>#whats-new`. */
function updatedFrom(): string | null {
  return location.hash === '#whats-new' ? new URLSearchParams(location.search).get('from') : null;
}

function Brand({ children }: { children: ReactNode }) {
  return (
    <header className="brand">
      <img src="/icon/48.png" alt="" />
      {children}
    </header>
  );
}

export function WelcomeApp() {
  const helpdesk = useSettings()?.effective.helpdeskUrl;
  const from = updatedFrom();
  if (from !== null) {
    return (
      <main className="welcome">
        <Brand>Daylight was updated</Brand>
        <WhatsNew from={from} />
        <p>
          <a href="/welcome.html">What Daylight does and what it stores</a>
          {helpdesk ? (
            <>
              {' · '}
              <a href={helpdesk} target="_blank" rel="noreferrer">
                Get help from your organisation
              </a>
            </>
          ) : null}
        </p>
      </main>
    );
  }
  return (
    <main className="welcome">
      <Brand>Welcome to Daylight</Brand>
      <p>Daylight brings the habits of open, asynchronous organisations into the tools you already use.</p>
      <ul className="habits">
        {HABITS.map(([title, text]) => (
          <li key={title}>
            <strong>{title}.</strong> {text}
          </li>
        ))}
      </ul>
      <h2>What stays on this device</h2>
      <p>
        Your directory, the pages you have seen, your thanks and your settings are stored in this browser only. Daylight
        sends nothing about you or the pages you visit anywhere. The only things that leave the device are the ones your
        organisation configures: fetching its people directory, and announcing a thanks you chose to make public.
      </p>
      <p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Open settings
        </button>{' '}
        {helpdesk ? (
          <a href={helpdesk} target="_blank" rel="noreferrer">
            Get help from your organisation
          </a>
        ) : null}
      </p>
    </main>
  );
}
