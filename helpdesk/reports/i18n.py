"""Texts of the printed documents in Simplified Chinese, Traditional Chinese and English.

The PDFs are produced outside Qt (the command line renders them too), so their words
live here as plain dictionaries rather than in Qt Linguist files. Every key exists in
every language (a test checks it); ``text(lang, key, **values)`` fills ``{name}``
placeholders. Names of domain terms (channel, severity, state…) come from the one
vocabulary, :mod:`helpdesk.domain.vocabulary`, which the screens read too.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum

from helpdesk.domain import vocabulary

LANGUAGES = vocabulary.LANGUAGES
"""Languages of the printed documents; the first is the default."""

DEFAULT_LANGUAGE = vocabulary.DEFAULT_LANGUAGE
normalize_language = vocabulary.normalize_language


_ZH_CN: dict[str, str] = {
    # ---------------------------------------------------------------- monthly report
    "report.title": "月度抱怨/投诉分析报告",
    "report.subtitle": "{store} · {month}",
    "report.month": "{year}年{month}月",
    "report.all_stores": "全部门店",
    "report.store": "门店",
    "report.period": "统计期间",
    "report.as_of": "数据截至",
    "report.generated": "生成时间",
    "report.prepared_by": "编制部门",
    "report.prepared_by.value": "客户关爱部",
    "report.recipients": "报送",
    "report.recipients.value": "服务总监、总经理",
    "report.incomplete": "本月尚未结束：以下数字截至 {as_of}，不是整月数据。",
    "report.footer": "{title} · {store} · {month}",
    "report.page": "第 {page} 页 / 共 {pages} 页",
    "report.more": "仅列出前 {shown} 条，共 {total} 条；完整清单见 XLSX/CSV 导出。",
    "report.none": "无",
    "report.dash": "—",
    "sec.summary": "一、本月概况",
    "sec.breakdown": "二、投诉分布",
    "sec.timeliness": "三、响应与解决时效",
    "sec.trend": "四、近12个月趋势",
    "sec.backlog": "五、月末未结案与超期",
    "sec.repeat": "六、重复投诉客户",
    "sec.root_causes": "七、主要根本原因",
    "sec.actions": "八、纠正预防措施及有效性",
    "sec.csat": "九、回访满意度",
    "sec.major": "十、重大投诉清单",
    "sec.definitions": "十一、统计口径说明",
    "sec.review": "十二、审阅与签字",
    "kpi.received": "本月受理",
    "kpi.change": "较上月",
    "kpi.major": "其中重大",
    "kpi.response_rate": "响应及时率",
    "kpi.resolution_rate": "解决及时率",
    "kpi.response_median": "响应时间中位数",
    "kpi.response_p90": "响应时间90分位",
    "kpi.resolution_median": "解决时间中位数",
    "kpi.resolution_p90": "解决时间90分位",
    "kpi.open_at_end": "月末未解决",
    "kpi.overdue_at_end": "月末超期",
    "kpi.repeat": "重复投诉客户",
    "kpi.csat": "回访满意率",
    "kpi.previous": "上月",
    "kpi.indicator": "指标",
    "kpi.value": "本月",
    "kpi.basis": "依据",
    "kpi.basis.rate": "{on_time}/{eligible} 单",
    "kpi.basis.times": "{count} 单",
    "kpi.basis.visits": "{satisfied}/{visits} 次回访",
    "kpi.basis.customers": "{count} 位客户",
    "col.item": "项目",
    "col.count": "本月",
    "col.share": "占比",
    "col.previous": "上月",
    "col.change": "增减",
    "col.channel": "接收渠道",
    "col.severity": "严重程度",
    "col.category": "抱怨类别",
    "col.area": "责任部门",
    "col.eligible": "应计单数",
    "col.on_time": "按时",
    "col.late": "超时",
    "col.rate": "及时率",
    "col.measured": "样本数",
    "col.median": "中位数",
    "col.p90": "90分位",
    "col.month": "月份",
    "col.received": "受理",
    "col.major": "重大",
    "col.response_rate": "响应及时率",
    "col.resolution_rate": "解决及时率",
    "col.csat": "满意率",
    "col.state": "状态",
    "col.sheets": "单数",
    "col.overdue": "其中超期",
    "col.from_month": "其中本月受理",
    "col.number": "单号",
    "col.received_at": "接收时间",
    "col.responsible": "责任人",
    "col.due": "时限",
    "col.overdue_by": "超期",
    "col.deadline_kind": "超期环节",
    "col.customer": "客户",
    "col.in_month": "本月单数",
    "col.in_window": "近90天单数",
    "col.last": "最近一次",
    "col.analysed": "已分析",
    "col.top_causes": "最常见的根本原因（次数）",
    "col.action": "措施",
    "col.owner": "负责人",
    "col.due_date": "完成期限",
    "col.status": "进度",
    "col.effectiveness": "有效性",
    "col.sheet": "抱怨单",
    "col.score": "满意度",
    "col.visits": "回访次数",
    "col.complaint": "投诉内容",
    "col.resolved_on_time": "按时解决",
    "col.escalated": "已升级厂家",
    "col.total": "合计",
    "col.value": "数值",
    "row.response": "响应",
    "row.resolution": "解决",
    "row.unassigned": "未定责",
    "deadline.response": "响应",
    "deadline.resolution": "解决",
    "action.done": "已完成",
    "action.open": "进行中",
    "action.overdue": "已逾期",
    "actions.summary": "本月涉及措施 {total} 项：有效 {effective} 项，无效 {not_effective} 项，"
                       "待验证 {pending} 项，逾期未完成 {overdue} 项。此外，以前月份到期仍未完成的"
                       "措施 {carried} 项。",
    "csat.summary": "本月回访 {visits} 次，满意（4–5分）{satisfied} 次，满意率 {rate}，"
                    "平均分 {average}。上月满意率 {previous}。",
    "csat.none": "本月没有回访记录。",
    "backlog.summary": "截至 {as_of}，未结案抱怨单 {not_closed} 张，其中未解决 {open} 张、"
                       "超期 {overdue} 张。",
    "repeat.summary": "近90天内投诉两次及以上、且本月有投诉的客户 {count} 位，其中本月内投诉"
                      "两次及以上 {in_month} 位。",
    "root.summary": "本月 {total} 张抱怨单中 {analysed} 张已填写根本原因，{missing} 张尚未分析。",
    "major.summary": "本月重大投诉 {count} 张。",
    "empty.month": "本月没有受理抱怨/投诉。",
    "chart.by_channel": "按接收渠道（张）",
    "chart.by_area": "按责任部门（张）",
    "chart.trend": "近12个月受理量（张）",
    "chart.rates": "近12个月及时率与满意率（%）",
    "chart.received": "受理量",
    "chart.major": "重大",
    "review.director": "服务总监审阅意见",
    "review.gm": "总经理审阅意见",
    "review.signature": "签字",
    "review.date": "日期",
    "review.prepared": "编制人（客户关爱部）",
    "def.scope": "统计范围：接收时间在统计月份内的抱怨单（选择门店时仅计该门店）。"
                 "“上月”按同一口径统计上一个月。",
    "def.response": "响应及时率：分母为本月受理、且在截止时点前已响应或响应时限已过的抱怨单；"
                    "分子为其中在响应时限内响应的单数（时限为截止时点时有效的时限）。"
                    "尚未响应且时限未到的单不计入。",
    "def.as_at": "截止时点口径：渠道、严重程度、类别、责任部门与责任人、时限和升级均取每张单在"
                 "截止时点时的值；月后的更正、改派、等待客户或改严重程度造成的时限变化，计入发生的"
                 "月份，不改变本月数字。",
    "def.comp": "补偿：本月内登记或更正的补偿金额（本月受理的单，以及本月修改补偿的以前月份的单），"
                "按截止时点的类别统计；月后补录的补偿计入补录的月份。",
    "def.resolution": "解决及时率：分母为本月受理、且在截止时点前已解决或解决时限已过的抱怨单"
                      "（等待客户的单仅当开始等待时解决时限已过才计为超时）；分子为在解决时限内解决的单数。"
                      "是否已解决按截止时点的状态判断；月后重新打开不改变本月数字，计入重新打开的月份。",
    "def.times": "响应/解决时间：从接收到响应/解决所经过的自然时间。中位数与90分位按“最近秩”法："
                 "将 N 个数值从小到大排列，取第 ⌈p×N⌉ 个（p = 0.5 或 0.9），因此结果总是某一张单"
                 "的实际用时。",
    "def.backlog": "月末未结案与超期：按截止时点的状态重建（取每张单在截止时点前的最后一次流转），"
                   "包括以前月份受理、截至月末仍未结案的单。未解决指处于已登记、已响应、处理中、"
                   "等待客户状态；超期指已登记未响应且响应或解决时限已过，已响应/处理中且解决时限已过，"
                   "或等待客户且开始等待时解决时限已过。",
    "def.repeat": "重复投诉客户：本月有投诉，且在截止时点前90天内（含本月）共有两张及以上"
                  "抱怨单的客户。",
    "def.root": "主要根本原因：按“类别 × 责任部门”统计本月单数最多的组合，列出每组中出现次数最多的"
                "根本原因原文。",
    "def.actions": "纠正预防措施：本月新增、本月到期或本月验证有效性的措施；完成与有效性按"
                   "截止时点的记录计；期限已过仍未完成即为逾期。以前月份到期、截止时点仍未完成的"
                   "措施单独计数，不列入清单。",
    "def.csat": "回访满意度：回访日期在本月内的全部回访记录（不论抱怨单何时受理）；"
                "满意率 = 满意度 4 分或 5 分的回访次数 / 回访次数。",
    "def.trend": "12个月趋势：每个月按与本月相同的口径计算，截止时点为该月月末。",
    # ---------------------------------------------------------------- sheet printout
    "sheet.title": "抱怨/投诉单",
    "sheet.number": "单号",
    "sheet.store": "门店",
    "sheet.received_at": "接收时间",
    "sheet.received_by": "接收人",
    "sheet.channel": "接收渠道",
    "sheet.severity": "严重程度",
    "sheet.category": "抱怨类别",
    "sheet.state": "当前状态",
    "sheet.escalated": "已升级厂家",
    "sheet.response_due": "响应时限",
    "sheet.resolution_due": "解决时限",
    "sheet.acknowledged": "响应",
    "sheet.resolved": "解决",
    "sheet.sec.identity": "基本信息",
    "sheet.sec.customer": "客户信息",
    "sheet.sec.vehicle": "车辆信息",
    "sheet.sec.order": "订单信息",
    "sheet.sec.complaint": "抱怨/投诉内容",
    "sheet.sec.request": "客户诉求",
    "sheet.sec.responsibility": "责任",
    "sheet.sec.root_cause": "抱怨产生根本原因分析",
    "sheet.sec.correction": "缺点纠正",
    "sheet.sec.measure": "长期质量保证的措施",
    "sheet.sec.rework": "返修",
    "sheet.sec.visits": "回访记录",
    "sheet.sec.progress": "处理记录",
    "sheet.sec.actions": "纠正预防措施",
    "sheet.sec.history": "流转记录",
    "sheet.sec.close": "关闭",
    "sheet.sec.signatures": "签字",
    "sheet.customer_name": "客户姓名",
    "sheet.customer_phone": "联系电话",
    "sheet.vin": "VIN",
    "sheet.plate": "车牌号",
    "sheet.brand_model": "品牌/车型",
    "sheet.mileage": "行驶里程",
    "sheet.purchase_date": "购车日期",
    "sheet.order_number": "订单号",
    "sheet.order_date": "订单日期",
    "sheet.order_amount": "订单金额",
    "sheet.order_items": "商品/项目",
    "sheet.no_vehicle": "本单未关联车辆或订单。",
    "sheet.area": "责任部门",
    "sheet.responsible": "责任人",
    "sheet.compensation": "补偿金额",
    "sheet.rework_needed": "需要返修",
    "sheet.rework_done": "返修完成时间",
    "sheet.closed_by": "关闭人",
    "sheet.closed_at": "关闭时间",
    "sheet.closing_remark": "关闭说明",
    "sheet.visit_at": "回访时间",
    "sheet.visit_by": "回访人",
    "sheet.visit_kind": "回访类型",
    "sheet.visit_method": "方式",
    "sheet.visit_score": "满意度",
    "sheet.visit_feedback": "客户反馈",
    "sheet.progress_at": "时间",
    "sheet.progress_by": "记录人",
    "sheet.progress_text": "内容",
    "sheet.progress_notified": "已告知客户",
    "sheet.history_action": "操作",
    "sheet.history_from": "原状态",
    "sheet.history_to": "新状态",
    "sheet.history_note": "说明",
    "sheet.sign.responsible": "责任人签字",
    "sheet.sign.director": "服务总监签字",
    "sheet.sign.customer_care": "客户关爱部存档",
    "sheet.sign.date": "日期",
    "sheet.printed": "打印时间：{at}",
    "sheet.on_time": "按时",
    "sheet.late": "超时",
    "sheet.yes": "是",
    "sheet.no": "否",
    "sheet.km": "{km} 公里",
    "sheet.yuan": "¥{amount}",
    "sheet.empty": "（未填写）",
    # ---------------------------------------------------------------- reply letter
    "letter.title": "致客户的回复函",
    "letter.salutation": "尊敬的{name}{honorific}：",
    "letter.honorific.male": "先生",
    "letter.honorific.female": "女士",
    "letter.honorific.unknown": "先生/女士",
    "letter.honorific.company": "",
    "letter.ack": "感谢您于{date}向我们反映的情况（单号 {number}）：{summary}。我们已收到并认真"
                  "核查了您的意见。",
    "letter.admit": "经核查，这是我们在{area}方面的过失，我们对此承担责任。",
    "letter.no_admit": "经核查，我们已与相关部门一起把情况查清楚。",
    "letter.explain": "问题的原因是：{root_cause}。",
    "letter.explain_pending": "我们正在查明问题的原因，查明后将第一时间告知您。",
    "letter.fix_done": "我们已于{date}采取以下措施：{correction}。",
    "letter.fix_planned": "我们将在{date}之前完成处理：{correction}。",
    "letter.fix_pending": "我们将在{date}之前为您解决此问题，并随时向您通报进展。",
    "letter.compensation": "为弥补给您带来的不便，我们将给予您 ¥{amount} 的补偿。",
    "letter.rework": "您的车辆返修已于{date}完成。",
    "letter.promise": "为防止类似问题再次发生，我们已采取以下改进措施：{measure}。"
                      "我们保证同样的问题不会再次发生。",
    "letter.promise_generic": "我们会针对此次问题制定具体的改进措施，保证同样的问题不会再次发生。",
    "letter.apology": "对于给您带来的不便，我们深表歉意，并感谢您向我们指出问题。"
                      "如有任何疑问，请随时与我们联系{phone}。",
    "letter.phone": "（电话 {phone}）",
    "letter.closing": "此致\n敬礼",
    "letter.signature": "{store}\n服务总监：______________\n{date}",
    # ---------------------------------------------------------------- shared
    "fmt.minutes": "{m}分钟",
    "fmt.hours": "{h}小时{m}分",
    "fmt.hours_even": "{h}小时",
    "fmt.days": "{d}天{h}小时",
    "fmt.days_even": "{d}天",
    "fmt.overdue_days": "{d}天",
    # issue 12: as-at-month-end figures
    "kpi.reopened": "本月重开",
    "kpi.basis.reopened": "计入重开发生的月份",
    "report.store_list": "{all}：{names}",
    "report.pro_rata": "本月进行中，已过 {share}：与上月比较的数量按同期比例折算"
                       "（上月数量 × {share}）。",
    "compare.title": "同比与环比",
    "col.this_month": "本月",
    "col.mom": "环比",
    "col.year_ago": "去年同月",
    "col.yoy": "同比",
    "col.person": "责任人",
    "col.advisor": "接待顾问",
    "col.amount": "金额",
    "sec.people": "按责任人与接待顾问",
    "comp.title": "补偿",
    "comp.summary": "本月补偿合计 {amount}，涉及 {sheets} 单；上月 {previous}。",
    "comp.none": "本月没有补偿。",
    "major.attention": "重大或已升级厂家的投诉共 {total} 张；其中 {attention} 张在月末仍未结案"
                       "或解决超期，列在前面。",
    # issue 12: customer KPI report
    "kpi_report.title": "客户关键指标报告",
    "kpi_report.as_at": "客户分层截至",
    "kpi_report.kpis": "一、关键指标",
    "kpi_report.csat": "客户满意度（CSAT）",
    "kpi_report.average_score": "回访平均分（5分制）",
    "kpi_report.retention": "客户保持率",
    "kpi_report.repurchase": "重复购买率",
    "kpi_report.clv": "平均客户终身价值（元）",
    "kpi_report.basis.retention": "{retained}/{previous} 位上期客户本期再次购买",
    "kpi_report.basis.repurchase": "{repeat}/{buyers} 位本期客户购买两次以上",
    "kpi_report.basis.clv": "累计消费 + 近12个月消费 × {years} 年，按有购买记录的客户平均",
    "kpi_report.pyramid": "二、客户金字塔",
    "kpi_report.rfm": "三、RFM 客户分类",
    "kpi_report.definitions": "四、统计口径说明",
    "kpi_report.segment": "层级",
    "kpi_report.rfm_class": "类别",
    "kpi_report.customers": "客户数",
    "kpi_report.revenue_12m": "近12个月消费（元）",
    "kpi_report.revenue": "累计消费（元）",
    "kpi_report.avg_clv": "平均终身价值（元）",
    "kpi_def.csat": "客户满意度：期间内回访评分为4或5分（满分5分）的次数 ÷ 回访总次数。",
    "kpi_def.retention": "客户保持率：在期间之前等长时段购买过、且在本期间再次购买的客户 ÷ "
                         "之前时段购买过的客户。",
    "kpi_def.repurchase": "重复购买率：本期间购买两次及以上的客户 ÷ 本期间购买过的客户。",
    "kpi_def.clv": "客户终身价值：累计消费 + 近12个月消费 × 3年（假设今后每年与过去一年相同）。",
    "kpi_def.pyramid": "客户金字塔（截至期间最后一天）：近12个月有消费的客户按该消费排序，"
                       "前1%为顶端、前5%为高端、前20%为中端、其余为低端；有消费但近12个月没有为"
                       "不活跃；没有消费为潜在客户。",
    "kpi_def.rfm": "RFM：最近一次消费（R）、消费频次（F）、消费金额（M）按五分位各评1–5分；"
                   "高价值 R≥3、F≥4、M≥4；潜力 R≥3 且 F 或 M≥3；普通 R≥3 其余；"
                   "流失风险 R≤2 且 F 或 M≥4；沉默为其余。",
    # issue 11: attachments on the printout
    "sheet.sec.attachments": "附件",
    "sheet.att_file": "文件",
    "sheet.att_caption": "说明",
    "sheet.att_added": "添加时间 / 添加人",
    "sheet.att_size": "大小",
}

_ZH_TW: dict[str, str] = {
    "report.title": "月度抱怨/投訴分析報告",
    "report.subtitle": "{store} · {month}",
    "report.month": "{year}年{month}月",
    "report.all_stores": "全部門店",
    "report.store": "門店",
    "report.period": "統計期間",
    "report.as_of": "數據截至",
    "report.generated": "生成時間",
    "report.prepared_by": "編製部門",
    "report.prepared_by.value": "客戶關愛部",
    "report.recipients": "報送",
    "report.recipients.value": "服務總監、總經理",
    "report.incomplete": "本月尚未結束：以下數字截至 {as_of}，不是整月數據。",
    "report.footer": "{title} · {store} · {month}",
    "report.page": "第 {page} 頁 / 共 {pages} 頁",
    "report.more": "僅列出前 {shown} 條，共 {total} 條；完整清單見 XLSX/CSV 匯出。",
    "report.none": "無",
    "report.dash": "—",
    "sec.summary": "一、本月概況",
    "sec.breakdown": "二、投訴分佈",
    "sec.timeliness": "三、響應與解決時效",
    "sec.trend": "四、近12個月趨勢",
    "sec.backlog": "五、月末未結案與超期",
    "sec.repeat": "六、重複投訴客戶",
    "sec.root_causes": "七、主要根本原因",
    "sec.actions": "八、糾正預防措施及有效性",
    "sec.csat": "九、回訪滿意度",
    "sec.major": "十、重大投訴清單",
    "sec.definitions": "十一、統計口徑說明",
    "sec.review": "十二、審閱與簽字",
    "kpi.received": "本月受理",
    "kpi.change": "較上月",
    "kpi.major": "其中重大",
    "kpi.response_rate": "響應及時率",
    "kpi.resolution_rate": "解決及時率",
    "kpi.response_median": "響應時間中位數",
    "kpi.response_p90": "響應時間90分位",
    "kpi.resolution_median": "解決時間中位數",
    "kpi.resolution_p90": "解決時間90分位",
    "kpi.open_at_end": "月末未解決",
    "kpi.overdue_at_end": "月末超期",
    "kpi.repeat": "重複投訴客戶",
    "kpi.csat": "回訪滿意率",
    "kpi.previous": "上月",
    "kpi.indicator": "指標",
    "kpi.value": "本月",
    "kpi.basis": "依據",
    "kpi.basis.rate": "{on_time}/{eligible} 單",
    "kpi.basis.times": "{count} 單",
    "kpi.basis.visits": "{satisfied}/{visits} 次回訪",
    "kpi.basis.customers": "{count} 位客戶",
    "col.item": "項目",
    "col.count": "本月",
    "col.share": "佔比",
    "col.previous": "上月",
    "col.change": "增減",
    "col.channel": "接收渠道",
    "col.severity": "嚴重程度",
    "col.category": "抱怨類別",
    "col.area": "責任部門",
    "col.eligible": "應計單數",
    "col.on_time": "按時",
    "col.late": "超時",
    "col.rate": "及時率",
    "col.measured": "樣本數",
    "col.median": "中位數",
    "col.p90": "90分位",
    "col.month": "月份",
    "col.received": "受理",
    "col.major": "重大",
    "col.response_rate": "響應及時率",
    "col.resolution_rate": "解決及時率",
    "col.csat": "滿意率",
    "col.state": "狀態",
    "col.sheets": "單數",
    "col.overdue": "其中超期",
    "col.from_month": "其中本月受理",
    "col.number": "單號",
    "col.received_at": "接收時間",
    "col.responsible": "責任人",
    "col.due": "時限",
    "col.overdue_by": "超期",
    "col.deadline_kind": "超期環節",
    "col.customer": "客戶",
    "col.in_month": "本月單數",
    "col.in_window": "近90天單數",
    "col.last": "最近一次",
    "col.analysed": "已分析",
    "col.top_causes": "最常見的根本原因（次數）",
    "col.action": "措施",
    "col.owner": "負責人",
    "col.due_date": "完成期限",
    "col.status": "進度",
    "col.effectiveness": "有效性",
    "col.sheet": "抱怨單",
    "col.score": "滿意度",
    "col.visits": "回訪次數",
    "col.complaint": "投訴內容",
    "col.resolved_on_time": "按時解決",
    "col.escalated": "已升級廠家",
    "col.total": "合計",
    "col.value": "數值",
    "row.response": "響應",
    "row.resolution": "解決",
    "row.unassigned": "未定責",
    "deadline.response": "響應",
    "deadline.resolution": "解決",
    "action.done": "已完成",
    "action.open": "進行中",
    "action.overdue": "已逾期",
    "actions.summary": "本月涉及措施 {total} 項：有效 {effective} 項，無效 {not_effective} 項，"
                       "待驗證 {pending} 項，逾期未完成 {overdue} 項。此外，以前月份到期仍未完成的"
                       "措施 {carried} 項。",
    "csat.summary": "本月回訪 {visits} 次，滿意（4–5分）{satisfied} 次，滿意率 {rate}，"
                    "平均分 {average}。上月滿意率 {previous}。",
    "csat.none": "本月沒有回訪記錄。",
    "backlog.summary": "截至 {as_of}，未結案抱怨單 {not_closed} 張，其中未解決 {open} 張、"
                       "超期 {overdue} 張。",
    "repeat.summary": "近90天內投訴兩次及以上、且本月有投訴的客戶 {count} 位，其中本月內投訴"
                      "兩次及以上 {in_month} 位。",
    "root.summary": "本月 {total} 張抱怨單中 {analysed} 張已填寫根本原因，{missing} 張尚未分析。",
    "major.summary": "本月重大投訴 {count} 張。",
    "empty.month": "本月沒有受理抱怨/投訴。",
    "chart.by_channel": "按接收渠道（張）",
    "chart.by_area": "按責任部門（張）",
    "chart.trend": "近12個月受理量（張）",
    "chart.rates": "近12個月及時率與滿意率（%）",
    "chart.received": "受理量",
    "chart.major": "重大",
    "review.director": "服務總監審閱意見",
    "review.gm": "總經理審閱意見",
    "review.signature": "簽字",
    "review.date": "日期",
    "review.prepared": "編製人（客戶關愛部）",
    "def.scope": "統計範圍：接收時間在統計月份內的抱怨單（選擇門店時僅計該門店）。"
                 "「上月」按同一口徑統計上一個月。",
    "def.response": "響應及時率：分母為本月受理、且在截止時點前已響應或響應時限已過的抱怨單；"
                    "分子為其中在響應時限內響應的單數（時限為截止時點時有效的時限）。"
                    "尚未響應且時限未到的單不計入。",
    "def.as_at": "截止時點口徑：渠道、嚴重程度、類別、責任部門與責任人、時限和升級均取每張單在"
                 "截止時點時的值；月後的更正、改派、等待客戶或改嚴重程度造成的時限變化，計入發生的"
                 "月份，不改變本月數字。",
    "def.comp": "補償：本月內登記或更正的補償金額（本月受理的單，以及本月修改補償的以前月份的單），"
                "按截止時點的類別統計；月後補錄的補償計入補錄的月份。",
    "def.resolution": "解決及時率：分母為本月受理、且在截止時點前已解決或解決時限已過的抱怨單"
                      "（等待客戶的單僅當開始等待時解決時限已過才計為超時）；分子為在解決時限內解決的單數。"
                      "是否已解決按截止時點的狀態判斷；月後重新打開不改變本月數字，計入重新打開的月份。",
    "def.times": "響應/解決時間：從接收到響應/解決所經過的自然時間。中位數與90分位按「最近秩」法："
                 "將 N 個數值從小到大排列，取第 ⌈p×N⌉ 個（p = 0.5 或 0.9），因此結果總是某一張單"
                 "的實際用時。",
    "def.backlog": "月末未結案與超期：按截止時點的狀態重建（取每張單在截止時點前的最後一次流轉），"
                   "包括以前月份受理、截至月末仍未結案的單。未解決指處於已登記、已響應、處理中、"
                   "等待客戶狀態；超期指已登記未響應且響應或解決時限已過，已響應/處理中且解決時限已過，"
                   "或等待客戶且開始等待時解決時限已過。",
    "def.repeat": "重複投訴客戶：本月有投訴，且在截止時點前90天內（含本月）共有兩張及以上"
                  "抱怨單的客戶。",
    "def.root": "主要根本原因：按「類別 × 責任部門」統計本月單數最多的組合，列出每組中出現次數"
                "最多的根本原因原文。",
    "def.actions": "糾正預防措施：本月新增、本月到期或本月驗證有效性的措施；完成與有效性按"
                   "截止時點的記錄計；期限已過仍未完成即為逾期。以前月份到期、截止時點仍未完成的"
                   "措施單獨計數，不列入清單。",
    "def.csat": "回訪滿意度：回訪日期在本月內的全部回訪記錄（不論抱怨單何時受理）；"
                "滿意率 = 滿意度 4 分或 5 分的回訪次數 / 回訪次數。",
    "def.trend": "12個月趨勢：每個月按與本月相同的口徑計算，截止時點為該月月末。",
    "sheet.title": "抱怨/投訴單",
    "sheet.number": "單號",
    "sheet.store": "門店",
    "sheet.received_at": "接收時間",
    "sheet.received_by": "接收人",
    "sheet.channel": "接收渠道",
    "sheet.severity": "嚴重程度",
    "sheet.category": "抱怨類別",
    "sheet.state": "當前狀態",
    "sheet.escalated": "已升級廠家",
    "sheet.response_due": "響應時限",
    "sheet.resolution_due": "解決時限",
    "sheet.acknowledged": "響應",
    "sheet.resolved": "解決",
    "sheet.sec.identity": "基本資訊",
    "sheet.sec.customer": "客戶資訊",
    "sheet.sec.vehicle": "車輛資訊",
    "sheet.sec.order": "訂單資訊",
    "sheet.sec.complaint": "抱怨/投訴內容",
    "sheet.sec.request": "客戶訴求",
    "sheet.sec.responsibility": "責任",
    "sheet.sec.root_cause": "抱怨產生根本原因分析",
    "sheet.sec.correction": "缺點糾正",
    "sheet.sec.measure": "長期質量保證的措施",
    "sheet.sec.rework": "返修",
    "sheet.sec.visits": "回訪記錄",
    "sheet.sec.progress": "處理記錄",
    "sheet.sec.actions": "糾正預防措施",
    "sheet.sec.history": "流轉記錄",
    "sheet.sec.close": "關閉",
    "sheet.sec.signatures": "簽字",
    "sheet.customer_name": "客戶姓名",
    "sheet.customer_phone": "聯絡電話",
    "sheet.vin": "VIN",
    "sheet.plate": "車牌號",
    "sheet.brand_model": "品牌/車型",
    "sheet.mileage": "行駛里程",
    "sheet.purchase_date": "購車日期",
    "sheet.order_number": "訂單號",
    "sheet.order_date": "訂單日期",
    "sheet.order_amount": "訂單金額",
    "sheet.order_items": "商品/項目",
    "sheet.no_vehicle": "本單未關聯車輛或訂單。",
    "sheet.area": "責任部門",
    "sheet.responsible": "責任人",
    "sheet.compensation": "補償金額",
    "sheet.rework_needed": "需要返修",
    "sheet.rework_done": "返修完成時間",
    "sheet.closed_by": "關閉人",
    "sheet.closed_at": "關閉時間",
    "sheet.closing_remark": "關閉說明",
    "sheet.visit_at": "回訪時間",
    "sheet.visit_by": "回訪人",
    "sheet.visit_kind": "回訪類型",
    "sheet.visit_method": "方式",
    "sheet.visit_score": "滿意度",
    "sheet.visit_feedback": "客戶回饋",
    "sheet.progress_at": "時間",
    "sheet.progress_by": "記錄人",
    "sheet.progress_text": "內容",
    "sheet.progress_notified": "已告知客戶",
    "sheet.history_action": "操作",
    "sheet.history_from": "原狀態",
    "sheet.history_to": "新狀態",
    "sheet.history_note": "說明",
    "sheet.sign.responsible": "責任人簽字",
    "sheet.sign.director": "服務總監簽字",
    "sheet.sign.customer_care": "客戶關愛部存檔",
    "sheet.sign.date": "日期",
    "sheet.printed": "列印時間：{at}",
    "sheet.on_time": "按時",
    "sheet.late": "超時",
    "sheet.yes": "是",
    "sheet.no": "否",
    "sheet.km": "{km} 公里",
    "sheet.yuan": "¥{amount}",
    "sheet.empty": "（未填寫）",
    "letter.title": "致客戶的回覆函",
    "letter.salutation": "尊敬的{name}{honorific}：",
    "letter.honorific.male": "先生",
    "letter.honorific.female": "女士",
    "letter.honorific.unknown": "先生/女士",
    "letter.honorific.company": "",
    "letter.ack": "感謝您於{date}向我們反映的情況（單號 {number}）：{summary}。我們已收到並認真"
                  "核查了您的意見。",
    "letter.admit": "經核查，這是我們在{area}方面的過失，我們對此承擔責任。",
    "letter.no_admit": "經核查，我們已與相關部門一起把情況查清楚。",
    "letter.explain": "問題的原因是：{root_cause}。",
    "letter.explain_pending": "我們正在查明問題的原因，查明後將第一時間告知您。",
    "letter.fix_done": "我們已於{date}採取以下措施：{correction}。",
    "letter.fix_planned": "我們將在{date}之前完成處理：{correction}。",
    "letter.fix_pending": "我們將在{date}之前為您解決此問題，並隨時向您通報進展。",
    "letter.compensation": "為彌補給您帶來的不便，我們將給予您 ¥{amount} 的補償。",
    "letter.rework": "您的車輛返修已於{date}完成。",
    "letter.promise": "為防止類似問題再次發生，我們已採取以下改進措施：{measure}。"
                      "我們保證同樣的問題不會再次發生。",
    "letter.promise_generic": "我們會針對此次問題制定具體的改進措施，保證同樣的問題不會再次發生。",
    "letter.apology": "對於給您帶來的不便，我們深表歉意，並感謝您向我們指出問題。"
                      "如有任何疑問，請隨時與我們聯絡{phone}。",
    "letter.phone": "（電話 {phone}）",
    "letter.closing": "此致\n敬禮",
    "letter.signature": "{store}\n服務總監：______________\n{date}",
    "fmt.minutes": "{m}分鐘",
    "fmt.hours": "{h}小時{m}分",
    "fmt.hours_even": "{h}小時",
    "fmt.days": "{d}天{h}小時",
    "fmt.days_even": "{d}天",
    "fmt.overdue_days": "{d}天",
    # issue 12: as-at-month-end figures
    "kpi.reopened": "本月重開",
    "kpi.basis.reopened": "計入重開發生的月份",
    "report.store_list": "{all}：{names}",
    "report.pro_rata": "本月進行中，已過 {share}：與上月比較的數量按同期比例折算"
                       "（上月數量 × {share}）。",
    "compare.title": "同比與環比",
    "col.this_month": "本月",
    "col.mom": "環比",
    "col.year_ago": "去年同月",
    "col.yoy": "同比",
    "col.person": "責任人",
    "col.advisor": "接待顧問",
    "col.amount": "金額",
    "sec.people": "按責任人與接待顧問",
    "comp.title": "補償",
    "comp.summary": "本月補償合計 {amount}，涉及 {sheets} 單；上月 {previous}。",
    "comp.none": "本月沒有補償。",
    "major.attention": "重大或已升級廠家的投訴共 {total} 張；其中 {attention} 張在月末仍未結案"
                       "或解決超期，列在前面。",
    # issue 12: customer KPI report
    "kpi_report.title": "客戶關鍵指標報告",
    "kpi_report.as_at": "客戶分層截至",
    "kpi_report.kpis": "一、關鍵指標",
    "kpi_report.csat": "客戶滿意度（CSAT）",
    "kpi_report.average_score": "回訪平均分（5分制）",
    "kpi_report.retention": "客戶保持率",
    "kpi_report.repurchase": "重複購買率",
    "kpi_report.clv": "平均客戶終身價值（元）",
    "kpi_report.basis.retention": "{retained}/{previous} 位上期客戶本期再次購買",
    "kpi_report.basis.repurchase": "{repeat}/{buyers} 位本期客戶購買兩次以上",
    "kpi_report.basis.clv": "累計消費 + 近12個月消費 × {years} 年，按有購買記錄的客戶平均",
    "kpi_report.pyramid": "二、客戶金字塔",
    "kpi_report.rfm": "三、RFM 客戶分類",
    "kpi_report.definitions": "四、統計口徑說明",
    "kpi_report.segment": "層級",
    "kpi_report.rfm_class": "類別",
    "kpi_report.customers": "客戶數",
    "kpi_report.revenue_12m": "近12個月消費（元）",
    "kpi_report.revenue": "累計消費（元）",
    "kpi_report.avg_clv": "平均終身價值（元）",
    "kpi_def.csat": "客戶滿意度：期間內回訪評分為4或5分（滿分5分）的次數 ÷ 回訪總次數。",
    "kpi_def.retention": "客戶保持率：在期間之前等長時段購買過、且在本期間再次購買的客戶 ÷ "
                         "之前時段購買過的客戶。",
    "kpi_def.repurchase": "重複購買率：本期間購買兩次及以上的客戶 ÷ 本期間購買過的客戶。",
    "kpi_def.clv": "客戶終身價值：累計消費 + 近12個月消費 × 3年（假設今後每年與過去一年相同）。",
    "kpi_def.pyramid": "客戶金字塔（截至期間最後一天）：近12個月有消費的客戶按該消費排序，"
                       "前1%為頂端、前5%為高端、前20%為中端、其餘為低端；有消費但近12個月沒有為"
                       "不活躍；沒有消費為潛在客戶。",
    "kpi_def.rfm": "RFM：最近一次消費（R）、消費頻次（F）、消費金額（M）按五分位各評1–5分；"
                   "高價值 R≥3、F≥4、M≥4；潛力 R≥3 且 F 或 M≥3；普通 R≥3 其餘；"
                   "流失風險 R≤2 且 F 或 M≥4；沉默為其餘。",
    # issue 11: attachments on the printout
    "sheet.sec.attachments": "附件",
    "sheet.att_file": "檔案",
    "sheet.att_caption": "說明",
    "sheet.att_added": "新增時間 / 新增人",
    "sheet.att_size": "大小",
}

_EN: dict[str, str] = {
    "report.title": "Monthly Complaint Analysis Report",
    "report.subtitle": "{store} · {month}",
    "report.month": "{month_name} {year}",
    "report.all_stores": "All stores",
    "report.store": "Store",
    "report.period": "Period",
    "report.as_of": "Figures as of",
    "report.generated": "Generated",
    "report.prepared_by": "Prepared by",
    "report.prepared_by.value": "Customer Care",
    "report.recipients": "For",
    "report.recipients.value": "Service Director, General Manager",
    "report.incomplete": "The month is not over: the figures below are as of {as_of}, "
                         "not for the whole month.",
    "report.footer": "{title} · {store} · {month}",
    "report.page": "Page {page} of {pages}",
    "report.more": "First {shown} of {total} shown; the XLSX/CSV export has the full list.",
    "report.none": "None",
    "report.dash": "—",
    "sec.summary": "1. The month at a glance",
    "sec.breakdown": "2. Where complaints came from",
    "sec.timeliness": "3. Response and resolution times",
    "sec.trend": "4. Twelve-month trend",
    "sec.backlog": "5. Open and overdue at month end",
    "sec.repeat": "6. Repeat complainants",
    "sec.root_causes": "7. Top root causes",
    "sec.actions": "8. Corrective and preventive actions",
    "sec.csat": "9. Return-visit satisfaction",
    "sec.major": "10. Major complaints",
    "sec.definitions": "11. How the figures are counted",
    "sec.review": "12. Review and sign-off",
    "kpi.received": "Complaints received",
    "kpi.change": "vs last month",
    "kpi.major": "of which major",
    "kpi.response_rate": "Responded on time",
    "kpi.resolution_rate": "Resolved on time",
    "kpi.response_median": "Median response time",
    "kpi.response_p90": "90th percentile response",
    "kpi.resolution_median": "Median resolution time",
    "kpi.resolution_p90": "90th percentile resolution",
    "kpi.open_at_end": "Unresolved at month end",
    "kpi.overdue_at_end": "Overdue at month end",
    "kpi.repeat": "Repeat complainants",
    "kpi.csat": "Return-visit satisfaction",
    "kpi.previous": "Last month",
    "kpi.indicator": "Indicator",
    "kpi.value": "This month",
    "kpi.basis": "Based on",
    "kpi.basis.rate": "{on_time}/{eligible} sheets",
    "kpi.basis.times": "{count} sheets",
    "kpi.basis.visits": "{satisfied}/{visits} visits",
    "kpi.basis.customers": "{count} customers",
    "col.item": "Item",
    "col.count": "This month",
    "col.share": "Share",
    "col.previous": "Last month",
    "col.change": "Change",
    "col.channel": "Channel",
    "col.severity": "Severity",
    "col.category": "Category",
    "col.area": "Responsible area",
    "col.eligible": "Counted",
    "col.on_time": "On time",
    "col.late": "Late",
    "col.rate": "On-time rate",
    "col.measured": "Sheets",
    "col.median": "Median",
    "col.p90": "90th pct.",
    "col.month": "Month",
    "col.received": "Received",
    "col.major": "Major",
    "col.response_rate": "Response on time",
    "col.resolution_rate": "Resolution on time",
    "col.csat": "CSAT",
    "col.state": "State",
    "col.sheets": "Sheets",
    "col.overdue": "of which overdue",
    "col.from_month": "received this month",
    "col.number": "Sheet",
    "col.received_at": "Received",
    "col.responsible": "Responsible",
    "col.due": "Deadline",
    "col.overdue_by": "Overdue by",
    "col.deadline_kind": "Step",
    "col.customer": "Customer",
    "col.in_month": "This month",
    "col.in_window": "Last 90 days",
    "col.last": "Latest",
    "col.analysed": "Analysed",
    "col.top_causes": "Most frequent root causes (times)",
    "col.action": "Action",
    "col.owner": "Owner",
    "col.due_date": "Due",
    "col.status": "Status",
    "col.effectiveness": "Effectiveness",
    "col.sheet": "Sheet",
    "col.score": "Score",
    "col.visits": "Visits",
    "col.complaint": "Complaint",
    "col.resolved_on_time": "Resolved on time",
    "col.escalated": "Escalated to OEM",
    "col.total": "Total",
    "col.value": "Value",
    "row.response": "Response",
    "row.resolution": "Resolution",
    "row.unassigned": "Not yet assigned",
    "deadline.response": "Response",
    "deadline.resolution": "Resolution",
    "action.done": "Done",
    "action.open": "Open",
    "action.overdue": "Overdue",
    "actions.summary": "{total} actions this month: {effective} effective, {not_effective} "
                       "not effective, {pending} awaiting the check, {overdue} overdue. "
                       "Besides, {carried} older actions were due before this month and are "
                       "still not done.",
    "csat.summary": "{visits} return visits this month, {satisfied} satisfied (score 4–5): "
                    "{rate}; average score {average}. Last month: {previous}.",
    "csat.none": "No return visits were recorded this month.",
    "backlog.summary": "As of {as_of}, {not_closed} sheets were not closed: {open} unresolved, "
                       "{overdue} overdue.",
    "repeat.summary": "{count} customers complained this month and have two or more sheets in "
                      "the last 90 days; {in_month} of them complained twice or more this month.",
    "root.summary": "{analysed} of this month's {total} sheets have a root cause; {missing} "
                    "are not analysed yet.",
    "major.summary": "{count} major complaints this month.",
    "empty.month": "No complaints were received this month.",
    "chart.by_channel": "By channel (sheets)",
    "chart.by_area": "By responsible area (sheets)",
    "chart.trend": "Complaints received, last 12 months",
    "chart.rates": "On-time rates and satisfaction, last 12 months (%)",
    "chart.received": "Received",
    "chart.major": "Major",
    "review.director": "Service Director's review",
    "review.gm": "General Manager's review",
    "review.signature": "Signature",
    "review.date": "Date",
    "review.prepared": "Prepared by (Customer Care)",
    "def.scope": "Scope: sheets received in the month (of the chosen store, if one is "
                 "chosen). \"Last month\" counts the previous month the same way.",
    "def.response": "Responded on time: out of this month's sheets that were responded to, "
                    "or whose response deadline had passed, by the cut-off; the share "
                    "responded to by the deadline as it stood at the cut-off. Sheets still "
                    "within their deadline are left out.",
    "def.as_at": "As at the cut-off: channel, severity, category, responsible area and "
                 "person, deadlines and escalation are each sheet's values at the cut-off. "
                 "A later correction, reassignment, or deadline moved by a wait or a new "
                 "severity counts in the month it is made and leaves this month's figures "
                 "as they were.",
    "def.comp": "Compensation: amounts entered or corrected in the month (on this month's "
                "sheets and on older sheets changed in it), by category at the cut-off; an "
                "amount entered later counts in that later month.",
    "def.resolution": "Resolved on time: out of this month's sheets that were resolved, or "
                      "whose resolution deadline had passed, by the cut-off (a sheet waiting "
                      "for the customer is late only if its deadline had passed when the "
                      "wait began); the share resolved by the "
                      "deadline. Resolved means resolved as the sheet stood at the cut-off; "
                      "a reopening after the month changes nothing in it and counts in the "
                      "month it happens.",
    "def.times": "Response and resolution times are elapsed time from receipt. Median and "
                 "90th percentile use the nearest-rank method: of N values in ascending "
                 "order, the ⌈p×N⌉-th (p = 0.5 or 0.9), so each figure is a real sheet's time.",
    "def.backlog": "Open and overdue at month end are rebuilt as of the cut-off (each sheet's "
                   "last workflow step before it), including sheets from earlier months. "
                   "Unresolved: registered, acknowledged, in progress or waiting. Overdue: "
                   "registered past the response or resolution deadline, acknowledged/in "
                   "progress past the resolution deadline, or waiting for the customer with "
                   "the resolution deadline already passed when the wait began.",
    "def.repeat": "Repeat complainant: a customer with a sheet this month and two or more "
                  "sheets in the 90 days up to the cut-off (this month included).",
    "def.root": "Top root causes: the category × responsible-area pairs with the most sheets "
                "this month, each with its most frequent root-cause texts.",
    "def.actions": "Corrective actions: those added, due or checked this month; done and "
                   "effectiveness as recorded by the cut-off; overdue = past its due date "
                   "and not done. Older actions due before the month and still not done are "
                   "counted apart, not listed.",
    "def.csat": "Return-visit satisfaction: every return visit dated in the month (whenever "
                "the sheet was received); satisfied = score 4 or 5.",
    "def.trend": "Twelve-month trend: each month counted as above, cut off at its own end.",
    "sheet.title": "Complaint Sheet",
    "sheet.number": "Sheet number",
    "sheet.store": "Store",
    "sheet.received_at": "Received",
    "sheet.received_by": "Received by",
    "sheet.channel": "Channel",
    "sheet.severity": "Severity",
    "sheet.category": "Category",
    "sheet.state": "State",
    "sheet.escalated": "Escalated to OEM",
    "sheet.response_due": "Response due",
    "sheet.resolution_due": "Resolution due",
    "sheet.acknowledged": "Responded",
    "sheet.resolved": "Resolved",
    "sheet.sec.identity": "Identity",
    "sheet.sec.customer": "Customer",
    "sheet.sec.vehicle": "Vehicle",
    "sheet.sec.order": "Order",
    "sheet.sec.complaint": "Complaint (customer's words)",
    "sheet.sec.request": "What the customer asks for",
    "sheet.sec.responsibility": "Responsibility",
    "sheet.sec.root_cause": "Root cause",
    "sheet.sec.correction": "Immediate correction",
    "sheet.sec.measure": "Long-term measure",
    "sheet.sec.rework": "Rework",
    "sheet.sec.visits": "Return visits",
    "sheet.sec.progress": "Progress log",
    "sheet.sec.actions": "Corrective and preventive actions",
    "sheet.sec.history": "Workflow history",
    "sheet.sec.close": "Close-out",
    "sheet.sec.signatures": "Signatures",
    "sheet.customer_name": "Name",
    "sheet.customer_phone": "Phone",
    "sheet.vin": "VIN",
    "sheet.plate": "Plate",
    "sheet.brand_model": "Brand / model",
    "sheet.mileage": "Mileage",
    "sheet.purchase_date": "Purchased",
    "sheet.order_number": "Order number",
    "sheet.order_date": "Order date",
    "sheet.order_amount": "Amount",
    "sheet.order_items": "Items",
    "sheet.no_vehicle": "No vehicle or order on this sheet.",
    "sheet.area": "Responsible area",
    "sheet.responsible": "Responsible person",
    "sheet.compensation": "Compensation",
    "sheet.rework_needed": "Rework needed",
    "sheet.rework_done": "Rework completed",
    "sheet.closed_by": "Closed by",
    "sheet.closed_at": "Closed at",
    "sheet.closing_remark": "Closing remark",
    "sheet.visit_at": "When",
    "sheet.visit_by": "By",
    "sheet.visit_kind": "Kind",
    "sheet.visit_method": "How",
    "sheet.visit_score": "Score",
    "sheet.visit_feedback": "Customer's feedback",
    "sheet.progress_at": "When",
    "sheet.progress_by": "By",
    "sheet.progress_text": "Entry",
    "sheet.progress_notified": "Customer told",
    "sheet.history_action": "Action",
    "sheet.history_from": "From",
    "sheet.history_to": "To",
    "sheet.history_note": "Note",
    "sheet.sign.responsible": "Responsible person",
    "sheet.sign.director": "Service Director",
    "sheet.sign.customer_care": "Filed by Customer Care",
    "sheet.sign.date": "Date",
    "sheet.printed": "Printed {at}",
    "sheet.on_time": "on time",
    "sheet.late": "late",
    "sheet.yes": "Yes",
    "sheet.no": "No",
    "sheet.km": "{km} km",
    "sheet.yuan": "CNY {amount}",
    "sheet.empty": "(not filled in)",
    "letter.title": "Reply to your complaint",
    "letter.salutation": "Dear {honorific}{name},",
    "letter.honorific.male": "Mr ",
    "letter.honorific.female": "Ms ",
    "letter.honorific.unknown": "",
    "letter.honorific.company": "",
    "letter.ack": "Thank you for your message of {date} (reference {number}) in which you "
                  "told us: {summary}. We have received it and looked into it carefully.",
    "letter.admit": "We found that this was our mistake ({area}), and we take "
                    "responsibility for it.",
    "letter.no_admit": "We have looked into the matter together with the departments "
                       "concerned.",
    "letter.explain": "The problem was caused by the following: {root_cause}.",
    "letter.explain_pending": "We are still establishing the cause and will tell you as soon "
                              "as we know it.",
    "letter.fix_done": "On {date} we put it right as follows: {correction}.",
    "letter.fix_planned": "We will put it right by {date} as follows: {correction}.",
    "letter.fix_pending": "We will put it right by {date} and keep you informed of our "
                          "progress.",
    "letter.compensation": "To make up for the inconvenience we will pay you compensation "
                           "of CNY {amount}.",
    "letter.rework": "The rework on your vehicle was completed on {date}.",
    "letter.promise": "To make sure it does not happen again we have made this change: "
                      "{measure}. I can assure you that the same mistake will not occur again.",
    "letter.promise_generic": "We are putting a concrete change in place so that the same "
                              "mistake will not occur again.",
    "letter.apology": "I am sorry for the inconvenience this has caused you, and thank you "
                      "for bringing it to our attention. Please contact us at any time{phone}.",
    "letter.phone": " (phone {phone})",
    "letter.closing": "Yours sincerely,",
    "letter.signature": "______________\nService Director\n{store}\n{date}",
    "fmt.minutes": "{m} min",
    "fmt.hours": "{h} h {m} min",
    "fmt.hours_even": "{h} h",
    "fmt.days": "{d} d {h} h",
    "fmt.days_even": "{d} d",
    "fmt.overdue_days": "{d} d",
    # issue 12: as-at-month-end figures
    "kpi.reopened": "Reopened this month",
    "kpi.basis.reopened": "counted in the month they happen",
    "report.store_list": "{all}: {names}",
    "report.pro_rata": "The month is in progress ({share} elapsed): counts are compared "
                       "with last month's scaled to the same share (last month × {share}).",
    "compare.title": "Year on year and month on month",
    "col.this_month": "This month",
    "col.mom": "vs last month",
    "col.year_ago": "Same month last year",
    "col.yoy": "vs last year",
    "col.person": "Responsible person",
    "col.advisor": "Receiving advisor",
    "col.amount": "Amount",
    "sec.people": "By responsible person and receiving advisor",
    "comp.title": "Compensation",
    "comp.summary": "Compensation this month: {amount} on {sheets} sheets; last month "
                    "{previous}.",
    "comp.none": "No compensation this month.",
    "major.attention": "{total} major or escalated complaints; the {attention} still open "
                       "at the month's end or resolved late come first.",
    # issue 12: customer KPI report
    "kpi_report.title": "Customer KPI report",
    "kpi_report.as_at": "Customer tiers as at",
    "kpi_report.kpis": "1. Key indicators",
    "kpi_report.csat": "Customer satisfaction (CSAT)",
    "kpi_report.average_score": "Average return-visit score (of 5)",
    "kpi_report.retention": "Retention rate",
    "kpi_report.repurchase": "Repurchase rate",
    "kpi_report.clv": "Average customer lifetime value (CNY)",
    "kpi_report.basis.retention": "{retained} of {previous} earlier customers bought again",
    "kpi_report.basis.repurchase": "{repeat} of {buyers} buyers bought twice or more",
    "kpi_report.basis.clv": "revenue so far + last 12 months × {years} years, per customer "
                            "with an order",
    "kpi_report.pyramid": "2. Customer pyramid",
    "kpi_report.rfm": "3. RFM classes",
    "kpi_report.definitions": "4. Definitions",
    "kpi_report.segment": "Segment",
    "kpi_report.rfm_class": "Class",
    "kpi_report.customers": "Customers",
    "kpi_report.revenue_12m": "Revenue, last 12 months",
    "kpi_report.revenue": "Revenue, all time",
    "kpi_report.avg_clv": "Average lifetime value",
    "kpi_def.csat": "CSAT: return visits of the period scoring 4 or 5 (of 5) / all of them.",
    "kpi_def.retention": "Retention rate: customers who ordered in the period of equal length "
                         "just before and again in the period / those who ordered before.",
    "kpi_def.repurchase": "Repurchase rate: buyers of the period with two or more orders / "
                          "all its buyers.",
    "kpi_def.clv": "Customer lifetime value: revenue so far + revenue of the last 12 months "
                   "× 3 years (if the coming years look like the last one).",
    "kpi_def.pyramid": "Pyramid, at the period's last day: customers with an order in the last "
                       "12 months ranked by that revenue; top 1 %, high to 5 %, middle to 20 %, "
                       "low the rest; inactive: orders, none in 12 months; prospects: no order.",
    "kpi_def.rfm": "RFM: recency, frequency and monetary value each scored 1–5 by quintile; "
                   "high value R≥3 F≥4 M≥4; potential R≥3 and F or M ≥3; ordinary R≥3 "
                   "otherwise; at risk R≤2 and F or M ≥4; silent otherwise.",
    # issue 11: attachments on the printout
    "sheet.sec.attachments": "Attachments",
    "sheet.att_file": "File",
    "sheet.att_caption": "Caption",
    "sheet.att_added": "Added / by",
    "sheet.att_size": "Size",
}

TEXTS: dict[str, dict[str, str]] = {"zh_CN": _ZH_CN, "zh_TW": _ZH_TW, "en": _EN}

_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")

def text(lang: str, key: str, **values: object) -> str:
    """The text ``key`` in ``lang`` with ``{placeholders}`` filled."""
    template = TEXTS[lang][key]
    return template.format(**values) if values else template


def label(lang: str, value: StrEnum | None) -> str:
    """The name of an enumeration member in ``lang`` (from the vocabulary)."""
    return "" if value is None else vocabulary.label(value, lang)


def action_label(lang: str, action: str) -> str:
    return vocabulary.action_label(action, lang)


def method_label(lang: str, method: str) -> str:
    return vocabulary.method_label(method, lang)


def month_title(lang: str, month: date) -> str:
    """``2026年10月`` / ``October 2026``."""
    return text(lang, "report.month", year=month.year, month=month.month,
                month_name=_MONTH_NAMES[month.month - 1])


def month_short(month: date) -> str:
    """``2026-10`` (chart axes and the trend table, the same in every language)."""
    return f"{month.year:04d}-{month.month:02d}"


def fmt_datetime(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def fmt_cutoff(value: datetime) -> str:
    """A cut-off at midnight reads as the end of the day before: ``2026-10-31 24:00``."""
    if value.hour == 0 and value.minute == 0 and value.second == 0:
        return f"{(value - timedelta(days=1)):%Y-%m-%d} 24:00"
    return fmt_datetime(value)


def fmt_date(value: date | datetime | None) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def fmt_percent(rate: float | None) -> str:
    """``87.5%`` with one decimal; ``—`` when there is nothing to divide."""
    return "—" if rate is None else f"{rate * 100:.1f}%"


def fmt_duration(lang: str, minutes: int | None) -> str:
    """Elapsed minutes in the reader's units: ``45分钟``, ``2 h 15 min``, ``3天4小时``
    (from a day on, rounded up to the hour)."""
    if minutes is None:
        return "—"
    if minutes < 60:
        return text(lang, "fmt.minutes", m=minutes)
    hours, mins = divmod(minutes, 60)
    if hours < 24:
        return text(lang, "fmt.hours", h=hours, m=mins) if mins else \
            text(lang, "fmt.hours_even", h=hours)
    # Beyond a day the minutes are not shown: round up to the hour, so a slow case is
    # never printed faster than it was (1,725 minutes is 1天5小时, not 1天4小时).
    days, hours = divmod(-(-minutes // 60), 24)
    return text(lang, "fmt.days", d=days, h=hours) if hours else \
        text(lang, "fmt.days_even", d=days)


def fmt_change(current: int, previous: int) -> str:
    """``+3 (+12.5%)``, ``-2 (-10.0%)``, ``+5 (—)`` when last month had none."""
    delta = current - previous
    sign = "+" if delta >= 0 else "-"
    if previous == 0:
        pct = "—"
    else:
        pct = f"{sign}{abs(delta) / previous * 100:.1f}%"
    return f"{sign}{abs(delta)} ({pct})"


def fmt_points(now: float | None, before: float | None) -> str:
    """The change of a rate in percentage points: ``+3.2 pt`` (``—`` without both)."""
    if now is None or before is None:
        return "—"
    return f"{(now - before) * 100:+.1f} pt"


def fmt_amount(cents: int) -> str:
    """Fen as yuan with two decimals and thousands separators: ``1,234.50``."""
    sign = "-" if cents < 0 else ""
    yuan, fen = divmod(abs(cents), 100)
    return f"{sign}{yuan:,}.{fen:02d}"


def category_name(lang: str, names: dict[str, tuple[str, ...]], code: str) -> str:
    """A category's name in ``lang`` from the settings' [简体, 繁體, English] lists."""
    return vocabulary.category_name(names, code, lang)
