"""What the desk says when it refuses something, in each of its languages (错误提示).

Errors carry a stable ``code`` and their ``params``; this table maps a code to its
text in Simplified Chinese, Traditional Chinese and English (the English text is the
source), so the desktop (``ui/messages``) and the command line read the same words.
Like :mod:`helpdesk.domain.vocabulary` it is plain data without Qt. Parameters are
shown the way a person reads them (dates as ``2026-11-20 14:30``, lists of phrases
quoted and joined, roles by their names). Codes built at run time
(``permission.<name>``, ``<field>.invalid``, ``<what>.not_found``) are handled by their
shape; a code missing everywhere falls back to the error's English message, so
nothing is ever shown blank.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from typing import Any

from helpdesk.domain import text, vocabulary
from helpdesk.domain.errors import HelpdeskError, ValidationErrors
from helpdesk.domain.users import Permission, Role, roles_with
from helpdesk.domain.vocabulary import DEFAULT_LANGUAGE, Labels

# code -> (简体, 繁體, English); {name} placeholders are filled from error.params.
TEMPLATES: Mapping[str, Labels] = {
    "vin.empty": (
        "请输入车架号（VIN）。",
        "請輸入車架號（VIN）。",
        "Enter the VIN.",
    ),
    "vin.length": (
        "车架号应为17位；{value} 有 {length} 位。",
        "車架號應為17位；{value} 有 {length} 位。",
        "A VIN has exactly 17 characters; {value} has {length}.",
    ),
    "vin.characters": (
        "{value} 的第 {position} 位是“{character}”；车架号只使用数字和除 I、O、Q 以外的字母 "
        "A–Z。",
        "{value} 的第 {position} 位是“{character}”；車架號只使用數字和除 I、O、Q 以外的字母 "
        "A–Z。",
        "{value} contains “{character}” at position {position}; a VIN uses only digits and "
        "the letters A–Z except I, O and Q.",
    ),
    "vin.check_digit": (
        "车架号 {value} 校验不通过：第9位应为“{expected}”，实际为“{found}”。请检查是否输错；"
        "如确认无误（如进口车），{override_roles}可以接受该车架号。",
        "車架號 {value} 校驗不通過：第9位應為“{expected}”，實際為“{found}”。請檢查是否輸錯；"
        "如確認無誤（如進口車），{override_roles}可以接受該車架號。",
        "The VIN {value} fails its check: the 9th character should be “{expected}” but is "
        "“{found}”. Check for a mistyped character; if it is right (an imported vehicle), "
        "a {override_roles} can accept it.",
    ),
    "vin.taken": (
        "该车架号属于另一位客户（{customer_name}），请选择该客户。",
        "該車架號屬於另一位客戶（{customer_name}），請選擇該客戶。",
        "This VIN belongs to another customer ({customer_name}); pick that customer.",
    ),
    "vin.repeated": (
        "同一车架号填写了两次。",
        "同一車架號填寫了兩次。",
        "The same VIN is given twice.",
    ),
    "plate.empty": (
        "请输入车牌号。",
        "請輸入車牌號。",
        "Enter the plate number.",
    ),
    "plate.format": (
        "{value} 不是有效的车牌号（例如 京A12345，新能源车如 粤BD12345）。",
        "{value} 不是有效的車牌號（例如 京A12345，新能源車如 粵BD12345）。",
        "{value} is not a Chinese plate number (for example 京A12345, or 粤BD12345 for a "
        "new-energy vehicle).",
    ),
    "plate.unknown": (
        "该客户没有车牌为 {value} 的车辆；请同时填写车架号。",
        "該客戶沒有車牌為 {value} 的車輛；請同時填寫車架號。",
        "This customer has no vehicle {value}; give the VIN too.",
    ),
    "phone.empty": (
        "请输入电话号码。",
        "請輸入電話號碼。",
        "Enter a phone number.",
    ),
    "phone.invalid": (
        "{value} 不是有效的电话号码（例如 13812345678、010-62345678 或 +44 20 7946 "
        "0958，只填数字）。",
        "{value} 不是有效的電話號碼（例如 13812345678、010-62345678 或 +44 20 7946 "
        "0958，只填數字）。",
        "{value} is not a valid phone number (for example 13812345678, 010-62345678 or +44 "
        "20 7946 0958; digits only).",
    ),
    "phone.required": (
        "回访需要客户的电话号码。",
        "回訪需要客戶的電話號碼。",
        "A phone number is needed for the return visit.",
    ),
    "phone.duplicate": (
        "该电话号码已属于客户 {customer_name}，请直接选择该客户。",
        "該電話號碼已屬於客戶 {customer_name}，請直接選擇該客戶。",
        "This phone number belongs to {customer_name} already: pick that customer instead.",
    ),
    "email.empty": (
        "请输入电子邮箱。",
        "請輸入電子郵箱。",
        "Enter the e-mail address.",
    ),
    "email.invalid": (
        "{value} 不是有效的电子邮箱（例如 wang.lei@example.com）。",
        "{value} 不是有效的電子郵箱（例如 wang.lei@example.com）。",
        "{value} is not an e-mail address (for example wang.lei@example.com).",
    ),
    "name.required": (
        "请输入姓名。",
        "請輸入姓名。",
        "Enter the name.",
    ),
    "name.too_long": (
        "姓名有 {length} 个字符，最多允许 {max_length} 个。",
        "姓名有 {length} 個字元，最多允許 {max_length} 個。",
        "The name has {length} characters; at most {max_length} are allowed.",
    ),
    "name.invalid": (
        "{value} 不是姓名：必须包含汉字或字母。",
        "{value} 不是姓名：必須包含漢字或字母。",
        "{value} is not a name: it must contain letters or Chinese characters.",
    ),
    "text.required": (
        "此项必填。",
        "此項必填。",
        "This field is required.",
    ),
    "text.too_long": (
        "内容有 {length} 个字符，最多允许 {max_length} 个。",
        "內容有 {length} 個字元，最多允許 {max_length} 個。",
        "The text has {length} characters; at most {max_length} are allowed.",
    ),
    "text.control": (
        "内容在第 {position} 个字符处含有不可见的控制字符（{codepoint}），请删除（常随粘贴带"
        "入）。",
        "內容在第 {position} 個字元處含有不可見的控制字元（{codepoint}），請刪除（常隨貼上帶"
        "入）。",
        "The text contains an invisible control character ({codepoint}) at position "
        "{position}; remove it (it often comes with pasted text).",
    ),
    "measure.empty": (
        "此项为空：请具体写明改变什么、由谁负责、何时完成。",
        "此項為空：請具體寫明改變什麼、由誰負責、何時完成。",
        "This is empty: say concretely what changes, who owns it and by when.",
    ),
    "measure.empty_words": (
        "{phrases} 不是具体措施：请写明由谁、在何时前、做什么（还缺：{missing}）。",
        "{phrases} 不是具體措施：請寫明由誰、在何時前、做什麼（還缺：{missing}）。",
        "{phrases} is not a concrete measure: say who does what by when (missing: {missing}).",
    ),
    "measure.too_vague": (
        "“{value}”过于空泛：请写明由谁、在何时前、做什么（还缺：{missing}）。",
        "“{value}”過於空泛：請寫明由誰、在何時前、做什麼（還缺：{missing}）。",
        "“{value}” is too vague: say who does what by when (missing: {missing}).",
    ),
    "amount.empty": (
        "请输入金额。",
        "請輸入金額。",
        "Enter the amount.",
    ),
    "amount.invalid": (
        "{value} 不是有效金额（例如 1,234.50）。",
        "{value} 不是有效金額（例如 1,234.50）。",
        "{value} is not an amount of money (for example 1,234.50).",
    ),
    "amount.negative": (
        "金额不能为负数。",
        "金額不能為負數。",
        "The amount cannot be negative.",
    ),
    "amount.precision": (
        "金额 {value} 超过两位小数（最小单位为分）。",
        "金額 {value} 超過兩位小數（最小單位為分）。",
        "The amount {value} has more than two decimals (fen are the smallest unit).",
    ),
    "amount.too_large": (
        "金额 {value} 过大。",
        "金額 {value} 過大。",
        "The amount {value} is too large.",
    ),
    "mileage.invalid": (
        "里程必须是整数公里数。",
        "里程必須是整數公里數。",
        "The mileage must be a whole number of kilometres.",
    ),
    "satisfaction.invalid": (
        "{value} 不是满意度评分，请输入1到5的整数。",
        "{value} 不是滿意度評分，請輸入1到5的整數。",
        "{value} is not a satisfaction score; enter a whole number from 1 to 5.",
    ),
    "satisfaction.range": (
        "满意度 {value} 超出范围，请输入1到5。",
        "滿意度 {value} 超出範圍，請輸入1到5。",
        "The satisfaction score {value} is out of range; enter 1 to 5.",
    ),
    "satisfaction.required": (
        "请输入回访的满意度（1–5）。",
        "請輸入回訪的滿意度（1–5）。",
        "Enter the satisfaction (1–5) of the return visit.",
    ),
    "date.future": (
        "{value} 是将来的时间（现在是 {now}）。",
        "{value} 是將來的時間（現在是 {now}）。",
        "{value} is in the future (it is now {now}).",
    ),
    "date.too_old": (
        "日期太早（超过一年的抱怨请用导入登记；生日不能早于1900年）。",
        "日期太早（超過一年的抱怨請用匯入登記；生日不能早於1900年）。",
        "This date is too far back (a complaint older than a year belongs in an import; a "
        "birthday cannot be before 1900).",
    ),
    "date.before_received": (
        "不能早于接收抱怨的时间。",
        "不能早於接收抱怨的時間。",
        "This cannot be earlier than the time the complaint was received.",
    ),
    "date.invalid": (
        "{value} 不是日期（请写成 2026-11-20 或 2026-11-20 14:30）。",
        "{value} 不是日期（請寫成 2026-11-20 或 2026-11-20 14:30）。",
        "{value} is not a date (use 2026-11-20 or 2026-11-20 14:30).",
    ),
    "date.has_time": (
        "{value} 只应填写日期。",
        "{value} 只應填寫日期。",
        "{value} should be a date only.",
    ),
    "date.order": (
        "该时间早于必须在它之前发生的步骤。",
        "該時間早於必須在它之前發生的步驟。",
        "This time is earlier than a step that must come before it.",
    ),
    "visit.before_resolved": (
        "回访时间不能早于解决时间。",
        "回訪時間不能早於解決時間。",
        "A return visit cannot be earlier than the resolution.",
    ),
    "bool.invalid": (
        "{value} 不是“是/否”。",
        "{value} 不是“是/否”。",
        "{value} is not 是/否 (yes/no).",
    ),
    "number.invalid": (
        "{value} 不是抱怨单号（最多32位字母、数字、- _ /）。",
        "{value} 不是抱怨單號（最多32位字母、數字、- _ /）。",
        "{value} is not a sheet number (up to 32 letters, digits, - _ /).",
    ),
    "number.taken": (
        "抱怨单 {value} 已存在。",
        "抱怨單 {value} 已存在。",
        "The sheet {value} exists already.",
    ),
    "order_number.empty": (
        "请输入订单号。",
        "請輸入訂單號。",
        "Enter the order number.",
    ),
    "order_number.invalid": (
        "{value} 不是订单号：最多40位字母、数字、‘-’、‘_’或‘/’。",
        "{value} 不是訂單號：最多40位字母、數字、‘-’、‘_’或‘/’。",
        "{value} is not an order number: use up to 40 letters, digits, ‘-’, ‘_’ or ‘/’.",
    ),
    "order_number.taken": (
        "订单 {number} 已存在。",
        "訂單 {number} 已存在。",
        "The order {number} exists already.",
    ),
    "order_number.required": (
        "已填写订单信息，但订单号为空。",
        "已填寫訂單資訊，但訂單號為空。",
        "Order details are filled in but the order number is empty.",
    ),
    "order.not_customers": (
        "该订单不属于此客户。",
        "該訂單不屬於此客戶。",
        "That order does not belong to the customer.",
    ),
    "customer.required": (
        "请先查找或新建客户。",
        "請先查詢或新建客戶。",
        "Find or create the customer first.",
    ),
    "customer.not_found": (
        "该客户不存在（或已合并到其他客户）。",
        "該客戶不存在（或已合併到其他客戶）。",
        "That customer does not exist (or was merged into another).",
    ),
    "customer.merged": (
        "该客户已合并到另一条客户档案。",
        "該客戶已合併到另一條客戶檔案。",
        "That customer was merged into another record.",
    ),
    "vehicle.not_customers": (
        "该车辆不属于此客户。",
        "該車輛不屬於此客戶。",
        "That vehicle does not belong to the customer.",
    ),
    "sheet.vehicle_and_order": (
        "一张抱怨单只能关联车辆或订单之一，不能同时关联。",
        "一張抱怨單隻能關聯車輛或訂單之一，不能同時關聯。",
        "A sheet refers to a vehicle or an order, not both.",
    ),
    "month.invalid": (
        "{value} 不是月份，请写成 2026-10。",
        "{value} 不是月份，請寫成 2026-10。",
        "{value} is not a month; write it as 2026-10.",
    ),
    "month.future": (
        "{month} 尚未开始，请选择已经过去的月份。",
        "{month} 尚未開始，請選擇已經過去的月份。",
        "{month} has not begun yet; choose a past month.",
    ),
    "store.not_found": (
        "没有代码为 {store} 的门店（现有门店：{stores}）。",
        "沒有代碼為 {store} 的門店（現有門店：{stores}）。",
        "There is no store {store} (stores: {stores}).",
    ),
    "sheet.not_found": (
        "该抱怨单不存在。",
        "該抱怨單不存在。",
        "That complaint sheet does not exist.",
    ),
    "category.invalid": (
        "请从列表中选择抱怨类别。",
        "請從列表中選擇抱怨類別。",
        "Choose a category from the list.",
    ),
    "store.required": (
        "请选择门店。",
        "請選擇門店。",
        "Choose the store.",
    ),
    "user.not_found": (
        "请选择一位在职员工。",
        "請選擇一位在職員工。",
        "Choose an active member of staff.",
    ),
    "responsible.ambiguous": (
        "有多位员工名叫 {value}，请使用用户名。",
        "有多位員工名叫 {value}，請使用使用者名稱。",
        "Several staff members are called {value}; use the user name.",
    ),
    "responsible.unknown": (
        "没有员工 {value}，请先添加。",
        "沒有員工 {value}，請先新增。",
        "There is no staff member {value}; add them first.",
    ),
    "assign.area_missing": (
        "指定责任前请先选择责任部门。",
        "指定責任前請先選擇責任部門。",
        "Choose the responsible area to assign the sheet.",
    ),
    "assign.person_missing": (
        "指定责任前请先选择责任人。",
        "指定責任前請先選擇責任人。",
        "Choose the responsible person to assign the sheet.",
    ),
    "assign.not_responsible": (
        "{name} 不处理抱怨单（管理员、总经理），不能作为责任人。",
        "{name} 不處理抱怨單（管理員、總經理），不能作為責任人。",
        "{name} does not work on complaints (administrator, general manager) and cannot "
        "be responsible.",
    ),
    "resolve.area_missing": (
        "解决前请先选择责任部门。",
        "解決前請先選擇責任部門。",
        "Choose the responsible area before resolving.",
    ),
    "resolve.person_missing": (
        "解决前请先选择责任人。",
        "解決前請先選擇責任人。",
        "Choose the responsible person before resolving.",
    ),
    "resolve.correction_missing": (
        "解决前请写明为该客户做了哪些纠正。",
        "解決前請寫明為該客戶做了哪些糾正。",
        "Describe what was done for this customer before resolving.",
    ),
    "resolve.rework_open": (
        "返修尚未完成：请填写返修完成时间。",
        "返修尚未完成：請填寫返修完成時間。",
        "The rework is not completed yet: enter when it was completed.",
    ),
    "action.owner_missing": (
        "每项措施都需要负责人。",
        "每項措施都需要負責人。",
        "Every action needs an owner.",
    ),
    "action.due_missing": (
        "每项措施都需要完成期限。",
        "每項措施都需要完成期限。",
        "Every action needs a due date.",
    ),
    "action.foreign": (
        "该措施属于另一张抱怨单。",
        "該措施屬於另一張抱怨單。",
        "That action belongs to another sheet.",
    ),
    "action.not_found": (
        "该措施不在这张抱怨单上。",
        "該措施不在這張抱怨單上。",
        "That action is not on this sheet.",
    ),
    "state.invalid": (
        "未知状态。",
        "未知狀態。",
        "Unknown state.",
    ),
    "state.mismatch": (
        "该值与抱怨单的状态不符（请填写状态，或清空此项）。",
        "該值與抱怨單的狀態不符（請填寫狀態，或清空此項）。",
        "This value does not fit the sheet's state (fill the state, or clear it).",
    ),
    "workflow.state": (
        "抱怨单处于“{state}”状态，不能执行“{action}”。",
        "抱怨單處於“{state}”狀態，不能執行“{action}”。",
        "“{action}” is not possible while the sheet is “{state}”.",
    ),
    "workflow.closed": (
        "抱怨单已关闭；如需修改请先重新打开。",
        "抱怨單已關閉；如需修改請先重新打開。",
        "The sheet is closed; reopen it to change it.",
    ),
    "close.no_visit": (
        "关闭前需要一次记录了客户满意度的回访。",
        "關閉前需要一次記錄了客戶滿意度的回訪。",
        "Closing needs a return visit with the customer's satisfaction recorded.",
    ),
    "conflict": (
        "{saved_by} 在 {saved_at} 保存了这条记录，晚于您打开的时间。您的输入仍然保留；重新载"
        "入可查看对方的修改。",
        "{saved_by} 在 {saved_at} 儲存了這條記錄，晚於您打開的時間。您的輸入仍然保留；重新載"
        "入可檢視對方的修改。",
        "{saved_by} saved this record at {saved_at}, after you opened it. Your input is "
        "kept; reload to see their changes.",
    ),
    "auth.failed": (
        "用户名或密码错误。",
        "使用者名稱或密碼錯誤。",
        "Wrong user name or password.",
    ),
    "auth.locked": (
        "失败次数过多：该账号已锁定至 {until}。请届时再试，或请管理员重设密码。",
        "失敗次數過多：該賬號已鎖定至 {until}。請屆時再試，或請管理員重設密碼。",
        "Too many failed attempts: this account is locked until {until}. Try again then, or "
        "ask the administrator to set a new password.",
    ),
    "auth.required": (
        "请以管理员身份登录后再添加用户。",
        "請以管理員身份登入後再新增使用者。",
        "Log in as an administrator to add users.",
    ),
    "auth.unknown_user": (
        "您的用户已不存在，请重新登录。",
        "您的使用者已不存在，請重新登入。",
        "Your user no longer exists; log in again.",
    ),
    "permission.inactive": (
        "该用户已停用，请联系管理员。",
        "該使用者已停用，請聯絡管理員。",
        "This user is deactivated; ask the administrator.",
    ),
    "username.invalid": (
        "用户名由2–60位字母、数字、‘.’、‘_’或‘-’组成。",
        "使用者名稱由2–60位字母、數字、‘.’、‘_’或‘-’組成。",
        "User names use 2–60 letters, digits, ‘.’, ‘_’ or ‘-’.",
    ),
    "username.taken": (
        "用户名 {username} 已被使用。",
        "使用者名稱 {username} 已被使用。",
        "The user name {username} is taken.",
    ),
    "roles.unknown": (
        "未知角色 {role}。",
        "未知角色 {role}。",
        "Unknown role {role}.",
    ),
    "user.self_lockout": (
        "不能取消您自己的管理员权限。",
        "不能取消您自己的管理員許可權。",
        "You cannot remove your own administrator access.",
    ),
    "password.too_short": (
        "密码至少需要 {minimum} 个字符。",
        "密碼至少需要 {minimum} 個字元。",
        "The password needs at least {minimum} characters.",
    ),
    "password.too_simple": (
        "请同时使用字母和数字（或其他字符）。",
        "請同時使用字母和數字（或其他字元）。",
        "Use letters and digits (or other characters) together.",
    ),
    "password.wrong": (
        "当前密码不正确。",
        "當前密碼不正確。",
        "The current password is wrong.",
    ),
    "password.mismatch": (
        "两次输入的密码不一致。",
        "兩次輸入的密碼不一致。",
        "The two passwords differ.",
    ),
    "setup.done": (
        "该数据库已完成初始设置。",
        "該資料庫已完成初始設定。",
        "This database is set up already.",
    ),
    "store_code.invalid": (
        "门店代码为1–8位以字母开头的字母或数字（用作抱怨单号前缀，如 TS-2026-000123）。",
        "門店程式碼為1–8位以字母開頭的字母或數字（用作抱怨單號字首，如 TS-2026-000123）。",
        "The store code is 1–8 letters or digits starting with a letter (it prefixes sheet "
        "numbers, e.g. TS-2026-000123).",
    ),
    "store_code.taken": (
        "门店代码 {store_code} 已存在。",
        "門店程式碼 {store_code} 已存在。",
        "A store with the code {store_code} exists already.",
    ),
    "preset.unknown": (
        "未知预设 {preset}。",
        "未知預設 {preset}。",
        "Unknown preset {preset}.",
    ),
    "calendar.hours_order": (
        "开门时间 {opening} 必须早于关门时间 {closing}。",
        "開門時間 {opening} 必須早於關門時間 {closing}。",
        "The opening time {opening} must be before the closing time {closing}.",
    ),
    "calendar.both": (
        "{date} 不能既是节假日又是调休工作日。",
        "{date} 不能既是節假日又是調休工作日。",
        "{date} is both a holiday and a make-up working day.",
    ),
    "calendar.no_working_days": (
        "门店从不营业：请至少设置一个工作日的营业时间。",
        "門店從不營業：請至少設定一個工作日的營業時間。",
        "The store is never open: set the opening hours of at least one weekday.",
    ),
    "calendar.time": (
        "请输入时间，如 08:30。",
        "請輸入時間，如 08:30。",
        "Enter a time like 08:30.",
    ),
    "calendar.date": (
        "请输入日期，如 2026-10-01。",
        "請輸入日期，如 2026-10-01。",
        "Enter a date like 2026-10-01.",
    ),
    "calendar.weekday": (
        "未知星期 {weekday}。",
        "未知星期 {weekday}。",
        "Unknown weekday {weekday}.",
    ),
    "sla.amount_positive": (
        "数值必须是正整数。",
        "數值必須是正整數。",
        "The amount must be a positive whole number.",
    ),
    "sla.amount_unused": (
        "“下班前”不需要填写数值。",
        "“下班前”不需要填寫數值。",
        "“Before end of working day” takes no amount.",
    ),
    "sla.duplicate_rule": (
        "此行与另一行的接收渠道和严重程度相同。",
        "此行與另一行的接收渠道和嚴重程度相同。",
        "This row is for the same channel and severity as another row.",
    ),
    "sla.no_default_rule": (
        "时限规则需要一行适用于任意渠道和任意严重程度。",
        "時限規則需要一行適用於任意渠道和任意嚴重程度。",
        "The policy needs a row for any channel and any severity.",
    ),
    "sla.choice": (
        "{value} 不是可选项之一。",
        "{value} 不是可選項之一。",
        "{value} is not one of the choices.",
    ),
    "sla.duration": (
        "时长必须是正整数分钟。",
        "時長必須是正整數分鐘。",
        "The duration must be a positive whole number of minutes.",
    ),
    "sla.key_required": (
        "时限规则需要代码。",
        "時限規則需要程式碼。",
        "The policy needs a key.",
    ),
    "sla.name_required": (
        "时限规则需要名称。",
        "時限規則需要名稱。",
        "The policy needs a name.",
    ),
    "sla.missing": (
        "时限规则缺少 {key}。",
        "時限規則缺少 {key}。",
        "{key} is missing from the policy.",
    ),
    "sla.type": (
        "应为 {expected}，实际为 {value}。",
        "應為 {expected}，實際為 {value}。",
        "Expected {expected}, got {value}.",
    ),
    "sla.version": (
        "该时限规则由更新版本的程序写入（格式 {version}）。",
        "該時限規則由更新版本的程序寫入（格式 {version}）。",
        "This policy was written by a newer program (format {version}).",
    ),
    "sla.pause_order": (
        "暂停的结束时间不能早于开始时间。",
        "暫停的結束時間不能早於開始時間。",
        "A pause cannot end before it starts.",
    ),
    "phrase.invalid": (
        "第 {line} 行含有控制字符。",
        "第 {line} 行含有控制字元。",
        "Line {line} contains a control character.",
    ),
    "phrase.too_long": (
        "第 {line} 行有 {length} 个字符；每条短语最多 {max_length} 个。",
        "第 {line} 行有 {length} 個字元；每條短語最多 {max_length} 個。",
        "Line {line} has {length} characters; a phrase has at most {max_length}.",
    ),
    "phrases.empty": (
        "请至少保留一条短语。",
        "請至少保留一條短語。",
        "Keep at least one phrase.",
    ),
    "phrases.too_many": (
        "最多 {maximum} 条短语。",
        "最多 {maximum} 條短語。",
        "At most {maximum} phrases.",
    ),
    "category.code_invalid": (
        "{value} 不是类别代码：请使用小写字母、数字和‘_’，并以字母开头。",
        "{value} 不是類別程式碼：請使用小寫字母、數字和‘_’，並以字母開頭。",
        "{value} is not a category code: use lower-case letters, digits and ‘_’, starting "
        "with a letter.",
    ),
    "category.code_repeated": (
        "代码 {value} 重复使用。",
        "程式碼 {value} 重複使用。",
        "The code {value} is used twice.",
    ),
    "category.in_use": (
        "类别“{name}”已被抱怨单使用，不能删除。",
        "類別“{name}”已被抱怨單使用，不能刪除。",
        "The category “{name}” is used by complaint sheets and cannot be removed.",
    ),
    "categories.empty": (
        "请至少保留一个类别。",
        "請至少保留一個類別。",
        "Keep at least one category.",
    ),
    "categories.too_many": (
        "最多 {maximum} 个类别。",
        "最多 {maximum} 個類別。",
        "At most {maximum} categories.",
    ),
    "retention.invalid": (
        "记录保存期限为1至30年。",
        "記錄儲存期限為1至30年。",
        "Keep records from 1 to 30 years.",
    ),
    "lang.unknown": (
        "未知语言 {value}。",
        "未知語言 {value}。",
        "Unknown language {value}.",
    ),
    "period.order": (
        "期间的结束必须晚于开始。",
        "期間的結束必須晚於開始。",
        "The period must end after it starts.",
    ),
    "period.length": (
        "期间长度必须为1至3660天。",
        "期間長度必須為1至3660天。",
        "The period must be 1 to 3660 days long.",
    ),
    "merge.same": (
        "请选择两位不同的客户。",
        "請選擇兩位不同的客戶。",
        "Choose two different customers.",
    ),
    "merge.already": (
        "其中一位客户已被合并。",
        "其中一位客戶已被合併。",
        "One of the customers was merged already.",
    ),
    "import.kind": (
        "未知模板 {kind}。",
        "未知模板 {kind}。",
        "Unknown template {kind}.",
    ),
    "import.encoding": (
        "文件既不是 UTF-8 也不是 GB18030 文本；请另存为“CSV UTF-8”或 Excel 工作簿。",
        "檔案既不是 UTF-8 也不是 GB18030 文本；請另存為“CSV UTF-8”或 Excel 工作簿。",
        "The file is neither UTF-8 nor GB18030 text; save it as “CSV UTF-8” or as an Excel "
        "workbook.",
    ),
    "import.csv": (
        "无法读取该 CSV 文件。",
        "無法讀取該 CSV 檔案。",
        "The CSV file cannot be read.",
    ),
    "import.unreadable": (
        "这不是可读取的 Excel 工作簿。",
        "這不是可讀取的 Excel 工作簿。",
        "This is not a readable Excel workbook.",
    ),
    "import.missing": (
        "文件不存在。",
        "檔案不存在。",
        "The file does not exist.",
    ),
    "import.format": (
        "请使用 .csv 或 .xlsx 文件。",
        "請使用 .csv 或 .xlsx 檔案。",
        "Use a .csv or .xlsx file.",
    ),
    "import.empty": (
        "文件为空：第一行必须是列标题。",
        "檔案為空：第一行必須是列標題。",
        "The file is empty: the first line must hold the column headers.",
    ),
    "import.too_many": (
        "文件超过 {maximum} 行，请拆分。",
        "檔案超過 {maximum} 行，請拆分。",
        "The file has more than {maximum} rows; split it.",
    ),
    "import.header": (
        "第1行：请对照模板的列标题检查这些列：{columns}。",
        "第1行：請對照模板的列標題檢查這些列：{columns}。",
        "Line 1: check the columns {columns} against the template's headers.",
    ),
    "export.format": (
        "请选择 CSV 或 Excel。",
        "請選擇 CSV 或 Excel。",
        "Choose CSV or Excel.",
    ),
    "demo.customers": (
        "客户数必须在1到5,000,000之间。",
        "客戶數必須在1到5,000,000之間。",
        "The number of customers must be 1 to 5,000,000.",
    ),
    "demo.sheets": (
        "抱怨单数必须在0到20,000,000之间。",
        "抱怨單數必須在0到20,000,000之間。",
        "The number of sheets must be 0 to 20,000,000.",
    ),
    "demo.not_empty": (
        "该数据库已有客户或抱怨单；演示数据只能载入空数据库。",
        "該資料庫已有客戶或抱怨單；演示資料只能載入空資料庫。",
        "This database already has customers or complaint sheets; demo data goes only into "
        "an empty one.",
    ),
    "demo.no_database": (
        "演示数据需要 SQL 数据库。",
        "演示資料需要 SQL 資料庫。",
        "Demo data needs a SQL database.",
    ),
    "format.unknown": (
        "未知格式 {value}；请选择 PDF、CSV 或 Excel。",
        "未知格式 {value}；請選擇 PDF、CSV 或 Excel。",
        "Unknown format {value}; choose PDF, CSV or Excel.",
    ),
    "letter.empty": (
        "回复函为空。",
        "回覆函為空。",
        "The letter is empty.",
    ),
    "letter.too_long": (
        "回复函超过 {max} 个字符。",
        "回覆函超過 {max} 個字元。",
        "The letter is longer than {max} characters.",
    ),
    "storage.network_path": (
        "数据库文件位于网络驱动器上，SQLite 无法在那里安全共享。请使用本机文件，多台电脑共用"
        "请使用 PostgreSQL 服务器。",
        "資料庫檔案位於網路驅動器上，SQLite 無法在那裡安全共享。請使用本機檔案，多臺電腦共用"
        "請使用 PostgreSQL 伺服器。",
        "The database file is on a network drive, where SQLite cannot be shared safely. Use "
        "a local file, or a PostgreSQL server for several desks.",
    ),
    "storage.open_failed": (
        "无法打开数据库 {location}：{reason}",
        "無法打開資料庫 {location}：{reason}",
        "The database {location} cannot be opened: {reason}",
    ),
    "storage.driver_missing": (
        "未安装 PostgreSQL 支持；请安装：pip install \"helpdesk[postgres]\"",
        "未安裝 PostgreSQL 支援；請安裝：pip install \"helpdesk[postgres]\"",
        "PostgreSQL support is not installed; install it with: "
        "pip install \"helpdesk[postgres]\"",
    ),
    "storage.url_empty": (
        "请输入文件路径或 postgresql:// 地址。",
        "請輸入檔案路徑或 postgresql:// 地址。",
        "Enter a file path or a postgresql:// address.",
    ),
    "storage.url_invalid": (
        "这不是数据库地址：{reason}",
        "這不是資料庫地址：{reason}",
        "This is not a database address: {reason}",
    ),
    "config.unreadable": (
        "无法读取配置文件；请修复或删除它。",
        "無法讀取配置檔案；請修復或刪除它。",
        "The configuration file cannot be read; fix or delete it.",
    ),
    "backup.missing": (
        "没有可备份的数据库。",
        "沒有可備份的資料庫。",
        "There is no database to back up.",
    ),
    "restore.missing": (
        "备份文件不存在。",
        "備份檔案不存在。",
        "The backup file does not exist.",
    ),
    "restore.not_sqlite": (
        "该文件不是 SQLite 数据库。",
        "該檔案不是 SQLite 資料庫。",
        "This file is not a SQLite database.",
    ),
    "restore.not_helpdesk": (
        "该文件不是 Helpdesk 数据库。",
        "該檔案不是 Helpdesk 資料庫。",
        "This file is not a Helpdesk database.",
    ),
    "restore.damaged": (
        "该数据库文件已损坏。",
        "該資料庫檔案已損壞。",
        "This database file is damaged.",
    ),
    # issue 12: issued reports
    "report.month_running": (
        "{month} 尚未结束，月份结束后才能签发报告。",
        "{month} 尚未結束，月份結束後才能簽發報告。",
        "{month} is not over yet; a month's report is issued after its end.",
    ),
    "report.already_issued": (
        "{month} 的报告已由 {by} 于 {at} 签发；重印请使用已签发的报告。",
        "{month} 的報告已由 {by} 於 {at} 簽發；重印請使用已簽發的報告。",
        "The report for {month} was issued by {by} on {at}; reprint the issued report.",
    ),
    "report.not_issued": (
        "{month} 的报告尚未签发。",
        "{month} 的報告尚未簽發。",
        "The report for {month} has not been issued.",
    ),
    # issue 15: merge choices
    "merge.choice": (
        "合并选项无效:{choice}。",
        "合併選項無效:{choice}。",
        "Not a valid merge choice: {choice}.",
    ),
    # issue 11: the empty-words ban by shape says what a measure still lacks
    "measure.no_signal": (
        "“{value}”没有可检查的内容：请写明由谁、在何时前、做什么（还缺：{missing}）。",
        "“{value}”沒有可檢查的內容：請寫明由誰、在何時前、做什麼（還缺：{missing}）。",
        "“{value}” names nothing checkable: say who does what by when (missing: {missing}).",
    ),
    "attachment.empty": (
        "文件“{value}”是空的。",
        "檔案“{value}”是空的。",
        "The file “{value}” is empty.",
    ),
    "attachment.too_big": (
        "文件“{value}”有 {size_mb} MB；单个附件最大 {limit_mb} MB（由管理员设置）。",
        "檔案“{value}”有 {size_mb} MB；單個附件最大 {limit_mb} MB（由管理員設定）。",
        "“{value}” has {size_mb} MB; one attachment may have at most {limit_mb} MB (set by "
        "the administrator).",
    ),
    "attachment.sheet_full": (
        "加上“{value}”后本单附件共 {size_mb} MB；每张抱怨单最多 {limit_mb} MB（由管理员设置）。",
        "加上“{value}”後本單附件共 {size_mb} MB；每張抱怨單最多 {limit_mb} MB（由管理員設定）。",
        "With “{value}” the sheet's attachments would have {size_mb} MB; a sheet may have at "
        "most {limit_mb} MB (set by the administrator).",
    ),
    "attachment.limits_invalid": (
        "附件大小限制必须为正数，且单个文件不能大于整张单的限制。",
        "附件大小限制必須為正數，且單個檔案不能大於整張單的限制。",
        "The size limits must be positive, and one file cannot be allowed more than a whole "
        "sheet.",
    ),
    "attachment.sheet_closed": (
        "抱怨单 {value} 已关闭：请先重新打开再添加附件。",
        "抱怨單 {value} 已關閉：請先重新打開再新增附件。",
        "Sheet {value} is closed: reopen it to add files.",
    ),
    "attachment.not_found": (
        "该附件不存在（可能已被删除）。",
        "該附件不存在（可能已被刪除）。",
        "That attachment does not exist (it may have been removed).",
    ),
    "attachment.reason_required": (
        "请写明删除附件的原因。",
        "請寫明刪除附件的原因。",
        "Say why the attachment is removed.",
    ),
    "order.visited": (
        "订单 {value} 交付后的首次回访已经记录过了。",
        "訂單 {value} 交付後的首次回訪已經記錄過了。",
        "The first visit after order {value} is recorded already.",
    ),
    "archive.no_database": (
        "归档需要 SQL 数据库。",
        "歸檔需要 SQL 資料庫。",
        "The archive needs a SQL database.",
    ),
    "archive.too_recent": (
        "{value} 之前关闭的抱怨单还在保存期限内（最早可归档到 {limit} 之前关闭的）。",
        "{value} 之前關閉的抱怨單還在保存期限內（最早可歸檔到 {limit} 之前關閉的）。",
        "Sheets closed before {value} are still within the retention period (the archive "
        "can take those closed before {limit}).",
    ),
    "archive.nothing": (
        "没有在 {value} 之前关闭的抱怨单，无需归档。",
        "沒有在 {value} 之前關閉的抱怨單，無需歸檔。",
        "No sheet was closed before {value}: there is nothing to archive.",
    ),
    "archive.confirm": (
        "删除已归档的抱怨单必须明确确认。",
        "刪除已歸檔的抱怨單必須明確確認。",
        "Removing archived sheets must be confirmed explicitly.",
    ),
    "archive.exists": (
        "文件 {value} 已存在，请选择新的文件名。",
        "檔案 {value} 已存在，請選擇新的檔名。",
        "{value} exists already: choose a new file.",
    ),
    "archive.missing": (
        "找不到归档文件 {value}。",
        "找不到歸檔檔案 {value}。",
        "There is no archive {value}.",
    ),
    "archive.incomplete": (
        "归档文件 {value} 不完整，未删除任何数据。",
        "歸檔檔案 {value} 不完整，未刪除任何資料。",
        "The archive {value} is incomplete; nothing was removed.",
    ),
    "sheet.ambiguous": (
        "“{value}”对应多张抱怨单：{numbers}。请输入更多位数。",
        "“{value}”對應多張抱怨單：{numbers}。請輸入更多位數。",
        "“{value}” fits several sheets: {numbers}. Type more of the number.",
    ),
    # issue 10: real files in (encodings, worksheets, headers, dates), holidays, backups
    "time.invalid": (
        "{value} 不是时间（例如 14:30 或 下午2点30分）。",
        "{value} 不是時間（例如 14:30 或 下午2點30分）。",
        "{value} is not a time of day (for example 14:30 or 下午2点30分).",
    ),
    "import.encoding_undecided": (
        "无法确定该 CSV 文件的编码（可能是 {candidates}）；"
        "请选择编码后再读取，或另存为“CSV UTF-8”。",
        "無法確定該 CSV 檔案的編碼（可能是 {candidates}）；"
        "請選擇編碼後再讀取，或另存為“CSV UTF-8”。",
        "The CSV file's encoding cannot be decided (it may be {candidates}); choose the "
        "encoding and read it again, or save it as “CSV UTF-8”.",
    ),
    "import.encoding_wrong": (
        "该文件不是 {encoding} 编码的文本。",
        "該檔案不是 {encoding} 編碼的文本。",
        "The file is not {encoding} text.",
    ),
    "import.sheet_choice": (
        "工作簿中有多个工作表含有数据：{sheets}；请选择要导入的工作表。",
        "活頁簿中有多個工作表含有資料：{sheets}；請選擇要匯入的工作表。",
        "Several worksheets hold data: {sheets}; choose the one to import.",
    ),
    "import.sheet_unknown": (
        "工作簿中没有工作表 {sheet}（有：{sheets}）。",
        "活頁簿中沒有工作表 {sheet}（有：{sheets}）。",
        "The workbook has no worksheet {sheet} (it has {sheets}).",
    ),
    "import.no_header": (
        "在前 {rows} 行中找不到列标题行；请对照模板的列标题（中文或英文）。",
        "在前 {rows} 行中找不到列標題行；請對照模板的列標題（中文或英文）。",
        "No header row in the first {rows} lines; use the template's headers (Chinese or "
        "English).",
    ),
    "import.header_missing": (
        "第 {line} 行：缺少必填列 {columns}。",
        "第 {line} 行：缺少必填列 {columns}。",
        "Line {line}: required column(s) missing: {columns}.",
    ),
    "import.header_repeated": (
        "第 {line} 行：这些列出现了两次：{columns}。",
        "第 {line} 行：這些列出現了兩次：{columns}。",
        "Line {line}: column(s) given twice: {columns}.",
    ),
    "import.column_ignored": (
        "不认识的列 {columns} 将被忽略。",
        "不認識的列 {columns} 將被忽略。",
        "Unknown column(s) {columns} are ignored.",
    ),
    "import.cancelled": (
        "导入已取消，未保存任何内容。",
        "匯入已取消，未儲存任何內容。",
        "The import was cancelled; nothing was saved.",
    ),
    "backup.folder_missing": (
        "备份文件夹 {folder} 不存在；请先创建它或插入U盘。",
        "備份資料夾 {folder} 不存在；請先建立它或插入隨身碟。",
        "The backup folder {folder} does not exist; create it or plug in the drive first.",
    ),
    "backup.keep_days": (
        "备份保留天数须在 {minimum} 到 {maximum} 之间。",
        "備份保留天數須在 {minimum} 到 {maximum} 之間。",
        "Keep backups for {minimum} to {maximum} days.",
    ),
    "backup.sqlite_only": (
        "自动备份只适用于 SQLite 数据库；PostgreSQL 请使用服务器的备份。",
        "自動備份只適用於 SQLite 資料庫；PostgreSQL 請使用伺服器的備份。",
        "Automatic backups are for SQLite databases; back up PostgreSQL on the server.",
    ),
    "holidays.year_unknown": (
        "还没有 {year} 年的法定节假日安排（已知到 {last} 年）；请手工输入或导入列表。",
        "還沒有 {year} 年的法定節假日安排（已知到 {last} 年）；請手工輸入或匯入列表。",
        "The public holidays of {year} are not known yet (known up to {last}); type them "
        "or import a list.",
    ),
    "holidays.range": (
        "结束日期 {end} 早于开始日期 {start}。",
        "結束日期 {end} 早於開始日期 {start}。",
        "The end date {end} is before the start date {start}.",
    ),
    # issue 9: live desks (store time zone, clock, concurrent edits)
    "time_zone.unknown": (
        "{value} 不是时区（例如 Asia/Shanghai）。",
        "{value} 不是時區（例如 Asia/Shanghai）。",
        "{value} is not a time zone (e.g. Asia/Shanghai).",
    ),
    "warning_share.invalid": (
        "请选择剩余时间的 1/2、1/3、1/4、1/5、1/6、1/8 或 1/10。",
        "請選擇剩餘時間的 1/2、1/3、1/4、1/5、1/6、1/8 或 1/10。",
        "Choose the last 1/2, 1/3, 1/4, 1/5, 1/6, 1/8 or 1/10 of the time allowed.",
    ),
    "linked_sheet.invalid": (
        "只能关联该客户以前的抱怨单。",
        "只能關聯該客戶以前的抱怨單。",
        "Link to an earlier complaint of the same customer.",
    ),
    "warning_minimum.invalid": (
        "最短预警时间为 0 至 1440 分钟。",
        "最短預警時間為 0 至 1440 分鐘。",
        "The shortest warning is 0 to 1440 minutes.",
    ),
    # issue 16: doors, audit chain, input sanitiser, locks, restore safety
    "demo.login_required": (
        "该数据库已用 init 建立；只有登录的管理员可以向其载入演示数据（--user 用户名）。",
        "該資料庫已用 init 建立；只有登入的管理員可以向其載入演示資料（--user 使用者名稱）。",
        "This database was set up with init; only a logged-in administrator may add demo "
        "data to it (--user NAME).",
    ),
    "restore.schema": (
        "该备份不是本程序的数据库结构（{found}；应为 {expected}），未做任何更改。",
        "該備份不是本程式的資料庫結構（{found}；應為 {expected}），未做任何變更。",
        "This backup does not have this program's database structure ({found}; expected "
        "{expected}); nothing was changed.",
    ),
    "restore.no_admin": (
        "数据库和备份中都没有管理员，无法授权恢复。",
        "資料庫和備份中都沒有管理員，無法授權還原。",
        "Neither the database nor the backup has an administrator to authorise the restore.",
    ),
    "id.out_of_range": (
        "没有编号为 {value} 的记录。",
        "沒有編號為 {value} 的記錄。",
        "There is no record number {value}.",
    ),
    "number.out_of_range": (
        "数字 {value} 太大。",
        "數字 {value} 太大。",
        "The number {value} is too large.",
    ),
    "close.no_rework_visit": (
        "返修后须由服务经理或服务总监回访客户，之后才能关闭。",
        "返修後須由服務經理或服務總監回訪客戶，之後才能關閉。",
        "After rework the service manager or director must visit the customer before the "
        "sheet closes.",
    ),
    "storage.busy": (
        "数据库正忙（{holder}），未保存；您输入的内容仍在，请稍后再保存。",
        "資料庫正忙（{holder}），未儲存；您輸入的內容仍在，請稍後再儲存。",
        "The database is busy ({holder}); nothing was saved and your input is kept: save "
        "again in a moment.",
    ),
    "backup.passphrase": (
        "无法打开该备份：口令错误，或文件已被改动。未做任何更改。",
        "無法開啟該備份：通行碼錯誤，或檔案已被改動。未做任何變更。",
        "This backup cannot be opened: wrong passphrase, or the file was changed. Nothing "
        "was changed.",
    ),
    "backup.passphrase_needed": (
        "该备份已加密，请提供其口令。",
        "該備份已加密，請提供其通行碼。",
        "This backup is encrypted: give its passphrase.",
    ),
    "backup.passphrase_empty": (
        "需要口令。",
        "需要通行碼。",
        "A passphrase is needed.",
    ),
    # end of issue 16
    # issue 15: the resident ID number (身份证号)
    "national_id.length": (
        "身份证号应为18位（旧证15位）；{value} 有 {length} 位。",
        "身分證號應為18位（舊證15位）；{value} 有 {length} 位。",
        "An ID number has 18 characters (15 on old cards); {value} has {length}.",
    ),
    "national_id.characters": (
        "{value} 的第 {position} 位是“{character}”；身份证号只含数字，最后一位可以是 X。",
        "{value} 的第 {position} 位是「{character}」；身分證號只含數字，最後一位可以是 X。",
        "Character {position} of {value} is \"{character}\": an ID number has digits only, "
        "the last may be X.",
    ),
    "national_id.birth_date": (
        "身份证号 {value} 中的出生日期 {digits} 不是有效日期，请核对证件。",
        "身分證號 {value} 中的出生日期 {digits} 不是有效日期，請核對證件。",
        "The birth date {digits} in ID number {value} is not a valid date: check the card.",
    ),
    "national_id.check_digit": (
        "身份证号 {value} 校验不通过：最后一位应为“{expected}”，实际为“{found}”。请核对证件，"
        "是否有数字输错或顺序颠倒。",
        "身分證號 {value} 校驗不通過：最後一位應為「{expected}」，實際為「{found}」。請核對證件，"
        "是否有數字輸錯或順序顛倒。",
        "ID number {value} fails its check: the last character should be \"{expected}\", not "
        "\"{found}\". Check the card for a mistyped or swapped digit.",
    ),
    # issue 11: an archive opened read-only
    "archive.read_only": (
        "这是归档文件，只能查看和打印，不能修改。",
        "這是歸檔檔案，只能檢視和列印，不能修改。",
        "This is an archive: it can be read and printed, not changed.",
    ),
    # issue 10: VINs known only in part, vehicles known by brand/model only
    "vin.too_short": (
        "车架号 {value} 只有 {length} 位；不完整的车架号请至少保留 {minimum} 位（通常是后几位），"
        "或留空。",
        "車架號 {value} 只有 {length} 位；不完整的車架號請至少保留 {minimum} 位（通常是後幾位），"
        "或留空。",
        "The VIN {value} has {length} characters; keep at least {minimum} of a partial VIN "
        "(usually its last ones), or leave it empty.",
    ),
    "vehicle.unidentified": (
        "已填写车辆信息，但没有可识别车辆的内容：请填写车架号（或其后几位）、车牌或品牌车型。",
        "已填寫車輛資訊，但沒有可識別車輛的內容：請填寫車架號（或其後幾位）、車牌或品牌車型。",
        "Vehicle details are filled in but nothing says which vehicle: give the VIN (or its "
        "last characters), the plate, or the brand and model.",
    ),

}

# Codes whose first part is the field name, built at run time (``channel.invalid``...).
SHAPES: Mapping[str, Labels] = {
    ".invalid": (
        "{value} 不是可选项之一。",
        "{value} 不是可選項之一。",
        "{value} is not one of the choices.",
    ),
    ".required": (
        "此项必填。",
        "此項必填。",
        "This field is required.",
    ),
    ".repeated": (
        "第 {line} 行已有相同的值。",
        "第 {line} 行已有相同的值。",
        "The same value is on line {line} already.",
    ),
    ".not_found": (
        "它不存在（或已不存在）。",
        "它不存在（或已不存在）。",
        "It does not exist (any more).",
    ),
    ".not_customers": (
        "它不属于此客户。",
        "它不屬於此客戶。",
        "It does not belong to the customer.",
    ),
}

# What each permission lets a person do, as the end of "Only … may …".
PERMISSION_ACTIONS: Mapping[str, Labels] = {
    Permission.VIEW_SHEETS: (
        "查看抱怨单",
        "檢視抱怨單",
        "see complaint sheets",
    ),
    Permission.REGISTER_SHEET: (
        "登记抱怨",
        "登記抱怨",
        "register complaints",
    ),
    Permission.EDIT_SHEET: (
        "更正抱怨单",
        "更正抱怨單",
        "correct complaint sheets",
    ),
    Permission.ACKNOWLEDGE: (
        "响应抱怨",
        "響應抱怨",
        "acknowledge complaints",
    ),
    Permission.ASSIGN: (
        "指定责任人",
        "指定責任人",
        "assign the responsible person",
    ),
    Permission.ADD_PROGRESS: (
        "添加处理记录",
        "新增處理記錄",
        "add to the progress log",
    ),
    Permission.RECORD_ANALYSIS: (
        "填写根本原因、缺点纠正和措施",
        "填寫根本原因、缺點糾正和措施",
        "record the root cause, correction and measures",
    ),
    Permission.WAIT_FOR_CUSTOMER: (
        "将抱怨单暂停等待客户",
        "將抱怨單暫停等待客戶",
        "pause a sheet for the customer",
    ),
    Permission.RESOLVE: (
        "解决抱怨",
        "解決抱怨",
        "resolve complaints",
    ),
    Permission.RETURN_VISIT: (
        "记录回访",
        "記錄回訪",
        "record return visits",
    ),
    Permission.VISIT_AFTER_REWORK: (
        "进行返修后的回访",
        "進行返修後的回訪",
        "make the return visit after rework",
    ),
    Permission.CLOSE: (
        "关闭抱怨单",
        "關閉抱怨單",
        "close complaint sheets",
    ),
    Permission.REOPEN: (
        "重新打开抱怨单",
        "重新打開抱怨單",
        "reopen complaint sheets",
    ),
    Permission.REOPEN_CLOSED: (
        "重新打开已关闭的抱怨单",
        "重新打開已關閉的抱怨單",
        "reopen closed complaint sheets",
    ),
    Permission.OVERRIDE_VIN_CHECK: (
        "接受校验位不符的车架号",
        "接受校驗位不符的車架號",
        "accept a VIN whose check digit does not match",
    ),
    Permission.MANAGE_CUSTOMERS: (
        "新建和编辑客户",
        "新建和編輯客戶",
        "create and edit customers",
    ),
    Permission.MERGE_CUSTOMERS: (
        "合并客户",
        "合併客戶",
        "merge customers",
    ),
    Permission.VIEW_PERSONAL_DATA: (
        "查看个人信息",
        "檢視個人資訊",
        "see personal data",
    ),
    Permission.EXPORT_PERSONAL_DATA: (
        "导出个人信息",
        "匯出個人資訊",
        "export personal data",
    ),
    Permission.IMPORT_DATA: (
        "导入数据",
        "匯入資料",
        "import data",
    ),
    Permission.VIEW_REPORTS: (
        "查看报表",
        "檢視報表",
        "see reports",
    ),
    Permission.MANAGE_USERS: (
        "管理用户",
        "管理使用者",
        "manage users",
    ),
    Permission.MANAGE_SETTINGS: (
        "修改设置",
        "修改設定",
        "change settings",
    ),
    Permission.VIEW_AUDIT: (
        "查看审计记录",
        "檢視審計記錄",
        "see the audit trail",
    ),
    # issue 12: issued reports
    Permission.ISSUE_REPORTS: (
        "签发月度报告",
        "簽發月度報告",
        "issue monthly reports",
    ),
    # issue 11
    Permission.REMOVE_ATTACHMENT: (
        "删除抱怨单的附件",
        "刪除抱怨單的附件",
        "remove an attachment from a sheet",
    ),
}

PERMISSION_TEMPLATE: Labels = (
    "只有{roles}可以{what}。",
    "只有{roles}可以{what}。",
    "Only {roles} may {what}.",
)

UNEXPECTED: Labels = (
    "出现了问题：{message}",
    "出現了問題：{message}",
    "Something went wrong: {message}",
)

ANOTHER_USER: Labels = (
    "另一位用户",
    "另一位用戶",
    "Another user",
)


# issue 11: the parts of "由谁、在何时前、做什么" a refused measure lacks ({missing}).
MEASURE_PARTS: Mapping[str, Labels] = {
    "who": ("由谁", "由誰", "who"),
    "when": ("在何时前", "在何時前", "by when"),
    "what": ("做什么", "做什麼", "does what"),
    "cause": ("哪里出了什么错、为什么", "哪裡出了什麼錯、為什麼", "what went wrong and why"),
}


def _in(lang: str, texts: Labels) -> str:
    return texts[vocabulary.LANGUAGES.index(vocabulary.normalize_language(lang))]


def list_separator(lang: str) -> str:
    """How a list of names is joined: ``、`` in Chinese, ``, `` in English."""
    return "\u3001" if lang.startswith("zh") else ", "


def _shown(value: Any, lang: str) -> str:
    """A parameter as a person reads it."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, list | tuple | frozenset | set):
        return list_separator(lang).join(f"“{text.excerpt(str(v))}”" for v in value)
    # A message quotes the input, never a whole paste of it.
    return text.excerpt(str(value))


