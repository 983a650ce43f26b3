package synth

// The phrase bank. Every sentence here was written for the generator; slots
// in braces expand per response (see (*response).slot). Sentences never
// cite a provision by number: the body names only the provisions in the
// file's `exemptions`, through the {cite} and {cites} slots.

var requestLeads = []string{
	"Thank you for your request for information received on {received}, which has been considered under the {act}.",
	"Your request for information, received on {received}, has now been considered.",
	"I write in connection with your request for information, which {force} received on {received}.",
	"We received your request on {received} and have handled it under the {act}.",
	"Your correspondence of {received} has been dealt with as a request for recorded information.",
	"This letter responds to your request dated {received}.",
	"Further to your email of {received}, please find our response below.",
	"Your application for information about {subject} was logged on {received} and allocated to a disclosure officer.",
	"Thank you for contacting {force}. Your request was received on {received} and has been processed in accordance with the {act}.",
}

var requestIntros = []string{
	"You asked:", "Specifically, you asked:", "The request read as follows:", "In your request you asked for the following:",
	"Your request was worded as follows:", "You requested the following information:", "Your questions were:",
}

// requesterContext is what requesters say about themselves or their
// purpose; it never identifies them.
var requesterContext = []string{
	"I am researching this subject for a university dissertation and would be grateful for your help.",
	"I am asking on behalf of a residents' association that has raised concerns about this issue.",
	"This request is part of a wider piece of work comparing police forces across the country.",
	"I have been unable to find this information in your publication scheme or on your website.",
	"I would prefer to receive the information electronically, ideally as a spreadsheet.",
	"I understand that some details may be sensitive, so anonymised or aggregated figures would be acceptable.",
	"If complying with the whole request would exceed the cost limit, please answer as many questions as possible in the order listed.",
	"I am a freelance journalist writing about public spending on policing.",
	"As a member of a parish council, I have been asked about this by several residents.",
	"Please treat each numbered question as a separate request if that makes it easier to answer.",
}

var genericAsks = []string{
	"Please provide the figures broken down by year for {from} to {to}.",
	"If possible, please break this down by district or local policing area.",
	"Please state the total cost to the force in each financial year.",
	"Please include any internal guidance or policy documents that cover this area.",
	"Could you also tell me which department is responsible for this work?",
	"If the information is held in a spreadsheet, I would be grateful to receive it in that format.",
	"How many complaints were received about this in the same period?",
	"Please confirm whether any external supplier is involved and, if so, the value of the contract.",
	"Please also provide the equivalent figures for {place}.",
	"I would like the data for calendar years rather than financial years, if that is possible.",
}

var openers = map[string][]string{
	"disclosed": {
		"{Force} holds information relevant to your request and it is provided below.",
		"I can confirm that the information you have asked for is held by {force}. Please find our answers set out below.",
		"Having searched the relevant systems, we are able to provide the information in full.",
		"The information you requested has been located and is disclosed below.",
		"Thank you for your patience while the figures were gathered from {dept}. The answers to your questions are as follows.",
		"Searches were carried out by {dept}, and the information located is provided in full.",
		"I am pleased to provide the information you requested, which was supplied by {dept}.",
	},
	"partial": {
		"{Force} holds information relevant to your request. Some of it is provided below; the remainder is exempt from disclosure for the reasons explained in this letter.",
		"I am able to disclose part of the information you asked for. Other parts are withheld by virtue of {cites}.",
		"Having considered your request, I can provide some of the information. The remainder is withheld under {cites}, and the reasons are set out below.",
		"Part of the information you requested is disclosed below. Where information has been withheld, the relevant exemption is explained.",
		"Most of your questions can be answered in full. For the remaining question, the information is exempt under {cites}.",
	},
	"refused": {
		"I have considered your request and I am unable to provide the information, as it is exempt by virtue of {cites}.",
		"{Force} holds information within the scope of your request, but it is withheld in full under {cites}.",
		"Please accept this letter as a refusal notice. The information you asked for is exempt from disclosure under {cites}.",
		"After careful consideration, the decision has been taken to withhold the requested information in reliance on {cites}.",
		"Unfortunately we are unable to comply with your request, for the reasons given below; the relevant provision is {cites}.",
	},
	"ncnd": {
		"{Force} can neither confirm nor deny that it holds the information you requested, by virtue of {cites}.",
		"This letter is a refusal notice. {Force} neither confirms nor denies that it holds any information relevant to your request, as the duty to do so does not arise by virtue of {cites}.",
		"I am required to inform you that {force} is neither confirming nor denying whether information is held in relation to your request. The provisions relied upon are {cites}.",
		"The duty to confirm or deny whether information is held does not apply to your request, by virtue of {cites}.",
	},
	"not-held": {
		"Following searches of the relevant systems, I can confirm that {force} does not hold the information you have asked for.",
		"I am sorry to inform you that the information you requested is not held by {force}.",
		"Enquiries were made with {dept}, who have confirmed that no recorded information is held that would answer your request.",
		"{Force} does not hold recorded information within the scope of your request.",
		"Having carried out thorough searches, we have established that the information you requested is not held.",
	},
}

