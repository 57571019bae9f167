# Português.

## Estado dos componentes
status-no-data = Ainda sem dados
status-operational = Operacional
status-under-maintenance = Em manutenção
status-degraded-performance = Desempenho reduzido
status-partial-outage = Interrupção parcial
status-major-outage = Interrupção grave
status-notice = Aviso
status-maintenance = Manutenção
status-no-data-day = Sem dados

## Faixa da página inicial
banner-no-data = Ainda sem dados
banner-operational = Todos os sistemas operacionais
banner-under-maintenance = Manutenção em andamento
banner-degraded-performance = Desempenho reduzido
banner-partial-outage = Interrupção parcial
banner-major-outage = Interrupção grave

## Fases
phase-ongoing = Em andamento
phase-resolved = Resolvido
phase-upcoming = Agendada
phase-in-progress = Em andamento
phase-completed = Concluída

## Estado de uma atualização
update-investigating = Em investigação
update-identified = Causa identificada
update-monitoring = Em monitoramento
update-resolved = Resolvido
update-postmortem = Análise pós-incidente
update-scheduled = Agendada
update-in-progress = Em andamento
update-completed = Concluída
update-update = Atualização

## Durações
duration-days = { $count ->
    [one] { $count } dia
   *[other] { $count } dias
}
duration-hours = { $count ->
    [one] { $count } hora
   *[other] { $count } horas
}
duration-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
duration-pair = { $larger } e { $smaller }
duration-under-a-minute = menos de um minuto
duration-so-far = { $duration } até agora

## Disponibilidade
percent = { $value }%
uptime-value-no-data = sem dados
uptime-value-no-data-yet = ainda sem dados
uptime-figure = { $percent } de disponibilidade { $days ->
    [one] no último dia
   *[other] nos últimos { $days } dias
}
uptime-no-data = Disponibilidade: sem dados
uptime-no-data-yet = Disponibilidade: ainda sem dados
uptime-window = { $days ->
    [one] Último dia
   *[other] Últimos { $days } dias
}

## Barras diárias
bars-label = { $component }: estado diário, do mais antigo ao mais recente
bars-days-ago = { $days ->
    [one] há 1 dia
   *[other] há { $days } dias
}
bars-today = Hoje
bar-day = { $date }: { $status }
bar-downtime = { $duration } fora do ar
bar-no-downtime = sem interrupções
bar-incidents = { $count ->
    [one] { $count } incidente
   *[other] { $count } incidentes
}
list-separator = {", "}

## Todas as páginas
skip-to-content = Pular para o conteúdo
nav-label = Site
nav-status = Estado
nav-history = Histórico
nav-language = Idioma
footer-status-as-of = Estado em { $time_html }.
footer-time-zone = Os horários estão no fuso { $zone }.
footer-follow = Acompanhe as atualizações:
footer-mirrors = Também disponível em:

## Página inicial
front-as-of = Estado em { $time_html }
front-ongoing = Incidentes em andamento
front-maintenance = Manutenção
front-notices = Avisos
front-pinned = Fixados
front-components = Componentes
front-recent = Histórico recente
front-no-past = Nenhum incidente anterior.
front-full-history = Histórico completo

## Cartões e linhas
card-scheduled = Agendada de { $start_html } a { $end_html } ({ $duration })
card-window = De { $start_html } a { $end_html } ({ $duration })
card-since = Desde { $start_html } ({ $duration } até agora)
affects = Afeta: { $components_html }
row-after = { $phase } após { $duration }

## Página de um incidente
incident-kind-incident = Incidente
incident-kind-maintenance = Manutenção
incident-type = Tipo
incident-severity = Gravidade
incident-scheduled-start = Início previsto
incident-began = Início
incident-scheduled-end = Fim previsto
incident-resolved = Resolvido em
incident-not-resolved = Ainda não resolvido
incident-duration = Duração
incident-affected = Componentes afetados
incident-updates = Atualizações
incident-no-updates = Ainda não há atualizações.
incident-details = Detalhes
incident-all = Todos os incidentes

## Histórico
history-title = Histórico
history-title-page = Histórico, página { $page }
history-intro = Incidentes e manutenções, do mais recente ao mais antigo ({ $count } no total).
history-intro-page = Página { $current } de { $total }.
history-empty = Nada aconteceu ainda.
history-pages = Páginas do histórico
history-newer = ← Mais recentes
history-older = Mais antigos →
history-page-of = Página { $current } de { $total }

