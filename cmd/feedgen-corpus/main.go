// Feedgen-corpus writes a synthetic, deterministic folder of articles for
// benchmarking feed generators.
//
// Usage:
//
//	feedgen-corpus [-n 10000] [-seed 1] -out DIR
//
// The same -n and -seed always produce the same files. About 90% are
// Markdown articles with YAML front matter and 10% plain-text news-wire
// articles; see package corpus for the details.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/feedgen/feedgen/cmd/internal/corpus"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

// run parses args, writes the corpus and returns the exit code: 0 on
// success, 1 when writing fails, 2 on a usage error.
func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("feedgen-corpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 10000, "number of articles")
	seed := fs.Int64("seed", 1, "random seed")
	out := fs.String("out", "", "output `folder` (required)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: feedgen-corpus [-n 10000] [-seed 1] -out DIR")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || *n < 0 || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	if err := corpus.Write(*out, *n, *seed); err != nil {
		fmt.Fprintf(stderr, "feedgen-corpus: %v\n", err)
		return 1
	}
	return 0
}
