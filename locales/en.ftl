# English: the reference catalogue. Every other catalogue has exactly these message ids.
# Ids are `<area>-<what>`: the area says where the text is read (status, phase, update, page
# parts like front-/incident-/history-, feed-, calendar-, badge-, stale-); see docs/i18n.md.
# Variables ending in `_html` receive HTML (links, <time> elements); all others are text.

## Component statuses, as a reader sees them next to a component
status-no-data = No data yet
status-operational = Operational
status-under-maintenance = Under maintenance
status-degraded-performance = Degraded performance
status-partial-outage = Partial outage
status-major-outage = Major outage
# An incident of severity `notice`.
status-notice = Notice
# A maintenance window, where a severity would be shown.
status-maintenance = Maintenance
# A day before the component's `since`, in the bars.
status-no-data-day = No data

## The front page's banner, by the overall status
banner-no-data = No data yet
banner-operational = All systems operational
banner-under-maintenance = Maintenance in progress
banner-degraded-performance = Degraded performance
banner-partial-outage = Partial outage
banner-major-outage = Major outage

## Where an incident or a window stands
phase-ongoing = Ongoing
phase-resolved = Resolved
phase-upcoming = Upcoming
phase-in-progress = In progress
phase-completed = Completed

## The status word of one update in a timeline
update-investigating = Investigating
update-identified = Identified
update-monitoring = Monitoring
update-resolved = Resolved
update-postmortem = Post-incident review
update-scheduled = Scheduled
update-in-progress = In progress
update-completed = Completed
update-update = Update

## Durations: "3 days 4 hours", "7 hours 30 minutes"
duration-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
duration-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
duration-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
# Two units of a duration, the larger first.
duration-pair = { $larger } { $smaller }
duration-under-a-minute = under a minute
# An incident still going on: "4 hours 20 minutes so far".
duration-so-far = { $duration } so far

## Uptime figures
# A percentage; $value is already formatted ("99.95").
percent = { $value }%
uptime-value-no-data = no data
uptime-value-no-data-yet = no data yet
uptime-figure = { $percent } uptime, last { $days ->
    [one] day
   *[other] { $days } days
}
uptime-no-data = Uptime: no data
uptime-no-data-yet = Uptime: no data yet
uptime-window = { $days ->
    [one] Last day
   *[other] Last { $days } days
}

## The daily bars
bars-label = { $component }: daily status, oldest first
bars-days-ago = { $days ->
    [one] 1 day ago
   *[other] { $days } days ago
}
bars-today = Today
# One bar's text: "27 Jan 2022: Major outage, 7 hours 30 minutes down, 1 incident".
bar-day = { $date }: { $status }
bar-downtime = { $duration } down
bar-no-downtime = no downtime
bar-incidents = { $count ->
    [one] { $count } incident
   *[other] { $count } incidents
}
# Joins the parts of a bar's text.
list-separator = {", "}

## Every page
skip-to-content = Skip to content
nav-label = Site
nav-status = Status
nav-history = History
nav-language = Language
footer-status-as-of = Status as of { $time_html }.
footer-time-zone = Times are shown in { $zone } time.
footer-follow = Follow updates:
# Before the links to `mirrors` (config.toml): the same site at other addresses.
footer-mirrors = Also served at:

## Front page
front-as-of = As of { $time_html }
front-ongoing = Ongoing incidents
front-maintenance = Maintenance
front-notices = Notices
front-pinned = Pinned
front-components = Components
front-recent = Recent history
front-no-past = No past incidents.
front-full-history = Full history

## Incidents as cards (front page) and rows (lists)
card-scheduled = Scheduled { $start_html } to { $end_html } ({ $duration })
card-window = { $start_html } to { $end_html } ({ $duration })
card-since = Since { $start_html } ({ $duration } so far)
affects = Affects: { $components_html }
row-after = { $phase } after { $duration }

## An incident's page
incident-kind-incident = Incident
incident-kind-maintenance = Maintenance
incident-type = Type
incident-severity = Severity
incident-scheduled-start = Scheduled start
incident-began = Began
incident-scheduled-end = Scheduled end
incident-resolved = Resolved
incident-not-resolved = Not yet resolved
incident-duration = Duration
incident-affected = Affected components
incident-updates = Updates
incident-no-updates = No updates yet.
incident-details = Details
incident-all = All incidents

