# 石桥重工中文产品目录的站点文本：
# 公司信息、参数表名称（spec-<key>）和计量单位（unit-<id>）。
# 与 locales/en/site.ftl 和 locales/ru/site.ftl 定义相同的消息 ID。

## 公司信息

company-name = 石桥重工股份有限公司
company-short-name = 石桥重工
company-tagline = 坚如石，稳如桥
company-intro = 石桥重工地处我国重要的工程机械产业基地——江苏徐州，专业研发和制造挖掘机、装载机、电动叉车、矿用自卸车和钻机。每一台设备均在自有工厂制造，出厂前经过全面检测，并由完善的备件和服务体系提供保障。从江苏的采石场到乌拉尔和西伯利亚的露天矿山，石桥重工的设备都在可靠地工作。
company-address = 中国江苏省徐州市徐州经济技术开发区石桥路18号，邮编：221000
company-phone = +86 516 0000 0000
company-email = sales@shiqiao-heavy.example

## 参数名称

spec-operating-weight = 工作质量
spec-bucket-capacity = 铲斗容量
spec-engine-power = 发动机功率
spec-max-digging-depth = 最大挖掘深度
spec-max-digging-reach = 最大挖掘半径
spec-max-dumping-height = 最大卸载高度
spec-bucket-digging-force = 铲斗挖掘力
spec-travel-speed = 最大行走速度
spec-fuel-tank-capacity = 燃油箱容积
spec-rated-load = 额定载重量
spec-breakout-force = 最大掘起力
spec-dumping-clearance = 卸载高度
spec-dumping-reach = 卸载距离
spec-max-speed = 最高车速
spec-rated-capacity = 额定起重量
spec-lift-height = 起升高度
spec-load-centre = 载荷中心距
spec-battery-type = 电池类型
spec-battery-voltage = 电池电压
spec-battery-capacity = 电池容量
spec-battery-energy = 电池电量
spec-drive-motor-power = 驱动电机功率
spec-turning-radius = 最小转弯半径
spec-payload = 额定载质量
spec-empty-weight = 整备质量
spec-body-capacity = 货箱容积（堆装）
spec-drive-configuration = 驱动形式
spec-max-hole-diameter = 最大孔径
spec-max-hole-depth = 最大孔深
spec-air-delivery = 空压机排气量
spec-working-pressure = 工作压力
spec-rotation-speed = 最大回转速度
spec-feed-force = 最大推进力

## 计量单位（采用国际单位制符号）

unit-kg = kg
unit-t = t
unit-m3 = m³
unit-kw = kW
unit-mm = mm
unit-m = m
unit-km-h = km/h
unit-l = L
unit-kn = kN
unit-v = V
unit-ah = Ah
unit-kwh = kWh
unit-mpa = MPa
unit-rpm = r/min
unit-m3-min = m³/min
