## floss-registry — interface text in English.
## Every message also exists in i18n/fr/main.ftl, the reference (a test checks it).

site-name = Registry of privacy-respecting free software
site-description = A public catalogue of free software assessed criterion by criterion against data protection by design, with evidence.
skip-to-content = Skip to content
switch-language = Read this page in
nav-label = Main navigation
nav-search = Search
nav-criteria = Criteria and method
nav-observatory = Observatory
nav-decisions = Decisions
nav-submit = Submit software
footer-nav-label = Useful links
footer-about = About
footer-privacy = Privacy on this site
footer-review = Review
footer-api = Open API
footer-feed = Atom feed of changes
footer-independent = An independent project, inspired by the dialogue between the CNIL (the French data protection authority) and civil society about free software. This site is not a CNIL service.
footer-licence = Data under CC BY-SA 4.0 · code under AGPL-3.0 or later · no cookies, no trackers.
feed-title = What's new in the free software registry
feed-entry-title = { $name } (grade { $grade })

search-label = Search for software or a service to replace
search-button = Search
percent = { $n }%
yes = yes
no = no

## Months, for dates
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Grades and statuses
grade-prefix = Grade
grade-label = Grade { $grade }
status-met = Met
status-partial = Partly met
status-not-met = Not met
status-not-applicable = Not applicable
status-unknown = Not established
criterion-not-concerned = Does not apply
level-required = Required criterion
level-recommended = Recommended criterion
review-community = Community assessment
review-submitted = Submitted for review
review-validated = Validated
review-changes-requested = Changes requested
review-rejected = Rejected
review-expired = Validation expired
review-explain-community = this entry was written by the community from public sources; the authority has not reviewed it yet.
review-explain-submitted = this entry is waiting for a reviewer's decision.
review-explain-validated = a reviewer checked every criterion against the evidence cited.
review-explain-changes-requested = a reviewer asked for corrections before deciding.
review-explain-rejected = a reviewer rejected this entry; the reasons are published below.
review-explain-expired = the validation has run out; the entry is waiting for a new review.

## Platforms and kinds of software
platform-android = Android
platform-ios = iOS
platform-linux = Linux
platform-macos = macOS
platform-windows = Windows
platform-bsd = BSD
platform-web = Web browser
platform-firefox = Firefox extension
platform-chromium = Chromium extension
platform-safari = Safari extension
kind-desktop = Desktop application
kind-mobile = Mobile app
kind-web = Web application
kind-server = Server
kind-browser-extension = Browser extension
kind-cli = Command-line tool
applies-all = all software
machine-yes = yes
machine-partly = partly
machine-no = no

## Axes of the criteria
axis-openness = Openness
axis-minimisation = Data minimisation
axis-security = Security
axis-control = User control
axis-transparency = Transparency

## Home
home-title = Find free software that respects your data
home-heading = Free software that respects your data
home-lead = Every program is assessed criterion by criterion — encryption, data collection, trackers, hosting — and every claim links to its evidence.
home-search-label = What are you looking for?
home-search-hint = A program's name, a use or a service you want to leave. For example:
home-example-1 = alternative to WhatsApp
home-example-2 = video conferencing
home-example-3 = password manager
home-replace-heading = Replace a service
home-replace-lead = Pick the service you use today: we show you the free software that replaces it, best graded first.
home-more-services = See the other services
home-categories-heading = Browse by category
home-trust-heading = Why you can trust it
home-figure-entries = programs assessed
home-figure-criteria = published criteria
home-figure-validated = entries validated by a reviewer
home-trust-text = The criteria, their sources and the grade formula are public. A community assessment is labelled as such; what could not be established is shown as "not established" and never counts as met.
home-trust-link-criteria = Read the criteria and the method
home-trust-link-observatory = See the observatory
alternatives-count = { $n ->
    [0] no alternative
    [one] { $n } alternative
   *[other] { $n } alternatives
}
entries-count = { $n ->
    [0] no program
    [one] { $n } program
   *[other] { $n } programs
}

