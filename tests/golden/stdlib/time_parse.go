package main

import (
	"fmt"
	"time"
)

// Zone offsets are ones no real zone uses (+01:23, -04:56), so the results do not depend on the
// machine's local zone.
func show(layout, value string) {
	t, err := time.Parse(layout, value)
	if err != nil {
		fmt.Printf("%q: %v\n", value, err)
		if pe, ok := err.(*time.ParseError); ok {
			fmt.Printf("   elem %q %q msg %q\n", pe.LayoutElem, pe.ValueElem, pe.Message)
		}
		return
	}
	name, off := t.Zone()
	fmt.Printf("%q: %v | %s %d | %d %d\n", value, t, name, off, t.Unix(), t.Nanosecond())
}

// Left out: a value element that fails after part of it was read ("21" for "2006", "pm" for
// "PM"), whose error Go 1.20 changed to quote the whole element.
func main() {
	ref := time.Date(2023, time.March, 5, 14, 7, 9, 123456789, time.FixedZone("XYZ", 5025))
	layouts := []string{time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z, time.RFC850,
		time.RFC1123, time.RFC1123Z, time.RFC3339, time.RFC3339Nano, time.Kitchen, time.Stamp, time.StampMilli,
		time.StampMicro, time.StampNano, "2006-01-02 15:04:05", "2006-01-02", "15:04:05", time.Layout,
		"Monday, January 2, 2006 3:04:05.000 pm Z07:00:00", "2006-002 15h04", "Jan _2 __2 06 -07", "20060102150405",
		"2006-01-02T15:04:05.000000Z0700", "2006-01-02 15:04:05,999 -070000", "_2/1/06"}
	for _, l := range layouts {
		s := ref.Format(l)
		show(l, s)
		s = ref.UTC().Format(l)
		show(l, s)
	}
	show("2006-01-02", "2021-13-01")
	show("2006-01-02", "2021-00-01")
	show("2006-01-02", "2021-02-29")
	show("2006-01-02", "2020-02-29")
	show("2006-01-02", "2021-04-31")
	show("2006-01-02", "2021-4-30")
	show("2006-1-2", "2021-4-3")
	show("2006-01-02", "2021-04-30 extra")
	show("2006-01-02", "")
	show("2006-01-02", "x")
	show("15:04:05", "25:00:00")
	show("15:04:05", "23:60:00")
	show("15:04:05", "23:59:60")
	show("15:04:05", "23:59:59.123")
	show("15:04:05", "23:59:59,5")
	show("15:04:05.000", "23:59:59.12")
	show("15:04:05.000", "23:59:59.1234")
	show("15:04:05.999", "23:59:59")
	show("15:04:05.999", "23:59:59.1")
	show("3:04PM", "12:30AM")
	show("3:04PM", "12:30PM")
	show("3:04PM", "13:30PM")
	show("Jan 2 2006", "jAN 5 2020")
	show("January 2 2006", "Febr 5 2020")
	show("Mon Jan 2 2006", "Fri Jan 3 2020")
	show("Mon Jan 2 2006", "Xyz Jan 3 2020")
	show("Monday Jan 2 2006", "wednesday Jan 3 2020")
	show("2006 002", "2020 060")
	show("2006 002", "2021 060")
	show("2006 002", "2020 366")
	show("2006 002", "2021 366")
	show("2006 002", "2021 000")
	show("2006 __2", "2021   5")
	show("2006 002", "2021 05")
	show("2006 002 01", "2020 061 03")
	show("2006 002 01", "2020 061 02")
	show("2006 002 01-02", "2020 061 03-02")
	show("2006-01-02 MST", "2020-06-01 UTC")
	show("2006-01-02 MST", "2020-06-01 XYZ")
	show("2006-01-02 MST", "2020-06-01 GMT+3")
	show("2006-01-02 MST", "2020-06-01 GMT-11")
	show("2006-01-02 MST", "2020-06-01 Xy")
	show("2006-01-02 -0700", "2020-06-01 +0123")
	show("2006-01-02 -0700", "2020-06-01 -0456")
	show("2006-01-02 -0700", "2020-06-01 Z")
	show("2006-01-02 Z0700", "2020-06-01 Z")
	show("2006-01-02 Z07:00", "2020-06-01 +01:23")
	show("2006-01-02 Z07:00", "2020-06-01 +0123")
	show("2006-01-02 -07", "2020-06-01 -04")
	show("2006-01-02 -07:00:00", "2020-06-01 -04:56:07")
	show("2006-01-02 -070000", "2020-06-01 +012345")
	show("2006-01-02 -0700 MST", "2020-06-01 +0123 ABC")
	show("2006-01-02  15:04", "2020-06-01 15:04")
	show("2006-01-02 15:04", "2020-06-01    15:04")
	show("2006-01-02 15:04", "2020-06-0115:04")
	show("06-01-02", "69-01-02")
	show("06-01-02", "68-01-02")
	show("Jan _2", "Feb  7")
	show("Jan _2", "Feb 17")
	show("2006-01-02T15:04:05Z07:00", "2020-06-01T10:11:12.5+01:23")
	show("2006-01-02T15:04:05Z07:00", "2020-06-01T10:11:12.5")
	show("", "")
	show("", "x")
	show("no elements", "no elements")
	show("no elements", "no elementz")
	show(`quote "2006"`, `quote "é"`)

	loc := time.FixedZone("ABC", -2*3600)
	for _, v := range []string{"2020-06-01 10:00", "2020-06-01 10:00 ABC", "2020-06-01 10:00 -0200", "2020-06-01 10:00 +0200", "2020-06-01 10:00 DEF"} {
		layout := "2006-01-02 15:04"
		if len(v) > len(layout) {
			if v[len(v)-1] >= 'A' {
				layout += " MST"
			} else {
				layout += " -0700"
			}
		}
		t, err := time.ParseInLocation(layout, v, loc)
		fmt.Println(t, err, t.Location())
	}
	t, err := time.ParseInLocation("2006-01-02", "2020-06-01", time.UTC)
	fmt.Println(t, err, t.Location(), t.IsZero())
	var zero time.Time
	t, err = time.Parse("2006", "x")
	fmt.Println(t == zero, err)
	t, _ = time.Parse("2006-01-02 15:04:05", "2020-06-01 10:00:00")
	u, _ := time.Parse(time.RFC3339, "2020-06-01T12:30:00Z")
	fmt.Println(u.Sub(t), t.Before(u), t.Weekday(), t.YearDay())
	for _, d := range []string{"1h30m", "-1.5s", "300ms", "2h45m10.5s", "1µs", "0", "", "1", "1x", ".s", "-"} {
		v, err := time.ParseDuration(d)
		fmt.Println(v, err)
	}
}
