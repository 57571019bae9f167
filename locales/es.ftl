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

## home
bar-state-for = { $status } durante { $duration }
bar-counted-down = contabilizado como { $duration } sin servicio
bar-not-counted = no contabilizado como tiempo sin servicio
component-incidents-maintenance = Incidentes y mantenimiento
local-time-yours = Las horas se muestran en su zona horaria, { $zone }.
local-time-show-site = Mostrar las horas en { $zone }
local-time-show-yours = Mostrar las horas en su zona horaria ({ $zone })
