package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
)

type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errors.New("device full")
	}
	f.n--
	return len(p), nil
}

func show(name string, minwidth, tabwidth, padding int, padchar byte, flags uint, text string) {
	var sb strings.Builder
	w := tabwriter.NewWriter(&sb, minwidth, tabwidth, padding, padchar, flags)
	// write in uneven pieces to exercise cells split across writes
	for i := 0; i < len(text); i += 7 {
		j := i + 7
		if j > len(text) {
			j = len(text)
		}
		fmt.Fprint(w, text[i:j])
	}
	err := w.Flush()
	fmt.Printf("== %s (%v)\n%s|END\n", name, err, strings.ReplaceAll(sb.String(), "\t", "→"))
}

func main() {
	table := "Name\tAge\tCity\nAlice\t30\tNew York\nBob\t4\tLA\nCharlotte-Anne\t102\tSão Paulo\n\nx\ty\n"
	show("left pad 1", 0, 8, 1, ' ', 0, table)
	show("min 10 pad 2 dots", 10, 8, 2, '.', 0, table)
	show("align right", 5, 0, 1, ' ', tabwriter.AlignRight, table)
	show("align right debug", 5, 0, 1, ' ', tabwriter.AlignRight|tabwriter.Debug, table)
	show("tabs", 0, 8, 1, '\t', 0, table)
	show("tabs tw4", 0, 4, 0, '\t', tabwriter.AlignRight, table)
	show("debug", 0, 8, 1, ' ', tabwriter.Debug, table)
	show("trailing tab", 0, 8, 1, ' ', 0, "a\tb\t\nccc\tdd\t\n")
	show("no newline end", 0, 8, 1, ' ', 0, "a\tb\nccc\tdd")
	show("formfeed", 0, 8, 1, ' ', tabwriter.Debug, "a\tb\nlonger\tc\n\fxx\ty\nz\tw\n")
	show("vtab", 0, 8, 1, ' ', 0, "a\vb\vc\nlong cell\vd\ve\n")
	empty := "a\t\tc\nbb\t\tdd\n\t\t\n"
	show("empty cols", 0, 8, 1, ' ', 0, empty)
	show("discard empty", 0, 8, 1, ' ', tabwriter.DiscardEmptyColumns, empty)
	show("discard empty soft", 0, 8, 1, ' ', tabwriter.DiscardEmptyColumns, "a\v\vc\nbb\v\vdd\n")
	show("tabindent", 0, 4, 1, ' ', tabwriter.TabIndent, "\t\tindented\tx\n\tone\ty\nnone\tz\n")
	show("html", 0, 8, 1, ' ', tabwriter.FilterHTML, "<b>bold</b>\t&amp;\tx\nplain\t&lt;&gt;\ty\n")
	show("escape", 0, 8, 1, ' ', 0, "a\xffb\tc\xff\td\nxx\tyy\n")
	show("strip escape", 0, 8, 1, ' ', tabwriter.StripEscape, "a\xffb\tc\xff\td\nxx\tyy\n")
	show("open escape", 0, 8, 1, ' ', 0, "a\tb\xffc\td")
	show("unicode", 0, 8, 1, '-', 0, "日本語\tx\nab\tyy\né\tz\n")
	show("single cells flush", 0, 8, 1, ' ', 0, "one\ntwo\nthree\tfour\n")
	show("ragged", 0, 8, 1, ' ', 0, "a\tb\tc\td\ne\tf\ng\th\ti\nj\n")

	w := tabwriter.NewWriter(os.Stdout, 0, 8, 1, ' ', 0)
	fmt.Fprintln(w, "direct\tto\tstdout")
	fmt.Fprintln(w, "x\ty\tz")
	w.Flush()
	fw := tabwriter.NewWriter(&failAfter{1}, 0, 8, 1, ' ', 0)
	n, err := fmt.Fprint(fw, "a\tb\nc\td\n")
	fmt.Println(n, err)
	fmt.Println(fw.Flush())
	n, err = fmt.Fprint(fw, "single\n")
	fmt.Println(n, err)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		tabwriter.NewWriter(os.Stdout, -1, 8, 1, ' ', 0)
	}()
	var iw tabwriter.Writer
	iw.Init(os.Stdout, 4, 8, 1, '*', tabwriter.AlignRight)
	fmt.Fprintf(&iw, "r\tright\n%d\t%s\n", 12345, "z")
	iw.Flush()
}