var answerLeads = []string{
	"In answer to your first question,", "To answer your question,", "For the period you specified,",
	"Our records show that", "According to the data held by {dept},", "The figures held show that",
}

var figures = []string{
	"In {year} there were {n} recorded instances across the force area.",
	"The total cost in the financial year {fy} was {money}.",
	"Please see the table below for a breakdown by year.",
	"The figure for {place} was {n}, compared with {n2} in {place2}.",
	"The equivalent figure for the previous year was {n}, a change of {pct}.",
	"These figures were extracted from {system} on {date}.",
	"The number has remained broadly stable since {from}, apart from a temporary fall during the pandemic.",
	"Of the {big} records examined, {n} matched the criteria in your request.",
	"No central record is kept of the cost, but the figure of {money} is an estimate provided by {dept}.",
	"The average over the period was {n} a year, with the highest figure recorded in {year}.",
	"Between {from} and {to} the total was {big}.",
	"{Place} accounted for the largest share, followed by {place2}.",
	"The increase in {year} reflects proactive work under Operation {operation}.",
}

var caveats = []string{
	"Please note that the figures provided are drawn from a live system and may differ slightly from those published elsewhere.",
	"Data is extracted from {system}, which was introduced in {from}; figures for earlier periods are not directly comparable.",
	"Any figure of five or fewer has been shown as fewer than five, to reduce the risk of identifying individuals.",
	"The counting rules changed during {year}, and this should be borne in mind when comparing years.",
	"Costs are shown excluding VAT and rounded to the nearest pound.",
	"Financial years run from 1 April to 31 March.",
	"Where an incident involved more than one officer it has been counted once.",
	"These figures have not been through the quality assurance process applied to official statistics and should be treated as management information.",
	"Some records may contain errors introduced at the point of data entry, and the figures should be read with that in mind.",
	"Figures are based on the date the record was created rather than the date of the incident.",
	"Records are retained in line with the national guidance on the management of police information, so older data may no longer be available.",
	"The data was compiled by manually reviewing records, so small discrepancies are possible.",
	"A single person may appear more than once in these figures if they were involved in separate incidents.",
	"Where a field was left blank by the recording officer, the record has been shown as not stated.",
}

var backgrounds = []string{
	"{Force} publishes a range of information about {subject} as part of its publication scheme.",
	"Responsibility for {subject} sits with {dept}, which reports to the chief officer team.",
	"The way information about {subject} is recorded was reviewed in {year} following an inspection by His Majesty's Inspectorate of Constabulary and Fire and Rescue Services.",
	"Decisions about {subject} are scrutinised by {oversight}, which publishes its meeting papers.",
	"Figures for {subject} in other force areas can be requested from those forces directly, as each police force is a separate public authority.",
	"Guidance on {subject} is contained in authorised professional practice published by the College of Policing.",
	"Demand relating to {subject} is reviewed each quarter at the force performance board.",
	"Local priorities for {subject} are agreed with community partners in {place} and {place2}.",
	"The force works with neighbouring forces on {subject}, and some figures may include activity carried out in support of them.",
	"Members of the public can find information about crime in their neighbourhood, including {subject} where relevant, at <https://www.police.uk/>.",
	"Related information may be held by {partner}, which is a separate public authority and would need to be approached directly.",
	"The force works closely with {partner} and {partner} on matters of this kind.",
	"A joint protocol with {partner} sets out how responsibilities for {subject} are shared.",
	"Activity in {place} during {year} was coordinated under Operation {operation}, which brought together neighbourhood and specialist teams.",
	"Operation {operation}, a campaign focused on {subject}, ran for several weeks in {place}.",
}

