# Español.

## Estado de los componentes
status-no-data = Aún sin datos
status-operational = Operativo
status-under-maintenance = En mantenimiento
status-degraded-performance = Rendimiento degradado
status-partial-outage = Interrupción parcial
status-major-outage = Interrupción grave
status-notice = Aviso
status-maintenance = Mantenimiento
status-no-data-day = Sin datos

## Banner de la portada
banner-no-data = Aún sin datos
banner-operational = Todos los sistemas operativos
banner-under-maintenance = Mantenimiento en curso
banner-degraded-performance = Rendimiento degradado
banner-partial-outage = Interrupción parcial
banner-major-outage = Interrupción grave

## Fases
phase-ongoing = En curso
phase-resolved = Resuelto
phase-upcoming = Próximo
phase-in-progress = En curso
phase-completed = Finalizado

## Estado de una actualización
update-investigating = Investigando
update-identified = Identificado
update-monitoring = En observación
update-resolved = Resuelto
update-postmortem = Análisis posterior
update-scheduled = Programado
update-in-progress = En curso
update-completed = Finalizado
update-update = Actualización

## Duraciones
duration-days = { $count ->
    [one] { $count } día
   *[other] { $count } días
}
duration-hours = { $count ->
    [one] { $count } hora
   *[other] { $count } horas
}
duration-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
duration-pair = { $larger } y { $smaller }
duration-under-a-minute = menos de un minuto
duration-so-far = { $duration } hasta ahora

## Disponibilidad
percent = { $value } %
uptime-value-no-data = sin datos
uptime-value-no-data-yet = aún sin datos
uptime-figure = { $percent } de disponibilidad { $days ->
    [one] el último día
   *[other] en los últimos { $days } días
}
uptime-no-data = Disponibilidad: sin datos
uptime-no-data-yet = Disponibilidad: aún sin datos
uptime-window = { $days ->
    [one] Último día
   *[other] Últimos { $days } días
}

## Barras diarias
bars-label = { $component }: estado diario, del más antiguo al más reciente
bars-days-ago = { $days ->
    [one] hace 1 día
   *[other] hace { $days } días
}
bars-today = Hoy
bar-day = { $date }: { $status }
bar-downtime = { $duration } sin servicio
bar-no-downtime = sin interrupciones
bar-incidents = { $count ->
    [one] { $count } incidente
   *[other] { $count } incidentes
}
list-separator = {", "}

## Todas las páginas
skip-to-content = Saltar al contenido
nav-label = Sitio
nav-status = Estado
nav-history = Historial
nav-language = Idioma
footer-status-as-of = Estado a { $time_html }.
footer-time-zone = Las horas se muestran en la zona horaria { $zone }.
footer-follow = Seguir las actualizaciones:
footer-mirrors = También disponible en:

## Portada
front-as-of = Estado a { $time_html }
front-ongoing = Incidentes en curso
front-maintenance = Mantenimiento
front-notices = Avisos
front-pinned = Destacados
front-components = Componentes
front-recent = Historial reciente
front-no-past = No hay incidentes anteriores.
front-full-history = Historial completo

## Tarjetas y filas
card-scheduled = Programado del { $start_html } al { $end_html } ({ $duration })
card-window = Del { $start_html } al { $end_html } ({ $duration })
card-since = Desde el { $start_html } ({ $duration } hasta ahora)
affects = Afecta a: { $components_html }
row-after = { $phase } tras { $duration }

## Página de un incidente
incident-kind-incident = Incidente
incident-kind-maintenance = Mantenimiento
incident-type = Tipo
incident-severity = Gravedad
incident-scheduled-start = Inicio previsto
incident-began = Inicio
incident-scheduled-end = Fin previsto
incident-resolved = Resuelto
incident-not-resolved = Aún sin resolver
incident-duration = Duración
incident-affected = Componentes afectados
incident-updates = Actualizaciones
incident-no-updates = Todavía no hay actualizaciones.
incident-details = Detalles
incident-all = Todos los incidentes

## Historial
history-title = Historial
history-title-page = Historial, página { $page }
history-intro = Incidentes y mantenimientos, del más reciente al más antiguo ({ $count } en total).
history-intro-page = Página { $current } de { $total }.
history-empty = Todavía no ha ocurrido nada.
history-pages = Páginas del historial
history-newer = ← Más recientes
history-older = Más antiguos →
history-page-of = Página { $current } de { $total }

