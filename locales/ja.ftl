# 日本語。日本語には数による語形変化がないため、複数形の分岐はありません。

## コンポーネントの状態
status-no-data = データなし
status-operational = 正常
status-under-maintenance = メンテナンス中
status-degraded-performance = パフォーマンス低下
status-partial-outage = 一部停止
status-major-outage = 大規模な障害
status-notice = お知らせ
status-maintenance = メンテナンス
status-no-data-day = データなし

## トップページのバナー
banner-no-data = まだデータがありません
banner-operational = すべてのシステムが正常に稼働しています
banner-under-maintenance = メンテナンスを実施中です
banner-degraded-performance = パフォーマンスが低下しています
banner-partial-outage = 一部のサービスが停止しています
banner-major-outage = 大規模な障害が発生しています

## 段階
phase-ongoing = 対応中
phase-resolved = 解決済み
phase-upcoming = 予定
phase-in-progress = 実施中
phase-completed = 完了

## 更新の状態
update-investigating = 調査中
update-identified = 原因特定
update-monitoring = 経過観察中
update-resolved = 解決済み
update-postmortem = 事後分析
update-scheduled = 予定
update-in-progress = 実施中
update-completed = 完了
update-update = 更新

## 期間
duration-days = { $count }日
duration-hours = { $count }時間
duration-minutes = { $count }分
duration-pair = { $larger }{ $smaller }
duration-under-a-minute = 1分未満
duration-so-far = 現在まで{ $duration }

## 稼働率
percent = { $value }%
uptime-value-no-data = データなし
uptime-value-no-data-yet = まだデータがありません
uptime-figure = 過去{ $days }日間の稼働率 { $percent }
uptime-no-data = 稼働率：データなし
uptime-no-data-yet = 稼働率：まだデータがありません
uptime-window = 過去{ $days }日間

## 日ごとのバー
bars-label = { $component }：日ごとの状態（古い順）
bars-days-ago = { $days }日前
bars-today = 今日
bar-day = { $date }：{ $status }
bar-downtime = 停止時間 { $duration }
bar-no-downtime = 停止なし
bar-incidents = 障害 { $count }件
list-separator = 、

## 全ページ共通
skip-to-content = 本文へ移動
nav-label = サイト
nav-status = 稼働状況
nav-history = 履歴
nav-language = 言語
footer-status-as-of = { $time_html } 時点の状況です。
footer-time-zone = 時刻は { $zone } のタイムゾーンで表示しています。
footer-follow = 更新情報を購読：
footer-mirrors = ミラー：

## トップページ
front-as-of = { $time_html } 時点
front-ongoing = 発生中の障害
front-maintenance = メンテナンス
front-notices = お知らせ
front-pinned = 固定表示
front-components = コンポーネント
front-recent = 最近の履歴
front-no-past = 過去の障害はありません。
front-full-history = すべての履歴

## カードと一覧の行
card-scheduled = 予定：{ $start_html } ～ { $end_html }（{ $duration }）
card-window = { $start_html } ～ { $end_html }（{ $duration }）
card-since = { $start_html } から（現在まで{ $duration }）
affects = 影響範囲：{ $components_html }
row-after = { $duration }で{ $phase }

## 障害のページ
incident-kind-incident = 障害
incident-kind-maintenance = メンテナンス
incident-type = 種類
incident-severity = 深刻度
incident-scheduled-start = 開始予定
incident-began = 発生
incident-scheduled-end = 終了予定
incident-resolved = 解決
incident-not-resolved = 未解決
incident-duration = 期間
incident-affected = 影響を受けたコンポーネント
incident-updates = 更新情報
incident-no-updates = まだ更新情報はありません。
incident-details = 詳細
incident-all = すべての障害

## 履歴
history-title = 履歴
history-title-page = 履歴（{ $page }ページ目）
history-intro = 障害とメンテナンスの一覧です（新しい順、全{ $count }件）。
history-intro-page = { $total }ページ中{ $current }ページ目です。
history-empty = まだ何も起きていません。
history-pages = 履歴のページ
history-newer = ← 新しい履歴
history-older = 古い履歴 →
history-page-of = { $current } / { $total }ページ

