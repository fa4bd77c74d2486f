"""Realistic, deterministic demo data (``helpdesk demo`` and the desktop's first run).

A dealership group's after-sales desk with several years of history: customers with
Chinese names (surnames at their real frequencies, a few polyphonic and compound ones so
pinyin search can be shown), valid and unique mobile numbers, vehicles with correct VIN
check digits and plates of the store's city, orders (car sales, service visits, parts)
with a long revenue tail, and complaint sheets in every channel, severity, category and
workflow state — deadlines computed by the real SLA code from the store's policy and
calendar, workflow steps recorded as the services record them.

The same ``seed`` and ``today`` always give the same data: one ``random.Random(seed)``
drives everything, in a fixed order, and nothing depends on set or hash order.

Speed: the large size (200,000 customers, 1,000,000 sheets) loads in minutes because
rows are generated as plain dicts or tuples and written by
:class:`helpdesk.storage.bulk.BulkLoader` (batched driver inserts or ``COPY`` on a
writer thread, one transaction) instead of going through the ORM one object at a time.
The customer half's indexes are rebuilt on that thread while the sheets are made; the
sheet tables' indexes, whose keys arrive nearly in order, are kept up to date instead
(see :func:`_indexes_in_load_order`). Workflow timestamps use integer minutes on
a table of the store's open hours; the deadlines themselves come from
:func:`helpdesk.domain.sla.due_at` with the rule :meth:`SlaPolicy.rule_for` picks — the
two calls :func:`helpdesk.domain.sla.compute_deadlines` makes — and waiting periods from
:func:`helpdesk.domain.sla.extend_for_pauses`, so every stored deadline equals what the
services would have stored.
"""

from __future__ import annotations

import functools
import json
import random
import time as time_mod
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from string import Formatter
from typing import Any

from helpdesk.domain import events, sla, validation
from helpdesk.domain.calendar import StoreCalendar
from helpdesk.domain.complaints import (
    ENQUIRY_CATEGORY,
    Action,
    Effectiveness,
    ResponsibleArea,
    SheetState,
    VisitKind,
    format_sheet_number,
)
from helpdesk.domain.customers import (
    CustomerKind,
    Gender,
    OrderKind,
    Store,
    StoreKind,
    Tier,
)
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.errors import (
    PermissionDenied,
    StorageError,
    ValidationError,
    ValidationErrors,
)
from helpdesk.domain.users import Permission, Role, User
from helpdesk.services import common, setup, users
from helpdesk.services.common import UnitOfWork
from helpdesk.storage import bulk, fulltext, search, tables

SIZES: dict[str, tuple[int, int]] = {
    "tiny": (60, 200),
    "small": (400, 1500),
    "medium": (20_000, 100_000),
    "large": (200_000, 1_000_000),
}
"""Named sizes: (customers, sheets)."""

DEMO_PASSWORD = "demo2026"
"""The password of every demo user (printed by the CLI; letters and digits, 8 long)."""

DEMO_STORE_NAME = "天顺汽车销售服务有限公司"
DEMO_STORE_CODE = "TS"
DEMO_STORE_ADDRESS = "深圳市南山区南海大道3025号天顺汽车城"
DEMO_STORE_PHONE = "+8675526881234"

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``; stages: ``setup``, ``customers``, ``sheets``,
``indexes`` (then the load commits and the call returns)."""


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`load_demo` created.

    Attributes:
        users: the demo users created by this load who can log in, username → role value
            (all with ``password``; none when the database was set up by ``init``).
        password: the demo password, or "" when no user got it.
        seconds: wall-clock time of the whole load.
    """

    store_code: str
    customers: int
    vehicles: int
    orders: int
    sheets: int
    users: dict[str, str]
    password: str
    seconds: float


# ====================================================================== staff
@dataclass(frozen=True)
class _StaffSpec:
    username: str
    display_name: str
    role: Role | None  # None: staff without login (responsible persons only)
    job: str  # what they do, for the sheets' texts


_STAFF: tuple[_StaffSpec, ...] = (
    _StaffSpec("admin", "系统管理员", Role.ADMIN, "admin"),
    _StaffSpec("desk1", "王芳", Role.FRONT_DESK, "advisor"),
    _StaffSpec("desk2", "刘洋", Role.FRONT_DESK, "advisor"),
    _StaffSpec("desk3", "陈静", Role.FRONT_DESK, "advisor"),
    _StaffSpec("market", "孙浩", Role.FRONT_DESK, "marketing"),
    _StaffSpec("care", "赵丽", Role.CUSTOMER_CARE, "care"),
    _StaffSpec("care2", "黄晓燕", Role.CUSTOMER_CARE, "care"),
    _StaffSpec("manager", "陈刚", Role.SERVICE_MANAGER, "manager"),
    _StaffSpec("director", "李建国", Role.SERVICE_DIRECTOR, "director"),
    _StaffSpec("gm", "周志远", Role.GENERAL_MANAGER, "gm"),
    # Seed 003: "技术(张诚),服务(钱城),配件(沈瑜)" — the responsible persons by area.
    _StaffSpec("zhangcheng", "张诚", None, "technical"),
    _StaffSpec("qiancheng", "钱城", None, "service"),
    _StaffSpec("shenyu", "沈瑜", None, "parts"),
    _StaffSpec("tech1", "吴建军", None, "technical"),
    _StaffSpec("tech2", "郑海涛", None, "technical"),
    _StaffSpec("sales", "林志强", None, "sales"),
)

# ====================================================================== names
# Surnames with weights close to their share in the 2020 census, nudged towards
# Guangdong (陈 黄 林 梁 曾 区 司徒) where the demo store is; 单 曾 解 仇 区 are read
# differently as surnames, 欧阳 司马 司徒 are compound: pinyin search must get them right.
_SURNAMES: tuple[tuple[str, int], ...] = (
    ("王", 710), ("李", 700), ("张", 650), ("刘", 540), ("陈", 600), ("杨", 310),
    ("黄", 330), ("赵", 230), ("吴", 220), ("周", 190), ("徐", 150), ("孙", 150),
    ("马", 140), ("朱", 130), ("胡", 130), ("郭", 120), ("何", 140), ("林", 180),
    ("罗", 110), ("高", 110), ("郑", 110), ("梁", 130), ("谢", 90), ("宋", 80),
    ("唐", 80), ("许", 70), ("韩", 70), ("冯", 70), ("邓", 80), ("曹", 60),
    ("彭", 60), ("曾", 80), ("肖", 60), ("田", 50), ("董", 50), ("袁", 50),
    ("潘", 50), ("于", 50), ("蒋", 50), ("蔡", 60), ("余", 50), ("杜", 40),
    ("叶", 60), ("程", 40), ("苏", 40), ("魏", 40), ("吕", 40), ("丁", 40),
    ("任", 40), ("沈", 40), ("姚", 30), ("卢", 40), ("姜", 30), ("崔", 30),
    ("钟", 50), ("谭", 30), ("陆", 30), ("汪", 30), ("范", 30), ("金", 30),
    ("石", 30), ("廖", 40), ("贾", 30), ("夏", 20), ("韦", 30), ("付", 20),
    ("方", 20), ("白", 20), ("邹", 20), ("孟", 20), ("熊", 20), ("秦", 20),
    ("邱", 30), ("江", 20), ("尹", 20), ("薛", 20), ("段", 20), ("雷", 20),
    ("侯", 20), ("龙", 20), ("史", 20), ("陶", 20), ("黎", 20), ("贺", 20),
    ("顾", 20), ("毛", 20), ("郝", 20), ("龚", 20), ("邵", 20), ("万", 20),
    ("钱", 20), ("严", 20), ("覃", 10), ("武", 20), ("戴", 20), ("莫", 20),
    ("孔", 20), ("汤", 10), ("单", 8), ("解", 6), ("仇", 5), ("区", 10),
    ("翟", 5), ("查", 3), ("欧阳", 12), ("司马", 4), ("司徒", 4), ("上官", 2),
)
_MALE_CHARS = (
    "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊"
    "帆旭宁龙林阳东亮峰建国志文海成新兵坤彬毅锋博晨睿泽轩"
)
_FEMALE_CHARS = "芳娜敏静丽艳娟霞秀英玲燕萍红婷雪琳慧莉倩颖佳欣怡悦晶璐丹蕾洁梅琴云凤月薇妍萱"
_NEUTRAL_CHARS = "晓子雨思嘉文安"
_OLD_MALE = ("建国", "建华", "国强", "志强", "卫东", "振华", "德明", "国栋", "永红")
_OLD_FEMALE = ("秀英", "桂英", "玉兰", "淑珍", "凤英", "秀兰", "丽华", "桂兰")
_YOUNG_MALE = ("子轩", "浩然", "宇轩", "浩宇", "梓豪", "俊杰", "一鸣", "思远", "子豪")
_YOUNG_FEMALE = ("梓涵", "欣怡", "雨萱", "一诺", "诗涵", "梦琪", "子涵", "语嫣", "思雨")

_COMPANY_PREFIXES = ("深圳市", "深圳市", "深圳市", "深圳前海", "深圳")
_COMPANY_WORDS = (
    "鹏程", "华鑫", "星辰", "金满楼", "安达", "康宁", "宏达", "恒信", "嘉禾", "德润",
    "中联", "百川", "瑞丰", "顺通", "凯旋", "海纳", "东升", "汇智", "远航", "新城",
    "天晟", "聚源", "博雅", "锦程", "盛世", "同创", "亿丰", "华南", "南粤", "鹏城",
)
_INDUSTRIES: tuple[tuple[str, str], ...] = (
    ("物流", "物流运输"), ("建筑工程", "建筑"), ("科技", "信息技术"), ("餐饮管理", "餐饮"),
    ("汽车租赁", "租赁服务"), ("医药", "医药"), ("教育咨询", "教育"), ("进出口贸易", "贸易"),
    ("物业管理", "物业"), ("电子", "电子制造"), ("保洁服务", "家政服务"), ("装饰工程", "装修"),
)
_COMPANY_SUFFIXES = ("有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司")
_COMPANY_SIZES = ("1-19人", "20-99人", "20-99人", "100-499人", "500人以上")
_CONTACT_ROLES = ("车队主管", "行政经理", "采购专员", "总经理助理", "财务主管", "后勤主管")

_DISTRICTS = ("南山区", "福田区", "罗湖区", "宝安区", "龙岗区", "龙华区", "光明区", "坪山区",
              "盐田区")
_STREETS = ("深南大道", "南海大道", "科技园路", "桃园路", "创业路", "滨海大道", "红荔路",
            "福华路", "新洲路", "笋岗路", "宝安大道", "新安路", "龙岗大道", "布吉路", "民治大道",
            "梅龙路", "光明大道", "坪山大道", "沙河西路", "建设路")
_ESTATES = ("阳光花园", "碧海湾", "锦绣家园", "桃源村", "华侨城", "百花园", "翠竹苑",
            "星河丽景", "万科城", "中海华庭", "金色家园", "御景湾", "海岸城", "幸福里")
_SOURCES = ("展厅到店", "展厅到店", "老客户介绍", "汽车之家", "懂车帝", "电话咨询", "车展",
            "售后转介绍", "公司团购")
_MAIL_DOMAINS = ("163.com", "126.com", "qq.com", "sina.com", "hotmail.com", "gmail.com")

# Mobile prefixes in use (all valid under libphonenumber's CN mobile pattern), weighted
# roughly by how common they are.
_MOBILE_PREFIXES: tuple[tuple[str, int], ...] = (
    ("138", 9), ("139", 9), ("137", 7), ("136", 7), ("135", 7), ("134", 4), ("130", 5),
    ("131", 5), ("132", 5), ("133", 4), ("150", 5), ("151", 5), ("152", 4), ("153", 3),
    ("155", 3), ("156", 4), ("157", 3), ("158", 5), ("159", 5), ("170", 1), ("173", 2),
    ("175", 2), ("176", 2), ("177", 2), ("178", 2), ("180", 3), ("181", 3), ("182", 3),
    ("183", 3), ("184", 1), ("185", 3), ("186", 5), ("187", 4), ("188", 4), ("189", 4),
    ("191", 1), ("193", 1), ("195", 1), ("198", 2), ("199", 2),
)

# ====================================================================== vehicles
@dataclass(frozen=True)
class _Model:
    wmi: str
    brand: str
    model: str
    vds: str  # VIN positions 4-8
    nev: bool
    price: tuple[int, int]  # CNY
    weight: int


