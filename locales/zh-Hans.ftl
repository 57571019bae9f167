# 简体中文。中文没有数的词形变化，因此不需要复数分支。

## 组件状态
status-no-data = 暂无数据
status-operational = 正常运行
status-under-maintenance = 维护中
status-degraded-performance = 性能下降
status-partial-outage = 部分中断
status-major-outage = 严重中断
status-notice = 通知
status-maintenance = 维护
status-no-data-day = 无数据

## 首页横幅
banner-no-data = 暂无数据
banner-operational = 所有系统运行正常
banner-under-maintenance = 正在进行维护
banner-degraded-performance = 性能下降
banner-partial-outage = 部分服务中断
banner-major-outage = 严重服务中断

## 阶段
phase-ongoing = 进行中
phase-resolved = 已解决
phase-upcoming = 即将进行
phase-in-progress = 正在进行
phase-completed = 已完成

## 更新状态
update-investigating = 正在调查
update-identified = 已查明原因
update-monitoring = 持续观察
update-resolved = 已解决
update-postmortem = 事后复盘
update-scheduled = 已计划
update-in-progress = 正在进行
update-completed = 已完成
update-update = 更新

## 时长
duration-days = { $count } 天
duration-hours = { $count } 小时
duration-minutes = { $count } 分钟
duration-pair = { $larger } { $smaller }
duration-under-a-minute = 不到 1 分钟
duration-so-far = 至今已 { $duration }

## 可用率
percent = { $value }%
uptime-value-no-data = 无数据
uptime-value-no-data-yet = 暂无数据
uptime-figure = 过去 { $days } 天可用率 { $percent }
uptime-no-data = 可用率：无数据
uptime-no-data-yet = 可用率：暂无数据
uptime-window = 过去 { $days } 天

## 每日状态条
bars-label = { $component }：每日状态，从早到晚
bars-days-ago = { $days } 天前
bars-today = 今天
bar-day = { $date }：{ $status }
bar-downtime = 中断 { $duration }
bar-no-downtime = 无中断
bar-incidents = { $count } 起事件
list-separator = ，

## 每个页面
skip-to-content = 跳到正文
nav-label = 网站
nav-status = 状态
nav-history = 历史记录
nav-language = 语言
footer-status-as-of = 状态更新于 { $time_html }。
footer-time-zone = 时间以 { $zone } 时区显示。
footer-follow = 订阅更新：
footer-mirrors = 镜像站点：

## 首页
front-as-of = 更新于 { $time_html }
front-ongoing = 进行中的事件
front-maintenance = 维护
front-notices = 通知
front-pinned = 置顶
front-components = 组件
front-recent = 近期记录
front-no-past = 没有过往事件。
front-full-history = 全部历史记录

## 卡片与列表行
card-scheduled = 计划于 { $start_html } 至 { $end_html }（{ $duration }）
card-window = { $start_html } 至 { $end_html }（{ $duration }）
card-since = 自 { $start_html } 起（至今已 { $duration }）
affects = 影响：{ $components_html }
row-after = 历时 { $duration } 后{ $phase }

## 事件页面
incident-kind-incident = 事件
incident-kind-maintenance = 维护
incident-type = 类型
incident-severity = 严重程度
incident-scheduled-start = 计划开始
incident-began = 开始时间
incident-scheduled-end = 计划结束
incident-resolved = 解决时间
incident-not-resolved = 尚未解决
incident-duration = 持续时间
incident-affected = 受影响的组件
incident-updates = 更新
incident-no-updates = 暂无更新。
incident-details = 详情
incident-all = 全部事件

## 历史记录
history-title = 历史记录
history-title-page = 历史记录，第 { $page } 页
history-intro = 事件与维护，按时间从新到旧排列（共 { $count } 条）。
history-intro-page = 第 { $current } 页，共 { $total } 页。
history-empty = 目前还没有任何记录。
history-pages = 历史记录分页
history-newer = ← 较新
history-older = 较早 →
history-page-of = 第 { $current } 页，共 { $total } 页

