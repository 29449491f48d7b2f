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
nav-account = Log in / Account
footer-nav-label = Useful links
footer-about = About
footer-privacy = Privacy on this site
footer-review = Review
footer-api = Open API
footer-feed = Atom feed of changes
footer-independent = An independent project, inspired by the dialogue between the CNIL (the French data protection authority) and civil society about free software. This site is not a CNIL service.
footer-licence = Data under CC BY-SA 4.0 · code under AGPL-3.0 or later · no cookies, no trackers.
feed-title = What's new in the free software registry
feed-entry-title = { $name } (grade { $grade }; { $confidence })

search-label = Search for software or a service to replace
search-button = Search
percent = { $n }%
yes = yes
no = no
colon = :{" "}
date-time = { $date }, { $time } UTC

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
obs-grades-intro = The grade sums up the required criteria and the score of the recommended ones. The table also counts the provisional grades, which rest on too little established evidence.
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
decisions-lead = Every reviewer decision — validation, request for changes, rejection — is published here with its reasons, the reviewer's name and the verdict on each criterion checked.
decisions-workflow-heading = Decisions of the review workflow
decisions-unavailable = The list of decisions cannot be read right now (the database is unavailable). The entries and their review history below are still up to date; try again in a moment.
decisions-empty-heading = No decision has been taken yet.
decisions-empty-workflow = When a reviewer validates an entry, asks for changes or rejects it, the decision and its reasons appear here.
decisions-empty-community = { $n ->
    [0] No entry is a community assessment.
    [one] The only entry in the registry is a community assessment, written from public sources.
   *[other] All { $n } entries in the registry are community assessments, written from public sources and labelled as such.
}
decisions-empty-submit-link = Submit software for review
decisions-recorded-heading = Review history recorded in the entries
decisions-recorded-lead = The review steps written in the entry files of the data repository, including those made before the online workflow.
decision-approve = Approved
decision-request-changes = Changes requested
decision-reject = Rejected
decision-by = by
decision-merge = merge commit
decision-verdicts = { $n ->
    [one] Verdict on { $n } criterion
   *[other] Verdicts on { $n } criteria
}