## Search
search-title = All software
search-title-query = Results for “{ $query }”
search-error-title = This search could not be understood
search-results-count = { $n ->
    [0] No results
    [one] { $n } result
   *[other] { $n } results
}
search-range = Results { $first } to { $last } of { $total }
search-go-to-filters = Refine with filters
search-service-match = Looking to replace { $service }? See every alternative to { $service }, ranked by grade
search-active-filters = Filters applied
search-remove-filter = Remove the filter “{ $filter }”
search-clear-filters = Remove all filters
search-past-end = This page of results does not exist.
search-first-page = Back to the first page
search-nothing = No software matches this search.
search-did-you-mean = Did you mean
search-nothing-remove-filters = Search again without the filters
search-nothing-fewer-words = Try fewer words, a synonym, or the name of the service you want to leave ("replace Zoom").
search-nothing-browse = Browse all software
search-nothing-services = The services people most often want to replace
sort-label = Sort by
sort-relevance = Relevance
sort-grade = Grade, best first
sort-name = Name
sort-updated = Most recently updated
filters-heading = Filters
filters-hint = Filters from different groups add up; within one group, any value will do (except criteria, which must all be met).
filters-apply = Apply filters
facet-category = Category
facet-platform = Platform
facet-grade = Grade
facet-status = Review
facet-criterion = Criteria met
facet-license = Licence
pagination-label = Result pages
pagination-prev = Previous page
pagination-next = Next page
pagination-page = Page

## Entry page
entry-facts = At a glance
entry-license = Licence
entry-kinds = Kind
entry-platforms = Platforms
entry-categories = Categories
entry-replaces = Replaces
entry-replaces-none = no proprietary service listed
entry-self-hostable = Self-hostable
entry-homepage = Official website
entry-repository = Source code
entry-added = Added to the registry on
entry-updated = Updated on
entry-description = What is it?
entry-grade-heading = How the grade is computed
entry-grade-formula-link = The full grade formula
entry-assessment-heading = The assessment, criterion by criterion
entry-assessment-lead = Only the criteria that apply to this kind of software are listed. Required criteria come first in each axis.
entry-assessed-on = established on
entry-evidence = Evidence:
entry-review-heading = Review
entry-review-by = Reviewer
entry-review-date = Date of the decision
entry-review-expires = Validation valid until
entry-review-no-history = No review step has taken place for this entry yet.
entry-review-history = History
entry-actions-heading = Contribute
entry-report = Report an error or propose a change
entry-other-alternatives = Other alternatives to
entry-badge-heading = Badge for the project
entry-badge-text = Maintainers can show this badge in their README; it follows the grade published here.
entry-api-link = This entry as JSON (API)
grade-explain-failed = Grade E: at least one required criterion is not met.
grade-explain-capped = Grade { $grade }: some required criteria are not established yet or only partly met; as long as that is so, the grade cannot be better than C.
grade-explain-score = Grade { $grade }: every required criterion is met; the grade comes from the score of the recommended criteria.
grade-score = Score of the recommended criteria: { $score } out of 100 (80 and above: A; 60: B; 40: C; below: D).
grade-counts = { $met } met and { $partial } partly met out of { $total } recommended criteria (a partly met criterion counts for half).
grade-gates-failed = Required criteria not met:
grade-gates-unsettled = Required criteria not established or partly met:
grade-unknown = { $n ->
    [0] No criterion is left unestablished.
    [one] { $n } criterion could not be established yet; it counts as not met.
   *[other] { $n } criteria could not be established yet; they count as not met.
}
grade-not-applicable = { $n ->
    [0] No criterion is set aside as not applicable.
    [one] { $n } criterion does not apply to this software and is left out of the computation.
   *[other] { $n } criteria do not apply to this software and are left out of the computation.
}
badge-alt = Grade { $grade } in the free software registry
badge-title = floss-registry: grade { $grade } ({ $review })
badge-unlisted = floss-registry: software not listed

## Alternatives to a service
alternatives-title = Free alternatives to { $service }
alternatives-intro = { $n ->
    [0] No software in the registry replaces this service yet.
    [one] One free program in the registry replaces this service.
   *[other] { $n } free programs in the registry replace this service, ranked by grade, then by score.
}
alternatives-vendor = Proprietary service published by { $vendor }.
alternatives-none = You can search the same category.
alternatives-search-category = See all software in this category
alternatives-col-met = Criteria met
alternatives-col-e2ee = End-to-end encryption
alternatives-col-self-hostable = Self-hostable
alternatives-col-license = Licence
alternatives-col-platforms = Platforms
alternatives-col-review = Review
alternatives-met = { $met } of { $total }
alternatives-compare-this = Add { $name } to the comparison
alternatives-compare-hint = Tick 2 to 4 programs, then compare them criterion by criterion.
alternatives-compare-button = Compare the selection
alternatives-related = Related services

## Compare
compare-title-with = Comparison: { $names }
compare-error-title = Cannot compare
compare-error-count = Choose { $min } to { $max } programs to compare; { $n ->
    [0] none was chosen.
    [one] only one was chosen.
   *[other] { $n } were chosen.
}
compare-error-unknown = No software in the registry has the identifier “{ $slug }”.
compare-error-pick = Search for software to compare
compare-differences = { $n ->
    [0] These programs do not differ on any criterion.
    [one] These programs differ on { $n } criterion.
   *[other] These programs differ on { $n } criteria.
}
compare-only-diff = Show only the differences
compare-show-all = Show every criterion
compare-legend = Rows where the programs differ say “differs” and have a coloured background.
compare-caption = Criterion-by-criterion comparison
compare-col-criterion = Criterion
compare-remove = Remove
compare-general = General information
compare-row-grade = Grade
compare-row-score = Score
compare-row-review = Review
compare-differs = differs

