# العربية. للأعداد ست صيغ في العربية (CLDR): zero و one و two و few (3–10) و many (11–99) و other (100 فأكثر).

## حالة المكوّنات
status-no-data = لا توجد بيانات بعد
status-operational = يعمل
status-under-maintenance = قيد الصيانة
status-degraded-performance = أداء متراجع
status-partial-outage = انقطاع جزئي
status-major-outage = انقطاع كبير
status-notice = إشعار
status-maintenance = صيانة
status-no-data-day = لا توجد بيانات

## شريط الصفحة الرئيسية
banner-no-data = لا توجد بيانات بعد
banner-operational = جميع الأنظمة تعمل
banner-under-maintenance = الصيانة جارية
banner-degraded-performance = أداء متراجع
banner-partial-outage = انقطاع جزئي
banner-major-outage = انقطاع كبير

## المراحل
phase-ongoing = مستمر
phase-resolved = تم الحل
phase-upcoming = قادمة
phase-in-progress = جارية
phase-completed = مكتملة

## حالة التحديث
update-investigating = قيد التحقيق
update-identified = تم تحديد السبب
update-monitoring = قيد المراقبة
update-resolved = تم الحل
update-postmortem = مراجعة ما بعد الحادث
update-scheduled = مجدولة
update-in-progress = جارية
update-completed = مكتملة
update-update = تحديث

## المدد
duration-days = { $count ->
    [zero] { $count } يوم
    [one] يوم واحد
    [two] يومان
    [few] { $count } أيام
    [many] { $count } يومًا
   *[other] { $count } يوم
}
duration-hours = { $count ->
    [zero] { $count } ساعة
    [one] ساعة واحدة
    [two] ساعتان
    [few] { $count } ساعات
    [many] { $count } ساعة
   *[other] { $count } ساعة
}
duration-minutes = { $count ->
    [zero] { $count } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $count } دقائق
    [many] { $count } دقيقة
   *[other] { $count } دقيقة
}
duration-pair = { $larger } و{ $smaller }
duration-under-a-minute = أقل من دقيقة
duration-so-far = { $duration } حتى الآن

## نسبة التوفر
percent = { $value }%
uptime-value-no-data = لا توجد بيانات
uptime-value-no-data-yet = لا توجد بيانات بعد
uptime-figure = نسبة التوفر { $percent } { $days ->
    [one] في آخر يوم
    [two] في آخر يومين
    [few] في آخر { $days } أيام
    [many] في آخر { $days } يومًا
   *[other] في آخر { $days } يوم
}
uptime-no-data = نسبة التوفر: لا توجد بيانات
uptime-no-data-yet = نسبة التوفر: لا توجد بيانات بعد
uptime-window = { $days ->
    [one] آخر يوم
    [two] آخر يومين
    [few] آخر { $days } أيام
    [many] آخر { $days } يومًا
   *[other] آخر { $days } يوم
}

## الأشرطة اليومية
bars-label = { $component }: الحالة اليومية، من الأقدم إلى الأحدث
bars-days-ago = { $days ->
    [one] قبل يوم واحد
    [two] قبل يومين
    [few] قبل { $days } أيام
    [many] قبل { $days } يومًا
   *[other] قبل { $days } يوم
}
bars-today = اليوم
bar-day = { $date }: { $status }
bar-downtime = توقف لمدة { $duration }
bar-no-downtime = دون توقف
bar-incidents = { $count ->
    [zero] لا حوادث
    [one] حادث واحد
    [two] حادثان
    [few] { $count } حوادث
    [many] { $count } حادثًا
   *[other] { $count } حادث
}
list-separator = {"، "}

## كل الصفحات
skip-to-content = انتقل إلى المحتوى
nav-label = الموقع
nav-status = الحالة
nav-history = السجل
nav-language = اللغة
footer-status-as-of = الحالة في { $time_html }.
footer-time-zone = الأوقات معروضة بتوقيت { $zone }.
footer-follow = تابع التحديثات:
footer-mirrors = متاحة أيضًا على:

## الصفحة الرئيسية
front-as-of = الحالة في { $time_html }
front-ongoing = حوادث جارية
front-maintenance = الصيانة
front-notices = إشعارات
front-pinned = مثبّتة
front-components = المكوّنات
front-recent = السجل الأخير
front-no-past = لا توجد حوادث سابقة.
front-full-history = السجل الكامل

