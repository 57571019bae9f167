# Nederlands.

## Status van onderdelen
status-no-data = Nog geen gegevens
status-operational = Operationeel
status-under-maintenance = In onderhoud
status-degraded-performance = Verminderde prestaties
status-partial-outage = Gedeeltelijke storing
status-major-outage = Ernstige storing
status-notice = Mededeling
status-maintenance = Onderhoud
status-no-data-day = Geen gegevens

## Banner van de startpagina
banner-no-data = Nog geen gegevens
banner-operational = Alle systemen operationeel
banner-under-maintenance = Onderhoud bezig
banner-degraded-performance = Verminderde prestaties
banner-partial-outage = Gedeeltelijke storing
banner-major-outage = Ernstige storing

## Fasen
phase-ongoing = Actief
phase-resolved = Opgelost
phase-upcoming = Gepland
phase-in-progress = Bezig
phase-completed = Afgerond

## Status van een update
update-investigating = Onderzoek
update-identified = Oorzaak gevonden
update-monitoring = In de gaten gehouden
update-resolved = Opgelost
update-postmortem = Evaluatie achteraf
update-scheduled = Gepland
update-in-progress = Bezig
update-completed = Afgerond
update-update = Update

## Duur
duration-days = { $count ->
    [one] { $count } dag
   *[other] { $count } dagen
}
duration-hours = { $count ->
    [one] { $count } uur
   *[other] { $count } uur
}
duration-minutes = { $count ->
    [one] { $count } minuut
   *[other] { $count } minuten
}
duration-pair = { $larger } en { $smaller }
duration-under-a-minute = minder dan een minuut
duration-so-far = tot nu toe { $duration }

## Beschikbaarheid
percent = { $value }%
uptime-value-no-data = geen gegevens
uptime-value-no-data-yet = nog geen gegevens
uptime-figure = { $percent } beschikbaar { $days ->
    [one] op de laatste dag
   *[other] in de laatste { $days } dagen
}
uptime-no-data = Beschikbaarheid: geen gegevens
uptime-no-data-yet = Beschikbaarheid: nog geen gegevens
uptime-window = { $days ->
    [one] Laatste dag
   *[other] Laatste { $days } dagen
}

## Dagbalken
bars-label = { $component }: status per dag, oudste eerst
bars-days-ago = { $days ->
    [one] 1 dag geleden
   *[other] { $days } dagen geleden
}
bars-today = Vandaag
bar-day = { $date }: { $status }
bar-downtime = { $duration } onbeschikbaar
bar-no-downtime = geen onderbreking
bar-incidents = { $count ->
    [one] { $count } storing
   *[other] { $count } storingen
}
list-separator = {", "}

## Elke pagina
skip-to-content = Naar de inhoud
nav-label = Website
nav-status = Status
nav-history = Geschiedenis
nav-language = Taal
footer-status-as-of = Status op { $time_html }.
footer-time-zone = Tijden staan in de tijdzone { $zone }.
footer-follow = Volg de updates:
footer-mirrors = Ook beschikbaar op:

## Startpagina
front-as-of = Status op { $time_html }
front-ongoing = Actieve storingen
front-maintenance = Onderhoud
front-notices = Mededelingen
front-pinned = Vastgezet
front-components = Onderdelen
front-recent = Recente geschiedenis
front-no-past = Geen eerdere storingen.
front-full-history = Volledige geschiedenis

## Kaarten en regels
card-scheduled = Gepland van { $start_html } tot { $end_html } ({ $duration })
card-window = { $start_html } tot { $end_html } ({ $duration })
card-since = Sinds { $start_html } (tot nu toe { $duration })
affects = Betreft: { $components_html }
row-after = { $phase } na { $duration }

## Pagina van een storing
incident-kind-incident = Storing
incident-kind-maintenance = Onderhoud
incident-type = Soort
incident-severity = Ernst
incident-scheduled-start = Geplande start
incident-began = Begonnen
incident-scheduled-end = Gepland einde
incident-resolved = Opgelost
incident-not-resolved = Nog niet opgelost
incident-duration = Duur
incident-affected = Getroffen onderdelen
incident-updates = Updates
incident-no-updates = Nog geen updates.
incident-details = Details
incident-all = Alle storingen

## Geschiedenis
history-title = Geschiedenis
history-title-page = Geschiedenis, pagina { $page }
history-intro = Storingen en onderhoud, nieuwste eerst ({ $count } in totaal).
history-intro-page = Pagina { $current } van { $total }.
history-empty = Er is nog niets gebeurd.
history-pages = Pagina’s van de geschiedenis
history-newer = ← Nieuwer
history-older = Ouder →
history-page-of = Pagina { $current } van { $total }