_MODELS: tuple[_Model, ...] = (
    _Model("LSV", "上汽大众", "朗逸", "AB41G", False, (100_000, 150_000), 14),
    _Model("LSV", "上汽大众", "帕萨特", "AC53D", False, (180_000, 250_000), 6),
    _Model("LSV", "上汽大众", "途观L", "AD52E", False, (220_000, 300_000), 6),
    _Model("LSV", "上汽大众", "途岳", "AE42F", False, (150_000, 200_000), 3),
    _Model("LSV", "上汽大众", "ID.4 X", "UE64R", True, (180_000, 250_000), 4),
    _Model("LFV", "一汽-大众", "速腾", "A2BU3", False, (130_000, 180_000), 6),
    _Model("LFV", "一汽-大众", "迈腾", "A3CD4", False, (190_000, 260_000), 5),
    _Model("LFV", "一汽-大众", "宝来", "A1BV2", False, (100_000, 140_000), 4),
    _Model("LFV", "一汽-大众", "ID.4 CROZZ", "UB4E8", True, (190_000, 260_000), 3),
    _Model("LFV", "一汽-大众奥迪", "奥迪A4L", "A48F6", False, (300_000, 400_000), 3),
    _Model("LFV", "一汽-大众奥迪", "奥迪A6L", "A64G7", False, (420_000, 500_000), 2),
    _Model("LSG", "上汽通用别克", "英朗", "JA54H", False, (100_000, 130_000), 4),
    _Model("LSG", "上汽通用别克", "GL8", "UA55K", False, (240_000, 350_000), 3),
    _Model("LSG", "上汽通用雪佛兰", "科鲁泽", "PB51L", False, (100_000, 130_000), 2),
    _Model("LSG", "上汽通用凯迪拉克", "CT5", "KD58M", False, (280_000, 350_000), 1),
    _Model("LHG", "广汽本田", "雅阁", "CV167", False, (170_000, 240_000), 5),
    _Model("LHG", "广汽本田", "缤智", "RU582", False, (120_000, 160_000), 3),
    _Model("LHG", "广汽本田", "凌派", "GM653", False, (100_000, 130_000), 2),
    _Model("LHG", "广汽本田", "e:NP1", "RZ8E4", True, (170_000, 200_000), 1),
    _Model("LVG", "广汽丰田", "凯美瑞", "BGFE1", False, (180_000, 260_000), 5),
    _Model("LVG", "广汽丰田", "汉兰达", "AHKL4", False, (270_000, 350_000), 3),
    _Model("LVG", "广汽丰田", "雷凌", "ZRE2B", False, (110_000, 150_000), 2),
    _Model("LVG", "广汽丰田", "bZ4X", "XEAM1", True, (170_000, 220_000), 1),
    _Model("LFM", "一汽丰田", "卡罗拉", "ZRE1A", False, (110_000, 150_000), 3),
    _Model("LFM", "一汽丰田", "RAV4荣放", "ZSA4B", False, (180_000, 250_000), 2),
    _Model("LBV", "华晨宝马", "宝马3系", "8E310", False, (300_000, 400_000), 3),
    _Model("LBV", "华晨宝马", "宝马5系", "JA510", False, (430_000, 500_000), 2),
    _Model("LBV", "华晨宝马", "宝马X3", "TX320", False, (400_000, 500_000), 2),
    _Model("LBV", "华晨宝马", "iX3", "TY7E0", True, (400_000, 470_000), 1),
    _Model("LE4", "北京奔驰", "C级", "ZFB2K", False, (330_000, 400_000), 3),
    _Model("LE4", "北京奔驰", "E级", "ZFC4K", False, (440_000, 500_000), 2),
    _Model("LE4", "北京奔驰", "GLC", "ZGD4M", False, (430_000, 500_000), 2),
    _Model("LE4", "北京奔驰", "EQC", "ZNE4E", True, (450_000, 500_000), 1),
    _Model("LRW", "特斯拉", "Model 3", "YGCEK", True, (230_000, 300_000), 5),
    _Model("LRW", "特斯拉", "Model Y", "YGCFK", True, (250_000, 350_000), 6),
    _Model("LGX", "比亚迪", "秦PLUS DM-i", "CGKF1", True, (100_000, 150_000), 8),
    _Model("LGX", "比亚迪", "汉EV", "CHKE2", True, (200_000, 280_000), 5),
    _Model("LGX", "比亚迪", "宋PLUS DM-i", "CSKF3", True, (150_000, 200_000), 6),
    _Model("LGX", "比亚迪", "元PLUS", "CYKE4", True, (130_000, 160_000), 4),
    _Model("LGX", "比亚迪", "海豚", "CDKE5", True, (100_000, 130_000), 4),
)
_PLANTS = {"LSV": "NA", "LFV": "JC", "LSG": "SW", "LHG": "GH", "LVG": "GN", "LFM": "TD",
           "LBV": "SH", "LE4": "BK", "LRW": "PF", "LGX": "SX"}
_MODEL_YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY"  # 2010 .. 2030 (no I O Q U Z 0)
# Share of new cars that are new-energy, by purchase year (the later the more).
_NEV_SHARE = {2019: 0.05, 2020: 0.08, 2021: 0.16, 2022: 0.28, 2023: 0.38, 2024: 0.47,
              2025: 0.55, 2026: 0.6}
_PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # plates never use I or O
_OTHER_PLATE_PREFIXES: tuple[tuple[str, int], ...] = (
    ("粤A", 4), ("粤S", 3), ("粤E", 1), ("粤L", 1), ("湘A", 1), ("湘L", 1), ("赣A", 1),
    ("鄂A", 1), ("川A", 1), ("桂A", 1), ("闽D", 1), ("豫A", 1), ("京A", 1), ("沪A", 1),
)
_LOCAL_PLATE = "粤B"

_SERVICE_ITEMS: tuple[tuple[str, int, int, int], ...] = (
    # (items, min CNY, max CNY, weight)
    ("常规保养：机油、机滤", 380, 900, 30),
    ("常规保养：机油、机滤、空滤、空调滤芯", 600, 1500, 20),
    ("更换刹车片（前轮）", 600, 1600, 6),
    ("四轮定位、轮胎动平衡", 200, 500, 6),
    ("空调系统清洗、更换空调滤芯", 280, 680, 6),
    ("更换蓄电池", 600, 1500, 4),
    ("更换轮胎（两条）", 1200, 3200, 4),
    ("钣喷维修：前保险杠", 1500, 4200, 4),
    ("钣喷维修：左后车门", 1800, 5200, 2),
    ("更换变速箱油", 900, 2200, 3),
    ("发动机故障检修", 1500, 8000, 2),
    ("更换正时皮带及水泵", 2500, 6800, 1),
    ("刹车油、防冻液更换", 350, 800, 4),
)
_SERVICE_WEIGHTS = tuple(accumulate(item[3] for item in _SERVICE_ITEMS))
_PARTS_ITEMS = ("原厂脚垫", "行车记录仪", "雨刮片", "儿童安全座椅", "车载充电桩", "原厂轮毂",
                "防爆隔热膜", "后备箱垫")
_RETAIL_ITEMS = ("家用净水器", "空气炸锅", "扫地机器人", "破壁机", "电饭煲", "吸尘器",
                 "电动牙刷", "空气净化器", "蓝牙耳机", "智能手表")

# ====================================================================== complaints
_CHANNEL_MIX: dict[StoreKind, tuple[tuple[Channel, int], ...]] = {
    StoreKind.DEALERSHIP: (
        (Channel.RECEPTION, 52), (Channel.CARE_VISIT, 24), (Channel.OEM_HOTLINE, 12),
        (Channel.PHONE, 5), (Channel.ONLINE, 3), (Channel.MEDIA, 3), (Channel.IN_STORE, 1),
    ),
    StoreKind.RETAIL: (
        (Channel.IN_STORE, 45), (Channel.PHONE, 20), (Channel.ONLINE, 25),
        (Channel.CARE_VISIT, 5), (Channel.MEDIA, 2), (Channel.OEM_HOTLINE, 2),
        (Channel.RECEPTION, 1),
    ),
}
_MAJOR_SHARE = {Channel.MEDIA: 0.5, Channel.OEM_HOTLINE: 0.25}
_MAJOR_DEFAULT = 0.12

_CATEGORY_MIX: dict[StoreKind, tuple[tuple[str, int], ...]] = {
    StoreKind.DEALERSHIP: (
        ("repair_quality", 22), ("waiting_time", 14), ("service_attitude", 12), ("price", 12),
        ("product_quality", 10), ("parts_supply", 9), ("warranty", 7), ("sales", 5),
        ("delivery", 3), ("enquiry", 3), ("other", 3),
    ),
    StoreKind.RETAIL: (
        ("product_quality", 28), ("delivery", 18), ("service_attitude", 14), ("price", 14),
        ("waiting_time", 8), ("warranty", 8), ("enquiry", 5), ("other", 5),
    ),
}


@dataclass(frozen=True)
class _Texts:
    """What gets written on sheets of one category.

    Placeholders: {model} {service} {part} {fault} {panel} {advisor} {hours} {days}
    {times} {km} {quote} {charged} {gift} {amount} {date} {months} {year} {item} {person}.
    ``corrections`` pair a text with a compensation range in CNY (0, 0 = none).
    """

    areas: tuple[tuple[ResponsibleArea, int], ...]
    descriptions: tuple[str, ...]
    requests: tuple[str, ...]
    root_causes: tuple[str, ...]
    corrections: tuple[tuple[str, int, int], ...]
    measures: tuple[str, ...]
    actions: tuple[str, ...]
    progress: tuple[str, ...] = ()


_T, _S, _P, _SA, _L, _O = (ResponsibleArea.TECHNICAL, ResponsibleArea.SERVICE,
                           ResponsibleArea.PARTS, ResponsibleArea.SALES,
                           ResponsibleArea.LOGISTICS, ResponsibleArea.OTHER)

