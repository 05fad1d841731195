/** Synthetic host pages for benchmarks, in the real markup of each tool (see tests/fixtures). */

const HANDLES = ['lena-k', 'nadiaosei', 'therrera', 'aiko-t', 'sadeyemi', 'dvolkov', 'fzahra', 'jbecker'];

/** A GitHub React issue with `posts` comments carrying `mentionsPerPost` person mentions each. */
export function githubIssue(posts: number, mentionsPerPost: number): string {
  const comments = Array.from({ length: posts }, (_, i) => {
    const author = HANDLES[i % HANDLES.length]!;
    const mentions = Array.from({ length: mentionsPerPost }, (_, j) => {
      const handle = HANDLES[(i + j + 1) % HANDLES.length]!;
      return `<a class="user-mention notranslate" data-hovercard-type="user" data-hovercard-url="/users/${handle}/hovercard" href="https://github.com/${handle}">@${handle}</a>`;
    }).join(' and ');
    return `<div data-wrapper-timeline-id="IC_${i}"><div data-timeline-event-id="IC_${i}" data-testid="timeline-row-border-IC_${i}">
  <div class="react-issue-comment"><div data-testid="comment-viewer-outer-box-IC_${i}">
    <div id="issuecomment-${1000 + i}" data-testid="comment-header"><a data-testid="avatar-link" href="/${author}">${author}</a>
      <a href="#issuecomment-${1000 + i}"><relative-time datetime="2026-11-2${i % 7}T10:00:00Z">Nov 2${i % 7}</relative-time></a></div>
    <div data-testid="markdown-body" class="markdown-body"><p>Comment ${i}: the rollout plan looks right to me, ${mentions}, please check the retry budget.</p>
      <p>Inline <code class="notranslate">@${author}</code> stays code.</p></div>
  </div></div></div></div>`;
  }).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Benchmark issue · Issue #1 · acme/open-handbook</title>
<meta name="octolytics-dimension-repository_public" content="true"><meta name="octolytics-dimension-repository_nwo" content="acme/open-handbook">
<meta name="user-login" content="priya-r"><meta property="og:site_name" content="GitHub"></head>
<body><react-app app-name="issues-react"><div data-testid="issue-viewer-issue-container">
<bdi data-testid="issue-title">Benchmark issue</bdi>
<div data-testid="issue-viewer-comments-container" class="react-comments-container"><div data-testid="issue-timeline-container">
${comments}
</div></div></div></react-app></body></html>`;
}

/** `count` Slack messages as list items, every `runLength`-th one starting a run with a sender. */
export function slackMessages(count: number, firstTs: number, runLength = 5): string {
  return Array.from({ length: count }, (_, i) => {
    const ts = `${firstTs + i}.000100`;
    const sender = i % runLength === 0 ? `<button data-qa="message_sender_name" data-message-sender="U0LENA0003">Lena Kowalski</button>` : '';
    return `<div class="c-virtual_list__item" role="listitem" data-qa="virtual-list-item" id="${ts}" data-item-key="${ts}">
  <div role="presentation" data-qa="message_container" class="c-message_kit__message" data-qa-placeholder="false" data-msg-ts="${ts}" data-msg-channel-id="C0GENERAL01">
    <div class="c-message_kit__gutter"><div class="c-message_kit__gutter__right" data-qa="message_content">${sender}
      <a class="c-link c-timestamp" data-ts="${ts}" href="https://acme.slack.com/archives/C0GENERAL01/p${ts.replace('.', '')}">9:00</a>
      <div data-qa="message-text"><div class="p-rich_text_section">Update ${i}: <a class="c-link c-member_slug" data-member-id="U0PRIYA001" data-stringify-type="mention" href="https://acme.slack.com/team/U0PRIYA001">@Priya Raman</a> the deploy is green.</div></div>
    </div></div></div></div>`;
  }).join('');
}
