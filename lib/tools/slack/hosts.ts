/** Match patterns of the tool's SaaS hosts (the static content script's, and where its links may point). */
export const SAAS_HOSTS = ['https://app.slack.com/*', 'https://*.slack.com/*'] as const;
