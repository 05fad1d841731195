import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { github } from './lib/tools/github/adapter';
const [file, url] = process.argv.slice(2);
const doc = new JSDOM(readFileSync(file!, 'utf8'), { url }).window.document;
const u = new URL(url!);
console.log(JSON.stringify({ kind: github.kind(u, doc), place: github.place(u, doc), viewer: github.viewer(doc), title: github.title(u, doc), mentions: github.mentions(doc).map((m) => m.handle), posts: github.posts(doc).map((p) => ({ id: p.id, author: p.author })), composers: github.composers(doc).length }, null, 1));