## Página de um componente
component-current = Estado atual: { $status_html }
component-uptime = Disponibilidade
component-incidents = Incidentes
component-title-page = { $component }, página { $page }
component-pages = Páginas de incidentes de { $component }
component-no-incidents = Nenhum incidente registrado para { $component }.
component-feed = Feed RSS de { $component }

## Página 404
not-found-title = Página não encontrada
not-found-text = Não há nenhuma página neste endereço: ela pode ter sido movida ou o link pode estar incorreto.
not-found-status-link = Ver o estado atual
not-found-history-link = consultar incidentes anteriores
not-found-next = { $status_html } ou { $history_html }.

## Aviso de página desatualizada
stale-minutes = { $count ->
    [one] Atualizada pela última vez há { $count } minuto; esta página pode estar desatualizada.
   *[other] Atualizada pela última vez há { $count } minutos; esta página pode estar desatualizada.
}
stale-hours = { $count ->
    [one] Atualizada pela última vez há { $count } hora; esta página pode estar desatualizada.
   *[other] Atualizada pela última vez há { $count } horas; esta página pode estar desatualizada.
}
stale-days = { $count ->
    [one] Atualizada pela última vez há { $count } dia; esta página pode estar desatualizada.
   *[other] Atualizada pela última vez há { $count } dias; esta página pode estar desatualizada.
}
stale-mirrors = Experimente outra cópia: { $mirrors }.

## Feeds
feed-description = Incidentes e manutenções de { $site }
feed-component-description = Incidentes e manutenções que afetam { $component }
feed-item-title = [{ $label }] { $title }
feed-scheduled = Agendada: { $start_html }
feed-scheduled-until = Agendada: de { $start_html } a { $end_html }
feed-started = Início: { $start_html }
feed-resolved = Resolvido: { $end_html }
feed-timeline = Cronologia
feed-updates-title = { $site }: todas as atualizações
feed-updates-description = Cada atualização dos incidentes e manutenções de { $site }, assim que é publicada

## Calendário de manutenções
calendar-name = { $site }: manutenções
calendar-summary = Manutenção: { $title }
calendar-affects = Afeta: { $components }

## Selos
badge-label = estado
badge-no-data = ainda sem dados
badge-operational = operacional
badge-under-maintenance = em manutenção
badge-degraded-performance = desempenho reduzido
badge-partial-outage = interrupção parcial
badge-major-outage = interrupção grave

## Notificações
notify-new-incident = Novo incidente: { $title }
notify-update = Atualização: { $title }
notify-resolved = Resolvido: { $title }
notify-postmortem = Análise pós-incidente: { $title }
notify-maintenance-scheduled = Manutenção agendada: { $title }
notify-maintenance-started = Manutenção iniciada: { $title }
notify-maintenance-completed = Manutenção concluída: { $title }
notify-maintenance-reminder = A manutenção começa em { $duration }: { $title }
notify-days = { $count ->
    [one] { $count } dia
   *[other] { $count } dias
}
notify-hours = { $count ->
    [one] { $count } hora
   *[other] { $count } horas
}
notify-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
notify-status-change = Mudança de estado: { $component } agora está { $status }
notify-severity = Gravidade: { $severity }
notify-affected = Afeta: { $components }
notify-when = Quando: de { $start } a { $end } ({ $zone })
notify-when-from = Quando: a partir de { $start } ({ $zone })
notify-details = Detalhes: { $url }
notify-link = Ver na página de estado
notify-now-operational = operacional
notify-now-degraded = com desempenho reduzido
notify-now-partial = parcialmente fora do ar
notify-now-major = fora do ar
notify-now-maintenance = em manutenção

## Response times (beacon probe) on a probed component's page; "ms" stays as it is.
latency-heading = Tempo de resposta
# $time: when the component was last checked.
latency-last-check = Última verificação: { $time }
# The chart's accessible name.
latency-chart-label = { $component }: tempo de resposta diário dos últimos { $days } dias, mediana e percentil 95
latency-legend = Linha contínua: mediana diária; linha tracejada: percentil 95.
# The chart's figures in words (its text alternative).
latency-summary = Nos últimos { $days } dias, o dia mediano levou { $median } ms e o pior percentil 95 foi de { $worst } ms, de { $checks ->
    [one] { $checks } verificação
   *[other] { $checks } verificações
}. Em { $date }: mediana { $latest_median } ms, percentil 95 { $latest_p95 } ms.
latency-no-data = Nenhum tempo de resposta medido ainda.
# The label of the response-time badge (shields.io endpoint).
badge-latency-label = tempo de resposta