## History pages
history-title = History
history-title-page = History, page { $page }
history-intro = Incidents and maintenance, newest first ({ $count } in all).
history-intro-page = Page { $current } of { $total }.
history-empty = Nothing has happened yet.
history-pages = History pages
history-newer = ← Newer
history-older = Older →
history-page-of = Page { $current } of { $total }

## A component's page
component-current = Current status: { $status_html }
component-uptime = Uptime
component-incidents = Incidents
component-title-page = { $component }, page { $page }
component-pages = Incident pages for { $component }
component-no-incidents = No incidents recorded for { $component }.
component-feed = RSS feed for { $component }

## The 404 page
not-found-title = Page not found
not-found-text = There is no page at this address: it may have moved, or the link may be mistyped.
not-found-status-link = See the current status
not-found-history-link = browse past incidents
not-found-next = { $status_html } or { $history_html }.

## The stale notice (shown by stale.js when a page is older than `stale_after`)
stale-minutes = { $count ->
    [one] Last updated { $count } minute ago; this page may be out of date.
   *[other] Last updated { $count } minutes ago; this page may be out of date.
}
stale-hours = { $count ->
    [one] Last updated { $count } hour ago; this page may be out of date.
   *[other] Last updated { $count } hours ago; this page may be out of date.
}
stale-days = { $count ->
    [one] Last updated { $count } day ago; this page may be out of date.
   *[other] Last updated { $count } days ago; this page may be out of date.
}
# After the notice, when config.toml lists `mirrors`: their links, e.g. "a.example.net, b.example.org".
stale-mirrors = Try another copy: { $mirrors }.

## Feeds (RSS and Atom)
feed-description = Incidents and maintenance on { $site }
feed-component-description = Incidents and maintenance affecting { $component }
# An item's title: "[Major outage] Email is down".
feed-item-title = [{ $label }] { $title }
feed-scheduled = Scheduled: { $start_html }
feed-scheduled-until = Scheduled: { $start_html } to { $end_html }
feed-started = Started: { $start_html }
feed-resolved = Resolved: { $end_html }
feed-timeline = Timeline
feed-updates-title = { $site }: every update
feed-updates-description = Each update on the incidents and maintenance of { $site }, as it is posted

## The maintenance calendar
calendar-name = { $site }: maintenance
calendar-summary = Maintenance: { $title }
calendar-affects = Affects: { $components }

## Badges (lower case, as badges usually are)
badge-label = status
badge-no-data = no data yet
badge-operational = operational
badge-under-maintenance = under maintenance
badge-degraded-performance = degraded performance
badge-partial-outage = partial outage
badge-major-outage = major outage

## Notifications (beacon notify): chat, Mastodon, email. Times stay numeric (2026-12-05 22:00).
notify-new-incident = New incident: { $title }
notify-update = Update: { $title }
notify-resolved = Resolved: { $title }
notify-postmortem = Post-incident review: { $title }
notify-maintenance-scheduled = Maintenance scheduled: { $title }
notify-maintenance-started = Maintenance started: { $title }
notify-maintenance-completed = Maintenance completed: { $title }
# A reminder before a window: "Maintenance starts in 24 hours: Core switch upgrade"; $duration is
# one of notify-days, notify-hours, notify-minutes.
notify-maintenance-reminder = Maintenance starts in { $duration }: { $title }
notify-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
notify-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
notify-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
notify-status-change = Status change: { $component } is now { $status }
notify-severity = Severity: { $severity }
notify-affected = Affected: { $components }
notify-when = When: { $start } to { $end } ({ $zone })
notify-when-from = When: from { $start } ({ $zone })
notify-details = Details: { $url }
notify-link = View on the status page
# A component's new status, after "is now".
notify-now-operational = operational
notify-now-degraded = degraded
notify-now-partial = partly down
notify-now-major = down
notify-now-maintenance = under maintenance