## コンポーネントのページ
component-current = 現在の状態：{ $status_html }
component-uptime = 稼働率
component-incidents = 障害
component-title-page = { $component }（{ $page }ページ目）
component-pages = { $component } の障害のページ
component-no-incidents = { $component } の障害記録はありません。
component-feed = { $component } の RSS フィード

## 404 ページ
not-found-title = ページが見つかりません
not-found-text = このアドレスにはページがありません。移動したか、リンクが間違っている可能性があります。
not-found-status-link = 現在の稼働状況を見る
not-found-history-link = 過去の障害を見る
not-found-next = { $status_html }、または{ $history_html }。

## 古いページの通知
stale-minutes = 最終更新は{ $count }分前です。このページは最新でない可能性があります。
stale-hours = 最終更新は{ $count }時間前です。このページは最新でない可能性があります。
stale-days = 最終更新は{ $count }日前です。このページは最新でない可能性があります。
stale-mirrors = 別のコピーもご覧ください：{ $mirrors }

## フィード
feed-description = { $site } の障害とメンテナンス
feed-component-description = { $component } に影響する障害とメンテナンス
feed-item-title = [{ $label }] { $title }
feed-scheduled = 予定：{ $start_html }
feed-scheduled-until = 予定：{ $start_html } ～ { $end_html }
feed-started = 発生：{ $start_html }
feed-resolved = 解決：{ $end_html }
feed-timeline = 経過
feed-updates-title = { $site }：すべての更新
feed-updates-description = { $site } の障害とメンテナンスの更新を、掲載されるたびにすべて

## メンテナンスカレンダー
calendar-name = { $site }：メンテナンス
calendar-summary = メンテナンス：{ $title }
calendar-affects = 影響範囲：{ $components }

## バッジ
badge-label = 稼働状況
badge-no-data = データなし
badge-operational = 正常
badge-under-maintenance = メンテナンス中
badge-degraded-performance = 性能低下
badge-partial-outage = 一部停止
badge-major-outage = 大規模障害

## 通知
notify-new-incident = 新しい障害：{ $title }
notify-update = 更新：{ $title }
notify-resolved = 解決：{ $title }
notify-postmortem = 事後レビュー：{ $title }
notify-maintenance-scheduled = メンテナンス予定：{ $title }
notify-maintenance-started = メンテナンス開始：{ $title }
notify-maintenance-completed = メンテナンス完了：{ $title }
notify-maintenance-reminder = メンテナンス開始まで { $duration }：{ $title }
notify-days = { $count } 日
notify-hours = { $count } 時間
notify-minutes = { $count } 分
notify-status-change = 状態の変化：{ $component } は現在「{ $status }」です
notify-severity = 深刻度：{ $severity }
notify-affected = 影響範囲：{ $components }
notify-when = 日時：{ $start } ～ { $end }（{ $zone }）
notify-when-from = 日時：{ $start } から（{ $zone }）
notify-details = 詳細：{ $url }
notify-link = 稼働状況ページで見る
notify-now-operational = 正常
notify-now-degraded = 性能低下
notify-now-partial = 一部停止
notify-now-major = 停止
notify-now-maintenance = メンテナンス中

## Response times (beacon probe) on a probed component's page; "ms" stays as it is.
latency-heading = 応答時間
# $time: when the component was last checked.
latency-last-check = 最終確認：{ $time }
# The chart's accessible name.
latency-chart-label = { $component }：過去{ $days }日間の日ごとの応答時間（中央値と95パーセンタイル）
latency-legend = 実線：日ごとの中央値、破線：95パーセンタイル。
# The chart's figures in words (its text alternative).
latency-summary = 過去{ $days }日間、中央の日の応答時間は{ $median } ms、最も遅い95パーセンタイルは{ $worst } ms でした（{ $checks }回の確認）。{ $date }：中央値 { $latest_median } ms、95パーセンタイル { $latest_p95 } ms。
latency-no-data = 応答時間はまだ測定されていません。
# The label of the response-time badge (shields.io endpoint).
badge-latency-label = 応答時間

