# Italiano.

## Stato dei componenti
status-no-data = Ancora nessun dato
status-operational = Operativo
status-under-maintenance = In manutenzione
status-degraded-performance = Prestazioni ridotte
status-partial-outage = Interruzione parziale
status-major-outage = Interruzione grave
status-notice = Avviso
status-maintenance = Manutenzione
status-no-data-day = Nessun dato

## Banner della pagina iniziale
banner-no-data = Ancora nessun dato
banner-operational = Tutti i sistemi sono operativi
banner-under-maintenance = Manutenzione in corso
banner-degraded-performance = Prestazioni ridotte
banner-partial-outage = Interruzione parziale
banner-major-outage = Interruzione grave

## Fasi
phase-ongoing = In corso
phase-resolved = Risolto
phase-upcoming = Programmata
phase-in-progress = In corso
phase-completed = Completata

## Stato di un aggiornamento
update-investigating = Indagine in corso
update-identified = Causa individuata
update-monitoring = Sotto osservazione
update-resolved = Risolto
update-postmortem = Analisi post-incidente
update-scheduled = Programmata
update-in-progress = In corso
update-completed = Completata
update-update = Aggiornamento

## Durate
duration-days = { $count ->
    [one] { $count } giorno
   *[other] { $count } giorni
}
duration-hours = { $count ->
    [one] { $count } ora
   *[other] { $count } ore
}
duration-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minuti
}
duration-pair = { $larger } e { $smaller }
duration-under-a-minute = meno di un minuto
duration-so-far = { $duration } finora

## Disponibilità
percent = { $value }%
uptime-value-no-data = nessun dato
uptime-value-no-data-yet = ancora nessun dato
uptime-figure = { $percent } di disponibilità { $days ->
    [one] nell’ultimo giorno
   *[other] negli ultimi { $days } giorni
}
uptime-no-data = Disponibilità: nessun dato
uptime-no-data-yet = Disponibilità: ancora nessun dato
uptime-window = { $days ->
    [one] Ultimo giorno
   *[other] Ultimi { $days } giorni
}

## Barre giornaliere
bars-label = { $component }: stato giornaliero, dal più vecchio al più recente
bars-days-ago = { $days ->
    [one] 1 giorno fa
   *[other] { $days } giorni fa
}
bars-today = Oggi
bar-day = { $date }: { $status }
bar-downtime = { $duration } di disservizio
bar-no-downtime = nessun disservizio
bar-incidents = { $count ->
    [one] { $count } incidente
   *[other] { $count } incidenti
}
list-separator = {", "}

## Tutte le pagine
skip-to-content = Vai al contenuto
nav-label = Sito
nav-status = Stato
nav-history = Cronologia
nav-language = Lingua
footer-status-as-of = Stato al { $time_html }.
footer-time-zone = Gli orari sono indicati nel fuso { $zone }.
footer-follow = Segui gli aggiornamenti:
footer-mirrors = Disponibile anche su:

## Pagina iniziale
front-as-of = Stato al { $time_html }
front-ongoing = Incidenti in corso
front-maintenance = Manutenzione
front-notices = Avvisi
front-pinned = In evidenza
front-components = Componenti
front-recent = Cronologia recente
front-no-past = Nessun incidente precedente.
front-full-history = Cronologia completa

## Schede e righe
card-scheduled = Programmata dal { $start_html } al { $end_html } ({ $duration })
card-window = Dal { $start_html } al { $end_html } ({ $duration })
card-since = Dal { $start_html } ({ $duration } finora)
affects = Interessa: { $components_html }
row-after = { $phase } dopo { $duration }

## Pagina di un incidente
incident-kind-incident = Incidente
incident-kind-maintenance = Manutenzione
incident-type = Tipo
incident-severity = Gravità
incident-scheduled-start = Inizio previsto
incident-began = Inizio
incident-scheduled-end = Fine prevista
incident-resolved = Risolto
incident-not-resolved = Non ancora risolto
incident-duration = Durata
incident-affected = Componenti interessati
incident-updates = Aggiornamenti
incident-no-updates = Ancora nessun aggiornamento.
incident-details = Dettagli
incident-all = Tutti gli incidenti

## Cronologia
history-title = Cronologia
history-title-page = Cronologia, pagina { $page }
history-intro = Incidenti e manutenzioni, dal più recente ({ $count } in totale).
history-intro-page = Pagina { $current } di { $total }.
history-empty = Non è ancora successo nulla.
history-pages = Pagine della cronologia
history-newer = ← Più recenti
history-older = Meno recenti →
history-page-of = Pagina { $current } di { $total }