## البطاقات والأسطر
card-scheduled = مجدولة من { $start_html } إلى { $end_html } ({ $duration })
card-window = من { $start_html } إلى { $end_html } ({ $duration })
card-since = منذ { $start_html } ({ $duration } حتى الآن)
affects = يؤثر في: { $components_html }
row-after = { $phase } بعد { $duration }

## صفحة الحادث
incident-kind-incident = حادث
incident-kind-maintenance = صيانة
incident-type = النوع
incident-severity = الخطورة
incident-scheduled-start = البداية المقررة
incident-began = البداية
incident-scheduled-end = النهاية المقررة
incident-resolved = وقت الحل
incident-not-resolved = لم يُحل بعد
incident-duration = المدة
incident-affected = المكوّنات المتأثرة
incident-updates = التحديثات
incident-no-updates = لا توجد تحديثات بعد.
incident-details = التفاصيل
incident-all = كل الحوادث

## السجل
history-title = السجل
history-title-page = السجل، الصفحة { $page }
history-intro = الحوادث وأعمال الصيانة، الأحدث أولًا ({ $count } إجمالًا).
history-intro-page = الصفحة { $current } من { $total }.
history-empty = لم يحدث شيء بعد.
history-pages = صفحات السجل
history-newer = → الأحدث
history-older = الأقدم ←
history-page-of = الصفحة { $current } من { $total }

## صفحة المكوّن
component-current = الحالة الحالية: { $status_html }
component-uptime = نسبة التوفر
component-incidents = الحوادث
component-title-page = { $component }، الصفحة { $page }
component-pages = صفحات حوادث { $component }
component-no-incidents = لا توجد حوادث مسجلة لـ{ $component }.
component-feed = موجز RSS لـ{ $component }

## صفحة 404
not-found-title = الصفحة غير موجودة
not-found-text = لا توجد صفحة على هذا العنوان: ربما نُقلت، أو أن الرابط مكتوب بشكل خاطئ.
not-found-status-link = اطّلع على الحالة الحالية
not-found-history-link = تصفح الحوادث السابقة
not-found-next = { $status_html } أو { $history_html }.

## تنبيه الصفحة القديمة
stale-minutes = { $count ->
    [zero] آخر تحديث منذ أقل من دقيقة؛ قد لا تكون هذه الصفحة محدّثة.
    [one] آخر تحديث منذ دقيقة واحدة؛ قد لا تكون هذه الصفحة محدّثة.
    [two] آخر تحديث منذ دقيقتين؛ قد لا تكون هذه الصفحة محدّثة.
    [few] آخر تحديث منذ { $count } دقائق؛ قد لا تكون هذه الصفحة محدّثة.
    [many] آخر تحديث منذ { $count } دقيقة؛ قد لا تكون هذه الصفحة محدّثة.
   *[other] آخر تحديث منذ { $count } دقيقة؛ قد لا تكون هذه الصفحة محدّثة.
}
stale-hours = { $count ->
    [one] آخر تحديث منذ ساعة واحدة؛ قد لا تكون هذه الصفحة محدّثة.
    [two] آخر تحديث منذ ساعتين؛ قد لا تكون هذه الصفحة محدّثة.
    [few] آخر تحديث منذ { $count } ساعات؛ قد لا تكون هذه الصفحة محدّثة.
    [many] آخر تحديث منذ { $count } ساعة؛ قد لا تكون هذه الصفحة محدّثة.
   *[other] آخر تحديث منذ { $count } ساعة؛ قد لا تكون هذه الصفحة محدّثة.
}
stale-days = { $count ->
    [one] آخر تحديث منذ يوم واحد؛ قد لا تكون هذه الصفحة محدّثة.
    [two] آخر تحديث منذ يومين؛ قد لا تكون هذه الصفحة محدّثة.
    [few] آخر تحديث منذ { $count } أيام؛ قد لا تكون هذه الصفحة محدّثة.
    [many] آخر تحديث منذ { $count } يومًا؛ قد لا تكون هذه الصفحة محدّثة.
   *[other] آخر تحديث منذ { $count } يوم؛ قد لا تكون هذه الصفحة محدّثة.
}
stale-mirrors = جرّب نسخة أخرى: { $mirrors }.