## monthly
## Monthly uptime (components/<id>/uptime/) and the history filters.
monthly-link = 月ごとの稼働率
monthly-heading = 月間稼働率
monthly-title = { $component }：月間稼働率
monthly-intro = 直近 { $months } か月の各暦月の稼働率です（新しい順、タイムゾーン { $timezone }）。各マスは 1 日を表し、その日の最も悪い状態の色で示します。
monthly-figure = 稼働率 { $percent }
monthly-calendar-label = { $month }の各日
monthly-export = SLA レポート用に、全コンポーネントの同じ数値：
history-filter-heading = 履歴を絞り込む
history-filter-search = タイトルに含む語
history-filter-component = コンポーネント
history-filter-severity = 重大度
history-filter-year = 年
history-filter-any = すべて
history-filter-clear = すべて表示
# The history filter's live result count.
history-filter-results = { $count } 件が一致
history-filter-none = 条件に一致する項目はありません。
## subscribe
# The subscribe page (subscribe/), the header button, and the embed (embed.js, embed/).
nav-subscribe = 購読
subscribe-title = 更新情報を購読する
subscribe-intro = フィード、カレンダー、普段読んでいるチャンネル、または独自のツールなど、都合のよい方法でこのページをフォローできます。どれもアカウントは不要です。
subscribe-toc = このページの内容
subscribe-feeds-heading = フィード
subscribe-feeds-intro = お使いのフィードリーダーにフィードを追加してください。障害やメンテナンスごとに1件、または更新ごとに1件の項目が届きます。
subscribe-feed-incidents = 障害とメンテナンス
subscribe-feed-updates = すべての更新
subscribe-component-feeds = コンポーネントごとの障害
subscribe-calendar-heading = カレンダー
subscribe-calendar-intro = 予定されたメンテナンスをカレンダーアプリに表示します。アプリが自動で最新の状態に保ちます。
subscribe-calendar-webcal = カレンダーアプリで購読する
subscribe-calendar-ics = カレンダーファイル（.ics）をダウンロード
subscribe-calendar-url = または、このアドレスを手動でカレンダーに追加してください：
subscribe-channels-heading = チャンネル
subscribe-channels-intro = チームはサービスのお知らせをこちらにも投稿しています：
channel-phone = 電話回線
channel-sms = SMS（ショートメッセージ）
channel-email = メーリングリスト
channel-web = ウェブサイト
subscribe-api-heading = JSON 形式の API
subscribe-api-intro = スクリプトやダッシュボード向け：{ $api_html } API と同じ形式のデータで、どのウェブサイトからも読み取れます。
subscribe-api-summary = すべてをまとめて：状態、コンポーネント、未解決の障害、メンテナンス
subscribe-api-status = 全体の状態
subscribe-api-components = コンポーネントとその状態
subscribe-api-unresolved = 未解決の障害
subscribe-api-incidents = すべての障害
subscribe-api-maintenance = すべてのメンテナンス期間
subscribe-api-uptime = 稼働率と日ごとのバー
subscribe-badges-heading = バッジ
subscribe-badges-intro = 現在の状態を示す画像です。README やウェブページに使えます。
subscribe-badge-alt = 現在の状態を示すバッジ
# $format_html: the name of a format, "Markdown" or "HTML", shown as code.
subscribe-snippet = { $format_html } のコード
subscribe-embed-heading = ウェブサイトに埋め込む
subscribe-embed-script = スクリプトを使う場合：問題の発生中やメンテナンス中だけ、ページ下部に小さなバナーがこのページへのリンク付きで表示されます。訪問者は閉じることができます。
subscribe-embed-iframe = スクリプトを使わない場合：このページの最終更新時点の状態を表示するフレームです。
embed-link = ステータスページを見る
embed-dismiss = 閉じる
embed-label = サービスの状態
embed-frame-title = サービスの状態：{ $site }
## home
bar-state-for = { $status }（{ $duration }）
bar-counted-down = 停止時間として { $duration } を計上
bar-not-counted = 停止時間には計上しません
component-incidents-maintenance = 障害とメンテナンス
local-time-yours = 時刻はお使いのタイムゾーン（{ $zone }）で表示しています。
local-time-show-site = { $zone } の時刻で表示
local-time-show-yours = お使いのタイムゾーン（{ $zone }）で表示