## Página de un componente
component-current = Estado actual: { $status_html }
component-uptime = Disponibilidad
component-incidents = Incidentes
component-title-page = { $component }, página { $page }
component-pages = Páginas de incidentes de { $component }
component-no-incidents = No hay incidentes registrados para { $component }.
component-feed = Canal RSS de { $component }

## Página 404
not-found-title = Página no encontrada
not-found-text = No hay ninguna página en esta dirección: puede que se haya movido o que el enlace esté mal escrito.
not-found-status-link = Ver el estado actual
not-found-history-link = consultar los incidentes anteriores
not-found-next = { $status_html } o { $history_html }.

## Aviso de página desactualizada
stale-minutes = { $count ->
    [one] Última actualización hace { $count } minuto; es posible que esta página no esté al día.
   *[other] Última actualización hace { $count } minutos; es posible que esta página no esté al día.
}
stale-hours = { $count ->
    [one] Última actualización hace { $count } hora; es posible que esta página no esté al día.
   *[other] Última actualización hace { $count } horas; es posible que esta página no esté al día.
}
stale-days = { $count ->
    [one] Última actualización hace { $count } día; es posible que esta página no esté al día.
   *[other] Última actualización hace { $count } días; es posible que esta página no esté al día.
}
stale-mirrors = Pruebe otra copia: { $mirrors }.

## Canales
feed-description = Incidentes y mantenimientos de { $site }
feed-component-description = Incidentes y mantenimientos que afectan a { $component }
feed-item-title = [{ $label }] { $title }
feed-scheduled = Programado: { $start_html }
feed-scheduled-until = Programado: del { $start_html } al { $end_html }
feed-started = Inicio: { $start_html }
feed-resolved = Resuelto: { $end_html }
feed-timeline = Cronología
feed-updates-title = { $site }: todas las actualizaciones
feed-updates-description = Cada actualización de los incidentes y mantenimientos de { $site }, en cuanto se publica

## Calendario de mantenimiento
calendar-name = { $site }: mantenimientos
calendar-summary = Mantenimiento: { $title }
calendar-affects = Afecta a: { $components }

## Insignias
badge-label = estado
badge-no-data = aún sin datos
badge-operational = operativo
badge-under-maintenance = en mantenimiento
badge-degraded-performance = rendimiento degradado
badge-partial-outage = interrupción parcial
badge-major-outage = interrupción grave

## Notificaciones
notify-new-incident = Nuevo incidente: { $title }
notify-update = Actualización: { $title }
notify-resolved = Resuelto: { $title }
notify-postmortem = Análisis posterior: { $title }
notify-maintenance-scheduled = Mantenimiento programado: { $title }
notify-maintenance-started = Mantenimiento iniciado: { $title }
notify-maintenance-completed = Mantenimiento finalizado: { $title }
notify-maintenance-reminder = El mantenimiento empieza en { $duration }: { $title }
notify-days = { $count ->
    [one] { $count } día
   *[other] { $count } días
}
notify-hours = { $count ->
    [one] { $count } hora
   *[other] { $count } horas
}
notify-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
notify-status-change = Cambio de estado: { $component } ahora está { $status }
notify-severity = Gravedad: { $severity }
notify-affected = Afecta a: { $components }
notify-when = Cuándo: del { $start } al { $end } ({ $zone })
notify-when-from = Cuándo: desde el { $start } ({ $zone })
notify-details = Detalles: { $url }
notify-link = Ver en la página de estado
notify-now-operational = operativo
notify-now-degraded = degradado
notify-now-partial = parcialmente caído
notify-now-major = caído
notify-now-maintenance = en mantenimiento

## Response times (beacon probe) on a probed component's page; "ms" stays as it is.
latency-heading = Tiempo de respuesta
# $time: when the component was last checked.
latency-last-check = Última comprobación: { $time }
# The chart's accessible name.
latency-chart-label = { $component }: tiempo de respuesta diario de los últimos { $days } días, mediana y percentil 95
latency-legend = Línea continua: mediana diaria; línea discontinua: percentil 95.
# The chart's figures in words (its text alternative).
latency-summary = En los últimos { $days } días, el día mediano tardó { $median } ms y el peor percentil 95 fue de { $worst } ms, sobre { $checks ->
    [one] { $checks } comprobación
   *[other] { $checks } comprobaciones
}. El { $date }: mediana { $latest_median } ms, percentil 95 { $latest_p95 } ms.
latency-no-data = Aún no se ha medido ningún tiempo de respuesta.
# The label of the response-time badge (shields.io endpoint).
badge-latency-label = tiempo de respuesta

