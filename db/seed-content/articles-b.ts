import type { SeedArticle } from './types';

export const articlesB: SeedArticle[] = [
  {
    slug: 'citizenkey-identity-app-accessibility-audit-finds-barriers',
    title: 'Identity app fails a third of accessibility checks, independent audit finds',
    summary:
      'An audit of the CitizenKey app found problems with screen readers, face matching and time limits, and the Office for Digital Services has promised fixes by May.',
    section: 'digital-government',
    author: 'maya-okafor',
    tags: ['Identity', 'Accessibility', 'Digital inclusion'],
    daysAgo: 5,
    body: `
An independent audit of CitizenKey, the government's identity verification app, has found that it fails 31 of the 94 accessibility checks it was tested against, with the most serious problems affecting blind users and people who struggle with the app's face-matching step.

The report, published on Tuesday by the Office for Digital Services (ODS), was carried out by the accessibility consultancy Lantern Access over ten weeks last autumn. It tested the iOS and Android versions of the app against the WCAG 2.2 AA standard and ran moderated sessions with 42 disabled users.

CitizenKey is used to prove identity for more than 60 services, including applications for benefits, driving records and student finance. Around 4.1 million people have created an account since it launched two years ago.

## What the auditors found

The report groups its findings into three severity bands. Among the issues classed as "blocking", meaning some users could not complete the journey at all:

- The passport chip-reading screen gives no spoken instructions for where to hold the document, leaving screen reader users to guess.
- The selfie capture step times out after 90 seconds with no option to extend it, which participants with tremors or limited mobility repeatedly hit.
- Error messages after a failed face match are shown as an image without alternative text.
- Focus order on the address lookup page jumps to the footer after a postcode is entered.

Less severe problems included low contrast on secondary buttons, inconsistent labelling of form fields between the two platforms, and help text written at a reading age the auditors judged too high for a general audience.

Of the 42 participants, 17 were unable to finish verifying their identity without help. The report notes that several of them then fell back on the in-person route at a post office, which in some rural areas involved a round trip of more than an hour.

## The department's response

ODS said it accepted all of the recommendations and had already fixed nine of the blocking issues in a release last month. The remaining work is scheduled across the next three releases, with a target of full conformance by the end of May.

> "We commissioned this audit because we wanted to know where we were falling short, not to get a clean bill of health," said Ruth Adeyemi, ODS director of identity services. "Some of what it found is uncomfortable reading. The timeout on the selfie step should never have gone live, and it's gone now."

Adeyemi said the team would publish an updated accessibility statement alongside each release and re-run moderated testing with disabled users before declaring the work complete. The full audit is available on the [ODS publications page](https://example.org/ods/publications/citizenkey-accessibility-audit).

## Questions over the fallback route

Disability charities welcomed the publication but said the findings raised wider questions about how much weight government places on app-based verification.

Daniel Marsh, policy lead at the charity Access First, said the in-person and phone routes had been "quietly starved of attention" while the app received most of the investment.

> "An app that works for most people is not the same as a service that works for everyone. The alternatives need the same care, the same testing and the same published performance data."

The audit itself makes a similar point, recommending that ODS publish completion rates for each verification route, broken down by whether the user reported a disability. ODS said it would consider how to do this without identifying individuals.

The findings come as the department prepares to extend CitizenKey to several local authority services, including blue badge applications, from the summer. Councils taking part have been told the accessibility fixes must be in place first.

A spokesperson for Lantern Access said its team had been given full access to the developers and to pre-release builds, and that findings had been shared with ODS in stages throughout the audit rather than saved for the end.
`,
  },
  {
    slug: 'revenue-agency-begins-final-phase-of-mainframe-retirement',
    title: 'Revenue agency begins final phase of mainframe retirement after 14-year effort',
    summary:
      'The Revenue and Duties Agency says its last mainframe workloads, covering excise duty and historic self-assessment records, will move to new platforms by next March.',
    section: 'digital-government',
    author: 'maya-okafor',
    tags: ['Legacy IT', 'Cloud', 'Skills'],
    daysAgo: 37,
    updatedDaysAgo: 30,
    body: `
The Revenue and Duties Agency (RDA) has started moving the last workloads off its mainframe estate, a programme it first scoped in 2011 and which has since outlasted four permanent secretaries and two complete rewrites of its business case.

According to a delivery update published last week, the remaining mainframe applications handle excise duty calculations, a set of historic self-assessment records dating back to the late 1990s, and a batch reconciliation process that runs overnight against payments received from banks. Together they account for roughly 6% of the processing the mainframe handled at its peak.

The agency expects to switch off the final machine, housed at its data centre near Carrow, by next March.

## Why it took so long

Previous attempts stalled for reasons familiar to anyone who has worked on large legacy migrations. An early plan to rewrite everything in one go was abandoned in 2014 after a pilot found that business rules had been embedded in COBOL code for decades without being written down anywhere else. A second approach, which relied on automated code translation, produced software that ran but that nobody on the agency's staff could confidently maintain.

The current programme, known internally as Keystone, took a different route: moving one service at a time, running old and new systems in parallel until the results matched, and only then retiring the mainframe component.

> "The mainframe was never the villain here," said Alan Pryce, RDA's chief technology officer. "It has been remarkably reliable. The problem was that the knowledge of what it was doing lived in the heads of a shrinking number of people, and we couldn't keep betting the tax system on their retirement dates."

Pryce said the agency had relied on around 30 specialist staff and contractors to keep the mainframe running in recent years, about a third of whom are over 60.

## What happens to the workloads

The update sets out where each of the remaining services is going:

1. Excise duty calculations will move to a rules engine hosted on the agency's private cloud, with rules maintained by policy staff rather than developers.
2. Historic self-assessment records will be migrated to an archive store, with read-only access for caseworkers handling disputes and late claims.
3. The bank reconciliation batch will be replaced by a near-real-time service that processes payments as they arrive, rather than once a night.

Parallel running for the excise service began this month and is due to last at least two full duty cycles. Only when both sets of figures agree to the penny will the mainframe version be switched off.

## Costs and skills

The National Audit Board put the total cost of the programme at £410m in a report last year, against an original estimate of £160m. RDA argues that the comparison is unfair because the scope grew to include services that were not part of the first plan, but it accepts that the early phases were poorly managed.

The agency says that once the mainframe is gone it will save about £22m a year in licensing, hardware maintenance and specialist support. It has offered retraining to the staff who currently support the mainframe, and says 19 have so far signed up to courses in cloud operations and data engineering.

Unions have broadly welcomed the approach. A representative for the Public and Civil Services Guild said members had been "consulted properly for once" and that the retraining offer was better than in previous modernisation programmes.

Not everyone is convinced the final stretch will be smooth. A former member of the Keystone team, who asked not to be named, said the bank reconciliation batch was "the part nobody fully understands" and warned that the March date left little room for surprises.

Details of the Keystone programme, including its risk register, are published on the [RDA transparency site](https://example.org/rda/keystone-delivery-update).

*Update: This article was updated to clarify that the £410m figure covers the whole programme since 2011, not only the current phase.*
`,
  },
  {
    slug: 'supplier-challenges-regional-cloud-hosting-framework-award',
    title: 'Supplier challenges award of £1.2bn regional cloud hosting framework',
    summary:
      'Harbourline Data has asked the High Court to set aside a consortium framework award, claiming its bid was marked down on criteria that were never published.',
    section: 'procurement',
    author: 'tom-lindqvist',
    tags: ['Contracts', 'Cloud', 'Standards'],
    daysAgo: 10,
    body: `
A hosting company that missed out on a place on a £1.2bn cloud services framework has launched a legal challenge against the public buying consortium that ran the competition, in a case that could delay new contracts for hundreds of public bodies.

Harbourline Data, a mid-sized provider based in the north-east, filed a claim against the Northern Public Services Consortium (NPSC) last month. Court papers seen by The Ledger argue that the consortium applied evaluation criteria that were not set out in the tender documents and failed to give adequate reasons for Harbourline's scores.

The framework, known as Regional Cloud Hosting 2, was intended to replace an arrangement that expires in the autumn. It is open to councils, police forces, fire services, universities and health bodies across the region.

## The grounds of the claim

Harbourline's claim focuses on the quality section of the evaluation, which carried 60% of the available marks. The company says it lost points on "exit planning and portability" for failing to describe how customers could move workloads to a different provider, when the tender documents only asked bidders to describe data export formats.

The claim also alleges that:

- evaluators' notes refer to a "preferred migration toolset" that was never mentioned in the invitation to tender;
- two lots were scored by different panels using inconsistent interpretations of the same question;
- the debrief letter gave a single sentence of feedback for a section worth 15% of the total score.

Because the claim was filed within the standstill period, the consortium is automatically prevented from signing the framework agreements until the court decides otherwise.

## The consortium's position

NPSC has applied to have the automatic suspension lifted, arguing that a long delay would leave members without a compliant route to buy hosting services once the current framework expires.

> "We are confident that the evaluation was run fairly and in line with the published methodology," said Gillian Forbes, NPSC's head of commercial. "We will defend the claim robustly. Our priority is making sure our members are not left without a way to buy the services they rely on."

Forbes added that the consortium had arranged a six-month extension to the existing framework as a contingency, although several members told The Ledger that prices under the old agreement were noticeably higher than those bid for the new one.

## Wider concerns

Procurement lawyers said the case touched on a recurring problem with technology frameworks: the temptation to assess things bidders were not clearly asked about.

Nadia Hollis, a partner at the procurement law firm Brannock & Vale, said evaluators often bring their own expectations about good practice to the table, particularly on technical topics such as portability and interoperability.

> "Those expectations may be perfectly sensible, but if they are not in the documents, suppliers cannot be expected to address them. Courts have been quite consistent on that."

Hollis said the case was also a reminder that debrief letters matter. Short, generic feedback was one of the most common triggers for challenges, she said, because it left losing bidders with no way of telling whether the scoring had been fair.

Several smaller suppliers that did win places told The Ledger they were frustrated by the delay, having invested heavily in their bids. One said it had already hired staff in anticipation of new work.

Harbourline's managing director, Owen Teague, said the company had not taken the decision lightly.

> "We have worked with public bodies in this region for fifteen years. We are not trying to stop the framework; we want a fair assessment of our bid."

A hearing on the suspension is expected next month. The consortium has published a [summary of the procurement timetable](https://example.org/npsc/rch2-timetable) for members who need to plan around the delay.
`,
  },
  {
    slug: 'small-regulators-commission-shared-open-source-case-management',
    title: 'Seven small regulators pool budgets for open-source case management system',
    summary:
      'A consortium of regulators has awarded a £4.8m contract to build a shared complaints and enforcement platform that each body can run and modify itself.',
    section: 'procurement',
    author: 'tom-lindqvist',
    tags: ['Open source', 'Contracts', 'Interoperability', 'Standards'],
    daysAgo: 54,
    body: `
Seven small regulators have jointly awarded a contract to build an open-source case management system, in what they describe as an attempt to stop paying repeatedly for the same software.

The £4.8m, four-year contract went to Fellgate Digital, a developer cooperative with offices in Leeds and Glasgow, following a competition that attracted 23 bids. The regulators, which between them oversee areas including veterinary practice, canal navigation, private security licensing and drinking water quality, each currently run their own tools for handling complaints, investigations and enforcement.

## Paying for the same thing seven times

A joint review carried out last year found that the seven bodies were spending a combined £2.1m a year on licences and support for five different commercial products, most of them heavily customised. Several of those contracts were due to expire within eighteen months of one another.

> "We realised we were all asking for more or less the same thing: log a complaint, assign it, gather evidence, make a decision, publish the outcome," said Farah Siddiqui, chief operating officer at the Security Licensing Authority, which led the procurement. "The differences between us are real, but they're at the edges, not the core."

The tender asked bidders to build a shared core under an open-source licence, with each regulator able to add its own modules for sector-specific work such as licence revocations or water sampling results.

## What the contract requires

The specification, published on the [consortium's project site](https://example.org/regulator-casework/specification), sets out several requirements that distinguish it from a typical software purchase:

- All code must be published in a public repository from the first sprint, under the European Union Public Licence.
- Data must be stored and exchanged using open standards, with documented APIs for every core function.
- Each regulator must be able to host the system itself or use a shared hosted service, without paying a licence fee.
- The supplier must hand over documentation sufficient for another team to take on maintenance.

The emphasis on open standards was partly driven by a wish to share information more easily. Several of the regulators receive overlapping complaints, and a dispute involving a security firm, for example, can touch both licensing and consumer protection bodies. At present they exchange case information by email and spreadsheet.

Evaluation weighted quality at 70% and price at 30%, with a separate pass-or-fail test on whether bidders had previously released public sector code under an open licence.

## Scepticism from incumbents

Not everyone is convinced. One supplier whose product is used by two of the regulators said open-source public sector projects had a mixed record, and that the hard part came after the initial build.

> "Building it is the easy bit. The question is who pays for the upgrades, the security patches and the support desk in year five, when the project team has moved on."

Siddiqui acknowledged the risk. She said the consortium had agreed a governance model in which each regulator contributes to a shared maintenance budget in proportion to its caseload, and that a small in-house product team of four would be recruited to act as the long-term owner of the system.

The consortium also hopes other organisations will adopt the platform. Officials said they had held early conversations with two ombudsman services and several local authority trading standards teams, any of which could join without running a procurement of their own because the code will be freely available.

## Timetable

The first regulators, the Security Licensing Authority and the Inland Waterways Commission, are due to go live with the core system next spring. The remaining five will follow over the subsequent eighteen months as their existing contracts end.

Fellgate Digital said it would hold open show-and-tell sessions every fortnight, with recordings published online, and would accept contributions from developers outside the consortium once the core data model had settled.
`,
  },
  {
    slug: 'wexcombe-council-scales-back-parking-sensor-scheme',
    title: 'Council scales back parking sensor scheme after pilot misses targets',
    summary:
      'Wexcombe Borough Council will keep sensors in two multi-storey car parks but has dropped plans for an on-street rollout after a review found the data was less reliable than promised.',
    section: 'local-councils',
    author: 'hannah-kerr',
    tags: ['Budgets', 'Open data', 'Privacy'],
    daysAgo: 16,
    body: `
Wexcombe Borough Council has abandoned plans to install parking sensors across its on-street bays after an 18-month pilot found the devices were accurate far less often than the supplier had claimed.

A report to the council's environment and transport committee last week said the 640 in-ground sensors installed in the town centre and two suburban high streets correctly reported whether a bay was occupied about 86% of the time, against a contractual target of 97%. Accuracy fell further in wet weather and in bays where vans and larger vehicles regularly parked.

The council will keep sensors in its two multi-storey car parks, where they are mounted overhead and performed much better, but will not proceed with a planned expansion to 3,000 on-street bays.

## What the pilot was meant to do

The scheme, supplied by Veritrack Mobility, was intended to feed live availability data to a public map and a journey-planning app, and to help the council decide where to change tariffs and time limits. Officers also hoped to reduce the time drivers spent circling in search of a space, which a traffic study estimated accounted for around a tenth of town centre congestion at peak times.

The pilot cost £380,000, including installation, connectivity and a data platform licence. The full rollout had been budgeted at £1.6m over five years.

> "The principle was sound, and in the car parks it has worked well," said Councillor Janet Okoro, cabinet member for transport. "But we can't ask residents to rely on a map that tells them a space is free when it isn't one time in seven. That would do more harm than good."

## Where it went wrong

The officers' report identifies several problems:

1. Magnetic sensors struggled to distinguish between a parked vehicle and one queuing in traffic beside the bay.
2. Batteries in about 12% of sensors failed within the first year, well ahead of the expected five-year life.
3. Data from the sensors reached the council's platform with delays of up to four minutes during busy periods.
4. Road resurfacing in one street destroyed 40 sensors, which had not been recorded on the utilities mapping system.

Veritrack said in a statement that it disagreed with parts of the analysis and that accuracy had improved after a firmware update in the final months of the pilot. The council has withheld a final payment of £45,000 while the two sides discuss the contract's performance clauses.

## Data and privacy

The council did publish the pilot's occupancy data under an open licence, and said local researchers and the town's business improvement district had both used it. The dataset, which records bay occupancy in five-minute intervals, will remain available on the [Wexcombe open data portal](https://example.org/wexcombe/open-data/parking-occupancy) even after the on-street sensors are removed.

Campaigners had raised privacy concerns at the start of the scheme, fearing that sensor data could be combined with enforcement cameras to issue fines automatically. The council said it never linked the two and has no plans to. Sensors in the multi-storey car parks record only whether a space is occupied, not vehicle registrations.

Removing the on-street sensors is expected to cost about £30,000, which will be covered by the transport budget's contingency.

Mark Ellery, chair of the Wexcombe Town Centre Traders' Association, said businesses were disappointed.

> "We were told this would help people find a space and come back more often. What we actually need is cheaper short-stay parking, and no sensor is going to fix that."

The committee agreed to look at camera-based counting for the council's remaining surface car parks next year, and asked officers to report back on whether the data could be published in the same open format.
`,
  },
  {
    slug: 'northmarsh-council-trials-ai-planning-validation',
    title: 'District council trials AI to check planning applications before officers see them',
    summary:
      'Northmarsh District Council says an AI validation tool has cut the time to register applications from nine days to three, but staff want clearer rules on its use.',
    section: 'local-councils',
    author: 'hannah-kerr',
    tags: ['AI', 'Skills', 'Budgets'],
    daysAgo: 64,
    body: `
Northmarsh District Council has been using an artificial intelligence tool to check whether planning applications are complete before they reach an officer, and says the backlog of applications waiting to be registered has fallen by more than two-thirds.

The six-month trial, funded by a £150,000 grant from a central government planning improvement fund, uses a system supplied by Quillstone Analytics to read application forms, drawings and supporting documents and flag anything missing or inconsistent. Examples include site plans without a north arrow, missing ownership certificates, or a description of development that does not match the drawings.

Validation, which confirms an application has everything it needs before the statutory clock starts, has long been a bottleneck for smaller planning authorities. At Northmarsh, the average time from submission to registration had risen to nine working days by last spring, with two of the four validation officer posts vacant.

## How the tool is used

The council stressed that the system does not make decisions on its own. In the current setup:

- every application is processed by the tool within an hour of submission;
- the tool produces a checklist marking each requirement as met, missing or uncertain, with a confidence score;
- a validation officer reviews the checklist and the original documents before registering the application or writing to the applicant;
- applicants are told in their acknowledgement email that automated checks are used.

Since the trial began, the average time to registration has fallen to just under three working days. The council says the share of applications found to be invalid has stayed roughly the same, at about 40%, suggesting the tool is speeding up existing work rather than applying a stricter test.

> "This isn't about replacing anybody. We had applications sitting untouched for a week and a half because we simply couldn't recruit," said Sarah Whitlock, Northmarsh's head of planning. "Now officers spend their time on judgement calls, not hunting for a missing certificate."

## Staff concerns

Not everyone is entirely comfortable. A survey of planning staff, included in a report to the council's scrutiny committee, found that while most found the tool useful, several worried that applicants could be told their submission was invalid on the basis of an automated error.

The union branch has asked for a written policy confirming that no application will be returned as invalid without an officer having looked at it, and for the tool's error rates to be reported to committee each quarter. The council has agreed to both.

Early figures show the tool marked about 8% of requirements as "uncertain", and officers overruled its assessment in roughly 5% of cases where it had reached a firm view. Most overrules involved hand-drawn plans and scanned documents, which the tool handles less reliably.

Two validation officers have also been trained to adjust the checklists the tool works from, so that changes to the council's local validation list can be reflected without waiting for the supplier.

## Cost after the grant

The bigger question is what happens when the grant runs out. Quillstone's commercial licence would cost the council about £48,000 a year, which officers say is less than the cost of one validation officer but still a significant sum for a district whose planning budget is under pressure.

> "If the numbers hold up over a full year, I think we can make the case," said Councillor Ravi Chandran, who chairs the planning committee. "But I want to see the error rates first, and I want residents to know a person is still accountable."

The council has published the [scrutiny report and trial data](https://example.org/northmarsh/planning/ai-validation-trial) and will decide in the spring whether to sign a longer contract. Two neighbouring districts have asked to observe the trial.
`,
  },
  {
    slug: 'kestrel-vale-water-ransomware-recovery',
    title: 'Kestrel Vale Water restores billing three weeks after ransomware attack',
    summary:
      'The regional water company says supply and treatment were never affected, but customers face delayed bills and the firm has confirmed that some personal data was stolen.',
    section: 'cyber-security',
    author: 'priya-raman',
    tags: ['Ransomware', 'Legacy IT', 'Privacy'],
    daysAgo: 1,
    body: `
Kestrel Vale Water has restored its billing and customer service systems three weeks after a ransomware attack forced it to take large parts of its corporate network offline, the company said on Monday.

The utility, which supplies around 1.3 million people, said treatment works, pumping stations and water quality monitoring were unaffected throughout, because its operational technology runs on a separate network. But the attack disrupted billing, the online customer account service, and the internal systems used to schedule repair crews.

## What happened

According to the company's latest update, attackers gained access through a remote access account belonging to a maintenance contractor, which was not protected by multi-factor authentication. They spent about nine days moving through the corporate network before deploying ransomware in the early hours of a Saturday.

The company said it had not paid a ransom and had no intention of doing so.

> "We made the call in the first hour to isolate everything we could and rebuild from clean backups, even though that meant a longer outage," said Elaine Carver, Kestrel Vale's chief information officer. "The water kept flowing. The hardest part has been the effect on customers who couldn't reach us, and we're sorry for that."

During the outage, repair crews were dispatched using paper job sheets and radio, a fallback the company says it had last rehearsed eighteen months ago.

## Data taken

Kestrel Vale has confirmed that the attackers copied files from a shared drive before encrypting systems. The files included names, addresses and bank details for about 38,000 customers who pay by direct debit, as well as some employee records. The company has reported the incident to the data protection regulator and is writing to those affected.

A criminal group has since listed the company on its leak site. Kestrel Vale said it was working with law enforcement and a specialist incident response firm, Halden Cyber, and advised customers to be alert to phishing emails and calls claiming to come from the company.

## The recovery

The company has set out the order in which systems were brought back:

1. Identity and access systems, rebuilt from scratch with all passwords reset.
2. The job scheduling system for field crews, restored on day six.
3. Contact centre telephony and case handling, restored on day eleven.
4. Billing and online accounts, restored this week after a final integrity check.

Bills that would have been issued during the outage will be sent over the next month. Customers who pay by direct debit will not be charged twice, the company said, and no late payment charges will apply until the end of the quarter.

Several of the systems restored last were among the oldest in the estate. The billing platform runs on software first installed in 2006, and recovery took longer because some components could not be reinstalled on current operating systems without help from the original vendor.

## Regulatory scrutiny

The sector's drinking water and economic regulators have both asked the company for reports on the incident. Under network and information systems rules, water companies are designated operators of essential services and must show they have appropriate security measures in place.

Lorna Fitch, a security consultant who advises utilities, said the route in was depressingly familiar.

> "Third-party remote access without MFA is still one of the most common ways into critical infrastructure. Utilities have spent a lot on protecting control systems, rightly, but the corporate side often gets less attention."

Kestrel Vale said all contractor access now requires multi-factor authentication and is granted for fixed periods rather than left permanently open. It has also brought forward a planned replacement of the billing platform.

The company has published a [timeline and customer guidance](https://example.org/kestrel-vale/incident-update) and says a full review will be shared with regulators by the end of next month.
`,
  },
  {
    slug: 'fire-engines-mobile-data-terminals-unsupported-software-audit',
    title: 'Audit finds fire engines running unsupported software on in-cab terminals',
    summary:
      'A review of eleven fire and rescue services found more than half of the in-cab computers used to receive incident data were no longer receiving security updates.',
    section: 'cyber-security',
    author: 'priya-raman',
    tags: ['Legacy IT', 'Standards', 'Skills'],
    daysAgo: 45,
    body: `
More than half of the mobile data terminals fitted to fire engines in eleven fire and rescue services are running operating systems that no longer receive security updates, according to an audit published by the Fire Services Inspectorate.

The terminals are rugged tablets and screens fixed in vehicle cabs. They receive incident details from control rooms, display building risk information and hydrant locations, and in many cases provide the route to an incident. The inspectorate reviewed 1,140 terminals across the eleven services between March and August.

It found that 612 were running an operating system version that had passed its vendor's end-of-support date, in some cases by more than three years. A further 190 were on supported versions but were missing at least six months of security patches.

## Why patching is hard

The report is careful not to blame individual services. It identifies a set of structural reasons why the terminals fall behind:

- Terminals are often bought as part of vehicle or control room contracts, so responsibility for updates is split between fleet teams, IT teams and suppliers.
- Updates must be tested against the mobilising software used by control rooms, and several suppliers only certify specific operating system builds.
- Vehicles are spread across dozens of stations, some crewed part-time, making it hard to find a window when an appliance is both idle and connected.
- Several services rely on a single member of staff to manage the terminals.

> "Nobody set out to run fire engines on unsupported software. It's the result of contracts that never said clearly who owns the problem," said Graham Lowther, the inspectorate's lead on technology. "But the risk is real, and services need to fix it."

## The risk

The inspectorate found no evidence that any terminal had been compromised. But it warned that terminals connect to control room systems over mobile networks, and in some services over shared station Wi-Fi, meaning a compromised device could provide a route to more critical systems.

The report also notes that losing access to terminals during a major incident would force crews back to radio and paper maps, which several firefighters interviewed said they had not practised for years.

## Recommendations

Among the inspectorate's recommendations are that every service name a single accountable owner for mobile data terminals, that future contracts require suppliers to certify new operating system versions within a fixed period, and that services adopt a common minimum security baseline.

The inspectorate has drafted that baseline with the national cyber security agency, and it is published alongside the report on the [inspectorate's website](https://example.org/fire-inspectorate/mdt-security-baseline). It covers patch timescales, device encryption, network segmentation and remote wipe, and is intended to be written into contracts rather than left as guidance.

The National Fire Chiefs Forum said services were already acting. Its digital lead, Chief Fire Officer Angela Priestley, said most of the affected terminals were due for replacement within two years through a joint procurement involving eight of the eleven services.

> "We accept the findings. The joint procurement gives us an opportunity to get the contract terms right this time, so that updates are part of the deal rather than an argument afterwards."

Representatives of control room staff said the report reflected concerns they had raised for some time. They called for investment in training so that more than one person in each service could manage the devices, and for crews to rehearse working without terminals at least once a year.

Services have been asked to report their progress to the inspectorate within six months, and the inspectorate said it would include terminal security in its routine inspections from next year.
`,
  },
  {
    slug: 'eastmere-police-schools-data-sharing-agreement-paused',
    title: 'Police and schools data-sharing agreement paused after privacy complaints',
    summary:
      'Eastmere Police and the county education authority have suspended an agreement to share information on pupils at risk of exploitation while the regulator looks into it.',
    section: 'data',
    author: 'samuel-ortiz',
    tags: ['Privacy', 'Interoperability'],
    daysAgo: 22,
    updatedDaysAgo: 20,
    commentsOpen: false,
    body: `
An agreement allowing a police force and more than 200 schools to share information about pupils considered at risk of criminal exploitation has been suspended, following complaints from parents and a civil liberties group that the data was being used more widely than families had been told.

The arrangement between Eastmere Police and Eastmere County Council's education department began eighteen months ago. It was designed to help schools and officers spot early signs that children were being drawn into drug dealing, knife crime or other exploitation, and to coordinate support.

## What was shared

Under the agreement, schools could pass information about pupils to a police-led multi-agency team, including persistent absence, fixed-term exclusions and concerns raised by safeguarding leads. In return, police could notify a school's designated safeguarding lead when a pupil had come to police attention, for example as a victim, witness or suspect.

A copy of the data-sharing agreement obtained by The Ledger through a freedom of information request sets out the sections of data involved:

- attendance and exclusion records;
- safeguarding concerns logged by school staff;
- police intelligence reports naming a pupil;
- details of any referral to youth services or social care.

The agreement says data should be used "solely for safeguarding purposes". But complainants say that in practice some information was added to a police intelligence database, where it could be seen by officers outside the multi-agency team and retained for up to six years.

## The complaints

The campaign group Rights in Schools said it had been contacted by more than 30 families, several of whom discovered through subject access requests that their children were recorded on police systems despite no offence or direct contact with officers.

> "Parents were told this was about support. Nobody told them a teacher's note about a child's attendance could end up in a police intelligence record," said the group's director, Hamid Qureshi. "That's not safeguarding. That's surveillance with a friendly name."

The group also raised concerns that pupils from some ethnic minority backgrounds appeared to be over-represented among those referred, although it acknowledged that its evidence on this point was limited.

## The response

Eastmere Police and the county council said they had paused new data sharing while the arrangement is reviewed, and had referred themselves to the Information Rights Office.

> "The aim of this work has always been to protect children, and we know from serious case reviews that agencies failing to share information can have tragic consequences," said Assistant Chief Constable Helen Brammer. "But we also need families to trust us. If we've got the balance wrong, we will put it right."

The force said an internal audit had identified 412 records in its intelligence system created from school referrals, and that it was reviewing each one to decide whether it should be retained.

## A wider pattern

Data protection specialists said the case illustrated a common problem with multi-agency arrangements: agreements written at a high level of principle, with less attention paid to how data flows once it lands in each organisation's systems.

Tessa Golding, a data protection consultant who has advised local authorities on safeguarding partnerships, said the systems involved were often not designed to hold data collected for different purposes side by side.

> "If your intelligence system can't tag a record as 'safeguarding only, do not disseminate', then the agreement's restrictions exist on paper only."

Head teachers contacted by The Ledger were divided. Some said the arrangement had helped them act quickly on worrying changes in a pupil's behaviour; others said they had stopped making referrals months ago because they were unsure where the information went.

The regulator said it was making enquiries. A [summary of the paused agreement](https://example.org/eastmere/data-sharing-agreement-summary) has been published by the council.

*Update: This article has been updated to include the number of records identified by Eastmere Police's internal audit.*
`,
  },
  {
    slug: 'national-open-data-portal-to-archive-unmaintained-datasets',
    title: 'National open data portal to archive thousands of unmaintained datasets',
    summary:
      'The Central Data Office says nearly 40% of datasets on its portal have not been updated in five years, and will archive those that publishers cannot vouch for.',
    section: 'data',
    author: 'maya-okafor',
    tags: ['Open data', 'Standards', 'Skills'],
    daysAgo: 76,
    body: `
The government's central open data portal is to archive thousands of datasets that have not been updated for years, in an attempt to make it easier for users to find information they can trust.

The Central Data Office (CDO), which runs the portal, said a review had found that of the 52,000 datasets listed, around 20,000 had not been updated in five years or more, and a further 6,500 linked to files that no longer existed. Many belonged to bodies that have since been merged or abolished.

## A cleanup, not a cull

Publishers will be contacted over the next three months and asked to confirm, for each stale dataset, whether it is still maintained, whether it should be marked as a historical record, or whether it can be removed from search results.

Datasets whose owners do not respond will be moved to an archive section. They will still be available through direct links and through the portal's API, but will no longer appear in default search results.

> "Open data only works if people can trust what they find," said Dr Kirsty Malloch, the CDO's head of data publishing. "At the moment someone searching for school funding figures might land on a spreadsheet from 2014 with no warning that it's out of date. That undermines confidence in everything else on the portal."

Malloch stressed that archiving did not mean deletion, and that historical data remained valuable for researchers and journalists.

## What changes for publishers

Alongside the cleanup, the CDO is introducing minimum requirements for anything published on the portal. From next April, each dataset will need:

1. a named team as owner, rather than an individual who may leave;
2. an expected update frequency, which the portal will use to flag overdue datasets;
3. a licence statement, defaulting to the standard open government licence;
4. metadata that meets the portal's revised metadata standard, which is based on an international vocabulary for data catalogues.

The [draft publishing standard](https://example.org/cdo/open-data-publishing-standard) is open for comment until the end of next month. The CDO says it has deliberately kept the list short so that small publishers can meet it without specialist help.

## Reaction from users

Open data advocates broadly welcomed the move, though some raised concerns about what might be lost.

Chris Adair, who runs a small civic technology group that builds tools using public spending data, said his group had relied on several datasets that looked abandoned but were still useful.

> "Old doesn't mean useless. Some of the best long-run series on the portal haven't been touched in years because the underlying thing stopped being collected. I'd hate to see those vanish from search because nobody in a department remembers owning them."

The CDO said datasets marked as historical records would remain in search results, clearly labelled, and that users would be able to nominate datasets for that status through a form on each dataset page.

## Skills and capacity

The review also highlighted the uneven capacity of publishers. Some large departments have dedicated data teams, while many arm's-length bodies rely on a single analyst for whom publishing open data is a small part of the job.

The CDO says it will run training sessions for publishers and provide templates, but has no additional funding to support smaller bodies. Its own publishing team has four staff, who also handle user queries and maintain the portal's search.

Several publishers told The Ledger they supported the changes in principle but doubted they would have time to review hundreds of legacy entries within three months. The CDO said it would allow extensions for bodies that could show they were working through the backlog.

Users should start to see changes to search results from the autumn.
`,
  },
  {
    slug: 'fenwold-valley-patient-portal-uptake-gap',
    title: "Hospital trust's patient portal passes 100,000 users, but older patients lag",
    summary:
      'Fenwold Valley Hospitals Trust says its patient portal has cut missed appointments, but uptake among patients over 75 is a fraction of that in younger groups.',
    section: 'health-it',
    author: 'samuel-ortiz',
    tags: ['Digital inclusion', 'Accessibility', 'Interoperability'],
    daysAgo: 29,
    updatedDaysAgo: 25,
    body: `
The patient portal run by Fenwold Valley Hospitals Trust has signed up more than 100,000 users in its first two years, and the trust says it has helped reduce missed outpatient appointments. But new figures show a stark gap in uptake between age groups, with the oldest patients, who attend hospital most often, least likely to use it.

The portal, built on a platform supplied by Meridale Health Systems, lets patients view and rearrange appointments, read clinic letters, complete pre-appointment questionnaires and message some outpatient departments. The trust serves a largely rural population of about 550,000.

## The numbers

According to a board paper published this month:

- 41% of patients aged 18 to 44 with an outpatient appointment in the past year have activated an account;
- the figure is 29% for those aged 45 to 64, and 18% for those aged 65 to 74;
- among patients aged 75 and over, just 7% have activated an account.

Patients from the most deprived postcodes in the trust's area were about half as likely to sign up as those from the least deprived.

The trust says missed outpatient appointments have fallen from 8.1% to 6.4% over the same period, and estimates this has freed up around 9,000 appointment slots a year. Patients who use the portal are also much more likely to rearrange an appointment rather than simply not attend.

> "The portal is doing what we hoped for the people who use it," said Dr Sunita Varma, the trust's chief clinical information officer. "The challenge now is making sure it doesn't become another way in which patients who are already well served get better served, while others are left behind."

## Barriers to access

The trust commissioned a small research project, carried out by a local university, to understand why older patients were not signing up. Interviews with 60 patients and carers identified several recurring issues: difficulty completing identity checks during registration, worries about scams, poor broadband in some villages, and a simple preference for post.

The research also found the registration process was hard to complete with a screen reader or with large text settings, and that clinic letters were sometimes uploaded as scanned images rather than accessible documents.

Carers reported a particular frustration: the portal does not yet support proxy access, meaning a relative cannot manage appointments on behalf of a patient without using the patient's own login.

## What the trust plans to do

The board paper sets out a plan with three strands. The trust will introduce proxy access for carers later this year, once safeguarding checks are agreed. It will fund "digital helpers", volunteers based in outpatient waiting areas, to help patients set up accounts. And it will commit to keeping paper letters and phone booking as full alternatives rather than secondary options.

The trust is also working with its supplier to link the portal to the regional shared care record, so that patients can see test results from GP practices and community services alongside hospital information. That work depends on agreeing common message formats with three other organisations and is not expected to finish before next year.

> "We are not going to force anyone online," said Martin Cole, the trust's director of digital. "Paper will stay for as long as patients want it. But where people want to use the portal and can't, that is our problem to solve, not theirs."

The full [board paper and research summary](https://example.org/fenwold-valley/board/patient-portal-review) are available on the trust's website. Patient groups have been invited to test the proxy access feature before launch.

*Update: This article has been updated to correct the percentage of patients aged 65 to 74 who have activated an account.*
`,
  },
  {
    slug: 'tarnside-pathology-network-delays-lab-system-go-live',
    title: 'Regional pathology network delays lab system go-live for a third time',
    summary:
      'The Tarnside Pathology Network has pushed back the launch of its new laboratory information system after testing found problems with results reaching GP practices.',
    section: 'health-it',
    author: 'samuel-ortiz',
    tags: ['Legacy IT', 'Contracts', 'Interoperability'],
    daysAgo: 89,
    body: `
A pathology network serving five hospital trusts has delayed the launch of its new laboratory information management system for a third time, after end-to-end testing found that some results were failing to reach GP practices correctly.

The Tarnside Pathology Network had planned to go live with the system, supplied by Corvane Diagnostics Software, in the autumn. It now expects to switch over in phases beginning next spring, according to papers presented to its partnership board.

The network processes around 14 million tests a year for hospitals, GP surgeries and community services across a population of 1.8 million. At present its laboratories use four different systems, inherited from the trusts that came together to form the network, two of which are no longer supported by their suppliers.

## What went wrong in testing

The board papers describe a series of issues uncovered during a three-month testing period:

- Around 2% of test results sent to GP practice systems arrived without the correct units or reference ranges, which could cause clinicians to misread them.
- Some results for patients with recently merged hospital records were routed to the wrong requesting clinician.
- The link to the regional order communications system failed under peak load in a simulated morning rush.
- Mapping between the old systems' local test codes and the national pathology code set was incomplete for about 600 less common tests.

None of the problems affected patients, because testing took place in a separate environment.

> "These are precisely the things we set up the testing to find, and I'd much rather find them now than after go-live," said Dr Owain Price, the network's clinical director. "Pathology results drive a huge proportion of clinical decisions. We will not go live until we are confident every result is reaching the right person in the right form."

## Cost and contracts

The delay carries a cost. The network must extend support agreements for its two unsupported legacy systems, which the board papers put at around £640,000 for an additional six months, and keep a project team of about 35 people in place longer than planned.

The contract with Corvane, worth £27m over ten years, includes provisions for delay payments where the supplier is responsible. The board papers say discussions are continuing over how responsibility for the delay should be divided, noting that some issues arose from poor data quality in the legacy systems rather than from the new software.

Corvane said in a statement that it remained committed to the programme and was working closely with the network to resolve the outstanding issues.

## Interoperability problems

Specialists said the problems described were typical of pathology consolidation, where the hardest work often lies in the connections between systems rather than in the laboratory software itself.

Rachel Dunmore, an independent health informatics consultant, said GP practice systems in the region were receiving results through two different messaging formats, which multiplied the amount of testing required.

> "Every interface is a place where meaning can be lost. Units and reference ranges are exactly the kind of detail that survives in one format and gets quietly dropped in another."

The network has published a [revised implementation plan](https://example.org/tarnside-pathology/lims-implementation-plan), which shows the blood sciences and microbiology laboratories moving first, followed by cellular pathology. A further round of end-to-end testing, involving a sample of GP practices from each area the network serves, is scheduled to begin in January.

Staff at the network's laboratories have been told that training schedules will be revised, and that refresher sessions will be offered to those who completed their training ahead of the original date. Union representatives said members were frustrated by the repeated delays but supported the decision not to go live until the problems were fixed.
`,
  },
];
