/** Match patterns of the tool's SaaS hosts (the static content script's, and where its links may point). */
export const SAAS_HOSTS = ['https://we.phorge.it/*', 'https://secure.phabricator.com/*', 'https://phabricator.wikimedia.org/*'] as const;
