package main

import (
	"encoding/json"
	"fmt"
	"time"
)

type Event struct {
	Name string     `json:"name"`
	At   time.Time  `json:"at"`
	End  *time.Time `json:"end,omitempty"`
}

// Left out: a JSON value that is not a string, whose error Go 1.20 reworded.
func main() {
	at := time.Date(2023, 7, 14, 9, 30, 15, 250000000, time.UTC)
	end := time.Date(2023, 7, 14, 10, 0, 0, 0, time.FixedZone("", 5025))
	b, err := json.Marshal(Event{"launch", at, &end})
	fmt.Println(string(b), err)
	b, err = json.Marshal(map[string]time.Time{"zero": {}})
	fmt.Println(string(b), err)
	_, err = json.Marshal(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(err)
	_, err = time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC).MarshalText()
	fmt.Println(err)

	var e Event
	err = json.Unmarshal([]byte(`{"name":"x","at":"2021-03-04T05:06:07.891+01:23","end":null}`), &e)
	fmt.Println(e.Name, e.At, e.End, err)
	fmt.Println(e.At.UTC(), e.At.Nanosecond())
	var t time.Time
	fmt.Println(t.UnmarshalJSON([]byte("null")), t.IsZero())
	fmt.Println(t.UnmarshalText([]byte("2020-02-29T23:59:59Z")), t)
	txt, err := t.MarshalText()
	fmt.Println(string(txt), err)
	js, err := at.MarshalJSON()
	fmt.Println(string(js), err)

	for _, d := range []time.Time{
		time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2005, 1, 2, 0, 0, 0, 0, time.UTC),
		time.Date(2005, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(2007, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2007, 12, 30, 0, 0, 0, 0, time.UTC), time.Date(2007, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(2008, 12, 29, 0, 0, 0, 0, time.UTC), time.Date(2009, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(2010, 1, 3, 0, 0, 0, 0, time.UTC), time.Date(2020, 12, 31, 23, 0, 0, 0, time.FixedZone("", -7200)),
		time.Date(2021, 1, 1, 0, 30, 0, 0, time.FixedZone("", 3600)), time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-5, 6, 7, 0, 0, 0, 0, time.UTC), time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC),
	} {
		y, w := d.ISOWeek()
		fmt.Println(d.Format("2006-01-02 Mon"), y, w)
	}
	for day := 0; day < 800; day += 13 {
		d := time.Date(2019, 12, 20, 12, 0, 0, 0, time.UTC).AddDate(0, 0, day)
		y, w := d.ISOWeek()
		fmt.Print(y, "-", w, " ")
	}
	fmt.Println()
}