## Pagina van een onderdeel
component-current = Huidige status: { $status_html }
component-uptime = Beschikbaarheid
component-incidents = Storingen
component-title-page = { $component }, pagina { $page }
component-pages = Pagina’s met storingen van { $component }
component-no-incidents = Geen storingen geregistreerd voor { $component }.
component-feed = RSS-feed voor { $component }

## Pagina 404
not-found-title = Pagina niet gevonden
not-found-text = Op dit adres staat geen pagina: misschien is ze verplaatst, of is de link verkeerd getypt.
not-found-status-link = Bekijk de huidige status
not-found-history-link = blader door eerdere storingen
not-found-next = { $status_html } of { $history_html }.

## Melding van een verouderde pagina
stale-minutes = { $count ->
    [one] Laatst bijgewerkt { $count } minuut geleden; deze pagina is mogelijk niet actueel.
   *[other] Laatst bijgewerkt { $count } minuten geleden; deze pagina is mogelijk niet actueel.
}
stale-hours = { $count ->
    [one] Laatst bijgewerkt { $count } uur geleden; deze pagina is mogelijk niet actueel.
   *[other] Laatst bijgewerkt { $count } uur geleden; deze pagina is mogelijk niet actueel.
}
stale-days = { $count ->
    [one] Laatst bijgewerkt { $count } dag geleden; deze pagina is mogelijk niet actueel.
   *[other] Laatst bijgewerkt { $count } dagen geleden; deze pagina is mogelijk niet actueel.
}
stale-mirrors = Probeer een andere kopie: { $mirrors }.

## Feeds
feed-description = Storingen en onderhoud van { $site }
feed-component-description = Storingen en onderhoud die { $component } betreffen
feed-item-title = [{ $label }] { $title }
feed-scheduled = Gepland: { $start_html }
feed-scheduled-until = Gepland: { $start_html } tot { $end_html }
feed-started = Begonnen: { $start_html }
feed-resolved = Opgelost: { $end_html }
feed-timeline = Tijdlijn
feed-updates-title = { $site }: alle updates
feed-updates-description = Elke update over storingen en onderhoud van { $site }, zodra die verschijnt

## Onderhoudsagenda
calendar-name = { $site }: onderhoud
calendar-summary = Onderhoud: { $title }
calendar-affects = Betreft: { $components }

## Badges
badge-label = status
badge-no-data = nog geen gegevens
badge-operational = operationeel
badge-under-maintenance = in onderhoud
badge-degraded-performance = verminderde prestaties
badge-partial-outage = gedeeltelijke storing
badge-major-outage = ernstige storing

## Meldingen
notify-new-incident = Nieuwe storing: { $title }
notify-update = Update: { $title }
notify-resolved = Opgelost: { $title }
notify-postmortem = Evaluatie achteraf: { $title }
notify-maintenance-scheduled = Onderhoud gepland: { $title }
notify-maintenance-started = Onderhoud begonnen: { $title }
notify-maintenance-completed = Onderhoud afgerond: { $title }
notify-maintenance-reminder = Onderhoud begint over { $duration }: { $title }
notify-days = { $count ->
    [one] { $count } dag
   *[other] { $count } dagen
}
notify-hours = { $count ->
    [one] { $count } uur
   *[other] { $count } uur
}
notify-minutes = { $count ->
    [one] { $count } minuut
   *[other] { $count } minuten
}
notify-status-change = Statuswijziging: { $component } is nu { $status }
notify-severity = Ernst: { $severity }
notify-affected = Betreft: { $components }
notify-when = Wanneer: { $start } tot { $end } ({ $zone })
notify-when-from = Wanneer: vanaf { $start } ({ $zone })
notify-details = Details: { $url }
notify-link = Bekijk op de statuspagina
notify-now-operational = operationeel
notify-now-degraded = verminderd
notify-now-partial = gedeeltelijk onbereikbaar
notify-now-major = onbereikbaar
notify-now-maintenance = in onderhoud

## Response times (beacon probe) on a probed component's page; "ms" stays as it is.
latency-heading = Reactietijd
# $time: when the component was last checked.
latency-last-check = Laatst gecontroleerd: { $time }
# The chart's accessible name.
latency-chart-label = { $component }: dagelijkse reactietijd over de laatste { $days } dagen, mediaan en 95e percentiel
latency-legend = Doorgetrokken lijn: mediaan per dag; stippellijn: 95e percentiel.
# The chart's figures in words (its text alternative).
latency-summary = In de laatste { $days } dagen duurde de mediane dag { $median } ms en was het hoogste 95e percentiel { $worst } ms, uit { $checks ->
    [one] { $checks } controle
   *[other] { $checks } controles
}. Op { $date }: mediaan { $latest_median } ms, 95e percentiel { $latest_p95 } ms.
latency-no-data = Nog geen reactietijd gemeten.
# The label of the response-time badge (shields.io endpoint).
badge-latency-label = reactietijd