def roles_text(roles: str | Iterable[Role], lang: str = DEFAULT_LANGUAGE) -> str:
    """Roles (members, or a comma-separated text of codes) in declaration order, named in
    ``lang`` and joined by the language's separator; ``—`` for none."""
    parts = {str(part).strip() for part in (roles.split(",") if isinstance(roles, str)
                                            else roles)}
    ordered = [r for r in Role if r.value in parts]
    return list_separator(lang).join(vocabulary.label(r, lang) for r in ordered) \
        if ordered else "—"


def _or_roles(roles: Iterable[Role], lang: str) -> str:
    """"服务经理或服务总监" / "service manager or service director"."""
    chinese = lang.startswith("zh")
    names = [vocabulary.label(r, lang) if chinese else vocabulary.label(r, lang).lower()
             for r in Role if r in set(roles)]
    word = "或" if chinese else " or "
    if len(names) < 2:
        return "".join(names)
    return list_separator(lang).join(names[:-1]) + word + names[-1]


def permission_text(permission: str, allowed: str = "", lang: str = DEFAULT_LANGUAGE) -> str:
    """"Only <roles> may <do this>." for a permission value."""
    if not allowed:
        try:
            allowed = ",".join(r.value for r in roles_with(Permission(permission)))
        except ValueError:
            allowed = ""
    what = PERMISSION_ACTIONS.get(permission)
    return _in(lang, PERMISSION_TEMPLATE).format(
        roles=roles_text(allowed, lang), what=_in(lang, what) if what else permission)