## الموجزات
feed-description = الحوادث وأعمال الصيانة في { $site }
feed-component-description = الحوادث وأعمال الصيانة التي تؤثر في { $component }
feed-item-title = [{ $label }] { $title }
feed-scheduled = مجدولة: { $start_html }
feed-scheduled-until = مجدولة: من { $start_html } إلى { $end_html }
feed-started = البداية: { $start_html }
feed-resolved = الحل: { $end_html }
feed-timeline = التسلسل الزمني
feed-updates-title = { $site }: كل التحديثات
feed-updates-description = كل تحديث عن حوادث { $site } وأعمال الصيانة فيه، فور نشره

## تقويم الصيانة
calendar-name = { $site }: الصيانة
calendar-summary = صيانة: { $title }
calendar-affects = يؤثر في: { $components }

## الشارات
badge-label = الحالة
badge-no-data = لا بيانات بعد
badge-operational = يعمل
badge-under-maintenance = قيد الصيانة
badge-degraded-performance = أداء متراجع
badge-partial-outage = انقطاع جزئي
badge-major-outage = انقطاع كبير

## الإشعارات
notify-new-incident = حادث جديد: { $title }
notify-update = تحديث: { $title }
notify-resolved = تم الحل: { $title }
notify-postmortem = مراجعة ما بعد الحادث: { $title }
notify-maintenance-scheduled = صيانة مجدولة: { $title }
notify-maintenance-started = بدأت الصيانة: { $title }
notify-maintenance-completed = اكتملت الصيانة: { $title }
notify-maintenance-reminder = تبدأ الصيانة بعد { $duration }: { $title }
notify-days = { $count ->
    [one] يوم واحد
    [two] يومين
    [few] { $count } أيام
   *[other] { $count } يومًا
}
notify-hours = { $count ->
    [one] ساعة واحدة
    [two] ساعتين
    [few] { $count } ساعات
   *[other] { $count } ساعة
}
notify-minutes = { $count ->
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $count } دقائق
   *[other] { $count } دقيقة
}
notify-status-change = تغيّر الحالة: { $component } الآن { $status }
notify-severity = الخطورة: { $severity }
notify-affected = يؤثر في: { $components }
notify-when = الموعد: من { $start } إلى { $end } ({ $zone })
notify-when-from = الموعد: ابتداءً من { $start } ({ $zone })
notify-details = التفاصيل: { $url }
notify-link = اعرض في صفحة الحالة
notify-now-operational = يعمل
notify-now-degraded = متراجع الأداء
notify-now-partial = متوقف جزئيًا
notify-now-major = متوقف
notify-now-maintenance = قيد الصيانة

## Response times (beacon probe) on a probed component's page; "ms" stays as it is.
latency-heading = زمن الاستجابة
# $time: when the component was last checked.
latency-last-check = آخر فحص: { $time }
# The chart's accessible name.
latency-chart-label = { $component }: زمن الاستجابة اليومي خلال آخر { $days } يومًا، الوسيط والمئين 95
latency-legend = الخط المتصل: الوسيط اليومي؛ الخط المتقطع: المئين 95.
# The chart's figures in words (its text alternative).
latency-summary = خلال آخر { $days } يومًا، استغرق اليوم الوسيط { $median } ms وبلغ أسوأ مئين 95 قيمة { $worst } ms، من { $checks } فحصًا. في { $date }: الوسيط { $latest_median } ms، المئين 95 { $latest_p95 } ms.
latency-no-data = لم يُقَس أي زمن استجابة بعد.
# The label of the response-time badge (shields.io endpoint).
badge-latency-label = زمن الاستجابة

