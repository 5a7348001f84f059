package diag

// Diagnostic codes: the stable identifiers of problems in the JSON output of
// tiendo check --format json. The strings are a public contract: never change
// one; add a new code instead. The trailing comment of each constant is the
// severity its call sites give it, kept up to date by codes-rewrite.
//
// codes.md, the list in the README, is generated from this file:
//
//	go test ./internal/diag -run TestCodesList -update
const (
	// Command line and the site folder

	// CodeFlagBaseURL means the value of --baseURL is not a valid address.
	CodeFlagBaseURL = "flag-baseurl" // error
	// CodeFlagNow means the value of --now is not a valid date.
	CodeFlagNow = "flag-now" // error
	// CodeSourceOpen means the site folder cannot be opened.
	CodeSourceOpen = "source-open" // error
	// CodeInternal means a fault of tiendo itself (a stage or a page template panicked), not of the site.
	CodeInternal = "internal" // error

	// Configuration: config.toml

	// CodeConfigRead means config.toml cannot be read.
	CodeConfigRead = "config-read" // error
	// CodeConfigLang means languageCode, or a language under [languages], is not one tiendo supports.
	CodeConfigLang = "config-lang" // error
	// CodeConfigTimezone means timeZone names no known time zone.
	CodeConfigTimezone = "config-timezone" // error
	// CodeConfigAsOf means asOf, the date the site is judged on, is not a valid date.
	CodeConfigAsOf = "config-asof" // error
	// CodeConfigDate means planDate, the date the plan was issued, is not a valid date.
	CodeConfigDate = "config-date" // error
	// CodeConfigBaseURL means baseURL is not a valid address.
	CodeConfigBaseURL = "config-baseurl" // error
	// CodeBaseURLNotAbsolute means baseURL is a path without a domain, so feeds and the sitemap cannot give full addresses.
	CodeBaseURLNotAbsolute = "baseurl-not-absolute" // warning
	// CodeConfigTOC means tocStart and tocEnd are outside 1–6 or tocStart is after tocEnd.
	CodeConfigTOC = "config-toc" // error
	// CodeConfigParseBudget means parseBudget is not a valid duration.
	CodeConfigParseBudget = "config-parse-budget" // error
	// CodeConfigMenu means a menu entry lacks its name, or both url and page.
	CodeConfigMenu = "config-menu" // error
	// CodeConfigMenuURL means a menu entry's url is an address that is not allowed (such as javascript:).
	CodeConfigMenuURL = "config-menu-url" // error
	// CodeConfigWebsite means organisation.website is an address that is not allowed.
	CodeConfigWebsite = "config-website" // error
	// CodeConfigReports means a report rule of [reports] (weekly, monthly, halfYear) cannot be read.
	CodeConfigReports = "config-reports" // error
	// CodeConfigLicence means licence names no licence tiendo knows (an SPDX identifier such as CC-BY-4.0).
	CodeConfigLicence = "config-licence" // error

	// TOML files: config.toml, the TOML files of data/, front matter, interface strings

	// CodeTOMLTooLarge means a TOML file is larger than the limit.
	CodeTOMLTooLarge = "toml-too-large" // error
	// CodeTOMLEncoding means a TOML file is not valid UTF-8 text.
	CodeTOMLEncoding = "toml-encoding" // error
	// CodeTOMLControl means a TOML file holds a control character TOML does not allow.
	CodeTOMLControl = "toml-control" // error
	// CodeTOMLDepth means values in a TOML file are nested more deeply than the limit.
	CodeTOMLDepth = "toml-depth" // error
	// CodeTOMLSyntax means a TOML file is not valid TOML.
	CodeTOMLSyntax = "toml-syntax" // error
	// CodeTOMLType means the value of a known key has the wrong type.
	CodeTOMLType = "toml-type" // error
	// CodeTOMLUnknownKey means a key that tiendo does not know (often a misspelling).
	CodeTOMLUnknownKey = "toml-unknown-key" // error

	// Content: the Markdown pages of content/

	// CodeContentRead means a content file or folder cannot be read.
	CodeContentRead = "content-read" // error
	// CodeContentSymlink means a symbolic link inside content/.
	CodeContentSymlink = "content-symlink" // error
	// CodeContentTooLarge means a content file is larger than the limit.
	CodeContentTooLarge = "content-too-large" // error
	// CodeContentEncoding means a content file is not valid UTF-8 text.
	CodeContentEncoding = "content-encoding" // error
	// CodeContentNesting means block quotes or lists in a page are nested more deeply than the limit.
	CodeContentNesting = "content-nesting" // error
	// CodeContentTooComplex means a page whose Markdown took longer than parseBudget to read.
	CodeContentTooComplex = "content-too-complex" // error
	// CodeFrontMatterUnclosed means front matter opened with +++ or --- and never closed.
	CodeFrontMatterUnclosed = "frontmatter-unclosed" // error
	// CodeFrontMatterYAML means YAML front matter that is invalid or not key: value pairs.
	CodeFrontMatterYAML = "frontmatter-yaml" // error
	// CodeContentTitle means a page without a title.
	CodeContentTitle = "content-title" // error
	// CodeContentDate means a date in front matter (date, lastmod…) that is not a valid date.
	CodeContentDate = "content-date" // error
	// CodeContentSlug means a slug, or a file name to make the address from, that gives no valid address.
	CodeContentSlug = "content-slug" // error
	// CodeContentAlias means an alias in front matter that is not a valid address.
	CodeContentAlias = "content-alias" // error
	// CodeContentImages means an entry of images in front matter that is not a file of the site.
	CodeContentImages = "content-images" // error
	// CodeContentDuplicateURL means two pages, or a page and a page made from data, at one address.
	CodeContentDuplicateURL = "content-duplicate-url" // error
	// CodeHowToMissingKey means a guidance page's [howto] table, or one of its steps, lacks a required key.
	CodeHowToMissingKey = "howto-missing-key" // error
	// CodeHowToStep means a step names a button without the screen it is on, or a screen without the button to press.
	CodeHowToStep = "howto-step" // error
	// CodeHowToUnit means the unit of a [howto] table is not in data/units.toml.
	CodeHowToUnit = "howto-unit" // error
	// CodeJourney means a journey without a title or with fewer than two pages, or naming a page twice or one that is not a content file.
	CodeJourney = "journey" // error

	// Theme: layouts and interface strings

	// CodeThemeMissing means the theme named in config.toml, or its layouts/base.html, does not exist.
	CodeThemeMissing = "theme-missing" // error
	// CodeThemeRead means a layout file cannot be read.
	CodeThemeRead = "theme-read" // error
	// CodeThemeSymlink means a symbolic link among the layouts.
	CodeThemeSymlink = "theme-symlink" // error
	// CodeThemeI18n means an interface strings file that is not key = "text" pairs.
	CodeThemeI18n = "theme-i18n" // error
	// CodeTemplate means a layout that does not parse.
	CodeTemplate = "template" // error
	// CodeLayoutMissing means a page asks for a layout the theme does not have.
	CodeLayoutMissing = "layout-missing" // error

	// Data folder: data/

	// CodeDataRead means a file in data/ cannot be read.
	CodeDataRead = "data-read" // error
	// CodeDataSymlink means a symbolic link inside data/.
	CodeDataSymlink = "data-symlink" // error
	// CodeDataUnused means a file in data/ that nothing in the site reads.
	CodeDataUnused = "data-unused" // warning
	// CodeDataRegistryMissing means a data file refers to a registry (such as data/units.toml) that does not exist.
	CodeDataRegistryMissing = "data-registry-missing" // error
	// CodeDataSuppressed means problems left out because they may only follow from a file that could not be read; says how many.
	CodeDataSuppressed = "data-suppressed" // warning
	// CodeDataDuplicateURL means a page made from data at an address another generated page already has.
	CodeDataDuplicateURL = "data-duplicate-url" // error
	// CodeHistoryRead means the site's git history cannot be read; the site is built without revision history.
	CodeHistoryRead = "history-read" // warning

	// Commune boundaries: data/ban-do/*.geojson

	// CodeMapJSON means a GeoJSON file that is not valid JSON.
	CodeMapJSON = "map-json" // error
	// CodeMapTooLarge means a GeoJSON file larger than the limit (16 MB).
	CodeMapTooLarge = "map-too-large" // error
	// CodeMapShape means a GeoJSON file that is not a FeatureCollection of Polygon or MultiPolygon features.
	CodeMapShape = "map-shape" // error
	// CodeMapUnmatched means a boundary feature whose id or name matches no commune of data/units.toml.
	CodeMapUnmatched = "map-unmatched" // error
	// CodeMapDuplicate means two boundary features for one commune.
	CodeMapDuplicate = "map-duplicate" // error
	// CodeMapMissing means communes without a boundary feature: the map leaves them out, the table beside it does not.
	CodeMapMissing = "map-missing" // warning
	// CodeMapGeometry means a ring that is not closed, has fewer than 4 positions, or a coordinate that is not a number.
	CodeMapGeometry = "map-geometry" // error
	// CodeMapSwapped means coordinates written latitude first: GeoJSON puts longitude first.
	CodeMapSwapped = "map-swapped" // error
	// CodeMapRange means a longitude outside -180..180 or a latitude outside -90..90.
	CodeMapRange = "map-range" // error

	// CSV tables: any CSV file of data/

	// CodeCSVTooLarge means a CSV file is larger than the limit.
	CodeCSVTooLarge = "csv-too-large" // error
	// CodeCSVEncoding means a CSV file is not valid UTF-8 (or a known legacy encoding).
	CodeCSVEncoding = "csv-encoding" // error
	// CodeCSVLineTooLong means a line of a CSV file is longer than the limit.
	CodeCSVLineTooLong = "csv-line-too-long" // error
	// CodeCSVQuote means a misplaced, extra or unclosed double quote.
	CodeCSVQuote = "csv-quote" // error
	// CodeCSVFieldCount means a row with more or fewer cells than the header has columns.
	CodeCSVFieldCount = "csv-field-count" // error
	// CodeCSVHeaderEmpty means a column of the header without a name.
	CodeCSVHeaderEmpty = "csv-header-empty" // error
	// CodeCSVColumnUnknown means a header column that does not belong to this kind of table.
	CodeCSVColumnUnknown = "csv-column-unknown" // error
	// CodeCSVColumnMissing means a required column is missing from the header.
	CodeCSVColumnMissing = "csv-column-missing" // error
	// CodeCSVColumnDuplicate means two header columns with the same name.
	CodeCSVColumnDuplicate = "csv-column-duplicate" // error
	// CodeCSVTooManyErrors means reading stopped after too many errors in one file.
	CodeCSVTooManyErrors = "csv-too-many-errors" // error
	// CodeCSVEmpty means a CSV file without a header or without rows.
	CodeCSVEmpty = "csv-empty" // error or warning
	// CodeCSVNumber means a cell that should hold a number is empty or not a number (or is a spreadsheet error such as #VALUE!).
	CodeCSVNumber = "csv-number" // error
	// CodeCSVNumberAmbiguous means a number whose separators can be read two ways, such as 1,234.
	CodeCSVNumberAmbiguous = "csv-number-ambiguous" // error

	// Excel workbooks: any .xlsx file of data/, read like a CSV file

	// CodeXLSXOpen means an .xlsx file that cannot be opened: damaged, protected by a password, or another format renamed.
	CodeXLSXOpen = "xlsx-open" // error
	// CodeXLSXSheet means the sheet an indicator names (sheet in data/indicators.toml) is not in its workbook.
	CodeXLSXSheet = "xlsx-sheet" // error
	// CodeXLSXFormula means a formula cell saved without its result (the workbook was written by a program that does not calculate), read as empty.
	CodeXLSXFormula = "xlsx-formula" // warning
	// CodeDataTwoFormats means one table saved twice, as .csv and as .xlsx, so tiendo cannot tell which is current.
	CodeDataTwoFormats = "data-two-formats" // error

	// Units: data/units.toml

	// CodeUnitMissingKey means a [[unit]] table lacks a required key.
	CodeUnitMissingKey = "unit-missing-key" // error
	// CodeUnitID means a unit id that is not valid.
	CodeUnitID = "unit-id" // error
	// CodeUnitKind means a unit kind that is not valid.
	CodeUnitKind = "unit-kind" // error
	// CodeUnitDuplicate means a unit id or name used twice.
	CodeUnitDuplicate = "unit-duplicate" // error

	// Indicators: data/indicators.toml and their CSV files

	// CodeIndicatorMissingKey means an [[indicator]], [[group]] or target table lacks a required key.
	CodeIndicatorMissingKey = "indicator-missing-key" // error
	// CodeIndicatorID means an indicator id that is not valid.
	CodeIndicatorID = "indicator-id" // error
	// CodeIndicatorDuplicate means an indicator id or group code declared twice.
	CodeIndicatorDuplicate = "indicator-duplicate" // error
	// CodeIndicatorMeasure means measure is not one of the known kinds.
	CodeIndicatorMeasure = "indicator-measure" // error
	// CodeIndicatorDirection means direction is not valid, or contradicts the baseline and targets.
	CodeIndicatorDirection = "indicator-direction" // error
	// CodeIndicatorDimension means dimension is not valid.
	CodeIndicatorDimension = "indicator-dimension" // error
	// CodeIndicatorPercentDimension means a percentage indicator broken down by unit, which cannot be summed; use a rate.
	CodeIndicatorPercentDimension = "indicator-percent-dimension" // error
	// CodeIndicatorDecimals means decimals is not valid.
	CodeIndicatorDecimals = "indicator-decimals" // error
	// CodeIndicatorFrequency means frequency is not valid.
	CodeIndicatorFrequency = "indicator-frequency" // error
	// CodeIndicatorLead means the lead unit is not in data/units.toml.
	CodeIndicatorLead = "indicator-lead" // error
	// CodeIndicatorFile means the file of an indicator is not a valid path inside data/.
	CodeIndicatorFile = "indicator-file" // error
	// CodeIndicatorReports means an indicator computed from the weekly reports is not a weekly rate of a known measure over known services, or its reports cannot be read.
	CodeIndicatorReports = "indicator-reports" // error
	// CodeIndicatorCheck means a [[check]] of data/indicators.toml is malformed (error), or its two indicators differ by more than its tolerance (warning).
	CodeIndicatorCheck = "indicator-check" // error or warning
	// CodeIndicatorFileMissing means the data file of an indicator does not exist.
	CodeIndicatorFileMissing = "indicator-file-missing" // error
	// CodeIndicatorGroup means the group of an indicator is not among the [[group]] tables.
	CodeIndicatorGroup = "indicator-group" // error
	// CodeIndicatorBaseline means a baseline without period or value, or with a period that cannot be read.
	CodeIndicatorBaseline = "indicator-baseline" // error
	// CodeIndicatorDeadline means a target deadline that cannot be read, is shared by two targets, or is not after the baseline.
	CodeIndicatorDeadline = "indicator-deadline" // error
	// CodeIndicatorOrigin means a target's origin is neither "plan" nor "site".
	CodeIndicatorOrigin = "indicator-origin" // error
	// CodeIndicatorTargetChange means a target's change (e.g. "-20%") cannot be read, or the target has both value and change.
	CodeIndicatorTargetChange = "indicator-target-change" // error
	// CodeIndicatorTargetUnits means a target's values for single units (units = { … }) name an unknown unit, a unit of the wrong kind or one twice, or sit on an indicator without a commune or unit breakdown.
	CodeIndicatorTargetUnits = "indicator-target-units" // error
	// CodeIndicatorValue means a baseline or target value that is negative, or outside 0–100 for a percentage.
	CodeIndicatorValue = "indicator-value" // error
	// CodeCSVColumns means an indicator's CSV file lacks the columns its measure and dimension need.
	CodeCSVColumns = "csv-columns" // error
	// CodeCSVPeriod means a period cell that is empty or is not a reporting period.
	CodeCSVPeriod = "csv-period" // error
	// CodeCSVRange means a period outside the years a plan can cover.
	CodeCSVRange = "csv-range" // error
	// CodeCSVFrequency means periods of different lengths in one file.
	CodeCSVFrequency = "csv-frequency" // warning
	// CodeCSVDuplicate means two rows for the same period and unit.
	CodeCSVDuplicate = "csv-duplicate" // error
	// CodeCSVUnit means a unit cell that names no unit, or a unit of the wrong kind.
	CodeCSVUnit = "csv-unit" // error
	// CodeCSVPercent means a percentage outside 0–100.
	CodeCSVPercent = "csv-percent" // error
	// CodeCSVCountPercent means a count or a numerator/denominator written with %.
	CodeCSVCountPercent = "csv-count-percent" // error
	// CodeCSVCountWhole means a count that is not a whole number.
	CodeCSVCountWhole = "csv-count-whole" // error
	// CodeCSVNegative means a negative value where only 0 or more makes sense.
	CodeCSVNegative = "csv-negative" // error
	// CodeCSVRatio means a denominator of 0, or a numerator greater than its denominator.
	CodeCSVRatio = "csv-ratio" // error
	// CodeCSVCumulative means a running total that goes down.
	CodeCSVCumulative = "csv-cumulative" // warning
	// CodeCSVFuture means rows whose period starts after the date the site is judged on; they are not counted.
	CodeCSVFuture = "csv-future" // warning

	// Tasks: data/tasks.csv and deadlines

	// CodeTaskCode means a task without a code.
	CodeTaskCode = "task-code" // error
	// CodeTaskTitle means a task without its text.
	CodeTaskTitle = "task-title" // error
	// CodeTaskDuplicate means a task code used twice.
	CodeTaskDuplicate = "task-duplicate" // error
	// CodeTaskDate means a due or completion date that is not a date, or a completion date on a task not completed.
	CodeTaskDate = "task-date" // error or warning
	// CodeTaskLink means a link that is not an http or https address.
	CodeTaskLink = "task-link" // error
	// CodeTaskProgress means a progress (trang_thai) that is not one of the known words.
	CodeTaskProgress = "task-progress" // error
	// CodeDeadline means a deadline that cannot be read, for a reason other than those below.
	CodeDeadline = "deadline" // error
	// CodeDeadlineUnreadable means a deadline with words tiendo cannot read.
	CodeDeadlineUnreadable = "deadline-unreadable" // error
	// CodeDeadlineDate means a deadline with a day, month or quarter that does not exist or is not written out.
	CodeDeadlineDate = "deadline-date" // error
	// CodeDeadlineYear means a deadline with a year that is missing or not a year.
	CodeDeadlineYear = "deadline-year" // error
	// CodeDeadlineRule means a repeating deadline that cannot be read or repeats in two ways.
	CodeDeadlineRule = "deadline-rule" // error
	// CodeDeadlineVague means a deadline too vague to place (“đầu năm”, “giữa năm”…).
	CodeDeadlineVague = "deadline-vague" // error

	// Services and weekly reports: data/services.toml and the weekly report CSV files

	// CodeServiceMissingKey means a [[sector]] or [[service]] table lacks a required key.
	CodeServiceMissingKey = "service-missing-key" // error
	// CodeServiceID means a service or sector id that is not valid.
	CodeServiceID = "service-id" // error
	// CodeServiceDuplicate means a sector or service id, or a service name, used twice.
	CodeServiceDuplicate = "service-duplicate" // error
	// CodeServiceSector means the sector of a service is not among the [[sector]] tables.
	CodeServiceSector = "service-sector" // error
	// CodeServiceOnline means online is not a valid level of online service.
	CodeServiceOnline = "service-online" // error
	// CodeServiceLead means the lead unit of a service is not in data/units.toml or does not report weekly.
	CodeServiceLead = "service-lead" // error
	// CodeReportUnit means a weekly report file whose name is not a unit that reports weekly.
	CodeReportUnit = "report-unit" // error
	// CodeReportWeek means a week cell that is not a week or not a reporting day.
	CodeReportWeek = "report-week" // error
	// CodeReportEarly means a report sent before its week ended.
	CodeReportEarly = "report-early" // warning
	// CodeReportFuture means weeks that end after the date the site is judged on; they are not counted.
	CodeReportFuture = "report-future" // warning
	// CodeReportDuplicate means two rows for the same week and service.
	CodeReportDuplicate = "report-duplicate" // error
	// CodeReportService means a service cell that is empty or names no service.
	CodeReportService = "report-service" // error
	// CodeReportServiceUnit means a service reported by a unit that is not its lead.
	CodeReportServiceUnit = "report-service-unit" // error
	// CodeReportSubmitted means a date-sent cell that is empty or not a date and time.
	CodeReportSubmitted = "report-submitted" // error
	// CodeReportPercent means a number of dossiers written with %.
	CodeReportPercent = "report-percent" // error
	// CodeReportNegative means a negative number of dossiers.
	CodeReportNegative = "report-negative" // error
	// CodeReportNumber means a number of dossiers that is not a whole number.
	CodeReportNumber = "report-number" // error
	// CodeReportReason means a reason for late dossiers that is missing, or given where no dossier is late.
	CodeReportReason = "report-reason" // warning
	// CodeReportBalance means a row whose dossiers resolved and in progress do not add up to those received.
	CodeReportBalance = "report-balance" // warning

	// Importing a unit's weekly workbook: tiendo nhap

	// CodeImportColumn means a column of the imported workbook that holds figures the unit's report file has no column for.
	CodeImportColumn = "import-column" // error
	// CodeImportUnit means an imported row whose unit cell names another unit than --don-vi.
	CodeImportUnit = "import-unit" // error
	// CodeImportWeek means an imported row whose week cell is another week than --tuan.
	CodeImportWeek = "import-week" // error
	// CodeImportDuplicate means a service that appears twice in the imported workbook.
	CodeImportDuplicate = "import-duplicate" // error
	// CodeImportTotal means a total row (Tổng cộng) of the imported workbook that is not the sum of the rows above it.
	CodeImportTotal = "import-total" // warning
	// CodeImportChanged means the unit's report file changed on disk while the import was being confirmed; nothing was written.
	CodeImportChanged = "import-changed" // error

	// Rendering: pages, shortcodes, charts, links

	// CodeMarkdown means a page's Markdown cannot be converted.
	CodeMarkdown = "markdown" // error
	// CodeShortcodeUnknown means a shortcode tiendo does not have.
	CodeShortcodeUnknown = "shortcode-unknown" // error
	// CodeShortcodeSyntax means text that starts like a shortcode ({{< or {{%) but is none tiendo can read: inside code, over several lines, a closing {{< /x >}}, or malformed.
	CodeShortcodeSyntax = "shortcode-syntax" // error
	// CodeShortcodeEmbed means a shortcode of Hugo's that embeds another site (youtube, vimeo, tweet, x, instagram, gist), which the pages' Content-Security-Policy forbids.
	CodeShortcodeEmbed = "shortcode-embed" // error
	// CodeShortcodeArgs means a shortcode with arguments it does not take, or without those it needs (such as kpi without exactly one indicator id).
	CodeShortcodeArgs = "shortcode-args" // error
	// CodeShortcodeID means a shortcode naming an indicator that does not exist.
	CodeShortcodeID = "shortcode-id" // error
	// CodeChart means a chart that cannot be built from its data.
	CodeChart = "chart" // error
	// CodeChartRender means charts that cannot be drawn as SVG.
	CodeChartRender = "chart-render" // error
	// CodeShareGlyph means a page's share image (og:image) left out because its text has a character the image's font cannot draw.
	CodeShareGlyph = "share-glyph" // warning
	// CodeShareRender means share images that cannot be drawn or kept in the cache.
	CodeShareRender = "share-render" // error
	// CodePosterQR means a commune poster's QR code cannot be made from the page's address (an address too long for a QR code).
	CodePosterQR = "poster-qr" // error
	// CodeLinkEmpty means a link without a destination.
	CodeLinkEmpty = "link-empty" // error
	// CodeLinkScheme means a link of a kind that is not allowed (such as javascript:).
	CodeLinkScheme = "link-scheme" // error
	// CodeLinkEscape means a link with a malformed % escape.
	CodeLinkEscape = "link-escape" // error
	// CodeLinkOutside means a relative link that leaves the site.
	CodeLinkOutside = "link-outside" // error
	// CodeLinkMissing means a link to a page or file that does not exist.
	CodeLinkMissing = "link-missing" // error
	// CodeLinkAnchor means a link to a heading (#…) that the page does not have.
	CodeLinkAnchor = "link-anchor" // error
	// CodeImageAlt means an image, in Markdown or a figure shortcode, without a text alternative (alt).
	CodeImageAlt = "image-alt" // error
	// CodeMenuPage means a menu entry pointing to a page that does not exist.
	CodeMenuPage = "menu-page" // error
	// CodeAliasTaken means an alias at an address another page or file already has.
	CodeAliasTaken = "alias-taken" // error
	// CodeSearch means a fault of tiendo building the search index.
	CodeSearch = "search" // error

	// Writing the output: public/ and static/

	// CodeOutputDestSiteRoot means the output folder is the site's own folder.
	CodeOutputDestSiteRoot = "output-dest-site-root" // error
	// CodeOutputDestContainsSite means the output folder contains the site folder.
	CodeOutputDestContainsSite = "output-dest-contains-site" // error
	// CodeOutputDestInSource means the output folder is inside a folder of the site's input, or is config.toml.
	CodeOutputDestInSource = "output-dest-in-source" // error
	// CodeOutputDestNotFolder means the output folder is a file.
	CodeOutputDestNotFolder = "output-dest-not-folder" // error
	// CodeOutputDestForeign means the output folder holds files that are not an earlier output of tiendo (or another site).
	CodeOutputDestForeign = "output-dest-foreign" // error
	// CodeOutputDestUnreadable means the output folder cannot be checked.
	CodeOutputDestUnreadable = "output-dest-unreadable" // error
	// CodeOutputOpen means the output folder cannot be created.
	CodeOutputOpen = "output-open" // error
	// CodeStaticSymlink means a symbolic link inside static/.
	CodeStaticSymlink = "static-symlink" // error
	// CodeStaticCopy means static files cannot be copied.
	CodeStaticCopy = "static-copy" // error
	// CodeOutputWrite means a file of the output cannot be written.
	CodeOutputWrite = "output-write" // error
	// CodeOutputCommit means the new output cannot replace the old one.
	CodeOutputCommit = "output-commit" // error
	// CodeOutputStaleKept means the temporary folder of an interrupted build cannot be removed.
	CodeOutputStaleKept = "output-stale-kept" // warning
	// CodeOutputOldKept means the site is published, but the previous copy could not be removed.
	CodeOutputOldKept = "output-old-kept" // warning

	// Preview server: tiendo serve

	// CodeServeSource means the site folder given to serve does not exist.
	CodeServeSource = "serve-source" // error
	// CodeServeWatch means the files of the site cannot be watched.
	CodeServeWatch = "serve-watch" // error
	// CodeServeBindNetwork means the preview listens on an address every computer on the network can reach.
	CodeServeBindNetwork = "serve-bind-network" // warning
	// CodeServePortBusy means the port is used by another program.
	CodeServePortBusy = "serve-port-busy" // error
	// CodeServePortDenied means opening the port is not allowed.
	CodeServePortDenied = "serve-port-denied" // error
	// CodeServeBind means the address to listen on does not belong to this machine.
	CodeServeBind = "serve-bind" // error
	// CodeServeListen means the preview cannot listen, for another reason.
	CodeServeListen = "serve-listen" // error

	// New sites, pages and indicators: tiendo new

	// CodeNewSiteNotDir means the folder for a new site is a file.
	CodeNewSiteNotDir = "new-site-not-dir" // error
	// CodeNewSiteNotEmpty means the folder for a new site is not empty.
	CodeNewSiteNotEmpty = "new-site-not-empty" // error
	// CodeNewSiteRead means the folder for a new site cannot be read.
	CodeNewSiteRead = "new-site-read" // error
	// CodeNewSiteWrite means the files of a new site cannot be written.
	CodeNewSiteWrite = "new-site-write" // error
	// CodeNewPagePath means a new page's path is outside content/.
	CodeNewPagePath = "new-page-path" // error
	// CodeNewPageExt means a new page's file name does not end in .md.
	CodeNewPageExt = "new-page-ext" // error
	// CodeNewPageExists means the file for a new page already exists.
	CodeNewPageExists = "new-page-exists" // error
	// CodeNewPageWrite means a new page cannot be written.
	CodeNewPageWrite = "new-page-write" // error
	// CodeNewRead means a file needed to add an indicator cannot be read.
	CodeNewRead = "new-read" // error
	// CodeNewIndicatorID means the id of a new indicator is not valid.
	CodeNewIndicatorID = "new-indicator-id" // error
	// CodeNewIndicatorBroken means data/indicators.toml has errors, so no indicator was added.
	CodeNewIndicatorBroken = "new-indicator-broken" // error
	// CodeNewIndicatorExists means the indicator, or its CSV file, already exists.
	CodeNewIndicatorExists = "new-indicator-exists" // error
	// CodeNewIndicatorWrite means the files of a new indicator cannot be written.
	CodeNewIndicatorWrite = "new-indicator-write" // error

	// Provenance of leads and unit groups.

	// CodeIndicatorLeadSource means an indicator's leadSource is not ke-hoach, suy-luan or minh-hoa, or leadBasis is missing where it is required.
	CodeIndicatorLeadSource = "indicator-lead-source" // error
	// CodeIndicatorLeadTask means an indicator's lead differs from the lead of the plan task it names with task.
	CodeIndicatorLeadTask = "indicator-lead-task" // error
	// CodeIndicatorTask means an indicator names a task that data/tasks.csv does not have.
	CodeIndicatorTask = "indicator-task" // error
	// CodeTaskSource means a provenance cell of data/tasks.csv (nguon_chu_tri, nguon_tien_do) holds a word that is not accepted.
	CodeTaskSource = "task-source" // error
	// CodeTaskSourceBasis means a lead marked ke-hoach or suy-luan in data/tasks.csv has no can_cu_chu_tri (the plan's words or the reason).
	CodeTaskSourceBasis = "task-source-basis" // error
	// CodeUnitGroupSize means a [[group]] of data/units.toml names fewer than two known units, or takes a unit's id.
	CodeUnitGroupSize = "unit-group-size" // error
)