## monthly
## Monthly uptime (components/<id>/uptime/) and the history filters.
monthly-link = Beschikbaarheid per maand
monthly-heading = Maandelijkse beschikbaarheid
monthly-title = { $component }: maandelijkse beschikbaarheid
monthly-intro = Beschikbaarheid in elk van de laatste { $months } kalendermaanden, nieuwste eerst, in de tijdzone { $timezone }. Elk vierkant is een dag, gekleurd naar de slechtste status van die dag.
monthly-figure = { $percent } beschikbaar
monthly-calendar-label = Dagen van { $month }
monthly-export = Dezelfde cijfers voor alle onderdelen, voor SLA-rapportages:
history-filter-heading = Geschiedenis verfijnen
history-filter-search = Titel bevat
history-filter-component = Onderdeel
history-filter-severity = Ernst
history-filter-year = Jaar
history-filter-any = Alle
history-filter-clear = Alles tonen
# The history filter's live result count.
history-filter-results = { $count ->
    [one] { $count } item komt overeen
   *[other] { $count } items komen overeen
}
history-filter-none = Geen enkel item komt overeen met deze filters.
## subscribe
# The subscribe page (subscribe/), the header button, and the embed (embed.js, embed/).
nav-subscribe = Abonneren
subscribe-title = Abonneren op updates
subscribe-intro = Volg deze pagina zoals het u uitkomt: een feed, uw agenda, een kanaal dat u al leest of uw eigen hulpmiddelen. Geen daarvan vraagt om een account.
subscribe-toc = Op deze pagina
subscribe-feeds-heading = Feeds
subscribe-feeds-intro = Voeg een feed toe aan elke feedlezer: één bericht per storing of onderhoudsvenster, of één bericht per update.
subscribe-feed-incidents = Storingen en onderhoud
subscribe-feed-updates = Elke update
subscribe-component-feeds = De storingen van één onderdeel
subscribe-calendar-heading = Agenda
subscribe-calendar-intro = Gepland onderhoud in uw agenda-app, door de app zelf bijgehouden.
subscribe-calendar-webcal = Abonneren in uw agenda-app
subscribe-calendar-ics = Het agendabestand ophalen (.ics)
subscribe-calendar-url = Of voeg dit adres met de hand aan uw agenda toe:
subscribe-channels-heading = Kanalen
subscribe-channels-intro = Het team plaatst ook hier nieuws over de diensten:
channel-phone = Telefoonlijn
channel-sms = Sms-berichten
channel-email = Mailinglijst
channel-web = Website met nieuws
subscribe-api-heading = JSON-API
subscribe-api-intro = Voor scripts en dashboards: dezelfde gegevens in de vorm van de { $api_html }-API, leesbaar vanaf elke website.
subscribe-api-summary = Alles tegelijk: status, onderdelen, open storingen, onderhoud
subscribe-api-status = De algemene status
subscribe-api-components = De onderdelen en hun status
subscribe-api-unresolved = Open storingen
subscribe-api-incidents = Alle storingen
subscribe-api-maintenance = Alle onderhoudsvensters
subscribe-api-uptime = Beschikbaarheid en dagbalken
subscribe-badges-heading = Badges met status
subscribe-badges-intro = Een afbeelding van de huidige status, voor een README of een webpagina.
subscribe-badge-alt = De huidige status, als badge
# $format_html: the name of a format, "Markdown" or "HTML", shown as code.
subscribe-snippet = { $format_html }-code
subscribe-embed-heading = Insluiten op uw website
subscribe-embed-script = Met een script: onderaan uw pagina's verschijnt een kleine balk, alleen zolang er iets mis is of er onderhoud is, met een link naar deze pagina. Bezoekers kunnen hem sluiten.
subscribe-embed-iframe = Zonder scripts: een kader met de huidige status, volgens de laatste update van deze pagina.
embed-link = Naar de statuspagina
embed-dismiss = Sluiten
embed-label = Status van de diensten
embed-frame-title = Status van de diensten: { $site }
## home
bar-state-for = { $status } gedurende { $duration }
bar-counted-down = geteld als { $duration } onbeschikbaar
bar-not-counted = niet geteld als onbeschikbaar
component-incidents-maintenance = Storingen en onderhoud
local-time-yours = Tijden staan in uw tijdzone, { $zone }.
local-time-show-site = Tijden tonen in { $zone }
local-time-show-yours = Tijden tonen in uw tijdzone ({ $zone })
