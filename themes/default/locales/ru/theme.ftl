# Строки интерфейса темы default генератора brochure — русский язык.
# Сайт может переопределить любой идентификатор в своём locales/ru/*.ftl.

## Доступность и навигация
skip-to-content = Перейти к основному содержанию
nav-main-label = Основное меню
nav-categories-label = Категории продукции
language-switcher-label = Язык
nav-products = Продукция
nav-news = Новости
breadcrumbs-label = Навигационная цепочка
breadcrumbs-home = Главная

## Главная страница
hero-cta-products = Каталог техники
hero-cta-contact = Связаться с отделом продаж
home-categories-title = Модельный ряд
home-featured-title = Рекомендуемая техника
home-news-title = Последние новости
all-products = Вся продукция
all-news = Все новости

## Количества
product-count =
    { $count ->
        [one] { $count } товар
        [few] { $count } товара
        [many] { $count } товаров
       *[other] { $count } товара
    }
article-count =
    { $count ->
        [one] { $count } статья
        [few] { $count } статьи
        [many] { $count } статей
       *[other] { $count } статьи
    }

## Списки продукции и категории
products-jump-label = Перейти к категории
search-label = Поиск по сайту
search-placeholder = Поиск техники и новостей
search-results = Результаты поиска
search-none = Ничего не найдено. Попробуйте другое слово или откройте весь каталог.
filter-title = Подобрать по параметрам
filter-category = Категория
filter-all = Все категории
filter-from = от
filter-to = до
filter-status = Показано: { $shown } из { $total }
filter-reset = Показать все
compare-title = Сравнение техники
compare-intro = Характеристики рядом. Строки, в которых машины различаются, выделены.
compare-add = Сравнить
compare-go = Сравнить ({ $count })
compare-clear = Очистить
compare-limit = Сравнить можно не более { $max } машин. Сначала уберите одну.
compare-remove = Убрать { $model } из сравнения
compare-empty = Выберите от двух до четырёх машин: отметьте «Сравнить» в каталоге.
compare-one = Добавьте ещё хотя бы одну машину: отметьте «Сравнить» в каталоге.
compare-needs-js = Таблица сравнения строится в браузере и требует JavaScript. Полные характеристики есть на странице каждой машины.
compare-only-differences = Только различия
compare-print = Печать
compare-missing = Не найдено: { $ids }
compare-differs = различается
products-intro = Вся наша техника по категориям: характеристики и технические листы для скачивания.
category-products-title = Продукция в категории «{ $category }»
no-products = В этой категории пока нет продукции.

## Страница продукта
product-overview = Описание
features-title = Основные преимущества
specs-title = Технические характеристики
specs-jump = Характеристики
specs-caption = Технические характеристики: { $product }
spec-parameter = Параметр
spec-value = Значение
spec-unit = Ед. изм.
product-inquiry = Запросить цену
quote-subject = Запрос цены: { $model }
quote-body =
    Здравствуйте!

    Просим прислать коммерческое предложение на модель:
    { $model }
    { $url }

    Количество:
    Доставка в (город, страна):
    Компания и контактное лицо:
quote-form-title = Запросить цену здесь
quote-form-name = Ваше имя
quote-form-company = Компания
quote-form-email = Эл. почта
quote-form-phone = Телефон
quote-form-message = Количество, город доставки и всё, что нам нужно знать
quote-form-send = Отправить запрос
related-news = Новости по теме
back-to-category = Все модели: { $category }
datasheet-download = Скачать технический лист (PDF, { $size } КБ)
catalog-download = Скачать: { $title } (PDF, { $size } КБ)

## Новости
news-list-title = Статьи
published = Опубликовано
read-more = Читать далее
products-mentioned = Упомянутая техника
back-to-news = Ко всем новостям
no-news = Новостей пока нет.
feed-title = Новости
feed-link = Лента новостей (Atom)

## Постраничная навигация
pagination-label = Страницы
pagination-status = Страница { $current } из { $total }
pagination-prev = Назад
pagination-next = Вперёд
pagination-page = Страница { $number }

## Подвал
footer-contacts = Контакты
footer-company = Компания
footer-phone = Телефон:
footer-email = Эл. почта:
footer-rights = © { $year } { $company } · Все права защищены.

## Страница ошибки
not-found-title = Страница не найдена
not-found-text = К сожалению, такой страницы нет или она была перемещена. Перейдите на главную страницу на вашем языке или откройте каталог продукции.
not-found-languages = Выберите язык
not-found-products = Перейти в каталог

## Печать: каталоги и технические листы
brochure-catalog-title = Каталог продукции
brochure-contents = Содержание
brochure-scan-qr = Подробнее — отсканируйте код
brochure-notes = Для заметок
datasheet-online = Подробное описание, другие языки и актуальные данные на сайте:

## Product pictures: the gallery, and the link to a picture's large copy (zoom)
photo-gallery = Фотографии
photo-zoom = Открыть большое фото