## monthly
## Monthly uptime (components/<id>/uptime/) and the history filters.
monthly-link = Disponibilidade mês a mês
monthly-heading = Disponibilidade mensal
monthly-title = { $component }: disponibilidade mensal
monthly-intro = Disponibilidade em cada um dos últimos { $months } meses civis, do mais recente para o mais antigo, no fuso horário { $timezone }. Cada quadrado é um dia, colorido pelo seu pior estado.
monthly-figure = { $percent } de disponibilidade
monthly-calendar-label = Dias de { $month }
monthly-export = Os mesmos números para todos os componentes, para relatórios de SLA:
history-filter-heading = Filtrar o histórico
history-filter-search = O título contém
history-filter-component = Componente
history-filter-severity = Gravidade
history-filter-year = Ano
history-filter-any = Todos
history-filter-clear = Mostrar tudo
# The history filter's live result count.
history-filter-results = { $count ->
    [one] { $count } entrada corresponde
   *[other] { $count } entradas correspondem
}
history-filter-none = Nenhuma entrada corresponde a estes filtros.
## subscribe
# The subscribe page (subscribe/), the header button, and the embed (embed.js, embed/).
nav-subscribe = Assinar
subscribe-title = Assinar as atualizações
subscribe-intro = Acompanhe esta página da forma que preferir: um feed, o seu calendário, um canal que você já lê ou as suas próprias ferramentas. Nenhum deles exige conta.
subscribe-toc = Nesta página
subscribe-feeds-heading = Feeds de notícias
subscribe-feeds-intro = Adicione um feed a qualquer leitor: um item por incidente ou janela de manutenção, ou um item por atualização.
subscribe-feed-incidents = Incidentes e manutenções
subscribe-feed-updates = Cada atualização
subscribe-component-feeds = Os incidentes de um só componente
subscribe-calendar-heading = Calendário
subscribe-calendar-intro = As manutenções planejadas no seu aplicativo de calendário, mantidas em dia pelo próprio aplicativo.
subscribe-calendar-webcal = Assinar no seu aplicativo de calendário
subscribe-calendar-ics = Baixar o arquivo de calendário (.ics)
subscribe-calendar-url = Ou adicione este endereço ao seu calendário manualmente:
subscribe-channels-heading = Canais
subscribe-channels-intro = A equipe também publica notícias dos serviços aqui:
channel-phone = Linha telefônica
channel-sms = Mensagens de texto
channel-email = Lista de e-mail
channel-web = Site
subscribe-api-heading = API JSON
subscribe-api-intro = Para scripts e painéis: os mesmos dados no formato da API { $api_html }, legíveis a partir de qualquer site.
subscribe-api-summary = Tudo de uma vez: estado, componentes, incidentes abertos, manutenções
subscribe-api-status = O estado geral
subscribe-api-components = Os componentes e o seu estado
subscribe-api-unresolved = Incidentes abertos
subscribe-api-incidents = Todos os incidentes
subscribe-api-maintenance = Todas as janelas de manutenção
subscribe-api-uptime = Disponibilidade e barras diárias
subscribe-badges-heading = Selos
subscribe-badges-intro = Uma imagem do estado atual, para um README ou uma página web.
subscribe-badge-alt = O estado atual, como selo
# $format_html: the name of a format, "Markdown" or "HTML", shown as code.
subscribe-snippet = Trecho em { $format_html }
subscribe-embed-heading = Incorporar no seu site
subscribe-embed-script = Com um script: um pequeno aviso aparece no rodapé das suas páginas só enquanto algo está errado ou em manutenção, com um link para esta página. Os visitantes podem fechá-lo.
subscribe-embed-iframe = Sem scripts: um quadro que mostra o estado atual, conforme a última atualização desta página.
embed-link = Ver a página de estado
embed-dismiss = Fechar
embed-label = Estado dos serviços
embed-frame-title = Estado dos serviços: { $site }
## home
bar-state-for = { $status } durante { $duration }
bar-counted-down = contabilizado como { $duration } fora do ar
bar-not-counted = não contabilizado como tempo fora do ar
component-incidents-maintenance = Incidentes e manutenções
local-time-yours = Os horários estão no seu fuso, { $zone }.
local-time-show-site = Mostrar os horários no fuso { $zone }
local-time-show-yours = Mostrar os horários no seu fuso ({ $zone })
