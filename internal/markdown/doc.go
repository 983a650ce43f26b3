// Package markdown renders the body of a disclosure-log response to a safe
// HTML fragment and extracts what the rest of the site needs from it: plain
// text for search and lint, a summary, the headings and the links.
//
// One Renderer holds one goldmark instance, configured completely in New and
// shared by every call to Convert, which may run on many goroutines at once.
// The dialect is CommonMark with GitHub tables, strikethrough, autolinked
// URLs ("linkify") and task lists, plus footnotes and definition lists.
//
// The output is safe to publish without further sanitising:
//
//   - Raw HTML, block and inline, is dropped entirely (not replaced by an HTML
//     comment) and reported as a warning, except HTML comments, which are
//     dropped silently, and <br>, which becomes a line break.
//   - Link and image destinations may only be relative, root-relative,
//     fragment or query references, or use the schemes http, https, mailto
//     and tel. Any other scheme (javascript:, vbscript:, data:, file:, ...),
//     however it is disguised by case, entities, escapes, spaces or control
//     characters, removes the link but keeps its text (an image keeps its
//     alternative text), and is reported as a warning.
//   - Attribute syntax ({#id .class}) is not enabled, so authors cannot add
//     attributes such as event handlers.
//
// The body never contains an h1, which belongs to the page title: when a
// document uses level-1 headings every heading moves down one level (h6
// stays h6). A heading that consists only of strong text ("## **Harm**") is
// rendered without the redundant <strong>. Every heading gets an id made from
// its text, unique within the document ("harm", "harm-1").
//
// Fenced code with a language chroma knows is highlighted with CSS classes
// (never style attributes); see StyleSheet for the matching CSS. Tables are
// wrapped in a focusable, labelled scroll container for small screens.
//
// Root-relative link and image destinations ("/responses/x/") are prefixed
// with the base path given by WithBasePath, so that a site can be hosted
// under a sub-path. Output is deterministic: the same input and options
// always give the same bytes.
package markdown