## Criteria and method
criteria-title = Criteria and method
criteria-intro = { $total } criteria of data protection by design, { $required } of them required, grouped in five axes. Each says what is asked, why, what evidence is expected and which sources it rests on.
criteria-toc = Contents
criteria-formula-heading = The grade formula
criteria-formula-1 = Only the criteria that apply to the kind of software count; those that are not applicable are set aside.
criteria-formula-2 = Required criteria are gates: a single one not met gives grade E; a single one not established or only partly met caps the grade at C.
criteria-formula-3 = Recommended criteria make the score: met is worth 1 point, partly met ½ point, not met or not established 0. The score is the points divided by the number of recommended criteria, out of 100.
criteria-formula-4 = A score of 80 or more gives A, 60 or more B, 40 or more C, otherwise D; then the cap of step 2 applies.
criteria-formula-unknown = "Not established" never counts as met: a gap in information can never improve a grade.
criteria-formula-evidence = A criterion declared met or partly met must cite at least one public piece of evidence (documentation, source code, audit) when the criterion requires it.
criteria-applies-to = Applies to:
criteria-machine = Machine-checkable:
criteria-evidence-required = Evidence required:
criteria-why = Why this criterion
criteria-evidence = What evidence to give
criteria-sources = Sources

## Observatory
obs-title = Observatory
obs-lead = The registry in figures: what the assessed software meets, how grades, categories and review states are spread. Each chart comes with its data.
obs-figure-entries = programs assessed
obs-figure-good = graded A or B
obs-figure-mean = average score of the recommended criteria, out of 100
obs-figure-unknown = of assessments still "not established"
obs-figure-services = proprietary services with an alternative listed
obs-criteria-heading = Share of software meeting each criterion
obs-criteria-desc = For each criterion, the share of the software it applies to that meets it, from most to least met. The share partly meeting it is added after.
obs-criteria-intro = Among the software the criterion applies to (excluding "not applicable").
obs-grades-heading = Grade distribution
obs-grades-desc = Number of programs per grade, from A to E.
obs-grades-intro = The grade sums up the required criteria and the score of the recommended ones.
obs-categories-heading = Software per category
obs-categories-desc = Number of programs in each category, from the largest to the smallest. A program can belong to several categories.
obs-categories-intro = A program can be in several categories.
obs-review-heading = Review states
obs-review-desc = Number of entries by review state.
obs-review-intro = Until the review workflow opens, every entry is a community assessment.
obs-col-criterion = Criterion
obs-col-assessed = Software concerned
obs-col-share-met = Share met
obs-col-grade = Grade
obs-col-entries = Software
obs-col-share = Share
obs-col-category = Category
obs-col-review = State
obs-data-table = See the chart's data
obs-data-region = Data of the chart: { $chart }
obs-note = Figures computed from the published version of the registry, at each data update.

## Decisions
decisions-title = Review decisions
decisions-lead = Every reviewer decision — validation, request for changes, rejection — is published here with its reasons.
decisions-empty-heading = No decision yet
decisions-empty-workflow = The authority's review workflow is being prepared: until it opens, no entry is validated and this log stays empty.
decisions-empty-community = { $n ->
    [0] No entry is a community assessment.
    [one] The only entry in the registry is a community assessment, written from public sources.
   *[other] All { $n } entries in the registry are community assessments, written from public sources and labelled as such.
}
decisions-empty-review-link = How the review will work

## Submit
submit-title = Submit software or a correction
submit-planned = The online submission form is planned but does not exist yet. Meanwhile, submissions are made as a pull request on the data repository, as described below.
submit-report-heading = Report an error in the { $name } entry
submit-report-text = To correct this entry, edit its file in the data repository and open a pull request that explains the correction and cites your sources. The file is
submit-report-back = Back to the { $name } entry
submit-today-heading = How to submit today
submit-today-lead = An entry is a text file (TOML) in the data's git repository. The contributing guide (the project's CONTRIBUTING.md file) details every step.
submit-step-1 = Fork the data repository.
submit-step-2 = Add a file entries/<identifier>.toml. The format is described in the data repository's README; your editor can complete the fields with the JSON Schema:
submit-step-3 = Assess every criterion that applies honestly, with public evidence for each criterion met; say "unknown" (not established) when you do not know.
submit-step-4 = Check your file before sending it; the validator reports every problem with its line and a hint:
submit-step-5 = Open a pull request: continuous integration runs the validator again and shows its verdict.
submit-step-6 = Once merged, the entry is published as a community assessment; review by the authority comes later.
submit-contributing = The contributing guide also explains what can happen to a submission, how long a validation lasts and how to report an error.
submit-honest-heading = What we expect from an assessment
submit-honest-1 = Every claim links to a public source anyone can check.
submit-honest-2 = When in doubt, "not established": it never counts as met, but it misleads nobody.
submit-honest-3 = A project's maintainers may submit their own entry; they say so in the pull request.
submit-criteria-link = Read the criteria and the evidence expected for each