## monthly
## Monthly uptime (components/<id>/uptime/) and the history filters.
monthly-link = Disponibilidad mes a mes
monthly-heading = Disponibilidad mensual
monthly-title = { $component }: disponibilidad mensual
monthly-intro = Disponibilidad en cada uno de los últimos { $months } meses naturales, del más reciente al más antiguo, en la zona horaria { $timezone }. Cada cuadrado es un día, coloreado según su peor estado.
monthly-figure = { $percent } de disponibilidad
monthly-calendar-label = Días de { $month }
monthly-export = Las mismas cifras de todos los componentes, para informes de SLA:
history-filter-heading = Acotar el historial
history-filter-search = El título contiene
history-filter-component = Componente
history-filter-severity = Gravedad
history-filter-year = Año
history-filter-any = Todos
history-filter-clear = Mostrar todo
# The history filter's live result count.
history-filter-results = { $count ->
    [one] { $count } entrada coincide
   *[other] { $count } entradas coinciden
}
history-filter-none = Ninguna entrada coincide con estos filtros.
## subscribe
# The subscribe page (subscribe/), the header button, and the embed (embed.js, embed/).
nav-subscribe = Suscribirse
subscribe-title = Suscribirse a las novedades
subscribe-intro = Siga esta página como le convenga: un canal de noticias, su calendario, un canal que ya lee o sus propias herramientas. Ninguno necesita una cuenta.
subscribe-toc = En esta página
subscribe-feeds-heading = Canales de noticias
subscribe-feeds-intro = Añada un canal a cualquier lector de noticias: una entrada por incidente o ventana de mantenimiento, o una entrada por actualización.
subscribe-feed-incidents = Incidentes y mantenimientos
subscribe-feed-updates = Cada actualización
subscribe-component-feeds = Los incidentes de un solo componente
subscribe-calendar-heading = Calendario
subscribe-calendar-intro = Los mantenimientos previstos en su aplicación de calendario, que ella misma mantiene al día.
subscribe-calendar-webcal = Suscribirse en su aplicación de calendario
subscribe-calendar-ics = Descargar el archivo de calendario (.ics)
subscribe-calendar-url = O añada esta dirección a su calendario a mano:
subscribe-channels-heading = Canales
subscribe-channels-intro = El equipo también publica novedades de los servicios aquí:
channel-phone = Línea telefónica
channel-sms = Mensajes de texto
channel-email = Lista de correo
channel-web = Sitio web
subscribe-api-heading = API JSON
subscribe-api-intro = Para scripts y paneles: los mismos datos con la forma de la API { $api_html }, legibles desde cualquier sitio web.
subscribe-api-summary = Todo a la vez: estado, componentes, incidentes abiertos, mantenimientos
subscribe-api-status = El estado general
subscribe-api-components = Los componentes y su estado
subscribe-api-unresolved = Incidentes abiertos
subscribe-api-incidents = Todos los incidentes
subscribe-api-maintenance = Todas las ventanas de mantenimiento
subscribe-api-uptime = Disponibilidad y barras diarias
subscribe-badges-heading = Insignias
subscribe-badges-intro = Una imagen del estado actual, para un README o una página web.
subscribe-badge-alt = El estado actual, como insignia
# $format_html: the name of a format, "Markdown" or "HTML", shown as code.
subscribe-snippet = Fragmento en { $format_html }
subscribe-embed-heading = Insertar en su sitio web
subscribe-embed-script = Con un script: aparece un pequeño aviso al pie de sus páginas solo mientras algo falla o hay un mantenimiento, con un enlace a esta página. Los visitantes pueden cerrarlo.
subscribe-embed-iframe = Sin scripts: un marco que muestra el estado actual, según la última actualización de esta página.
embed-link = Ver la página de estado
embed-dismiss = Cerrar
embed-label = Estado del servicio
embed-frame-title = Estado del servicio: { $site }
## home
bar-state-for = { $status } durante { $duration }
bar-counted-down = contabilizado como { $duration } sin servicio
bar-not-counted = no contabilizado como tiempo sin servicio
component-incidents-maintenance = Incidentes y mantenimiento
local-time-yours = Las horas se muestran en su zona horaria, { $zone }.
local-time-show-site = Mostrar las horas en { $zone }
local-time-show-yours = Mostrar las horas en su zona horaria ({ $zone })
