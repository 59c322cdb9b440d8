package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The stress tests run the real feedgen binary on a generated site of a
// few thousand articles and a few hundred tag feeds, so that publishing
// writes well over a thousand files and takes a while.
const (
	stressArticles = 2000
	stressTags     = 120
	stressNow      = "2030-01-01T00:00:00Z"
	stressKills    = 50 // crash test iterations
	stressRounds   = 3  // concurrency test rounds
)

// stressSite is a generated site in several variants, each a config file
// and an articles folder, with the output every variant builds.
type stressSite struct {
	bin     string                       // the feedgen binary
	configs map[string]string            // variant → config file
	want    map[string]map[string][]byte // variant → slash path → bytes
	elapsed time.Duration                // one clean build's wall time
}

// TestPublishStress builds the binary and the site once and runs the crash
// and concurrency tests on them.
func TestPublishStress(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" && runtime.GOOS != "freebsd" {
		t.Skip("needs SIGKILL and flock")
	}
	s := newStressSite(t, "A", "B", "C")
	t.Run("crash", func(t *testing.T) { testCrash(t, s) })
	t.Run("concurrent", func(t *testing.T) { testConcurrent(t, s) })
}

// newStressSite builds feedgen, writes the variants of the site and
// builds each into its own folder to know the expected output.
func newStressSite(t *testing.T, variants ...string) *stressSite {
	t.Helper()
	dir := t.TempDir()
	s := &stressSite{
		bin:     filepath.Join(dir, "feedgen"),
		configs: map[string]string{},
		want:    map[string]map[string][]byte{},
	}
	cmd := exec.Command("go", "build", "-o", s.bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, v := range variants {
		s.configs[v] = writeStressSite(t, filepath.Join(dir, "site-"+v), v)
		out := filepath.Join(dir, "want-"+v)
		start := time.Now()
		s.build(t, v, out)
		if d := time.Since(start); s.elapsed == 0 || d < s.elapsed {
			s.elapsed = d
		}
		s.want[v] = readOutputs(t, out)
	}
	t.Logf("%d files per build; one build takes %v", len(s.want[variants[0]]), s.elapsed)
	for _, v := range variants[1:] {
		if maps.EqualFunc(s.want[v], s.want[variants[0]], bytes.Equal) {
			t.Fatalf("variants %s and %s build the same output", variants[0], v)
		}
	}
	return s
}

// writeStressSite writes variant v of the generated site under dir and
// returns its config file. Every variant has the same articles and most
// of the same tags, but some titles and a few tags are its own, so each
// builds some files the others do not and differs in many shared ones.
func writeStressSite(t *testing.T, dir, v string) string {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2)) // the same articles in every variant
	arts := filepath.Join(dir, "articles")
	if err := os.MkdirAll(arts, 0o755); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range stressArticles {
		title := fmt.Sprintf("Article %d", i)
		if i%7 == 0 {
			title += " (version " + v + ")"
		}
		tags := []string{fmt.Sprintf("tag-%d", rng.IntN(stressTags)), fmt.Sprintf("tag-%d", rng.IntN(stressTags))}
		if i%50 == 0 {
			tags = append(tags, fmt.Sprintf("only-%s-%d", strings.ToLower(v), i/50%10))
		}
		date := day.Add(time.Duration(i) * 13 * time.Hour)
		src := fmt.Sprintf("---\ntitle: %q\ndate: %s\ntags: [%s]\n---\nBody of *article %d*, variant-independent.\n",
			title, date.Format(time.RFC3339), strings.Join(tags, ", "), i)
		if err := os.WriteFile(filepath.Join(arts, fmt.Sprintf("a%04d.md", i)), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	config := filepath.Join(dir, "config.yaml")
	cfg := "title: Stress\nbase_url: https://stress.example.org/\ntaxonomies: [tags]\nlimit: 5\n"
	if err := os.WriteFile(config, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return config
}

// command returns the command that builds variant v into out.
func (s *stressSite) command(v, out string) *exec.Cmd {
	return exec.Command(s.bin, "build", "-config", s.configs[v], "-out", out, "-now", stressNow, "-q")
}

// build builds variant v into out and fails the test unless it succeeds.
func (s *stressSite) build(t *testing.T, v, out string) {
	t.Helper()
	if out, err := s.command(v, out).CombinedOutput(); err != nil {
		t.Fatalf("feedgen build (variant %s): %v\n%s", v, err, out)
	}
}

// readOutputs returns every file under out but feedgen's own.
func readOutputs(t *testing.T, out string) map[string][]byte {
	t.Helper()
	got := map[string][]byte{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(out, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == lockName || rel == manifestName {
			return nil
		}
		data, err := os.ReadFile(p)
		got[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// testCrash kills builds at random moments and checks that the output
// folder only ever holds complete files of one variant or the other, all
// accounted for in a readable manifest.
func testCrash(t *testing.T, s *stressSite) {
	out := filepath.Join(t.TempDir(), "public")
	s.build(t, "A", out)
	rng := rand.New(rand.NewPCG(3, 4))
	span := s.elapsed + s.elapsed/4
	var finished, interrupted int
	var leftTemps, mixed int // how often a kill hit the publish step
	for i := range stressKills {
		v := []string{"B", "A"}[i%2]
		sig := os.Kill
		if i%5 == 4 {
			sig = syscall.SIGTERM // caught: must clean up and exit 1
		}
		cmd := s.command(v, out)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(rng.Int64N(int64(span)))
		timer := time.AfterFunc(delay, func() {
			if err := cmd.Process.Signal(sig); err != nil && !errors.Is(err, os.ErrProcessDone) {
				t.Errorf("iteration %d: signal: %v", i, err)
			}
		})
		err := cmd.Wait()
		timer.Stop()
		var exit *exec.ExitError
		switch {
		case err == nil:
			finished++
			checkExactly(t, out, s.want[v])
		case errors.As(err, &exit) && exit.ExitCode() == exitFail:
			// Caught SIGTERM: the build removed its temporaries.
			interrupted++
			if !strings.Contains(stderr.String(), "interrupted") {
				t.Fatalf("iteration %d: feedgen failed: %s", i, stderr.Bytes())
			}
			if temps := tempFiles(t, out); len(temps) > 0 {
				t.Errorf("iteration %d: interrupted build left %q", i, temps)
			}
		case errors.As(err, &exit) && !exit.Exited():
			// Killed by the signal.
		default:
			t.Fatalf("iteration %d: feedgen: %v\n%s", i, err, stderr.Bytes())
		}
		checkConsistent(t, out, s.want["A"], s.want["B"])
		if got := readOutputs(t, out); len(tempFiles(t, out)) > 0 {
			leftTemps++
		} else if !maps.EqualFunc(got, s.want["A"], bytes.Equal) && !maps.EqualFunc(got, s.want["B"], bytes.Equal) {
			mixed++
		}
		if t.Failed() {
			t.Fatalf("iteration %d (variant %s, %v after start) left the folder broken", i, v, delay)
		}
	}
	t.Logf("%d builds killed, %d finished first, %d interrupted cleanly; %d left temporaries, %d left files of both variants",
		stressKills-finished-interrupted, finished, interrupted, leftTemps, mixed)
	s.build(t, "B", out)
	checkExactly(t, out, s.want["B"])
	if temps := tempFiles(t, out); len(temps) > 0 {
		t.Errorf("temporaries left after a successful build: %q", temps)
	}
}

// testConcurrent runs builds of different variants into one folder at the
// same time: afterwards the folder holds exactly one variant's output.
func testConcurrent(t *testing.T, s *stressSite) {
	out := filepath.Join(t.TempDir(), "public")
	variants := slices.Sorted(maps.Keys(s.configs))
	for round := range stressRounds {
		var wg sync.WaitGroup
		errs := make([]error, len(variants))
		outputs := make([][]byte, len(variants))
		for i, v := range variants {
			wg.Go(func() {
				outputs[i], errs[i] = s.command(v, out).CombinedOutput()
			})
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d: build of variant %s: %v\n%s", round, variants[i], err, outputs[i])
			}
		}
		got := readOutputs(t, out)
		match := ""
		for _, v := range variants {
			if maps.EqualFunc(got, s.want[v], bytes.Equal) {
				match = v
			}
		}
		if match == "" {
			wants := make([]map[string][]byte, 0, len(variants))
			for _, v := range variants {
				wants = append(wants, s.want[v])
			}
			checkConsistent(t, out, wants...)
			t.Fatalf("round %d: the folder is not one build's output", round)
		}
		checkManifest(t, out, got, true)
	}
}

// checkExactly checks that out holds exactly the files of want, listed
// exactly in its manifest.
func checkExactly(t *testing.T, out string, want map[string][]byte) {
	t.Helper()
	got := readOutputs(t, out)
	for p := range want {
		if !bytes.Equal(got[p], want[p]) {
			t.Errorf("%s: differs from the build's output", p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: not part of the build's output", p)
		}
	}
	checkManifest(t, out, got, true)
}

// checkConsistent checks that every file in out is well-formed and
// byte-equal to one variant's version of it.
func checkConsistent(t *testing.T, out string, wants ...map[string][]byte) {
	t.Helper()
	got := readOutputs(t, out)
	for p, data := range got {
		if strings.HasPrefix(p, tempPrefix) {
			continue // a killed run's; the next build removes it
		}
		ok := false
		for _, w := range wants {
			if want, in := w[p]; in && bytes.Equal(data, want) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s: matches no build's version (%d bytes)", p, len(data))
		}
		if err := wellFormed(p, data); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	checkManifest(t, out, got, false)
}

// checkManifest checks that the manifest in out is readable and lists
// every output file present; with exact, it lists nothing else.
func checkManifest(t *testing.T, out string, got map[string][]byte, exact bool) {
	t.Helper()
	m, err := readManifest(filepath.Join(out, manifestName))
	if err != nil {
		t.Errorf("manifest: %v", err)
		return
	}
	for p := range got {
		if !strings.HasPrefix(p, tempPrefix) && !m.files[p] {
			t.Errorf("%s: present but not in the manifest", p)
		}
	}
	if exact && len(m.files) != len(got) {
		t.Errorf("manifest lists %d files, the folder holds %d", len(m.files), len(got))
	}
}

// wellFormed checks that an XML file parses to its end and a JSON file
// is valid.
func wellFormed(name string, data []byte) error {
	switch filepath.Ext(name) {
	case ".xml":
		dec := xml.NewDecoder(bytes.NewReader(data))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
		}
	case ".json":
		if !json.Valid(data) {
			return errors.New("invalid JSON")
		}
	}
	return nil
}

// tempFiles returns the temporary files in out.
func tempFiles(t *testing.T, out string) []string {
	t.Helper()
	var temps []string
	for p := range readOutputs(t, out) {
		if strings.Contains(p, tempPrefix) {
			temps = append(temps, p)
		}
	}
	return temps
}