## Pagina di un componente
component-current = Stato attuale: { $status_html }
component-uptime = Disponibilità
component-incidents = Incidenti
component-title-page = { $component }, pagina { $page }
component-pages = Pagine degli incidenti di { $component }
component-no-incidents = Nessun incidente registrato per { $component }.
component-feed = Feed RSS di { $component }

## Pagina 404
not-found-title = Pagina non trovata
not-found-text = A questo indirizzo non c’è nessuna pagina: potrebbe essere stata spostata, oppure il link è errato.
not-found-status-link = Vedi lo stato attuale
not-found-history-link = consulta gli incidenti passati
not-found-next = { $status_html } o { $history_html }.

## Avviso di pagina non aggiornata
stale-minutes = { $count ->
    [one] Ultimo aggiornamento { $count } minuto fa; questa pagina potrebbe non essere aggiornata.
   *[other] Ultimo aggiornamento { $count } minuti fa; questa pagina potrebbe non essere aggiornata.
}
stale-hours = { $count ->
    [one] Ultimo aggiornamento { $count } ora fa; questa pagina potrebbe non essere aggiornata.
   *[other] Ultimo aggiornamento { $count } ore fa; questa pagina potrebbe non essere aggiornata.
}
stale-days = { $count ->
    [one] Ultimo aggiornamento { $count } giorno fa; questa pagina potrebbe non essere aggiornata.
   *[other] Ultimo aggiornamento { $count } giorni fa; questa pagina potrebbe non essere aggiornata.
}
stale-mirrors = Prova un’altra copia: { $mirrors }.

## Feed
feed-description = Incidenti e manutenzioni di { $site }
feed-component-description = Incidenti e manutenzioni che interessano { $component }
feed-item-title = [{ $label }] { $title }
feed-scheduled = Programmata: { $start_html }
feed-scheduled-until = Programmata: dal { $start_html } al { $end_html }
feed-started = Inizio: { $start_html }
feed-resolved = Risolto: { $end_html }
feed-timeline = Cronologia degli aggiornamenti
feed-updates-title = { $site }: tutti gli aggiornamenti
feed-updates-description = Ogni aggiornamento su incidenti e manutenzioni di { $site }, appena pubblicato

## Calendario delle manutenzioni
calendar-name = { $site }: manutenzioni
calendar-summary = Manutenzione: { $title }
calendar-affects = Interessa: { $components }

## Badge
badge-label = stato
badge-no-data = ancora nessun dato
badge-operational = operativo
badge-under-maintenance = in manutenzione
badge-degraded-performance = prestazioni ridotte
badge-partial-outage = interruzione parziale
badge-major-outage = interruzione grave

## Notifiche
notify-new-incident = Nuovo incidente: { $title }
notify-update = Aggiornamento: { $title }
notify-resolved = Risolto: { $title }
notify-postmortem = Analisi post-incidente: { $title }
notify-maintenance-scheduled = Manutenzione programmata: { $title }
notify-maintenance-started = Manutenzione iniziata: { $title }
notify-maintenance-completed = Manutenzione completata: { $title }
notify-maintenance-reminder = La manutenzione inizia tra { $duration }: { $title }
notify-days = { $count ->
    [one] { $count } giorno
   *[other] { $count } giorni
}
notify-hours = { $count ->
    [one] { $count } ora
   *[other] { $count } ore
}
notify-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minuti
}
notify-status-change = Cambio di stato: { $component } ora è { $status }
notify-severity = Gravità: { $severity }
notify-affected = Interessa: { $components }
notify-when = Quando: dal { $start } al { $end } ({ $zone })
notify-when-from = Quando: dal { $start } ({ $zone })
notify-details = Dettagli: { $url }
notify-link = Vedi sulla pagina di stato
notify-now-operational = operativo
notify-now-degraded = con prestazioni ridotte
notify-now-partial = parzialmente non disponibile
notify-now-major = non disponibile
notify-now-maintenance = in manutenzione

## Response times (beacon probe) on a probed component's page; "ms" stays as it is.
latency-heading = Tempo di risposta
# $time: when the component was last checked.
latency-last-check = Ultimo controllo: { $time }
# The chart's accessible name.
latency-chart-label = { $component }: tempo di risposta giornaliero degli ultimi { $days } giorni, mediana e 95° percentile
latency-legend = Linea continua: mediana giornaliera; linea tratteggiata: 95° percentile.
# The chart's figures in words (its text alternative).
latency-summary = Negli ultimi { $days } giorni, il giorno mediano ha impiegato { $median } ms e il peggior 95° percentile è stato di { $worst } ms, su { $checks ->
    [one] { $checks } controllo
   *[other] { $checks } controlli
}. Il { $date }: mediana { $latest_median } ms, 95° percentile { $latest_p95 } ms.
latency-no-data = Nessun tempo di risposta ancora misurato.
# The label of the response-time badge (shields.io endpoint).
badge-latency-label = tempo di risposta

