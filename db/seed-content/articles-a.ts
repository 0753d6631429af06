import type { SeedArticle } from './types';

export const articlesA: SeedArticle[] = [
  {
    slug: 'ransomware-attack-forces-eastmoor-council-onto-paper-systems',
    title: 'Ransomware attack forces Eastmoor council back onto paper',
    summary:
      'Benefits, planning and housing repairs systems remain offline as the district council works with national agencies to contain an attack discovered over the weekend.',
    section: 'cyber-security',
    author: 'priya-raman',
    tags: ['Ransomware', 'Legacy IT', 'Budgets'],
    daysAgo: 0,
    commentsOpen: false,
    body: `
Eastmoor District Council has switched large parts of its front-line operations to paper forms and telephone triage after a ransomware attack encrypted servers at its main data centre in the early hours of Saturday.

The council confirmed on Monday that its revenues and benefits platform, planning portal and housing repairs scheduling system were all unavailable, and said it could not yet give a date for their return. Staff at the civic centre in Harrowfield have been issued laptops from a reserve pool and are working from a separate, cloud-hosted email tenancy that was not affected.

In a statement, chief executive Lorna Achterberg said the council had "acted quickly to isolate affected systems" and was working with the national cyber incident response service and the police regional cyber crime unit.

> "Our priority is making sure the most vulnerable residents still get what they need this week. Housing benefit payments due on Thursday will be made using last month's figures, and we will correct any differences once systems are restored." — Lorna Achterberg, chief executive, Eastmoor District Council

## What is affected

According to a briefing note shared with councillors and seen by The Ledger, the following services are disrupted:

- Revenues and benefits processing, including council tax direct debit changes
- Online planning applications and the public planning register
- Housing repairs bookings, which are now being logged by phone and on paper job sheets
- Building control inspection scheduling
- Some internal finance reporting

Waste collection, the council's main website and its contact centre telephony, which runs on a separate hosted platform, are operating normally. The briefing note says there is "no evidence at this stage" that the council's backups were reached by the attackers, but adds that forensic work is continuing.

The note does not name the group responsible. A council spokesperson declined to say whether a ransom demand had been received, citing advice from law enforcement. Government guidance to public bodies is not to pay.

## An ageing estate

The attack lands on an organisation that has been open about the state of its infrastructure. An internal audit report published in the spring, available on the [council's committee pages](https://example.org/eastmoor/committees/audit-report), rated the council's IT resilience as "limited assurance" and noted that several line-of-business applications still ran on server operating systems past the end of vendor support.

The same report recorded that a planned move to a managed backup service with immutable storage had been delayed by a year because of budget pressure. Councillors on the audit committee were told at the time that the risk was "understood and being actively managed".

Ivo Brennan, a former local government IT director who now advises councils on resilience, said Eastmoor's situation was common rather than exceptional.

> "Most district councils are running a tangle of systems bought over twenty years, each with its own supplier and upgrade cycle. You can't patch your way out of that on a budget that has shrunk in real terms for a decade." — Ivo Brennan, resilience adviser

## Recovery and what comes next

Recovery is expected to take weeks rather than days. Councils hit by comparable incidents have typically taken between three and eight weeks to restore core services, and longer to re-key data that was recorded on paper during the outage.

Eastmoor has asked residents to:

1. Avoid submitting duplicate applications or payments while systems are down
2. Treat unexpected emails or texts claiming to be from the council with caution
3. Check the council's [service status page](https://example.org/eastmoor/status) for updates

The regional cyber crime unit said it was aware of the incident and was supporting the council. The Ledger understands that neighbouring authorities that share a revenues and benefits partnership with Eastmoor have disconnected their links to its network as a precaution, though their own systems are not believed to have been compromised.

Comments are closed on this article because of the ongoing criminal investigation. We will update this story as more information becomes available.
`,
  },
  {
    slug: 'govpass-identity-app-passes-five-million-users',
    title: 'GovPass identity app passes five million users, but accessibility gaps persist',
    summary:
      'The cross-government sign-in service is growing fast, yet an independent audit finds disabled and older users are still far more likely to drop out of identity checks.',
    section: 'digital-government',
    author: 'maya-okafor',
    tags: ['Identity', 'Accessibility', 'Digital inclusion'],
    daysAgo: 3,
    updatedDaysAgo: 1,
    body: `
The government's shared sign-in and identity service, GovPass, has passed five million verified users, the Office for Digital Services (ODS) said this week, less than two years after it opened to the public.

The milestone comes as more departments switch off their legacy login systems. Fourteen services now require a GovPass account, including vehicle licence renewals, student finance and the self-employed tax portal. Officials expect that figure to double by the end of next year.

But an independent accessibility audit commissioned by ODS and published alongside the announcement paints a more mixed picture. It found that completion rates for identity verification were markedly lower for some groups of users, particularly those relying on assistive technology.

## Where users drop out

The audit, carried out by the research consultancy Fairline Usability, tested the service with 120 participants over six weeks. Its headline findings include:

- 88% of participants without declared access needs completed identity verification first time, compared with 61% of screen reader users
- The photo ID capture step was the most common point of failure, especially for users with tremors or limited dexterity
- Participants aged over 75 were twice as likely as younger users to abandon the process and phone a helpline instead
- Users without a recent passport or driving licence faced the longest routes, with some directed to in-person checks more than 30 miles away

The full report is available on the [ODS publications page](https://example.org/ods/publications/govpass-accessibility-audit).

> "Five million people is a real achievement, and we should be proud of it. But a service that works for most people is not the same as a service that works for everyone, and the audit tells us clearly where we have more to do." — Deborah Anand, director of identity programmes, Office for Digital Services

## What ODS says it will change

ODS has committed to a set of changes over the next two quarters. These include a redesigned document capture step with longer time-outs and a manual capture option, a "vouching" route that allows a trusted professional such as a GP or social worker to confirm someone's identity, and an expansion of face-to-face verification through post offices and libraries.

The office also says it will publish completion rates broken down by age and declared access needs each quarter, something campaigners have asked for since the service launched.

Rhiannon Vale, policy lead at the digital rights charity Open Door Access, welcomed the commitment but said the timetable for switching off older login routes should be tied to the new metrics.

> "Departments should not be allowed to retire their old routes until the new one performs equally well for disabled users. Otherwise the people who already find government hardest to reach are the ones left behind."

## The legacy question

The pace of migration is partly driven by cost. Running several legacy identity systems in parallel is expensive, and a Treasury spending review document last year estimated savings of around £90 million over five years from consolidating onto a single platform.

Several departmental digital leads, speaking to The Ledger on condition of anonymity, said they were under pressure to hit migration dates set before the accessibility findings were known. One described the situation as "a fixed deadline meeting a moving target".

ODS says no department will be required to switch off an existing route before an agreed assisted digital alternative is in place. The office's service standard already requires services to meet accessibility regulations, but critics argue that assessments have focused on individual pages rather than end-to-end journeys that cross several organisations.

*Update: This article was updated to include the response from Open Door Access and to clarify that the audit tested 120 participants.*
`,
  },
  {
    slug: 'revenue-agency-cancels-erp-replacement-contract',
    title: 'Revenue agency cancels £48m ERP replacement after two years of delays',
    summary:
      'The National Revenue Agency has ended its contract with Corvane Systems and will extend support for its 2009-era finance platform while it rethinks the programme.',
    section: 'procurement',
    author: 'tom-lindqvist',
    tags: ['Contracts', 'Legacy IT', 'Budgets'],
    daysAgo: 8,
    body: `
The National Revenue Agency (NRA) has terminated a £48 million contract to replace its finance and HR systems, after the programme slipped more than two years behind schedule and went significantly over its original budget.

A contract change notice published on the [public tenders portal](https://example.org/tenders/notice/nra-finance-hr-replacement) confirms the agency has ended its agreement with Corvane Systems "by mutual consent". The agency says it spent £31 million on the programme before the decision, of which it estimates around £9 million of work, mainly data cleansing and process redesign, can be reused.

## How it went wrong

The contract was awarded in 2021 following an open procedure, with Corvane proposing to implement a configurable enterprise resource planning (ERP) suite across the agency's 11,000 staff. Go-live was originally planned for April 2023.

An internal assurance review, released to The Ledger under freedom of information rules, identifies several problems:

- Requirements grew from around 900 to more than 2,400 during the design phase, many of them reflecting existing local workarounds rather than genuine needs
- Integration with the agency's bespoke payroll engine proved more complex than either party had assumed
- Key roles on the agency side were filled by contractors, with three different programme directors in 18 months
- Testing environments were not available until nine months after they were needed

The review concludes that the programme had a "low likelihood of successful delivery in its current form" and recommended a pause.

> "We have taken a difficult decision, but the right one for taxpayers. Continuing would have meant committing further money to an approach we no longer believe would deliver." — Gareth Mullins, chief financial officer, National Revenue Agency

Corvane said in a statement that it was "disappointed" but recognised that "the complexity of the agency's requirements evolved considerably" after the contract was signed. It said it remained committed to the public sector market.

## Living with the old system

The decision means the NRA will keep running its current finance platform, which was installed in 2009 and is hosted in the agency's own data centre. The platform's vendor ended mainstream support in 2022; the agency is now paying for extended support at a cost it declined to disclose.

Staff in the finance directorate told The Ledger the existing system is stable but relies heavily on spreadsheets and manual reconciliations, particularly at year end. A 2023 audit of the agency's accounts noted "a high volume of manual journals" as an area of risk.

## What happens next

The NRA says it will spend the next six months on a "reset" phase, looking at whether a shared service with other departments, a standard software-as-a-service product with minimal customisation, or a phased replacement makes more sense.

Procurement specialists said the case followed a familiar pattern. Ana Lucić, who teaches public procurement at the Institute for Public Contracting, said large ERP projects in government frequently stumble on the same issues.

> "The lesson people keep relearning is to adopt the product's processes, not bend the product to fit yours. Every customisation becomes a cost you pay again at every upgrade."

The case will add to scrutiny of central government ERP programmes, several of which have been examined by the national audit office over the past three years. A parliamentary committee is expected to take evidence on the subject in the autumn.
`,
  },
  {
    slug: 'national-address-register-released-as-open-data',
    title: 'National address register to be released as open data from January',
    summary:
      'After years of lobbying, the Land and Property Registry will publish core address and location data under an open licence, alongside an open source lookup tool.',
    section: 'data',
    author: 'samuel-ortiz',
    tags: ['Open data', 'Open source', 'Interoperability', 'Standards'],
    daysAgo: 13,
    body: `
The Land and Property Registry (LPR) will publish its core address dataset under an open licence from January, ending a long-running arrangement in which most users outside government had to pay for access.

The release will include around 32 million addressable locations, each with a unique property reference number (UPRN), coordinates, and a classification code showing whether it is a home, business or other type of property. It will be available for bulk download and through a free lookup service, according to a [consultation response](https://example.org/lpr/consultations/open-address-response) published on Tuesday.

## Why it matters

Address data underpins almost every public service that deals with a place: council tax, electoral registration, emergency response, broadband rollout and social care visits. For years, data users have complained that licensing restrictions made it hard to join datasets together or share them with partners outside the public sector.

Advocates argue that a common, freely available reference will make it much easier for organisations to match records. The LPR's own economic assessment estimates benefits of between £120 million and £210 million over ten years, mainly from reduced duplication and fewer failed deliveries.

> "Every organisation has been maintaining its own slightly different list of addresses. A shared open reference means we can finally stop arguing about which one is right and start using the data." — Fiona Castellan, chief data officer, Land and Property Registry

## What will and will not be included

The consultation response sets out the scope of the open release:

- Included: UPRN, full postal address, coordinates, property classification, and the date a record was created or retired
- Included: a change-only update file published monthly
- Not included: historic address records more than ten years old, which remain available under the existing commercial licence
- Not included: any information about occupants or ownership

The LPR will also release the source code for its address matching service under an open source licence. The tool, which was built in-house, takes a messy free-text address and returns the most likely UPRN with a confidence score.

## Standards and interoperability

The registry says public bodies receiving central funding for digital projects will be required to record UPRNs alongside addresses in new systems, in line with the government's data standards catalogue. Councils have been encouraged to do so for some time, but take-up has been uneven.

Tariq Hollins, head of information at Northvale Borough Council, said the change would make a practical difference for smaller authorities.

> "We've had data-sharing agreements held up for months because partners couldn't get the licence sorted. Removing that barrier is huge, particularly for working with housing associations and voluntary groups."

## Open questions

Not everyone is convinced the release goes far enough. The Open Places Network, a volunteer group that maintains a crowdsourced address list, said the exclusion of historic records would limit research uses, and called for a clear commitment on long-term funding so that the dataset does not stagnate.

Others have raised questions about the LPR's commercial income. The registry currently earns around £18 million a year from address licences. It says the Treasury has agreed to cover the shortfall for three years, after which funding will be reviewed.

The registry will run a series of technical webinars for developers in November. Draft schema documentation is already available on the [LPR developer site](https://example.org/lpr/developers/address-schema).
`,
  },
  {
    slug: 'fellside-shared-care-record-links-gp-hospital-and-social-care',
    title: 'Fellside health region links GP, hospital and social care records',
    summary:
      'A shared care record covering 2.1 million people is now live across the region, but clinicians say the hard part is getting data that is actually usable.',
    section: 'health-it',
    author: 'samuel-ortiz',
    tags: ['Interoperability', 'Standards', 'Privacy'],
    daysAgo: 19,
    updatedDaysAgo: 15,
    body: `
Clinicians across the Fellside health region can now see a single view of a patient's medications, allergies, recent test results and care plans, drawn from GP practices, three hospital trusts and two council social care departments.

The Fellside Shared Care Record went live for all partner organisations this month after an 18-month phased rollout. It covers about 2.1 million residents and is used by around 9,000 staff, according to the regional integrated care board.

## How it works

Rather than copying records into a central database, the platform queries source systems in real time when a clinician opens a patient's record. Data is exchanged using nationally agreed messaging standards based on FHIR, the widely used healthcare interoperability specification, with local extensions for social care information.

The programme's technical documentation, published on the [integrated care board website](https://example.org/fellside-icb/shared-care-record/architecture), lists the main data sources connected so far:

1. GP clinical systems at all 214 practices in the region
2. Patient administration and results systems at three acute trusts
3. The regional mental health trust's electronic record
4. Adult social care case management systems at two councils
5. The ambulance service's electronic patient report forms

Community pharmacies and hospices are due to be connected next year.

> "In an emergency department at two in the morning, knowing that someone is on a blood thinner or has a care plan in place changes what you do. We used to find that out by phoning around, if we found it out at all." — Dr Kwame Asante, consultant in emergency medicine and clinical lead for the programme

## Data quality is the real challenge

Interviews with clinicians suggest the technology is the easier part. Several said that while the connections work, inconsistencies in how data is recorded at source limit its usefulness. Medication lists from different organisations do not always agree, and coded diagnoses vary between practices.

The programme has set up a data quality group that reports monthly on issues such as duplicate patient records and unmatched identifiers. Its most recent report found that around 3% of social care records could not be reliably matched to a patient's health service number, mainly because of incomplete demographic details.

## Privacy and patient choice

Privacy campaigners have focused on who can see what. Access is role-based: a receptionist sees less than a consultant, and social care staff see a restricted clinical summary. Sensitive sections, including sexual health and some mental health information, are excluded by default.

Patients can opt out of having their record shared, although the board says fewer than 0.5% have done so. Lena Marsh, a patient representative on the programme board, said communication had improved but that many people were still unaware the record existed.

> "The safeguards are good on paper. What matters now is that people actually know about them and know how to check who has looked at their record."

The board says patients will be able to request an access log through the regional patient app from the spring.

## Cost and next steps

The record has cost £14.6 million to date, funded through a mix of national digitisation funding and local contributions. Running costs are estimated at £2.3 million a year.

The next phase will focus on allowing structured information, such as care plans, to be updated from the shared record rather than only viewed. That will require further work with system suppliers on write-back capabilities, which several have so far been reluctant to offer.

*Update: This article has been updated to correct the number of GP practices connected and to add the planned timetable for patient access logs.*
`,
  },
  {
    slug: 'ashcombe-county-council-moves-payroll-to-cloud',
    title: 'Ashcombe County Council moves payroll for 19,000 staff to the cloud',
    summary:
      'The switch from a 20-year-old on-premises system went live without a missed payment, but the council says the real savings depend on retraining its own team.',
    section: 'local-councils',
    author: 'hannah-kerr',
    tags: ['Cloud', 'Legacy IT', 'Skills'],
    daysAgo: 26,
    body: `
Ashcombe County Council has moved payroll and HR for around 19,000 employees, including school staff, onto a cloud-hosted platform, replacing a system it had run in its own data centre since 2004.

The first full payroll on the new service ran at the end of last month. The council says every employee was paid on time and the number of queries to the payroll helpdesk was lower than in a typical month.

## Why now

The old system was a heavily customised installation that the council's IT team had maintained largely in-house. According to a cabinet report from last year, available on the [council's democracy pages](https://example.org/ashcombe/cabinet/payroll-replacement), it ran on hardware that was out of warranty and depended on two members of staff who understood its customisations in detail, one of whom has since retired.

The report set out the main drivers for change:

- The risk of an unrecoverable failure during a pay run
- Rising extended support costs, which had reached £410,000 a year
- The need to give schools, many of which buy payroll services from the council, self-service reporting
- The council's wider strategy to close its main data centre by 2026

Ashcombe bought the new platform through an existing public sector framework, signing a seven-year contract worth £6.2 million with the supplier Halden Cloud.

## Parallel running and lessons learned

The council ran three parallel payrolls before switching over, comparing every payslip on the old and new systems. Programme manager Nadia Fairweather said this was the single most important decision in the project.

> "Parallel runs are expensive and tedious, and everybody wants to cut them. We found more than 300 discrepancies in the first one, most of them historical quirks that nobody had documented. If we had gone live without that, people would not have been paid correctly." — Nadia Fairweather, payroll programme manager, Ashcombe County Council

Other lessons the project team has shared with neighbouring councils include agreeing early which local allowances would be simplified rather than recreated, and involving school business managers in testing rather than only in training.

## The skills question

The council expects to save around £280,000 a year once the old system is decommissioned, but officers are cautious about the figure. Moving to a cloud service changes what the in-house team does rather than removing the need for one.

Ashcombe's head of digital, Callum Ridgeway, said the council was retraining its payroll systems team to focus on configuration, data quality and supplier management.

> "The people who used to keep the servers running are now the people who understand our data and hold the supplier to account. That's a different job, and we're investing in it properly."

Union representatives welcomed the absence of compulsory redundancies but said they wanted assurances that staff would not be asked to take on extra responsibilities without a review of grading.

## What's next

The council's data centre now hosts 41 remaining applications, down from 96 three years ago. Social care case management and the council's highways asset system are next in line to move, with procurement for both expected to begin next year.

Officers say the payroll project has also given them a template for future migrations, including a standard approach to parallel running and data reconciliation that they intend to publish for other councils to reuse.
`,
  },
  {
    slug: 'councils-urged-to-adopt-phishing-resistant-mfa',
    title: 'Councils told to adopt phishing-resistant sign-in by 2026',
    summary:
      'New guidance from the Local Digital Security Board sets a deadline for replacing text-message codes with hardware keys or device-bound passkeys.',
    section: 'cyber-security',
    author: 'priya-raman',
    tags: ['Identity', 'Standards', 'Skills'],
    daysAgo: 33,
    body: `
Local authorities should move all staff with access to sensitive systems onto phishing-resistant multi-factor authentication (MFA) within two years, according to new guidance from the Local Digital Security Board (LDSB).

The guidance, published on Wednesday, says text-message codes and app-based push approvals are no longer sufficient for privileged accounts, and should be phased out for all staff by the end of 2026. It recommends hardware security keys or passkeys bound to managed devices instead.

## Why the change

The board points to a pattern seen in several recent incidents, in which attackers obtained valid passwords through phishing and then got around MFA by tricking staff into approving repeated push notifications, or by intercepting one-time codes through fake login pages.

> "Multi-factor authentication has done a huge amount of good. But attackers have adapted, and the most common forms of MFA can now be phished at scale. We need councils to move to methods that simply don't work on a fake website." — Imogen Sterling, technical director, Local Digital Security Board

The guidance, available in full on the [LDSB website](https://example.org/ldsb/guidance/phishing-resistant-mfa), sets out a phased timetable:

1. By the end of next year: all administrator and privileged accounts, including supplier accounts with remote access, to use hardware keys or device-bound passkeys
2. By mid-2026: staff with access to social care, revenues and benefits, and HR systems
3. By the end of 2026: all remaining staff and elected members with council accounts

## Cost and practicalities

Councils contacted by The Ledger broadly welcomed the guidance but raised concerns about cost and disruption. Hardware keys typically cost between £20 and £50 each, and a medium-sized district council might need more than 1,000 of them once spares are included.

The guidance suggests that device-bound passkeys on existing managed laptops and phones can cover most staff at little additional cost, with hardware keys reserved for administrators and for staff who use shared devices, such as those working in libraries, depots or care homes.

Owen Prichard, IT security manager at Westbrook City Council, which completed a move to passkeys earlier this year, said the technical rollout was the easy part.

> "The hardest bit was the frontline staff who don't sit at a desk. Refuse crews, care workers, library assistants. We had to think about shared tablets, lost keys, staff who don't have a work phone. That took far longer than configuring the system."

## Skills gap

The guidance acknowledges that many smaller authorities lack specialist identity and access management skills. The LDSB says it will publish reference configurations for the most widely used identity platforms and run a series of free workshops for council IT teams.

Some councillors have also asked whether elected members, who often use personal devices, will be included. The guidance says members who access council systems should be treated in the same way as staff, and recommends providing them with managed devices where possible.

Security researchers have generally welcomed the move. However, several pointed out that MFA is only one layer, and that councils also need to reduce the number of legacy systems that cannot support modern authentication at all. The LDSB says it will address that issue in separate guidance on legacy applications due next year.
`,
  },
  {
    slug: 'departments-to-publish-new-code-as-open-source-by-default',
    title: 'Departments told to publish new code as open source by default',
    summary:
      'An updated service standard makes open code the expectation for central government projects, with exemptions only for security-sensitive components.',
    section: 'digital-government',
    author: 'maya-okafor',
    tags: ['Open source', 'Standards', 'Contracts'],
    daysAgo: 41,
    body: `
Central government departments will be expected to publish the source code of new digital services under an open licence unless there is a clear reason not to, under a revised version of the government's service standard that takes effect in the spring.

The change, announced by the Office for Digital Services (ODS), strengthens wording that has been in the standard for several years but has been applied unevenly. An analysis by ODS found that fewer than half of the services assessed in the past two years had made meaningful amounts of code public.

## What changes

The updated standard, published in the [ODS service manual](https://example.org/ods/service-manual/open-source-by-default), makes several specific changes:

- Teams must publish code in a public repository from the start of development, not after launch
- Exemptions are limited to code relating to fraud detection, security configuration or unannounced policy, and must be recorded
- New contracts for software development must give the department the right to publish code written under the contract
- Services will be asked to show evidence of reusing existing open components before building new ones

Assessment panels will check compliance at each stage, and ODS will publish a quarterly list of exemptions granted.

> "Public money should mean public code wherever possible. When one team solves a problem in the open, the next team doesn't have to pay to solve it again." — Farhan Qureshi, chief technology officer, Office for Digital Services

## The contracts question

One of the most significant changes concerns intellectual property. Officials say several departments have discovered, sometimes years after a service went live, that their contracts did not give them the right to publish code written by suppliers.

ODS will publish model contract clauses that departments are expected to use in new agreements. Suppliers who want to retain ownership of particular components will have to identify them at the bidding stage.

Marta Ekwueme, chief executive of the trade association Digital Suppliers Forum, said most of its members were comfortable with open code for bespoke work but wanted clarity.

> "Our members aren't against openness. What they want is certainty up front about what is bespoke and what is their own product, so that there's no dispute later."

## Will it stick?

Previous commitments to open code have had mixed results. Campaigners point to services that promised to publish code "later" and never did, and to repositories that were published once and then left without updates.

Developers inside government who spoke to The Ledger said the biggest barrier was not policy but time and confidence. Working in the open requires some extra care, such as keeping secrets out of repositories and writing usable documentation, and teams under delivery pressure often put it off.

To address this, ODS says it will provide a shared set of templates and automated checks for credential leaks, and will fund a small team to help departments tidy up and publish older code. It also plans to publish an index of public sector repositories so that teams can find existing work more easily.

The standard applies directly to central government. Local authorities and devolved administrations are not bound by it, but several have indicated they will adopt similar principles, and the Local Digital Collaborative has said it will consult on a version for councils.
`,
  },
  {
    slug: 'new-purchasing-system-opens-cloud-and-ai-contracts-to-smaller-suppliers',
    title: 'New purchasing system aims to open cloud and AI contracts to smaller suppliers',
    summary:
      "The Crown Procurement Service's dynamic purchasing system lets suppliers join at any time, but early figures suggest most spend is still going to familiar names.",
    section: 'procurement',
    author: 'tom-lindqvist',
    tags: ['Contracts', 'Cloud', 'AI', 'Budgets'],
    daysAgo: 50,
    body: `
A new dynamic purchasing system (DPS) for cloud services and AI tools has attracted more than 600 suppliers in its first three months, the Crown Procurement Service (CPS) said this week, with small and medium-sized enterprises accounting for around 70% of those admitted.

Unlike a traditional framework, which is closed to new suppliers for its whole term, a DPS allows companies to apply to join at any time. Buyers run mini-competitions among admitted suppliers, with the aim of making it easier for newer and smaller firms to compete.

## What's on offer

The DPS, known as Cloud and Intelligent Services, has five lots:

1. Cloud hosting and infrastructure
2. Cloud software, including case management and collaboration tools
3. Cloud support, migration and managed services
4. AI and machine learning tools, including document processing and chatbots
5. Specialist services for assurance, testing and ethics reviews of AI systems

Lot 5 is new and has been welcomed by buyers. It allows departments and councils to commission independent reviews of AI products, including bias testing and data protection impact assessments, without running a separate procurement.

Details of lots and eligibility are published on the [CPS website](https://example.org/cps/agreements/cloud-intelligent-services).

## Spend still concentrated

Early spending data tells a more familiar story. Of the £84 million in contracts awarded through the DPS so far, around 62% has gone to ten large suppliers, most of them incumbents on the previous cloud framework.

> "Getting on the list is the easy part. Winning work is the hard part, and buyers still tend to go with who they know, especially when they are short of time and short of staff." — Jonah Whitcombe, founder of Ledgerline Data, a 12-person analytics firm admitted to lot 4

The CPS says it expects the share going to SMEs to rise as buyers become familiar with the system. It has committed to publishing spend by supplier size each quarter.

## Budget pressure favours the familiar

Buyers interviewed by The Ledger said tight budgets were pushing them towards speed. Running a mini-competition properly can take six to ten weeks, and some said they preferred to extend existing contracts where they could.

> "We have to find savings and we're told to buy innovatively at the same time. In practice, the safest option is usually to stick with an existing supplier and negotiate the price down." — procurement manager at a metropolitan borough council, speaking anonymously

The CPS said it had introduced shorter mini-competition templates for contracts under £500,000 to address those concerns. It also argues that the DPS creates better price transparency because buyers can compare a larger number of bids.

## AI contracts draw scrutiny

The AI lot has drawn particular attention. Privacy groups have questioned whether buyers have the expertise to assess AI products and have called for every contract in lot 4 to be accompanied by a published algorithmic transparency record.

The CPS says it "strongly encourages" the use of transparency records and that lot 5 was created specifically to give buyers access to independent assurance. It has not made the records mandatory, though it says this will be considered when the DPS is reviewed after 12 months.

Suppliers can apply to join any lot through the CPS supplier portal; applications are assessed on a rolling basis, with a target decision time of ten working days.
`,
  },
  {
    slug: 'library-device-lending-scheme-expands-to-twelve-councils',
    title: 'Library laptop lending scheme expands to twelve councils',
    summary:
      'A pilot that lent laptops and data-enabled tablets from public libraries will be rolled out regionally, after evaluators found it helped people apply for jobs and benefits.',
    section: 'local-councils',
    author: 'hannah-kerr',
    tags: ['Digital inclusion', 'Accessibility', 'Budgets'],
    daysAgo: 59,
    updatedDaysAgo: 52,
    body: `
A scheme that lets residents borrow laptops and tablets from public libraries, in the same way they would borrow a book, is to be expanded from three councils to twelve across the Riverside region.

The Borrow a Device programme began as a pilot in Millbrook, Castleton and Hayward Vale two years ago. Residents can take a device home for up to six weeks, with a prepaid mobile data allowance and access to one-to-one help sessions with library staff and volunteers.

## What the evaluation found

An independent evaluation by the Centre for Community Research, published on the [Riverside Combined Authority website](https://example.org/riverside-ca/reports/borrow-a-device-evaluation), looked at more than 1,400 loans during the pilot. Its main findings included:

- Nearly half of borrowers said they used the device to apply for a job or manage a benefits claim
- 38% had no other internet access at home
- Borrowers aged over 65 were the fastest-growing group during the second year
- Around one in five borrowers went on to buy or obtain their own device within six months
- Losses and damage were lower than expected, at about 3% of loans

Evaluators also found that the support sessions mattered as much as the hardware. Borrowers who attended at least one session were significantly more likely to report using the device for essential services.

> "People don't just need a laptop, they need someone patient to show them how to use it, and a place they trust to ask for help. Libraries are that place." — Yvonne Adeyemi, head of libraries and culture, Millbrook Council

## Accessibility features

The expanded scheme will include devices configured for people with access needs, including tablets with screen readers and magnification switched on, larger keyboards and devices pre-loaded with speech-to-text tools. The pilot found that some disabled residents had been put off by the effort of setting up accessibility options themselves.

Library staff will also receive additional training, developed with a local sight loss charity, on supporting users who rely on assistive technology.

## Funding and sustainability

The expansion is funded with £1.8 million from the combined authority's digital inclusion budget for two years, plus donated refurbished devices from public sector organisations and local businesses. Each participating council will contribute staff time.

Councillors have raised questions about what happens after the two years. Library budgets in several participating councils have been reduced in recent years, and some branches have cut opening hours.

> "It's a brilliant scheme, but we can't run a lending service on a grant that runs out. We need a long-term commitment or we're building something up only to take it away." — Cllr Peter Odhiambo, Castleton Council

The combined authority says it will look for a sustainable funding model during the two-year period, including partnerships with housing associations and the potential for corporate sponsorship of devices.

The rollout will begin with four councils in the new year, with the remaining authorities joining by the summer. A full list of participating libraries will be published on the combined authority's [digital inclusion hub](https://example.org/riverside-ca/digital-inclusion).

*Update: This article was updated to include the comment from Cllr Odhiambo and to correct the number of loans covered by the evaluation.*
`,
  },
  {
    slug: 'councils-pool-housing-data-to-predict-damp-and-mould',
    title: 'Three councils pool housing data to predict damp and mould risk',
    summary:
      "A joint analytics project aims to find homes at risk before tenants complain, but residents' groups want clearer limits on how the data is used.",
    section: 'data',
    author: 'hannah-kerr',
    tags: ['AI', 'Privacy', 'Open data'],
    daysAgo: 70,
    body: `
Three councils in the south-west are pooling repairs, property and sensor data in an effort to identify social homes at risk of damp and mould before problems become serious.

Kingsbridge, Tollerton and West Harnley councils, which between them own around 27,000 homes, have commissioned a shared analytics model that gives each property a risk score. Housing officers will use the scores to prioritise inspections and preventive work such as improving ventilation and insulation.

## How the model works

The model draws on several sources of data that the councils already hold, as well as some public datasets. According to a project briefing, these include:

- Repairs history, including past reports of condensation, leaks and mould
- Property characteristics such as age, construction type and energy rating
- Readings from humidity and temperature sensors fitted in around 2,000 homes
- Open weather and flood-risk data from national agencies

It does not use information about tenants' income, health or benefits status, the councils say. An earlier version of the design, which proposed including household size and occupancy data, was changed after concerns were raised by residents' representatives.

The model uses a relatively simple machine learning technique, and the councils say each risk score comes with an explanation of the main factors behind it, so that housing officers can check whether it makes sense.

> "This isn't about replacing the judgement of our housing officers. It's about giving them a better starting point, so the first visit happens before a tenant has had to call us three times." — Grace Holloway, director of housing, Kingsbridge Council

## Privacy concerns

Residents' groups have broadly supported the aim but raised questions about how data will be used. The Tollerton Tenants' Federation has asked for guarantees that risk scores will not be used to blame tenants for problems, for example by linking mould to "lifestyle" factors such as drying clothes indoors.

> "We've seen landlords blame tenants for mould for years. If a computer says our home is high risk, that should mean the council fixes it, not that we get a leaflet about opening windows." — Danny Whitlow, chair, Tollerton Tenants' Federation

The councils have published a data protection impact assessment and an algorithmic transparency record for the project, both available on a [shared project page](https://example.org/southwest-housing/damp-risk-model). They have committed to an annual independent review of the model's accuracy and fairness, including whether certain types of property or area are systematically over- or under-scored.

## Sharing the results

In a move welcomed by researchers, the councils also plan to publish aggregated, anonymised results as open data, showing risk levels by property type and neighbourhood but not by individual address. They say this will help other landlords and researchers understand the relationship between housing stock and damp.

The project is funded with £640,000 over two years from a regional innovation fund. If it proves effective, the three councils say they will publish the model's code and documentation so that other landlords can adapt it.

The first risk scores are expected to be used for inspections this winter, when damp and mould problems typically peak.
`,
  },
  {
    slug: 'hospital-trust-audit-finds-unsupported-software-on-medical-devices',
    title: 'Hospital audit finds one in four connected devices on unsupported software',
    summary:
      'An internal review at Greywater Hospitals Trust highlights the security risks of imaging machines and infusion pumps that cannot easily be patched.',
    section: 'health-it',
    author: 'priya-raman',
    tags: ['Legacy IT', 'Ransomware', 'Skills'],
    daysAgo: 84,
    commentsOpen: false,
    body: `
Around a quarter of the network-connected medical devices at Greywater Hospitals Trust are running operating systems or software that no longer receive security updates, according to an internal audit presented to the trust's board last week.

The review identified 4,300 connected devices across the trust's two main hospitals, from MRI scanners and ultrasound machines to infusion pumps, patient monitors and laboratory analysers. Of those, 1,080 were found to be running software that their manufacturers no longer support.

## Why medical devices are different

Unlike office computers, many medical devices cannot simply be patched by the hospital's IT team. Updates often have to be approved and installed by the manufacturer, and changes can affect a device's regulatory certification. Some devices have working lives of 10 to 15 years, far longer than the software they were built on.

The audit report, published with the board papers on the [trust's website](https://example.org/greywater-hospitals/board/september-papers), sets out the main sections of risk:

- Imaging equipment running desktop operating systems that went out of support several years ago
- Devices using default or shared passwords that cannot be changed without manufacturer involvement
- Equipment connected to the main hospital network rather than to segregated networks
- Incomplete records of which devices are connected and who is responsible for them

> "We've made real progress, but this audit shows how much of our risk sits in equipment we don't fully control. A scanner that costs a million pounds doesn't get replaced because its operating system is out of date." — Martin Osei, chief information officer, Greywater Hospitals Trust

## The ransomware link

The risks are not theoretical. Health organisations across Europe have been disrupted by ransomware in recent years, and security researchers have repeatedly warned that unpatched devices can give attackers a foothold or help infections spread once they are inside a network.

Greywater says it has no evidence that any of its devices have been compromised. However, the audit notes that in the event of a ransomware attack on the wider network, some clinical equipment could be affected because it relies on shared services such as file storage and directory systems.

## What the trust is doing

The board approved a three-year plan that includes:

1. Moving all connected medical devices onto segregated network segments, with traffic between segments tightly controlled
2. Creating a single register of medical devices shared between the IT, clinical engineering and procurement teams
3. Writing security requirements, including patching commitments and support periods, into all new equipment contracts
4. Prioritising replacement of the highest-risk devices within the existing capital budget

The trust has also created two new posts for medical device security specialists, reflecting what it describes as a gap between traditional IT security and clinical engineering.

> "Our clinical engineers know the devices and our IT team knows the network, but until now nobody has owned the space in between." — Martin Osei

Recruitment for these roles is likely to be difficult. Several trust leaders have told The Ledger that competition for cyber security specialists with healthcare experience is intense, and that public sector pay struggles to compete with private employers.

The board will receive progress updates every six months, and the trust says it will share its device register template with other hospitals in the region.
`,
  },
  {
    slug: 'embargoed-framework-award-draft',
    title: 'DRAFT: Framework award under embargo',
    summary: 'Embargoed draft: not for publication until the framework award is formally announced.',
    section: 'procurement',
    author: 'tom-lindqvist',
    tags: ['Contracts', 'Cloud'],
    daysAgo: 1,
    status: 'draft',
    commentsOpen: false,
    body: `
**EMBARGOED: not for publication until the award is formally announced.**

The Crown Procurement Service is expected to confirm the suppliers appointed to its replacement technology services framework, worth up to £2.4 billion over four years, later this month.

Notes from the briefing (all figures to be verified):

- Around 40 suppliers expected across six lots
- The cloud migration and managed services lot is thought to be the largest by value
- Several SMEs are understood to have been successful in the user research and service design lot

> "Quote from CPS spokesperson to be confirmed once the embargo lifts."

## Before publication

1. Confirm final lot values against the official award notice
2. Seek comment from at least two unsuccessful bidders
3. Check whether any challenges have been lodged during the standstill period

Do not share this draft outside the editorial team. Placeholder link for the award notice: [award notice](https://example.org/cps/awards/placeholder).
`,
  },
];