## Login
login-title = Log in
login-lead = Logging in is only needed to submit software or a correction, and for the authority's reviewers. Reading the registry needs no account.
login-with = Log in with { $provider }
login-not-configured = Login is not configured on this instance.
login-not-configured-detail = Nobody can log in here: the organisation running this instance has not set up a login provider. You can still read everything, or propose a change as a pull request on the data repository.
login-stored-heading = What an account keeps
login-stored = The registry keeps the identifier your provider gives you, your display name and, when the provider gives one, your e-mail address (only to recognise the authority's reviewers), plus a session that ends after { $hours } hours. You can download all of it or delete your account at any time from your account page.
login-privacy-link = Details on the privacy page
login-why-heading = Why log in?
login-why = Your submissions, the reviewers' comments and their decisions are attached to your account, so that you can follow them and answer. Your name is shown to reviewers; publicly, submissions carry a pseudonym.

## Submit
submit-title = Submit software
submit-lead = Describe the software and assess it against every criterion that applies, with public evidence. The validator checks the entry when you send it; a reviewer of the authority then decides.
submit-change-heading = Propose a change to { $name }
submit-change-lead = The form holds the entry as published. Change what is wrong, cite your sources, and send: the change goes to the reviewers like a new entry.
submit-send = Send the submission
submit-report-back = Back to the { $name } entry
submit-git-alternative = You can also propose an entry or a change as a pull request on the data repository (see the project's CONTRIBUTING.md file): the same validator checks it.
submit-honest-heading = What we expect from an assessment
submit-honest-1 = Every claim links to a public source anyone can check.
submit-honest-2 = When in doubt, "not established": it never counts as met, but it misleads nobody.
submit-honest-3 = A project's maintainers may submit their own entry; reviewers know who submitted it.
submit-criteria-link = Read the criteria and the evidence expected for each
edit-heading = Update submission #{ $id }
edit-lead = Change what the reviewers asked for, then send: the new version replaces the previous one and goes back to the reviewers.
edit-send = Send the new version
edit-only-author = Only the author of a submission can update it.
form-title-with-errors = Error: { $title }
form-errors-heading = There is a problem
form-error-prefix = Error:
form-required = required
form-line = line { $n }
form-stale-token = The form's security token has expired (you may have logged in again in the meantime). Nothing was recorded; check what you typed and send it again.
form-unavailable = The registry cannot record this right now (its database or data repository is unavailable). Nothing you typed is lost: it is all below; send it again in a moment.
form-your-submissions = Your submissions
form-raw-text = The text of the submission as it was stored
form-section-identity = The software
form-section-texts = Description
form-section-assessment = Self-assessment, criterion by criterion
form-assessment-lead = For each criterion, give the status you can show, the public evidence (one address per line) and, if useful, a note. Leave "Not established" when you do not know. Only the criteria that apply to the kinds ticked above are kept.
form-slug = Identifier
form-slug-hint = Lower-case letters, digits and hyphens, e.g. my-software. It becomes the address of the entry and cannot be changed later.
form-slug-hint-change = The identifier of the entry being changed; it cannot be changed.
form-name = Name
form-url-hint = A full address starting with https://
form-license-hint = An SPDX licence expression, e.g. AGPL-3.0-only or MIT OR Apache-2.0
form-kinds-hint = Tick every kind that applies: the criteria depend on them.
form-categories-hint = One to five categories.
form-replaces-hint = Identifiers of the proprietary services this software replaces, separated by commas, e.g. whatsapp, zoom.
form-services-known = Identifiers of the known services
form-self-hostable = Self-hostable
form-self-hostable-hint = Tick if a person or an organisation can run the whole service themselves.
form-summary-fr = Summary in French
form-summary-en = Summary in English
form-summary-hint = One sentence saying what the software is for.
form-description-fr = Description in French
form-description-en = Description in English
form-description-hint = A few paragraphs; Markdown is accepted.
form-status = Status
form-evidence = Evidence
form-evidence-hint = Public addresses, one per line.
form-evidence-hint-required = Public addresses, one per line; required when the criterion is met or partly met.
form-note-fr = Note in French
form-note-en = Note in English
form-criterion-link = What this criterion asks
form-criterion-not-applicable = { $kinds } (does not apply to the kinds ticked)

## Submissions
submission-title = Submission #{ $id }
submission-kind-new = New entry
submission-kind-change = Change to an entry
state-pending-git = Waiting for the repository
state-open = Awaiting review
state-changes-requested = Changes requested
state-approved = Approved
state-rejected = Rejected
state-withdrawn = Withdrawn
state-explain-pending-git = The submission is saved; it will be written to the data repository as soon as it is available, then go to the reviewers.
state-explain-open = A reviewer of the authority will check it criterion by criterion.
state-explain-changes-requested = A reviewer asked for changes: see their reasons below, then update the submission.
state-explain-approved = The entry was validated and published.
state-explain-rejected = A reviewer rejected the submission; the reasons are below and on the public list of decisions.
state-explain-withdrawn = The author withdrew the submission.
submission-facts = At a glance
submission-entry = Entry
submission-kind = Kind
submission-state = State
submission-author = Author (pseudonym)
submission-created = Submitted on
submission-updated = Last change
submission-branch = Branch in the data repository
submission-edit = Update the submission
submission-withdraw = Withdraw the submission
submission-validator = What the validator says
submission-validator-clean = The validator found no problem.
submission-validator-counts = { $errors ->
    [0] No error
    [one] { $errors } error
   *[other] { $errors } errors
} and { $warnings ->
    [0] no warning.
    [one] { $warnings } warning.
   *[other] { $warnings } warnings.
}
diagnostic-error = Error
diagnostic-warning = Warning
submission-diff = Changes compared with the published entry
submission-diff-legend = Lines starting with + are added, lines starting with - are removed.
submission-diff-no-branch = The submission is not in the data repository yet; here is its text.
submission-diff-empty = The submission's branch changes nothing compared with the published data (it may have been merged already); here is its text.
submission-diff-unavailable = The changes cannot be computed right now (the data repository is unavailable); here is the submitted text.
submission-text = Submitted text
submission-decisions = Decisions
submission-no-decision = No decision yet.
submission-comments = Comments
submission-no-comment = No comment yet.
submission-comment-by-author = author
submission-comment-by-reviewer = reviewer
submission-comment-label = Your comment
submission-comment-hint = Seen by the author and the reviewers only; { $max } characters at most.
submission-comment-send = Post the comment
submission-review = Review
submission-four-eyes = You submitted this entry: another reviewer must decide on it (four-eyes rule). You can still comment.
submission-waits-for-git = The submission is not in the data repository yet: it can be reviewed once it is written there.

## Review
review-title = Review queue
review-lead = Submissions waiting for a reviewer, oldest first. Open one to see the validator's verdict and the changes, check each criterion and decide.
review-filter-state = State
review-filter-state-default = Awaiting review (and waiting for the repository)
review-filter-category = Category
review-filter-category-any = Any category
review-filter-min-age = Waiting for at least (days)
review-filter-apply = Filter
review-filter-clear = Remove the filters
review-filter-error = These filters cannot be applied
review-filter-bad-state = The state “{ $value }” does not exist: choose open, pending-git or changes-requested.
review-filter-bad-category = There is no category “{ $value }”.
review-filter-bad-age = The minimum age must be a whole number of days from 0 to { $max }; got “{ $value }”.
review-count = { $n ->
    [0] No submission
    [one] { $n } submission
   *[other] { $n } submissions
}
review-empty = Nothing is waiting for review with these filters.
review-caption = Submissions waiting for review, oldest first
review-col-id = Submission
review-col-entry = Entry
review-col-kind = Kind
review-col-state = State
review-col-age = Waiting for
review-col-validator = Validator
review-automated-badge = automated evidence
review-age-days = { $n ->
    [0] less than a day
    [one] { $n } day
   *[other] { $n } days
}
review-errors = { $n ->
    [0] no error
    [one] { $n } error
   *[other] { $n } errors
}
review-warnings = { $n ->
    [0] no warning
    [one] { $n } warning
   *[other] { $n } warnings
}
review-decisions-link = The public list of decisions
review-reviewers-only = The review queue is for the authority's reviewers. If you are one, ask an administrator to give your account the reviewer role.
review-checklist = Checklist of the criteria
review-checklist-lead = For each criterion, the applicant's assessment, then yours. Choose a status to confirm it (the same one) or to override it; the evidence and notes of that criterion are then recorded with your verdict. "No verdict" leaves the applicant's assessment unchanged.
review-applicant-says = The applicant says:
review-verdict-status = Your verdict
review-no-verdict = No verdict (keep the applicant's)
review-decision = Decision
review-decision-legend = Your decision
review-decision-missing = Choose a decision.
review-cannot-approve = The submission awaits changes from its author: it cannot be approved as it is.
review-reason = Reason
review-reason-hint = Required to request changes or to reject: the applicant must know why. Published with the decision.
review-reason-required = Give a reason: it is required to request changes or to reject.
review-send = Record the decision

## Account
account-title = Your account
account-lead = Logged in as { $name }.
account-review-link = The review queue
account-admin-link = Accounts and roles
account-held-heading = What the registry holds about you
account-name = Name
account-provider = Logged in with
account-email = E-mail address
account-email-none = none
account-role = Role
account-role-config = given by the instance's configuration
account-pseudonym = Public pseudonym
account-since = Account created on
account-email-why = Your e-mail address is only used to recognise the authority's reviewers by the domain of their address; it is shown to nobody.
account-pseudonym-why = Publicly, your submissions carry your pseudonym; reviewers see your name.
account-privacy-link = How your data is handled
account-submissions = Your submissions
account-submissions-none = You have not submitted anything yet.
account-submit-link = Submit software
account-tokens-heading = API tokens
account-tokens-text = A token lets a tool (your project's CI, a script) call the registry's API in your name, for instance to submit your entry: send it as the header "Authorization: Bearer TOKEN". It opens no web page, cannot make other tokens nor delete your account, and expires. Keep it secret; revoke it when in doubt.
account-token-made = Your new token:
account-token-once = Copy it now: it is shown only this once (the registry keeps only a fingerprint of it).
account-token-name = Name
account-token-name-hint = What will use it, for example "CI of my project".
account-token-days = Lifetime in days
account-token-days-hint = From 1 to 366 days.
account-token-created = Made
account-token-expires = Expires
account-token-expired = expired
account-token-last-used = Last used
account-token-never-used = never
account-token-revoke = Revoke
account-token-new-heading = Make a token
account-token-make = Make the token
account-data-heading = Your data
account-export-text = Download everything the registry holds about your account: the account itself, your sessions, submissions, comments, decisions and the log of your actions, in one JSON file.
account-export-link = Download my data (JSON)
account-delete-heading = Delete my account
account-delete-text = Your name, e-mail address and the provider's identifier are erased and your sessions end. Your submissions, comments and decisions stay, as they are part of public decisions, under your pseudonym. The data repository's git history keeps the name you had when your submissions were written.
account-delete-confirm = I understand, delete my account
account-delete-confirm-missing = Tick the box to confirm the deletion.
account-delete-button = Delete my account
account-logout-heading = Log out
account-logout-text = { $n ->
    [one] Your session ends by itself { $n } hour after you logged in.
   *[other] Your session ends by itself { $n } hours after you logged in.
}
account-logout-button = Log out
notice-logged-out = You are logged out.
notice-account-deleted = Your account is deleted. Your submissions stay under your pseudonym.
role-submitter = Submitter
role-reviewer = Reviewer
role-admin = Administrator

## Administration
admin-title = Accounts and roles
admin-lead = Give the reviewer or administrator role to an account, or take it back. Every change is recorded in the audit log.
admin-config-note = Roles given by the instance's configuration (a provider and an identifier, or a verified e-mail domain) cannot be removed here: the account keeps the higher of the two.
admin-accounts = { $n ->
    [one] { $n } account
   *[other] { $n } accounts
}
admin-caption = Accounts, with their stored role and the role configuration gives them
admin-col-stored = Stored role
admin-col-configured = Role from configuration
admin-col-change = Change the stored role
admin-role-of = Role of { $name }
admin-change = Change
admin-deleted = deleted account
admin-only = This page is for administrators.
admin-error = This change cannot be made
admin-bad-user = The account is missing or not a number.
admin-bad-role = The role must be submitter, reviewer or admin.
admin-deleted-account = This account was deleted: its role cannot change.

## Privacy on this site
privacy-title = Privacy on this site
privacy-lead = This site applies to its visitors what it asks of the software it assesses: it collects only what it needs to answer you, and nothing else.
privacy-cookies-heading = No cookies for visitors
privacy-cookies = Reading the registry sets no cookie and uses no storage in your browser. There is no audience measurement and no consent banner: there is nothing to accept. Only a person who logs in (to submit or review) gets the cookies described below.
privacy-third-party-heading = No request to another site
privacy-third-party = Styles, the icon and the charts are served by this server itself. No web font, no content delivery network, no social media button, no third-party service is loaded. The pages work entirely without JavaScript.
privacy-links = When you follow a link to a program's website, that site sees your visit; thanks to the "no-referrer" policy, it does not learn that you came from here.
privacy-logs-heading = What the server keeps
privacy-logs = For each request, the server records the method, the address pattern (for example /en/entries/{"{"}slug{"}"}, without the entry's identifier or the parameters), the response code and the processing time. It records neither your IP address, nor your search, nor your browser.
privacy-search = The words you search for are only used to compute the answer, in memory; they are neither stored nor passed on.
privacy-operator = If the organisation hosting this instance puts a proxy server in front of it, that server may keep its own logs: its privacy policy then applies to them.
privacy-accounts-heading = Accounts: for those who submit or review
privacy-accounts = An account is only needed to submit software or to review. When you log in with a provider (an identity federation, GitHub, GitLab, Codeberg…), the registry keeps:
privacy-accounts-identity = the provider's name and the identifier it gives you (its “subject”), to recognise you at your next login;
privacy-accounts-name = the display name the provider gives, shown to reviewers and in comments;
privacy-accounts-email = your e-mail address if the provider gives one, used only to recognise the authority's reviewers by the domain of a verified address, and shown to nobody;
privacy-accounts-sessions = { $hours ->
    [one] a session kept on the server, which ends { $hours } hour after login (or at logout) and is then purged; your browser only holds a random token in an HttpOnly cookie, plus a short-lived cookie while a login is in progress;
   *[other] a session kept on the server, which ends { $hours } hours after login (or at logout) and is then purged; your browser only holds a random token in an HttpOnly cookie, plus a short-lived cookie while a login is in progress;
}
privacy-accounts-audit = { $days ->
    [one] a log of actions (login, submission, comment, decision, role change), kept { $days } day and then deleted by a periodic job;
   *[other] a log of actions (login, submission, comment, decision, role change), kept { $days } days and then deleted by a periodic job;
}
privacy-accounts-content = your submissions, comments and, for reviewers, decisions: decisions and their reasons are public, submissions are shown publicly under a pseudonym.
privacy-accounts-git = A submission is written to the data repository as a git commit whose author is the display name you had at the time, with an address that is not yours (a no-reply address). The repository's history is public and is not rewritten.
privacy-accounts-tokens = API tokens you make for your tools: their name, dates of creation, expiry and last use, and a fingerprint (SHA-256) of the token, never the token itself. They are deleted when they expire, when you revoke them, or with your account.
privacy-accounts-rights = From your account page you can download everything the registry holds about you (a JSON file) and delete your account: your name, e-mail address and the provider's identifier are then erased, your sessions end and your API tokens are deleted; your submissions, comments and decisions stay, attributed to your pseudonym.
privacy-accounts-link = Your account page
privacy-js-heading = No JavaScript needed
privacy-js = Search, filters, sorting, comparison, the language switch and the submission forms work with plain links and forms. No script is required to use the site.
privacy-headers-heading = The security headers sent with every page
privacy-headers = These headers tell your browser to run only what comes from this site, to pass the page's address to nobody, and to refuse access to the camera, the microphone and your location.
privacy-rights-heading = Your rights
privacy-rights = A visitor who does not log in leaves no data about them: there is nothing to access, correct or erase. A person with an account exercises their rights from their account page. For any question, contact the organisation running this instance.

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
error-403-title = Not allowed
error-403-message = You cannot do this with your account.
error-409-title = Not possible now
error-409-message = This cannot be done in the current state of the submission.
error-422-title = Cannot be recorded
error-422-message = What was sent cannot be recorded as it is.
error-503-title = Temporarily unavailable
error-503-message = The registry cannot do this right now (its database or data repository is unavailable). Try again in a moment.
error-login-title = The login did not succeed
error-login-message = You are not logged in: the login was cancelled, took too long, or the identity provider could not confirm it. Nothing was recorded. You can start again.
error-link-login = Log in again
error-session-ended-title = Your session has ended
error-session-ended-message = You were logged out before this form was sent (the session expired, or you logged out elsewhere). Nothing you typed is lost: it is kept on this page.
error-session-ended-login = Log in again (opens in a new tab)
error-session-ended-then = Then come back to this tab and send the form again: the next page shows it with everything you typed, to confirm.
error-session-ended-send = Send again
error-session-ended-typed = What you typed
error-workflow-404-message = There is nothing at this address, or it was removed.
error-form-title = This form could not be read
error-csrf = The form's security token is missing or has expired. Go back, reload the page and send the form again.

grade-provisional = Provisional grade
grade-confidence = { $percent } % of criteria established
grade-confidence-provisional = Provisional: { $percent } % of criteria established
grade-confidence-label = Evidence
grade-confidence-counts = { $established } of { $counted } criteria established ({ $percent } %).
grade-provisional-explain = This grade is provisional: a required criterion, or more than a fifth of the recommended ones, is not established yet, and establishing them could change the letter. "Not established" means nobody has checked yet: it says neither bad nor good.
criteria-formula-provisional = Beside every grade, the share of its criteria that are established. A grade is provisional while a required criterion is not established, or while more than a fifth of the recommended criteria are not: establishing them could then move the score by more than 20 points, a whole letter. Provisional grades rank after established grades of the same letter.
compare-row-confidence = Evidence
badge-provisional = provisional
obs-figure-provisional = of grades provisional (too little established)
obs-figure-confidence = average share of criteria established
badge-title-provisional = floss-registry: grade { $grade }, provisional ({ $review })
obs-col-provisional = Of which provisional
alternatives-error-title = These alternatives cannot be shown
alternatives-title-platform = Free alternatives to { $service } on { $platform }
alternatives-all-platforms = All platforms
alternatives-platforms-label = Show the alternatives for one platform
alternatives-none-on-platform = None of the { $n } free alternatives listed here runs on { $platform } yet. Choose "All platforms" to see them.

## History of an entry (entry page, feeds)
history-heading = Changes to this entry
history-lead = Every change to this entry, read from the data repository, most recent first; grades are computed against today's criteria.
history-feed = Follow this entry's changes (Atom feed)
history-none = No change recorded: the data is not kept in a git repository here.
history-unavailable = The history cannot be read right now; try again later.
history-added = Added to the catalogue
history-changed = Assessment changed
history-removed = Removed from the catalogue
history-grade = Grade { $before } → { $after }
history-grade-now = Grade: { $grade }
history-criterion = { $criterion }: { $before } → { $after }
history-not-assessed = not assessed
history-fields = Other changes: { $fields }
history-submission = Submission #{ $id } (with its diff)
history-approved-by = approved by { $name }
history-reason = Reviewer's reason:
history-position = Page { $page } of { $pages }
history-newer = Newer changes
history-older = Older changes
feed-entry-feed-title = Changes to { $name }
feed-category-feed-title = Changes in the category { $name }
feed-change-title = { $name }: { $what }
history-diff = Show the raw change (diff)

# Automated evidence
evidence-heading = Automated evidence
evidence-lead = What machines observed about this software, with when and where. Machine-observed, not a decision: only reviewers change an assessment, and a finding that could settle or contradicts one is proposed to them.
evidence-none = No automated observation yet.
evidence-unavailable = The automated evidence cannot be read at the moment.
evidence-observed = Observed
evidence-no-findings = Nothing observed bears on a criterion.
evidence-stale = stale
evidence-stale-explain = No commit nor release for 12 months on its forge (machine-observed).
evidence-source-forge = Source forge
evidence-source-website = Website
evidence-source-apk = Android package (Exodus signatures)
evidence-source-fdroid = F-Droid
evidence-source-awesome-selfhosted = awesome-selfhosted
evidence-source-publiccode = publiccode.yml
## The rights-request observatory
rights-mine-title = My rights requests
rights-mine-lead = Report a request you made to a service under the GDPR (access to your data, rectification, erasure, portability, objection) and, later, how it was answered. Your reports are never published: only aggregates of reports from at least { $k } different people are, per service and right.
rights-observatory-link = See what the observatory publishes
rights-new-heading = Report a request
rights-edit-heading = Edit report #{ $id }
rights-save = Save the report
rights-send = Record the report
rights-mine-heading = My reports
rights-mine-none = You have not reported any request yet.
rights-col-actions = Actions
rights-hidden = hidden by a reviewer
rights-edit = Edit or add the answer
rights-delete = Delete
rights-choose = Choose…
rights-none = Not stated
rights-answered-on = answered on { $date }
rights-field-service = Service
rights-field-right = Right exercised
rights-field-sent_on = Date sent
rights-field-channel = How you sent it
rights-field-outcome = Outcome
rights-field-answered_on = Date of the answer
rights-field-completeness = The answer was
rights-field-format = Format of the data received
rights-field-note = Note for the reviewers (never published)
rights-hint-date = As YYYY-MM-DD, e.g. 2026-11-30.
rights-hint-answered_on = Only when the outcome is "answered"; as YYYY-MM-DD.
rights-hint-format = Access and portability only.
rights-hint-note = Optional, at most 2,000 characters. Read by the registry's reviewers only; do not write anyone's name or contact details.
rights-right-access = Access (art. 15)
rights-right-rectification = Rectification (art. 16)
rights-right-erasure = Erasure (art. 17)
rights-right-portability = Portability (art. 20)
rights-right-objection = Objection (art. 21)
rights-channel-web-form = Web form
rights-channel-email = E-mail
rights-channel-post = Post
rights-channel-in-app = In the app
rights-outcome-pending = Waiting for an answer
rights-outcome-answered = Answered
rights-outcome-no-answer = No answer
rights-completeness-complete = Complete
rights-completeness-partial = Partial
rights-completeness-refused = A refusal
rights-format-machine-readable = Machine-readable (JSON, CSV, XML)
rights-format-pdf = PDF
rights-format-screenshots = Screenshots
rights-format-other = Other
rights-service-heading = Your rights with { $service }
rights-figures-heading = How it answered people's requests
rights-threshold = Reported by the registry's users; a right is shown once at least { $k } different people have reported requests for it, and each figure once at least { $k } people stand behind it ("—" otherwise). The legal month is counted from the date the request was sent.
rights-figures-unavailable = These figures cannot be read right now; try again in a moment.
rights-figures-none = Not enough reports yet to publish anything for this service.
rights-col-reports = Reports
rights-col-median = Median days to answer
rights-col-within = Answered within the legal month
rights-col-complete = Complete answers
rights-col-machine = Machine-readable data
rights-report-link = Report a request you made to this service
rights-help-heading = Exercise your rights
rights-deadline = { $service } must tell you what it did about your request without undue delay and at the latest within one month of receiving it (GDPR art. 12(3)). It may extend this by two more months for complex or numerous requests, but must tell you so, with its reasons, within the first month. If it does not act, it must tell you why within the month, and you may complain to the CNIL.
rights-letter-lead = Choose a right, then copy the letter into a message or a form of the service, or open it in your own mail client and add the address. Fill in the parts in brackets. The registry does not send nor keep it.
rights-letter-label = The letter (subject, then text)
rights-letter-mailto = Open it in my mail client
rights-letter-greeting = Hello,
rights-letter-intro = I use { $service } and I am writing to exercise a right that article { $article } of the General Data Protection Regulation (EU) 2016/679 gives me.
rights-letter-ask-access = Please tell me whether you process personal data about me and, if you do, send me a copy of those data together with: why you process them, which kinds of data are involved, to whom they have been or will be disclosed, how long you will keep them, where they came from if not from me, and whether any automated decision, profiling included, is made about me. As I am writing electronically, please send them in a commonly used electronic form.
rights-letter-ask-rectification = The following data about me are wrong or incomplete: [which data, and what they should say]. Please correct or complete them without undue delay and tell me when it is done.
rights-letter-ask-erasure = Please erase the personal data you hold about me without undue delay, because [for example: they are no longer needed for the purpose they were collected for / I withdraw my consent / I object to their processing]. Please also tell the recipients you disclosed them to.
rights-letter-ask-portability = Please send me the personal data about me that I provided to you and that you process on the basis of my consent or of our contract, in a structured, commonly used and machine-readable format such as JSON or CSV. [Where technically feasible, please send them directly to: name of the other service.]
rights-letter-ask-objection = I object to the processing of my personal data [for direct marketing, and any profiling linked to it / based on your legitimate interests, for the following reasons related to my situation: …]. Please stop this processing and confirm it to me.
rights-letter-identify = So that you can find my account: [your name, and the e-mail address or user name of your account].
rights-letter-deadline = Article 12(3) of the regulation asks you to tell me what you have done about this request without undue delay and within one month of receiving it. If you decide not to act on it, please tell me why within the same month.
rights-letter-closing = Thank you. [Your name, the date]
rights-letter-subject-access = Access request (GDPR art. { $article }), { $service }
rights-letter-subject-rectification = Rectification request (GDPR art. { $article }), { $service }
rights-letter-subject-erasure = Erasure request (GDPR art. { $article }), { $service }
rights-letter-subject-portability = Data portability request (GDPR art. { $article }), { $service }
rights-letter-subject-objection = Objection to processing (GDPR art. { $article }), { $service }
account-rights-link = My reports to the rights-request observatory
obs-rights-heading = How services answer people's data-protection requests
obs-rights-intro = People who use the registry report the requests they made to the proprietary services it lists (access, rectification, erasure, portability, objection) and how they were answered. Only aggregates are published, per service and right, once at least { $k } different people have reported; no report, date or text is.
obs-rights-none = Not enough reports yet to publish anything.
obs-rights-open-data = The published figures as open data:
obs-rights-licence = CC BY-SA 4.0
obs-rights-chart = Share of requests answered within the legal month
obs-rights-chart-desc = For each service and right with enough reports, the share of requests with a known outcome that were answered within one month of being sent.
obs-rights-chart-intro = Counted from the date the request was sent; requests still waiting are left out. "—" means too few people stand behind that figure.
rights-review-title = Moderating the rights observatory
rights-review-lead = Reports flagged by the limits or carrying a note. A hidden report leaves every published figure at once; the reason is kept with it, shown to its author, and in the audit log.
rights-review-flagged = Reports to look at
rights-review-none = No report waits for a look.
rights-review-flag-burst = many reports from one account in a day
rights-review-flag-repeat = possibly the same request reported twice
rights-review-flag-text = has a note
rights-review-reason = Why hide it (kept, and shown to its author)
rights-review-hide = Hide from the figures
rights-review-counts = Reports per service
rights-review-counts-none = No report yet.
rights-review-col-flagged = Flagged or with a note
rights-review-col-hidden = Hidden
account-rights-review-link = Moderate the rights observatory
rights-contact = Where to send a request, according to the service's own privacy page:
rights-contact-checked = page read on { $date }
rights-contact-none = The catalogue does not list this service's privacy contact yet: look for "privacy" or "data protection officer" on its site, or in its app's settings.
privacy-accounts-rights-reports = your reports to the rights-request observatory (the service, the right, the dates, the answer, and any note, which only reviewers read): they are never published, only aggregates of at least five different people are; they are in your data download, and deleted when you delete them or your account.
