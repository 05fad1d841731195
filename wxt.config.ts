import { defineConfig } from 'wxt';
import { GECKO_ID } from './lib/extension-ids';

// Chrome MV3 is the main target; Firefox MV3 builds from the same sources (`wxt build -b firefox --mv3`).
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: a reader can see where every name comes from.
  imports: false,
  manifestVersion: 3,
  // The Firefox sources zip never carries a signing key, wherever someone keeps one.
  zip: { excludeSources: ['**/*.pem', '**/*.key'] },
  manifest: ({ browser }) => ({
    // Listings and the extensions page in the browser's language (public/_locales/).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Each permission's reason is documented in README.md ("Permissions").
    permissions: ['storage', 'scripting', 'alarms', 'cookies'],
    // Self-hosted tools (GitLab, Mattermost, Phabricator, GitHub Enterprise) live on the org's own
    // origins, named by policy. A force-installed extension cannot ask for optional host access
    // without a user gesture, so access is declared up front; scripts run only on configured origins.
    host_permissions: ['https://*/*', 'http://*/*'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              // Daylight keeps everything on the device; nothing is collected or transmitted.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads the data-collection declaration from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { storage: { managed_schema: 'managed_schema.json' } }),
  }),
});
