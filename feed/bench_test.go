package feed

import (
	"os"
	"testing"
	"time"
)

// benchMarkdown is a typical article: front matter with dates, tags and an
// author, and a body with headings, lists, code, links and inline HTML.
var benchMarkdown = []byte(`---
title: "Notes on caching: what to keep, what to drop"
date: 2024-03-01T09:30:00+01:00
updated: 2024-03-04
tags: [go, performance, caching, "build tools"]
categories: [engineering]
author:
  name: Ada Feedwright
  email: ada@example.org
summary: Why a rebuild should read only what changed.
---
# What a cache must know

A build cache trades disk for time. Keyed by **path, size and modification
time**, it lets a rebuild skip [unchanged files](../files/) and
[rendering](/docs/render/#cache) entirely.

## Rules

1. Never trust a cache you cannot validate.
2. Key it by everything the output depends on: the config, the version.
3. Make it safe to delete.

` + "```go" + `
func key(size, mtime int64) uint64 {
	return uint64(size)<<32 ^ uint64(mtime)
}
` + "```" + `

<figure><img src="img/chart.png" srcset="img/chart.png 1x, img/chart@2x.png 2x" alt="A chart"><figcaption>Cold and warm builds</figcaption></figure>

| build | time |
|-------|------|
| cold  | 1.2 s |
| warm  | 40 ms |

> Café, naïve, 漢字, עברית: text in every script survives.

Read more in the [follow-up](https://example.org/posts/next/) and <a href="#top" onclick="x()">back to the top</a>.
`)

func BenchmarkParseMarkdownArticle(b *testing.B) {
	opts := MarkdownOptions{Location: time.UTC, BaseURL: "https://example.org/"}
	b.ReportAllocs()
	b.SetBytes(int64(len(benchMarkdown)))
	for b.Loop() {
		if a, d := ParseMarkdown("articles/2024-03-01-caching.md", benchMarkdown, opts); a == nil {
			b.Fatal(d.Err())
		}
	}
}

func BenchmarkParseText(b *testing.B) {
	src, err := os.ReadFile("testdata/text/000_3d9b05d03c115206.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if a, d := ParseText("articles/2023-06-09-wire.txt", src, time.UTC); a == nil {
			b.Fatal(d.Err())
		}
	}
}

// BenchmarkRender measures what a published Markdown item costs: goldmark,
// the sanitizer and the URL resolver.
func BenchmarkRender(b *testing.B) {
	cfg, diags := ParseConfig("config.yaml", []byte("title: T\nbase_url: https://example.org/\n"))
	if cfg == nil {
		b.Fatal(diags.Err())
	}
	a, d := ParseMarkdown("articles/2024-03-01-caching.md", benchMarkdown, MarkdownOptions{Location: time.UTC})
	if a == nil {
		b.Fatal(d.Err())
	}
	b.ReportAllocs()
	for b.Loop() {
		it := &Item{Article: a, Link: "https://example.org/posts/caching/"}
		it.render(cfg)
		if it.err != nil || it.content == "" {
			b.Fatalf("render: %v", it.err)
		}
	}
}