_DEALER_TEXTS: dict[str, _Texts] = {
    "repair_quality": _Texts(
        areas=((_T, 85), (_S, 15)),
        descriptions=(
            "上周在店里做了{service}，开回去第二天发动机就有异响，怠速时特别明显，比保养前还差。",
            "{service}后空调不制冷，出风口一直吹热风，这么热的天根本没法开。",
            "上次来修的{fault}又出现了，这已经是第{times}次回厂，每次都说修好了。",
            "做完四轮定位方向盘还是往右偏，高速上手一松车就跑偏，很危险。",
            "保养后发现机油尺上的机油明显偏少，怀疑没有按标准加注。",
            "更换刹车片后一踩刹车就有尖锐的吱吱声，倒车时尤其明显。",
            "钣喷后的{panel}颜色和原车有明显色差，洗车后还发现有流漆。",
            "取车时发现中控台上有油手印，脚垫也没放回原位，车里一股烟味。",
            "{service}后仪表盘上的保养提示没有归零，开了两天一直在报警。",
            "修完{fault}才开了{km}公里，同样的问题又来了，耽误我好几天上班。",
        ),
        requests=(
            "免费检修并彻底解决问题", "重新施工，并给出书面说明", "赔偿回厂耽误的误工费",
            "由技术总监亲自检查车辆", "延长该维修项目的质保期", "退还本次维修的工时费",
        ),
        root_causes=(
            "技师更换机油滤清器时未更换密封圈，接口处渗油并产生异响",
            "空调系统抽真空时间不足10分钟即加注冷媒，系统内残留空气导致制冷差",
            "前次维修只更换了故障码对应的传感器，未检查线束插头腐蚀，故障根源未排除",
            "四轮定位仪超过3个月未校准，前束数据偏差0.3度，导致车辆跑偏",
            "机油加注按旧版手册容量执行，该车型新版手册已将容量由4.0升调整为4.5升",
            "刹车片安装时未涂抹消音膏，也未对刹车盘进行打磨",
            "调漆员未用比色卡试喷比对，直接按配方调色导致色差",
            "终检只核对了维修项目，未执行交车前车内清洁检查表",
            "技师作业完成后未使用诊断仪复位保养里程，终检表中也没有该检查项",
        ),
        corrections=(
            ("免费重新检修，更换密封圈并清洗发动机舱，由技术总监试车确认无异响", 0, 0),
            ("重新抽真空加注冷媒，并赠送空调清洗一次", 200, 400),
            ("免费更换线束插头并全面检测电路，赠送常规保养一次", 500, 900),
            ("重新做四轮定位，客户现场试车确认不再跑偏", 0, 0),
            ("补足机油并赠送原厂机油一桶", 300, 500),
            ("重新安装刹车片并打磨刹车盘，免收全部工时费", 300, 800),
            ("整面重新喷漆，施工期间提供代步车", 800, 2000),
            ("上门致歉并重新精洗车辆，赠送洗车卡5次", 150, 300),
            ("退还本次维修工时费{amount}元，并由技术总监复检签字", 300, 1500),
        ),
        measures=(
            "自{date}起，技师更换滤清器须在工单上勾选“密封圈已更换”并拍照上传，车间主任每日抽查5台",
            "空调维修作业指导书增加“抽真空不少于20分钟”的要求，技术总监张诚于{date}前完成全员实操考核",
            "重复维修车辆一律由技术总监复核诊断方案后再派工，{date}起执行，每月统计返修率",
            "定位仪校准周期由每季度改为每月，校准记录贴在设备旁，设备管理员负责，{date}起执行",
            "机油加注量改为按VIN查询电子手册，纸质对照表于{date}前全部收回，由配件经理沈瑜负责",
            "加强培训：{date}前由技术总监组织刹车系统专项实操培训并考核，不合格者不得独立作业",
            "调漆前必须喷样板与原车比对并由质检员签字，{date}起纳入钣喷车间终检表",
            "交车前增加车内清洁检查项，由服务顾问与客户共同确认签字，{date}起执行",
            "终检表增加“保养里程复位”项，未勾选的工单系统不能结算，{date}前上线",
        ),
        actions=(
            "修订《机电维修作业指导书》滤清器更换条款，并在晨会逐条讲解",
            "每月抽查20张维修工单的作业照片，结果在车间公告栏公示",
            "定位仪送计量所校准并建立每月校准台账",
            "统计近三个月返修车辆，按技师和项目分析原因并上报服务总监",
            "在DMS终检环节增加保养复位、车内清洁两个必填检查项",
        ),
        progress=(
            "技师{person}已对车辆进行检查，初步判断为维修作业不到位",
            "已安排车辆进厂复检，技术总监陪同试车",
        ),
    ),
    "waiting_time": _Texts(
        areas=((_S, 90), (_T, 10)),
        descriptions=(
            "预约了上午9点保养，到店后等了{hours}个小时才开始做，前台也没人解释。",
            "说好下午4点交车，一直拖到晚上7点多，打电话问了三次都说马上好。",
            "车已经放在店里{days}天了，每次问都说还在等，一点进展都没有。",
            "快修通道形同虚设，一个小保养做了将近3个小时。",
            "周末来做{service}，从进店到结算用了大半天，休息区连座位都没有。",
        ),
        requests=(
            "给出明确的交车时间", "报销来回打车的费用", "以后预约客户优先安排",
            "提供代步车", "免除本次工时费",
        ),
        root_causes=(
            "周六预约量超出车间产能30%，预约系统未设置每小时接车上限",
            "服务顾问未在派工单上标注预约客户，车间按到店顺序派工",
            "维修进度只记录在车间白板上，服务顾问无法实时查看，不能及时告知客户",
            "快修工位被两台事故车占用，当班车间主任未及时调整工位",
            "结算只开放一个收银窗口，高峰时段排队超过40分钟",
        ),
        corrections=(
            ("免除本次工时费，并赠送洗车卡", 200, 500),
            ("报销客户往返打车费用{amount}元", 50, 200),
            ("安排代步车直至交车", 0, 0),
            ("赠送下次保养工时费全免券", 300, 600),
            ("服务经理当面致歉，并为客户办理专属预约通道", 0, 0),
        ),
        measures=(
            "预约系统设置每小时最多接车8台，超出自动顺延，由服务经理陈刚于{date}前完成设置",
            "预约客户派工单加盖红色“预约”章，车间优先派工，{date}起执行并每周抽查",
            "上线车间进度看板，服务顾问每2小时向等待客户通报一次进度，{date}起执行",
            "快修工位专用，事故车不得占用，车间主任每日早会确认工位安排，{date}起执行",
            "周末高峰增开第二个收银窗口，由财务主管排班，{date}起执行",
        ),
        actions=(
            "在预约系统中设置每小时接车上限并试运行两周",
            "制作车间进度看板并接入服务顾问的平板电脑",
            "统计每周预约准时开工率，低于90%在周会上分析原因",
        ),
        progress=("已向客户致歉并告知预计交车时间", "已安排代步车，客户同意先行离店"),
    ),
    "service_attitude": _Texts(
        areas=((_S, 100),),
        descriptions=(
            "服务顾问{advisor}接待时一直低头玩手机，问问题爱答不理。",
            "电话预约时客服语气很冲，还说“你爱来不来”，非常不尊重人。",
            "结算时收银员态度冷淡，发票开错了还怪我没说清楚。",
            "保安不让我把车停在客户停车区，态度蛮横。",
            "我在休息区等了一上午，没有任何人过来跟我说明情况。",
        ),
        requests=("要求当事人当面道歉", "希望更换服务顾问", "要求店方给出书面处理结果",
                  "要求总经理给个说法"),
        root_causes=(
            "该服务顾问入职不足一个月，未通过接待流程考核即独立上岗",
            "客服专员当天同时处理两条热线，排班只安排了一人",
            "收银岗位没有开票信息核对单，开票信息靠口头确认",
            "保安岗位未纳入客户接待流程培训，客户停车区没有标识",
            "休息区无专人负责，服务顾问接车后不再跟进等待客户",
        ),
        corrections=(
            ("服务总监带当事人上门致歉，并赠送保养套餐一次", 400, 800),
            ("更换专属服务顾问，并赠送精品礼包", 100, 300),
            ("重新开具发票并快递到客户单位", 0, 0),
            ("当面致歉，并赠送洗车卡", 100, 200),
        ),
        measures=(
            "新员工须通过接待流程笔试和模拟接待考核后方可独立接待，由服务经理陈刚负责，{date}起执行",
            "热线高峰时段（9:00-11:00）安排两名客服，{date}起排班表由客户关爱主管审核",
            "收银台增加开票信息客户签字确认单，{date}起执行，财务每周抽查",
            "客户停车区增设标识牌，保安纳入月度服务礼仪考核，{date}前完成",
            "休息区每半小时由值班服务顾问巡视一次并登记，{date}起执行",
        ),
        actions=(
            "组织全体服务顾问进行接待流程模拟考核，不合格者离岗复训",
            "制作开票信息确认单并在收银台使用",
            "每月抽听20通客服录音并评分，结果纳入绩效",
        ),
        progress=("服务总监已电话联系客户致歉，客户情绪平稳",),
    ),
    "price": _Texts(
        areas=((_S, 80), (_P, 20)),
        descriptions=(
            "保养报价说是{quote}元，结账时变成了{charged}元，多出来的项目事先没人告诉我。",
            "同样的保养项目比隔壁店贵了将近一倍，工时费收得不合理。",
            "明明在保修期内，更换{part}却让我自费。",
            "结算单上有一项“发动机舱清洗”，我根本没要求做。",
        ),
        requests=("退还多收的费用", "提供详细的收费明细", "按保修政策免费处理"),
        root_causes=(
            "服务顾问增项施工前未按流程请客户签字确认，仅口头告知",
            "系统工时单价仍为去年标准，未按厂家{year}年新工时手册更新",
            "索赔员对延保条款理解错误，把保修范围内的零件按自费处理",
            "车间在工单外增加了清洗项目，结算时未与客户核对",
        ),
        corrections=(
            ("退还差价{amount}元并当面致歉", 100, 1200),
            ("免除增项费用，并赠送保养工时券", 200, 500),
            ("按保修政策办理索赔，退还已收费用{amount}元", 300, 2500),
        ),
        measures=(
            "增项施工前须由客户在平板电脑上电子签字，未签字的增项系统无法结算，{date}起执行",
            "工时单价表由服务经理每季度与厂家手册核对一次，{date}前完成本次更新",
            "索赔员每月参加厂家保修政策考试，延保条款整理成速查表张贴在索赔室，{date}前完成",
            "结算前服务顾问与客户逐项核对结算单，客户签字后方可收款，{date}起执行",
        ),
        actions=(
            "在DMS中设置增项必须电子签字的校验规则",
            "核对全部工时单价并导入厂家新工时手册",
            "抽查近一个月结算单，核对增项签字情况",
        ),
    ),
    "parts_supply": _Texts(
        areas=((_P, 100),),
        descriptions=(
            "{part}缺货，说等一周，现在已经两周了还没到，车一直不能开。",
            "订的原厂{part}到货后发现型号不对，又要重新订货。",
            "更换的{part}包装已经拆过，怀疑不是新件。",
            "配件缺货两周，没人主动告诉我进度，打电话也没人回。",
        ),
        requests=("尽快到货并安排维修", "提供代步车", "提供配件来源证明"),
        root_causes=(
            "配件计划员未按安全库存订货，{part}库存为零已持续10天",
            "订货时用车型代码而非VIN查询配件号，导致订错型号",
            "配件出库未执行拆包检验登记，退库件与新件混放在同一货架",
            "配件到货状态没有同步给服务顾问，客户无法得到进度",
        ),
        corrections=(
            ("从兄弟店调货，3天内完成维修，期间提供代步车", 0, 0),
            ("加急空运配件并免除工时费", 300, 900),
            ("更换全新原厂件并出具配件出库单", 0, 0),
        ),
        measures=(
            "常用易损件设置安全库存，每周一由配件经理沈瑜核对，{date}起执行",
            "配件订货一律按VIN查询，系统增加VIN必填校验，{date}前上线",
            "退库件单独货架存放并贴红色标签，出库扫码核对，{date}起执行",
            "缺件订单每天16点由配件部在DMS更新到货日期，服务顾问当天告知客户，{date}起执行",
        ),
        actions=(
            "梳理近一年缺件记录，确定30种常用件的安全库存",
            "在配件系统中设置VIN必填并上线",
            "退库件区域重新划线并贴标签",
        ),
        progress=("配件已订货，预计{days}天到货，已告知客户", "配件到货，已约客户到店安装"),
    ),
    "product_quality": _Texts(
        areas=((_T, 90), (_SA, 10)),
        descriptions=(
            "新车提车不到{months}个月就{fault}，这是车本身的质量问题。",
            "车辆行驶{km}公里就出现{fault}，怀疑是批次质量问题。",
            "一下雨就{fault}，已经来店处理过两次都没有根治。",
        ),
        requests=("要求更换同型号新车", "要求厂家出具书面检测报告", "免费维修并延长保修期"),
        root_causes=(
            "经厂家技术支持确认，{fault}属该批次零件质量问题，已列入厂家技术通报",
            "天窗排水管出厂时安装位置偏移，导致排水不畅",
            "变速箱控制单元软件版本过旧，换挡逻辑有缺陷，厂家已发布升级程序",
        ),
        corrections=(
            ("按厂家技术通报免费更换零件并升级软件", 0, 0),
            ("免费维修，并赠送2年延保", 1500, 3000),
            ("协调厂家区域经理到店检测，并出具书面报告", 0, 0),
        ),
        measures=(
            "厂家技术通报到店当天由技术总监组织学习，涉及车辆在{date}前全部电话通知回店检查",
            "新车PDI检查增加天窗排水测试项，由PDI技师签字确认，{date}起执行",
            "同类故障车辆建立台账，每月汇总上报厂家质量部，由索赔员负责，{date}起执行",
        ),
        actions=(
            "按技术通报清单逐台电话通知客户回店检查",
            "PDI检查表增加天窗排水测试项",
            "建立质量故障台账并每月上报厂家",
        ),
        progress=("已将故障信息上报厂家技术支持，等待回复",),
    ),
    "warranty": _Texts(
        areas=((_T, 60), (_S, 40)),
        descriptions=(
            "{part}在保修期内坏了，店里说是人为损坏不给保修。",
            "保修维修等了{days}天，说是在等厂家审批。",
            "三包期内同一个故障修了两次，要求换车，店里一直拖着不答复。",
        ),
        requests=("按保修政策免费维修", "出具不予保修的书面依据", "尽快给出答复"),
        root_causes=(
            "索赔员未拍摄故障件照片，厂家审批两次被退回，延误12天",
            "服务顾问凭经验判断为人为损坏，未按流程提交技术鉴定",
            "三包换车申请材料缺少两次维修记录，未能按时提交厂家",
        ),
        corrections=(
            ("重新提交索赔资料并先行维修，厂家审批后免费处理", 0, 0),
            ("由技术总监鉴定后按保修免费更换", 0, 0),
            ("补齐材料提交厂家，期间提供代步车", 0, 0),
        ),
        measures=(
            "索赔资料提交前由索赔主管按检查表复核照片和故障码，{date}起执行",
            "拒绝保修须有技术总监签字的书面鉴定，{date}起执行",
            "三包车辆建立专门台账，第二次维修后由索赔员当天上报，{date}起执行",
        ),
        actions=("制作索赔资料检查表并培训索赔员", "建立三包车辆台账"),
    ),
    "sales": _Texts(
        areas=((_SA, 100),),
        descriptions=(
            "买车时销售顾问承诺送{gift}，提车时说没有这个活动了。",
            "购车合同写的交车日期早就过了，现在又拖了{days}天还没交车。",
            "贷款手续费事先没说清楚，比说好的多了{amount}元。",
        ),
        requests=("兑现购车时的承诺", "退还多收的费用", "赔偿延迟交车的损失"),
        root_causes=(
            "销售顾问口头承诺的赠品未写入购车合同，活动结束后无法兑现",
            "厂家发运计划调整，销售部未及时通知客户交车时间变化",
            "金融专员未向客户出示手续费明细表，费用告知不完整",
        ),
        corrections=(
            ("补送承诺的{gift}，并由销售经理当面致歉", 0, 0),
            ("赠送首年保险费用{amount}元作为补偿", 1000, 3000),
            ("退还手续费差额{amount}元", 500, 2000),
        ),
        measures=(
            "所有赠品承诺须写入购车合同附件并由销售经理签字，{date}起执行",
            "交车时间变化由销售顾问24小时内电话告知客户并记录在DMS，销售经理每周检查，{date}起执行",
            "金融手续费明细表作为贷款合同必签附件，{date}起执行",
        ),
        actions=("修订购车合同附件模板，增加赠品清单栏", "每周导出交车延期清单并逐一回访"),
    ),
    "delivery": _Texts(
        areas=((_SA, 60), (_L, 40)),
        descriptions=(
            "交车时发现车身有划痕，当时销售说会处理，到现在也没人联系。",
            "新车交付时随车工具和备用钥匙缺失。",
            "维修后交车时座椅和后视镜都被调乱了，车里还有烟味。",
        ),
        requests=("尽快处理划痕", "补齐随车物品", "要求店方道歉"),
        root_causes=(
            "新车到店验收只检查了外观大面，未检查车门下沿",
            "交车检查表中没有随车物品清点项",
            "维修技师在车内吸烟，车间未执行禁烟规定",
        ),
        corrections=(
            ("免费修复划痕并赠送全车打蜡", 200, 500),
            ("补齐随车工具和备用钥匙，并上门送达", 0, 0),
            ("精洗车辆、臭氧消毒，并当面致歉", 100, 300),
        ),
        measures=(
            "新车到店验收增加车门下沿和底盘检查项，由PDI技师拍照留档，{date}起执行",
            "交车检查表增加随车物品清点项，客户签字确认，{date}起执行",
            "车间全面禁烟，发现一次罚款200元并通报，由车间主任每日巡查，{date}起执行",
        ),
        actions=("修订新车验收检查表", "在交车检查表中增加随车物品清单"),
    ),
    "enquiry": _Texts(
        areas=((_S, 100),),
        descriptions=(
            "问了三次延保怎么办理，每次说法都不一样。",
            "想了解首保的时间和里程要求，打了几次电话都没人说得清楚。",
        ),
        requests=("给出准确答复", "以后统一口径"),
        root_causes=(
            "服务顾问对延保产品不熟悉，店内没有统一的答复话术",
            "首保政策调整后未更新前台的政策说明",
        ),
        corrections=(("服务经理电话详细解答，并寄送书面说明", 0, 0),),
        measures=(
            "编写延保产品问答手册发给每位服务顾问，{date}前完成考核",
            "政策调整当天由服务经理更新前台政策说明并在晨会宣讲，{date}起执行",
        ),
        actions=("编写延保问答手册并组织考核",),
    ),
    "other": _Texts(
        areas=((_O, 70), (_S, 30)),
        descriptions=(
            "店里的免费WiFi一直连不上，休息区空调也太冷。",
            "停车场出口的道闸经常坏，每次出去都要等很久。",
        ),
        requests=("希望尽快改善",),
        root_causes=(
            "休息区路由器已使用6年，无人负责日常维护",
            "道闸控制板老化，维保合同到期后未续签",
        ),
        corrections=(("当日更换路由器并调整空调温度，向客户致歉", 0, 0),
                     ("更换道闸控制板并续签维保合同", 0, 0)),
        measures=(
            "休息区设备纳入行政部每周巡检表，{date}起执行",
            "道闸、监控等设施的维保合同由行政主管提前一个月续签，{date}起执行",
        ),
        actions=("制定休息区设备每周巡检表",),
    ),
}

