package cv

import (
	"bytes"
	"regexp"
	"strconv"
	"time"
)

// The dates a PDF records of itself: the Info dictionary's CreationDate
// (and ModDate), or XMP's CreateDate. Compressed metadata is not read;
// then the file has no date here.
var (
	pdfInfoDate = regexp.MustCompile(`/(CreationDate|ModDate)\s*\(D:((?:19|20)\d{2})(\d{2})?`)
	xmpDate     = regexp.MustCompile(`<xmp:(CreateDate|ModifyDate)>((?:19|20)\d{2})-(\d{2})`)
)

// maxMetadataScan bounds the bytes searched for metadata: the Info
// dictionary sits in the trailer or near the start of a PDF.
const maxMetadataScan = 256 << 10

// FileDate returns the creation date a PDF records (the month of it), or
// the zero time. Only the first and last 256 KB are searched, linearly.
func FileDate(data []byte) time.Time {
	if !bytes.HasPrefix(data, []byte("%PDF")) {
		return time.Time{}
	}
	parts := [][]byte{data}
	if len(data) > 2*maxMetadataScan {
		parts = [][]byte{data[:maxMetadataScan], data[len(data)-maxMetadataScan:]}
	}
	var created, modified time.Time
	for _, p := range parts {
		for _, re := range []*regexp.Regexp{pdfInfoDate, xmpDate} {
			for _, m := range re.FindAllSubmatch(p, 8) {
				t := monthOf(string(m[2]), string(m[3]))
				switch string(m[1]) {
				case "CreationDate", "CreateDate":
					created = later(created, t)
				default:
					modified = later(modified, t)
				}
			}
		}
	}
	if !created.IsZero() {
		return created
	}
	return modified
}

func monthOf(y, m string) time.Time {
	year, _ := strconv.Atoi(y)
	month, err := strconv.Atoi(m)
	if err != nil || month < 1 || month > 12 {
		month = 1
	}
	return time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC)
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
