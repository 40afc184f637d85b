package httpserver

// MalformedMultipartMessage answers a GraphQL multipart request whose body
// cannot be read (no boundary, a broken part header, cut off). The router
// and the subgraphs say it in these words instead of their parsers'
// ("malformed MIME header: missing colon", "failed to parse part").
const MalformedMultipartMessage = "the multipart body is malformed or ends early: send a GraphQL multipart request " +
	"(operations, map, then one part per file, closed by the final boundary)"

// DefaultMaxUploadBytes is the largest upload (a CV file) accepted by
// default, from the router's multipart limit down to the extractor.
const DefaultMaxUploadBytes int64 = 10 << 20