def _template_for(code: str) -> Labels | None:
    template = TEMPLATES.get(code)
    if template is not None:
        return template
    for suffix, shape in SHAPES.items():
        if code.endswith(suffix):
            return shape
    return None


def has_template(code: str) -> bool:
    """Whether ``code`` gets a translated text (by its own template or its shape)."""
    return code.startswith("permission.") or _template_for(code) is not None


def format_code(code: str, params: Mapping[str, Any], fallback: str = "",
                lang: str = DEFAULT_LANGUAGE) -> str:
    """The text for ``code`` in ``lang`` with ``params`` (``fallback`` when unknown)."""
    if code.startswith("permission.") and code != "permission.inactive":
        permission = str(params.get("permission") or code.split(".", 1)[1])
        return permission_text(permission, str(params.get("allowed", "")), lang)
    template = _template_for(code)
    if template is None:
        return fallback
    shown = {key: _shown(value, lang) for key, value in params.items()}
    if "customer_id" in shown:
        # Name the customer; "#190" only where the caller knew no name.
        shown.setdefault("customer_name", f"#{shown['customer_id']}")
    if code.startswith("measure.") and "missing" in params:
        shown["missing"] = list_separator(lang).join(
            _in(lang, MEASURE_PARTS[p]) for p in params["missing"] if p in MEASURE_PARTS)
    if code == "vin.check_digit":
        shown.setdefault("override_roles", _or_roles(
            roles_with(Permission.OVERRIDE_VIN_CHECK), lang))
    if code == "conflict":
        shown.setdefault("saved_by", "")
        if not shown["saved_by"]:
            shown["saved_by"] = _in(lang, ANOTHER_USER)
        if params.get("saved_at") is None:
            shown["saved_at"] = "?"
    try:
        return _in(lang, template).format(**shown)
    except (KeyError, IndexError, ValueError):
        return fallback or _in(lang, template)


def error_text(error: HelpdeskError, lang: str = DEFAULT_LANGUAGE) -> str:
    """The text of ``error`` in ``lang`` (its English message when it has no template)."""
    if isinstance(error, ValidationErrors):
        return "\n".join(error_text(e, lang) for e in error.errors) or error.message
    return format_code(error.code, error.params, error.message, lang)


def unexpected_text(exc: BaseException, lang: str = DEFAULT_LANGUAGE) -> str:
    """For an exception that is not one of ours (a bug, a lost connection)."""
    return _in(lang, UNEXPECTED).format(message=str(exc) or type(exc).__name__)