## 组件页面
component-current = 当前状态：{ $status_html }
component-uptime = 可用率
component-incidents = 事件
component-title-page = { $component }，第 { $page } 页
component-pages = { $component } 的事件分页
component-no-incidents = { $component } 没有事件记录。
component-feed = { $component } 的 RSS 订阅

## 404 页面
not-found-title = 找不到页面
not-found-text = 此地址没有页面：它可能已被移动，或者链接有误。
not-found-status-link = 查看当前状态
not-found-history-link = 浏览过往事件
not-found-next = { $status_html }，或{ $history_html }。

## 页面过期提示
stale-minutes = 最后更新于 { $count } 分钟前；此页面可能已过时。
stale-hours = 最后更新于 { $count } 小时前；此页面可能已过时。
stale-days = 最后更新于 { $count } 天前；此页面可能已过时。
stale-mirrors = 请尝试其他副本：{ $mirrors }

## 订阅源
feed-description = { $site } 的事件与维护
feed-component-description = 影响 { $component } 的事件与维护
feed-item-title = [{ $label }] { $title }
feed-scheduled = 计划：{ $start_html }
feed-scheduled-until = 计划：{ $start_html } 至 { $end_html }
feed-started = 开始：{ $start_html }
feed-resolved = 解决：{ $end_html }
feed-timeline = 时间线
feed-updates-title = { $site }：全部更新
feed-updates-description = { $site } 的故障与维护的每一条更新，发布即推送

## 维护日历
calendar-name = { $site }：维护
calendar-summary = 维护：{ $title }
calendar-affects = 影响：{ $components }

## 徽章
badge-label = 状态
badge-no-data = 暂无数据
badge-operational = 正常
badge-under-maintenance = 维护中
badge-degraded-performance = 性能下降
badge-partial-outage = 部分中断
badge-major-outage = 严重中断

## 通知
notify-new-incident = 新事件：{ $title }
notify-update = 更新：{ $title }
notify-resolved = 已解决：{ $title }
notify-postmortem = 事后复盘：{ $title }
notify-maintenance-scheduled = 已计划维护：{ $title }
notify-maintenance-started = 维护已开始：{ $title }
notify-maintenance-completed = 维护已完成：{ $title }
notify-maintenance-reminder = 维护将在 { $duration } 后开始：{ $title }
notify-days = { $count } 天
notify-hours = { $count } 小时
notify-minutes = { $count } 分钟
notify-status-change = 状态变化：{ $component } 现在{ $status }
notify-severity = 严重程度：{ $severity }
notify-affected = 影响：{ $components }
notify-when = 时间：{ $start } 至 { $end }（{ $zone }）
notify-when-from = 时间：自 { $start } 起（{ $zone }）
notify-details = 详情：{ $url }
notify-link = 在状态页面查看
notify-now-operational = 正常运行
notify-now-degraded = 性能下降
notify-now-partial = 部分中断
notify-now-major = 中断
notify-now-maintenance = 维护中

## Response times (beacon probe) on a probed component's page; "ms" stays as it is.
latency-heading = 响应时间
# $time: when the component was last checked.
latency-last-check = 最近检查：{ $time }
# The chart's accessible name.
latency-chart-label = { $component }：过去 { $days } 天每日响应时间（中位数和第 95 百分位）
latency-legend = 实线：每日中位数；虚线：第 95 百分位。
# The chart's figures in words (its text alternative).
latency-summary = 过去 { $days } 天，中位日的响应时间为 { $median } ms，最慢的第 95 百分位为 { $worst } ms，共 { $checks } 次检查。{ $date }：中位数 { $latest_median } ms，第 95 百分位 { $latest_p95 } ms。
latency-no-data = 尚未测得响应时间。
# The label of the response-time badge (shields.io endpoint).
badge-latency-label = 响应时间