_RETAIL_TEXTS: dict[str, _Texts] = {
    "product_quality": _Texts(
        areas=((_O, 40), (_SA, 60)),
        descriptions=(
            "买的{item}用了不到{days}天就坏了，开机没反应。",
            "{item}收到后外壳有裂纹，明显是质量问题。",
            "新买的{item}噪音特别大，和宣传的完全不一样。",
        ),
        requests=("换一台新的", "全额退款", "给出检测报告"),
        root_causes=(
            "该批次{item}电源板焊点虚焊，厂家已确认并召回",
            "入库验货只核对了数量，未开箱抽检外观",
        ),
        corrections=(("为客户更换新机并赠送延保一年", 100, 300),
                     ("全额退款{amount}元并致歉", 200, 2000)),
        measures=(
            "到货验收每批抽检5%开箱检查外观并记录，由仓库主管负责，{date}起执行",
            "同一型号一个月内出现3次质量投诉即暂停销售并通知厂家，{date}起执行",
        ),
        actions=("建立到货抽检记录表",),
    ),
    "delivery": _Texts(
        areas=((_L, 100),),
        descriptions=(
            "下单后说3天送到，等了{days}天还没收到。",
            "送货员没有预约直接放在门口，东西被淋湿了。",
        ),
        requests=("尽快送货", "赔偿损失"),
        root_causes=("第三方物流在节假日期间运力不足，未提前告知客户",
                     "送货员未按规定电话预约送货时间"),
        corrections=(("加急配送并赠送{amount}元优惠券", 20, 100),),
        measures=("节假日前一周与物流商确认运力，延迟订单当天短信告知客户，{date}起执行",
                  "送货前必须电话预约，系统记录通话时间，{date}起执行"),
        actions=("与物流商签订节假日运力保障协议",),
    ),
    "service_attitude": _Texts(
        areas=((_S, 100),),
        descriptions=("店员{advisor}态度冷淡，问了几次都不理人。",
                      "退货时店员一直推脱，说要找经理，等了一个小时。"),
        requests=("要求当事人道歉", "希望加快退货流程"),
        root_causes=("门店退货审批只有店长一人有权限，店长外出时无法办理",
                     "新店员未完成服务礼仪培训即上岗"),
        corrections=(("店长当面致歉并赠送礼品卡", 50, 200),),
        measures=("退货审批权限增加值班主管，{date}起执行",
                  "新店员须完成服务礼仪考核后上岗，由店长负责，{date}起执行"),
        actions=("修订门店退货审批流程",),
    ),
    "price": _Texts(
        areas=((_S, 100),),
        descriptions=("买完第二天{item}就降价了{amount}元，要求补差价被拒绝。",
                      "结账金额和标价不一致，多收了钱。"),
        requests=("补偿差价", "退还多收的费用"),
        root_causes=("价签更新滞后于系统调价，价签由人工每周更换一次",
                     "保价政策只在官网公布，门店未张贴"),
        corrections=(("按保价政策退还差价{amount}元", 20, 500),),
        measures=("调价当天由系统打印新价签并由值班主管核对，{date}起执行",
                  "保价政策张贴在收银台并由收银员主动告知，{date}起执行"),
        actions=("上线电子价签",),
    ),
    "waiting_time": _Texts(
        areas=((_S, 100),),
        descriptions=("周末排队结账等了40分钟，只开了一个收银台。",),
        requests=("增加收银台",),
        root_causes=("周末排班未考虑客流高峰，收银员只排了一人",),
        corrections=(("赠送{amount}元优惠券并致歉", 10, 50),),
        measures=("周末10:00-20:00至少开放3个收银台，由店长排班，{date}起执行",),
        actions=("按客流数据调整周末排班",),
    ),
    "warranty": _Texts(
        areas=((_S, 100),),
        descriptions=("{item}在保修期内坏了，门店让我自己找厂家。",),
        requests=("由门店负责送修",),
        root_causes=("店员不清楚门店代为送修的政策",),
        corrections=(("门店代为送修并提供备用机", 0, 0),),
        measures=("保修政策纳入店员上岗考核，{date}前完成全员考核",),
        actions=("编写保修政策问答",),
    ),
    "enquiry": _Texts(
        areas=((_S, 100),),
        descriptions=("咨询会员积分怎么用，店员说不清楚。",),
        requests=("给出准确答复",),
        root_causes=("积分规则调整后未对店员进行培训",),
        corrections=(("店长电话解答并补发积分说明", 0, 0),),
        measures=("规则调整当天由店长组织宣讲并考核，{date}起执行",),
        actions=("制作积分规则问答卡",),
    ),
    "other": _Texts(
        areas=((_O, 100),),
        descriptions=("门店停车位太少，每次都找不到车位。",),
        requests=("希望改善",),
        root_causes=("门店停车位被员工车辆占用",),
        corrections=(("为客户办理停车券并致歉", 0, 0),),
        measures=("员工车辆统一停放到后方停车场，由行政主管每日检查，{date}起执行",),
        actions=("划定员工停车区域",),
    ),
}

_GENERAL_PROGRESS = (
    "已电话联系客户了解详细情况，约定{day}到店检查",
    "已向客户说明处理方案，客户表示同意",
    "服务经理已与客户电话沟通，客户情绪稳定",
    "处理进展已通过微信告知客户",
    "维修完成，已通知客户到店取车",
)
_DAYS_TEXT = ("明天上午", "明天下午", "周六上午", "后天", "本周五")
_FAULTS = ("变速箱顿挫", "发动机故障灯常亮", "空调异味", "雨刮异响", "天窗漏水", "胎压报警",
           "中控屏黑屏", "车门异响", "怠速抖动", "刹车异响")
_PARTS = ("左前大灯总成", "空调压缩机", "前刹车盘", "水泵", "节温器", "后视镜总成",
          "中控屏", "倒车雷达探头", "发电机", "雨刮电机")
_PANELS = ("前保险杠", "左后车门", "右前翼子板", "后备箱盖", "发动机盖")
_GIFTS = ("全年保养", "原厂脚垫和行车记录仪", "一年车险", "贴膜和导航")
_SERVICES = ("常规保养", "首保", "更换刹车片", "空调清洗", "四轮定位", "更换蓄电池",
             "钣喷维修", "发动机检修")

_WAIT_REASONS = (
    "客户出差，约定下周到店处理", "等待客户提供购车发票", "客户暂不方便到店，约定周末处理",
    "等待客户确认维修方案", "客户要求先咨询厂家意见",
)
_REOPEN_REASONS = ("客户反映问题再次出现", "回访时客户对处理结果不满意，要求重新处理",
                   "客户补充了新的情况，需要重新处理")
_ASSIGN_NOTES = ("", "", "请今天内联系客户", "重大抱怨，请优先处理", "")
_CLOSING_REMARKS = (
    "客户确认满意，准予关闭", "问题已解决，长期措施已落实，关闭", "回访满意，关闭",
    "客户接受处理结果，措施已纳入制度，关闭", "已与客户达成一致，关闭",
)
_FEEDBACK = {
    5: ("问题已彻底解决，对处理速度很满意", "服务总监亲自回电，感觉受到重视", "车辆使用正常，谢谢"),
    4: ("问题解决了，就是等待时间有点长", "处理还可以，希望以后不要再出现", "基本满意"),
    3: ("问题基本解决，但来回跑了好几趟", "补偿一般，勉强接受"),
    2: ("异响减轻了但还有，需要再观察", "对处理结果不太满意"),
    1: ("问题没有解决，准备向厂家投诉", "非常失望"),
}
_SATISFACTION_WEIGHTS = tuple(accumulate((2, 5, 10, 28, 55)))  # 1..5, skewed high
_CHECK_NOTES = {
    Effectiveness.EFFECTIVE: ("抽查20台车未再出现同类问题，措施有效", "连续两个月无同类抱怨",
                              "复查记录齐全，执行到位"),
    Effectiveness.NOT_EFFECTIVE: ("本月仍出现1例同类抱怨，需修订措施", "抽查发现执行不到位"),
}
_VISIT_METHODS = ("phone", "phone", "phone", "phone", "phone", "phone", "wechat", "in_person")

# ====================================================================== helpers
_EPOCH = datetime(2000, 1, 1)  # generator time is whole minutes since this midnight
_MINUTE = timedelta(minutes=1)
_DAY = 1440  # minutes

# State and action values as stored (plain strings: the hot loop avoids enum lookups).
_REGISTERED, _ACKNOWLEDGED, _IN_PROGRESS, _WAITING, _RESOLVED, _VISITED, _CLOSED = (
    SheetState.REGISTERED.value, SheetState.ACKNOWLEDGED.value, SheetState.IN_PROGRESS.value,
    SheetState.WAITING.value, SheetState.RESOLVED.value, SheetState.VISITED.value,
    SheetState.CLOSED.value)
_ACK, _ASSIGN, _WAIT, _RESUME, _RESOLVE, _VISIT, _CLOSE, _REOPEN = (
    Action.ACKNOWLEDGE.value, Action.ASSIGN.value, Action.WAIT.value, Action.RESUME.value,
    Action.RESOLVE.value, Action.RETURN_VISIT.value, Action.CLOSE.value, Action.REOPEN.value)

# Values for the placeholders of the texts, drawn only when a chosen text uses them.
_FILL_CHOICES: dict[str, tuple[str, ...]] = {
    "service": _SERVICES, "fault": _FAULTS, "part": _PARTS, "panel": _PANELS,
    "gift": _GIFTS, "item": _RETAIL_ITEMS, "day": _DAYS_TEXT,
    "hours": ("两", "三", "两个半"), "times": ("二", "三"),
}
_FILL_RANGES: dict[str, tuple[int, int]] = {"days": (3, 16), "km": (300, 3000),
                                            "months": (2, 6)}
# What a text looks like filled in, for checking it against the ban on empty words.
_SAMPLE_FILL: dict[str, Any] = {
    **{key: values[0] for key, values in _FILL_CHOICES.items()},
    **{key: low for key, (low, _high) in _FILL_RANGES.items()},
    "quote": 800, "charged": 1100, "amount": 500, "year": 2026, "advisor": "王芳",
    "person": "张诚", "date": "2026年5月31日",
}


def _to_min(value: datetime) -> int:
    return (value - _EPOCH) // _MINUTE


def _to_dt(minute: int) -> datetime:
    return _EPOCH + timedelta(minutes=minute)


def _cumulative(weights: Sequence[float]) -> list[float]:
    return list(accumulate(weights))


def _fields(template: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for _lit, name, _spec, _conv in Formatter().parse(template)
                               if name))


