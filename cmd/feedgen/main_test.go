package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"feedgen": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScript runs the end-to-end scripts in testdata/script: each is a
// txtar archive of a config, articles and the expected output of the real
// command.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
	})
}

// TestSamples builds the repository's own sample site with the real
// command, so a broken sample fails the tests.
func TestSamples(t *testing.T) {
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"build", "-config", "../../config.yaml", "-out", out, "-now", "2026-01-01T00:00:00Z"}, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("build exited %d:\n%s", code, stderr.String())
	}
	for _, name := range []string{"rss.xml", "atom.xml", "feed.json"} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte("General Mohammad Bagheri")) {
			t.Errorf("%s lacks the plain-text sample article", name)
		}
		if bytes.Contains(data, []byte("A draft that is not published")) {
			t.Errorf("%s contains the draft", name)
		}
	}
}
