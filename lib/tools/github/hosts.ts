/** Match patterns of the tool's SaaS hosts (the static content script's, and where its links may point). */
export const SAAS_HOSTS = ['https://github.com/*', 'https://gist.github.com/*'] as const;
