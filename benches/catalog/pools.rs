//! Text pools of the generated catalog: per category, phrases in English, Chinese and Russian
//! (always in that order) that the generator combines into names, summaries, descriptions and
//! feature lists, plus the news templates. The wording follows the example site's products.
//!
//! Placeholders: `{m}` a model code (`SQ-EX215`); in link sentences `{o}` another model and `{l}`
//! its id; in news `{p1}`…`{p3}` models, `{l1}`…`{l3}` their ids, `{event}`, `{year}`, `{city}`
//! (and for Russian `{city_loc}` after "в", `{city_gen}` after "из"/"вблизи").

/// One text in the three languages: en, zh, ru.
pub type Tr = [&'static str; 3];

/// How the value of one spec is made from the model's size.
#[derive(Clone, Copy)]
pub enum Rule {
    /// Linear between `min` (smallest model) and `max` (largest), ±3 %, rounded to `step`.
    Lin { min: f64, max: f64, step: f64 },
    /// The model number times `factor`, exactly (a loader WL50 has a rated load of 5 t).
    Scale { factor: f64, step: f64 },
    /// One of these numbers, by the model's size (first for the smallest).
    Tier(&'static [f64]),
    /// One of these numbers, at random.
    Pick(&'static [f64]),
    /// A text value (no unit), by the model's size.
    Text(&'static [&'static str]),
}

/// One row of a spec table: the key (a `spec-<key>` Fluent message exists in the example's
/// locales), the unit (a `unit-<id>` message) and how its value is made.
#[derive(Clone, Copy)]
pub struct SpecRule {
    pub key: &'static str,
    pub unit: Option<&'static str>,
    pub rule: Rule,
    /// May be left out of a product's table (gives 8–10 rows instead of always the same count).
    pub optional: bool,
}

const fn num(key: &'static str, unit: &'static str, rule: Rule) -> SpecRule {
    SpecRule {
        key,
        unit: Some(unit),
        rule,
        optional: false,
    }
}

const fn opt(key: &'static str, unit: &'static str, rule: Rule) -> SpecRule {
    SpecRule {
        key,
        unit: Some(unit),
        rule,
        optional: true,
    }
}

const fn text(key: &'static str, values: &'static [&'static str]) -> SpecRule {
    SpecRule {
        key,
        unit: None,
        rule: Rule::Text(values),
        optional: false,
    }
}

const fn lin(min: f64, max: f64, step: f64) -> Rule {
    Rule::Lin { min, max, step }
}

/// A product category of the example site and everything needed to invent its products.
pub struct CategoryPool {
    pub id: &'static str,
    pub order: u32,
    pub name: Tr,
    pub summary: Tr,
    /// Letters of the model code: `SQ-EX215`.
    pub prefix: &'static str,
    /// Model numbers, smallest to largest (the number says the size: tonnes × 10, payload…).
    pub numbers: (u32, u32),
    /// The example's pictures of this category, smallest machine first.
    pub images: &'static [&'static str],
    pub names: &'static [Tr],
    pub starts: &'static [Tr],
    pub uses: &'static [Tr],
    pub benefits: &'static [Tr],
    pub intros: &'static [Tr],
    pub tech: &'static [Tr],
    pub closings: &'static [Tr],
    pub features: &'static [Tr],
    pub specs: &'static [SpecRule],
    /// A battery-electric variant (model suffix `E`): its names, features, a technical
    /// paragraph and spec table replace the diesel ones.
    pub electric: Option<ElectricPool>,
}

pub struct ElectricPool {
    pub names: &'static [Tr],
    pub tech: &'static [Tr],
    pub features: &'static [Tr],
    pub specs: &'static [SpecRule],
}

/// Model-code suffixes; with the model numbers they give every category room for more than
/// a thousand distinct products before ids get a `-2`, `-3`… generation suffix.
pub const SUFFIXES: &[&str] = &[
    "", "e", "h", "s", "x", "g", "m", "t", "k", "lc", "hd", "pro",
];

/// Sentences that end a description with a link to another product.
pub const LINKS: &[Tr] = &[
    [
        "For a different size, see the [{o}](@/products/{l}).",
        "如需其他规格，请参阅 [{o}](@/products/{l})。",
        "Если нужна машина другого размера, обратите внимание на [{o}](@/products/{l}).",
    ],
    [
        "It works well alongside the [{o}](@/products/{l}).",
        "与 [{o}](@/products/{l}) 配套使用效果尤佳。",
        "Машина хорошо работает в паре с [{o}](@/products/{l}).",
    ],
    [
        "Many wear parts are shared with the [{o}](@/products/{l}), which simplifies stocking for mixed fleets.",
        "许多易损件与 [{o}](@/products/{l}) 通用，便于混合车队的备件管理。",
        "Многие быстроизнашивающиеся детали унифицированы с [{o}](@/products/{l}), что упрощает снабжение смешанного парка.",
    ],
    [
        "Customers often compare it with the [{o}](@/products/{l}) from the same range.",
        "客户常将其与同系列的 [{o}](@/products/{l}) 进行比较。",
        "Покупатели часто сравнивают эту модель с [{o}](@/products/{l}) из той же линейки.",
    ],
];

pub const CATEGORIES: &[CategoryPool] =
    &[EXCAVATORS, WHEEL_LOADERS, FORKLIFTS, DUMP_TRUCKS, DRILLS];

const EXCAVATORS: CategoryPool = CategoryPool {
    id: "excavators",
    order: 10,
    name: ["Excavators", "挖掘机", "Экскаваторы"],
    summary: [
        "Crawler hydraulic excavators for construction sites, quarries and open-pit mines, from versatile mid-size machines to heavy mining models.",
        "履带式液压挖掘机，涵盖中型通用机型和大型矿用机型，适用于土石方施工、采石场和露天矿山。",
        "Гусеничные гидравлические экскаваторы для строительных площадок, карьеров и открытых горных работ — от универсальных машин среднего класса до тяжёлых карьерных моделей.",
    ],
    prefix: "EX",
    numbers: (60, 900),
    images: &["ex-135", "ex-210", "ex-360", "ex-700"],
    names: &[
        [
            "{m} Hydraulic Excavator",
            "{m} 液压挖掘机",
            "Гидравлический экскаватор {m}",
        ],
        [
            "{m} Crawler Excavator",
            "{m} 履带式挖掘机",
            "Гусеничный экскаватор {m}",
        ],
        [
            "{m} Heavy-Duty Excavator",
            "{m} 重载型挖掘机",
            "Экскаватор {m} для тяжёлых условий",
        ],
    ],
    starts: &[
        [
            "A nimble crawler excavator",
            "灵活高效的履带式挖掘机",
            "Манёвренный гусеничный экскаватор",
        ],
        [
            "A dependable all-round excavator",
            "可靠耐用的通用型挖掘机",
            "Надёжный универсальный экскаватор",
        ],
        [
            "A heavy-duty excavator with a reinforced front attachment",
            "配备加强型工作装置的重载挖掘机",
            "Экскаватор для тяжёлых условий с усиленным рабочим оборудованием",
        ],
        [
            "A fuel-efficient hydraulic excavator",
            "燃油经济性出色的液压挖掘机",
            "Экономичный гидравлический экскаватор",
        ],
    ],
    uses: &[
        [
            "municipal works, trenching and utility projects",
            "市政工程、管沟开挖和管线施工",
            "городских работ, рытья траншей и прокладки коммуникаций",
        ],
        [
            "general construction, road building and truck loading",
            "一般土建、道路施工和装车作业",
            "общестроительных работ, дорожного строительства и погрузки самосвалов",
        ],
        [
            "quarries and large earthmoving projects",
            "采石场和大型土石方工程",
            "карьеров и крупных земляных работ",
        ],
        [
            "continuous truck loading at the face of open-pit mines",
            "露天矿山工作面的连续装车作业",
            "непрерывной погрузки самосвалов в забоях открытых горных работ",
        ],
    ],
    benefits: &[
        [
            "with low fuel consumption and a comfortable cab",
            "油耗低，驾驶室舒适",
            "с низким расходом топлива и комфортной кабиной",
        ],
        [
            "built to fill wide-body mining trucks in a few passes",
            "几斗即可装满一台宽体矿用自卸车",
            "рассчитанный на загрузку самосвала с уширенным кузовом за несколько циклов",
        ],
        [
            "with strong digging forces and a long-life undercarriage",
            "挖掘力强劲，底盘寿命长",
            "с высоким усилием копания и долговечной ходовой частью",
        ],
        [
            "with telematics and easy daily service from ground level",
            "配备远程监控系统，日常保养在地面即可完成",
            "с телематикой и удобным ежедневным обслуживанием с уровня земли",
        ],
    ],
    intros: &[
        [
            "The {m} brings the productivity of a full-size excavator to sites where space is tight: urban road works, pipeline trenches, landscaping and farm drainage. Its compact upper structure keeps the machine stable when slewing close to walls and traffic.",
            "{m} 将全尺寸挖掘机的生产效率带到空间狭窄的工地：城市道路施工、管道沟槽、园林绿化和农田排水。紧凑的上车结构使整机在靠近墙体和车流回转时依然稳定。",
            "{m} переносит производительность полноразмерного экскаватора на стеснённые площадки: городские дорожные работы, траншеи для трубопроводов, благоустройство и мелиорацию. Компактная поворотная платформа сохраняет устойчивость машины при повороте рядом со стенами и транспортом.",
        ],
        [
            "The {m} is the excavator many contractors choose as the backbone of their fleet. It digs foundations, loads trucks and handles pipes with equal ease, and its robust undercarriage copes with rocky ground and long travel distances on site.",
            "{m} 是众多施工企业的主力机型。无论是基坑开挖、装车还是吊管作业都得心应手，坚固的底盘能够适应多石地面和工地内的长距离行走。",
            "{m} — экскаватор, который многие подрядчики выбирают основой своего парка. Он одинаково уверенно роет котлованы, грузит самосвалы и укладывает трубы, а прочная ходовая часть выдерживает каменистый грунт и длинные переезды по площадке.",
        ],
        [
            "Built for hard digging in quarries, the {m} combines a reinforced boom and arm with a heavy-duty rock bucket. Full-length track guards and heavy lower rollers protect the undercarriage from blasted rock.",
            "{m} 专为采石场的硬岩挖掘而设计，采用加强型动臂和斗杆，配备重型岩石斗。全长式履带护板和重型支重轮保护底盘免受爆破石料的冲击。",
            "{m} создан для тяжёлой работы в карьерах: усиленные стрела и рукоять сочетаются со скальным ковшом. Защита гусениц по всей длине и усиленные опорные катки берегут ходовую часть от взорванной горной массы.",
        ],
        [
            "The {m} is sized for continuous loading at the face. Its mass-excavation boom and arm give a high bucket fill factor, and the twin-pump hydraulic system keeps cycle times short shift after shift.",
            "{m} 适合工作面的连续装车作业。大方量挖掘型动臂和斗杆带来更高的满斗率，双泵液压系统保证每个班次都保持较短的作业循环时间。",
            "{m} рассчитан на непрерывную погрузку в забое. Стрела и рукоять для массовой выемки обеспечивают высокий коэффициент наполнения ковша, а двухнасосная гидросистема сохраняет короткий рабочий цикл смена за сменой.",
        ],
    ],
    tech: &[
        [
            "A **load-sensing hydraulic system** with a variable-displacement piston pump gives smooth, precise movements for fine grading and lifting. Three power modes and auto-idle let the operator match output to the job and save fuel on light work.",
            "**负荷传感液压系统**配合变量柱塞泵，动作平顺精准，适合精细平整和吊装作业。三种功率模式和自动怠速功能让驾驶员根据工况匹配输出，轻载作业更省油。",
            "**Гидросистема Load Sensing** с регулируемым поршневым насосом обеспечивает плавные и точные движения при планировке и подъёме грузов. Три режима мощности и автоматический холостой ход позволяют оператору подобрать мощность под задачу и экономить топливо на лёгких работах.",
        ],
        [
            "The engine meets current emission standards and works with **electronically controlled hydraulics** that deliver strong digging force at low engine speed. A power boost mode adds breakout force for short periods in hard ground.",
            "发动机满足现行排放标准，配合**电控液压系统**在低转速下即可输出强劲挖掘力。动力提升模式可在硬土工况下短时增加掘起力。",
            "Двигатель соответствует действующим экологическим нормам и работает в паре с **гидросистемой с электронным управлением**, которая развивает высокое усилие копания на низких оборотах. Режим повышения мощности кратковременно увеличивает усилие отрыва в тяжёлом грунте.",
        ],
        [
            "The boom and arm are welded from **high-strength steel**, and every weld at a high-stress point is inspected ultrasonically. Sealed and lubricated track chains extend undercarriage life and cut running costs.",
            "动臂和斗杆采用**高强度钢**焊接，关键受力部位的每一道焊缝都经过超声波探伤。密封润滑式履带链条延长底盘寿命，降低运营成本。",
            "Стрела и рукоять сварены из **высокопрочной стали**, а каждый шов в зонах высоких нагрузок проходит ультразвуковой контроль. Герметизированные смазываемые гусеничные цепи продлевают срок службы ходовой части и снижают эксплуатационные расходы.",
        ],
        [
            "**Telematics** report location, working hours, fuel use and fault codes to the fleet manager, and service intervals are shown on the colour monitor in the cab. Filters and daily check points are reachable from ground level.",
            "**远程监控系统**将位置、工作小时、油耗和故障代码发送给车队管理人员，保养周期显示在驾驶室彩色显示屏上。滤清器和日常检查点均可在地面完成检修。",
            "**Телематика** передаёт менеджеру парка данные о местоположении, моточасах, расходе топлива и кодах неисправностей, а интервалы обслуживания отображаются на цветном мониторе в кабине. Фильтры и точки ежедневного осмотра доступны с уровня земли.",
        ],
    ],
    closings: &[
        [
            "The ROPS/FOPS cab is sound-insulated and air-conditioned, with an adjustable suspension seat and a rear-view camera.",
            "ROPS/FOPS 驾驶室隔音良好，配备空调、可调式减振座椅和后视摄像头。",
            "Кабина с защитой ROPS/FOPS шумоизолирована и оснащена кондиционером, регулируемым подрессоренным сиденьем и камерой заднего вида.",
        ],
        [
            "Breaker piping, a quick coupler and a cold-climate package with an engine pre-heater are available as options.",
            "可选装破碎锤管路、快换接头以及带发动机预热器的高寒配置。",
            "По заказу поставляются гидролиния для гидромолота, быстросъёмное устройство и северный пакет с предпусковым подогревателем.",
        ],
        [
            "A large cooling package keeps the machine working in hot climates, and automatic lubrication of the front attachment shortens daily maintenance.",
            "大容量散热系统使整机适应高温环境，工作装置自动润滑缩短日常维护时间。",
            "Система охлаждения увеличенной ёмкости позволяет работать в жарком климате, а автоматическая смазка рабочего оборудования сокращает ежедневное обслуживание.",
        ],
    ],
    features: &[
        [
            "Three power modes and auto-idle for lower fuel consumption",
            "三种功率模式及自动怠速功能，油耗更低",
            "Три режима мощности и автоматический холостой ход для экономии топлива",
        ],
        [
            "Variable-displacement piston pump with pilot controls",
            "变量柱塞泵配合先导控制，动作平顺精准",
            "Регулируемый поршневой насос и пилотное управление",
        ],
        [
            "Sound-insulated cab with air conditioning and adjustable suspension seat",
            "隔音驾驶室，配备空调和可调式减振座椅",
            "Шумоизолированная кабина с кондиционером и регулируемым подрессоренным сиденьем",
        ],
        [
            "Wear plates on the boom and arm at high-stress points",
            "动臂、斗杆关键受力部位加装耐磨板",
            "Износостойкие накладки на стреле и рукояти в зонах высоких нагрузок",
        ],
        [
            "Ground-level access to filters and daily service points",
            "滤清器及日常保养点均可在地面检修",
            "Доступ к фильтрам и точкам ежедневного обслуживания с уровня земли",
        ],
        [
            "Sealed and lubricated track chains for a long undercarriage life",
            "密封润滑式履带链条，底盘使用寿命长",
            "Герметизированные смазываемые гусеничные цепи для долгого срока службы ходовой части",
        ],
        [
            "High-strength steel boom and arm with ultrasonically inspected welds",
            "高强度钢动臂和斗杆，焊缝经超声波探伤",
            "Стрела и рукоять из высокопрочной стали со сварными швами, прошедшими ультразвуковой контроль",
        ],
        [
            "ROPS/FOPS cab with colour monitor and rear-view camera",
            "ROPS/FOPS 驾驶室，配备彩色显示屏和后视摄像头",
            "Кабина с защитой ROPS/FOPS, цветным монитором и камерой заднего вида",
        ],
        [
            "Telematics with location, working hours and fault codes",
            "远程监控系统，实时掌握位置、工作小时和故障代码",
            "Телематика с данными о местоположении, моточасах и кодах неисправностей",
        ],
        [
            "Power boost mode for hard digging",
            "动力提升模式，轻松应对硬岩挖掘",
            "Режим повышения мощности для трудных грунтов",
        ],
        [
            "Full-length track guards and heavy-duty lower rollers",
            "全长式履带护板和重型支重轮",
            "Защита гусениц по всей длине и усиленные опорные катки",
        ],
        [
            "Automatic lubrication of the front attachment",
            "工作装置自动润滑",
            "Автоматическая смазка рабочего оборудования",
        ],
        [
            "Optional cold-climate package with engine pre-heater",
            "可选装带发动机预热器的高寒配置",
            "Северный пакет с предпусковым подогревателем по заказу",
        ],
    ],
    specs: &[
        num(
            "operating-weight",
            "kg",
            Rule::Scale {
                factor: 100.0,
                step: 100.0,
            },
        ),
        num("bucket-capacity", "m3", lin(0.25, 5.5, 0.05)),
        num("engine-power", "kw", lin(40.0, 420.0, 1.0)),
        num("max-digging-depth", "mm", lin(4000.0, 8500.0, 10.0)),
        num("max-digging-reach", "mm", lin(6000.0, 13500.0, 10.0)),
        num("max-dumping-height", "mm", lin(5500.0, 8200.0, 10.0)),
        num("bucket-digging-force", "kn", lin(50.0, 460.0, 1.0)),
        num("travel-speed", "km-h", lin(5.8, 4.0, 0.1)),
        opt("fuel-tank-capacity", "l", lin(120.0, 1250.0, 10.0)),
    ],
    electric: None,
};

const WHEEL_LOADERS: CategoryPool = CategoryPool {
    id: "wheel-loaders",
    order: 20,
    name: ["Wheel Loaders", "装载机", "Фронтальные погрузчики"],
    summary: [
        "Articulated wheel loaders for stockpile work, truck loading and quarry operations, built on heavy-duty axles and efficient hydraulics.",
        "铰接式轮式装载机，适用于料场倒运、装车和采石场作业，采用重载车桥和高效液压系统。",
        "Фронтальные погрузчики с шарнирно-сочленённой рамой для работы на складах сыпучих материалов, погрузки самосвалов и карьерных работ — с усиленными мостами и экономичной гидравликой.",
    ],
    prefix: "WL",
    numbers: (15, 120),
    images: &["wl-30", "wl-50", "wl-60"],
    names: &[
        [
            "{m} Wheel Loader",
            "{m} 轮式装载机",
            "Фронтальный погрузчик {m}",
        ],
        [
            "{m} Articulated Wheel Loader",
            "{m} 铰接式装载机",
            "Шарнирно-сочленённый погрузчик {m}",
        ],
        [
            "{m} Quarry Loader",
            "{m} 采石场专用装载机",
            "Карьерный погрузчик {m}",
        ],
    ],
    starts: &[
        [
            "A compact, easy-to-drive wheel loader",
            "结构紧凑、操作简便的轮式装载机",
            "Компактный и простой в управлении фронтальный погрузчик",
        ],
        [
            "A robust wheel loader",
            "坚固耐用的轮式装载机",
            "Прочный фронтальный погрузчик",
        ],
        [
            "A heavy wheel loader with long lift arms",
            "配备加长动臂的大型轮式装载机",
            "Тяжёлый фронтальный погрузчик с удлинённой стрелой",
        ],
        [
            "A versatile articulated loader",
            "多用途铰接式装载机",
            "Универсальный погрузчик с шарнирно-сочленённой рамой",
        ],
    ],
    uses: &[
        [
            "building-material yards, farms and municipal services",
            "建材堆场、农牧场和市政作业",
            "складов стройматериалов, сельского хозяйства и коммунальных служб",
        ],
        [
            "quarries, aggregate yards and truck loading",
            "采石场、砂石料场和装车作业",
            "карьеров, площадок нерудных материалов и погрузки самосвалов",
        ],
        [
            "high-volume quarries, mines and bulk terminals",
            "大产量采石场、矿山和散货码头",
            "высокопроизводительных карьеров, горных предприятий и терминалов сыпучих грузов",
        ],
        [
            "stockpile work, snow clearing and general yard work",
            "料场倒运、除雪和各类场地作业",
            "работы на складах сыпучих материалов, уборки снега и работ на площадке",
        ],
    ],
    benefits: &[
        [
            "with heavy-duty axles and efficient hydraulics",
            "采用重载车桥和高效液压系统",
            "с усиленными мостами и экономичной гидравликой",
        ],
        [
            "with a quick coupler for buckets, forks and snow blades",
            "配备快换装置，可配铲斗、货叉和推雪板",
            "с быстросъёмным устройством для ковша, вил и снегового отвала",
        ],
        [
            "with the lift height to load mining dump trucks",
            "卸载高度足以装载矿用自卸车",
            "с высотой выгрузки, достаточной для загрузки карьерных самосвалов",
        ],
        [
            "with low fuel consumption and a quiet, spacious cab",
            "油耗低，驾驶室安静宽敞",
            "с низким расходом топлива и тихой просторной кабиной",
        ],
    ],
    intros: &[
        [
            "The {m} is a versatile loader for bulk materials, snow clearing and general yard work. Its articulated frame and short wheelbase make it agile in tight spaces, and a hydraulic quick coupler lets one machine work with a bucket, pallet forks or a snow blade.",
            "{m} 是一款多用途装载机，可用于散料倒运、除雪和各类场地作业。铰接式车架和较短的轴距使其在狭窄场地内转向灵活；液压快换装置让一台整机即可配装铲斗、货叉或推雪板。",
            "{m} — универсальный погрузчик для работы с сыпучими материалами, уборки снега и любых работ на площадке. Шарнирно-сочленённая рама и короткая колёсная база обеспечивают манёвренность в стеснённых условиях, а гидравлическое быстросъёмное устройство позволяет использовать одну машину с ковшом, вилами или снеговым отвалом.",
        ],
        [
            "The {m} is built for quarry customers who load blasted rock, sand and gravel into trucks shift after shift. Heavy-duty axles, a reinforced front frame and a high breakout force make it at home at the face.",
            "{m} 专为日复一日装载爆破石料、砂子和碎石的采石场客户打造。重载车桥、加强型前车架和强大的掘起力使其胜任工作面作业。",
            "{m} создан для карьеров, где смена за сменой в самосвалы грузят взорванную горную массу, песок и щебень. Усиленные мосты, прочная передняя полурама и высокое вырывное усилие позволяют ему уверенно работать в забое.",
        ],
        [
            "The {m} moves more material per cycle for operations that feed crushers around the clock. Its long lift arms provide ample dumping clearance, and the reinforced rear frame and counterweight keep it stable with a full rock bucket.",
            "{m} 单次作业量更大，适合需要昼夜不停向破碎站喂料的作业场景。加长动臂提供充足的卸载高度，加强型后车架和配重保证满载岩石斗时整机稳定。",
            "{m} перемещает больше материала за цикл и рассчитан на круглосуточную подачу горной массы в дробилки. Удлинённая стрела обеспечивает большую высоту выгрузки, а усиленная задняя полурама и противовес сохраняют устойчивость с полным скальным ковшом.",
        ],
    ],
    tech: &[
        [
            "A **load-sensing hydraulic system** with a variable-displacement pump delivers oil only when it is needed, cutting fuel consumption compared with fixed-pump loaders.",
            "**负荷传感液压系统**配合变量泵按需供油，与定量泵装载机相比油耗更低。",
            "**Гидросистема Load Sensing** с регулируемым насосом подаёт масло только тогда, когда это нужно, и расходует меньше топлива, чем погрузчики с нерегулируемым насосом.",
        ],
        [
            "The electronically controlled **automatic transmission** with kick-down shifts at the right moment, so the operator can concentrate on the bucket. The pilot joystick puts lift and tilt under one hand.",
            "带强制降挡功能的电控**自动变速箱**在最佳时机换挡，驾驶员可以专注于铲斗作业；先导操纵手柄单手即可完成提升和翻斗。",
            "**Автоматическая коробка передач** с электронным управлением и функцией kick-down переключает передачи в нужный момент, и оператор может сосредоточиться на работе ковшом. Джойстик с пилотным управлением позволяет одной рукой управлять подъёмом и поворотом ковша.",
        ],
        [
            "A hydraulically driven, **reversible cooling fan** blows dust out of the radiators at set intervals — a real advantage in dry quarries. Ride control damps pitching on rough haul roads, so loads are carried faster with less spillage.",
            "液压驱动的**可反转冷却风扇**定时反吹，清除散热器积尘，特别适合干燥多尘的采石场。行驶减振系统抑制颠簸道路上的俯仰，提高铲运速度、减少撒料。",
            "**Реверсивный вентилятор** системы охлаждения с гидроприводом периодически продувает радиаторы от пыли — большое преимущество в сухих карьерах. Система плавности хода гасит раскачивание на неровных дорогах, поэтому груз перевозится быстрее и с меньшими потерями.",
        ],
    ],
    closings: &[
        [
            "The cab offers good all-round visibility, a powerful heater and air conditioning as standard.",
            "驾驶室视野开阔，标配大功率暖风和空调。",
            "Кабина с хорошим круговым обзором в стандартной комплектации оснащается мощным отопителем и кондиционером.",
        ],
        [
            "Options include a rock bucket with a bolt-on tooth system, a high-dump coal bucket and a choice of tyres for different ground conditions.",
            "可选配带螺栓连接斗齿的岩石斗、高卸煤斗以及适应不同路况的多种轮胎。",
            "По заказу поставляются скальный ковш с болтовыми зубьями, ковш для угля с увеличенной высотой выгрузки и шины для различных грунтовых условий.",
        ],
        [
            "Central lubrication and ground-level service points keep daily maintenance short.",
            "集中润滑和地面保养点让日常维护更省时。",
            "Централизованная смазка и точки обслуживания на уровне земли сокращают время ежедневного техобслуживания.",
        ],
    ],
    features: &[
        [
            "Articulated frame with a tight turning circle",
            "铰接式车架，转弯半径小",
            "Шарнирно-сочленённая рама и малый радиус поворота",
        ],
        [
            "Torque converter and powershift transmission",
            "液力变矩器和动力换挡变速箱",
            "Гидротрансформатор и коробка передач с переключением под нагрузкой",
        ],
        [
            "Pilot joystick control for lift and tilt",
            "先导操纵手柄控制提升和翻斗",
            "Джойстик с пилотным управлением подъёмом и поворотом ковша",
        ],
        [
            "Hydraulic quick coupler for bucket, pallet forks and snow blade",
            "液压快换装置，可配铲斗、货叉和推雪板",
            "Гидравлическое быстросъёмное устройство для ковша, вил и снегового отвала",
        ],
        [
            "Cab with powerful heater and air conditioning",
            "驾驶室配备大功率暖风和空调",
            "Кабина с мощным отопителем и кондиционером",
        ],
        [
            "Heavy-duty axles with wet multi-disc brakes",
            "重载车桥，配湿式多片制动器",
            "Усиленные мосты с многодисковыми тормозами в масляной ванне",
        ],
        [
            "Load-sensing hydraulics with variable-displacement pump",
            "负荷传感液压系统和变量泵",
            "Гидросистема Load Sensing с регулируемым насосом",
        ],
        [
            "Electronically controlled automatic transmission with kick-down",
            "电控自动变速箱，带强制降挡功能",
            "Автоматическая коробка передач с электронным управлением и функцией kick-down",
        ],
        [
            "Reinforced front frame for rock handling",
            "加强型前车架，适合石料作业",
            "Усиленная передняя полурама для работы со скальной породой",
        ],
        [
            "Long lift arms for loading mining dump trucks",
            "加长动臂，满足矿用自卸车装车需求",
            "Удлинённая стрела для загрузки карьерных самосвалов",
        ],
        [
            "Reversible hydraulic cooling fan for dusty sites",
            "液压驱动可反转冷却风扇，适应多尘工况",
            "Реверсивный вентилятор охлаждения с гидроприводом для пыльных условий",
        ],
        [
            "Ride control for faster load-and-carry work",
            "行驶减振系统，提高铲运效率",
            "Система плавности хода для быстрой транспортировки груза",
        ],
    ],
    specs: &[
        num(
            "rated-load",
            "t",
            Rule::Scale {
                factor: 0.1,
                step: 0.1,
            },
        ),
        num("bucket-capacity", "m3", lin(0.9, 6.5, 0.1)),
        num("engine-power", "kw", lin(55.0, 330.0, 1.0)),
        num("operating-weight", "kg", lin(6000.0, 38000.0, 100.0)),
        num("breakout-force", "kn", lin(50.0, 350.0, 1.0)),
        num("dumping-clearance", "mm", lin(2600.0, 3700.0, 10.0)),
        num("dumping-reach", "mm", lin(900.0, 1500.0, 10.0)),
        opt("max-speed", "km-h", lin(32.0, 40.0, 1.0)),
        opt("fuel-tank-capacity", "l", lin(100.0, 600.0, 10.0)),
    ],
    electric: None,
};

const FORKLIFTS: CategoryPool = CategoryPool {
    id: "electric-forklifts",
    order: 30,
    name: ["Electric Forklifts", "电动叉车", "Электропогрузчики"],
    summary: [
        "Lithium-ion counterbalance forklifts for warehouses, factories and mine-site stores, with zero exhaust emissions, low noise and fast opportunity charging.",
        "锂电池平衡重式电动叉车，适用于仓储物流、工厂车间和矿区库房，零排放、低噪声，支持随用随充。",
        "Электропогрузчики с противовесом и литий-ионными батареями для складов, цехов и складского хозяйства горных предприятий — без выхлопа, с низким уровнем шума и быстрой подзарядкой в перерывах.",
    ],
    prefix: "FE",
    numbers: (10, 100),
    images: &["fe-18", "fe-25", "fe-35", "fe-50"],
    names: &[
        [
            "{m} Electric Forklift",
            "{m} 电动叉车",
            "Электропогрузчик {m}",
        ],
        [
            "{m} Lithium-Ion Forklift",
            "{m} 锂电叉车",
            "Электропогрузчик {m} с литий-ионной батареей",
        ],
        [
            "{m} Electric Counterbalance Truck",
            "{m} 平衡重式电动叉车",
            "Электропогрузчик {m} с противовесом",
        ],
    ],
    starts: &[
        [
            "A compact lithium-ion forklift",
            "紧凑型锂电叉车",
            "Компактный электропогрузчик с литий-ионной батареей",
        ],
        [
            "A dependable electric forklift",
            "可靠耐用的电动叉车",
            "Надёжный электропогрузчик",
        ],
        [
            "A heavier-duty electric forklift",
            "中重型电动叉车",
            "Электропогрузчик повышенной грузоподъёмности",
        ],
        [
            "A quiet, zero-emission counterbalance truck",
            "安静、零排放的平衡重式叉车",
            "Тихий погрузчик с противовесом без выхлопа",
        ],
    ],
    uses: &[
        [
            "warehouses, workshops and production lines with narrow aisles",
            "仓库、车间和通道狭窄的生产线",
            "складов, цехов и производственных линий с узкими проходами",
        ],
        [
            "loading docks, warehouses and factory floors",
            "装卸月台、仓库和工厂车间",
            "погрузочных рамп, складов и цехов",
        ],
        [
            "building materials, steel and spare parts",
            "建材、钢材和备件搬运",
            "стройматериалов, металлопроката и запчастей",
        ],
        [
            "mine-site stores and outdoor yards",
            "矿区库房和室外堆场",
            "складского хозяйства горных предприятий и открытых площадок",
        ],
    ],
    benefits: &[
        [
            "with opportunity charging during breaks",
            "支持休息间隙随时补电",
            "с подзарядкой во время перерывов",
        ],
        [
            "with zero exhaust emissions and low noise",
            "零尾气排放，噪声低",
            "без выхлопа и с низким уровнем шума",
        ],
        [
            "with the power to climb outdoor ramps fully loaded",
            "满载也能轻松爬上室外坡道",
            "с запасом мощности для подъёма по пандусам с полным грузом",
        ],
        [
            "with a maintenance-free lithium iron phosphate battery",
            "配备免维护磷酸铁锂电池",
            "с необслуживаемой литий-железо-фосфатной батареей",
        ],
    ],
    intros: &[
        [
            "The {m} replaces lead-acid forklifts in warehouses and workshops where space is tight. Its compact chassis and tight turning circle make it at home in narrow aisles, and the lithium battery needs no watering and no battery room.",
            "{m} 可替代仓库和车间中的铅酸电池叉车。紧凑的车身和较小的转弯半径使其在窄通道内游刃有余；锂电池无需加水，也无需专门的充电间。",
            "{m} заменяет погрузчики со свинцово-кислотными батареями на складах и в цехах, где мало места. Компактное шасси и малый радиус поворота позволяют работать в узких проходах, а литиевая батарея не требует доливки воды и отдельного зарядного помещения.",
        ],
        [
            "The {m} is the everyday workhorse for loading docks and factory floors. It runs indoors without fumes and outdoors in the rain, and its battery is fully charged in about two hours.",
            "{m} 是装卸月台和工厂车间的日常主力。室内作业无尾气，雨天也可在室外作业，电池约两小时即可充满。",
            "{m} — рабочая машина на каждый день для погрузочных рамп и цехов. Он работает в помещении без выхлопа и на улице под дождём, а батарея полностью заряжается примерно за два часа.",
        ],
        [
            "Built for heavier loads such as steel, engine assemblies and mining spare parts, the {m} gives customers a clean, quiet alternative to diesel forklifts of the same class.",
            "{m} 专为钢材、发动机总成和矿山备件等较重货物打造，为客户提供同级别柴油叉车之外清洁、安静的选择。",
            "{m} создан для тяжёлых грузов — металлопроката, агрегатов двигателей и запчастей горной техники — и даёт чистую и тихую альтернативу дизельным погрузчикам того же класса.",
        ],
    ],
    tech: &[
        [
            "The **lithium iron phosphate battery** supports opportunity charging during breaks, so one truck can work several shifts without a battery change. The battery management system shows the state of charge on the display.",
            "**磷酸铁锂电池**支持休息间隙随时补电，一台叉车即可多班作业而无需更换电池。电池管理系统在显示屏上实时显示剩余电量。",
            "**Литий-железо-фосфатная батарея** допускает подзарядку в перерывах, поэтому один погрузчик работает в несколько смен без замены батареи. Система управления батареей показывает уровень заряда на дисплее.",
        ],
        [
            "**AC drive and lift motors** with regenerative braking recover energy every time the truck slows down or lowers a load. Acceleration and lifting speed adapt automatically to the weight on the forks.",
            "**交流驱动和起升电机**具备再生制动功能，每次减速或下降货物时都能回收能量。加速和起升速度根据货叉上的载荷自动调节。",
            "**Асинхронные двигатели хода и подъёма** с рекуперативным торможением возвращают энергию при каждом замедлении и опускании груза. Разгон и скорость подъёма автоматически подстраиваются под вес груза на вилах.",
        ],
        [
            "Sealed electrical components and **oil-immersed wet brakes** make the truck suitable for outdoor yards, and the brakes need almost no adjustment over their life.",
            "电气元件采用密封设计，配合**湿式制动器**，适合室外堆场作业，制动器在使用寿命内几乎无需调整。",
            "Герметичное электрооборудование и **тормоза в масляной ванне** позволяют работать на открытых площадках, а тормоза почти не требуют регулировки за весь срок службы.",
        ],
    ],
    closings: &[
        [
            "The clear-view mast and integrated side-shifter help the operator place loads quickly and safely.",
            "宽视野门架和一体式侧移器帮助驾驶员快速、安全地放置货物。",
            "Мачта с хорошим обзором и встроенный боковой сдвиг каретки помогают оператору быстро и безопасно устанавливать груз.",
        ],
        [
            "A cold-store package and an enclosed cab with heater are available for work in winter.",
            "可选装冷库配置和带暖风的封闭驾驶室，适应冬季作业。",
            "Для работы зимой по заказу поставляются пакет для холодильных складов и закрытая кабина с отопителем.",
        ],
        [
            "Automatic speed reduction in curves and a load-weighing system with overload warning add to safety in busy warehouses.",
            "转弯自动降速和带超载报警的载荷称重系统，进一步提升繁忙仓库中的作业安全。",
            "Автоматическое снижение скорости на поворотах и система взвешивания груза с предупреждением о перегрузке повышают безопасность на загруженных складах.",
        ],
    ],
    features: &[
        [
            "Maintenance-free lithium iron phosphate battery",
            "免维护磷酸铁锂电池",
            "Необслуживаемая литий-железо-фосфатная батарея",
        ],
        [
            "Opportunity charging during breaks",
            "支持休息间隙随时补电",
            "Подзарядка во время перерывов",
        ],
        [
            "AC drive motor with regenerative braking",
            "交流驱动电机，具备再生制动功能",
            "Асинхронный тяговый электродвигатель с рекуперативным торможением",
        ],
        [
            "Compact chassis for narrow aisles",
            "车身紧凑，适合窄通道作业",
            "Компактное шасси для узких проходов",
        ],
        [
            "Battery management system with state-of-charge display",
            "电池管理系统，实时显示剩余电量",
            "Система управления батареей с индикацией уровня заряда",
        ],
        [
            "Zero exhaust emissions and low noise for indoor work",
            "零尾气排放，噪声低，适合室内作业",
            "Отсутствие выхлопа и низкий уровень шума для работы в помещениях",
        ],
        [
            "Sealed electrical components for outdoor work in the rain",
            "电气元件密封设计，雨天可在室外作业",
            "Герметичное электрооборудование для работы на улице в дождь",
        ],
        [
            "Integrated side-shifter and clear-view mast",
            "一体式侧移器和宽视野门架",
            "Встроенный боковой сдвиг каретки и мачта с хорошим обзором",
        ],
        [
            "Automatic speed reduction in curves",
            "转弯自动降速",
            "Автоматическое снижение скорости на поворотах",
        ],
        [
            "Pneumatic tyres for outdoor work",
            "充气轮胎，适合室外作业",
            "Пневматические шины для работы на улице",
        ],
        [
            "Load-weighing system with overload warning",
            "载荷称重系统，具备超载报警功能",
            "Система взвешивания груза с предупреждением о перегрузке",
        ],
        [
            "Optional cold-store package",
            "可选装冷库配置",
            "Пакет для холодильных складов по заказу",
        ],
    ],
    specs: &[
        num(
            "rated-capacity",
            "kg",
            Rule::Scale {
                factor: 100.0,
                step: 100.0,
            },
        ),
        num(
            "lift-height",
            "mm",
            Rule::Pick(&[3000.0, 3000.0, 3300.0, 3500.0, 4000.0, 4500.0]),
        ),
        num(
            "battery-voltage",
            "v",
            Rule::Tier(&[48.0, 80.0, 80.0, 80.0]),
        ),
        num("battery-capacity", "ah", lin(205.0, 700.0, 5.0)),
        text("battery-type", &["LiFePO4"]),
        num(
            "load-centre",
            "mm",
            Rule::Tier(&[500.0, 500.0, 500.0, 600.0]),
        ),
        num("drive-motor-power", "kw", lin(5.0, 30.0, 1.0)),
        opt("travel-speed", "km-h", lin(12.0, 18.0, 1.0)),
        num("turning-radius", "mm", lin(1600.0, 3300.0, 10.0)),
        opt("operating-weight", "kg", lin(2400.0, 9000.0, 50.0)),
    ],
    electric: None,
};

const DUMP_TRUCKS: CategoryPool = CategoryPool {
    id: "mining-dump-trucks",
    order: 40,
    name: ["Mining Dump Trucks", "矿用自卸车", "Карьерные самосвалы"],
    summary: [
        "Wide-body and rigid-frame mining dump trucks for open-pit haulage, including a battery-electric model for mines with long downhill haul roads.",
        "宽体矿用自卸车和刚性矿用自卸车，适用于露天矿山运输，并提供适合重载下坡工况的纯电动车型。",
        "Карьерные самосвалы с уширенным кузовом и классические самосвалы с жёсткой рамой для открытых горных работ, а также аккумуляторная модель для карьеров с затяжными спусками.",
    ],
    prefix: "MT",
    numbers: (25, 240),
    images: &["mt-60", "mt-60e", "mt-90"],
    names: &[
        [
            "{m} Mining Dump Truck",
            "{m} 矿用自卸车",
            "Карьерный самосвал {m}",
        ],
        [
            "{m} Wide-Body Mining Truck",
            "{m} 宽体矿用自卸车",
            "Карьерный самосвал {m} с уширенным кузовом",
        ],
        [
            "{m} Rigid Mining Dump Truck",
            "{m} 刚性矿用自卸车",
            "Карьерный самосвал {m} с жёсткой рамой",
        ],
    ],
    starts: &[
        [
            "A rugged wide-body mining dump truck",
            "坚固耐用的宽体矿用自卸车",
            "Надёжный карьерный самосвал с уширенным кузовом",
        ],
        [
            "A rigid-frame haul truck",
            "刚性车架矿用自卸车",
            "Карьерный самосвал с жёсткой рамой",
        ],
        [
            "A high-payload mining truck",
            "大载重矿用自卸车",
            "Карьерный самосвал большой грузоподъёмности",
        ],
        [
            "A dependable off-highway truck",
            "可靠的非公路自卸车",
            "Надёжный внедорожный самосвал",
        ],
    ],
    uses: &[
        [
            "open-pit coal, iron ore and quarry haulage",
            "露天煤矿、铁矿和采石场运输",
            "перевозки угля, железной руды и нерудных материалов на открытых горных работах",
        ],
        [
            "large open-pit mines with long haul roads",
            "运输距离长的大型露天矿山",
            "крупных карьеров с длинными транспортными маршрутами",
        ],
        [
            "overburden removal and ore haulage",
            "剥离物和矿石运输",
            "вывоза вскрыши и транспортировки руды",
        ],
        [
            "mines with steep ramps and long descents",
            "坡道陡、下坡长的矿山",
            "карьеров с крутыми подъёмами и затяжными спусками",
        ],
    ],
    benefits: &[
        [
            "combining a high payload with low operating costs",
            "载重量大，运营成本低",
            "с высокой грузоподъёмностью при низких эксплуатационных затратах",
        ],
        [
            "with hydropneumatic suspension for a comfortable ride",
            "配备油气悬挂，乘坐舒适",
            "с гидропневматической подвеской для комфортной езды",
        ],
        [
            "with a hydraulic retarder for safe descents",
            "配备液力缓速器，下坡更安全",
            "с гидравлическим ретардером для безопасных спусков",
        ],
        [
            "sized to be filled by our mining excavators in a few passes",
            "与我们的矿用挖掘机匹配，数斗即可装满",
            "рассчитанный на загрузку нашими карьерными экскаваторами за несколько циклов",
        ],
    ],
    intros: &[
        [
            "The {m} is built for the demands of open-pit mining: long shifts, heavy loads and haul roads that are never quite smooth. A high-strength steel frame with reinforced cross-members carries the load, and hub-reduction axles deliver high torque on ramps.",
            "{m} 专为露天开采的严苛要求而打造：长时间连续作业、重载以及始终不够平整的运输道路。高强度钢车架配加强横梁承载重负荷，轮边减速驱动桥在坡道上提供强大扭矩。",
            "{m} создан для тяжёлых условий открытых горных работ: длинные смены, большие грузы и дороги, которые никогда не бывают идеально ровными. Рама из высокопрочной стали с усиленными поперечинами несёт груз, а мосты с колёсными редукторами развивают высокий крутящий момент на подъёмах.",
        ],
        [
            "Wide-body trucks like the {m} have replaced road trucks in many coal and iron ore mines: they carry far more per trip, cost less to run than rigid haulers and are easy to maintain with standard truck components.",
            "像 {m} 这样的宽体矿用自卸车已在许多煤矿和铁矿取代了公路自卸车：单趟运量更大，运营成本低于刚性矿卡，并且采用通用卡车部件，维护方便。",
            "Самосвалы с уширенным кузовом, такие как {m}, заменили дорожные самосвалы на многих угольных и железорудных карьерах: они перевозят гораздо больше за рейс, дешевле в эксплуатации, чем самосвалы с жёсткой рамой, и просты в обслуживании благодаря стандартным автомобильным узлам.",
        ],
        [
            "The {m} works as a team with our mining excavators and wheel loaders. Its body is sized to be filled in a few passes, and a payload monitoring system records every load to help the mine avoid overloading.",
            "{m} 与我们的矿用挖掘机和装载机协同作业。货箱容积经过匹配，数斗即可装满；载重监测系统记录每一车次的载重，帮助矿山避免超载。",
            "{m} работает в паре с нашими карьерными экскаваторами и фронтальными погрузчиками. Кузов рассчитан на загрузку за несколько циклов, а система контроля загрузки фиксирует массу каждого рейса и помогает избегать перегруза.",
        ],
    ],
    tech: &[
        [
            "**Hydropneumatic suspension** absorbs shocks at the loading point and on the road, protecting the frame and giving the operator a comfortable ride.",
            "**油气悬挂**有效吸收装车冲击和路面颠簸，既保护车架，又让驾驶员乘坐舒适。",
            "**Гидропневматическая подвеска** гасит удары при погрузке и на неровностях дороги, защищая раму и обеспечивая оператору комфорт.",
        ],
        [
            "A fully automatic **planetary powershift transmission** keeps the engine in its most efficient range, and oil-cooled multi-disc brakes with a hydraulic retarder provide steady braking on long grades.",
            "全自动**行星式动力换挡变速箱**使发动机始终在高效区间工作；油冷多片制动器配合液力缓速器，在长坡道上提供平稳的制动效果。",
            "Полностью автоматическая **планетарная коробка передач** поддерживает работу двигателя в наиболее экономичном режиме, а многодисковые тормоза с масляным охлаждением и гидравлический ретардер обеспечивают стабильное торможение на длинных уклонах.",
        ],
        [
            "The body is made of **wear-resistant steel** and can be heated with exhaust gas, so wet or frozen material does not stick in winter.",
            "货箱采用**耐磨钢**制造，可选装尾气加热，冬季湿料和冻料不易粘箱。",
            "Кузов изготовлен из **износостойкой стали** и может обогреваться выхлопными газами, поэтому зимой влажный или смёрзшийся груз не налипает.",
        ],
    ],
    closings: &[
        [
            "The cab has ROPS/FOPS protection, an air-suspension seat and climate control.",
            "驾驶室具备 ROPS/FOPS 防护，配备气囊减振座椅和自动空调。",
            "Кабина имеет защиту ROPS/FOPS, сиденье на пневмоподвеске и климат-контроль.",
        ],
        [
            "A cold-climate package with cab pre-heating and a heated body prepares the truck for Siberian winters.",
            "高寒配置包括驾驶室预热和货箱加热，使整车能够应对西伯利亚的严冬。",
            "Северный пакет с предпусковым подогревом кабины и обогреваемым кузовом готовит самосвал к сибирской зиме.",
        ],
        [
            "A payload monitoring system and telematics give the dispatcher live data on every truck in the fleet.",
            "载重监测系统和远程监控系统为调度人员提供车队中每台车辆的实时数据。",
            "Система контроля загрузки и телематика дают диспетчеру актуальные данные о каждом самосвале парка.",
        ],
    ],
    features: &[
        [
            "High-strength steel frame with reinforced cross-members",
            "高强度钢车架，横梁加强",
            "Рама из высокопрочной стали с усиленными поперечинами",
        ],
        [
            "Hub-reduction drive axles for high torque on ramps",
            "轮边减速驱动桥，爬坡扭矩大",
            "Ведущие мосты с колёсными редукторами для высокого крутящего момента на подъёмах",
        ],
        [
            "Wear-resistant steel body with optional exhaust heating",
            "耐磨钢货箱，可选装尾气加热",
            "Кузов из износостойкой стали, обогрев выхлопными газами по заказу",
        ],
        [
            "Engine brake and hydraulic retarder for long descents",
            "发动机制动和液力缓速器，长下坡更安全",
            "Моторный тормоз и гидравлический ретардер для затяжных спусков",
        ],
        [
            "Suspended cab with air conditioning and heating",
            "悬浮式驾驶室，配备空调和暖风",
            "Подрессоренная кабина с кондиционером и отопителем",
        ],
        [
            "Hydropneumatic suspension on all wheels",
            "全轮油气悬挂",
            "Гидропневматическая подвеска всех колёс",
        ],
        [
            "Fully automatic planetary powershift transmission",
            "全自动行星式动力换挡变速箱",
            "Автоматическая планетарная коробка передач с переключением под нагрузкой",
        ],
        [
            "Oil-cooled multi-disc brakes and hydraulic retarder",
            "油冷多片制动器和液力缓速器",
            "Многодисковые тормоза с масляным охлаждением и гидравлический ретардер",
        ],
        [
            "Payload monitoring system",
            "载重监测系统",
            "Система контроля загрузки",
        ],
        [
            "ROPS/FOPS cab with air-suspension seat and climate control",
            "ROPS/FOPS 驾驶室，配备气囊减振座椅和自动空调",
            "Кабина ROPS/FOPS с сиденьем на пневмоподвеске и климат-контролем",
        ],
    ],
    specs: &[
        num(
            "payload",
            "t",
            Rule::Scale {
                factor: 1.0,
                step: 1.0,
            },
        ),
        num("body-capacity", "m3", lin(14.0, 140.0, 1.0)),
        num("engine-power", "kw", lin(180.0, 1800.0, 1.0)),
        num("empty-weight", "kg", lin(16000.0, 170000.0, 500.0)),
        text("drive-configuration", &["6×4", "6×4", "4×2", "4×2"]),
        num("max-speed", "km-h", lin(40.0, 55.0, 1.0)),
        num("turning-radius", "mm", lin(9000.0, 15000.0, 100.0)),
        num("fuel-tank-capacity", "l", lin(300.0, 4000.0, 10.0)),
    ],
    electric: Some(ElectricPool {
        names: &[
            [
                "{m} Battery-Electric Mining Dump Truck",
                "{m} 纯电动矿用自卸车",
                "Аккумуляторный карьерный самосвал {m}",
            ],
            [
                "{m} Electric Mining Truck",
                "{m} 电动矿用自卸车",
                "Карьерный электросамосвал {m}",
            ],
        ],
        tech: &[[
            "A **lithium iron phosphate battery** with liquid thermal management powers the drive motor, and regenerative braking recovers energy on every loaded descent. Where trucks run downhill full and uphill empty, the battery can even gain charge over a cycle.",
            "**磷酸铁锂电池**配液冷热管理系统为驱动电机供电，每次重载下坡都能通过再生制动回收能量。在重载下坡、空载上坡的线路上，一个循环下来电池电量甚至可能增加。",
            "**Литий-железо-фосфатная батарея** с жидкостной системой терморегулирования питает тяговый двигатель, а рекуперативное торможение возвращает энергию на каждом спуске с грузом. Там, где самосвалы идут вниз гружёными, а вверх порожними, батарея может даже набирать заряд за цикл.",
        ]],
        features: &[
            [
                "Lithium iron phosphate battery with liquid thermal management",
                "磷酸铁锂电池，配液冷热管理系统",
                "Литий-железо-фосфатная батарея с жидкостной системой терморегулирования",
            ],
            [
                "Regenerative braking recovers energy on loaded descents",
                "重载下坡再生制动，回收能量",
                "Рекуперативное торможение на спусках с грузом",
            ],
            [
                "Dual-connector fast charging during breaks",
                "双枪快充，利用休息时间补电",
                "Быстрая зарядка через два разъёма во время перерывов",
            ],
            [
                "Minimal service brake wear and no engine oil changes",
                "行车制动器磨损极小，无需更换机油",
                "Минимальный износ рабочих тормозов, без замены моторного масла",
            ],
            [
                "Zero exhaust emissions at the face",
                "工作面零尾气排放",
                "Отсутствие выхлопных газов в забое",
            ],
            [
                "High-strength steel frame with reinforced cross-members",
                "高强度钢车架，横梁加强",
                "Рама из высокопрочной стали с усиленными поперечинами",
            ],
            [
                "Payload monitoring system",
                "载重监测系统",
                "Система контроля загрузки",
            ],
        ],
        specs: &[
            num(
                "payload",
                "t",
                Rule::Scale {
                    factor: 1.0,
                    step: 1.0,
                },
            ),
            num("body-capacity", "m3", lin(14.0, 140.0, 1.0)),
            num("drive-motor-power", "kw", lin(200.0, 1500.0, 1.0)),
            num("battery-energy", "kwh", lin(250.0, 1600.0, 1.0)),
            num("empty-weight", "kg", lin(18000.0, 185000.0, 500.0)),
            text("drive-configuration", &["6×4", "6×4", "4×2", "4×2"]),
            num("max-speed", "km-h", lin(35.0, 50.0, 1.0)),
            num("turning-radius", "mm", lin(9000.0, 15000.0, 100.0)),
        ],
    }),
};

const DRILLS: CategoryPool = CategoryPool {
    id: "drilling-rigs",
    order: 50,
    name: ["Drilling Rigs", "钻机", "Буровые установки"],
    summary: [
        "Crawler drilling rigs for blasthole drilling in quarries and open-pit mines, from integrated down-the-hole rigs to heavy rotary blasthole drills.",
        "履带式钻机，用于采石场和露天矿山的爆破孔钻凿，涵盖一体式潜孔钻车和大型牙轮钻机。",
        "Гусеничные буровые установки для бурения взрывных скважин в карьерах и на разрезах — от установок с погружным пневмоударником до тяжёлых станков шарошечного бурения.",
    ],
    prefix: "DR",
    numbers: (76, 311),
    images: &["dr-115", "dr-165", "dr-250"],
    names: &[
        [
            "{m} Integrated DTH Drilling Rig",
            "{m} 一体式潜孔钻车",
            "Буровая установка {m}",
        ],
        [
            "{m} Crawler Drilling Rig",
            "{m} 履带式钻机",
            "Гусеничная буровая установка {m}",
        ],
        [
            "{m} Rotary Blasthole Drill",
            "{m} 牙轮钻机",
            "Станок шарошечного бурения {m}",
        ],
    ],
    starts: &[
        [
            "An integrated down-the-hole drilling rig",
            "一体式潜孔钻车",
            "Буровая установка с погружным пневмоударником",
        ],
        [
            "A crawler drilling rig with an on-board compressor",
            "自带空压机的履带式钻机",
            "Гусеничная буровая установка со встроенным компрессором",
        ],
        [
            "A heavy rotary blasthole drill",
            "重型牙轮钻机",
            "Тяжёлый станок шарошечного бурения",
        ],
        [
            "A high-capacity blasthole rig",
            "大排量爆破孔钻机",
            "Высокопроизводительная установка для бурения взрывных скважин",
        ],
    ],
    uses: &[
        [
            "blastholes in quarries, road cuts and small open-pit mines",
            "采石场、道路边坡和中小型露天矿山的爆破孔钻凿",
            "бурения взрывных скважин в карьерах, на дорожных выемках и небольших разрезах",
        ],
        [
            "large-diameter holes in open-pit mines",
            "露天矿山的大孔径钻孔",
            "бурения скважин большого диаметра на открытых горных работах",
        ],
        [
            "bench blasting and pre-splitting",
            "台阶爆破和预裂爆破",
            "отбойки уступов и предварительного щелеобразования",
        ],
        [
            "hard, abrasive rock such as granite and iron ore",
            "花岗岩和铁矿石等坚硬、磨蚀性岩石",
            "бурения крепких абразивных пород, таких как гранит и железная руда",
        ],
    ],
    benefits: &[
        [
            "with the whole drilling cycle controlled from the cab",
            "一名驾驶员即可在驾驶室内完成全部钻孔作业",
            "с управлением всем циклом бурения из кабины",
        ],
        [
            "with automatic rod handling and anti-jamming control",
            "配备自动换杆系统和防卡钎控制",
            "с автоматической подачей штанг и защитой от прихвата",
        ],
        [
            "with a dust collector for clean working conditions",
            "配备集尘器，作业环境清洁",
            "с пылеуловителем для чистоты на рабочем месте",
        ],
        [
            "with optional GNSS hole navigation",
            "可选装卫星定位孔位导航",
            "со спутниковой навигацией по скважинам по заказу",
        ],
    ],
    intros: &[
        [
            "The {m} carries everything it needs on one crawler chassis: a diesel engine, a screw compressor, the drilling boom and a dust collector. There is no separate compressor to tow around the bench, so the rig moves between holes quickly.",
            "{m} 将柴油发动机、螺杆空压机、钻臂和集尘器集成于同一履带底盘之上。无需另行拖运空压机，钻车在台阶上移孔迅速。",
            "{m} несёт на одном гусеничном шасси всё необходимое: дизельный двигатель, винтовой компрессор, буровую стрелу и пылеуловитель. Отдельный компрессор не нужно перетаскивать по уступу, поэтому установка быстро переходит от скважины к скважине.",
        ],
        [
            "The {m} is built for the scale of large open-pit mines, where big-diameter blastholes reduce drilling and blasting costs per tonne of rock. A heavy mast with a powerful pulldown system drives the bit through hard ore and overburden.",
            "{m} 专为大型露天矿山打造，大孔径爆破孔可以降低每吨矿岩的穿孔爆破成本。重型钻架配合强大的加压系统，驱动钻头穿透坚硬的矿石和剥离岩层。",
            "{m} рассчитан на масштабы крупных карьеров, где скважины большого диаметра снижают затраты на буровзрывные работы в пересчёте на тонну горной массы. Мощная мачта с системой принудительной подачи продавливает долото через крепкие руды и вскрышные породы.",
        ],
        [
            "A high-pressure screw compressor driven by a powerful diesel engine keeps the {m} drilling hard even in abrasive granite and iron ore. The articulated boom positions the feed for vertical and inclined holes.",
            "大功率柴油机驱动的高压螺杆空压机，使 {m} 即使在磨蚀性强的花岗岩和铁矿石中也能高效钻进。铰接式钻臂可调整推进梁角度，钻凿垂直孔和倾斜孔。",
            "Высоконапорный винтовой компрессор с приводом от мощного дизельного двигателя позволяет {m} эффективно бурить даже абразивные граниты и железные руды. Шарнирная стрела устанавливает податчик для вертикальных и наклонных скважин.",
        ],
    ],
    tech: &[
        [
            "An **automatic rod-handling system** adds and removes drill rods at the press of a button, and anti-jamming control reduces feed and reverses rotation when the bit starts to stick.",
            "**自动换杆系统**一键完成钻杆的加接与拆卸；防卡钎控制系统在钻头出现卡阻趋势时自动降低推进力并反转回转。",
            "**Автоматическая система подачи штанг** наращивает и разбирает буровой став нажатием кнопки, а система защиты от прихвата снижает усилие подачи и включает обратное вращение, когда коронку начинает заклинивать.",
        ],
        [
            "A **GNSS hole navigation system** guides the operator to each planned collar position and records the depth and angle of every hole for the blasting engineer.",
            "**卫星定位孔位导航系统**引导驾驶员准确到达每个设计孔位，并为爆破工程师记录每个孔的深度和角度。",
            "**Система спутниковой навигации** выводит оператора точно на проектное устье каждой скважины и записывает её глубину и угол наклона для взрывника.",
        ],
        [
            "Four **hydraulic levelling jacks** level the machine on uneven benches in seconds, and the rod changer is operated from the cab, so nobody has to climb onto the deck while drilling.",
            "四个**液压调平千斤顶**可在不平整的台阶上迅速调平整机；换杆装置在驾驶室内操作，钻孔期间无需登上平台。",
            "Четыре **гидравлических домкрата** за секунды горизонтируют машину на неровном уступе, а механизмом смены штанг управляют из кабины, поэтому во время бурения никому не нужно выходить на площадку.",
        ],
    ],
    closings: &[
        [
            "The closed cab is air-conditioned, pressurised against dust and has a clear view of the hole collar.",
            "封闭式驾驶室配备空调和防尘增压系统，可清楚观察孔口情况。",
            "Закрытая кабина оснащена кондиционером и системой наддува от пыли, из неё хорошо видно устье скважины.",
        ],
        [
            "Oscillating tracks keep all rollers on uneven benches, and engine pre-heating and a heated cab are available for cold regions.",
            "履带架可摆动，保证在不平整台阶上所有支重轮均匀着地；针对寒冷地区，可选装发动机预热装置和驾驶室加热系统。",
            "Качающиеся гусеничные тележки обеспечивают контакт всех катков с неровным уступом, а для холодных регионов предлагаются предпусковой подогрев двигателя и обогрев кабины.",
        ],
        [
            "A dust collector and a water injection system keep working conditions clean.",
            "集尘器和注水降尘系统确保作业环境清洁。",
            "Пылеуловитель и система водяного пылеподавления обеспечивают чистоту на рабочем месте.",
        ],
    ],
    features: &[
        [
            "On-board screw compressor, no separate compressor needed",
            "自带螺杆空压机，无需另配空压机",
            "Встроенный винтовой компрессор — отдельный компрессор не нужен",
        ],
        [
            "Automatic rod-handling system",
            "自动换杆系统",
            "Автоматическая система подачи штанг",
        ],
        [
            "Anti-jamming control protects the drill string",
            "防卡钎控制，保护钻具",
            "Защита бурового става от прихвата",
        ],
        [
            "Dry dust collector for clean working conditions",
            "干式集尘器，作业环境清洁",
            "Сухой пылеуловитель для чистоты на рабочем месте",
        ],
        [
            "Articulated boom for vertical and inclined holes",
            "铰接式钻臂，可钻垂直孔和倾斜孔",
            "Шарнирная стрела для вертикальных и наклонных скважин",
        ],
        [
            "Pressurised, air-conditioned cab",
            "增压防尘空调驾驶室",
            "Кабина с наддувом и кондиционером",
        ],
        [
            "High-pressure screw compressor for hard, abrasive rock",
            "高压螺杆空压机，适合坚硬、磨蚀性岩石",
            "Высоконапорный винтовой компрессор для крепких абразивных пород",
        ],
        [
            "Rod carousel for deep holes without manual handling",
            "钻杆库，钻凿深孔无需人工搬杆",
            "Кассета штанг для глубоких скважин без ручной работы",
        ],
        [
            "Optional GNSS hole navigation and drilling records",
            "可选装卫星定位孔位导航和钻孔记录",
            "Спутниковая навигация и запись параметров скважин по заказу",
        ],
        [
            "Oscillating tracks and wide undercarriage",
            "摆动式履带架和宽底盘",
            "Качающиеся гусеничные тележки и широкая ходовая часть",
        ],
        [
            "Four hydraulic levelling jacks",
            "四个液压调平千斤顶",
            "Четыре гидравлических домкрата для горизонтирования",
        ],
        [
            "Dust collector and water injection system",
            "集尘器和注水降尘系统",
            "Пылеуловитель и система водяного пылеподавления",
        ],
    ],
    specs: &[
        num(
            "max-hole-diameter",
            "mm",
            Rule::Scale {
                factor: 1.0,
                step: 1.0,
            },
        ),
        num("max-hole-depth", "m", lin(15.0, 60.0, 1.0)),
        num("engine-power", "kw", lin(90.0, 600.0, 1.0)),
        num("air-delivery", "m3-min", lin(8.0, 45.0, 1.0)),
        num(
            "working-pressure",
            "mpa",
            Rule::Pick(&[0.8, 1.4, 1.7, 2.0, 2.4]),
        ),
        num(
            "rotation-speed",
            "rpm",
            Rule::Pick(&[60.0, 90.0, 100.0, 120.0, 150.0]),
        ),
        num("feed-force", "kn", lin(10.0, 400.0, 1.0)),
        num("operating-weight", "kg", lin(8000.0, 130000.0, 100.0)),
        opt("travel-speed", "km-h", lin(3.5, 1.2, 0.1)),
    ],
    electric: None,
};

/// A city for news articles: en, zh, ru (nominative), ru after "в" (prepositional), ru after
/// "из" / "вблизи" (genitive), and a slug for the article's file name.
pub struct City {
    pub en: &'static str,
    pub zh: &'static str,
    pub ru: &'static str,
    pub ru_loc: &'static str,
    pub ru_gen: &'static str,
    pub slug: &'static str,
}

const fn city(
    en: &'static str,
    zh: &'static str,
    ru: &'static str,
    ru_loc: &'static str,
    ru_gen: &'static str,
    slug: &'static str,
) -> City {
    City {
        en,
        zh,
        ru,
        ru_loc,
        ru_gen,
        slug,
    }
}

pub const CITIES: &[City] = &[
    city("Moscow", "莫斯科", "Москва", "Москве", "Москвы", "moscow"),
    city(
        "Yekaterinburg",
        "叶卡捷琳堡",
        "Екатеринбург",
        "Екатеринбурге",
        "Екатеринбурга",
        "yekaterinburg",
    ),
    city(
        "Novosibirsk",
        "新西伯利亚",
        "Новосибирск",
        "Новосибирске",
        "Новосибирска",
        "novosibirsk",
    ),
    city(
        "Krasnoyarsk",
        "克拉斯诺亚尔斯克",
        "Красноярск",
        "Красноярске",
        "Красноярска",
        "krasnoyarsk",
    ),
    city(
        "Irkutsk",
        "伊尔库茨克",
        "Иркутск",
        "Иркутске",
        "Иркутска",
        "irkutsk",
    ),
    city(
        "Kemerovo",
        "克麦罗沃",
        "Кемерово",
        "Кемерово",
        "Кемерово",
        "kemerovo",
    ),
    city("Almaty", "阿拉木图", "Алматы", "Алматы", "Алматы", "almaty"),
    city(
        "Tashkent",
        "塔什干",
        "Ташкент",
        "Ташкенте",
        "Ташкента",
        "tashkent",
    ),
    city(
        "Ulaanbaatar",
        "乌兰巴托",
        "Улан-Батор",
        "Улан-Баторе",
        "Улан-Батора",
        "ulaanbaatar",
    ),
    city(
        "Jakarta",
        "雅加达",
        "Джакарта",
        "Джакарте",
        "Джакарты",
        "jakarta",
    ),
    city("Dubai", "迪拜", "Дубай", "Дубае", "Дубая", "dubai"),
    city(
        "Johannesburg",
        "约翰内斯堡",
        "Йоханнесбург",
        "Йоханнесбурге",
        "Йоханнесбурга",
        "johannesburg",
    ),
    city("Shanghai", "上海", "Шанхай", "Шанхае", "Шанхая", "shanghai"),
];

/// Trade fairs: name and index into [`CITIES`].
pub const EVENTS: &[(&str, usize)] = &[
    ("bauma CHINA", 12),
    ("CTT Expo", 0),
    ("MiningWorld Russia", 0),
    ("Mining World Central Asia", 6),
    ("Electra Mining Africa", 11),
    ("Mining Indonesia", 9),
];

/// A kind of news article: slug stem, and title, summary and body templates.
pub struct Topic {
    pub slug: &'static str,
    /// Whether the article is about a trade fair (takes `{event}` and the fair's city).
    pub fair: bool,
    pub title: Tr,
    pub summary: Tr,
    pub body: Tr,
}

pub const TOPICS: &[Topic] = &[
    Topic {
        slug: "trade-fair",
        fair: true,
        title: [
            "Meet us at {event} {year} in {city}",
            "石桥重工邀您相约{city} {event} {year}",
            "Приглашаем на {event} {year} в {city_loc}",
        ],
        summary: [
            "We will present our latest mining and construction machines at {event} in {city}.",
            "我们将携最新矿山设备和工程机械亮相{city}举办的 {event}。",
            "Мы представим новейшую горную и строительную технику на выставке {event} в {city_loc}.",
        ],
        body: [
            "We will be exhibiting at {event} {year} in {city}, one of the leading trade fairs for construction and mining machinery. Our stand will show machines for every stage of the job, from drilling to haulage.\n\nOn display:\n\n- the [{p1}](@/products/{l1});\n- the [{p2}](@/products/{l2});\n- the [{p3}](@/products/{l3}).\n\nOur engineers will be on hand to discuss equipment selection, financing and after-sales service. To arrange a meeting in advance, please write to <sales@shiqiao-heavy.example>.",
            "我们将参加在{city}举办的 {event} {year}。这是工程机械和矿山机械领域的重要专业展会，我们的展台将展出覆盖从穿孔到运输各个环节的设备。\n\n参展产品：\n\n- [{p1}](@/products/{l1})；\n- [{p2}](@/products/{l2})；\n- [{p3}](@/products/{l3})。\n\n展会期间，我们的工程师将在展台与您探讨设备选型、融资方案和售后服务。如需提前预约洽谈，请发送邮件至 <sales@shiqiao-heavy.example>。",
            "Мы примем участие в выставке {event} {year} в {city_loc} — одной из ведущих выставок строительной и горной техники. На нашем стенде будет представлена техника для всех этапов работ — от бурения до транспортировки.\n\nНа стенде:\n\n- [{p1}](@/products/{l1});\n- [{p2}](@/products/{l2});\n- [{p3}](@/products/{l3}).\n\nНаши инженеры ответят на вопросы о подборе техники, финансировании и сервисном обслуживании. Чтобы заранее договориться о встрече, напишите нам по адресу <sales@shiqiao-heavy.example>.",
        ],
    },
    Topic {
        slug: "service-centre",
        fair: false,
        title: [
            "New service centre opens in {city}",
            "{city}服务中心正式启用",
            "В {city_loc} открылся новый сервисный центр",
        ],
        summary: [
            "Customers in and around {city} now have spare parts, field service and operator training close at hand.",
            "{city}及周边地区的客户现在可以就近获得备件、现场服务和操作培训。",
            "Клиенты в {city_loc} и окрестностях теперь получают запчасти, выездной сервис и обучение операторов рядом с собой.",
        ],
        body: [
            "Our new service centre in {city} is now open. It combines:\n\n- a **spare-parts warehouse** stocking filters, wear parts and hydraulic hoses for our most popular models, including the [{p1}](@/products/{l1}) and the [{p2}](@/products/{l2});\n- **field service** vans with trained technicians;\n- a **training room** where operators and mechanics learn to get the most from their machines.\n\nThe first training course covers the [{p3}](@/products/{l3}). Please contact our sales team for dates.",
            "我们在{city}的新服务中心现已正式启用，包括：\n\n- **备件库**，储备我们热销机型的滤清器、易损件和液压胶管，包括 [{p1}](@/products/{l1}) 和 [{p2}](@/products/{l2})；\n- 配备专业技术人员的**现场服务车**；\n- **培训教室**，帮助驾驶员和维修人员充分发挥设备性能。\n\n首期培训课程的内容是 [{p3}](@/products/{l3})。具体日期请咨询我们的销售团队。",
            "Наш новый сервисный центр в {city_loc} начал работу. В него входят:\n\n- **склад запчастей** с фильтрами, быстроизнашивающимися деталями и гидравлическими рукавами для самых популярных моделей, в том числе [{p1}](@/products/{l1}) и [{p2}](@/products/{l2});\n- **выездной сервис** с обученными специалистами;\n- **учебный класс**, где операторы и механики учатся использовать технику с максимальной отдачей.\n\nПервый учебный курс посвящён [{p3}](@/products/{l3}). Даты уточняйте у нашего отдела продаж.",
        ],
    },
    Topic {
        slug: "launch",
        fair: false,
        title: [
            "New {p1} now available to order",
            "全新 {p1} 正式接受订购",
            "Новая модель {p1} доступна для заказа",
        ],
        summary: [
            "The {p1} joins our range, with first deliveries to customers in {city} next month.",
            "{p1} 加入我们的产品系列，下月起首批交付{city}客户。",
            "Модель {p1} пополнила нашу линейку, первые поставки клиентам в {city_loc} начнутся в следующем месяце.",
        ],
        body: [
            "We are pleased to introduce the [{p1}](@/products/{l1}). Developed at our technical centre in Xuzhou, it builds on the proven [{p2}](@/products/{l2}) and shares many components with it.\n\nIts main highlights:\n\n- **Lower fuel or energy consumption** per tonne moved\n- **Longer service intervals** and ground-level maintenance\n- **A quieter cab** with better visibility\n\nPre-series machines have been working at customer sites since the beginning of the year alongside the [{p3}](@/products/{l3}). Please contact our sales team for prices and lead times.",
            "我们很高兴推出 [{p1}](@/products/{l1})。该机型由我们位于徐州的技术中心研发，在成熟的 [{p2}](@/products/{l2}) 基础上开发，两者共用大量零部件。\n\n主要亮点：\n\n- 单位作业量的**油耗或能耗更低**\n- **保养周期更长**，地面即可完成保养\n- **驾驶室更安静**，视野更好\n\n自年初以来，样机已与 [{p3}](@/products/{l3}) 一起在多个客户现场投入使用。价格和交货期请咨询我们的销售团队。",
            "Представляем [{p1}](@/products/{l1}). Модель разработана в нашем техническом центре в Сюйчжоу на базе проверенной [{p2}](@/products/{l2}) и унифицирована с ней по многим узлам.\n\nГлавное:\n\n- **Меньший расход топлива или энергии** на тонну перевезённого груза\n- **Увеличенные интервалы обслуживания** и обслуживание с уровня земли\n- **Более тихая кабина** с улучшенным обзором\n\nПредсерийные машины с начала года работают у заказчиков вместе с [{p3}](@/products/{l3}). Цены и сроки поставки уточняйте у нашего отдела продаж.",
        ],
    },
    Topic {
        slug: "plant-visit",
        fair: false,
        title: [
            "Buyers from {city} tour our Xuzhou plant",
            "{city}客户代表团参观徐州工厂",
            "Покупатели из {city_gen} посетили наш завод в Сюйчжоу",
        ],
        summary: [
            "A delegation of mining and construction companies from {city} visited our plant and test ground.",
            "来自{city}的矿山和施工企业代表团参观了我们的工厂和试验场。",
            "Делегация горнодобывающих и строительных компаний из {city_gen} побывала на нашем заводе и испытательном полигоне.",
        ],
        body: [
            "The guests toured the structural steel shop, the robotic welding lines, the final assembly halls and our test ground. They watched the [{p1}](@/products/{l1}) at work, drove the [{p2}](@/products/{l2}) themselves and took a close look at the [{p3}](@/products/{l3}).\n\nThe visitors spoke highly of a quality control system under which every machine is tested before it leaves the factory. Several companies have since asked for trial machines for the coming season.",
            "客人们参观了结构件车间、机器人焊接生产线、总装车间和试验场，观看了 [{p1}](@/products/{l1}) 的作业演示，亲自试驾了 [{p2}](@/products/{l2})，并近距离了解了 [{p3}](@/products/{l3})。\n\n来宾对每台设备出厂前均须经过测试的质量控制体系给予高度评价。此后已有多家企业申请在新一季度试用设备。",
            "Гости осмотрели цех металлоконструкций, роботизированные сварочные линии, цеха окончательной сборки и испытательный полигон. Они увидели в работе [{p1}](@/products/{l1}), сами сели за управление [{p2}](@/products/{l2}) и подробно ознакомились с [{p3}](@/products/{l3}).\n\nГости высоко оценили систему контроля качества, при которой каждая машина проходит испытания перед отгрузкой. С тех пор несколько компаний запросили машины для опытной эксплуатации в новом сезоне.",
        ],
    },
    Topic {
        slug: "field-trials",
        fair: false,
        title: [
            "{p1} completes field trials near {city}",
            "{p1} 在{city}附近完成现场试验",
            "Завершены испытания {p1} вблизи {city_gen}",
        ],
        summary: [
            "A season of trial operation near {city} confirmed the machine's economy and reliability in harsh conditions.",
            "在{city}附近为期一季的试运行，验证了该设备在恶劣工况下的经济性和可靠性。",
            "Сезон опытной эксплуатации вблизи {city_gen} подтвердил экономичность и надёжность машины в тяжёлых условиях.",
        ],
        body: [
            "The [{p1}](@/products/{l1}) has completed a full season of trial operation at a customer site near {city}. The test machines worked around the clock alongside the [{p2}](@/products/{l2}) on the same benches and the same routes.\n\nKey results:\n\n- **availability** above 95 % over the whole season;\n- **no unplanned stops** caused by cold starts or overheating;\n- operators rated the cab and controls *better* than those of the machines they used before.\n\nThe findings have gone into the series version, and the [{p3}](@/products/{l3}) will be tested on the same site next.",
            "[{p1}](@/products/{l1}) 已在{city}附近的客户现场完成整季试运行。试验设备与 [{p2}](@/products/{l2}) 在相同的台阶和相同的线路上昼夜作业。\n\n主要结果：\n\n- 整季**出勤率**超过 95%；\n- **无**因冷启动或过热导致的**非计划停机**；\n- 驾驶员认为驾驶室和操控性*优于*此前使用的设备。\n\n试验结论已应用于量产版本，下一步将在同一现场测试 [{p3}](@/products/{l3})。",
            "[{p1}](@/products/{l1}) завершила полный сезон опытной эксплуатации у заказчика вблизи {city_gen}. Опытные машины работали круглосуточно вместе с [{p2}](@/products/{l2}) на тех же уступах и маршрутах.\n\nОсновные результаты:\n\n- **коэффициент готовности** выше 95 % за весь сезон;\n- **ни одной внеплановой остановки** из-за холодного пуска или перегрева;\n- операторы оценили кабину и органы управления *выше*, чем на машинах, с которыми работали раньше.\n\nВыводы учтены в серийной версии, а следующей на том же объекте будет испытана [{p3}](@/products/{l3}).",
        ],
    },
    Topic {
        slug: "fleet-order",
        fair: false,
        title: [
            "Fleet order: {p1} machines for a mine near {city}",
            "大额订单：{city}附近矿山采购 {p1} 机队",
            "Крупный заказ: парк {p1} для предприятия вблизи {city_gen}",
        ],
        summary: [
            "A mining company near {city} has taken delivery of the first machines of a multi-year fleet order.",
            "{city}附近的一家矿业公司已接收多年期机队订单中的首批设备。",
            "Горнодобывающая компания вблизи {city_gen} получила первые машины по многолетнему контракту на поставку парка техники.",
        ],
        body: [
            "A mining company near {city} has taken delivery of the first [{p1}](@/products/{l1}) machines of a fleet order that runs over the next three years. The order also includes the [{p2}](@/products/{l2}) and the [{p3}](@/products/{l3}).\n\nOur service team commissioned the machines on site and trained the customer's operators and mechanics. A stock of spare parts at the mine keeps downtime short.",
            "{city}附近的一家矿业公司已接收首批 [{p1}](@/products/{l1})，该机队订单将在未来三年内分批交付，订单中还包括 [{p2}](@/products/{l2}) 和 [{p3}](@/products/{l3})。\n\n我们的服务团队在现场完成了设备调试，并为客户培训了驾驶员和维修人员。矿区现场的备件库存可最大限度缩短停机时间。",
            "Горнодобывающая компания вблизи {city_gen} получила первые машины [{p1}](@/products/{l1}) по контракту на поставку парка техники в течение трёх лет. В заказ также входят [{p2}](@/products/{l2}) и [{p3}](@/products/{l3}).\n\nНаши сервисные специалисты провели пусконаладку на месте и обучили операторов и механиков заказчика. Склад запчастей на предприятии сокращает время простоев.",
        ],
    },
];

/// A closing line that links an article to an older one.
pub const SEE_ALSO: Tr = [
    "Read also: [{t}](@/news/{s}).",
    "另请阅读：[{t}](@/news/{s})。",
    "Читайте также: [{t}](@/news/{s}).",
];
