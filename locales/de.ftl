# Deutsch.

## Status der Komponenten
status-no-data = Noch keine Daten
status-operational = Betriebsbereit
status-under-maintenance = In Wartung
status-degraded-performance = Eingeschränkte Leistung
status-partial-outage = Teilausfall
status-major-outage = Schwerer Ausfall
status-notice = Hinweis
status-maintenance = Wartung
status-no-data-day = Keine Daten

## Banner der Startseite
banner-no-data = Noch keine Daten
banner-operational = Alle Systeme betriebsbereit
banner-under-maintenance = Wartung läuft
banner-degraded-performance = Eingeschränkte Leistung
banner-partial-outage = Teilausfall
banner-major-outage = Schwerer Ausfall

## Phasen
phase-ongoing = Andauernd
phase-resolved = Behoben
phase-upcoming = Geplant
phase-in-progress = Läuft
phase-completed = Abgeschlossen

## Status einer Meldung
update-investigating = Untersuchung
update-identified = Ursache erkannt
update-monitoring = Beobachtung
update-resolved = Behoben
update-postmortem = Nachbetrachtung
update-scheduled = Geplant
update-in-progress = Läuft
update-completed = Abgeschlossen
update-update = Aktualisierung

## Dauern
duration-days = { $count ->
    [one] { $count } Tag
   *[other] { $count } Tage
}
duration-hours = { $count ->
    [one] { $count } Stunde
   *[other] { $count } Stunden
}
duration-minutes = { $count ->
    [one] { $count } Minute
   *[other] { $count } Minuten
}
duration-pair = { $larger } { $smaller }
duration-under-a-minute = unter einer Minute
duration-so-far = bisher { $duration }

## Verfügbarkeit
percent = { $value } %
uptime-value-no-data = keine Daten
uptime-value-no-data-yet = noch keine Daten
uptime-figure = { $percent } Verfügbarkeit { $days ->
    [one] am letzten Tag
   *[other] in den letzten { $days } Tagen
}
uptime-no-data = Verfügbarkeit: keine Daten
uptime-no-data-yet = Verfügbarkeit: noch keine Daten
uptime-window = { $days ->
    [one] Letzter Tag
   *[other] Letzte { $days } Tage
}

## Tagesbalken
bars-label = { $component }: Status pro Tag, älteste zuerst
bars-days-ago = { $days ->
    [one] vor 1 Tag
   *[other] vor { $days } Tagen
}
bars-today = Heute
bar-day = { $date }: { $status }
bar-downtime = { $duration } Ausfallzeit
bar-no-downtime = keine Ausfallzeit
bar-incidents = { $count ->
    [one] { $count } Störung
   *[other] { $count } Störungen
}
list-separator = {", "}

## Jede Seite
skip-to-content = Zum Inhalt springen
nav-label = Website
nav-status = Status
nav-history = Verlauf
nav-language = Sprache
footer-status-as-of = Stand: { $time_html }.
footer-time-zone = Alle Zeiten in der Zeitzone { $zone }.
footer-follow = Meldungen abonnieren:
footer-mirrors = Auch erreichbar unter:

## Startseite
front-as-of = Stand: { $time_html }
front-ongoing = Aktuelle Störungen
front-maintenance = Wartung
front-notices = Hinweise
front-pinned = Angeheftet
front-components = Komponenten
front-recent = Letzte Ereignisse
front-no-past = Keine vergangenen Störungen.
front-full-history = Gesamter Verlauf

## Karten und Zeilen
card-scheduled = Geplant von { $start_html } bis { $end_html } ({ $duration })
card-window = { $start_html } bis { $end_html } ({ $duration })
card-since = Seit { $start_html } (bisher { $duration })
affects = Betrifft: { $components_html }
row-after = { $phase } nach { $duration }

## Seite einer Störung
incident-kind-incident = Störung
incident-kind-maintenance = Wartung
incident-type = Art
incident-severity = Schweregrad
incident-scheduled-start = Geplanter Beginn
incident-began = Beginn
incident-scheduled-end = Geplantes Ende
incident-resolved = Behoben
incident-not-resolved = Noch nicht behoben
incident-duration = Dauer
incident-affected = Betroffene Komponenten
incident-updates = Meldungen
incident-no-updates = Noch keine Meldungen.
incident-details = Details
incident-all = Alle Störungen

## Verlauf
history-title = Verlauf
history-title-page = Verlauf, Seite { $page }
history-intro = Störungen und Wartungen, neueste zuerst (insgesamt { $count }).
history-intro-page = Seite { $current } von { $total }.
history-empty = Bisher ist nichts vorgefallen.
history-pages = Seiten des Verlaufs
history-newer = ← Neuere
history-older = Ältere →
history-page-of = Seite { $current } von { $total }

