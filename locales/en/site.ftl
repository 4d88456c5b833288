# Site messages for the English catalog of Shiqiao Heavy Industry:
# company details, spec-table labels (spec-<key>) and unit symbols (unit-<id>).
# The same message ids are defined in locales/zh/site.ftl and locales/ru/site.ftl.

## Company

company-name = Shiqiao Heavy Industry Co., Ltd.
company-short-name = Shiqiao Heavy Industry
company-tagline = Solid as stone, steady as a bridge.
company-intro = Shiqiao Heavy Industry designs and builds excavators, wheel loaders, electric forklifts, mining dump trucks and drilling rigs in Xuzhou, one of China's leading centres of the construction machinery industry. Every machine is made in our own plant, tested before delivery and backed by spare parts and service, from quarries in Jiangsu to open-pit mines in the Urals and Siberia.
company-address = No. 18 Shiqiao Road, Xuzhou Economic and Technological Development Zone, Xuzhou, Jiangsu 221000, China
company-phone = +86 516 0000 0000
company-email = sales@shiqiao-heavy.example

## Specification labels

spec-operating-weight = Operating weight
spec-bucket-capacity = Bucket capacity
spec-engine-power = Engine power
spec-max-digging-depth = Max. digging depth
spec-max-digging-reach = Max. digging reach
spec-max-dumping-height = Max. dumping height
spec-bucket-digging-force = Bucket digging force
spec-travel-speed = Max. travel speed
spec-fuel-tank-capacity = Fuel tank capacity
spec-rated-load = Rated load
spec-breakout-force = Breakout force
spec-dumping-clearance = Dumping clearance
spec-dumping-reach = Dumping reach
spec-max-speed = Max. speed
spec-rated-capacity = Rated capacity
spec-lift-height = Lift height
spec-load-centre = Load centre
spec-battery-type = Battery type
spec-battery-voltage = Battery voltage
spec-battery-capacity = Battery capacity
spec-battery-energy = Battery energy
spec-drive-motor-power = Drive motor power
spec-turning-radius = Turning radius
spec-payload = Payload
spec-empty-weight = Empty weight
spec-body-capacity = Body capacity (heaped)
spec-drive-configuration = Drive configuration
spec-max-hole-diameter = Max. hole diameter
spec-max-hole-depth = Max. hole depth
spec-air-delivery = Compressor air delivery
spec-working-pressure = Working pressure
spec-rotation-speed = Max. rotation speed
spec-feed-force = Max. feed force

## Units

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
unit-rpm = rpm
unit-m3-min = m³/min