## monthly
## Monthly uptime (components/<id>/uptime/) and the history filters.
monthly-link = 按月查看可用性
monthly-heading = 每月可用性
monthly-title = { $component }：每月可用性
monthly-intro = 最近 { $months } 个自然月中每个月的可用性，最新的在前，时区为 { $timezone }。每个方块代表一天，颜色表示当天最差的状态。
monthly-figure = 可用性 { $percent }
monthly-calendar-label = { $month }的每一天
monthly-export = 所有组件的相同数据，可用于 SLA 报告：
history-filter-heading = 筛选历史记录
history-filter-search = 标题包含
history-filter-component = 组件
history-filter-severity = 严重程度
history-filter-year = 年份
history-filter-any = 全部
history-filter-clear = 显示全部
# The history filter's live result count.
history-filter-results = { $count } 条匹配
history-filter-none = 没有符合这些条件的记录。
## subscribe
# The subscribe page (subscribe/), the header button, and the embed (embed.js, embed/).
nav-subscribe = 订阅
subscribe-title = 订阅更新
subscribe-intro = 以适合您的方式关注本页：订阅源、日历、您已在阅读的频道，或您自己的工具。都不需要账号。
subscribe-toc = 本页内容
subscribe-feeds-heading = 订阅源
subscribe-feeds-intro = 将订阅源添加到任意阅读器：每个事件或维护时段一条，或每次更新一条。
subscribe-feed-incidents = 事件和维护
subscribe-feed-updates = 每次更新
subscribe-component-feeds = 单个组件的事件
subscribe-calendar-heading = 日历
subscribe-calendar-intro = 在日历应用中查看计划维护，由应用自动保持更新。
subscribe-calendar-webcal = 在日历应用中订阅
subscribe-calendar-ics = 下载日历文件（.ics）
subscribe-calendar-url = 或手动将此地址添加到您的日历：
subscribe-channels-heading = 频道
subscribe-channels-intro = 团队也会在这里发布服务动态：
channel-phone = 电话专线
channel-sms = 短信
channel-email = 邮件列表
channel-web = 网站
subscribe-api-heading = JSON 接口
subscribe-api-intro = 供脚本和仪表板使用：与 { $api_html } API 格式相同的数据，任何网站都可读取。
subscribe-api-summary = 全部内容：状态、组件、未解决的事件、维护
subscribe-api-status = 总体状态
subscribe-api-components = 组件及其状态
subscribe-api-unresolved = 未解决的事件
subscribe-api-incidents = 所有事件
subscribe-api-maintenance = 所有维护时段
subscribe-api-uptime = 可用率和每日条形图
subscribe-badges-heading = 徽章
subscribe-badges-intro = 显示当前状态的图片，可用于 README 或网页。
subscribe-badge-alt = 以徽章显示的当前状态
# $format_html: the name of a format, "Markdown" or "HTML", shown as code.
subscribe-snippet = { $format_html } 代码
subscribe-embed-heading = 嵌入您的网站
subscribe-embed-script = 使用脚本：仅在出现问题或正在维护时，您的页面底部会显示一条附有本页链接的小横幅。访客可以将其关闭。
subscribe-embed-iframe = 不使用脚本：一个显示当前状态的框架，以本页最近一次更新为准。
embed-link = 查看状态页面
embed-dismiss = 关闭
embed-label = 服务状态
embed-frame-title = 服务状态：{ $site }
## home
bar-state-for = { $status }，持续 { $duration }
bar-counted-down = 计为中断 { $duration }
bar-not-counted = 不计为中断时间
component-incidents-maintenance = 事件与维护
local-time-yours = 时间以您的时区（{ $zone }）显示。
local-time-show-site = 以 { $zone } 时区显示时间
local-time-show-yours = 以您的时区（{ $zone }）显示时间
