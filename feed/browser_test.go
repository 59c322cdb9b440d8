package feed

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestChromium renders preview pages in a real headless Chromium:
// it checks the DOM the browser built and takes screenshots at desktop and
// phone size, in light and dark mode. Set FEEDGEN_SCREENSHOT_DIR to keep
// the screenshots. Without Chromium the test is skipped, unless CI is set.
func TestChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser; skipped in -short mode")
	}
	bin := browserBinary(t)
	dir := t.TempDir()

	pages := []struct {
		name string
		p    *Preview
	}{
		{"en", previewSample()},
		{"rtl", previewRTL()},
	}
	pageURLs := map[string]string{}
	for _, pg := range pages {
		var buf bytes.Buffer
		if err := WritePreview(&buf, pg.p); err != nil {
			t.Fatalf("WritePreview(%s): %v", pg.name, err)
		}
		path := filepath.Join(dir, pg.name, "feed.html")
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		pageURLs[pg.name] = (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
	}

	for _, pg := range pages {
		t.Run("dom/"+pg.name, func(t *testing.T) {
			t.Parallel()
			out := browserRun(t, bin, "--dump-dom", pageURLs[pg.name])
			doc := parsePreview(t, out)
			checkPreviewStructure(t, doc)
			checkPreviewItems(t, doc, pg.p)
		})
	}

	shots := []struct {
		name          string
		page          string
		width, height int
		dark          bool
	}{
		{"desktop-light", "en", 1200, 1600, false},
		{"desktop-dark", "en", 1200, 1600, true},
		{"phone-light", "en", 390, 844, false},
		{"phone-dark", "en", 390, 844, true},
		{"phone-rtl-long", "rtl", 390, 1600, false},
	}
	for _, sh := range shots {
		t.Run("screenshot/"+sh.name, func(t *testing.T) {
			t.Parallel()
			file := filepath.Join(t.TempDir(), "preview-"+sh.name+".png")
			args := []string{"--screenshot=" + file, "--hide-scrollbars", "--window-size=" + strconv.Itoa(sh.width) + "," + strconv.Itoa(sh.height)}
			if sh.dark {
				// Makes prefers-color-scheme match dark, as a dark desktop would.
				args = append(args, "--force-dark-mode")
			}
			browserRun(t, bin, append(args, pageURLs[sh.page])...)
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("no screenshot: %v", err)
			}
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("screenshot is not a PNG: %v", err)
			}
			if got, want := img.Bounds().Size(), image.Pt(sh.width, sh.height); got != want {
				t.Errorf("screenshot size = %v, want %v", got, want)
			}
			// The page background shows in the top left corner.
			if got := browserLuminance(img, 2, 2); sh.dark && got > 60 || !sh.dark && got < 200 {
				t.Errorf("background luminance = %d, want a %s page", got, map[bool]string{true: "dark", false: "light"}[sh.dark])
			}
			if got := browserColorCount(img); got < 8 {
				t.Errorf("screenshot has %d colours; the page looks blank", got)
			}
			if keep := os.Getenv("FEEDGEN_SCREENSHOT_DIR"); keep != "" {
				if err := os.MkdirAll(keep, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(keep, filepath.Base(file)), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// browserBinary returns the path of a Chromium binary. When there is none
// it skips the test, or fails it when the CI environment variable is set.
func browserBinary(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	const hint = "chromium not found; install it: apt-get update && apt-get install -y chromium"
	if os.Getenv("CI") != "" {
		t.Fatal(hint)
	}
	t.Skip(hint)
	return ""
}

// browserRun runs headless Chromium with a fresh profile and the given
// arguments, and returns its standard output.
func browserRun(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	base := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(),
	}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	cmd.WaitDelay = 5 * time.Second // do not hang on pipes a leftover child holds
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v (timeout: %v)\nstderr:\n%s", bin, strings.Join(args, " "), err, ctx.Err(), browserLastLines(&stderr, 20))
	}
	return stdout.Bytes()
}

// browserLastLines returns the last n lines of r.
func browserLastLines(r io.Reader, n int) string {
	b, err := io.ReadAll(r)
	if err != nil {
		return err.Error()
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// browserLuminance returns the approximate luminance (0 to 255) of img at x, y.
func browserLuminance(img image.Image, x, y int) int {
	r, g, b, _ := img.At(img.Bounds().Min.X+x, img.Bounds().Min.Y+y).RGBA()
	return int((299*r + 587*g + 114*b) / 1000 >> 8)
}

// browserColorCount returns the number of distinct colours in img, up to 1000.
func browserColorCount(img image.Image) int {
	seen := map[uint32]bool{}
	bnd := img.Bounds()
	for y := bnd.Min.Y; y < bnd.Max.Y; y += 3 {
		for x := bnd.Min.X; x < bnd.Max.X; x += 3 {
			r, g, b, _ := img.At(x, y).RGBA()
			seen[r>>8<<16|g>>8<<8|b>>8] = true
			if len(seen) >= 1000 {
				return len(seen)
			}
		}
	}
	return len(seen)
}