## Seite einer Komponente
component-current = Aktueller Status: { $status_html }
component-uptime = Verfügbarkeit
component-incidents = Störungen
component-title-page = { $component }, Seite { $page }
component-pages = Seiten der Störungen von { $component }
component-no-incidents = Für { $component } sind keine Störungen verzeichnet.
component-feed = RSS-Feed für { $component }

## Seite 404
not-found-title = Seite nicht gefunden
not-found-text = Unter dieser Adresse gibt es keine Seite: Sie wurde vielleicht verschoben, oder der Link ist fehlerhaft.
not-found-status-link = Aktuellen Status ansehen
not-found-history-link = vergangene Störungen durchsuchen
not-found-next = { $status_html } oder { $history_html }.

## Hinweis auf veraltete Seite
stale-minutes = { $count ->
    [one] Zuletzt vor { $count } Minute aktualisiert; diese Seite ist möglicherweise veraltet.
   *[other] Zuletzt vor { $count } Minuten aktualisiert; diese Seite ist möglicherweise veraltet.
}
stale-hours = { $count ->
    [one] Zuletzt vor { $count } Stunde aktualisiert; diese Seite ist möglicherweise veraltet.
   *[other] Zuletzt vor { $count } Stunden aktualisiert; diese Seite ist möglicherweise veraltet.
}
stale-days = { $count ->
    [one] Zuletzt vor { $count } Tag aktualisiert; diese Seite ist möglicherweise veraltet.
   *[other] Zuletzt vor { $count } Tagen aktualisiert; diese Seite ist möglicherweise veraltet.
}
stale-mirrors = Versuchen Sie eine andere Kopie: { $mirrors }.

## Feeds
feed-description = Störungen und Wartungen von { $site }
feed-component-description = Störungen und Wartungen, die { $component } betreffen
feed-item-title = [{ $label }] { $title }
feed-scheduled = Geplant: { $start_html }
feed-scheduled-until = Geplant: { $start_html } bis { $end_html }
feed-started = Beginn: { $start_html }
feed-resolved = Behoben: { $end_html }
feed-timeline = Verlauf
feed-updates-title = { $site }: alle Aktualisierungen
feed-updates-description = Jede Aktualisierung zu Störungen und Wartungen von { $site }, sobald sie erscheint

## Wartungskalender
calendar-name = { $site }: Wartungen
calendar-summary = Wartung: { $title }
calendar-affects = Betrifft: { $components }

## Badges
badge-label = Status
badge-no-data = noch keine Daten
badge-operational = betriebsbereit
badge-under-maintenance = in Wartung
badge-degraded-performance = eingeschränkt
badge-partial-outage = Teilausfall
badge-major-outage = schwerer Ausfall

## Benachrichtigungen
notify-new-incident = Neue Störung: { $title }
notify-update = Aktualisierung: { $title }
notify-resolved = Behoben: { $title }
notify-postmortem = Nachbetrachtung: { $title }
notify-maintenance-scheduled = Wartung geplant: { $title }
notify-maintenance-started = Wartung begonnen: { $title }
notify-maintenance-completed = Wartung abgeschlossen: { $title }
notify-maintenance-reminder = Wartung beginnt in { $duration }: { $title }
notify-days = { $count ->
    [one] { $count } Tag
   *[other] { $count } Tagen
}
notify-hours = { $count ->
    [one] { $count } Stunde
   *[other] { $count } Stunden
}
notify-minutes = { $count ->
    [one] { $count } Minute
   *[other] { $count } Minuten
}
notify-status-change = Statusänderung: { $component } ist jetzt { $status }
notify-severity = Schweregrad: { $severity }
notify-affected = Betrifft: { $components }
notify-when = Wann: { $start } bis { $end } ({ $zone })
notify-when-from = Wann: ab { $start } ({ $zone })
notify-details = Details: { $url }
notify-link = Auf der Statusseite ansehen
notify-now-operational = betriebsbereit
notify-now-degraded = eingeschränkt
notify-now-partial = teilweise ausgefallen
notify-now-major = ausgefallen
notify-now-maintenance = in Wartung

## Response times (beacon probe) on a probed component's page; "ms" stays as it is.
latency-heading = Antwortzeit
# $time: when the component was last checked.
latency-last-check = Zuletzt geprüft: { $time }
# The chart's accessible name.
latency-chart-label = { $component }: tägliche Antwortzeit der letzten { $days } Tage, Median und 95. Perzentil
latency-legend = Durchgezogene Linie: Tagesmedian; gestrichelte Linie: 95. Perzentil.
# The chart's figures in words (its text alternative).
latency-summary = In den letzten { $days } Tagen brauchte der mittlere Tag { $median } ms, das höchste 95. Perzentil lag bei { $worst } ms, aus { $checks ->
    [one] { $checks } Prüfung
   *[other] { $checks } Prüfungen
}. Am { $date }: Median { $latest_median } ms, 95. Perzentil { $latest_p95 } ms.
latency-no-data = Noch keine Antwortzeit gemessen.
# The label of the response-time badge (shields.io endpoint).
badge-latency-label = Antwortzeit

