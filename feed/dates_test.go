package feed

import (
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skipf("no time zone database: %v", err)
	}
	plus2 := time.FixedZone("", 2*3600)
	minus7 := time.FixedZone("", -7*3600)
	tests := []struct {
		in           string
		loc          *time.Location
		want         time.Time
		wantDateOnly bool
	}{
		{"2024-03-01", nil, time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), true},
		{"2024-3-1", nil, time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), true},
		{"2024-03-01", berlin, time.Date(2024, 3, 1, 0, 0, 0, 0, berlin), true},
		{"2024-02-29", nil, time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), true},
		{"2024-03-01T10:20:30Z", berlin, time.Date(2024, 3, 1, 10, 20, 30, 0, time.UTC), false},
		{"2024-03-01t10:20:30z", nil, time.Date(2024, 3, 1, 10, 20, 30, 0, time.UTC), false},
		{"2024-03-01T10:20:30+02:00", nil, time.Date(2024, 3, 1, 10, 20, 30, 0, plus2), false},
		{"2024-03-01T10:20:30.123456789-07:00", nil, time.Date(2024, 3, 1, 10, 20, 30, 123456789, minus7), false},
		{"2024-03-01T10:20:30.5Z", nil, time.Date(2024, 3, 1, 10, 20, 30, 500000000, time.UTC), false},
		{"2024-03-01T10:20:30", berlin, time.Date(2024, 3, 1, 10, 20, 30, 0, berlin), false},
		{"2024-03-01T10:20:30.25", nil, time.Date(2024, 3, 1, 10, 20, 30, 250000000, time.UTC), false},
		{"2024-03-01T10:20", berlin, time.Date(2024, 3, 1, 10, 20, 0, 0, berlin), false},
		{"2024-03-01 10:20:30 -0700", nil, time.Date(2024, 3, 1, 10, 20, 30, 0, minus7), false},
		{"2024-03-01 10:20:30 +02:00", nil, time.Date(2024, 3, 1, 10, 20, 30, 0, plus2), false},
		{"2024-03-01 10:20:30 +02", nil, time.Date(2024, 3, 1, 10, 20, 30, 0, plus2), false},
		{"2024-03-01 10:20:30Z", nil, time.Date(2024, 3, 1, 10, 20, 30, 0, time.UTC), false},
		{"2024-03-01 10:20:30", berlin, time.Date(2024, 3, 1, 10, 20, 30, 0, berlin), false},
		{"2024-03-01 10:20", nil, time.Date(2024, 3, 1, 10, 20, 0, 0, time.UTC), false},
		{"2024-03-01 9:05", nil, time.Date(2024, 3, 1, 9, 5, 0, 0, time.UTC), false},
		{"0001-01-01", nil, time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{"9999-12-31T23:59:59Z", nil, time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC), false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, gotDateOnly, err := ParseDate(tc.in, tc.loc)
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tc.in, err)
			}
			if !got.Equal(tc.want) || got.Location().String() != tc.want.Location().String() {
				t.Errorf("ParseDate(%q) = %v, want %v", tc.in, got, tc.want)
			}
			_, gotOff := got.Zone()
			_, wantOff := tc.want.Zone()
			if gotOff != wantOff {
				t.Errorf("ParseDate(%q) offset = %d, want %d", tc.in, gotOff, wantOff)
			}
			if gotDateOnly != tc.wantDateOnly {
				t.Errorf("ParseDate(%q) dateOnly = %v, want %v", tc.in, gotDateOnly, tc.wantDateOnly)
			}
		})
	}
}

func TestParseDateErrors(t *testing.T) {
	tests := []struct {
		in      string
		wantErr string
	}{
		{"tomorrow", `"tomorrow" is not a date`},
		{"", `"" is not a date`},
		{"2023-02-30", `"2023-02-30": February 2023 has no day 30`},
		{"2023-02-29", `"2023-02-29": February 2023 has no day 29`},
		{"2023-13-01", `"2023-13-01": month 13 does not exist`},
		{"2023-00-01", `"2023-00-01": month 0 does not exist`},
		{"0000-01-01", `"0000-01-01": year must be between 0001 and 9999`},
		{"10000-01-01", `"10000-01-01": year must be between 0001 and 9999`},
		{"24-01-01", `"24-01-01" is not a date`},
		{"2024/01/01", `"2024/01/01" is not a date`},
		{"2024-01-01T25:00", `"2024-01-01T25:00": time of day out of range`},
		{"2024-01-01T10:60", `"2024-01-01T10:60": time of day out of range`},
		{"2024-01-01T10:00:60Z", `"2024-01-01T10:00:60Z": time of day out of range`},
		{"2024-01-01T10", `"2024-01-01T10" is not a date`},
		{"2024-01-01T10:00:00+25:00", `"2024-01-01T10:00:00+25:00" is not a date`},
		{"2024-01-01T10:00:00 PST", `"2024-01-01T10:00:00 PST" is not a date`},
		{"2024-01-01T10:00:00.Z", `"2024-01-01T10:00:00.Z" is not a date`},
		{"2024-01-01 ", `"2024-01-01 " is not a date`},
		{" 2024-01-01", `" 2024-01-01" is not a date`},
		{"2024-01-01T10:00:00Zjunk", `"2024-01-01T10:00:00Zjunk" is not a date`},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, _, err := ParseDate(tc.in, nil)
			if err == nil {
				t.Fatalf("ParseDate(%q) = %v, want error", tc.in, got)
			}
			if !strings.HasPrefix(err.Error(), tc.wantErr+" (") {
				t.Errorf("ParseDate(%q) error = %q, want prefix %q", tc.in, err, tc.wantErr)
			}
			if !strings.Contains(err.Error(), dateForms) {
				t.Errorf("ParseDate(%q) error = %q does not list the accepted forms", tc.in, err)
			}
		})
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2024-03-01", "2024-3-1", "2024-03-01T10:20:30Z", "2024-03-01T10:20:30.123+02:00",
		"2024-03-01 10:20:30 -0700", "2024-03-01 10:20", "2024-03-01T10:20", "0001-01-01T00:00:00+01:00",
		"9999-12-31T23:59:59-23:59", "2024-03-10T02:30:00",
	} {
		f.Add(s)
	}
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		ny = time.FixedZone("EST", -5*3600)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, dateOnly, err := ParseDate(s, ny)
		if err != nil {
			return
		}
		layout := time.RFC3339Nano
		if dateOnly {
			layout = time.DateOnly
		}
		if _, off := got.Zone(); off%60 != 0 && !dateOnly {
			got = got.UTC() // RFC 3339 offsets have no seconds (old LMT zones do)
		}
		formatted := got.Format(layout)
		again, againDateOnly, err := ParseDate(formatted, ny)
		if err != nil {
			t.Fatalf("ParseDate(%q) = %v, formatted %q does not parse: %v", s, got, formatted, err)
		}
		if !again.Equal(got) || againDateOnly != dateOnly {
			t.Fatalf("ParseDate(%q) = %v (%v); re-parsing %q gives %v (%v)", s, got, dateOnly, formatted, again, againDateOnly)
		}
	})
}