// partners are organisations a response may mention.
var partners = []string{
	"the Crown Prosecution Service", "the National Crime Agency", "HM Revenue and Customs",
	"the Driver and Vehicle Licensing Agency", "Border Force", "the British Transport Police",
	"the Probation Service", "local authority trading standards", "the Environment Agency",
	"Natural England", "the RSPCA", "National Highways", "Network Rail", "the local NHS trust",
	"the ambulance service", "the fire and rescue service", "Victim Support", "Crimestoppers",
	"Neighbourhood Watch", "the Youth Justice Board", "the Gambling Commission", "Ofcom",
	"the Charity Commission", "the Food Standards Agency", "the Health and Safety Executive",
	"the Maritime and Coastguard Agency", "the Civil Aviation Authority", "the College of Policing",
	"the National Police Chiefs' Council", "the Home Office", "the Ministry of Justice",
	"the Department for Transport", "the Information Commissioner's Office", "the local council",
	"the integrated care board", "the Coroner's Office", "the Office for National Statistics",
}

var assistance = []string{
	"By way of advice and assistance, you may wish to narrow your request, for example by limiting it to a single year or a single local policing area.",
	"If you refine your request, please be aware that we cannot guarantee that the information will be released, as exemptions may still apply.",
	"Much of the force's statistical information is already published at <https://data.police.uk/>, which may help you.",
	"National figures are published by the Home Office at <https://www.gov.uk/government/organisations/home-office>, and these may meet your needs.",
	"You may wish to redirect your request to {oversight}, which is a separate public authority with its own disclosure process.",
	"If it would help, a disclosure officer can discuss with you how the request might be reframed so that it falls within the limit.",
	"Please note that a refined request will be treated as a new request, and the time for compliance will start again.",
}

var notHeldReasons = []string{
	"There is no business requirement for the force to record {subject} in the way you have described, and no report exists that could produce these figures.",
	"Our systems do not capture this level of detail, and answering your question would require the creation of new information, which is not required under the {actshort}.",
	"The right of access under the {actshort} extends only to recorded information held at the time a request is received; it does not oblige a public authority to create new records or answer general questions.",
	"Searches were carried out on the command and control system, the crime recording system and the records held by {dept}, but nothing relevant was found.",
	"Any information of this kind would be recorded in free text, and there is no searchable field that would allow relevant records to be identified.",
	"The records you describe were held by a predecessor system and were destroyed in line with the retention schedule before your request was received.",
	"The force does not collate this information centrally, and enquiries with local commands found no local records either.",
	"Where figures of this kind exist, they may be held by the Home Office, which collects national data from police forces.",
}

var costReasons = map[string][]string{
	"english": {
		"The appropriate limit for police forces is £450, which equates to eighteen hours of work at the rate of £25 per hour set out in the fees regulations.",
		"When estimating the cost, the force may take account of the time spent determining whether the information is held, locating it, retrieving it and extracting it.",
	},
	"scottish": {
		"The upper cost limit under the {act} is £600, calculated at a maximum of £15 per hour of staff time.",
		"Where the estimated cost of complying exceeds that amount, a Scottish public authority is not obliged to comply with the request.",
	},
	"env": {
		"Although the {act} contain no fixed cost limit, a request can be manifestly unreasonable where compliance would impose a grossly oppressive burden on the authority.",
		"In assessing the burden, the force has had regard to the guidance issued by the {commissioner} on manifestly unreasonable requests.",
	},
	"any": {
		"To answer your request, each of the {big} records for the period would need to be read manually, because the information is not held in a searchable field.",
		"A sampling exercise showed that each record takes about {n2} minutes to review, which would take far longer than the limit allows.",
		"Even on a conservative estimate of one minute per record, the work would exceed the limit many times over.",
		"The information is spread across several systems, none of which can be searched by the criteria in your request.",
		"Retrieving the information would require {dept} to examine paper files held at a number of sites.",
	},
}

