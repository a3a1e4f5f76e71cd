// Word lists for synthetic stories. Invented names and organisations only, so
// nothing generated can be mistaken for reporting about real people. Lists are
// `|`-separated text so they stay compact; line breaks inside them are ignored.

function list(text: string): readonly string[] {
  return text.replace(/\n/g, '').split('|');
}
export const sections = [
  { name: 'World', description: 'Governments, conflicts and diplomacy around the globe.' },
  { name: 'Politics', description: 'Elections, parliaments and the people who run them.' },
  { name: 'Business', description: 'Companies, deals and the people who lead them.' },
  { name: 'Markets', description: 'Stocks, bonds, currencies and commodities.' },
  { name: 'Technology', description: 'Software, hardware, cybersecurity and the companies behind them.' },
  { name: 'Science', description: 'Research, health and the environment.' },
  { name: 'Culture', description: 'Books, film, music and the arts.' },
  { name: 'Sport', description: 'Results, transfers and the business of sport.' },
] as const;

export const firstNames = list(`
Amara|Bruno|Chen|Dalia|Emil|Farah|Goran|Hana|Ivo|Jonas|Kemi|Lena|Mateo|Nadia|Omar|Priya|Quentin|Rosa|Sami|
Tove|Uma|Viktor|Wen|Yara|Zeno|Aiko|Bilal|Clara|Dmitri|Elif|Felix|Greta|Hugo|Ines|Jin|Kofi|Lior|Maren|Nico
`);

export const lastNames = list(`
Adeyemi|Bergstrom|Castellano|Dubois|Eriksen|Fontaine|Garza|Halvorsen|Ibarra|Jansen|Kowalczyk|Lindqvist|
Moreau|Nakamura|Okafor|Petrov|Quiroga|Rahman|Sorensen|Takahashi|Ulrich|Varga|Whitford|Xu|Yilmaz|Zamora|
Abernathy|Brandt|Carvalho|Delacroix|Esposito
`);

export const staffTitles = list(`
Technology correspondent|Markets reporter|Chief political correspondent|Science editor|Business reporter|
Foreign correspondent|Culture critic|Sports writer|Data reporter|Staff photographer|Deputy editor|
Economics editor
`);

export const speakerRoles = list(`
the company’s chief executive|a spokeswoman for the ministry|a spokesman for the agency|
an analyst at Northgate Research|the city’s mayor|a professor of economics|the union’s general secretary|
a senior official|the committee’s chair|a researcher at the Halden Institute|the team’s coach|
a fund manager at Lakeside Capital|the central bank’s governor|an opposition lawmaker
`);

export const agencies = ['AFP', 'Getty Images', 'Reuters', 'AP', 'EPA', 'Bloomberg', 'Pool', 'Handout'] as const;

export const topics = list(`
Cybersecurity|Elections|Inflation|Interest Rates|Climate|Energy|Oil|Trade|Artificial Intelligence|
Semiconductors|Banking|Housing|Labor|Health|Vaccines|Space|Film|Football|Tennis|Startups|Mergers|Currencies|
Bonds|Diplomacy|Migration|Privacy|Telecoms|Shipping
`);

export const places = list(`
Tehran|Brussels|Singapore|São Paulo|Nairobi|Oslo|Seoul|Toronto|Lagos|Madrid|Istanbul|Jakarta|Frankfurt|
Mumbai|Santiago|Warsaw|Osaka|Cairo|Lisbon|Melbourne
`);

export const organisations = list(`
Norland Energy|Kestrel Bank|Aurora Systems|Meridian Telecom|Halcyon Pharma|Bluewater Shipping|
Corvid Security|Tamarind Foods|Solvei Motors|Pinecrest Capital|the finance ministry|the central bank|
the regulator|the trade commission|the health agency|the parliament’s budget committee
`);

export const headlineVerbs = list(`
Says|Warns|Plans|Weighs|Rejects|Backs|Delays|Expands|Cuts|Wins|Faces|Signals
`);

export const headlineObjects = list(`
Rate Cut|Cyber Defense Overhaul|Merger Talks|New Climate Targets|Record Profit|Tariff Review|Job Cuts|
Chip Export Curbs|Budget Shortfall|Stadium Deal|Vaccine Rollout|Data-Privacy Probe|Bond Sale|Port Expansion|
Satellite Launch|Wage Deal|Film Festival Lineup|Housing Plan
`);

export const headlineTails = list(`
as Talks Stall|Amid Investor Pressure|After Weak Quarter|in Blow to Rivals|to Fail|Within Weeks|
Despite Opposition|as Prices Climb|Ahead of Vote|After Outage|
`);

export const sentenceSubjects = list(`
Officials|Analysts|Investors|Executives|Lawmakers|Regulators|Researchers|Economists|Residents|Union leaders|
Diplomats|Traders
`);

export const sentenceVerbs = list(`
said the plan would|expect the decision to|warned that the move could|argued the proposal would|
questioned whether the measures would|said on Tuesday that the changes would|cautioned that delays could|
estimated the policy would
`);

export const sentenceObjects = list(`
raise costs for households|reshape the industry for a decade|slow growth in the second half|
strengthen defenses against cyber attacks|cut emissions by a third|draw fresh investment|
test relations with neighbouring countries|leave thousands of jobs at risk|ease pressure on prices|
trigger a wave of legal challenges|shift power to regional authorities|speed up approvals
`);

export const sentenceTails = list(`
according to people familiar with the matter|though details remain scarce|in a statement|in an interview|
citing figures published last month|a claim the government disputes|the first such move in years|
after months of negotiation
`);

export const quoteLines = list(`
We are not going to let this stand|The numbers speak for themselves|
This is the most serious challenge we have faced in a generation|
Nobody should be surprised by what happened next|We will keep every option on the table|
The market had already priced in most of it|It is a question of when, not if|
Our systems were never designed for this|People want certainty, and they are not getting it|
We made mistakes and we are fixing them
`);

export const photoScenes = list(`
A crowd gathers outside a government building|Traders watch screens on a trading floor|
Container ships wait outside a port|A technician inspects server racks in a data center|
Delegates arrive for talks at a conference hall|A wind farm stands on a hillside at dusk|
Commuters cross a busy intersection|A scientist works at a laboratory bench|Fans celebrate in a stadium|
An executive speaks at a press conference|Workers assemble cars on a production line|
A satellite dish array under a cloudy sky
`);
