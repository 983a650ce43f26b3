package search

// Exported for the benchmarks in package search_test, which build the
// index through the site pipeline and so cannot live in package search.
var (
	MeasureQueries = measureQueries
	ReportCosts    = reportCosts
)

// QueryCost is what one measured query downloads.
type QueryCost = queryCost