## monthly
## Monthly uptime (components/<id>/uptime/) and the history filters.
monthly-link = Verfügbarkeit Monat für Monat
monthly-heading = Monatliche Verfügbarkeit
monthly-title = { $component }: monatliche Verfügbarkeit
monthly-intro = Verfügbarkeit in jedem der letzten { $months } Kalendermonate, der neueste zuerst, in der Zeitzone { $timezone }. Jedes Quadrat ist ein Tag, gefärbt nach seinem schlechtesten Status.
monthly-figure = { $percent } Verfügbarkeit
monthly-calendar-label = Tage im { $month }
monthly-export = Dieselben Zahlen für alle Komponenten, für SLA-Berichte:
history-filter-heading = Verlauf eingrenzen
history-filter-search = Titel enthält
history-filter-component = Komponente
history-filter-severity = Schweregrad
history-filter-year = Jahr
history-filter-any = Alle
history-filter-clear = Alle anzeigen
# The history filter's live result count.
history-filter-results = { $count ->
    [one] { $count } Eintrag passt
   *[other] { $count } Einträge passen
}
history-filter-none = Kein Eintrag passt zu diesen Filtern.
## subscribe
# The subscribe page (subscribe/), the header button, and the embed (embed.js, embed/).
nav-subscribe = Abonnieren
subscribe-title = Aktualisierungen abonnieren
subscribe-intro = Verfolgen Sie diese Seite, wie es Ihnen passt: per Feed, im Kalender, in einem Kanal, den Sie ohnehin lesen, oder mit eigenen Werkzeugen. Keiner davon braucht ein Konto.
subscribe-toc = Auf dieser Seite
subscribe-feeds-heading = Feeds
subscribe-feeds-intro = Fügen Sie einen Feed zu einem beliebigen Feedreader hinzu: ein Eintrag pro Störung oder Wartungsfenster oder ein Eintrag pro Aktualisierung.
subscribe-feed-incidents = Störungen und Wartungen
subscribe-feed-updates = Jede Aktualisierung
subscribe-component-feeds = Störungen einer einzelnen Komponente
subscribe-calendar-heading = Kalender
subscribe-calendar-intro = Geplante Wartungen in Ihrer Kalender-App, von der App selbst aktuell gehalten.
subscribe-calendar-webcal = In Ihrer Kalender-App abonnieren
subscribe-calendar-ics = Kalenderdatei herunterladen (.ics)
subscribe-calendar-url = Oder fügen Sie diese Adresse von Hand zu Ihrem Kalender hinzu:
subscribe-channels-heading = Kanäle
subscribe-channels-intro = Das Team veröffentlicht Neuigkeiten zu den Diensten auch hier:
channel-phone = Telefonansage
channel-sms = SMS
channel-email = E-Mail-Verteiler
channel-web = Webseite
subscribe-api-heading = JSON-API
subscribe-api-intro = Für Skripte und Dashboards: dieselben Daten im Format der { $api_html }-API, von jeder Website aus lesbar.
subscribe-api-summary = Alles auf einmal: Status, Komponenten, offene Störungen, Wartungen
subscribe-api-status = Der Gesamtzustand
subscribe-api-components = Die Komponenten und ihr Status
subscribe-api-unresolved = Offene Störungen
subscribe-api-incidents = Alle Störungen
subscribe-api-maintenance = Alle Wartungsfenster
subscribe-api-uptime = Verfügbarkeit und Tagesbalken
subscribe-badges-heading = Abzeichen
subscribe-badges-intro = Ein Bild des aktuellen Status, für eine README oder eine Webseite.
subscribe-badge-alt = Der aktuelle Status als Abzeichen
# $format_html: the name of a format, "Markdown" or "HTML", shown as code.
subscribe-snippet = { $format_html }-Code
subscribe-embed-heading = Auf Ihrer Website einbinden
subscribe-embed-script = Mit einem Skript: Ein kleines Banner erscheint unten auf Ihren Seiten nur, solange etwas nicht stimmt oder gewartet wird, mit einem Link hierher. Besucher können es schließen.
subscribe-embed-iframe = Ohne Skripte: ein Rahmen, der den aktuellen Status zeigt, Stand der letzten Aktualisierung dieser Seite.
embed-link = Zur Statusseite
embed-dismiss = Schließen
embed-label = Zustand der Dienste
embed-frame-title = Zustand der Dienste: { $site }
## home
bar-state-for = { $status } für { $duration }
bar-counted-down = als { $duration } Ausfallzeit gezählt
bar-not-counted = nicht als Ausfallzeit gezählt
component-incidents-maintenance = Störungen und Wartungen
local-time-yours = Zeiten in Ihrer Zeitzone: { $zone }.
local-time-show-site = Zeiten in { $zone } anzeigen
local-time-show-yours = Zeiten in Ihrer Zeitzone anzeigen ({ $zone })