## monthly
## Monthly uptime (components/<id>/uptime/) and the history filters.
monthly-link = Disponibilità mese per mese
monthly-heading = Disponibilità mensile
monthly-title = { $component }: disponibilità mensile
monthly-intro = Disponibilità in ciascuno degli ultimi { $months } mesi di calendario, dal più recente, nel fuso orario { $timezone }. Ogni quadrato è un giorno, colorato secondo il suo stato peggiore.
monthly-figure = { $percent } di disponibilità
monthly-calendar-label = Giorni di { $month }
monthly-export = Gli stessi dati per tutti i componenti, per i report SLA:
history-filter-heading = Restringi la cronologia
history-filter-search = Il titolo contiene
history-filter-component = Componente
history-filter-severity = Gravità
history-filter-year = Anno
history-filter-any = Tutti
history-filter-clear = Mostra tutto
# The history filter's live result count.
history-filter-results = { $count ->
    [one] { $count } voce corrisponde
   *[other] { $count } voci corrispondono
}
history-filter-none = Nessuna voce corrisponde a questi filtri.
## subscribe
# The subscribe page (subscribe/), the header button, and the embed (embed.js, embed/).
nav-subscribe = Iscriviti
subscribe-title = Iscriviti agli aggiornamenti
subscribe-intro = Segui questa pagina nel modo che preferisci: un feed, il tuo calendario, un canale che leggi già o i tuoi strumenti. Nessuno richiede un account.
subscribe-toc = In questa pagina
subscribe-feeds-heading = Feed
subscribe-feeds-intro = Aggiungi un feed a qualsiasi lettore: una voce per ogni incidente o finestra di manutenzione, oppure una voce per ogni aggiornamento.
subscribe-feed-incidents = Incidenti e manutenzioni
subscribe-feed-updates = Ogni aggiornamento
subscribe-component-feeds = Gli incidenti di un solo componente
subscribe-calendar-heading = Calendario
subscribe-calendar-intro = Le manutenzioni programmate nella tua app di calendario, tenute aggiornate dall'app stessa.
subscribe-calendar-webcal = Iscriviti nella tua app di calendario
subscribe-calendar-ics = Scarica il file del calendario (.ics)
subscribe-calendar-url = Oppure aggiungi a mano questo indirizzo al tuo calendario:
subscribe-channels-heading = Canali
subscribe-channels-intro = Il team pubblica notizie sui servizi anche qui:
channel-phone = Linea telefonica
channel-sms = Messaggi SMS
channel-email = Lista di posta
channel-web = Sito web
subscribe-api-heading = API JSON
subscribe-api-intro = Per script e cruscotti: gli stessi dati nel formato dell'API { $api_html }, leggibili da qualsiasi sito web.
subscribe-api-summary = Tutto insieme: stato, componenti, incidenti aperti, manutenzioni
subscribe-api-status = Lo stato generale
subscribe-api-components = I componenti e il loro stato
subscribe-api-unresolved = Incidenti aperti
subscribe-api-incidents = Tutti gli incidenti
subscribe-api-maintenance = Tutte le finestre di manutenzione
subscribe-api-uptime = Disponibilità e barre giornaliere
subscribe-badges-heading = Badge di stato
subscribe-badges-intro = Un'immagine dello stato attuale, per un README o una pagina web.
subscribe-badge-alt = Lo stato attuale, come badge
# $format_html: the name of a format, "Markdown" or "HTML", shown as code.
subscribe-snippet = Codice { $format_html }
subscribe-embed-heading = Incorpora nel tuo sito
subscribe-embed-script = Con uno script: un piccolo banner compare in fondo alle tue pagine solo mentre qualcosa non va o è in corso una manutenzione, con un link a questa pagina. I visitatori possono chiuderlo.
subscribe-embed-iframe = Senza script: un riquadro che mostra lo stato attuale, all'ultimo aggiornamento di questa pagina.
embed-link = Vai alla pagina di stato
embed-dismiss = Chiudi
embed-label = Stato dei servizi
embed-frame-title = Stato dei servizi: { $site }
## home
bar-state-for = { $status } per { $duration }
bar-counted-down = conteggiato come { $duration } di disservizio
bar-not-counted = non conteggiato come disservizio
component-incidents-maintenance = Incidenti e manutenzioni
local-time-yours = Gli orari sono indicati nel tuo fuso, { $zone }.
local-time-show-site = Mostra gli orari nel fuso { $zone }
local-time-show-yours = Mostra gli orari nel tuo fuso ({ $zone })