var vexatiousReasons = []string{
	"Taken together with your previous correspondence on this subject, the request is considered to be vexatious.",
	"Complying with the request would impose a burden on the force that is disproportionate to any value or purpose it has.",
	"This decision has been made with regard to the guidance issued by the {commissioner}, which makes clear that it is the request, not the requester, that must be vexatious.",
	"The request repeats questions that have already been answered in full, and a further response would serve no useful purpose.",
	"The tone and volume of recent correspondence have caused distress to staff, and the request appears designed to cause disruption.",
}

var ncndStatements = []string{
	"Confirming or denying whether any information is held would in itself disclose information that is exempt.",
	"To confirm that information is held would reveal police interest in {subject}; to deny it could equally be revealing.",
	"A consistent approach must be taken to requests of this type, because a pattern of responses would allow inferences to be drawn.",
	"Where the response to a request of this kind varies from case to case, the variation itself can be informative, so the same answer is given every time.",
	"This approach is taken in every case of this type and should not be taken to suggest that any particular inference applies here.",
}

var noInference = []string{
	"Nothing in this response should be taken as an indication that the information you requested does or does not exist.",
	"This response should not be taken as confirmation that any information is, or is not, held.",
	"Please note that this letter should not be read as conclusive evidence that the information you requested exists or does not exist.",
}

// reasons explain why a provision is engaged, by family.
var reasons = map[family][]string{
	famAccessible: {
		"Information that is reasonably accessible to the applicant by other means is exempt, and the information you asked for is already published.",
		"The figures you requested are published on the force website and can be found at <https://www.police.uk/>.",
		"National statistics covering your request are available at <https://www.gov.uk/government/statistics>, and the exemption therefore applies.",
	},
	famFuture: {
		"The information is due to be published in {later} as part of a planned release, and it is reasonable to withhold it until then.",
		"At the time of your request, the information was held with a view to publication at a future date, which has already been decided.",
		"The material is still being finalised and quality assured, and releasing an unfinished version could mislead readers.",
	},
	famSecurity: {
		"The exemption protects information whose release would, or would be likely to, harm national security.",
		"Information about the involvement of security bodies in policing is exempt, and the force is not able to comment on it.",
		"Safeguarding national security includes protecting potential targets even where there is no evidence that an attack is imminent.",
	},
	famLaw: {
		"Information is exempt where its release would, or would be likely to, prejudice the prevention or detection of crime or the apprehension or prosecution of offenders.",
		"The information forms part of investigations conducted by the force with a view to deciding whether a person should be charged with an offence.",
		"Releasing the information would give offenders an insight into police capability that could be used to avoid detection.",
	},
	famCourt: {
		"The information is held only because it is contained in documents filed with, or created by, a court for the purposes of proceedings.",
	},
	famAffairs: {
		"The qualified person has given the opinion that disclosure would be likely to prejudice the effective conduct of public affairs.",
		"The information records internal discussion and deliberation, and its release would inhibit the free and frank exchange of views.",
	},
	famHealth: {
		"Information is exempt where its release would, or would be likely to, endanger the physical or mental health or the safety of any individual.",
		"Publishing the information could make individuals or buildings the target of harassment or attack.",
	},
	famPersonal: {
		"The information requested would identify living individuals, and disclosure would breach the first data protection principle, as it would not be lawful, fair or transparent.",
		"Individuals who come into contact with the police have a reasonable expectation that their details will not be published to the world.",
		"Given the small numbers involved, there is a real risk that individuals could be identified when the information is combined with local knowledge or media reporting.",
		"Names and roles of staff below senior management grade are withheld, as those staff would not expect their details to be made public.",
	},
	famConfidence: {
		"The information was provided to the force in confidence by a third party, and disclosure would constitute an actionable breach of confidence.",
		"The provider of the information did not consent to its release and supplied it on the clear understanding that it would remain confidential.",
	},
	famLegal: {
		"The information consists of legal advice provided by a qualified lawyer to {force} and attracts legal professional privilege.",
		"Privilege has not been waived, and the advice remains live because the matter it relates to is ongoing.",
	},
	famCommercial: {
		"Disclosure of contract prices would allow competitors to undercut suppliers in future tenders, prejudicing the commercial interests of both the supplier and {force}.",
		"The supplier was consulted and has explained why releasing its pricing would damage its position in a competitive market.",
		"The force must be able to obtain value for money, which depends on a fair and competitive procurement process.",
	},
	famProhibition: {
		"Disclosure is prohibited by other legislation, and the exemption is therefore absolute.",
		"The information was obtained under statutory powers that restrict its onward disclosure.",
	},
	famNCND: {
		"The duty to confirm or deny does not arise where confirming or denying would itself reveal exempt information.",
		"If the force were to reveal whether the information exists, it would disclose information that is itself exempt from release.",
	},
}