## Response times (beacon probe) on a probed component's page; "ms" stays as it is.
latency-heading = Response time
# $time: when the component was last checked.
latency-last-check = Last checked { $time }
# The chart's accessible name.
latency-chart-label = { $component }: daily response time over the last { $days } days, median and 95th percentile
latency-legend = Solid line: daily median; dashed line: 95th percentile.
# The chart's figures in words (its text alternative).
latency-summary = Over the last { $days } days, the median day took { $median } ms and the slowest 95th percentile was { $worst } ms, from { $checks ->
    [one] { $checks } check
   *[other] { $checks } checks
}. On { $date }: median { $latest_median } ms, 95th percentile { $latest_p95 } ms.
latency-no-data = No response time measured yet.
# The label of the response-time badge (shields.io endpoint).
badge-latency-label = response time

## monthly
## Monthly uptime (components/<id>/uptime/) and the history filters.
monthly-link = Monthly uptime, month by month
monthly-heading = Monthly uptime
monthly-title = { $component }: monthly uptime
monthly-intro = Uptime in each of the last { $months } calendar months, newest first, in the { $timezone } time zone. Each square is a day, coloured by its worst status.
monthly-figure = { $percent } uptime
monthly-calendar-label = Days of { $month }
monthly-export = The same figures for every component, for SLA reports:
history-filter-heading = Narrow the history
history-filter-search = Title contains
history-filter-component = Component
history-filter-severity = Severity
history-filter-year = Year
history-filter-any = Any
history-filter-clear = Show all
# The history filter's live result count.
history-filter-results = { $count ->
    [one] { $count } entry matches
   *[other] { $count } entries match
}
history-filter-none = Nothing matches these filters.
## subscribe
# The subscribe page (subscribe/), the header button, and the embed (embed.js, embed/).
nav-subscribe = Subscribe
subscribe-title = Subscribe to updates
subscribe-intro = Follow this page the way that suits you: a feed, your calendar, a channel you already read, or your own tools. None of them needs an account.
subscribe-toc = On this page
subscribe-feeds-heading = Feeds
subscribe-feeds-intro = Add a feed to any feed reader: one item per incident or maintenance window, or one item per update.
subscribe-feed-incidents = Incidents and maintenance
subscribe-feed-updates = Every update
subscribe-component-feeds = One component's incidents
subscribe-calendar-heading = Calendar
subscribe-calendar-intro = Planned maintenance in your calendar app, kept up to date by the app itself.
subscribe-calendar-webcal = Subscribe in your calendar app
subscribe-calendar-ics = Download the calendar file (.ics)
subscribe-calendar-url = Or add this address to your calendar by hand:
subscribe-channels-heading = Channels
subscribe-channels-intro = The team also posts news of the services here:
channel-phone = Phone line
channel-sms = Text messages
channel-email = Email list
channel-web = News site
subscribe-api-heading = JSON API
subscribe-api-intro = For scripts and dashboards: the same data in the shape of the { $api_html } API, readable from any website.
subscribe-api-summary = Everything at once: status, components, open incidents, maintenance
subscribe-api-status = The overall status
subscribe-api-components = The components and their status
subscribe-api-unresolved = Open incidents
subscribe-api-incidents = Every incident
subscribe-api-maintenance = Every maintenance window
subscribe-api-uptime = Uptime figures and daily bars
subscribe-badges-heading = Badges
subscribe-badges-intro = An image of the current status, for a README or a web page.
subscribe-badge-alt = The current status, as a badge
# $format_html: the name of a format, "Markdown" or "HTML", shown as code.
subscribe-snippet = { $format_html } snippet
subscribe-embed-heading = Embed on your website
subscribe-embed-script = With a script: a small banner appears at the bottom of your pages only while something is wrong or under maintenance, with a link here. Visitors can dismiss it.
subscribe-embed-iframe = Without scripts: a frame that shows the current status, as of the last update of this page.
embed-link = View the status page
embed-dismiss = Dismiss
embed-label = Service status
embed-frame-title = Service status: { $site }
## home
bar-state-for = { $status } for { $duration }
bar-counted-down = counted as { $duration } of downtime
bar-not-counted = not counted as downtime
component-incidents-maintenance = Incidents and maintenance
local-time-yours = Times are shown in your time zone, { $zone }.
local-time-show-site = Show times in { $zone }
local-time-show-yours = Show times in your time zone ({ $zone })
