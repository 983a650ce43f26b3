package synth

import (
	"strconv"
	"strings"
)

// force is a police force that publishes responses: its name, how its
// references look, the places its responses mention and the body that
// oversees it.
type force struct {
	name      string
	short     string
	weight    int    // relative share of responses
	scottish  bool   // FOISA and EISR apply instead of FOIA and EIR
	article   bool   // the name takes "the" in running text
	oversight string // the separate body a request may be redirected to
	places    []string
	// ref formats a reference from the response's sequence number within
	// the force's year and the four-digit year.
	ref func(n, year int) string
}

// authority is the site's authority in foilog.yaml: responses of this force
// sometimes omit `force:` and take the default.
const authority = "West Midlands Police"

// forces is the fixed list of forces; its order is part of the output.
var forces = []force{
	{name: "West Midlands Police", short: "WMP", weight: 28, oversight: "the Office of the Police and Crime Commissioner",
		places: []string{"Birmingham", "Coventry", "Wolverhampton", "Dudley", "Walsall", "Solihull", "Sandwell", "Sutton Coldfield", "West Bromwich", "Halesowen", "Stourbridge"},
		ref:    func(n, y int) string { return "FOI " + strconv.Itoa(n) + "/" + yy(y) }},
	{name: "Metropolitan Police Service", short: "MPS", weight: 10, article: true, oversight: "the Mayor's Office for Policing and Crime",
		places: []string{"Westminster", "Camden", "Croydon", "Hackney", "Lambeth", "Newham", "Barnet", "Ealing", "Southwark", "Tower Hamlets", "Lewisham", "Hounslow", "Enfield"},
		ref:    func(n, y int) string { return "01/FOI/" + yy(y) + "/" + pad(n, 6) }},
	{name: "Greater Manchester Police", short: "GMP", weight: 8, oversight: "the Greater Manchester Combined Authority",
		places: []string{"Manchester", "Salford", "Bolton", "Stockport", "Oldham", "Wigan", "Rochdale", "Trafford", "Bury", "Tameside", "Altrincham"},
		ref:    func(n, y int) string { return "GMP-FOI-" + strconv.Itoa(y) + "-" + pad(n, 5) }},
	{name: "West Yorkshire Police", short: "WYP", weight: 6, oversight: "the Mayor of West Yorkshire",
		places: []string{"Leeds", "Bradford", "Wakefield", "Huddersfield", "Halifax", "Kirklees", "Calderdale", "Keighley", "Dewsbury", "Pontefract"},
		ref:    func(n, y int) string { return "FOI/WYP/" + strconv.Itoa(y) + "/" + pad(n, 4) }},
	{name: "Merseyside Police", short: "MP", weight: 5, oversight: "the Office of the Police and Crime Commissioner",
		places: []string{"Liverpool", "Knowsley", "Sefton", "St Helens", "Wirral", "Bootle", "Birkenhead", "Southport", "Kirkby"},
		ref:    func(n, y int) string { return "MP " + pad(n, 4) + "-" + yy(y) }},
	{name: "Thames Valley Police", short: "TVP", weight: 5, oversight: "the Office of the Police and Crime Commissioner",
		places: []string{"Oxford", "Reading", "Milton Keynes", "Slough", "Aylesbury", "High Wycombe", "Banbury", "Maidenhead", "Newbury", "Bicester", "Abingdon"},
		ref:    func(n, y int) string { return "TVP FOI " + strconv.Itoa(n) + "/" + strconv.Itoa(y) }},
	{name: "Avon and Somerset Constabulary", short: "ASC", weight: 5, oversight: "the Office of the Police and Crime Commissioner",
		places: []string{"Bristol", "Bath", "Taunton", "Weston-super-Mare", "Yeovil", "Bridgwater", "Frome", "Glastonbury", "Keynsham"},
		ref:    func(n, y int) string { return "ASC-" + yy(y) + "-" + pad(n, 5) }},
	{name: "Kent Police", short: "KP", weight: 4, oversight: "the Office of the Police and Crime Commissioner",
		places: []string{"Maidstone", "Canterbury", "Dover", "Ashford", "Medway", "Folkestone", "Tunbridge Wells", "Margate", "Sevenoaks", "Gravesend", "Sittingbourne"},
		ref:    func(n, y int) string { return "Kent FOI " + pad(n, 5) + "/" + yy(y) }},
	{name: "Devon and Cornwall Police", short: "DCP", weight: 4, oversight: "the Office of the Police and Crime Commissioner",
		places: []string{"Exeter", "Plymouth", "Truro", "Torquay", "Barnstaple", "Newquay", "Bodmin", "Penzance", "Okehampton", "Falmouth", "Paignton"},
		ref:    func(n, y int) string { return "DCP/" + strconv.Itoa(y) + "/" + strconv.Itoa(n) }},
	{name: "South Wales Police", short: "SWP", weight: 4, oversight: "the Office of the Police and Crime Commissioner",
		places: []string{"Cardiff", "Swansea", "Bridgend", "Merthyr Tydfil", "Neath", "Pontypridd", "Barry", "Port Talbot", "Caerphilly", "Aberdare"},
		ref:    func(n, y int) string { return "SWP FOI " + pad(n, 4) + "-" + yy(y) }},
	{name: "Police Scotland", short: "PS", weight: 9, scottish: true, oversight: "the Scottish Police Authority",
		places: []string{"Glasgow", "Edinburgh", "Aberdeen", "Dundee", "Inverness", "Stirling", "Paisley", "Perth", "Kirkcaldy", "Falkirk", "Dumfries", "Kilmarnock", "Livingston", "Fort William", "Lerwick"},
		ref:    func(n, y int) string { return "IM-FOI-" + strconv.Itoa(y) + "-" + pad(n, 4) }},
	{name: "Police Service of Northern Ireland", short: "PSNI", weight: 4, article: true, oversight: "the Northern Ireland Policing Board",
		places: []string{"Belfast", "Derry", "Newry", "Lisburn", "Armagh", "Ballymena", "Enniskillen", "Coleraine", "Omagh", "Craigavon", "Bangor"},
		ref:    func(n, y int) string { return "F-" + strconv.Itoa(y) + "-" + pad(n, 5) }},
	{name: "Northumbria Police", short: "NP", weight: 3, oversight: "the Mayor of the North East",
		places: []string{"Newcastle", "Sunderland", "Gateshead", "North Tyneside", "South Shields", "Hexham", "Blyth", "Morpeth", "Washington", "Cramlington"},
		ref:    func(n, y int) string { return "NP FOI " + strconv.Itoa(n) + "." + yy(y) }},
	{name: "Hampshire and Isle of Wight Constabulary", short: "HIOWC", weight: 3, oversight: "the Office of the Police and Crime Commissioner",
		places: []string{"Southampton", "Portsmouth", "Winchester", "Basingstoke", "Newport", "Aldershot", "Eastleigh", "Andover", "Ryde", "Fareham", "Havant"},
		ref:    func(n, y int) string { return "HC/FOI/" + yy(y) + "/" + pad(n, 4) }},
}

// yy returns the last two digits of year, zero-padded.
func yy(year int) string { return pad(year%100, 2) }

// pad returns n in decimal with at least width digits.
func pad(n, width int) string {
	s := strconv.Itoa(n)
	if len(s) >= width {
		return s
	}
	return strings.Repeat("0", width-len(s)) + s
}