// harms describe the harm of disclosure, by family.
var harms = map[family][]string{
	famAny: {
		"Disclosure under the {actshort} is disclosure to the world, not just to the requester, and must be considered in that light.",
		"The harm described here is real and specific rather than hypothetical, and it has been assessed against the circumstances at the time of the request.",
		"Once information has been released it cannot be withdrawn, and the force must consider how it might be used by anyone who obtains it.",
	},
	famSecurity: {
		"Disclosure would allow those intent on causing harm to build a picture of where capabilities are focused and, by implication, where they are absent.",
		"Any information identifying the extent of support from security bodies would be of value to hostile actors planning attacks on the United Kingdom.",
		"Small pieces of information, when combined with what is already in the public domain, can reveal far more than each does alone; this is often called the mosaic effect.",
		"The threat from terrorism is kept under constant review, and the force must not release information that would help those seeking to exploit gaps in protective security.",
	},
	famLaw: {
		"Releasing this information would reveal tactical and operational detail that could be used by offenders to avoid detection.",
		"If the capability of the force in this area were known, offenders could adapt their behaviour and move their activity to where they believe the risk of being caught is lower.",
		"The prevention and detection of crime depends in part on offenders not knowing exactly which methods are available to the police.",
		"Information of this kind could be compared across forces to identify those with the least resilience, undermining the effectiveness of policing nationally.",
	},
	famHealth: {
		"Releasing this information could endanger the safety of officers, staff and members of the public.",
		"Publishing the locations in question could make them targets for criminal damage or attack.",
	},
	famCommercial: {
		"Suppliers may be less willing to share detailed pricing with the force if they believe it will be published.",
		"Publishing the pricing structure would weaken the force's position when the contract is next tendered.",
	},
	famAffairs: {
		"Officers and staff would be less candid in recording their views if they expected those views to be published while decisions were still being made.",
	},
	famFuture: {
		"Early release of incomplete figures could lead to them being misinterpreted and would undermine the planned publication.",
	},
}

// favour and against are the public interest factors for and against
// disclosure; famAny keys the general factors used for any family.
var favour = map[family][]string{
	famAny: {
		"There is a general public interest in openness and transparency in the way public authorities conduct their business.",
		"Disclosure would show how public money is spent and allow the public to judge whether resources are used efficiently.",
		"Releasing the information would inform public debate about {subject} and help people understand how {force} works.",
		"The public have an interest in knowing that the police are effective in tackling crime in their community.",
		"Greater transparency may increase public confidence in the force and encourage people to engage with it.",
	},
	famSecurity: {"Disclosure would reassure the public that appropriate measures are in place to protect the country from terrorism."},
	famLaw:      {"Release would give the public a better understanding of how the force deploys its resources to prevent and detect crime."},
	famCommercial: {
		"There is a public interest in ensuring that contracts offer value for money and that procurement is carried out fairly.",
	},
	famHealth:  {"Disclosure would show that the force takes the safety of its staff and the public seriously."},
	famAffairs: {"Transparency in decision-making supports accountability and can improve the quality of decisions."},
	famLegal:   {"Releasing the advice would show the public the legal basis on which the force has acted."},
	famFuture:  {"Releasing the information now would allow the public to see it sooner than planned."},
	famCost:    {"Compliance would add to public understanding of how the force manages information about {subject}."},
}

