# Français.

## Statuts des composants
status-no-data = Pas encore de données
status-operational = Opérationnel
status-under-maintenance = En maintenance
status-degraded-performance = Performances dégradées
status-partial-outage = Panne partielle
status-major-outage = Panne majeure
status-notice = Avis
status-maintenance = Maintenance
status-no-data-day = Pas de données

## Bandeau de la page d’accueil
banner-no-data = Pas encore de données
banner-operational = Tous les systèmes sont opérationnels
banner-under-maintenance = Maintenance en cours
banner-degraded-performance = Performances dégradées
banner-partial-outage = Panne partielle
banner-major-outage = Panne majeure

## Phases
phase-ongoing = En cours
phase-resolved = Résolu
phase-upcoming = À venir
phase-in-progress = En cours
phase-completed = Terminée

## Statut d’une mise à jour
update-investigating = Analyse en cours
update-identified = Cause identifiée
update-monitoring = Sous surveillance
update-resolved = Résolu
update-postmortem = Analyse post-incident
update-scheduled = Planifiée
update-in-progress = En cours
update-completed = Terminée
update-update = Mise à jour

## Durées
duration-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
duration-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
duration-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
duration-pair = { $larger } { $smaller }
duration-under-a-minute = moins d’une minute
duration-so-far = { $duration } jusqu’ici

## Disponibilité
percent = { $value } %
uptime-value-no-data = pas de données
uptime-value-no-data-yet = pas encore de données
uptime-figure = { $percent } de disponibilité { $days ->
    [one] le dernier jour
   *[other] sur les { $days } derniers jours
}
uptime-no-data = Disponibilité : pas de données
uptime-no-data-yet = Disponibilité : pas encore de données
uptime-window = { $days ->
    [one] Dernier jour
   *[other] { $days } derniers jours
}

## Barres quotidiennes
bars-label = { $component } : état quotidien, du plus ancien au plus récent
bars-days-ago = { $days ->
    [one] il y a 1 jour
   *[other] il y a { $days } jours
}
bars-today = Aujourd’hui
bar-day = { $date } : { $status }
bar-downtime = { $duration } d’indisponibilité
bar-no-downtime = aucune indisponibilité
bar-incidents = { $count ->
    [one] { $count } incident
   *[other] { $count } incidents
}
list-separator = {", "}

## Toutes les pages
skip-to-content = Aller au contenu
nav-label = Site
nav-status = État
nav-history = Historique
nav-language = Langue
footer-status-as-of = État au { $time_html }.
footer-time-zone = Les heures sont indiquées dans le fuseau { $zone }.
footer-follow = Suivre les mises à jour :
footer-mirrors = Aussi disponible sur :

## Page d’accueil
front-as-of = État au { $time_html }
front-ongoing = Incidents en cours
front-maintenance = Maintenance
front-notices = Avis
front-pinned = Épinglés
front-components = Composants
front-recent = Historique récent
front-no-past = Aucun incident passé.
front-full-history = Historique complet

## Cartes et lignes d’incidents
card-scheduled = Prévue du { $start_html } au { $end_html } ({ $duration })
card-window = Du { $start_html } au { $end_html } ({ $duration })
card-since = Depuis le { $start_html } ({ $duration } jusqu’ici)
affects = Concerne : { $components_html }
row-after = { $phase } après { $duration }

## Page d’un incident
incident-kind-incident = Incident
incident-kind-maintenance = Maintenance
incident-type = Type
incident-severity = Gravité
incident-scheduled-start = Début prévu
incident-began = Début
incident-scheduled-end = Fin prévue
incident-resolved = Résolu le
incident-not-resolved = Pas encore résolu
incident-duration = Durée
incident-affected = Composants concernés
incident-updates = Mises à jour
incident-no-updates = Aucune mise à jour pour l’instant.
incident-details = Détails
incident-all = Tous les incidents

## Historique
history-title = Historique
history-title-page = Historique, page { $page }
history-intro = Incidents et maintenances, du plus récent au plus ancien ({ $count } au total).
history-intro-page = Page { $current } sur { $total }.
history-empty = Rien ne s’est encore produit.
history-pages = Pages de l’historique
history-newer = ← Plus récents
history-older = Plus anciens →
history-page-of = Page { $current } sur { $total }