## monthly
## Monthly uptime (components/<id>/uptime/) and the history filters.
monthly-link = التوفر شهرًا بشهر
monthly-heading = التوفر الشهري
monthly-title = { $component }: التوفر الشهري
monthly-intro = نسبة التوفر في كل شهر من آخر { $months } شهرًا تقويميًا، الأحدث أولًا، بتوقيت المنطقة الزمنية { $timezone }. كل مربع يمثل يومًا، ولونه أسوأ حالة مرّ بها ذلك اليوم.
monthly-figure = نسبة التوفر { $percent }
monthly-calendar-label = أيام { $month }
monthly-export = الأرقام نفسها لكل المكوّنات، لتقارير اتفاقية مستوى الخدمة:
history-filter-heading = تضييق السجل
history-filter-search = العنوان يحتوي على
history-filter-component = المكوّن
history-filter-severity = الخطورة
history-filter-year = السنة
history-filter-any = الكل
history-filter-clear = عرض الكل
# The history filter's live result count.
history-filter-results = { $count ->
    [zero] لا يطابق أي إدخال
    [one] يطابق إدخال واحد
    [two] يطابق إدخالان
    [few] يطابق { $count } إدخالات
    [many] يطابق { $count } إدخالًا
   *[other] يطابق { $count } إدخال
}
history-filter-none = لا يطابق أي إدخال هذه المرشحات.
## subscribe
# The subscribe page (subscribe/), the header button, and the embed (embed.js, embed/).
nav-subscribe = اشترك
subscribe-title = الاشتراك في التحديثات
subscribe-intro = تابع هذه الصفحة بالطريقة التي تناسبك: موجز أخبار، أو تقويمك، أو قناة تتابعها أصلًا، أو أدواتك الخاصة. لا يتطلب أيٌّ منها حسابًا.
subscribe-toc = في هذه الصفحة
subscribe-feeds-heading = موجزات الأخبار
subscribe-feeds-intro = أضف موجزًا إلى أي قارئ موجزات: عنصر لكل حادث أو فترة صيانة، أو عنصر لكل تحديث.
subscribe-feed-incidents = الحوادث والصيانة
subscribe-feed-updates = كل تحديث
subscribe-component-feeds = حوادث مكوّن واحد
subscribe-calendar-heading = التقويم
subscribe-calendar-intro = الصيانة المخطط لها في تطبيق التقويم لديك، ويحدّثها التطبيق بنفسه.
subscribe-calendar-webcal = الاشتراك في تطبيق التقويم
subscribe-calendar-ics = تنزيل ملف التقويم (.ics)
subscribe-calendar-url = أو أضف هذا العنوان إلى تقويمك يدويًا:
subscribe-channels-heading = القنوات
subscribe-channels-intro = ينشر الفريق أخبار الخدمات هنا أيضًا:
channel-phone = خط هاتفي
channel-sms = رسائل نصية
channel-email = قائمة بريدية
channel-web = موقع ويب
subscribe-api-heading = واجهة JSON البرمجية
subscribe-api-intro = للبرامج النصية ولوحات المتابعة: البيانات نفسها بصيغة واجهة { $api_html }، ويمكن قراءتها من أي موقع ويب.
subscribe-api-summary = كل شيء معًا: الحالة والمكوّنات والحوادث المفتوحة والصيانة
subscribe-api-status = الحالة العامة
subscribe-api-components = المكوّنات وحالتها
subscribe-api-unresolved = الحوادث المفتوحة
subscribe-api-incidents = جميع الحوادث
subscribe-api-maintenance = جميع فترات الصيانة
subscribe-api-uptime = أرقام التوافر والأشرطة اليومية
subscribe-badges-heading = الشارات
subscribe-badges-intro = صورة للحالة الحالية، لملف README أو صفحة ويب.
subscribe-badge-alt = الحالة الحالية في صورة شارة
# $format_html: the name of a format, "Markdown" or "HTML", shown as code.
subscribe-snippet = شيفرة { $format_html }
subscribe-embed-heading = التضمين في موقعك
subscribe-embed-script = باستخدام برنامج نصي: يظهر شريط صغير أسفل صفحاتك فقط عند وجود خلل أو صيانة، مع رابط إلى هذه الصفحة. ويمكن للزوار إغلاقه.
subscribe-embed-iframe = دون برامج نصية: إطار يعرض الحالة الحالية حسب آخر تحديث لهذه الصفحة.
embed-link = عرض صفحة الحالة
embed-dismiss = إغلاق
embed-label = حالة الخدمات
embed-frame-title = حالة الخدمات: { $site }
## home
bar-state-for = { $status } لمدة { $duration }
bar-counted-down = احتُسب توقفًا لمدة { $duration }
bar-not-counted = لم يُحتسب توقفًا
component-incidents-maintenance = الحوادث والصيانة
local-time-yours = الأوقات معروضة بحسب منطقتك الزمنية، { $zone }.
local-time-show-site = عرض الأوقات بتوقيت { $zone }
local-time-show-yours = عرض الأوقات بحسب منطقتك الزمنية ({ $zone })