var against = map[family][]string{
	famAny: {
		"Disclosure would undermine the effective delivery of operational policing.",
		"Releasing the information would place the safety of officers and the public at greater risk.",
		"The force must not disclose information that would assist offenders, however well-intentioned the request may be.",
		"Public confidence would be damaged if the force were seen to release information that made communities less safe.",
	},
	famSecurity: {
		"Disclosure would enable terrorists to identify where protective measures are focused and plan around them.",
		"National security is a matter of the most pressing public interest, and any release that undermined it would not serve the public good.",
	},
	famLaw: {
		"Revealing the capability of the force would enable criminals to gauge the likelihood of detection and adjust their behaviour accordingly.",
		"Disclosure could compromise ongoing and future investigations, causing further harm to victims.",
	},
	famCommercial: {"Releasing pricing information would weaken the force's negotiating position in future procurement exercises."},
	famHealth:     {"The risk to the safety of individuals outweighs any benefit that would flow from release."},
	famFuture:     {"It is in the public interest to publish the full dataset once it has been quality assured, rather than releasing partial figures now."},
	famLegal:      {"There is a strong inherent public interest in maintaining legal professional privilege, as it safeguards openness between lawyer and client."},
	famAffairs:    {"Officials need a safe space in which to consider options away from public scrutiny."},
	famCost:       {"Diverting staff from their core duties for the time needed to comply would not serve the public interest."},
}

var balancing = []string{
	"The police service is charged with enforcing the law, preventing and detecting crime and protecting the communities it serves.",
	"After weighing the factors for and against disclosure, it is our view that the balance lies in favour of maintaining the exemption.",
	"While there is a public interest in transparency about {subject}, this does not outweigh the need to protect the integrity of policing operations.",
	"The force will not disclose information that could undermine the safety of the public, whatever the motivation for the request.",
	"On balance, the public interest in withholding the information is stronger than the public interest in releasing it at this time.",
	"Although the request is not thought to have been made with any malicious intent, disclosure under the {actshort} is in effect disclosure to the world at large.",
	"Any benefit from release would be outweighed by the harm identified above, and the information is therefore withheld.",
}

var balancingEnv = []string{
	"In reaching this decision, the presumption in favour of disclosure required by the {act} has been taken into account.",
}

var reviewLines = map[bool][]string{
	false: {
		"If you are dissatisfied with the way your request has been handled, you can ask for an internal review. Requests for review should be made within 40 working days of the date of this response.",
		"You have the right to request a review of this decision. Please write to the Information Management Unit, setting out why you believe the response is incorrect.",
		"If you remain dissatisfied after the review, you may complain to the Information Commissioner's Office. Details of how to do so are at <https://ico.org.uk/make-a-complaint/>.",
		"The {commissioner} will not normally consider a complaint until the internal review process has been completed.",
		"Further information about your rights is available at <https://ico.org.uk/for-the-public/official-information/>.",
	},
	true: {
		"If you are dissatisfied with the way your request has been dealt with, you are entitled to ask for a review within 40 working days of receiving this response.",
		"If you remain dissatisfied following our review, you may apply to the Scottish Information Commissioner within six months. You can apply online at <https://www.foi.scot/appeal>.",
		"Should you wish to appeal against the Commissioner's decision, you have the right to appeal to the Court of Session on a point of law only.",
		"A request for review should explain why you are dissatisfied and should be made in writing.",
	},
}

var closings = []string{
	"The information provided is subject to copyright. You may reuse it for your own use or for non-commercial research under the terms of the Open Government Licence.",
	"Thank you for your interest in {force}.",
	"Please quote the reference number {reference} in any future correspondence about this request.",
	"Responses to requests are published in our disclosure log, with personal details removed.",
}