## Page d’un composant
component-current = État actuel : { $status_html }
component-uptime = Disponibilité
component-incidents = Incidents
component-title-page = { $component }, page { $page }
component-pages = Pages des incidents de { $component }
component-no-incidents = Aucun incident enregistré pour { $component }.
component-feed = Flux RSS de { $component }

## Page 404
not-found-title = Page introuvable
not-found-text = Il n’y a aucune page à cette adresse : elle a peut-être été déplacée, ou le lien est mal saisi.
not-found-status-link = Voir l’état actuel
not-found-history-link = consulter les incidents passés
not-found-next = { $status_html } ou { $history_html }.

## Avis de page périmée
stale-minutes = { $count ->
    [one] Dernière mise à jour il y a { $count } minute ; cette page n’est peut-être plus à jour.
   *[other] Dernière mise à jour il y a { $count } minutes ; cette page n’est peut-être plus à jour.
}
stale-hours = { $count ->
    [one] Dernière mise à jour il y a { $count } heure ; cette page n’est peut-être plus à jour.
   *[other] Dernière mise à jour il y a { $count } heures ; cette page n’est peut-être plus à jour.
}
stale-days = { $count ->
    [one] Dernière mise à jour il y a { $count } jour ; cette page n’est peut-être plus à jour.
   *[other] Dernière mise à jour il y a { $count } jours ; cette page n’est peut-être plus à jour.
}
stale-mirrors = Essayez une autre copie : { $mirrors }.

## Flux
feed-description = Incidents et maintenances de { $site }
feed-component-description = Incidents et maintenances concernant { $component }
feed-item-title = [{ $label }] { $title }
feed-scheduled = Prévue : { $start_html }
feed-scheduled-until = Prévue : du { $start_html } au { $end_html }
feed-started = Début : { $start_html }
feed-resolved = Résolu : { $end_html }
feed-timeline = Chronologie
feed-updates-title = { $site } : toutes les mises à jour
feed-updates-description = Chaque mise à jour des incidents et maintenances de { $site }, dès sa publication

## Calendrier des maintenances
calendar-name = { $site } : maintenances
calendar-summary = Maintenance : { $title }
calendar-affects = Concerne : { $components }

## Badges
badge-label = état
badge-no-data = pas encore de données
badge-operational = opérationnel
badge-under-maintenance = en maintenance
badge-degraded-performance = performances dégradées
badge-partial-outage = panne partielle
badge-major-outage = panne majeure

## Notifications
notify-new-incident = Nouvel incident : { $title }
notify-update = Mise à jour : { $title }
notify-resolved = Résolu : { $title }
notify-postmortem = Analyse post-incident : { $title }
notify-maintenance-scheduled = Maintenance planifiée : { $title }
notify-maintenance-started = Maintenance commencée : { $title }
notify-maintenance-completed = Maintenance terminée : { $title }
notify-maintenance-reminder = La maintenance commence dans { $duration } : { $title }
notify-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
notify-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
notify-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
notify-status-change = Changement d’état : { $component } est maintenant { $status }
notify-severity = Gravité : { $severity }
notify-affected = Concerne : { $components }
notify-when = Quand : du { $start } au { $end } ({ $zone })
notify-when-from = Quand : à partir du { $start } ({ $zone })
notify-details = Détails : { $url }
notify-link = Voir sur la page d’état
notify-now-operational = opérationnel
notify-now-degraded = dégradé
notify-now-partial = partiellement hors service
notify-now-major = hors service
notify-now-maintenance = en maintenance

## Response times (beacon probe) on a probed component's page; "ms" stays as it is.
latency-heading = Temps de réponse
# $time: when the component was last checked.
latency-last-check = Dernière vérification : { $time }
# The chart's accessible name.
latency-chart-label = { $component } : temps de réponse quotidien sur les { $days } derniers jours, médiane et 95e centile
latency-legend = Trait plein : médiane du jour ; tirets : 95e centile.
# The chart's figures in words (its text alternative).
latency-summary = Sur les { $days } derniers jours, la journée médiane a pris { $median } ms et le pire 95e centile a été de { $worst } ms, sur { $checks ->
    [one] { $checks } vérification
   *[other] { $checks } vérifications
}. Le { $date } : médiane { $latest_median } ms, 95e centile { $latest_p95 } ms.
latency-no-data = Aucun temps de réponse mesuré pour l’instant.
# The label of the response-time badge (shields.io endpoint).
badge-latency-label = temps de réponse

