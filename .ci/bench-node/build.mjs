// Node.js baseline for .ci/bench: the feed pipeline written the obvious way
// with the npm packages people use for it.
//
// Usage: node build.mjs ARTICLES_DIR OUT_DIR
//
// It reads every .md (gray-matter front matter) and .txt ("date YYYY-MM-DD"
// first line) file under ARTICLES_DIR, skips drafts and articles dated after
// BENCH_NOW (default 2026-01-01, the corpus reference date), sorts newest
// first, keeps LIMIT (default 50), renders Markdown with marked and writes
// rss.xml, atom.xml and feed.json to OUT_DIR with feed.
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { marked } from "marked";
import { Feed } from "feed";

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error("usage: node build.mjs ARTICLES_DIR OUT_DIR");
  process.exit(2);
}
const base = process.env.BASE_URL || "https://bench.example.org/";
const now = new Date(process.env.BENCH_NOW || "2026-01-01T00:00:00Z");
const limit = Number(process.env.LIMIT || 50);

const escapeHTML = (s) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const asList = (v) => (v == null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

// parse returns the article in file rel with the given source, or null when
// it is a draft or has no usable date.
function parse(rel, src) {
  const slug = rel.replace(/\.(md|txt)$/, "").replace(/(^|\/)\d{4}-\d{2}-\d{2}-/, "$1");
  const link = new URL(slug + "/", base).href;
  if (rel.endsWith(".txt")) {
    const m = /^\s*date (\d{4}-\d{2}-\d{2}) (.*)$/m.exec(src);
    if (!m) return null;
    const body = src.slice(m.index + m[0].length - m[2].length).trim();
    const title = body.split(/[.!?]/, 1)[0].slice(0, 120);
    return { rel, link, title, date: new Date(m[1] + "T00:00:00Z"), text: body, md: false, tags: [], categories: [], authors: [] };
  }
  const { data, content } = matter(src);
  if (data.draft === true) return null;
  const date = data.date instanceof Date ? data.date : new Date(data.date);
  if (Number.isNaN(date.getTime())) return null;
  return {
    rel, link, date, md: true, text: content,
    title: String(data.title ?? slug),
    summary: data.summary,
    updated: data.updated ? new Date(data.updated) : undefined,
    tags: asList(data.tags), categories: asList(data.categories), authors: asList(data.authors ?? data.author),
  };
}

const articles = [];
for (const rel of fs.readdirSync(dir, { recursive: true })) {
  const name = rel.split(path.sep).join("/");
  if (!name.endsWith(".md") && !name.endsWith(".txt")) continue;
  const a = parse(name, fs.readFileSync(path.join(dir, rel), "utf8"));
  if (a && a.date <= now) articles.push(a);
}
articles.sort((a, b) => b.date - a.date || (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
const top = articles.slice(0, limit);

const feed = new Feed({
  title: "Bench site",
  description: "Synthetic corpus",
  id: base,
  link: base,
  language: "en",
  updated: top.length ? top[0].date : now,
  generator: "feed (npm)",
  feedLinks: { rss: base + "rss.xml", atom: base + "atom.xml", json: base + "feed.json" },
  author: { name: "Bench Author", email: "bench@example.org" },
});
for (const a of top) {
  const html = a.md
    ? marked.parse(a.text)
    : a.text.split(/\n\s*\n/).map((p) => `<p>${escapeHTML(p.trim())}</p>`).join("\n");
  feed.addItem({
    title: a.title,
    id: a.link,
    link: a.link,
    date: a.updated || a.date,
    published: a.date,
    description: a.summary,
    content: html,
    author: a.authors.length ? a.authors.map((name) => ({ name })) : undefined, // feed 6 json1 fails on []
    category: [...a.tags, ...a.categories].map((name) => ({ name })),
  });
}
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, "rss.xml"), feed.rss2() + "\n");
fs.writeFileSync(path.join(out, "atom.xml"), feed.atom1() + "\n");
fs.writeFileSync(path.join(out, "feed.json"), feed.json1() + "\n");