// systems are records and databases named in caveats.
var systems = []string{
	"the records management system", "the duty management system", "the command and control system",
	"the crime recording system", "the finance ledger", "the HR system", "the custody system",
	"the fleet management system", "the case management system", "the intelligence system",
}

var months = []string{
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December",
}

// Heading variants by section; generate picks one per response.
var (
	requestHeadings  = []string{"Request", "Your request", "Request", "Information requested"}
	responseHeadings = []string{"Response", "Our response", "Response", "Decision"}
	reasonHeadings   = []string{"Reasons for decision", "Exemptions applied", "Reasons for withholding information"}
	harmHeadings     = []string{"Harm", "Evidence of harm", "Harm in release", "Harm"}
	pitHeadings      = []string{"Public Interest Test", "Public Interest Considerations", "Public interest test"}
	favourHeadings   = []string{"Factors favouring disclosure", "Factors favouring release", "Public interest considerations favouring disclosure"}
	againstHeadings  = []string{"Factors against disclosure", "Factors favouring non-disclosure", "Public interest considerations favouring non-disclosure"}
	balanceHeadings  = []string{"Balancing Test", "Balance test", "Balancing test"}
	reviewHeadings   = []string{"Right of review", "Your right to request a review", "Complaint rights", "Review procedure"}
	assistHeadings   = []string{"Advice and assistance", "Advice and assistance", "Further advice"}
	extraHeadings    = []string{"Additional information", "Background", "Further information", "Notes"}
)

// operations are code names for police operations, assigned at random as
// forces do.
var operations = []string{
	"Alder", "Amber", "Anvil", "Aspen", "Avocet", "Badger", "Bantam", "Basalt", "Beacon", "Bittern",
	"Blackthorn", "Bluebell", "Bracken", "Bramble", "Buzzard", "Calico", "Campion", "Caraway",
	"Cedar", "Chaffinch", "Chalice", "Cinder", "Clover", "Cobalt", "Comet", "Coppice", "Cormorant",
	"Cowslip", "Crocus", "Curlew", "Cypress", "Dabchick", "Daffodil", "Damson", "Dipper", "Dormouse",
	"Dunlin", "Eider", "Elder", "Ember", "Falcon", "Fennel", "Fieldfare", "Flint", "Foxglove",
	"Gannet", "Garnet", "Gorse", "Granite", "Grebe", "Greenfinch", "Guillemot", "Harebell", "Harrier",
	"Hawthorn", "Hazel", "Heather", "Heron", "Hickory", "Holly", "Hornbeam", "Jackdaw", "Jasper",
	"Juniper", "Kestrel", "Kingfisher", "Kittiwake", "Lantern", "Lapwing", "Larch", "Lavender",
	"Linnet", "Lupin", "Magpie", "Mallard", "Mallow", "Maple", "Marigold", "Marlin", "Merlin",
	"Meadow", "Mistral", "Moorhen", "Mulberry", "Nettle", "Nightjar", "Nimbus", "Nutmeg", "Obsidian",
	"Onyx", "Orchid", "Osprey", "Otter", "Oxbow", "Panther", "Parsley", "Peregrine", "Pewter",
	"Pippin", "Plover", "Poppy", "Primrose", "Puffin", "Quartz", "Quince", "Raven", "Redstart",
	"Redwing", "Rowan", "Saffron", "Sandpiper", "Sapphire", "Sceptre", "Shale", "Siskin", "Skylark",
	"Sorrel", "Sparrowhawk", "Spruce", "Starling", "Stonechat", "Sycamore", "Tamarisk", "Teasel",
	"Tern", "Thistle", "Thrush", "Topaz", "Tundra", "Turnstone", "Vervain", "Vole", "Wagtail",
	"Walnut", "Warbler", "Waxwing", "Wheatear", "Whimbrel", "Willow", "Woodcock", "Wren", "Yarrow",
	"Yellowhammer", "Zephyr",
}