## monthly
## Monthly uptime (components/<id>/uptime/) and the history filters.
monthly-link = Disponibilité mois par mois
monthly-heading = Disponibilité mensuelle
monthly-title = { $component } : disponibilité mensuelle
monthly-intro = Disponibilité de chacun des { $months } derniers mois civils, du plus récent au plus ancien, dans le fuseau horaire { $timezone }. Chaque carré est un jour, coloré selon son pire état.
monthly-figure = { $percent } de disponibilité
monthly-calendar-label = Jours de { $month }
monthly-export = Les mêmes chiffres pour tous les composants, pour vos rapports de SLA :
history-filter-heading = Affiner l’historique
history-filter-search = Le titre contient
history-filter-component = Composant
history-filter-severity = Gravité
history-filter-year = Année
history-filter-any = Tous
history-filter-clear = Tout afficher
# The history filter's live result count.
history-filter-results = { $count ->
    [one] { $count } entrée correspond
   *[other] { $count } entrées correspondent
}
history-filter-none = Aucune entrée ne correspond à ces filtres.
## subscribe
# The subscribe page (subscribe/), the header button, and the embed (embed.js, embed/).
nav-subscribe = S'abonner
subscribe-title = S'abonner aux mises à jour
subscribe-intro = Suivez cette page comme il vous convient : un fil, votre agenda, un canal que vous lisez déjà ou vos propres outils. Aucun ne demande de compte.
subscribe-toc = Sur cette page
subscribe-feeds-heading = Fils de syndication
subscribe-feeds-intro = Ajoutez un fil à n'importe quel lecteur : un article par incident ou fenêtre de maintenance, ou un article par mise à jour.
subscribe-feed-incidents = Incidents et maintenances
subscribe-feed-updates = Chaque mise à jour
subscribe-component-feeds = Les incidents d'un seul composant
subscribe-calendar-heading = Agenda
subscribe-calendar-intro = Les maintenances prévues dans votre application d'agenda, tenues à jour par l'application elle-même.
subscribe-calendar-webcal = S'abonner dans votre application d'agenda
subscribe-calendar-ics = Télécharger le fichier d'agenda (.ics)
subscribe-calendar-url = Ou ajoutez cette adresse à votre agenda à la main :
subscribe-channels-heading = Canaux
subscribe-channels-intro = L'équipe publie aussi des nouvelles des services ici :
channel-phone = Ligne téléphonique
channel-sms = Messages texte
channel-email = Liste de diffusion
channel-web = Site Web
subscribe-api-heading = API JSON
subscribe-api-intro = Pour les scripts et les tableaux de bord : les mêmes données au format de l'API { $api_html }, lisibles depuis n'importe quel site Web.
subscribe-api-summary = Tout à la fois : état, composants, incidents en cours, maintenances
subscribe-api-status = L'état général
subscribe-api-components = Les composants et leur état
subscribe-api-unresolved = Incidents en cours
subscribe-api-incidents = Tous les incidents
subscribe-api-maintenance = Toutes les fenêtres de maintenance
subscribe-api-uptime = Disponibilité et barres quotidiennes
subscribe-badges-heading = Badges d’état
subscribe-badges-intro = Une image de l'état actuel, pour un README ou une page Web.
subscribe-badge-alt = L'état actuel, sous forme de badge
# $format_html: the name of a format, "Markdown" or "HTML", shown as code.
subscribe-snippet = Extrait { $format_html }
subscribe-embed-heading = Intégrer à votre site
subscribe-embed-script = Avec un script : un petit bandeau apparaît au bas de vos pages seulement quand quelque chose ne va pas ou qu'une maintenance est en cours, avec un lien vers cette page. Les visiteurs peuvent le fermer.
subscribe-embed-iframe = Sans script : un cadre qui montre l'état actuel, à la dernière mise à jour de cette page.
embed-link = Voir la page d'état
embed-dismiss = Fermer
embed-label = État des services
embed-frame-title = État des services : { $site }
## home
bar-state-for = { $status } pendant { $duration }
bar-counted-down = compté comme { $duration } d’indisponibilité
bar-not-counted = non compté comme indisponibilité
component-incidents-maintenance = Incidents et maintenances
local-time-yours = Les heures sont indiquées dans votre fuseau, { $zone }.
local-time-show-site = Afficher les heures du fuseau { $zone }
local-time-show-yours = Afficher les heures dans votre fuseau ({ $zone })