## Review
review-title = Review by the authority
review-planned = The reviewers' area is planned but does not exist yet: nobody can log in today and no entry has been validated.
review-how-heading = How the review will work
review-how-1 = The authority's reviewers work through a queue of submissions and check each criterion against its evidence.
review-how-2 = An entry is validated, sent back for changes or rejected, always with written reasons.
review-how-3 = Every decision is published in the decision log and in the entry's history.
review-how-4 = A validation lasts for a limited time: when it runs out, the entry goes back to the queue.
review-today-heading = And today?
review-today = Every entry is a community assessment, labelled as such on every page. Corrections go through pull requests on the data repository.
review-decisions-link = The decision log
review-submit-link = Submit software or a correction

## Privacy on this site
privacy-title = Privacy on this site
privacy-lead = This site applies to its visitors what it asks of the software it assesses: it collects only what it needs to answer you, and nothing else.
privacy-cookies-heading = No cookies
privacy-cookies = The site sets no cookie and uses no storage in your browser. There is no visitor account, no audience measurement, no consent banner: there is nothing to accept.
privacy-third-party-heading = No request to another site
privacy-third-party = Styles, the icon and the charts are served by this server itself. No web font, no content delivery network, no social media button, no third-party service is loaded. The pages work entirely without JavaScript.
privacy-links = When you follow a link to a program's website, that site sees your visit; thanks to the "no-referrer" policy, it does not learn that you came from here.
privacy-logs-heading = What the server keeps
privacy-logs = For each request, the server records the method, the address pattern (for example /en/entries/{"{"}slug{"}"}, without the entry's identifier or the parameters), the response code and the processing time. It records neither your IP address, nor your search, nor your browser.
privacy-search = The words you search for are only used to compute the answer, in memory; they are neither stored nor passed on.
privacy-operator = If the organisation hosting this instance puts a proxy server in front of it, that server may keep its own logs: its privacy policy then applies to them.
privacy-js-heading = No JavaScript needed
privacy-js = Search, filters, sorting, comparison and the language switch work with plain links and forms. No script is required to use the site.
privacy-headers-heading = The security headers sent with every page
privacy-headers = These headers tell your browser to run only what comes from this site, to pass the page's address to nobody, and to refuse access to the camera, the microphone and your location.
privacy-rights-heading = Your rights
privacy-rights = As the site keeps no data about you, there is nothing to access, correct or erase. For any question, contact the organisation running this instance.

## About
about-title = About the registry
about-lead = A public catalogue of free software, each program assessed against data protection by design and by default, with evidence.
about-why-heading = Why this registry
about-why = The free software community asked for the tools that protect data by design to be recognised and promoted; associations asked for assessment decisions to be public and explained. This registry answers both: published criteria, verifiable evidence, explained decisions.
about-independent = This registry is an independent project: it is neither published nor endorsed by the CNIL.
about-how-heading = How it is built
about-how = { $n ->
    [one] The registry holds { $n } entry, written in a public git repository where every change is a pull request checked by a validator.
   *[other] The registry holds { $n } entries, written in a public git repository where every change is a pull request checked by a validator.
}
about-criteria-link = The criteria and the grade formula
about-data-heading = Open data
about-data = All the data can be reused under the CC BY-SA 4.0 licence, through the API or as a download.
about-api-link = API documentation
about-export-json = The whole registry as JSON
about-export-csv = The whole registry as CSV
about-data-commit = Published data version:
about-code-heading = Source code
about-code = The registry's code is free software under the AGPL-3.0 or later.

## Errors
error-404-title = Page not found
error-404-message = There is nothing at this address. The link may be old or mistyped.
error-400-message = The request holds a value the site cannot handle. Here is what is wrong:
error-500-title = Server error
error-500-message = Something went wrong on our side. The problem has been logged; you can try again in a moment.
error-detail = Detail:
error-next = What now?
error-link-home = Back to the home page
error-link-search = Search for software
error-did-you-mean = Did you mean { $name }?
error-code = Error code:
