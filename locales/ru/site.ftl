# Тексты сайта для русской версии каталога «Шицяо Хэви Индастри»:
# сведения о компании, названия характеристик (spec-<key>) и единицы измерения (unit-<id>).
# Те же идентификаторы определены в locales/en/site.ftl и locales/zh/site.ftl.

## Компания

company-name = Акционерная компания «Шицяо Хэви Индастри»
company-short-name = Шицяо Хэви Индастри
company-tagline = Прочность камня, надёжность моста
company-intro = «Шицяо Хэви Индастри» разрабатывает и производит экскаваторы, фронтальные погрузчики, электропогрузчики, карьерные самосвалы и буровые установки в Сюйчжоу — одном из ведущих центров китайского машиностроения. Каждая машина изготавливается на нашем собственном заводе, проходит испытания перед отгрузкой и обеспечивается запчастями и сервисом — от карьеров провинции Цзянсу до горнодобывающих предприятий Урала и Сибири.
company-address = Китай, провинция Цзянсу, г. Сюйчжоу, зона экономического и технологического развития Сюйчжоу, ул. Шицяо, 18, индекс 221000
company-phone = +86 516 0000 0000
company-email = sales@shiqiao-heavy.example

## Названия характеристик

spec-operating-weight = Эксплуатационная масса
spec-bucket-capacity = Вместимость ковша
spec-engine-power = Мощность двигателя
spec-max-digging-depth = Макс. глубина копания
spec-max-digging-reach = Макс. радиус копания
spec-max-dumping-height = Макс. высота выгрузки
spec-bucket-digging-force = Усилие копания на ковше
spec-travel-speed = Макс. скорость передвижения
spec-fuel-tank-capacity = Объём топливного бака
spec-rated-load = Номинальная грузоподъёмность
spec-breakout-force = Вырывное усилие
spec-dumping-clearance = Высота разгрузки
spec-dumping-reach = Вылет при разгрузке
spec-max-speed = Макс. скорость
spec-rated-capacity = Грузоподъёмность
spec-lift-height = Высота подъёма
spec-load-centre = Центр тяжести груза
spec-battery-type = Тип батареи
spec-battery-voltage = Напряжение батареи
spec-battery-capacity = Ёмкость батареи
spec-battery-energy = Энергоёмкость батареи
spec-drive-motor-power = Мощность тягового электродвигателя
spec-turning-radius = Радиус поворота
spec-payload = Грузоподъёмность
spec-empty-weight = Снаряжённая масса
spec-body-capacity = Объём кузова (с шапкой)
spec-drive-configuration = Колёсная формула
spec-max-hole-diameter = Макс. диаметр скважины
spec-max-hole-depth = Макс. глубина бурения
spec-air-delivery = Производительность компрессора
spec-working-pressure = Рабочее давление
spec-rotation-speed = Макс. частота вращения
spec-feed-force = Макс. усилие подачи

## Единицы измерения

unit-kg = кг
unit-t = т
unit-m3 = м³
unit-kw = кВт
unit-mm = мм
unit-m = м
unit-km-h = км/ч
unit-l = л
unit-kn = кН
unit-v = В
unit-ah = А·ч
unit-kwh = кВт·ч
unit-mpa = МПа
unit-rpm = об/мин
unit-m3-min = м³/мин