class _WorkClock:
    """The store's open hours as a line of working minutes, for scheduling workflow
    steps realistically (deadlines are the SLA code's business, not this).

    ``pos(m)`` is how many open minutes lie before minute ``m``; ``at(p)`` is the first
    minute by which ``p`` open minutes have passed.
    """

    def __init__(self, calendar: StoreCalendar, first: date, last: date) -> None:
        self.first = first
        self.base = (first - _EPOCH.date()).days * _DAY
        self.days = (last - first).days + 1
        self.opens: list[int] = []
        self.closes: list[int] = []
        cum = [0]
        for i in range(self.days):
            hours = calendar.hours_on(first + timedelta(days=i))
            start = self.base + i * _DAY
            if hours is None:
                opening = closing = start
            else:
                opening = start + hours[0].hour * 60 + hours[0].minute
                closing = start + hours[1].hour * 60 + hours[1].minute
            self.opens.append(opening)
            self.closes.append(closing)
            cum.append(cum[-1] + closing - opening)
        self.cum = cum
        open_days = sum(1 for i in range(self.days) if self.closes[i] > self.opens[i])
        self.minutes_per_day = cum[-1] // max(open_days, 1)

    def day_index(self, minute: int) -> int:
        return min(max((minute - self.base) // _DAY, 0), self.days - 1)

    # pos/at/add run a few dozen times per sheet: clamped with comparisons rather than
    # min()/max() calls, and add() does both in one call (issue 13: a tenth of a
    # sheet's time went here).
    def pos(self, minute: int) -> int:
        i = (minute - self.base) // _DAY
        if i < 0:
            i = 0
        elif i >= self.days:
            i = self.days - 1
        opening = self.opens[i]
        into = minute - opening
        if into < 0:
            into = 0
        elif into > self.closes[i] - opening:
            into = self.closes[i] - opening
        return self.cum[i] + into

    def at(self, position: int) -> int:
        cum = self.cum
        if position < 0:
            position = 0
        elif position > cum[-1] - 1:
            position = cum[-1] - 1
        i = bisect_right(cum, position) - 1
        return self.opens[i] + position - cum[i]

    def add(self, minute: int, working_minutes: int) -> int:
        """``working_minutes`` of open time later (so the step happens while open)."""
        return self.at(self.pos(minute) + working_minutes)

    def is_open_day(self, i: int) -> bool:
        return self.closes[i] > self.opens[i]


# ====================================================================== generator
@dataclass(slots=True)
class _Vehicle:
    id: int
    purchase_day: int  # minute of 00:00 on the purchase date
    km_at_purchase: int
    km_per_day: float


@dataclass(slots=True)
class _Customer:
    id: int
    name: str
    phone: str
    since: int
    vehicles: list[_Vehicle] = field(default_factory=list)
    orders: list[tuple[int, int]] = field(default_factory=list)  # (order id, day minute)


@dataclass(frozen=True)
class _Rule:
    """The deadlines of one (channel, severity, enquiry or not), as ``apply_sla`` sets them."""

    response: sla.DueSpec
    resolution: sla.DueSpec
    json: str
    escalate_major: bool


@dataclass
class _Staff:
    """Staff ids by job (who does what on a sheet) and their display names."""

    ids: dict[str, int]
    names: dict[int, str]
    by_job: dict[str, list[int]]


class _Generator:
    """Customers, vehicles and orders, and what the sheet half shares: the one
    ``random.Random`` (so the order of draws is fixed), the clock, texts and rules."""

    def __init__(self, *, seed: int, now: datetime, store: Store, policy: sla.SlaPolicy,
                 calendar: StoreCalendar, staff: _Staff, categories: Sequence[str],
                 banned: Sequence[str], loader: bulk.BulkLoader,
                 progress: Progress | None) -> None:
        self.r = random.Random(seed)
        self.rand = self.r.random
        self.now = now
        self.now_min = _to_min(now)
        self.today = now.date()
        self.store = store
        assert store.id is not None
        self.store_id: int = store.id
        self.dealer = store.kind is not StoreKind.RETAIL
        self.policy = policy
        self.calendar = calendar
        self.staff = staff
        self.loader = loader
        self.progress = progress
        self.banned = tuple(banned)
        self.stamp = loader.minute_values(_EPOCH)
        self.clock = _WorkClock(calendar, date(self.today.year - 16, 1, 1),
                                self.today + timedelta(days=400))
        self.history_start = date(self.today.year - 14, 1, 1)
        self._rules: dict[tuple[Channel, Severity, bool], _Rule] = {}
        kind = StoreKind.DEALERSHIP if self.dealer else StoreKind.RETAIL
        texts = _DEALER_TEXTS if self.dealer else _RETAIL_TEXTS
        usable = [(c, w) for c, w in _CATEGORY_MIX[kind] if c in categories]
        if not usable:
            # The administrator replaced every category: file everything under the first.
            usable = [(categories[0], 1)]
        self.categories = [c for c, _ in usable]
        self.category_cum = _cumulative([w for _, w in usable])
        self.texts = {c: texts.get(c, texts["other"]) for c in self.categories}
        self.areas = {c: ([a for a, _ in t.areas], _cumulative([w for _, w in t.areas]))
                      for c, t in self.texts.items()}
        self.channels = [c for c, _ in _CHANNEL_MIX[kind]]
        self.channel_cum = _cumulative([w for _, w in _CHANNEL_MIX[kind]])
        self._concrete: dict[tuple[str, str], bool] = {}
        self._template_fields: dict[str, tuple[str, ...]] = {}
        self._surnames = [s for s, _ in _SURNAMES]
        self._surname_cum = _cumulative([w for _, w in _SURNAMES])
        self._prefixes = [p for p, _ in _MOBILE_PREFIXES]
        self._prefix_cum = _cumulative([w for _, w in _MOBILE_PREFIXES])
        self._plate_prefixes = [p for p, _ in _OTHER_PLATE_PREFIXES]
        self._plate_cum = _cumulative([w for _, w in _OTHER_PLATE_PREFIXES])
        self._ice = [m for m in _MODELS if not m.nev]
        self._ice_cum = _cumulative([m.weight for m in self._ice])
        self._nev = [m for m in _MODELS if m.nev]
        self._nev_cum = _cumulative([m.weight for m in self._nev])
        # Membership tests only (never iterated), so the output stays deterministic.
        self._phones: set[str] = set()
        self._plates: set[str] = set()
        self._vins: set[str] = set()
        self._company_names: set[str] = set()
        self._vin_serial = {wmi: 100_000 + self.between(0, 200_000) for wmi in _PLANTS}
        self._order_seq: dict[tuple[str, int], int] = {}
        self._day_text: dict[int, str] = {}
        self._iso_day: dict[int, str] = {}
        self._name_keys: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self.customers: list[_Customer] = []
        self.counts = {"vehicles": 0, "orders": 0}

    # ------------------------------------------------------------- small draws
    # random.choice/randrange cost several times random(); these are the same idea
    # (uniform, deterministic for a seed) at a fraction of the cost, in the hot loops.
    def pick(self, items: Sequence[Any]) -> Any:
        return items[int(self.rand() * len(items))]

    def between(self, low: int, high: int) -> int:
        """A whole number in ``[low, high)`` (``low`` when the range is empty)."""
        return low + int(self.rand() * (high - low)) if high > low else low

    def distinct(self, n: int, k: int) -> list[int]:
        """``k`` different whole numbers of ``range(n)`` in the order drawn, every such
        choice equally likely (what ``random.sample`` gives, for the few picks a sheet
        makes at a fifth of its cost)."""
        k = min(n, k)
        chosen: list[int] = []
        rand = self.rand
        while len(chosen) < k:
            i = int(rand() * n)
            if i not in chosen:
                chosen.append(i)
        return chosen

    def weighted(self, items: Sequence[Any], cum: Sequence[float]) -> Any:
        return items[bisect_right(cum, self.rand() * cum[-1])]

    def staff_for(self, job: str) -> int:
        pool = self.staff.by_job[job]
        return pool[int(self.rand() * len(pool))]

    def open_minute(self, day_index: int) -> int:
        """A moment of that day's open hours (09:00-17:00 if the store is closed)."""
        clock = self.clock
        opening, closing = clock.opens[day_index], clock.closes[day_index]
        if closing <= opening:
            opening = clock.base + day_index * _DAY + 9 * 60
            closing = opening + 8 * 60
        # Busier late morning and mid-afternoon than at opening and closing.
        return opening + int((closing - opening) * self.r.betavariate(1.6, 1.9))

    def day_index(self, day: date) -> int:
        return (day - self.clock.first).days

    def day_text(self, minute: int) -> str:
        """``20240315`` for the day of ``minute`` (order numbers)."""
        day = minute // _DAY
        found = self._day_text.get(day)
        if found is None:
            found = self._day_text[day] = f"{_EPOCH + timedelta(days=day):%Y%m%d}"
        return found

    def iso_day(self, minute: int) -> str:
        """``2024-03-15`` for the day of ``minute`` (a DATE as stored)."""
        day = minute // _DAY
        found = self._iso_day.get(day)
        if found is None:
            found = self._iso_day[day] = (_EPOCH + timedelta(days=day)).date().isoformat()
        return found

    # ------------------------------------------------------------- texts
    def fill(self, template: str, context: dict[str, Any]) -> str:
        """The template with its placeholders filled, drawing only the values it uses
        (kept in ``context`` so one sheet's texts agree with each other)."""
        names = self._template_fields.get(template)
        if names is None:
            names = self._template_fields[template] = _fields(template)
        if not names:
            return template
        for name in names:
            if name not in context:
                context[name] = self._draw(name, context)
        return template.format_map(context)

    def _draw(self, name: str, context: dict[str, Any]) -> Any:
        choices = _FILL_CHOICES.get(name)
        if choices is not None:
            return self.pick(choices)
        span = _FILL_RANGES.get(name)
        if span is not None:
            return self.between(*span)
        if name == "quote":
            return self.between(4, 15) * 100
        if name == "charged":
            if "quote" not in context:
                context["quote"] = self._draw("quote", context)
            return context["quote"] + self.between(2, 12) * 100
        if name == "amount":
            return self.between(2, 30) * 100
        if name == "advisor":
            return self.staff.names[self.staff_for("advisor")]
        return ""  # person/date/year are set by the caller; unknown names stay empty

    def concrete(self, template: str, field_name: str) -> bool:
        """Whether the template, filled in, passes the store's ban on empty words.

        Checked once per template: what fills it in (a part, a date, a name) only adds
        concrete words, never an empty one."""
        key = (template, field_name)
        ok = self._concrete.get(key)
        if ok is None:
            try:
                validation.validate_measure(template.format_map(_SAMPLE_FILL),
                                            banned_phrases=self.banned, field=field_name)
                ok = True
            except ValidationError:
                ok = False
            self._concrete[key] = ok
        return ok

    def concrete_text(self, template: str, field_name: str, context: dict[str, Any]) -> str:
        """The filled template, or (if an administrator banned its words) a plainly
        concrete replacement."""
        if not self.concrete(template, field_name):
            template = ("终检未按检查表逐项进行，{person}负责的工位当天漏检一项"
                        if field_name == "root_cause" else
                        "由{person}修订作业检查表并在DMS中设置必填校验，{date}前完成，"
                        "每周抽查10张工单")
        return self.fill(template, context)

    # ------------------------------------------------------------- people
    def person_name(self, gender: Gender, born: int | None = None) -> str:
        rand, pick = self.rand, self.pick
        surname = self.weighted(self._surnames, self._surname_cum)
        male = gender is Gender.MALE
        if born is not None and rand() < 0.3:
            if born < 1975:
                return surname + pick(_OLD_MALE if male else _OLD_FEMALE)
            if born > 1992:
                return surname + pick(_YOUNG_MALE if male else _YOUNG_FEMALE)
        pool = _MALE_CHARS if male else _FEMALE_CHARS
        if rand() < 0.25:
            return surname + pick(pool)
        second = pick(pool)
        if not male and rand() < 0.04:
            return surname + second + second  # 婷婷, 丹丹
        # 晓, 子, 雨… lead many given names of either sex (晓明, 雨婷, 嘉欣).
        return surname + pick(_NEUTRAL_CHARS if rand() < 0.15 else pool) + second

    def mobile(self) -> str:
        """A unique mobile number in E.164 (every prefix is a valid CN mobile range)."""
        while True:
            number = self.weighted(self._prefixes, self._prefix_cum) + \
                f"{self.between(0, 100_000_000):08d}"
            if number not in self._phones:
                self._phones.add(number)
                return "+86" + number

    def landline(self) -> str:
        """A unique Shenzhen landline (0755 + 8 digits) in E.164."""
        while True:
            number = "755" + self.pick("2368") + f"{self.between(0, 10_000_000):07d}"
            if number not in self._phones:
                self._phones.add(number)
                return "+86" + number

    def company_name(self) -> tuple[str, str]:
        pick = self.pick
        while True:
            industry, sector = pick(_INDUSTRIES)
            word = pick(_COMPANY_WORDS)
            if self.rand() < 0.6:
                word += pick(_COMPANY_WORDS)
            name = pick(_COMPANY_PREFIXES) + word + industry + pick(_COMPANY_SUFFIXES)
            if name not in self._company_names:
                self._company_names.add(name)
                return name, sector

    def address(self) -> str:
        pick, between = self.pick, self.between
        return (f"深圳市{pick(_DISTRICTS)}{pick(_STREETS)}{between(1, 3000)}号"
                f"{pick(_ESTATES)}{between(1, 30)}栋{between(1, 33)}{between(1, 9):02d}")

    # ------------------------------------------------------------- vehicles
    def model_for(self, year: int) -> _Model:
        share = _NEV_SHARE.get(year, 0.0 if year < 2015 else 0.02 if year < 2019 else 0.6)
        if self.rand() < share:
            return self.weighted(self._nev, self._nev_cum)
        return self.weighted(self._ice, self._ice_cum)

    def vin(self, model: _Model, model_year: int) -> str:
        """A unique VIN of the model's maker, with the right check digit (position 9)."""
        code = _MODEL_YEAR_CODES[min(max(model_year - 2010, 0), len(_MODEL_YEAR_CODES) - 1)]
        while True:
            self._vin_serial[model.wmi] += self.between(1, 9)
            serial = self._vin_serial[model.wmi] % 1_000_000
            draft = f"{model.wmi}{model.vds}0{code}{self.pick(_PLANTS[model.wmi])}{serial:06d}"
            vin = draft[:8] + validation.vin_check_digit(draft) + draft[9:]
            if vin not in self._vins:
                self._vins.add(vin)
                return vin

    def plate(self, nev: bool) -> str:
        """A unique plate, mostly 粤B; green new-energy plates (粤BD12345) for NEVs."""
        pick, between, rand = self.pick, self.between, self.rand
        while True:
            prefix = _LOCAL_PLATE if rand() < 0.86 else \
                self.weighted(self._plate_prefixes, self._plate_cum)
            if nev:
                body = pick("DDDF") + (f"{between(0, 100_000):05d}" if rand() < 0.7
                                       else pick(_PLATE_LETTERS) + f"{between(0, 10_000):04d}")
            else:
                shape = rand()
                if shape < 0.25:
                    body = f"{between(0, 100_000):05d}"
                elif shape < 0.7:
                    body = pick(_PLATE_LETTERS) + f"{between(0, 10_000):04d}"
                elif shape < 0.85:
                    body = pick(_PLATE_LETTERS) + pick(_PLATE_LETTERS) + f"{between(0, 1000):03d}"
                else:
                    body = f"{between(0, 10)}{pick(_PLATE_LETTERS)}{between(0, 1000):03d}"
            plate = prefix + body
            if plate not in self._plates:
                self._plates.add(plate)
                return plate

    # ------------------------------------------------------------- SLA
    def rule(self, channel: Channel, severity: Severity, category: str) -> _Rule:
        """What Sheet.apply_sla picks: the policy's rule for the channel and severity,
        with the policy's enquiry deadline as the response for an enquiry."""
        enquiry = category == ENQUIRY_CATEGORY and self.policy.enquiry_response is not None
        found = self._rules.get((channel, severity, enquiry))
        if found is None:
            rule = self.policy.rule_for(channel, severity)
            response = self.policy.enquiry_response if enquiry else rule.response
            assert response is not None
            # The same JSON Sheet.apply_sla stores.
            text = json.dumps({"response": response.to_dict(),
                               "resolution": rule.resolution.to_dict()}, sort_keys=True)
            found = _Rule(response, rule.resolution, text, rule.escalate_to_oem)
            self._rules[(channel, severity, enquiry)] = found
        return found

    # ================================================================ customers
    def customers_phase(self, count: int) -> None:
        start_day = self.day_index(self.history_start)
        span_days = self.day_index(self.today) - start_day
        # More new customers every year (the group grew): density rising 1 → 3.
        sinces = []
        for _ in range(count):
            offset = int(span_days * ((1 + 8 * self.rand()) ** 0.5 - 1) / 2)
            sinces.append(min(self.open_minute(start_day + offset), self.now_min - 60))
        # Ids in the order the records were made, as a live system would have them.
        sinces.sort()
        first_id = self.loader.next_id("customers", count)
        for index, since in enumerate(sinces):
            self.customer(first_id + index, since)
            if (index + 1) % 2000 == 0 or index + 1 == count:
                self.loader.flush()
                if self.progress:
                    self.progress("customers", index + 1, count)
        # The names' keys are not needed for the sheets: free them (hundreds of MB at
        # 200,000 customers) before the larger half of the load.
        self._name_keys.clear()

    def customer(self, customer_id: int, since: int) -> None:
        rand, pick, between = self.rand, self.pick, self.between
        loader = self.loader
        company = rand() < 0.08
        birthday = None
        industry = size = ""
        contacts: list[tuple[str, str, str]] = []
        if company:
            gender = Gender.UNKNOWN
            name, industry = self.company_name()
            size = pick(_COMPANY_SIZES)
            phones = [self.landline()]
            if rand() < 0.5:
                phones.append(self.mobile())
            for _ in range(1 + (rand() < 0.45) + (rand() < 0.2)):
                contact_gender = Gender.MALE if rand() < 0.6 else Gender.FEMALE
                contacts.append((self.person_name(contact_gender), pick(_CONTACT_ROLES),
                                 self.mobile()))
        else:
            gender = Gender.MALE if rand() < 0.64 else Gender.FEMALE
            born = self.today.year - int(self.r.triangular(22, 70, 38))
            name = self.person_name(gender, born)
            if rand() < 0.86:
                birthday = date(born, 1, 1) + timedelta(days=between(0, 365))
            phones = [self.mobile()]
            extra = rand()
            if extra < 0.07:
                phones.append(self.mobile())
            elif extra < 0.1:
                phones.append(self.landline())
        customer = _Customer(customer_id, name, phones[0], since)
        self.customers.append(customer)
        churn = self.now_min + 1
        if rand() < 0.3:  # moved away, sold the car, went elsewhere
            churn = since + int((self.now_min - since) * (0.3 + 0.7 * rand()))
        if self.dealer:
            revenue, last_order, plates, vins, numbers = self.fleet(customer, company, churn)
        else:
            revenue, last_order, numbers = self.retail_orders(customer, churn)
            plates, vins = [], []

        # Tier follows revenue (seed 004: 普通 / VIP / 高级VIP); a few are granted by hand.
        yuan = revenue // 100
        tier = Tier.SENIOR_VIP if yuan >= 900_000 else Tier.VIP if yuan >= 480_000 \
            else Tier.REGULAR
        if tier is Tier.REGULAR and rand() < 0.01:
            tier = Tier.VIP
        email = ""
        if rand() < 0.3:
            if rand() < 0.4:
                email = f"{between(10_000_000, 3_000_000_000)}@qq.com"
            else:
                email = f"{self.latin(name, company)}{between(1, 999)}@{pick(_MAIL_DOMAINS)}"
        wechat = f"wxid_{between(0, 36 ** 10):x}" if rand() < 0.45 else ""
        stamp = self.stamp
        loader.rows("customers").append({
            "id": customer_id, "name": name,
            "kind": (CustomerKind.COMPANY if company else CustomerKind.INDIVIDUAL).value,
            "gender": gender.value, "email": email, "wechat": wechat,
            "address": self.address() if rand() < 0.7 else "",
            "birthday": birthday, "company_industry": industry, "company_size": size,
            "source": pick(_SOURCES), "tier": tier.value,
            "consent_marketing": rand() < 0.6, "note": "",
            "store_id": self.store_id, "owner_user_id": self.staff_for("advisor"),
            "merged_into_id": None, "created_at": stamp(since),
            "updated_at": stamp(min(max(since, last_order) + 600, self.now_min)),
            "updated_by_id": self.staff_for("advisor"), "version": 1,
            "national_id": "",  # issue 15: the bulk insert names every column
        })
        phone_rows = loader.rows("customer_phones")
        for position, number in enumerate(phones):
            label = "" if position == 0 else ("备用" if number[3] == "1" else "办公")
            phone_rows.append({"id": loader.next_id("customer_phones"),
                               "customer_id": customer_id, "number": number, "label": label})
        contact_rows = loader.rows("contacts")
        for contact_name, role, phone in contacts:
            contact_rows.append({"id": loader.next_id("contacts"), "customer_id": customer_id,
                                 "name": contact_name, "role": role, "phone": phone,
                                 "email": ""})
        self.search_keys(customer_id, name, company, phones, plates, vins, numbers, contacts)

    def fleet(self, customer: _Customer, company: bool,
              churn: int) -> tuple[int, int, list[str], list[str], list[str]]:
        """The customer's vehicles with their sale, service and parts orders."""
        rand, between = self.rand, self.between
        loader = self.loader
        since = customer.since
        base = self.clock.base
        end = min(churn, self.now_min)
        # The dealer management system keeps eight years of service history.
        history = self.now_min - 8 * 365 * _DAY
        revenue = 0
        last_order = since
        plates: list[str] = []
        vins: list[str] = []
        numbers: list[str] = []
        if company:
            fleet = self.pick((1, 1, 2, 2, 3, 4, 6))
        elif rand() < 0.09:
            fleet = 0  # a prospect: came to look, has not bought
        else:
            fleet = 1 + (rand() < 0.18) + (rand() < 0.06)
        for n in range(fleet):
            bought_here = rand() < (0.65 if n == 0 else 0.75)
            if n == 0:
                purchase = since if bought_here else since - between(0, 6 * 365) * _DAY
            else:
                purchase = since + int((self.now_min - since) * rand())
            purchase_day = purchase - (purchase - base) % _DAY
            bought = _to_dt(purchase_day)
            model = self.model_for(bought.year)
            model_year = bought.year + (bought.month >= 9)
            vin = self.vin(model, model_year)
            plate = self.plate(model.nev)
            vehicle = _Vehicle(loader.next_id("vehicles"), purchase_day, between(5, 60),
                               18 + 52 * rand())
            customer.vehicles.append(vehicle)
            plates.append(plate)
            vins.append(vin)
            last_seen = purchase_day
            if bought_here:
                price = between(model.price[0] // 100, model.price[1] // 100) * 100 * 100
                numbers.append(self.order(customer, OrderKind.VEHICLE_SALE, purchase_day, price,
                                          f"{model.brand} {model.model} {model_year}款",
                                          vehicle.id, "XS"))
                revenue += price
                last_order = max(last_order, purchase_day)
            # Service visits while the customer stays with us.
            visit = max(purchase_day + between(90, 240) * _DAY, since)
            while visit < history:
                visit += between(120, 420) * _DAY
            while visit < end:
                items, low, high, _w = self.weighted(_SERVICE_ITEMS, _SERVICE_WEIGHTS)
                amount = between(low, high + 1) * 100
                if rand() < 0.04:
                    amount = between(3000, 8001) * 100  # the occasional big repair
                day = visit - (visit - base) % _DAY
                numbers.append(self.order(customer, OrderKind.SERVICE, day, amount, items,
                                          vehicle.id, "WX"))
                revenue += amount
                last_order = last_seen = max(last_order, day)
                visit += between(120, 420) * _DAY
            if rand() < 0.12:
                day = purchase_day + between(30, 700) * _DAY
                if history <= day < end:
                    amount = between(300, 5001) * 100
                    numbers.append(self.order(customer, OrderKind.PARTS, day, amount,
                                              self.pick(_PARTS_ITEMS), vehicle.id, "PJ"))
                    revenue += amount
                    last_order = max(last_order, day)
            loader.rows("vehicles").append({
                "id": vehicle.id, "customer_id": customer.id, "vin": vin, "plate": plate,
                "brand": model.brand, "model": model.model,
                "mileage_km": vehicle.km_at_purchase + int(
                    vehicle.km_per_day * (last_seen - purchase_day) / _DAY),
                "purchase_date": bought.date(), "vin_check_overridden": False,
            })
        self.counts["vehicles"] += fleet
        return revenue, last_order, plates, vins, numbers

    def retail_orders(self, customer: _Customer, churn: int) -> tuple[int, int, list[str]]:
        day = customer.since - (customer.since - self.clock.base) % _DAY
        revenue, last_order, numbers = 0, customer.since, []
        while day < min(churn, self.now_min):
            amount = self.between(50, 5001) * 100
            numbers.append(self.order(customer, OrderKind.RETAIL, day, amount,
                                      self.pick(_RETAIL_ITEMS), None, "SO"))
            revenue += amount
            last_order = day
            day += self.between(20, 300) * _DAY
        return revenue, last_order, numbers

    def order(self, customer: _Customer, kind: OrderKind, day_minute: int, cents: int,
              items: str, vehicle_id: int | None, prefix: str) -> str:
        order_id = self.loader.next_id("orders")
        key = (prefix, day_minute)
        sequence = self._order_seq.get(key, 0) + 1
        self._order_seq[key] = sequence
        number = f"{prefix}-{self.day_text(day_minute)}-{sequence:04d}"
        self.loader.tuples("orders", _ORDER_COLUMNS).append((
            order_id, customer.id, self.store_id, vehicle_id, number, kind.value,
            self.iso_day(day_minute), cents, items))
        if not self.dealer:  # retail sheets refer to an order (dealers': a vehicle)
            customer.orders.append((order_id, day_minute))
        self.counts["orders"] += 1
        return number

    def latin(self, name: str, company: bool) -> str:
        spelled = [key for kind, key in self.name_keys(name, company)
                   if kind == search.PINYIN and key.isascii()]
        return max(spelled, key=len, default="kehu")[:20]

    def name_keys(self, name: str, company: bool) -> list[tuple[str, str]]:
        kind = CustomerKind.COMPANY if company else CustomerKind.INDIVIDUAL
        keys = self._name_keys.get((name, kind.value))
        if keys is None:
            keys = search.customer_keys(name, kind)
            if len(self._name_keys) >= _NAME_KEYS_KEPT:  # memory: see _NAME_KEYS_KEPT
                self._name_keys.clear()
            self._name_keys[(name, kind.value)] = keys
        return keys

    def search_keys(self, customer_id: int, name: str, company: bool, phones: list[str],
                    plates: list[str], vins: list[str], numbers: list[str],
                    contacts: list[tuple[str, str, str]]) -> None:
        kind = CustomerKind.COMPANY if company else CustomerKind.INDIVIDUAL
        # customer_keys returns a set of independent keys, so the name part (pinyin is
        # the slow bit) is computed once per distinct name and merged with the rest;
        # national digits give the same phone keys as E.164 without parsing the number.
        keys = set(self.name_keys(name, company))
        keys.update(search.customer_keys(
            "", kind, phones=[p[3:] for p in phones], plates=plates, vins=vins,
            order_numbers=numbers, contacts=[(n, p[3:]) for n, _role, p in contacts]))
        rows = self.loader.tuples("search_keys", _SEARCH_KEY_COLUMNS)
        first = self.loader.next_id("search_keys", len(keys))
        rows.extend((first + offset, customer_id, key_kind, key)
                    for offset, (key_kind, key) in enumerate(sorted(keys)))


# issue 13: the largest tables' rows go to the loader as tuples, in the tables' order.
_SEARCH_KEY_COLUMNS = ("id", "customer_id", "kind", "key")
_ORDER_COLUMNS = ("id", "customer_id", "store_id", "vehicle_id", "number", "kind",
                  "ordered_at", "amount_cents", "items")
_PROGRESS_COLUMNS = ("id", "sheet_id", "at", "by_id", "text", "customer_notified")
_VISIT_COLUMNS = ("id", "sheet_id", "visited_at", "by_id", "satisfaction", "feedback",
                  "kind", "method")
_TRANSITION_COLUMNS = ("id", "sheet_id", "at", "by_id", "action", "from_state", "to_state",
                       "note")
_SHEET_COLUMNS = (
    "id", "number", "store_id", "received_at", "received_by_id", "channel", "severity",
    "category", "customer_id", "customer_name", "customer_phone", "vehicle_id", "order_id",
    "mileage_km", "description", "customer_request", "responsible_area",
    "responsible_user_id", "root_cause", "correction", "compensation_cents",
    "long_term_measure", "rework_needed", "rework_completed_at", "escalated_to_oem", "state",
    "acknowledged_at", "acknowledged_by_id", "resolved_at", "closed_at", "closed_by_id",
    "closing_remark", "response_due_at", "resolution_due_at", "base_resolution_due_at",
    "sla_rule_json", "response_minutes", "resolution_minutes", "response_on_time",
    "resolution_on_time", "created_at", "updated_at", "updated_by_id", "version",
)

# The name keys computed for this many names are kept (the same name comes again, and
# latin() and search_keys() ask for the same name in turn); beyond it the cache starts
# again. Most names are distinct (16,688 of 20,000 customers): all of them, kept to the
# end of the customers, took a few hundred MB at 200,000 customers.
_NAME_KEYS_KEPT = 20_000

# Anchor sheets: the most recent few are forced into every state, on both sides of their
# deadlines and across every channel, so even the tiny demo shows the whole workflow.
# (name, channel, severity, received this many open days + minutes before now, steps)
_Anchor = tuple[str, Channel, Severity, float, int, tuple[str, ...]]
_ANCHORS: tuple[_Anchor, ...] = (
    ("registered_near", Channel.RECEPTION, Severity.MAJOR, 0, 22, ()),
    ("registered_overdue", Channel.CARE_VISIT, Severity.GENERAL, 1.3, 0, ()),
    ("acknowledged", Channel.OEM_HOTLINE, Severity.GENERAL, 0, 150, (_ACK,)),
    ("in_progress_near", Channel.RECEPTION, Severity.GENERAL, 3, -240, (_ASSIGN,)),
    ("in_progress_overdue", Channel.PHONE, Severity.MAJOR, 6, 0, (_ASSIGN,)),
    ("waiting", Channel.ONLINE, Severity.GENERAL, 2, 0, (_ASSIGN, _WAIT)),
    ("resolved", Channel.MEDIA, Severity.MAJOR, 4, 0, (_ASSIGN, _RESOLVE)),
    ("visited", Channel.IN_STORE, Severity.GENERAL, 6, 0, (_ASSIGN, _RESOLVE, _VISIT)),
    ("closed", Channel.RECEPTION, Severity.GENERAL, 9, 0,
     (_ASSIGN, _RESOLVE, _VISIT, _CLOSE)),
    ("reopened", Channel.CARE_VISIT, Severity.MAJOR, 12, 0,
     (_ASSIGN, _RESOLVE, _VISIT, _CLOSE, _REOPEN)),
)
_AREA_JOB = {_T: "technical", _S: "service", _P: "parts", _SA: "sales", _L: "parts",
             _O: "manager"}
_RECEIVER_JOB = {Channel.CARE_VISIT: "care", Channel.OEM_HOTLINE: "director",
                 Channel.MEDIA: "marketing", Channel.ONLINE: "care"}
_TRANSITION_TARGET = {_ACK: _ACKNOWLEDGED, _ASSIGN: _IN_PROGRESS, _WAIT: _WAITING,
                      _RESUME: _IN_PROGRESS, _RESOLVE: _RESOLVED, _VISIT: _VISITED,
                      _CLOSE: _CLOSED, _REOPEN: _IN_PROGRESS}
_AFTER_REWORK, _SATISFACTION_VISIT = VisitKind.AFTER_REWORK.value, VisitKind.SATISFACTION.value
_PENDING = Effectiveness.PENDING.value
_Step = tuple[str, int]


RECENT_OPEN_DAYS = 60
"""Sheets older than this are finished in the demo (closed, or reopened and closed)."""

# A description whose cause is told by another line of its category's lists.
_SAME_STORY = {("repair_quality", 9): 2}  # the same fault again: the earlier repair


def _told(items: Sequence[Any], story: int, pick: Callable[[Sequence[Any]], Any]) -> Any:
    """The line of ``items`` that belongs to the description ``story`` (any one when a
    list is shorter)."""
    return items[story] if story < len(items) else pick(items)


class _SheetMaker:
    """The complaint half of the generator (the hot loop: a million sheets)."""

    def __init__(self, gen: _Generator, counter_start: dict[int, int]) -> None:
        self.g = gen
        self.clock = gen.clock
        self.loader = gen.loader
        self.calendar = gen.calendar
        self.now_min = gen.now_min
        self.stamp = gen.stamp
        self.counters = dict(counter_start)
        self.store_code = gen.store.code  # a mapped attribute: read once, not per sheet
        self._extended: tuple[tuple[int, int, int], datetime] | None = None
        stores = gen.loader
        self.transitions = stores.tuples("sheet_transitions", _TRANSITION_COLUMNS)
        self.progress_rows = stores.tuples("sheet_progress", _PROGRESS_COLUMNS)
        self.visits = stores.tuples("sheet_visits", _VISIT_COLUMNS)
        self.actions_rows = stores.rows("sheet_actions")
        self.pauses = stores.rows("sheet_pauses")
        self.sheets = stores.tuples("sheets", _SHEET_COLUMNS)

    # ------------------------------------------------------------ times
    def sheet_times(self, count: int) -> list[tuple[int, _Anchor | None]]:
        g, clock = self.g, self.clock
        today_index = g.day_index(g.today)
        window_start = today_index - 5 * 365
        # Five years, more each year, busier at weekends and in the hot months; a few
        # on closed days (hotline, online).
        seasonal = (1.15, 0.8, 1.0, 1.0, 1.0, 1.05, 1.2, 1.2, 1.0, 1.1, 1.0, 1.05)
        weights = []
        for i in range(window_start, today_index + 1):
            day = clock.first + timedelta(days=i)
            w = 1 + 1.6 * (i - window_start) / (today_index - window_start)
            w *= seasonal[day.month - 1] * (1.3 if day.weekday() >= 5 else 1.0)
            if not clock.is_open_day(i):
                w *= 0.08
            weights.append(w)
        anchors: Sequence[_Anchor] = _ANCHORS if count >= 20 else ()
        recent = min(40, count // 4)
        regular = count - recent - len(anchors)
        everything = _cumulative(weights)
        times: list[tuple[int, _Anchor | None]] = [
            (self.received(window_start, everything), None) for _ in range(regular)]
        # A busy last fortnight whatever the size, so the lists have open work in them.
        last = max(0, len(weights) - 14)
        fortnight = _cumulative(weights[last:])
        times += [(self.received(window_start + last, fortnight), None)
                  for _ in range(recent)]
        now_pos = clock.pos(self.now_min)
        for anchor in anchors:
            times.append((clock.at(now_pos - int(anchor[3] * clock.minutes_per_day)
                                   - anchor[4]), anchor))
        times.sort(key=lambda item: item[0])
        return times

    def received(self, first_index: int, cum: Sequence[float]) -> int:
        g, clock = self.g, self.clock
        while True:
            i = first_index + bisect_right(cum, g.rand() * cum[-1])
            if g.rand() < 0.07 and clock.is_open_day(i):
                # After closing: the hotline or a message passes it on in the evening.
                minute = clock.closes[i] + g.between(1, 180)
            else:
                minute = g.open_minute(i)
            if minute <= self.now_min - 5:
                return minute

    # ------------------------------------------------------------ all sheets
    def make(self, count: int) -> int:
        g = self.g
        customers = g.customers
        if not customers or count <= 0:
            return 0
        times = self.sheet_times(count)
        # Customers in the order they became customers: a sheet picks among those known
        # by then, weighted (fleets complain more, a few customers complain a lot).
        sinces = [c.since for c in customers]
        weights = []
        for c in customers:
            w = 1.0 + 0.6 * max(0, len(c.vehicles) - 1)
            roll = g.rand()
            if roll < 0.04:
                w *= 8
            elif roll < 0.35:
                w *= 0.3
            if g.dealer and not c.vehicles:
                w *= 0.2
            weights.append(w)
        cum = _cumulative(weights)
        first_id = self.loader.next_id("sheets", len(times))
        unindexed = first_id  # the first sheet without its full-text row yet
        for index, (minute, anchor) in enumerate(times):
            year = (_EPOCH + timedelta(minutes=minute)).year
            sequence = self.counters.get(year, 0) + 1
            self.counters[year] = sequence
            known = max(1, bisect_right(sinces, minute))
            pick = min(bisect_right(cum, g.rand() * cum[known - 1]), known - 1)
            self.sheet(first_id + index, sequence, minute, customers[pick], anchor)
            if (index + 1) % 5000 == 0 or index + 1 == len(times):
                # issue 13: the batch's full-text rows, written by the writer thread
                # right after the batch while the next one is made (not in one long
                # statement at the end, when nothing else runs).
                self.loader.then(functools.partial(
                    fulltext.refresh_span, first=unindexed, last=first_id + index))
                unindexed = first_id + index + 1
                if g.progress:
                    g.progress("sheets", index + 1, len(times))
        return len(times)

    # ------------------------------------------------------------ one sheet
    def sheet(self, sheet_id: int, sequence: int, t0: int, customer: _Customer,
              anchor: _Anchor | None) -> None:
        g, clock, stamp = self.g, self.clock, self.stamp
        rand, pick, between, staff_for = g.rand, g.pick, g.between, g.staff_for
        if anchor is not None:
            channel, severity = anchor[1], anchor[2]
        else:
            channel = g.weighted(g.channels, g.channel_cum)
            major = rand() < _MAJOR_SHARE.get(channel, _MAJOR_DEFAULT)
            severity = Severity.MAJOR if major else Severity.GENERAL
        is_major = severity is Severity.MAJOR
        category = g.weighted(g.categories, g.category_cum)
        texts = g.texts[category]
        received = _to_dt(t0)
        rule = g.rule(channel, severity, category)
        # The deadlines exactly as Sheet.apply_sla computes them (compute_deadlines is
        # rule_for + due_at twice; the rule is looked up once per channel and severity).
        response_due = _to_min(sla.due_at(received, rule.response, self.calendar))
        base_due_dt = sla.due_at(received, rule.resolution, self.calendar)
        base_due = _to_min(base_due_dt)

        vehicle_id = order_id = mileage = None
        if g.dealer:
            owned = [v for v in customer.vehicles if v.purchase_day <= t0]
            if owned and rand() < 0.93:
                vehicle = owned[0] if len(owned) == 1 else pick(owned)
                vehicle_id = vehicle.id
                mileage = vehicle.km_at_purchase + int(
                    vehicle.km_per_day * (t0 - vehicle.purchase_day) / _DAY)
        else:
            bought = [o for o in customer.orders if o[1] <= t0]
            if bought and rand() < 0.9:
                order_id = bought[-1][0] if rand() < 0.7 else pick(bought)[0]

        received_by = staff_for(_RECEIVER_JOB.get(channel, "advisor"))
        leader = staff_for("director" if is_major or rand() < 0.4 else "manager")
        areas, area_cum = g.areas[category]
        area = g.weighted(areas, area_cum)
        responsible = staff_for(_AREA_JOB[area])
        # The lists of a category are written in parallel (description i, cause i,
        # correction i, measure i), so the reply letter reads as one story.
        story = between(0, len(texts.descriptions))
        cause = _SAME_STORY.get((category, story), story)
        correction, low, high = _told(texts.corrections, cause, pick)
        context: dict[str, Any] = {"person": g.staff.names[responsible],
                                   "year": received.year}
        compensation = 0
        if high:
            compensation = context["amount"] = between(low, high + 1)
        description = g.fill(texts.descriptions[story], context)
        request = g.fill(pick(texts.requests), context)

        if anchor is not None:
            steps, satisfaction, rework = self.fit(anchor[5], t0), [5], False
        else:
            steps, satisfaction, rework = self.plan(
                t0, response_due, base_due_dt, rule, is_major, area is _T and g.dealer)
            # Only recent sheets are still open: a store does not leave a complaint
            # unanswered for years (nor a return visit undone since 2022).
            stall = 0.05 if self.now_min - t0 < RECENT_OPEN_DAYS * _DAY else 0.0
            if rand() < stall:
                steps = steps[:between(0, len(steps))]
        for n, (_action, at) in enumerate(steps):
            if at > self.now_min:
                steps = steps[:n]
                break

        # ---- replay what happened, as the services would have recorded it.
        state = _REGISTERED
        transitions = self.transitions
        acknowledged_at = acknowledged_by = resolved_at = closed_at = closed_by = None
        resolution_minutes: int | None = None
        resolution_on_time: bool | None = None
        responsible_user: int | None = None
        resolution_due = base_due
        assigned_at = first_resolve = pause_start = 0
        closing_remark = wait_reason = ""
        visits = 0
        last_at, last_by = t0, received_by
        for action, at in steps:
            by = leader
            note = ""
            before = state
            state = _TRANSITION_TARGET[action]
            if action == _ASSIGN:
                responsible_user = responsible
                assigned_at = at
                if before == _REGISTERED:  # assigning is the response too
                    acknowledged_at, acknowledged_by = at, by
                note = pick(_ASSIGN_NOTES)
            elif action == _ACK:
                acknowledged_at, acknowledged_by = at, by
            elif action == _RESOLVE:
                first_resolve = first_resolve or at
                resolved_at = at
                resolution_minutes = at - t0
                resolution_on_time = at <= resolution_due
            elif action == _VISIT:
                score = satisfaction[min(visits, len(satisfaction) - 1)]
                visits += 1
                if not rework:  # after rework: the manager or director (seed 003)
                    by = staff_for("care")
                note = f"satisfaction {score}"
                self.visits.append((  # in the order of _VISIT_COLUMNS
                    self.loader.next_id("sheet_visits"), sheet_id, stamp(at), by, score,
                    pick(_FEEDBACK[score]), _AFTER_REWORK if rework else _SATISFACTION_VISIT,
                    pick(_VISIT_METHODS)))
            elif action == _CLOSE:
                by = staff_for("director")
                closed_at, closed_by = at, by
                closing_remark = note = pick(_CLOSING_REMARKS)
            elif action == _WAIT:
                pause_start = at
                note = wait_reason = pick(_WAIT_REASONS)
                if rand() < 0.2:
                    by = responsible
            elif action == _RESUME:
                resolution_due = _to_min(self.extended(base_due_dt, rule, pause_start, at))
                self.pause(sheet_id, pause_start, at, wait_reason)
            elif action == _REOPEN:
                by = staff_for("director")
                note = pick(_REOPEN_REASONS)
                # As Sheet.reopen does (the remark stays in the close transition's note).
                resolved_at = closed_at = closed_by = None
                resolution_minutes = resolution_on_time = None
                closing_remark = ""
            transitions.append((self.loader.next_id("sheet_transitions"), sheet_id, stamp(at),
                                by, action, before, state, note))
            last_at, last_by = at, by
        if state == _WAITING:
            # Still waiting: the pause is open, and the stored deadline is the one from
            # before it (the open pause is added live when the sheet is shown).
            self.pause(sheet_id, pause_start, None, wait_reason)
        version = 1 + len(steps)

        # ---- analysis, rework, progress log, corrective actions.
        root_cause = correction_text = measure = ""
        compensation_cents = 0
        if first_resolve or (state in (_IN_PROGRESS, _WAITING) and rand() < 0.5):
            root_cause = g.concrete_text(_told(texts.root_causes, cause, pick), "root_cause",
                                         context)
            if first_resolve or rand() < 0.4:
                correction_text = g.fill(correction, context)
                compensation_cents = compensation * 100
            if first_resolve:
                due = _to_dt(first_resolve).date() + timedelta(days=between(7, 45))
                context["date"] = f"{due.year}年{due.month}月{due.day}日"
                measure = g.concrete_text(_told(texts.measures, cause, pick),
                                          "long_term_measure", context)
            version += 1
        rework = rework and bool(assigned_at)
        rework_completed = None
        if rework and first_resolve:
            rework_at = max(clock.add(first_resolve, -between(20, 200)), assigned_at)
            rework_completed = stamp(min(rework_at, first_resolve))
        started = assigned_at or acknowledged_at
        if started:
            entries, last_entry = self.progress(sheet_id, texts, context, started,
                                                first_resolve or self.now_min, received_by)
            version += entries
            if last_entry > last_at:
                last_at, last_by = last_entry, received_by
        if first_resolve and (is_major or rand() < 0.2):
            version += self.actions(sheet_id, texts, first_resolve, responsible)
        self.sheets.append((  # in the order of _SHEET_COLUMNS
            sheet_id, format_sheet_number(self.store_code, received.year, sequence),
            g.store_id, stamp(t0), received_by, channel.value, severity.value, category,
            customer.id, customer.name, customer.phone, vehicle_id, order_id, mileage,
            description, request, area.value if responsible_user else None,
            responsible_user, root_cause, correction_text, compensation_cents, measure,
            rework, rework_completed, is_major and rule.escalate_major, state,
            stamp(acknowledged_at) if acknowledged_at else None, acknowledged_by,
            stamp(resolved_at) if resolved_at else None,
            stamp(closed_at) if closed_at else None, closed_by, closing_remark,
            stamp(response_due),
            # While waiting this is still the deadline from before the pause.
            stamp(resolution_due), stamp(base_due), rule.json,
            acknowledged_at - t0 if acknowledged_at else None, resolution_minutes,
            acknowledged_at <= response_due if acknowledged_at else None,
            resolution_on_time, stamp(t0), stamp(last_at), last_by, version))

    # ------------------------------------------------------------ the plan
    def plan(self, t0: int, response_due: int, base_due: datetime, rule: _Rule,
             is_major: bool, may_need_rework: bool) -> tuple[list[_Step], list[int], bool]:
        """How the sheet's life would go (each step in open time), before the cut at now."""
        g, clock = self.g, self.clock
        rand, between = g.rand, g.between
        steps: list[_Step] = []
        room = clock.pos(response_due) - clock.pos(t0)
        if room > 2 and rand() < 0.88:
            delay = min(room - 1, 3 + int(g.r.expovariate(1 / (room * 0.25 + 10))))
        else:
            delay = max(room, 0) + between(10, 600)
        responded = clock.add(t0, max(delay, 1))
        if rand() < 0.35:
            steps.append((_ACK, responded))
            assigned = clock.add(responded, between(15, 600))
        else:
            assigned = responded
        steps.append((_ASSIGN, assigned))
        start = assigned
        due = _to_min(base_due)
        if rand() < 0.07:
            waited = clock.add(assigned, between(60, 900))
            resumed = clock.add(waited + between(1, 6) * _DAY, 0)
            steps += [(_WAIT, waited), (_RESUME, resumed)]
            due = _to_min(self.extended(base_due, rule, waited, resumed))
            start = resumed
        room = clock.pos(due) - clock.pos(start)
        if room > 40 and rand() < 0.83:
            # Major complaints get the quicker half of the time allowed.
            top = room // 2 if is_major else room
            resolved = clock.add(start, between(20, max(21, top)))
        else:
            resolved = clock.add(max(start, due), between(30, 2600))
        first = 1 + bisect_right(_SATISFACTION_WEIGHTS, rand() * _SATISFACTION_WEIGHTS[-1])
        satisfaction = [first]
        visited = clock.add(resolved, between(60, 2400))
        closed = clock.add(visited, between(10, 1800))
        steps += [(_RESOLVE, resolved), (_VISIT, visited), (_CLOSE, closed)]
        if rand() < (0.35 if first <= 2 else 0.01):
            reopened = clock.add(closed, between(120, 4000))
            resolved2 = clock.add(reopened, between(200, 1700))
            visited2 = clock.add(resolved2, between(60, 1500))
            steps += [(_REOPEN, reopened), (_RESOLVE, resolved2), (_VISIT, visited2),
                      (_CLOSE, clock.add(visited2, between(10, 1200)))]
            satisfaction.append(max(first, g.pick((3, 4, 4, 5, 5))))
        return steps, satisfaction, may_need_rework and rand() < 0.35

    def fit(self, actions: Sequence[str], t0: int) -> list[_Step]:
        """An anchor's steps, spread evenly over the open time between receipt and now."""
        clock = self.clock
        start, end = clock.pos(t0), clock.pos(self.now_min)
        gap = max(1, (end - start) // (len(actions) + 1))
        return [(action, clock.at(start + gap * (n + 1))) for n, action in enumerate(actions)]

    def extended(self, base_due: datetime, rule: _Rule, started: int, ended: int) -> datetime:
        """The resolution deadline after one waiting period, as Sheet.resume stores it
        (extend_for_pauses with the pause closed at the moment of resuming)."""
        key = (_to_min(base_due), started, ended)
        if self._extended is not None and self._extended[0] == key:
            return self._extended[1]  # plan() asked first; the replay asks again
        found = sla.extend_for_pauses(base_due, rule.resolution,
                                      [(_to_dt(started), _to_dt(ended))], self.calendar,
                                      _to_dt(ended))
        self._extended = (key, found)
        return found

    # ------------------------------------------------------------ children
    def pause(self, sheet_id: int, started: int, ended: int | None, reason: str) -> None:
        self.pauses.append({
            "id": self.loader.next_id("sheet_pauses"), "sheet_id": sheet_id,
            "started_at": self.stamp(started),
            "ended_at": self.stamp(ended) if ended else None, "reason": reason})

    def progress(self, sheet_id: int, texts: _Texts, context: dict[str, Any], start: int,
                 end: int, received_by: int) -> tuple[int, int]:
        """The progress log between the response and the resolution (or now)."""
        g = self.g
        end = min(end, self.now_min)
        if end <= start:
            return 0, 0
        # In the order work goes: first contact, the category's own steps, the plan,
        # the news passed on, the repair done.
        pool = (_GENERAL_PROGRESS[0], *texts.progress, *_GENERAL_PROGRESS[1:])
        entries = 1 + (g.rand() < 0.5) + (g.rand() < 0.2)
        chosen = sorted(g.distinct(len(pool), entries))
        first, last = self.clock.pos(start), self.clock.pos(end)
        at = start
        for n in range(entries):
            # Spread over open time, so nobody logs progress at 02:17.
            at = self.clock.at(first + (last - first) * (n + 1) // (entries + 1))
            roll = g.rand()
            by = received_by if roll < 0.4 else g.staff_for("manager" if roll < 0.7 else "care")
            self.progress_rows.append((  # in the order of _PROGRESS_COLUMNS
                self.loader.next_id("sheet_progress"), sheet_id, self.stamp(at), by,
                g.fill(pool[chosen[n]], context), g.rand() < 0.6))
        return entries, at

    def actions(self, sheet_id: int, texts: _Texts, resolved: int, responsible: int) -> int:
        """Corrective/preventive actions with owner, due date and effectiveness check;
        returns how many service calls they stand for (each add and each check)."""
        g = self.g
        calls = 0
        count = min(len(texts.actions), 1 + (g.rand() < 0.3))
        for index in g.distinct(len(texts.actions), count):
            description = texts.actions[index]
            if not g.concrete(description, "action_description"):
                continue
            owner = responsible if g.rand() < 0.6 else g.staff_for("manager")
            created = resolved - g.between(0, 120)
            created_day = _to_dt(created).date()
            due = created_day + timedelta(days=g.between(14, 61))
            done_at = checked_at = checked_by = None
            effectiveness = _PENDING
            note = ""
            if due <= g.today and g.rand() < 0.9:
                done_at = self.clock.add(
                    created + g.between(3, (due - created_day).days + 1) * _DAY, 0)
                check = self.clock.add(done_at + g.between(7, 31) * _DAY, 0)
                if check <= self.now_min and g.rand() < 0.9:
                    checked_at, checked_by = check, g.staff_for("director")
                    verdict = (Effectiveness.EFFECTIVE if g.rand() < 0.85
                               else Effectiveness.NOT_EFFECTIVE)
                    effectiveness = verdict.value
                    note = g.pick(_CHECK_NOTES[verdict])
                if done_at > self.now_min:
                    done_at = None
            self.actions_rows.append({
                "id": self.loader.next_id("sheet_actions"), "sheet_id": sheet_id,
                "description": description, "owner_id": owner, "due_date": due,
                "created_at": self.stamp(created),
                "done_at": self.stamp(done_at) if done_at else None,
                "effectiveness": effectiveness,
                "checked_at": self.stamp(checked_at) if checked_at else None,
                "checked_by_id": checked_by, "check_note": note})
            calls += 1 + (checked_at is not None)
        return calls


# ====================================================================== loading
_SPRING_FESTIVAL = {  # 春节 (lunar new year's day); the store closes 除夕 to 初二
    2010: (2, 14), 2011: (2, 3), 2012: (1, 23), 2013: (2, 10), 2014: (1, 31), 2015: (2, 19),
    2016: (2, 8), 2017: (1, 28), 2018: (2, 16), 2019: (2, 5), 2020: (1, 25), 2021: (2, 12),
    2022: (2, 1), 2023: (1, 22), 2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6),
    2028: (1, 26), 2029: (2, 13), 2030: (2, 3), 2031: (1, 23), 2032: (2, 11),
}


def demo_calendar() -> StoreCalendar:
    """The demo dealership: open every day 08:30–18:00, closed 除夕 to 初二."""
    closed = []
    for year, (month, day) in _SPRING_FESTIVAL.items():
        new_year = date(year, month, day)
        closed += [new_year + timedelta(days=offset) for offset in (-1, 0, 1)]
    return StoreCalendar.dealership_default(holidays=closed)


def _check_sizes(customers: int, sheets: int) -> None:
    errors = []
    if not isinstance(customers, int) or customers < 1 or customers > 5_000_000:
        errors.append(ValidationError("customers", "demo.customers",
                                      "the number of customers must be 1 to 5,000,000"))
    if not isinstance(sheets, int) or sheets < 0 or sheets > 20_000_000:
        errors.append(ValidationError("sheets", "demo.sheets",
                                      "the number of sheets must be 0 to 20,000,000"))
    if errors:
        raise ValidationErrors(errors)


@dataclass
class _Prepared:
    demo_database: bool
    store: Store
    staff: _Staff
    created: dict[str, str]
    banned: tuple[str, ...]
    categories: list[str]
    policy: sla.SlaPolicy
    calendar: StoreCalendar


DEMO_DATABASE_KEY = "demo_database"
"""Setting that marks a database the demo itself set up (its users have known passwords)."""


def _prepare(uow: UnitOfWork, at: datetime, actor_id: int | None) -> _Prepared:
    """Refuse a database that has data; make the store and the demo staff (committed).

    A database set up by ``init`` (it has users and no demo mark) takes demo data only
    from a logged-in administrator, and its demo staff get no password: nobody must be
    able to log in to a real store with the published demo password."""
    with uow:
        if uow.customers.count() or uow.sheets.count():
            raise StorageError(
                "this database already has customers or complaint sheets; demo data goes "
                "only into an empty one (make a new database, or restore a backup)",
                code="demo.not_empty")
        demo_database = bool(uow.settings.get(DEMO_DATABASE_KEY)) or not uow.users.count()
        if not demo_database:
            if actor_id is None:
                raise PermissionDenied(
                    "this database was set up with `helpdesk init`; only a logged-in "
                    "administrator may add demo data to it (--user NAME)",
                    code="demo.login_required")
            common.actor(uow, actor_id, Permission.MANAGE_USERS)
        stores = uow.stores.list()
        if stores:
            store = stores[0]
        else:
            store = setup.add_store(uow, DEMO_STORE_NAME, DEMO_STORE_CODE, "dealership",
                                    demo_calendar())
            store.address = DEMO_STORE_ADDRESS
            store.phone = DEMO_STORE_PHONE
            assert store.id is not None
            uow.record(events.StoreChanged(
                at=at, user_id=None, store_id=store.id, aspect="create",
                details={"code": store.code, "name": store.name, "preset": "dealership",
                         "demo": True}))
        if demo_database:
            uow.settings.set(DEMO_DATABASE_KEY, True)
        # One argon2 hash for all: hashing is deliberately slow, and they share it anyway.
        password_hash = users.hash_password(DEMO_PASSWORD) if demo_database else ""
        created: dict[str, str] = {}
        ids: dict[str, int] = {}
        names: dict[int, str] = {}
        by_job: dict[str, list[int]] = {}
        for spec in _STAFF:
            username = spec.username
            user = uow.users.get_by_username(username)
            if user is not None and not _fits(user, spec):
                # Someone chose that name for another job: the demo needs its own.
                username = f"demo-{spec.username}"
                user = uow.users.get_by_username(username)
            if user is None:
                user = User(username=username, display_name=spec.display_name,
                            store_id=store.id,
                            password_hash=password_hash if spec.role else "",
                            created_at=at)
                user.roles = frozenset({spec.role}) if spec.role else frozenset()
                uow.users.add(user)
                if spec.role and password_hash:
                    created[username] = spec.role.value
            assert user.id is not None
            ids[spec.username] = user.id
            names[user.id] = user.display_name
            by_job.setdefault(spec.job, []).append(user.id)
        for job, fallback in (("advisor", "manager"), ("care", "manager"),
                              ("marketing", "advisor"), ("technical", "manager"),
                              ("service", "manager"), ("parts", "manager"),
                              ("sales", "manager")):
            by_job.setdefault(job, by_job[fallback])
        if created:
            uow.record(events.UsersChanged(
                at=at, user_id=None, target_id=None, aspect="staff",
                details={"created": sorted(created)}, note="demo users, password in the CLI"))
        prepared = _Prepared(
            demo_database=demo_database,
            store=store, staff=_Staff(ids, names, by_job), created=created,
            banned=common.banned_phrases(uow), categories=list(common.categories(uow)),
            policy=common.store_policy(store), calendar=common.store_calendar(store))
        uow.commit()
    return prepared


_CUSTOMER_TABLES = (tables.customers, tables.customer_phones, tables.contacts,
                    tables.vehicles, tables.orders, tables.search_keys)
_SHEET_TABLES = (tables.sheets, tables.sheet_progress, tables.sheet_visits,
                 tables.sheet_actions, tables.sheet_transitions, tables.sheet_pauses)


def _indexes_in_load_order() -> list[str]:
    """The sheet tables' indexes whose keys the load writes (nearly) in ascending order,
    kept up to date during the load instead of rebuilt at the end (issue 13).

    The sheets go in the order received (ids, numbers and times rising together), each
    sheet's children right after it, and every other leading column either rises with
    the sheets (deadlines, visits, closing) or has a handful of values (state, channel,
    store, staff) followed by a time that rises: each such index is written at a few
    hot places that stay in the page cache. The writer thread, which waits on the
    generator anyway, pays about what a rebuild costs, and the end of the load, when
    nothing else runs, is spared it. Only the indexes led by the customer (scattered
    over 200,000 values) are still rebuilt at the end. Measured on the medium size: the
    generating thread 12.9 → 10.2 s CPU, the writer 7.3 → 9.8-10.6 s, the whole load the
    same CPU time; the file about 3 % larger (pages split while filling)."""
    names = []
    for table in _SHEET_TABLES:
        for index in table.indexes:
            lead = next(iter(index.columns)).name
            if lead != "customer_id":
                names.append(str(index.name))
    return sorted(names)


def _fits(user: User, spec: _StaffSpec) -> bool:
    """Whether an existing user can play the demo staff member's part."""
    return user.active and (spec.role is None or spec.role in user.roles)


def load_demo(
    uow: UnitOfWork,
    *,
    customers: int,
    sheets: int,
    seed: int = 2026,
    today: date | None = None,
    progress: Progress | None = None,
    actor_id: int | None = None,
) -> DemoSummary:
    """Fill an empty database with demo data; see the module docstring.

    On an empty database the demo store (天顺汽车销售服务有限公司, code TS, dealership
    preset) and the demo staff are created, all with :data:`DEMO_PASSWORD`; on a database
    set up by ``init`` without customers (only with ``actor_id`` of an administrator) the
    data goes to its first store and the missing demo staff are added *without a
    password* (an administrator gives them one if they are to log in).

    Args:
        customers: how many customers (see :data:`SIZES`).
        sheets: how many complaint sheets.
        seed: the random seed; the same seed and ``today`` give the same data.
        today: the last day of the history. ``None``: the data runs up to the services'
            clock (``common.now()``); a date: up to the start of that day, so that the
            data does not depend on the time of day it is made.
        progress: called as ``progress(stage, done, total)`` (may run off the UI thread).

    Raises:
        StorageError: ``demo.not_empty`` when customers or sheets exist;
            ``demo.no_database`` for a unit of work without a SQL engine.
        PermissionDenied: ``demo.login_required`` for a set-up database without an
            administrator's ``actor_id``.
        ValidationErrors: impossible sizes; ValidationError ``date.future`` for a
            ``today`` after the clock's date.
    """
    started = time_mod.perf_counter()
    _check_sizes(customers, sheets)
    clock_now = common.now().replace(microsecond=0)
    if today is None:
        now = clock_now.replace(second=0)
    elif today > clock_now.date():
        raise ValidationError("today", "date.future", "the demo history cannot end in the "
                              "future", value=today.isoformat())
    else:
        now = datetime.combine(today, time())
    engine = getattr(uow, "engine", None)
    if engine is None:
        raise StorageError("demo data needs a SQL database", code="demo.no_database")
    report = progress or (lambda _stage, _done, _total: None)
    report("setup", 0, 1)
    prepared = _prepare(uow, clock_now, actor_id)
    report("setup", 1, 1)
    store = prepared.store
    assert store.id is not None
    load_tables = bulk.LOAD_ORDER
    # issue 11: the full-text rows of the loaded sheets, in the load's own transaction
    # (issue 13: with the load's settings, not written twice through the write-ahead
    # log afterwards), batch by batch (see _SheetMaker.make): they read each sheet's
    # progress notes, so that index stays (its keys arrive in order, cheap to keep).
    keep = {*fulltext.progress_indexes(), *_indexes_in_load_order()}
    with bulk.BulkLoader(engine, load_tables, keep_indexes=keep) as loader:
        gen = _Generator(seed=seed, now=now, store=store, policy=prepared.policy,
                         calendar=prepared.calendar, staff=prepared.staff,
                         categories=prepared.categories, banned=prepared.banned,
                         loader=loader, progress=report)
        gen.customers_phase(customers)
        # issue 13: the customer half is complete; its indexes are rebuilt by the writer
        # thread while the sheets are made, not at the end when nothing else runs.
        loader.build_indexes([t.name for t in _CUSTOMER_TABLES])
        maker = _SheetMaker(gen, bulk.sheet_counters(loader, store.id))
        made = maker.make(sheets)
        bulk.save_sheet_counters(loader, store.id, maker.counters)
        counts = {"customers": customers, "vehicles": gen.counts["vehicles"],
                  "orders": gen.counts["orders"], "sheets": made}
        report("indexes", 0, 1)
    report("indexes", 1, 1)
    # Written once the rows are in, through the unit of work: its audit row comes from
    # the event, and every open view hears that everything changed.
    with uow:
        uow.record(events.DataReset(
            at=clock_now, user_id=actor_id, reason="demo", kind="load", store_id=store.id,
            details={**counts, "seed": seed, "today": now.date(),
                     "users": sorted(prepared.created)}, note="demo data"))
        uow.commit()
    return DemoSummary(store_code=store.code, customers=customers,
                       vehicles=counts["vehicles"], orders=counts["orders"], sheets=made,
                       users=dict(prepared.created),
                       password=DEMO_PASSWORD if prepared.demo_database else "",
                       seconds=time_mod.perf_counter() - started)
